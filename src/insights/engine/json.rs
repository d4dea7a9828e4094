//! The fields a query reads, found in a JSON object line in one forward scan that stops once
//! the last of them is found. Values are returned as raw text with their kind, so nothing is
//! copied or converted that the query does not use. A query reads a handful of names, so each
//! level keeps them in a short list compared byte for byte: cheaper, for a few names, than
//! hashing every key of every line.

/// The paths to find, as a tree of object keys.
#[derive(Debug, Default)]
pub struct Paths {
    root: Node,
    count: usize,
}

#[derive(Debug, Default)]
struct Node {
    /// The keys under this object that lead to a path, each with its subtree.
    keys: Vec<(Box<[u8]>, Node)>,
    /// The paths that end here (their positions in the output).
    ends: Vec<usize>,
}

impl Paths {
    /// Adds `path` (`["error", "code"]`); its value is found at the returned position.
    pub fn add(&mut self, path: &[&str]) -> usize {
        let mut node = &mut self.root;
        for key in path {
            let at = match node.keys.iter().position(|(k, _)| **k == *key.as_bytes()) {
                Some(at) => at,
                None => {
                    node.keys.push((key.as_bytes().into(), Node::default()));
                    node.keys.len() - 1
                }
            };
            node = &mut node.keys[at].1;
        }
        node.ends.push(self.count);
        self.count += 1;
        self.count - 1
    }

    pub fn len(&self) -> usize {
        self.count
    }
}

/// What a found value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string; the text is its content without quotes, still escaped if `escaped`.
    Str {
        escaped: bool,
    },
    Num,
    Bool(bool),
    Null,
    /// An object or an array; the text is the whole of it.
    Structure,
}

/// A value found: where its text is in the line, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Found {
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.start..self.end]
    }
}

/// The line is not JSON where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Broken;

/// Fills `out[i]` with the value of path `i` (or leaves it `None`) from the object `text`.
/// Reads no further than the last value it needs: a line cut short after them is not noticed
/// here.
pub fn find(text: &str, paths: &Paths, out: &mut [Option<Found>]) -> Result<(), Broken> {
    out.fill(None);
    let mut s = Scanner {
        b: text.as_bytes(),
        at: 0,
    };
    let mut remain = paths.count;
    s.ws();
    s.object(&paths.root, out, &mut remain)?;
    Ok(())
}

/// Where the first `"` or `\\` is. Keys and most values are short: eight bytes at a time in a
/// word find their end before `memchr2` would have set up; past 32 bytes it takes over.
fn quote_or_backslash(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `w` equal to `c` shows as its high bit (exact for the lowest such byte).
    let has = |w: u64, c: u8| {
        let x = w ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    let mut i = 0;
    while i + 8 <= b.len() && i < 32 {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let hit = has(w, b'"') | has(w, b'\\');
        if hit != 0 {
            return Some(i + hit.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    memchr::memchr2(b'"', b'\\', &b[i..]).map(|j| i + j)
}

struct Scanner<'a> {
    b: &'a [u8],
    at: usize,
}

/// Whether the scan goes on (false once every path is found).
type Go = bool;

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), Broken> {
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(Broken)
        }
    }

    /// An object at `at`, recording what `node` asks for; `at` ends after it, or wherever the
    /// last path was found.
    fn object(
        &mut self,
        node: &Node,
        out: &mut [Option<Found>],
        remain: &mut usize,
    ) -> Result<Go, Broken> {
        self.expect(b'{')?;
        self.ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(true);
        }
        loop {
            let key_start = self.at + 1;
            let escaped = self.string()?;
            let key = &self.b[key_start..self.at - 1];
            self.ws();
            self.expect(b':')?;
            self.ws();
            let wanted = if escaped {
                None
            } else {
                // The first byte tells most keys of the same length apart without a `memcmp`.
                node.keys
                    .iter()
                    .find(|(k, _)| k.len() == key.len() && k.first() == key.first() && **k == *key)
            };
            match wanted {
                Some((_, child)) => {
                    let start = self.at;
                    let kind = if !child.keys.is_empty() && self.peek() == Some(b'{') {
                        if !self.object(child, out, remain)? {
                            return Ok(false);
                        }
                        Kind::Structure
                    } else {
                        self.value()?
                    };
                    if !child.ends.is_empty() {
                        let found = match kind {
                            Kind::Str { .. } => Found {
                                start: start + 1,
                                end: self.at - 1,
                                kind,
                            },
                            _ => Found {
                                start,
                                end: self.at,
                                kind,
                            },
                        };
                        for &i in &child.ends {
                            if out[i].is_none() {
                                out[i] = Some(found);
                                *remain -= 1;
                            }
                        }
                        if *remain == 0 {
                            return Ok(false);
                        }
                    }
                }
                None => {
                    self.value()?;
                }
            }
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.ws();
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(true);
                }
                _ => return Err(Broken),
            }
        }
    }

    /// A string at `at`, passed over (its content ends a byte before `at`); whether it holds
    /// escapes. Bytes, not `str`: slicing text would check character boundaries it does not need.
    fn string(&mut self) -> Result<bool, Broken> {
        self.expect(b'"')?;
        let mut escaped = false;
        loop {
            let i = quote_or_backslash(&self.b[self.at..]).ok_or(Broken)?;
            self.at += i;
            if self.b[self.at] == b'\\' {
                escaped = true;
                self.at += 2;
                if self.at > self.b.len() {
                    return Err(Broken);
                }
            } else {
                self.at += 1;
                return Ok(escaped);
            }
        }
    }

    /// Any value at `at`, passed over; its kind.
    fn value(&mut self) -> Result<Kind, Broken> {
        match self.peek().ok_or(Broken)? {
            b'"' => Ok(Kind::Str {
                escaped: self.string()?,
            }),
            b'{' | b'[' => {
                self.structure()?;
                Ok(Kind::Structure)
            }
            b't' => self.literal(b"true", Kind::Bool(true)),
            b'f' => self.literal(b"false", Kind::Bool(false)),
            b'n' => self.literal(b"null", Kind::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while matches!(
                    self.peek(),
                    Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                ) {
                    self.at += 1;
                }
                // A number passed over is only told from garbage by its characters; one that is
                // read is parsed then (`Found` of a `Num`).
                if !self.b[start..self.at].iter().any(u8::is_ascii_digit) {
                    return Err(Broken);
                }
                Ok(Kind::Num)
            }
            _ => Err(Broken),
        }
    }

    fn literal(&mut self, word: &[u8], kind: Kind) -> Result<Kind, Broken> {
        if self.b[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(kind)
        } else {
            Err(Broken)
        }
    }

    /// An object or array passed over by its brackets (strings skipped whole); its nesting is
    /// bounded before a line gets here (`nesting_within`).
    fn structure(&mut self) -> Result<(), Broken> {
        let mut depth = 0usize;
        loop {
            match self.peek().ok_or(Broken)? {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth -= 1,
                _ => {}
            }
            self.at += 1;
            if depth == 0 {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(text: &str, paths: &[&[&str]]) -> Result<Vec<Option<(String, Kind)>>, Broken> {
        let mut p = Paths::default();
        for path in paths {
            p.add(path);
        }
        let mut out = vec![None; p.len()];
        find(text, &p, &mut out)?;
        Ok(out
            .into_iter()
            .map(|o| o.map(|f| (f.text(text).to_string(), f.kind)))
            .collect())
    }

    #[test]
    fn finds_nested_paths_of_every_kind() {
        let line = r#"{"timestamp":"2026-11-22T10:00:00Z", "n" : -1.5e3,"ok":true,"none":null,"error":{"code":"AI_ERROR","list":[1,{"a":"]"}]},"tags":["x","y"],"s":"a\"b"}"#;
        let got = get(
            line,
            &[
                &["timestamp"],
                &["n"],
                &["ok"],
                &["none"],
                &["error", "code"],
                &["error", "list"],
                &["tags"],
                &["s"],
                &["missing"],
                &["error"],
            ],
        )
        .unwrap();
        let s = |t: &str, k| Some((t.to_string(), k));
        assert_eq!(
            got,
            [
                s("2026-11-22T10:00:00Z", Kind::Str { escaped: false }),
                s("-1.5e3", Kind::Num),
                s("true", Kind::Bool(true)),
                s("null", Kind::Null),
                s("AI_ERROR", Kind::Str { escaped: false }),
                s(r#"[1,{"a":"]"}]"#, Kind::Structure),
                s(r#"["x","y"]"#, Kind::Structure),
                s(r#"a\"b"#, Kind::Str { escaped: true }),
                None,
                s(
                    r#"{"code":"AI_ERROR","list":[1,{"a":"]"}]}"#,
                    Kind::Structure
                ),
            ]
        );
    }

    #[test]
    fn quotes_found_at_every_offset() {
        for len in 0..80 {
            for at in 0..len {
                for c in [b'"', b'\\'] {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    if at + 1 < len {
                        b[at + 1] = b'"';
                    }
                    assert_eq!(quote_or_backslash(&b), Some(at), "{len} {at}");
                }
            }
            assert_eq!(quote_or_backslash(&vec![0x80; len]), None);
        }
    }

    #[test]
    fn the_first_of_duplicate_keys_and_a_path_through_a_non_object() {
        let got = get(r#"{"a":1,"a":2,"b":"x"}"#, &[&["a"], &["b", "c"]]).unwrap();
        assert_eq!(got, [Some(("1".into(), Kind::Num)), None]);
    }

    #[test]
    fn broken_json_is_refused_where_it_is_read() {
        for bad in [
            r#"{"a":}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":"open}"#,
            r#"{"b":[1,2}"#,
            r#"{"b":tru}"#,
            r#"{"b":1x,"a":1}"#,
            r#"{"b":1 "a":1}"#,
            "",
            "[1]",
        ] {
            assert_eq!(get(bad, &[&["a"]]), Err(Broken), "{bad}");
        }
        // Past the last value needed nothing is read (`ends_with('}')` catches a cut line).
        assert!(get(r#"{"a":1,"b":}"#, &[&["a"]]).is_ok());
        assert!(get(r#"{"a":1"#, &[&["a"]]).is_ok());
    }

    proptest::proptest! {
        /// Any text gives values or `Broken`, never a panic.
        #[test]
        fn never_panics(text in "\\PC{0,60}") {
            let _ = get(&format!("{{{text}"), &[&["a"], &["a", "b"], &["c"]]);
            let _ = get(&text, &[&["a"]]);
        }
    }
}

//! Tokens of the Logs Insights language, produced on demand: whether `/` starts a regex or
//! divides depends on where the parser is (`parse @message /.../` versus `a / b`), so the parser
//! says which it expects.

use super::error::{ParseError, Pos};

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A field or function name: `duration`, `error.code`, `@timestamp`, or a backquoted name.
    Ident(String),
    /// A backquoted name, kept apart so it is never taken for a keyword.
    Quoted(String),
    Str(String),
    Num(f64),
    /// A number with a time unit, in milliseconds: `5m`, `1h`, `100ms`.
    Duration(i64),
    Regex(String),
    Pipe,
    Comma,
    LParen,
    RParen,
    LBracket,
    RBracket,
    /// `:` between a key and its value (`SOURCE logGroups(namePrefix: [...])`).
    Colon,
    Op(&'static str),
    Eof,
}

impl Tok {
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Quoted(s) => format!("`{s}`"),
            Tok::Str(s) => format!("\"{s}\""),
            Tok::Num(n) => format!("{n}"),
            Tok::Duration(ms) => format!("a duration of {ms} ms"),
            Tok::Regex(r) => format!("/{r}/"),
            Tok::Pipe => "`|`".into(),
            Tok::Comma => "`,`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::LBracket => "`[`".into(),
            Tok::RBracket => "`]`".into(),
            Tok::Colon => "`:`".into(),
            Tok::Op(op) => format!("`{op}`"),
            Tok::Eof => "the end of the query".into(),
        }
    }

    /// Is this the keyword `word` (case-insensitive; backquoted names never are)?
    pub fn is_word(&self, word: &str) -> bool {
        matches!(self, Tok::Ident(s) if s.eq_ignore_ascii_case(word))
    }
}

pub struct Lexer<'a> {
    src: &'a str,
    at: usize,
    last_start: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer {
            src,
            at: 0,
            last_start: 0,
        }
    }

    pub fn source(&self) -> &'a str {
        self.src
    }

    pub fn offset(&self) -> usize {
        self.at
    }

    pub fn pos_at(&self, offset: usize) -> Pos {
        Pos::at(self.src, offset)
    }

    fn rest(&self) -> &'a str {
        &self.src[self.at..]
    }

    fn skip_space(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with('#') {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else {
                return;
            }
        }
    }

    /// Consumes `c` if it comes next, with no space before it (`list[0]`, `list[0].key`).
    pub fn eat(&mut self, c: char) -> bool {
        let hit = self.rest().starts_with(c);
        if hit {
            self.at += c.len_utf8();
        }
        hit
    }

    /// The next token without consuming it, and where it starts.
    pub fn peek(&mut self, regex_allowed: bool) -> Result<(Tok, usize), ParseError> {
        let save = self.at;
        let t = self.next(regex_allowed);
        let start = self.last_start;
        self.at = save;
        t.map(|t| (t, start))
    }

    pub fn next(&mut self, regex_allowed: bool) -> Result<Tok, ParseError> {
        self.skip_space();
        self.last_start = self.at;
        let start = self.at;
        let rest = self.rest();
        let Some(c) = rest.chars().next() else {
            return Ok(Tok::Eof);
        };
        let err = |msg: String| Err(ParseError::new(self.pos_at(start), msg));
        let one = |this: &mut Self, t: Tok| {
            this.at += 1;
            Ok(t)
        };
        match c {
            '|' => one(self, Tok::Pipe),
            ',' => one(self, Tok::Comma),
            '(' => one(self, Tok::LParen),
            ')' => one(self, Tok::RParen),
            '[' => one(self, Tok::LBracket),
            ']' => one(self, Tok::RBracket),
            ':' => one(self, Tok::Colon),
            '"' | '\'' => self.string(c),
            '`' => {
                let end = rest[1..].find('`').map(|i| i + 1);
                match end {
                    Some(end) => {
                        self.at += end + 1;
                        Ok(Tok::Quoted(rest[1..end].to_string()))
                    }
                    None => err("this backquoted name is not closed".into()),
                }
            }
            '/' if regex_allowed => self.regex(),
            '0'..='9' => self.number(),
            '.' if rest[1..].starts_with(|c: char| c.is_ascii_digit()) => self.number(),
            c if c.is_alphabetic() || c == '_' || c == '@' || c == '$' => {
                // Names with other characters (`-`, spaces) are written in backquotes.
                let len = rest
                    .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '@' | '$' | '.')))
                    .unwrap_or(rest.len());
                let name = rest[..len].trim_end_matches('.');
                self.at += name.len();
                Ok(Tok::Ident(name.to_string()))
            }
            _ => {
                for op in [
                    "!=", "<=", ">=", "=~", "==", "=", "<", ">", "+", "-", "*", "/", "%", "^",
                ] {
                    if rest.starts_with(op) {
                        self.at += op.len();
                        return Ok(Tok::Op(op));
                    }
                }
                err(format!("unexpected character `{c}`"))
            }
        }
    }

    fn string(&mut self, quote: char) -> Result<Tok, ParseError> {
        let start = self.at;
        let mut out = String::new();
        let mut chars = self.rest().char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, e)) => out.push(e),
                    None => break,
                },
                c if c == quote => {
                    self.at += i + c.len_utf8();
                    return Ok(Tok::Str(out));
                }
                c => out.push(c),
            }
        }
        Err(ParseError::new(
            self.pos_at(start),
            "this string is not closed",
        ))
    }

    fn regex(&mut self) -> Result<Tok, ParseError> {
        let start = self.at;
        let rest = self.rest();
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                '\\' if !escaped => escaped = true,
                '/' if !escaped => {
                    self.at += i + 1;
                    return Ok(Tok::Regex(rest[1..i].replace("\\/", "/")));
                }
                _ => escaped = false,
            }
        }
        Err(ParseError::new(
            self.pos_at(start),
            "this regular expression is not closed with `/`",
        ))
    }

    fn number(&mut self) -> Result<Tok, ParseError> {
        let start = self.at;
        let rest = self.rest();
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let text = &rest[..digits];
        let value: f64 = text.parse().map_err(|_| {
            ParseError::new(self.pos_at(start), format!("`{text}` is not a number"))
        })?;
        let after = &rest[digits..];
        let unit_len = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        if unit_len == 0 {
            self.at += digits;
            return Ok(Tok::Num(value));
        }
        let unit = &after[..unit_len];
        let Some(ms) = unit_ms(unit) else {
            let calendar = matches!(
                unit.trim_end_matches('s'),
                "mo" | "mon" | "month" | "q" | "qtr" | "quarter" | "y" | "yr" | "year"
            );
            return Err(ParseError::new(
                self.pos_at(start),
                if calendar {
                    format!(
                        "`{text}{unit}`: calendar periods (months, quarters, years) are not supported by the local engine; use days or weeks"
                    )
                } else {
                    format!(
                        "`{text}{unit}`: unknown time unit `{unit}` (use ms, s, m, h, d or w, or their names)"
                    )
                },
            ));
        };
        let total = value * ms;
        if !total.is_finite() || total >= i64::MAX as f64 {
            return Err(ParseError::new(
                self.pos_at(start),
                format!("`{text}{unit}` is too long a duration"),
            ));
        }
        self.at += digits + unit_len;
        Ok(Tok::Duration(total as i64))
    }
}

/// Milliseconds in a time unit, by the names Logs Insights documents for `bin()` (stats: "time
/// units and abbreviations"): a unit of more than one character may take a plural `s`.
fn unit_ms(unit: &str) -> Option<f64> {
    let ms = |name: &str| {
        Some(match name {
            "ms" | "msec" | "millisecond" => 1.0,
            "s" | "sec" | "second" => 1_000.0,
            "m" | "min" | "minute" => 60_000.0,
            "h" | "hr" | "hour" => 3_600_000.0,
            "d" | "day" => 86_400_000.0,
            "w" | "week" => 7.0 * 86_400_000.0,
            _ => return None,
        })
    };
    ms(unit).or_else(|| {
        unit.strip_suffix('s')
            .filter(|singular| singular.len() > 1)
            .and_then(ms)
    })
}

//! `SOURCE logGroups(...)`: the log groups a query reads, written at its head (CloudWatch Logs
//! query syntax, "SOURCE"). It is read before the query runs and resolved to log groups the
//! way `--log-group` names them, so every engine reads the same groups; the rest of the query is
//! what the engines evaluate.

use super::error::ParseError;
use super::lexer::{Lexer, Tok};

/// What `SOURCE logGroups(...)` selects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    /// `namePrefix`: groups whose names start with one of these (none: every group).
    pub prefixes: Vec<String>,
    /// `class`: the log classes read (none: the documented default, `STANDARD`).
    pub classes: Vec<String>,
    /// `accountIdentifiers`: source accounts of cross-account observability.
    pub accounts: Vec<String>,
}

/// The documented bounds: five name prefixes, twenty account identifiers.
const MAX_PREFIXES: usize = 5;
const MAX_ACCOUNTS: usize = 20;
/// The log classes DescribeLogGroups reports.
const CLASSES: &[&str] = &["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"];

impl Source {
    /// The classes read: those named, else `STANDARD`.
    pub fn reads_class(&self, class: &str) -> bool {
        match self.classes.is_empty() {
            true => class == "STANDARD",
            false => self.classes.iter().any(|c| c == class),
        }
    }
}

/// Splits a leading `SOURCE logGroups(...) |` off `text`: what it selects, and the query with
/// the command blanked out (spaces, newlines kept) so positions in errors still point into the
/// text as written. A query without `SOURCE` comes back unchanged.
pub fn split(text: &str) -> Result<(Option<Source>, String), ParseError> {
    let mut lex = Lexer::new(text);
    let (first, _) = lex.peek(false)?;
    if !first.is_word("source") {
        return Ok((None, text.to_string()));
    }
    lex.next(false)?;
    let source = log_groups(&mut lex)?;
    let end = match lex.next(false)? {
        Tok::Pipe => lex.offset(),
        other => {
            return Err(ParseError::new(
                lex.pos_at(lex.offset()),
                format!(
                    "expected `|` and the query after SOURCE, found {}",
                    other.describe()
                ),
            ));
        }
    };
    let blanked: String = text[..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    Ok((Some(source), format!("{blanked}{}", &text[end..])))
}

fn log_groups(lex: &mut Lexer) -> Result<Source, ParseError> {
    let (tok, at) = lex.peek(false)?;
    if !tok.is_word("logGroups") {
        return Err(ParseError::new(
            lex.pos_at(at),
            "SOURCE selects log groups here: `SOURCE logGroups(namePrefix: ['...'])` (data sources are not read)",
        ));
    }
    lex.next(false)?;
    expect(lex, Tok::LParen, "`(`")?;
    let mut source = Source::default();
    let mut seen = Vec::new();
    while lex.peek(false)?.0 != Tok::RParen {
        if !seen.is_empty() {
            expect(lex, Tok::Comma, "`,` or `)`")?;
        }
        let (key, at) = lex.peek(false)?;
        let Tok::Ident(key) = key else {
            return Err(ParseError::new(
                lex.pos_at(at),
                format!(
                    "expected namePrefix, class or accountIdentifiers, found {}",
                    key.describe()
                ),
            ));
        };
        lex.next(false)?;
        expect(lex, Tok::Colon, "`:`")?;
        let values = list(lex)?;
        let key = key.to_ascii_lowercase();
        if seen.contains(&key) {
            return Err(ParseError::new(
                lex.pos_at(at),
                format!("{key} is given twice"),
            ));
        }
        let bad = |message: String| Err(ParseError::new(lex.pos_at(at), message));
        match key.as_str() {
            "nameprefix" if values.len() > MAX_PREFIXES => {
                return bad(format!("namePrefix takes at most {MAX_PREFIXES} prefixes"));
            }
            "nameprefix" => source.prefixes = values,
            "class" | "loggroupclass" => {
                let values: Vec<String> = values.iter().map(|v| v.to_ascii_uppercase()).collect();
                if let Some(v) = values.iter().find(|v| !CLASSES.contains(&v.as_str())) {
                    return bad(format!(
                        "unknown log class {v} (classes: {})",
                        CLASSES.join(", ")
                    ));
                }
                source.classes = values;
            }
            "accountidentifiers" | "accountidentifier" if values.len() > MAX_ACCOUNTS => {
                return bad(format!(
                    "accountIdentifiers takes at most {MAX_ACCOUNTS} accounts"
                ));
            }
            "accountidentifiers" | "accountidentifier" => source.accounts = values,
            _ => {
                return bad(format!(
                    "unknown SOURCE key `{key}` (keys: namePrefix, class, accountIdentifiers)"
                ));
            }
        }
        seen.push(key);
    }
    lex.next(false)?;
    Ok(source)
}

/// `['a', 'b']`: quoted strings in brackets.
fn list(lex: &mut Lexer) -> Result<Vec<String>, ParseError> {
    expect(lex, Tok::LBracket, "`[`")?;
    let mut out = Vec::new();
    loop {
        let (tok, at) = lex.peek(false)?;
        match tok {
            Tok::RBracket if out.is_empty() => break,
            Tok::Str(s) if !s.is_empty() => {
                lex.next(false)?;
                out.push(s);
            }
            other => {
                return Err(ParseError::new(
                    lex.pos_at(at),
                    format!(
                        "expected a quoted, non-empty name, found {}",
                        other.describe()
                    ),
                ));
            }
        }
        match lex.next(false)? {
            Tok::Comma => continue,
            Tok::RBracket => return Ok(out),
            other => {
                return Err(ParseError::new(
                    lex.pos_at(lex.offset()),
                    format!("expected `,` or `]`, found {}", other.describe()),
                ));
            }
        }
    }
    lex.next(false)?;
    Ok(out)
}

fn expect(lex: &mut Lexer, want: Tok, what: &str) -> Result<(), ParseError> {
    let (got, at) = lex.peek(false)?;
    if got != want {
        return Err(ParseError::new(
            lex.pos_at(at),
            format!("expected {what}, found {}", got.describe()),
        ));
    }
    lex.next(false)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_forms_split_off() {
        // The examples of the SOURCE page, each followed by a query.
        let (s, rest) = split(
            "SOURCE logGroups(namePrefix: ['namePrefix1', 'namePrefix2'])\n| fields @message",
        )
        .unwrap();
        let s = s.unwrap();
        assert_eq!(s.prefixes, ["namePrefix1", "namePrefix2"]);
        assert!(s.reads_class("STANDARD") && !s.reads_class("INFREQUENT_ACCESS"));
        assert_eq!(rest.trim_start(), "fields @message");
        assert_eq!(
            rest.len(),
            "SOURCE logGroups(namePrefix: ['namePrefix1', 'namePrefix2'])\n| fields @message".len()
        );
        let (s, _) = split("SOURCE logGroups() | stats count()").unwrap();
        assert_eq!(s.unwrap(), Source::default());
        let (s, _) = split("SOURCE logGroups(class: ['INFREQUENT_ACCESS']) | fields x").unwrap();
        let s = s.unwrap();
        assert!(s.reads_class("INFREQUENT_ACCESS") && !s.reads_class("STANDARD"));
        let (s, _) = split(
            "source logGroups(accountIdentifiers:['111122223333'], namePrefix: [\"a\"]) | fields x",
        )
        .unwrap();
        let s = s.unwrap();
        assert_eq!(
            (s.accounts.as_slice(), s.prefixes.as_slice()),
            (&["111122223333".to_string()][..], &["a".to_string()][..])
        );
        // Without SOURCE the text is the query.
        assert_eq!(
            split("fields source").unwrap(),
            (None, "fields source".into())
        );
    }

    #[test]
    fn malformed_source_is_refused_with_its_position() {
        let err = |q: &str| split(q).unwrap_err();
        assert_eq!(err("SOURCE lg start=-1d | fields x").pos.column, 8);
        assert!(
            err("SOURCE logGroups(namePrefix: ['a']) fields x")
                .message
                .contains("`|`")
        );
        assert!(
            err("SOURCE logGroups(namePrefix: ['a','b','c','d','e','f']) | fields x")
                .message
                .contains("at most 5")
        );
        assert!(
            err("SOURCE logGroups(class: ['COLD']) | fields x")
                .message
                .contains("unknown log class")
        );
        assert!(
            err("SOURCE logGroups(prefix: ['a']) | fields x")
                .message
                .contains("unknown SOURCE key")
        );
        assert!(
            err("SOURCE logGroups(namePrefix: ['a'], namePrefix: ['b']) | fields x")
                .message
                .contains("twice")
        );
        assert!(
            err("SOURCE logGroups(namePrefix: ['']) | fields x")
                .message
                .contains("non-empty")
        );
        assert!(
            err("SOURCE logGroups(namePrefix 'a') | fields x")
                .message
                .contains("`:`")
        );
        let e = err("SOURCE logGroups(\n  namePrefix: [a]) | fields x");
        assert_eq!((e.pos.line, e.pos.column), (2, 16));
    }
}

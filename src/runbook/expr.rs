//! What a runbook step may say about earlier steps: references into their JSON output
//! (`show.execution.status`, `stuck.processes.0.id`, `health.checks[name=api.5xx].status`,
//! `list.processes.length`, `step.$exit`) and `when` conditions built from them
//! (`show.execution.status == "FAILED" and not retry.$exit == "ok"`).

use serde_json::Value;
use std::collections::BTreeMap;

/// Where a reference looks: an earlier step's output, or a parameter (`param.NAME`).
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    pub root: String,
    path: Vec<Seg>,
    text: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
    /// `[key=value]`: the first element of an array whose `key` is `value`.
    Select(String, String),
}

/// What references resolve against: each finished step's JSON (with `$exit`, its exit status)
/// and the parameters.
#[derive(Debug, Default)]
pub struct Scope<'a> {
    pub steps: BTreeMap<String, &'a Value>,
    pub params: BTreeMap<String, String>,
}

impl Ref {
    pub fn parse(text: &str) -> Result<Ref, String> {
        let bad = |why: &str| Err(format!("`{text}`: {why}"));
        let root_end = text.find(['.', '[']).unwrap_or(text.len());
        let root = &text[..root_end];
        if root.is_empty() || !root.chars().all(is_name_char) {
            return bad("a reference starts with a step id or `param`");
        }
        let mut path = Vec::new();
        let mut rest = &text[root_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('[') {
                let Some((inner, after)) = r.split_once(']') else {
                    return bad("`[` is not closed");
                };
                let Some((k, v)) = inner.split_once('=') else {
                    return bad("a selector is written [key=value]");
                };
                path.push(Seg::Select(k.to_string(), v.to_string()));
                rest = after;
            } else if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let seg = &r[..end];
                if seg.is_empty() {
                    return bad("empty path segment");
                }
                path.push(match seg.parse::<usize>() {
                    Ok(i) => Seg::Index(i),
                    Err(_) => Seg::Key(seg.to_string()),
                });
                rest = &r[end..];
            } else {
                return bad("path segments are joined with `.`");
            }
        }
        if root == "param" && path.len() != 1 {
            return bad("a parameter is named `param.NAME`");
        }
        Ok(Ref {
            root: root.to_string(),
            path,
            text: text.to_string(),
        })
    }

    fn is_param(&self) -> bool {
        self.root == "param"
    }

    pub fn param_name(&self) -> Option<&str> {
        match (self.is_param(), self.path.first()) {
            (true, Some(Seg::Key(k))) => Some(k),
            _ => None,
        }
    }

    pub fn resolve(&self, scope: &Scope) -> Option<Value> {
        if let Some(name) = self.param_name() {
            return scope.params.get(name).map(|v| Value::String(v.clone()));
        }
        let mut cur: &Value = scope.steps.get(&self.root)?;
        for (i, seg) in self.path.iter().enumerate() {
            cur = match seg {
                Seg::Key(k) => match cur.get(k) {
                    Some(v) => v,
                    // `.length` of an array, string or object, as the last segment.
                    None if k == "length" && i + 1 == self.path.len() => {
                        let n = match cur {
                            Value::Array(a) => a.len(),
                            Value::String(s) => s.chars().count(),
                            Value::Object(o) => o.len(),
                            _ => return None,
                        };
                        return Some(Value::from(n));
                    }
                    None => return None,
                },
                Seg::Index(n) => cur.get(*n)?,
                Seg::Select(k, v) => cur
                    .as_array()?
                    .iter()
                    .find(|item| item.get(k).map(text_of).as_deref() == Some(v.as_str()))?,
            };
        }
        Some(cur.clone())
    }
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$'
}

/// A value as it goes into a command line or a comparison with a string.
pub fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Compare(Ref, Op, Value),
    /// Present and not false, null, 0, "" or empty.
    Truthy(Ref),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Op(Op),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' || c == '\'' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    Some((_, q)) if q == c => break,
                    Some((_, ch)) => s.push(ch),
                    None => return Err(format!("the string at {i} is not closed")),
                }
            }
            out.push(Token::Str(s));
        } else if "=!<>".contains(c) {
            let two: String = text[i..].chars().take(2).collect();
            let (op, len) = match two.as_str() {
                "==" => (Op::Eq, 2),
                "!=" => (Op::Ne, 2),
                ">=" => (Op::Ge, 2),
                "<=" => (Op::Le, 2),
                _ if c == '>' => (Op::Gt, 1),
                _ if c == '<' => (Op::Lt, 1),
                _ => return Err(format!("unknown operator at {i}; use == != > >= < <=")),
            };
            for _ in 0..len {
                chars.next();
            }
            out.push(Token::Op(op));
        } else {
            let mut w = String::new();
            let mut depth = 0;
            while let Some(&(_, ch)) = chars.peek() {
                if depth == 0 && (ch.is_whitespace() || "=!<>".contains(ch)) {
                    break;
                }
                // `=` inside a selector belongs to the reference.
                match ch {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    _ => {}
                }
                w.push(ch);
                chars.next();
            }
            out.push(Token::Word(w));
        }
    }
    Ok(out)
}

impl Cond {
    pub fn parse(text: &str) -> Result<Cond, String> {
        let toks = tokens(text).map_err(|e| format!("`{text}`: {e}"))?;
        let mut p = Parser { toks, pos: 0 };
        let cond = p.or().map_err(|e| format!("`{text}`: {e}"))?;
        if p.pos != p.toks.len() {
            return Err(format!("`{text}`: unexpected {:?}", p.toks[p.pos]));
        }
        Ok(cond)
    }

    pub fn refs(&self) -> Vec<&Ref> {
        match self {
            Cond::Compare(r, _, _) | Cond::Truthy(r) => vec![r],
            Cond::Not(c) => c.refs(),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().flat_map(Cond::refs).collect(),
        }
    }

    pub fn eval(&self, scope: &Scope) -> bool {
        match self {
            Cond::Truthy(r) => r.resolve(scope).is_some_and(|v| truthy(&v)),
            Cond::Not(c) => !c.eval(scope),
            Cond::And(cs) => cs.iter().all(|c| c.eval(scope)),
            Cond::Or(cs) => cs.iter().any(|c| c.eval(scope)),
            Cond::Compare(r, op, lit) => {
                let got = r.resolve(scope).unwrap_or(Value::Null);
                compare(&got, *op, lit)
            }
        }
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn compare(got: &Value, op: Op, lit: &Value) -> bool {
    if let (Some(a), Value::Number(_)) = (number(got), lit) {
        let b = number(lit).unwrap_or(f64::NAN);
        return match op {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
            Op::Lt => a < b,
            Op::Le => a <= b,
        };
    }
    let equal = match (got, lit) {
        (Value::Null, Value::Null) => true,
        (_, Value::Null) | (Value::Null, _) => false,
        (a, Value::Bool(b)) => a.as_bool() == Some(*b),
        (a, b) => text_of(a) == text_of(b),
    };
    match op {
        Op::Eq => equal,
        Op::Ne => !equal,
        // Ordering is for numbers; anything else is false.
        _ => false,
    }
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek_word(&self, w: &str) -> bool {
        matches!(self.toks.get(self.pos), Some(Token::Word(x)) if x == w)
    }

    fn or(&mut self) -> Result<Cond, String> {
        let mut items = vec![self.and()?];
        while self.peek_word("or") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Cond::Or(items)
        })
    }

    fn and(&mut self) -> Result<Cond, String> {
        let mut items = vec![self.unary()?];
        while self.peek_word("and") {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Cond::And(items)
        })
    }

    fn unary(&mut self) -> Result<Cond, String> {
        if self.peek_word("not") {
            self.pos += 1;
            return Ok(Cond::Not(Box::new(self.unary()?)));
        }
        let r = match self.toks.get(self.pos) {
            Some(Token::Word(w)) => Ref::parse(w)?,
            other => return Err(format!("expected a reference, found {other:?}")),
        };
        self.pos += 1;
        let Some(Token::Op(op)) = self.toks.get(self.pos).cloned() else {
            return Ok(Cond::Truthy(r));
        };
        self.pos += 1;
        let lit = match self.toks.get(self.pos) {
            Some(Token::Str(s)) => Value::String(s.clone()),
            Some(Token::Word(w)) => match w.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                n => serde_json::from_str::<serde_json::Number>(n)
                    .map(Value::Number)
                    .map_err(|_| format!("`{n}` is not a literal; quote strings"))?,
            },
            other => return Err(format!("expected a literal, found {other:?}")),
        };
        self.pos += 1;
        Ok(Cond::Compare(r, op, lit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn with<T>(f: impl FnOnce(&Scope) -> T) -> T {
        let show = json!({"execution": {"status": "FAILED"}, "$exit": "warn",
            "checks": [{"name": "api.5xx", "status": "ok"}, {"name": "lambda.a.errors", "status": "critical"}],
            "processes": [{"id": "p1", "age_secs": 4000}]});
        let mut scope = Scope::default();
        scope.steps.insert("show".into(), &show);
        scope.params.insert("since".into(), "1h".into());
        f(&scope)
    }

    fn yes(text: &str) -> bool {
        with(|s| Cond::parse(text).unwrap().eval(s))
    }

    #[test]
    fn references_walk_keys_indices_selectors_and_length() {
        with(|s| {
            let get = |t: &str| Ref::parse(t).unwrap().resolve(s);
            assert_eq!(get("show.execution.status"), Some(json!("FAILED")));
            assert_eq!(get("show.processes.0.id"), Some(json!("p1")));
            assert_eq!(
                get("show.checks[name=lambda.a.errors].status"),
                Some(json!("critical"))
            );
            assert_eq!(get("show.processes.length"), Some(json!(1)));
            assert_eq!(get("param.since"), Some(json!("1h")));
            assert_eq!(get("show.nothing.here"), None);
            assert_eq!(get("other.x"), None);
        });
    }

    #[test]
    fn conditions() {
        assert!(yes("show.execution.status == \"FAILED\""));
        assert!(yes("show.execution.status != 'SUCCEEDED'"));
        assert!(yes(
            "show.processes.length > 0 and show.processes.0.age_secs >= 3600"
        ));
        assert!(yes(
            "show.checks[name=api.5xx].status == 'critical' or show.$exit == 'warn'"
        ));
        assert!(yes("not show.missing"));
        assert!(yes("show.processes"));
        assert!(!yes("show.processes.length > 1"));
        assert!(!yes("show.execution.status > 3"));
        assert!(!yes("show.missing == 'x'"));
    }

    #[test]
    fn bad_conditions_are_explained() {
        for bad in [
            "show.x ==",
            "show.x = 1",
            "show.x == FAILED",
            "== 1",
            "show.x == 'a",
            "show..x",
            "param.a.b",
            "show.x == 1 show.y",
        ] {
            assert!(Cond::parse(bad).is_err(), "{bad}");
        }
    }
}

//! Values and their semantics: a missing field is null, and null propagates through arithmetic
//! and comparisons (a filter keeps a record only when its condition is true); strings that hold
//! numbers compare and add as numbers, as parsed fields do in Logs Insights.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub enum Value<'a> {
    #[default]
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'a, str>),
    /// Milliseconds since the epoch (`@timestamp`, `bin()`, `fromMillis()`).
    Time(i64),
    /// A map or a list, from `jsonParse()` (Logs Insights' structure types); scalars inside
    /// one become the variants above when read.
    Json(Arc<serde_json::Value>),
}

pub type Owned = Value<'static>;

impl<'a> Value<'a> {
    pub fn str(s: &'a str) -> Value<'a> {
        Value::Str(Cow::Borrowed(s))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn into_owned(self) -> Owned {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Num(n) => Value::Num(n),
            Value::Time(t) => Value::Time(t),
            Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
            Value::Json(j) => Value::Json(j),
        }
    }

    /// A JSON value as a query value: maps and lists stay structured.
    pub fn from_json(v: &serde_json::Value) -> Owned {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => n.as_f64().map(Value::Num).unwrap_or(Value::Null),
            serde_json::Value::String(s) => Value::Str(Cow::Owned(s.clone())),
            other => Value::Json(Arc::new(other.clone())),
        }
    }

    /// The items `unnest` makes of this value: a list's elements; anything else but null is a
    /// list of one ("Any other types ... are treated as a list with one item", unnest).
    pub fn items(self) -> Vec<Value<'a>> {
        match self {
            Value::Null => Vec::new(),
            Value::Json(j) => match j.as_array() {
                Some(list) => list.iter().map(Value::from_json).collect(),
                None => vec![Value::Json(j)],
            },
            other => vec![other],
        }
    }

    pub fn to_owned_value(&self) -> Owned {
        self.clone().into_owned()
    }

    /// The number this value stands for, if any: numbers, times (ms), booleans (1/0) and
    /// strings holding a number.
    pub fn as_num(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            Value::Time(t) => Some(*t as f64),
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            Value::Str(s) => s.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            Value::Null | Value::Json(_) => None,
        }
    }

    /// Truth for `filter`: only `true` passes; null is unknown.
    pub fn truth(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            Value::Num(n) => Some(*n != 0.0),
            Value::Str(s) => Some(!s.is_empty()),
            Value::Time(_) | Value::Json(_) => Some(true),
        }
    }

    /// Text for string functions and matching.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Value::Null => None,
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            Value::Num(n) => Some(Cow::Owned(crate::output::number(*n))),
            Value::Time(t) => Some(Cow::Owned(format_time(*t))),
            Value::Json(j) => Some(Cow::Owned(j.to_string())),
        }
    }

    /// Comparison for `=`, `<` and friends: `None` when either side is null or they cannot
    /// be compared.
    pub fn compare(&self, other: &Value<'_>) -> Option<Ordering> {
        match (self, other) {
            (Value::Null, _) | (_, Value::Null) => None,
            (Value::Str(a), Value::Str(b)) => Some(a.as_ref().cmp(b.as_ref())),
            (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
            (Value::Json(a), Value::Json(b)) => (a == b).then_some(Ordering::Equal),
            (a, b) => {
                let (x, y) = (a.as_num()?, b.as_num()?);
                x.partial_cmp(&y)
            }
        }
    }

    /// Order for `sort` and for presenting groups: nulls last, then numbers before strings.
    pub fn sort_cmp(&self, other: &Value<'_>) -> Ordering {
        match (self, other) {
            (Value::Null, Value::Null) => Ordering::Equal,
            (Value::Null, _) => Ordering::Greater,
            (_, Value::Null) => Ordering::Less,
            _ => self
                .compare(other)
                .unwrap_or_else(|| self.rank().cmp(&other.rank())),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Value::Null => 4,
            Value::Bool(_) => 0,
            Value::Num(_) | Value::Time(_) => 1,
            Value::Str(_) => 2,
            Value::Json(_) => 3,
        }
    }

    /// As printed in results: timestamps in Logs Insights' `YYYY-MM-DD HH:MM:SS.mmm` (UTC).
    pub fn display(&self) -> String {
        match self {
            Value::Null => String::new(),
            other => other.text().map(Cow::into_owned).unwrap_or_default(),
        }
    }

    /// As JSON text (`jsonStringify`).
    pub fn to_json_text(&self) -> String {
        match self {
            Value::Json(j) => j.to_string(),
            other => match other.as_scalar_json() {
                serde_json::Value::Null => "null".to_string(),
                v => v.to_string(),
            },
        }
    }

    fn as_scalar_json(&self) -> serde_json::Value {
        match self {
            Value::Null | Value::Json(_) => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Num(n) => serde_json::Number::from_f64(*n)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::Str(s) => serde_json::Value::String(s.to_string()),
            Value::Time(t) => serde_json::Value::String(format_time(*t)),
        }
    }

    /// As JSON in `-o json` output.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            // As Logs Insights returns every field: text.
            Value::Json(j) => serde_json::Value::String(j.to_string()),
            scalar => scalar.as_scalar_json(),
        }
    }
}

/// Equality and hashing for group keys: values that `compare` equal group together
/// (the number 1 and the string "1" are one group, as in Logs Insights).
impl PartialEq for Value<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Json(a), Value::Json(b)) => a == b,
            (a, b) => match (a.key_num(), b.key_num()) {
                (Some(x), Some(y)) => x.to_bits() == y.to_bits(),
                _ => false,
            },
        }
    }
}

impl Eq for Value<'_> {}

impl Hash for Value<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.key_num() {
            Some(n) => {
                1u8.hash(state);
                n.to_bits().hash(state);
            }
            None => match self {
                Value::Str(s) => {
                    2u8.hash(state);
                    s.hash(state);
                }
                Value::Json(j) => {
                    3u8.hash(state);
                    j.to_string().hash(state);
                }
                _ => 0u8.hash(state),
            },
        }
    }
}

impl Value<'_> {
    /// The number a group key stands for (normalising -0.0), if it is one.
    fn key_num(&self) -> Option<f64> {
        let n = match self {
            Value::Num(n) => *n,
            Value::Time(t) => *t as f64,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Str(s) => s.trim().parse::<f64>().ok().filter(|n| n.is_finite())?,
            Value::Null | Value::Json(_) => return None,
        };
        Some(if n == 0.0 { 0.0 } else { n })
    }
}

pub fn format_time(ms: i64) -> String {
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(t) => t.strftime("%Y-%m-%d %H:%M:%S%.3f").to_string(),
        Err(_) => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nulls_compare_as_unknown() {
        assert_eq!(Value::Null.compare(&Value::Num(1.0)), None);
        assert_eq!(Value::Null.truth(), None);
    }

    #[test]
    fn numeric_strings_compare_as_numbers() {
        assert_eq!(
            Value::str("10").compare(&Value::Num(9.0)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            Value::str("10").compare(&Value::str("9")),
            Some(Ordering::Less),
            "two strings compare as text"
        );
        assert_eq!(Value::str("abc").compare(&Value::Num(1.0)), None);
    }

    #[test]
    fn group_keys_unify_numbers_and_numeric_strings() {
        use std::collections::HashSet;
        let set: HashSet<Value> = [
            Value::Num(1.0),
            Value::str("1"),
            Value::str("one"),
            Value::Null,
            Value::Null,
        ]
        .into_iter()
        .collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn display() {
        assert_eq!(Value::Num(2.5).display(), "2.5");
        assert_eq!(Value::Num(3.0).display(), "3");
        assert_eq!(Value::Time(0).display(), "1970-01-01 00:00:00.000");
        assert_eq!(Value::Null.display(), "");
    }
}

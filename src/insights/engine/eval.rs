//! Evaluating compiled expressions and row-local steps on one record.

use super::ast::{BinOp, Func, Matcher};
use super::compile::{CExpr, PathStep, Step};
use super::value::Value;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::net::IpAddr;

impl CExpr {
    pub fn eval<'a>(&self, row: &[Value<'a>]) -> Value<'a> {
        match self {
            CExpr::Slot(i) => row.get(*i).cloned().unwrap_or(Value::Null),
            CExpr::Const(v) => v.clone(),
            CExpr::Neg(e) => match e.eval(row).as_num() {
                Some(n) => Value::Num(-n),
                None => Value::Null,
            },
            CExpr::Not(e) => Value::Bool(!e.eval(row).truth().unwrap_or(false)),
            CExpr::Binary(op, a, b) => binary(*op, a, b, row),
            CExpr::Like {
                expr,
                matcher,
                negated,
            } => {
                let v = expr.eval(row);
                let hit = v.text().is_some_and(|t| match matcher {
                    Matcher::Contains(s) => t.contains(s.as_str()),
                    Matcher::Regex(re) => re.is_match(&t),
                });
                Value::Bool(hit != *negated)
            }
            CExpr::In {
                expr,
                list,
                negated,
            } => {
                let v = expr.eval(row);
                let hit = list
                    .iter()
                    .any(|e| compare(&v, e, row) == Some(Ordering::Equal));
                Value::Bool(hit != *negated)
            }
            CExpr::InFound {
                expr,
                found,
                negated,
            } => {
                let hit = expr
                    .eval(row)
                    .text()
                    .is_some_and(|t| !found.matching(&t).is_empty());
                Value::Bool(hit != *negated)
            }
            CExpr::Call(f, args) => call(*f, args, row),
            CExpr::TimeBin { ms, timestamp } => match row.get(*timestamp) {
                Some(Value::Time(t)) => Value::Time(t.div_euclid(*ms) * ms),
                _ => Value::Null,
            },
            CExpr::Path(base, steps) => match base.eval(row) {
                Value::Json(j) => {
                    let mut at: &serde_json::Value = &j;
                    for step in steps {
                        let next = match step {
                            PathStep::Key(k) => at.get(k.as_str()),
                            PathStep::Index(i) => at.get(*i),
                        };
                        match next {
                            Some(v) => at = v,
                            None => return Value::Null,
                        }
                    }
                    Value::from_json(at)
                }
                // Only maps and lists have keys and items.
                _ => Value::Null,
            },
        }
    }
}

/// `v` against `e`, reading a constant in place: copying a filter's literal for every record
/// costs an allocation a record.
fn compare(v: &Value<'_>, e: &CExpr, row: &[Value<'_>]) -> Option<Ordering> {
    match e {
        CExpr::Const(c) => v.compare(c),
        _ => v.compare(&e.eval(row)),
    }
}

fn binary<'a>(op: BinOp, a: &CExpr, b: &CExpr, row: &[Value<'a>]) -> Value<'a> {
    match op {
        BinOp::And => Value::Bool(
            a.eval(row).truth().unwrap_or(false) && b.eval(row).truth().unwrap_or(false),
        ),
        BinOp::Or => Value::Bool(
            a.eval(row).truth().unwrap_or(false) || b.eval(row).truth().unwrap_or(false),
        ),
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let ord = match a {
                CExpr::Const(c) => b.eval(row).compare(c).map(Ordering::reverse),
                _ => compare(&a.eval(row), b, row),
            };
            Value::Bool(match op {
                BinOp::Eq => ord == Some(Ordering::Equal),
                BinOp::Ne => ord != Some(Ordering::Equal),
                BinOp::Lt => ord == Some(Ordering::Less),
                BinOp::Le => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
                BinOp::Gt => ord == Some(Ordering::Greater),
                _ => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
            })
        }
        _ => {
            let (x, y) = match (a.eval(row).as_num(), b.eval(row).as_num()) {
                (Some(x), Some(y)) => (x, y),
                _ => return Value::Null,
            };
            let v = match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div if y == 0.0 => return Value::Null,
                BinOp::Div => x / y,
                BinOp::Mod if y == 0.0 => return Value::Null,
                BinOp::Mod => x % y,
                _ => x.powf(y),
            };
            if v.is_finite() {
                Value::Num(v)
            } else {
                Value::Null
            }
        }
    }
}

fn call<'a>(f: Func, args: &[CExpr], row: &[Value<'a>]) -> Value<'a> {
    let arg = |i: usize| args.get(i).map(|e| e.eval(row)).unwrap_or(Value::Null);
    let num = |i: usize, op: fn(f64) -> f64| match arg(i).as_num() {
        Some(n) => Value::Num(op(n)),
        None => Value::Null,
    };
    let text = |i: usize, op: fn(&str) -> String| match arg(i).text() {
        Some(t) => Value::Str(Cow::Owned(op(&t))),
        None => Value::Null,
    };
    match f {
        Func::IsPresent => Value::Bool(!arg(0).is_null()),
        Func::IsEmpty => Value::Bool(arg(0).text().is_none_or(|t| t.is_empty())),
        Func::IsBlank => Value::Bool(arg(0).text().is_none_or(|t| t.trim().is_empty())),
        Func::Coalesce => args
            .iter()
            .map(|e| e.eval(row))
            .find(|v| !v.is_null())
            .unwrap_or(Value::Null),
        Func::Strlen => match arg(0).text() {
            Some(t) => Value::Num(t.chars().count() as f64),
            None => Value::Null,
        },
        Func::ToUpper => text(0, str::to_uppercase),
        Func::ToLower => text(0, str::to_lowercase),
        Func::Concat => {
            let mut out = String::new();
            for e in args {
                if let Some(t) = e.eval(row).text() {
                    out.push_str(&t);
                }
            }
            Value::Str(Cow::Owned(out))
        }
        Func::Abs => num(0, f64::abs),
        Func::Ceil => num(0, f64::ceil),
        Func::Floor => num(0, f64::floor),
        Func::DateFloor => match (arg(0).as_num(), arg(1).as_num()) {
            (Some(t), Some(ms)) if ms > 0.0 => {
                let (t, ms) = (t as i64, ms as i64);
                Value::Time(t.div_euclid(ms) * ms)
            }
            _ => Value::Null,
        },
        Func::FromMillis => match arg(0).as_num() {
            Some(n) => Value::Time(n as i64),
            None => Value::Null,
        },
        // Indexes count characters from 0: substr("xyZfooxyZ", 3, 3) is "foo".
        Func::Substr => match (arg(0).text(), arg(1).as_num()) {
            (Some(t), Some(start)) => {
                let rest = t.chars().skip(start.max(0.0) as usize);
                Value::Str(Cow::Owned(
                    match args.get(2).map(|e| e.eval(row).as_num()) {
                        None => rest.collect(),
                        Some(Some(len)) => rest.take(len.max(0.0) as usize).collect(),
                        Some(None) => return Value::Null,
                    },
                ))
            }
            _ => Value::Null,
        },
        // Every occurrence, as the documentation says.
        Func::Replace => match (arg(0).text(), arg(1).text(), arg(2).text()) {
            (Some(t), Some(from), Some(to)) if !from.is_empty() => {
                Value::Str(Cow::Owned(t.replace(&*from, &to)))
            }
            (Some(t), Some(_), Some(_)) => Value::Str(Cow::Owned(t.into_owned())),
            _ => Value::Null,
        },
        // A number, 1 or 0, as documented (so it can be summed).
        Func::StrContains => both_text(&arg, |t, s| Value::Num(f64::from(u8::from(t.contains(s))))),
        Func::StartsWith => both_text(&arg, |t, s| Value::Bool(t.starts_with(s))),
        Func::EndsWith => both_text(&arg, |t, s| Value::Bool(t.ends_with(s))),
        Func::Trim | Func::LTrim | Func::RTrim => {
            let value = arg(0);
            let Some(t) = value.text() else {
                return Value::Null;
            };
            // Whitespace, or the characters of the second argument.
            let set: Option<Vec<char>> = match args.get(1) {
                None => None,
                Some(e) => match e.eval(row).text() {
                    Some(chars) => Some(chars.chars().collect()),
                    None => return Value::Null,
                },
            };
            let strip = |c: char| set.as_ref().map_or(c.is_whitespace(), |s| s.contains(&c));
            let out = match f {
                Func::LTrim => t.trim_start_matches(strip),
                Func::RTrim => t.trim_end_matches(strip),
                _ => t.trim_matches(strip),
            };
            Value::Str(Cow::Owned(out.to_string()))
        }
        // Over the arguments that are numbers; null when none is.
        Func::Greatest | Func::Least => {
            let nums = args.iter().filter_map(|e| e.eval(row).as_num());
            let pick = if f == Func::Greatest {
                f64::max
            } else {
                f64::min
            };
            nums.reduce(pick).map_or(Value::Null, Value::Num)
        }
        Func::Sqrt => finite(arg(0).as_num().map(f64::sqrt)),
        Func::Log => finite(arg(0).as_num().map(f64::ln)),
        Func::DateCeil => match (arg(0).as_num(), arg(1).as_num()) {
            (Some(t), Some(ms)) if ms > 0.0 => {
                let (t, ms) = (t as i64, ms as i64);
                Value::Time(t.div_euclid(ms) * ms + if t.rem_euclid(ms) == 0 { 0 } else { ms })
            }
            _ => Value::Null,
        },
        Func::ToMillis => match arg(0).as_num() {
            Some(n) => Value::Num(n.trunc()),
            None => Value::Null,
        },
        // "Parses a JSON string into a map or list" (Logs Insights JSON functions); what
        // does not parse is missing.
        Func::JsonParse => match arg(0) {
            v @ Value::Json(_) => v,
            v => v
                .text()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .map(|j| Value::from_json(&j))
                .unwrap_or(Value::Null),
        },
        Func::JsonStringify => match arg(0) {
            Value::Null => Value::Null,
            v => Value::Str(Cow::Owned(v.to_json_text())),
        },
        Func::PatternOf => text(0, super::pattern::of),
        Func::SeverityOf => arg(0)
            .text()
            .as_deref()
            .and_then(super::pattern::severity)
            .map_or(Value::Null, Value::str),
        // Lowercase hex digests of the value's UTF-8 text.
        Func::Md5 => text(0, |t| {
            hex::encode(<md5::Md5 as md5::Digest>::digest(t.as_bytes()))
        }),
        Func::Sha256 => text(0, |t| {
            hex::encode(<sha2::Sha256 as sha2::Digest>::digest(t.as_bytes()))
        }),
        Func::IsValidIp | Func::IsValidIpV4 | Func::IsValidIpV6 => match arg(0).text() {
            Some(t) => Value::Bool(match t.trim().parse::<IpAddr>() {
                Ok(ip) => family_fits(f, &ip),
                Err(_) => false,
            }),
            None => Value::Null,
        },
        Func::IsIpInSubnet | Func::IsIpv4InSubnet | Func::IsIpv6InSubnet => {
            match (arg(0).text(), arg(1).text()) {
                (Some(ip), Some(net)) => Value::Bool(
                    ip.trim()
                        .parse::<IpAddr>()
                        .is_ok_and(|ip| family_fits(f, &ip) && in_subnet(&ip, net.trim())),
                ),
                _ => Value::Null,
            }
        }
    }
}

/// Whether the address is of the family the function names (either, for the plain ones).
fn family_fits(f: Func, ip: &IpAddr) -> bool {
    match f {
        Func::IsValidIpV4 | Func::IsIpv4InSubnet => ip.is_ipv4(),
        Func::IsValidIpV6 | Func::IsIpv6InSubnet => ip.is_ipv6(),
        _ => true,
    }
}

/// Is `ip` inside `cidr` (`10.0.0.0/8`, `2001:db8::/32`)? A subnet that does not parse holds
/// nothing.
fn in_subnet(ip: &IpAddr, cidr: &str) -> bool {
    let Some((net, bits)) = cidr.split_once('/') else {
        return false;
    };
    let (Ok(net), Ok(bits)) = (net.parse::<IpAddr>(), bits.parse::<u32>()) else {
        return false;
    };
    let prefix = |a: u128, b: u128, width: u32| {
        bits <= width && (bits == 0 || (a ^ b) >> (width - bits) == 0)
    };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => prefix(u32::from(*a).into(), u32::from(b).into(), 32),
        (IpAddr::V6(a), IpAddr::V6(b)) => prefix(u128::from(*a), u128::from(b), 128),
        _ => false,
    }
}

/// A function of two texts; null when either is missing.
fn both_text<'a>(
    arg: &dyn Fn(usize) -> Value<'a>,
    f: impl Fn(&str, &str) -> Value<'a>,
) -> Value<'a> {
    match (arg(0).text(), arg(1).text()) {
        (Some(t), Some(s)) => f(&t, &s),
        _ => Value::Null,
    }
}

/// A number, or null for what is not one (the square root of -1, the log of 0).
fn finite<'a>(n: Option<f64>) -> Value<'a> {
    n.filter(|n| n.is_finite()).map_or(Value::Null, Value::Num)
}

thread_local! {
    /// This thread's copies of the `parse` regexes it has run, with room for their captures.
    static PARSERS: std::cell::RefCell<Vec<(regex::Regex, regex::CaptureLocations)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `f` with this thread's own copy of `pattern`: a regex shared between threads hands its
/// search cache to one of them cheaply and to the others through a lock; a copy has its own.
fn with_own_copy<T>(
    pattern: &regex::Regex,
    f: impl FnOnce(&regex::Regex, &mut regex::CaptureLocations) -> T,
) -> T {
    PARSERS.with_borrow_mut(|copies| {
        let at = match copies
            .iter()
            .position(|(re, _)| re.as_str() == pattern.as_str())
        {
            Some(at) => at,
            None => {
                // A query holds a few; a thread that has run many queries starts again.
                if copies.len() >= 64 {
                    copies.clear();
                }
                copies.push((pattern.clone(), pattern.capture_locations()));
                copies.len() - 1
            }
        };
        let (re, spans) = &mut copies[at];
        f(re, spans)
    })
}

/// Runs row-local steps on a record and hands `emit` each record that comes out: none when a
/// filter drops it, one per item after `unnest` (visiting at most [`MAX_UNNESTED`] items in
/// all), else the record itself.
pub fn each_row<'a>(steps: &[Step], row: &mut [Value<'a>], emit: &mut dyn FnMut(&mut [Value<'a>])) {
    let mut budget = MAX_UNNESTED;
    expand(steps, row, emit, &mut budget);
}

/// Items `unnest` visits for one record, at every level together: the service's largest
/// `limit`, so that nested lists cannot multiply without end.
pub const MAX_UNNESTED: usize = super::compile::MAX_LIMIT;

fn expand<'a>(
    steps: &[Step],
    row: &mut [Value<'a>],
    emit: &mut dyn FnMut(&mut [Value<'a>]),
    budget: &mut usize,
) {
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Assign(slot, e) => {
                let v = e.eval(row);
                row[*slot] = v;
            }
            Step::Filter(e) => {
                if !e.eval(row).truth().unwrap_or(false) {
                    return;
                }
            }
            Step::Parse {
                input,
                pattern,
                slots,
            } => {
                // Text read from the line is borrowed, and so are its captures; anything else
                // is copied once.
                let (borrowed, owned) = match input.eval(row) {
                    Value::Str(Cow::Borrowed(t)) => (Some(t), None),
                    v => (None, v.text().map(Cow::into_owned)),
                };
                let text = borrowed.or(owned.as_deref());
                with_own_copy(pattern, |re, spans| {
                    let hit = text.and_then(|t| re.captures_read(spans, t)).is_some();
                    for (i, slot) in slots.iter().enumerate() {
                        let range = spans.get(i + 1).filter(|_| hit).map(|(s, e)| s..e);
                        row[*slot] = match (range, borrowed, text) {
                            (Some(r), Some(line), _) => Value::str(&line[r]),
                            (Some(r), None, Some(t)) => Value::Str(Cow::Owned(t[r].to_string())),
                            _ => Value::Null,
                        };
                    }
                });
            }
            Step::Lookup {
                keys,
                index,
                outputs,
            } => {
                let key: Option<Vec<String>> = keys
                    .iter()
                    .map(|k| k.eval(row).text().map(Cow::into_owned))
                    .collect();
                let found = key.as_deref().and_then(|k| index.row(k));
                for (column, slot) in outputs {
                    row[*slot] = found
                        .map(|r| Value::Str(Cow::Owned(r[*column].clone())))
                        .unwrap_or(Value::Null);
                }
            }
            Step::Join {
                key,
                found,
                outputs,
                keep_unmatched,
            } => {
                let key = key.eval(row).text().map(Cow::into_owned);
                let matches = key
                    .as_deref()
                    .map(|k| found.matching(k))
                    .unwrap_or_default();
                if matches.is_empty() {
                    if !keep_unmatched {
                        return;
                    }
                    for (_, slot) in outputs {
                        row[*slot] = Value::Null;
                    }
                    continue;
                }
                // A record for each match, as `unnest` makes one for each item.
                for &m in matches {
                    if *budget == 0 {
                        return;
                    }
                    *budget -= 1;
                    let mut copy = row.to_vec();
                    for (column, slot) in outputs {
                        copy[*slot] = found.rows[m][*column].clone();
                    }
                    expand(&steps[i + 1..], &mut copy, emit, budget);
                }
                return;
            }
            Step::Unnest { input, slot } => {
                // Recursion as deep as the query's `unnest` commands (bounded when compiled).
                for item in input.eval(row).items() {
                    if *budget == 0 {
                        return;
                    }
                    *budget -= 1;
                    let mut copy = row.to_vec();
                    copy[*slot] = item;
                    expand(&steps[i + 1..], &mut copy, emit, budget);
                }
                return;
            }
        }
    }
    emit(row);
}

/// Whether any record comes out of the steps.
pub fn passes(steps: &[Step], row: &mut [Value<'_>]) -> bool {
    let mut any = false;
    each_row(steps, row, &mut |_| any = true);
    any
}

//! The query library: every Logs Insights query of the guides, one file each under `queries/`,
//! with front matter saying where it comes from, which log groups it reads, its parameters and
//! the ranges its results should stay in.

use crate::config::{Component, Environment, Thresholds};
use crate::error::{Error, Result};
use crate::frontmatter;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub name: String,
    pub title: String,
    pub description: String,
    /// Seed file and heading.
    pub source: String,
    /// Component ids (`ai-generation-worker`) or literal log group names (`/aws/...`).
    pub log_groups: Vec<String>,
    /// Default time range, as a duration back from now.
    pub since: String,
    /// What was changed from the seed's text, and why.
    #[serde(default)]
    pub fix: Option<String>,
    #[serde(default)]
    pub params: Vec<Param>,
    #[serde(default)]
    pub expect: Vec<Expect>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamType {
    Uuid,
    Number,
    Integer,
    String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ParamType,
    pub description: String,
    /// Used when the parameter is not given.
    #[serde(default)]
    pub default: Option<String>,
    /// Shown in help and used for saved query definitions.
    #[serde(default)]
    pub example: Option<String>,
}

/// A range a result column should stay in; rows outside it are flagged. The shipped queries
/// name a key of the threshold table (`within`, `at_most` or `below`), so a config file's value
/// moves the range; `min`/`max` are for one's own query files.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub field: String,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// A range of the threshold table (`quality.target_minutes`): its min and max.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// A number of the threshold table the value may reach but not pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
    /// A number of the threshold table the value must stay under ("N件以上で調査").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<String>,
    /// A number of the threshold table the value may reach but not fall under ("< 40% は異常").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// Only rows where another column has this value.
    #[serde(default)]
    pub when: Option<When>,
    pub source: String,
}

impl Expect {
    /// Takes the numbers of the threshold keys it names.
    fn resolve(&mut self, t: &Thresholds) -> std::result::Result<(), String> {
        let number = |key: &str| {
            t.lookup(key)
                .and_then(|v| v.as_f64())
                .ok_or_else(|| format!("`{key}` is not a number of the threshold table"))
        };
        if let Some(key) = &self.within {
            let v = t
                .lookup(key)
                .ok_or_else(|| format!("`{key}` is not a key of the threshold table"))?;
            match (v["min"].as_f64(), v["max"].as_f64()) {
                (Some(a), Some(b)) => (self.min, self.max) = (Some(a), Some(b)),
                _ => return Err(format!("`{key}` is not a range (min and max)")),
            }
        }
        if let Some(key) = &self.at_most {
            self.max = Some(number(key)?);
        }
        if let Some(key) = &self.below {
            self.max = Some(number(key)?);
        }
        if let Some(key) = &self.at_least {
            self.min = Some(number(key)?);
        }
        if self.min.is_none() && self.max.is_none() {
            return Err(format!("the expectation for `{}` has no bound", self.field));
        }
        Ok(())
    }

    /// Whether `v` is outside the range.
    pub fn breached(&self, v: f64) -> bool {
        let high = match (self.max, self.below.is_some()) {
            (Some(m), true) => v >= m,
            (Some(m), false) => v > m,
            (None, _) => false,
        };
        high || self.min.is_some_and(|m| v < m)
    }

    /// The range as tables print it: `40-50`, `≤ 90`, `< 10`.
    pub fn describe(&self) -> String {
        let n = crate::output::number;
        match (self.min, self.max) {
            (Some(a), Some(b)) => format!("{}-{}", n(a), n(b)),
            (Some(a), None) => format!("≥ {}", n(a)),
            (None, Some(b)) if self.below.is_some() => format!("< {}", n(b)),
            (None, Some(b)) => format!("≤ {}", n(b)),
            (None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub field: String,
    pub equals: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QueryDef {
    #[serde(flatten)]
    pub head: Head,
    /// The query with `{{param}}` placeholders.
    pub text: String,
    pub file: String,
}

impl QueryDef {
    pub fn name(&self) -> &str {
        &self.head.name
    }

    pub fn default_since(&self) -> Duration {
        humantime::parse_duration(&self.head.since).unwrap_or(Duration::from_secs(3600))
    }

    /// Log group names in `env`.
    pub fn log_groups(&self, env: &Environment) -> Vec<String> {
        self.head
            .log_groups
            .iter()
            .map(|g| resolve_group(env, g))
            .collect()
    }

    /// The query text with every parameter checked against its type and written as a literal.
    /// Missing parameters take their default; unknown ones are refused.
    pub fn render(&self, given: &BTreeMap<String, String>) -> Result<String> {
        for key in given.keys() {
            if !self.head.params.iter().any(|p| &p.name == key) {
                return Err(
                    Error::usage(format!("`{}` has no parameter `{key}`", self.name()))
                        .with_hint(self.params_hint()),
                );
            }
        }
        let mut literals = BTreeMap::new();
        for p in &self.head.params {
            let value = given.get(&p.name).or(p.default.as_ref()).ok_or_else(|| {
                Error::usage(format!(
                    "`{}` needs the parameter `{}` ({})",
                    self.name(),
                    p.name,
                    p.description
                ))
                .with_hint(self.params_hint())
            })?;
            literals.insert(p.name.as_str(), literal(p, value)?);
        }
        Ok(substitute(&self.text, &literals))
    }

    /// The text with examples (or defaults) in place of parameters, as saved definitions show it.
    pub fn example_text(&self) -> Result<String> {
        let given = self
            .head
            .params
            .iter()
            .filter_map(|p| {
                p.example
                    .clone()
                    .or(p.default.clone())
                    .map(|v| (p.name.clone(), v))
            })
            .collect();
        self.render(&given)
    }

    pub fn params_hint(&self) -> String {
        if self.head.params.is_empty() {
            return format!("`{}` takes no parameters", self.name());
        }
        let list: Vec<String> = self
            .head
            .params
            .iter()
            .map(|p| {
                let kind = format!("{:?}", p.kind).to_lowercase();
                match (&p.default, &p.example) {
                    (Some(d), _) => format!("-p {}=<{kind}> (default {d})", p.name),
                    (None, Some(e)) => format!("-p {}=<{kind}> (e.g. {e})", p.name),
                    _ => format!("-p {}=<{kind}>", p.name),
                }
            })
            .collect();
        format!("parameters: {}", list.join(", "))
    }
}

/// `{{name}}` placeholders replaced by their literals in one pass over the query's own text:
/// a value is never scanned again, so one that contains `{{other}}` stays text.
fn substitute(text: &str, literals: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        match after
            .find("}}")
            .and_then(|close| Some((close, literals.get(&after[..close])?)))
        {
            Some((close, literal)) => {
                out.push_str(literal);
                rest = &after[close + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The largest integer a double holds exactly (2^53): beyond it, a number is not what was typed.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// `text` as a decimal in a canonical form (`-1.5e3` and `-1500` alike), to compare what was
/// typed with what a double holds.
fn canonical_decimal(text: &str) -> Option<(bool, String, i64)> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (mantissa, exp) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (t, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !(int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())) || int.len() + frac.len() == 0
    {
        return None;
    }
    let digits = format!("{int}{frac}");
    let exp = exp - frac.len() as i64;
    let trimmed_start = digits.trim_start_matches('0');
    let trailing = trimmed_start.len() - trimmed_start.trim_end_matches('0').len();
    let digits = trimmed_start.trim_end_matches('0').to_string();
    if digits.is_empty() {
        return Some((false, String::new(), 0));
    }
    Some((negative, digits, exp + trailing as i64))
}

/// A parameter value as a literal of the query language, or a usage error. Values are data:
/// nothing a user passes can end a string or add a command.
pub fn literal(p: &Param, value: &str) -> Result<String> {
    let bad = |why: &str| {
        Error::usage(format!(
            "`{value}` is not a valid {} for `{}`: {why}",
            format!("{:?}", p.kind).to_lowercase(),
            p.name
        ))
    };
    match p.kind {
        ParamType::Uuid => {
            let id = uuid::Uuid::parse_str(value.trim())
                .map_err(|_| bad("expected a UUID such as 550e8400-e29b-41d4-a716-446655440000"))?;
            Ok(format!("\"{}\"", id.hyphenated()))
        }
        ParamType::Number => {
            let n: f64 = value.trim().parse().map_err(|_| bad("expected a number"))?;
            if !n.is_finite() {
                return Err(bad("expected a finite number"));
            }
            // Written as the shortest decimal that is exactly this double, and only when that is
            // the number that was typed: a value the query cannot hold is refused, not rounded.
            let written = format!("{n}");
            let exact = n.abs() <= EXACT_INTEGERS
                && (n == 0.0 || n.is_normal())
                && canonical_decimal(value) == canonical_decimal(&written);
            if !exact {
                return Err(bad(
                    "it cannot be held exactly; give at most 15 significant digits, within ±9007199254740992",
                ));
            }
            Ok(written)
        }
        ParamType::Integer => {
            let n: i64 = value
                .trim()
                .parse()
                .map_err(|_| bad("expected a whole number"))?;
            Ok(n.to_string())
        }
        ParamType::String => {
            if value
                .chars()
                .any(|c| c == '"' || c == '\\' || c.is_control())
            {
                return Err(bad(
                    "quotes, backslashes and control characters are not allowed",
                ));
            }
            Ok(format!("\"{value}\""))
        }
    }
}

/// A component id (`ai-generation-worker`) becomes its log group; a literal name stays.
/// A `--log-group` as CloudWatch Logs names them: 1-512 characters of letters, digits and
/// `_ - / . #` (CreateLogGroup's rules), or a component id. Checked before anything runs, so a
/// typo is bad input, not a failed call.
pub fn check_group_name(group: &str) -> Result<()> {
    let valid = !group.is_empty()
        && group.len() <= 512
        && group
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-/.#".contains(c))
        && !group.split('/').any(|part| part == "..");
    if valid {
        Ok(())
    } else {
        Err(
            Error::usage(format!("`{group}` is not a log group name")).with_hint(format!(
                "give a component ({}) or a log group name such as /aws/lambda/FUNCTION",
                Component::functions()
                    .map(Component::id)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        )
    }
}

pub fn resolve_group(env: &Environment, group: &str) -> String {
    match Component::from_id(group) {
        Some(c) => env.names.log_group(c),
        None => group.to_string(),
    }
}

pub struct Library {
    pub queries: Vec<QueryDef>,
}

impl Library {
    /// The embedded library, or the one in `dir` (`MANDALA_QUERIES_DIR`), its expected ranges
    /// taken from `thresholds`.
    pub fn load(dir: Option<&Path>, thresholds: &Thresholds) -> Result<Library> {
        let files = frontmatter::load(dir, frontmatter::embedded::QUERIES, "query")?;
        let queries = files
            .iter()
            .map(|(file, text)| parse_file(file, text, thresholds))
            .collect::<Result<Vec<_>>>()?;
        Ok(Library { queries })
    }

    pub fn get(&self, name: &str) -> Result<&QueryDef> {
        self.queries
            .iter()
            .find(|q| q.name() == name)
            .ok_or_else(|| {
                Error::usage(format!("no query is named `{name}`")).with_hint(format!(
                    "queries: {} (`mandala-ops query list` describes them)",
                    self.queries
                        .iter()
                        .map(QueryDef::name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
    }
}

pub fn parse_file(file: &str, text: &str, thresholds: &Thresholds) -> Result<QueryDef> {
    let (mut head, body): (Head, String) = frontmatter::split(file, text)?;
    let bad = |why: String| Error::usage(format!("{file}: {why}"));
    for e in &mut head.expect {
        e.resolve(thresholds).map_err(&bad)?;
    }
    let stem = file.strip_suffix(".query").unwrap_or(file);
    if head.name != stem {
        return Err(bad(format!(
            "the name `{}` differs from the file name",
            head.name
        )));
    }
    if humantime::parse_duration(&head.since).is_err() {
        return Err(bad(format!("since = \"{}\" is not a duration", head.since)));
    }
    if head.log_groups.is_empty() {
        return Err(bad("no log_groups".into()));
    }
    for g in &head.log_groups {
        if Component::from_id(g).is_none() && !g.starts_with('/') {
            return Err(bad(format!(
                "log group `{g}` is neither a component ({}) nor a /log/group/name",
                Component::valid_ids()
            )));
        }
    }
    for p in &head.params {
        if !body.contains(&format!("{{{{{}}}}}", p.name)) {
            return Err(bad(format!(
                "the parameter `{}` is declared but not used as {{{{{}}}}}",
                p.name, p.name
            )));
        }
        if let Some(d) = &p.default {
            literal(p, d).map_err(|e| bad(format!("default: {e}")))?;
        }
    }
    let mut rest = body.as_str();
    while let Some(start) = rest.find("{{") {
        let end = rest[start..]
            .find("}}")
            .map(|e| start + e)
            .ok_or_else(|| bad("an unclosed {{".into()))?;
        let name = &rest[start + 2..end];
        if !head.params.iter().any(|p| p.name == name) {
            return Err(bad(format!(
                "{{{{{name}}}}} is used but not declared in params"
            )));
        }
        rest = &rest[end + 2..];
    }
    Ok(QueryDef {
        head,
        text: body.trim().to_string(),
        file: file.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::engine;

    fn library() -> Library {
        Library::load(None, &Thresholds::default()).unwrap()
    }

    #[test]
    fn every_query_of_the_guides_is_in_the_library() {
        let lib = library();
        assert!(lib.queries.len() >= 30, "{} queries", lib.queries.len());
        for q in &lib.queries {
            // Cited: a seed file and a heading.
            let src = &q.head.source;
            assert!(
                ["000", "001", "002", "003", "004"]
                    .iter()
                    .any(|s| src.starts_with(s)),
                "{}: source {src}",
                q.name()
            );
            assert!(src.contains(' '), "{}: source names no heading", q.name());
            for e in &q.head.expect {
                assert!(
                    e.min.is_some() || e.max.is_some(),
                    "{}: expect {} has no bound",
                    q.name(),
                    e.field
                );
                assert!(
                    ["000", "001", "002", "003", "004"]
                        .iter()
                        .any(|s| e.source.starts_with(s)),
                    "{}: expect source",
                    q.name()
                );
            }
        }
        let mut names: Vec<&str> = lib.queries.iter().map(QueryDef::name).collect();
        names.dedup();
        assert_eq!(names.len(), lib.queries.len());
    }

    #[test]
    fn every_query_parses_and_expected_fields_exist() {
        for q in &library().queries {
            let text = q
                .example_text()
                .unwrap_or_else(|e| panic!("{}: {e}", q.name()));
            let prepared =
                engine::prepare(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", q.name()));
            let columns = prepared.columns();
            for e in &q.head.expect {
                assert!(
                    columns.contains(&e.field),
                    "{}: expects `{}` but the query gives {columns:?}",
                    q.name(),
                    e.field
                );
                if let Some(w) = &e.when {
                    assert!(
                        columns.contains(&w.field),
                        "{}: `when` names `{}`, not a column",
                        q.name(),
                        w.field
                    );
                }
            }
            assert!(!text.contains("percentile("), "{}: write pct()", q.name());
        }
    }

    fn param(kind: ParamType) -> Param {
        Param {
            name: "p".into(),
            kind,
            description: "d".into(),
            default: None,
            example: None,
        }
    }

    #[test]
    fn parameters_are_data() {
        assert_eq!(
            literal(
                &param(ParamType::Uuid),
                "550E8400-E29B-41D4-A716-446655440000"
            )
            .unwrap(),
            "\"550e8400-e29b-41d4-a716-446655440000\""
        );
        for evil in [
            "x\" or 1=1",
            "550e8400-e29b-41d4-a716-446655440000\" | stats count()",
            "",
        ] {
            assert!(literal(&param(ParamType::Uuid), evil).is_err(), "{evil}");
        }
        assert_eq!(
            literal(&param(ParamType::Number), "25000").unwrap(),
            "25000"
        );
        assert!(literal(&param(ParamType::Number), "1 | limit 1").is_err());
        assert!(literal(&param(ParamType::Number), "NaN").is_err());
        for (typed, written) in [
            ("0.1", "0.1"),
            ("-2.50", "-2.5"),
            ("1e3", "1000"),
            ("0", "0"),
        ] {
            assert_eq!(literal(&param(ParamType::Number), typed).unwrap(), written);
        }
        // Numbers a double does not hold exactly are refused, never rounded.
        for inexact in [
            "1e-320",
            "99999999999999999999999",
            "1e308",
            "0.1000000000000000055511",
        ] {
            assert!(
                literal(&param(ParamType::Number), inexact).is_err(),
                "{inexact}"
            );
        }
        assert!(literal(&param(ParamType::Integer), "2.5").is_err());
        assert_eq!(
            literal(&param(ParamType::String), "ERROR").unwrap(),
            "\"ERROR\""
        );
        for evil in ["a\" or level=\"x", "a\\", "a\nb"] {
            assert!(
                literal(&param(ParamType::String), evil).is_err(),
                "{evil:?}"
            );
        }
    }

    #[test]
    fn values_are_substituted_once_and_never_read_again() {
        let lits: BTreeMap<&str, String> = [
            ("action", "\"{{note}}\"".to_string()),
            ("note", "\" or 1=1 or \"".into()),
        ]
        .into();
        assert_eq!(
            substitute(
                "filter action = {{action}} | fields {{note}} {{nope}}",
                &lits
            ),
            "filter action = \"{{note}}\" | fields \" or 1=1 or \" {{nope}}"
        );
    }

    #[test]
    fn rendering_checks_names() {
        let lib = library();
        let q = lib.get("user-requests").unwrap();
        let mut p = BTreeMap::new();
        assert!(
            q.render(&p)
                .unwrap_err()
                .to_string()
                .contains("needs the parameter `userId`")
        );
        p.insert(
            "userId".to_string(),
            "550e8400-e29b-41d4-a716-446655440000".to_string(),
        );
        assert!(
            q.render(&p)
                .unwrap()
                .contains("filter userId = \"550e8400-e29b-41d4-a716-446655440000\"")
        );
        p.insert("other".to_string(), "1".to_string());
        assert!(
            q.render(&p)
                .unwrap_err()
                .to_string()
                .contains("no parameter `other`")
        );
        let slow = lib.get("slow-requests").unwrap();
        assert!(
            slow.render(&BTreeMap::new())
                .unwrap()
                .contains("duration > 25000")
        );
        assert!(
            lib.get("nope")
                .unwrap_err()
                .hint()
                .unwrap()
                .contains("error-types")
        );
    }

    #[test]
    fn expectations_take_their_numbers_from_the_threshold_table() {
        let t = Thresholds::default();
        let head = "+++\nname = \"x\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"000 a\"\nlog_groups = [\"task-generation\"]\nsince = \"1h\"\n";
        let with = |expect: &str| {
            parse_file(
                "x.query",
                &format!(
                    "{head}[[expect]]\nfield = \"n\"\nsource = \"000 a\"\n{expect}\n+++\nfields n"
                ),
                &t,
            )
        };
        let range = with("within = \"quality.target_minutes\"").unwrap();
        let e = &range.head.expect[0];
        assert_eq!(
            (e.min, e.max),
            (
                Some(t.quality.target_minutes.min),
                Some(t.quality.target_minutes.max)
            )
        );
        let below = with("below = \"security.forbidden_per_user\"").unwrap();
        let e = &below.head.expect[0];
        let n = t.security.forbidden_per_user;
        assert!(e.breached(n) && !e.breached(n - 1.0));
        assert_eq!(e.describe(), format!("< {}", crate::output::number(n)));
        for bad in ["within = \"quality.nope\"", "at_most = \"quality\"", ""] {
            assert!(with(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn malformed_files_are_refused() {
        let t = Thresholds::default();
        let head = "+++\nname = \"x\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"000 a\"\nlog_groups = [\"task-generation\"]\nsince = \"1h\"\n";
        assert!(parse_file("x.query", &format!("{head}+++\nfields a"), &t).is_ok());
        assert!(
            parse_file("y.query", &format!("{head}+++\nfields a"), &t)
                .unwrap_err()
                .to_string()
                .contains("file name")
        );
        assert!(
            parse_file("x.query", &format!("{head}+++\nfilter a = {{{{b}}}}"), &t)
                .unwrap_err()
                .to_string()
                .contains("not declared")
        );
        let unused = format!(
            "{head}[[params]]\nname = \"b\"\ntype = \"uuid\"\ndescription = \"d\"\n+++\nfields a"
        );
        assert!(
            parse_file("x.query", &unused, &t)
                .unwrap_err()
                .to_string()
                .contains("not used")
        );
        let bad_group = head.replace("task-generation", "nope");
        assert!(
            parse_file("x.query", &format!("{bad_group}+++\nfields a"), &t)
                .unwrap_err()
                .to_string()
                .contains("component")
        );
    }
}

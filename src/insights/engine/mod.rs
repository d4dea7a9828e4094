//! A local Logs Insights engine: the same queries over exported, fetched or piped logs, in one
//! streaming pass on every core. CloudWatch keeps logs for 30 days and the guides export them to
//! S3 for 90 (000 ログ管理 / ログの保持期間); Logs Insights cannot read those exports, the local
//! emulator cannot evaluate queries, and during an incident the account's concurrent-query
//! limit bites.

mod aggregate;
pub mod ast;
mod compile;
pub mod diff;
pub mod error;
mod eval;
mod input;
mod json;
mod lexer;
pub mod lookup;
mod parser;
mod pattern;
mod run;
pub mod source;
mod subquery;
pub mod value;

pub use error::ParseError;
pub use run::{Feed, Input, Outcome, OwnedEvent, Range, RunError, Stream};

use ast::Command;

/// Rows shown when a query sets no limit (as Logs Insights).
pub const DEFAULT_ROWS: usize = compile::DEFAULT_LIMIT;

/// A parsed and planned query.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub query: ast::Query,
    plan: compile::Plan,
    /// What a trailing `diff` compares with; the plan is the query without it.
    diff: Option<diff::Previous>,
    subplans: Box<Subplans>,
}

/// What running a query's subqueries takes; boxed, as most queries have none.
#[derive(Debug, Clone)]
struct Subplans {
    /// Each subquery's plan, by number (`subquery::plan`).
    plans: Vec<compile::Plan>,
    /// The lookup tables, to plan the query again with what its subqueries found.
    tables: lookup::Tables,
}

pub fn prepare(text: &str) -> Result<Prepared, ParseError> {
    prepare_with(text, &lookup::Tables::new())
}

/// A query whose `lookup` commands read `tables`.
pub fn prepare_with(text: &str, tables: &lookup::Tables) -> Result<Prepared, ParseError> {
    let mut query = parser::parse(text)?;
    let diff = take_diff(&mut query)?;
    let plans = query
        .subqueries
        .iter()
        .map(|s| subquery::plan(s, tables))
        .collect::<Result<_, _>>()?;
    let plan = compile::compile(&query, tables, &[])?;
    Ok(Prepared {
        query,
        plan,
        diff,
        subplans: Box::new(Subplans {
            plans,
            tables: tables.clone(),
        }),
    })
}

/// A trailing `diff`, taken off the query. "Comparison queries return only patterns": a query
/// without `pattern` gets `pattern @message`.
fn take_diff(query: &mut ast::Query) -> Result<Option<diff::Previous>, ParseError> {
    let at = |i: usize| query.at[i];
    let last = query.commands.len() - 1;
    if let Some(i) = query.commands[..last]
        .iter()
        .position(|c| matches!(c, Command::Diff(_)))
    {
        return Err(ParseError::new(
            at(i),
            "`diff` comes last: it compares the patterns the query finds",
        ));
    }
    let Command::Diff(previous) = query.commands[last] else {
        return Ok(None);
    };
    if let Some(s) = query.subqueries.first() {
        return Err(ParseError::new(
            s.at,
            "the local engine does not support `diff` with a join or subquery",
        ));
    }
    if let Some(i) = query
        .commands
        .iter()
        .position(|c| matches!(c, Command::Stats { .. }))
    {
        return Err(ParseError::new(
            at(i),
            "`diff` compares patterns (comparison queries return only patterns), not `stats` rows",
        ));
    }
    if query
        .commands
        .iter()
        .any(|c| matches!(c, Command::Pattern(_)))
    {
        query.commands.pop();
        query.at.pop();
    } else {
        query.commands[last] = Command::Pattern(ast::Expr::Field("@message".into()));
    }
    Ok(Some(previous))
}

impl Prepared {
    /// Does the query aggregate (its results cannot be merged across split time ranges)?
    pub fn aggregates(&self) -> bool {
        self.query
            .commands
            .iter()
            .any(|c| matches!(c, Command::Stats { .. } | Command::Pattern(_)))
    }

    /// Does the query sort newest first (`sort @timestamp desc`)?
    pub fn newest_first(&self) -> bool {
        self.query.commands.iter().find_map(|c| match c {
            Command::Sort(keys) => keys
                .first()
                .map(|k| k.desc && matches!(&k.expr, ast::Expr::Field(f) if f == "@timestamp")),
            _ => None,
        }) == Some(true)
    }

    /// The result columns, in order.
    pub fn columns(&self) -> Vec<String> {
        match self.diff {
            Some(_) => diff::COLUMNS.iter().map(|c| c.to_string()).collect(),
            None => self.plan.output.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// What a trailing `diff` compares the range with: run the query over both ranges and
    /// [`diff::join`] the outcomes.
    pub fn diff(&self) -> Option<diff::Previous> {
        self.diff
    }

    /// The subqueries (joins' right sides included), in the order [`Prepared::run`] takes
    /// what each reads.
    pub fn subqueries(&self) -> &[ast::Subquery] {
        &self.query.subqueries
    }

    /// The query over `main`, each subquery first over its `sources` (in the order of
    /// [`Prepared::subqueries`]), all in `range`.
    pub fn run(&self, main: Feed, sources: &[Feed], range: Range) -> Result<Outcome, RunError> {
        let plans = &self.subplans.plans;
        if sources.len() != plans.len() {
            return Err(RunError(format!(
                "the query has {} subqueries; logs were given for {}",
                plans.len(),
                sources.len()
            )));
        }
        let mut found = Vec::new();
        let mut inner = Vec::new();
        for ((plan, s), feed) in plans.iter().zip(&self.query.subqueries).zip(sources) {
            let mut out = run::run_feed(plan, *feed, range)?;
            let capped = out.rows.len() >= DEFAULT_ROWS
                && !s
                    .query
                    .commands
                    .iter()
                    .any(|c| matches!(c, Command::Limit(_)));
            if capped {
                out.notes.push(format!(
                    "the subquery over {} returned {DEFAULT_ROWS} rows, the most a query returns: rows past them were not read (narrow it, or give it a limit)",
                    s.group
                ));
            }
            let rows = std::mem::take(&mut out.rows);
            found.push(std::sync::Arc::new(subquery::Found::new(
                out.columns.clone(),
                rows,
            )));
            inner.push(out);
        }
        let plan = match found.is_empty() {
            true => std::borrow::Cow::Borrowed(&self.plan),
            false => std::borrow::Cow::Owned(
                compile::compile(&self.query, &self.subplans.tables, &found)
                    .map_err(|e| RunError(e.to_string()))?,
            ),
        };
        let mut outcome = run::run_feed(&plan, main, range)?;
        for out in inner {
            outcome.absorb(out);
        }
        Ok(outcome)
    }

    pub fn run_inputs(&self, inputs: &[Input], range: Range) -> Result<Outcome, RunError> {
        self.run(Feed::Inputs(inputs), &[], range)
    }

    /// Is the query only `filter` commands (what `logs tail --filter` takes)?
    pub fn filters_only(&self) -> bool {
        self.query.subqueries.is_empty()
            && self
                .query
                .commands
                .iter()
                .all(|c| matches!(c, Command::Filter(_)))
    }

    /// Which events pass the query's filters, in order.
    pub fn matching(&self, events: &[OwnedEvent]) -> Vec<bool> {
        run::matching(&self.plan, events)
    }

    pub fn run_events(&self, events: &[OwnedEvent], range: Range) -> Result<Outcome, RunError> {
        self.run(Feed::Events(events), &[], range)
    }
}

#[cfg(test)]
mod tests {
    use super::value::Value;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// No input makes the parser panic: it parses or says where it went wrong.
        #[test]
        fn parser_never_panics(text in "\\PC{0,120}") {
            let _ = prepare(&text);
        }

        /// Queries built from the language's own tokens, in any order, do not panic either.
        #[test]
        fn token_soup_never_panics(tokens in proptest::collection::vec(prop::sample::select(vec![
            "fields", "filter", "stats", "sort", "limit", "parse", "dedup", "display", "by", "as", "and", "or", "not",
            "in", "like", "desc", "|", ",", "(", ")", "[", "]", "=", "!=", "<", ">=", "+", "-", "*", "/", "%", "^", "=~",
            "count()", "pct(", "bin(5m)", "@timestamp", "error.code", "`x y`", "\"s\"", "/r/", "1", "2.5", "5m", "#c\n",
            "ispresent(", "coalesce(", "datefloor(", "*", "unnest", "into", "jsonParse(", "jsonStringify(",
            "x", "x.a", "x[0]", "x.a[1].b", "pattern", "@message", "@sampleCount", "@ratio",
            "addtotals", "col=true", "row=false", "fieldname=T",
            "join", "type=left", "left=a", "right=b", "where", "a.x=b.x", "a.x", "b.error.code", "(SOURCE 'g'",
            "in (SOURCE 'g' | fields x)", "(SOURCE 'g' | stats count() by x)",
        ]), 0..24)) {
            // What compiles also runs.
            if let Ok(q) = prepare(&tokens.join(" ")) {
                let events: Vec<OwnedEvent> = [r#"{"x":"{\"a\":[1,{\"b\":2}]}","error":{"code":"E"}}"#, "REPORT RequestId: r"]
                    .iter()
                    .map(|m| OwnedEvent { message: m.to_string(), timestamp: Some(0), stream: None, log: None, ingestion: None })
                    .collect();
                let sources = vec![Feed::Events(&events); q.subqueries().len()];
                let _ = q.run(Feed::Events(&events), &sources, None);
            }
        }
    }

    /// One line of log-shaped input: structured events nested at random, platform lines,
    /// export lines, broken fragments and raw bytes.
    fn hostile_line() -> impl Strategy<Value = Vec<u8>> {
        let nested = (0usize..80, "[a-zA-Z0-9 \"\\\\]{0,8}").prop_map(|(d, s)| {
            format!(
                "{{\"level\":\"ERROR\",\"error\":{{\"code\":\"{}\"}},\"x\":{}1{}}}",
                s.replace(['"', '\\'], ""),
                "[{\"a\":".repeat(d / 2) + &"[".repeat(d % 2),
                "]".repeat(d % 2) + &"}]".repeat(d / 2)
            )
        });
        prop_oneof![
            nested.prop_map(String::into_bytes),
            (0.0f64..1e12, 0u32..20_000, "[A-Za-z :]{0,12}").prop_map(|(d, m, junk)| format!(
                "REPORT RequestId: x\tDuration: {d} ms\tBilled Duration: {m} ms\tMemory Size: {m} MB\tMax Memory Used: {junk} MB"
            ).into_bytes()),
            ("[0-9T:.Z-]{0,30}", "\\PC{0,40}").prop_map(|(ts, msg)| format!("{ts} {msg}").into_bytes()),
            "\\PC{0,60}".prop_map(String::into_bytes),
            proptest::collection::vec(any::<u8>(), 0..80),
        ]
    }

    /// A whole input: lines, or a filter-log-events document of them, plain or gzip.
    fn hostile_input() -> impl Strategy<Value = Vec<u8>> {
        (proptest::collection::vec(hostile_line(), 0..30), any::<bool>(), any::<bool>()).prop_map(
            |(lines, as_doc, gzip)| {
                let mut data = Vec::new();
                if as_doc {
                    let events: Vec<serde_json::Value> = lines
                        .iter()
                        .map(|l| serde_json::json!({"timestamp": 1, "message": String::from_utf8_lossy(l)}))
                        .collect();
                    data = serde_json::to_vec(&serde_json::json!({"events": events})).unwrap();
                } else {
                    for l in &lines {
                        data.extend_from_slice(l);
                        data.push(b'\n');
                    }
                }
                if gzip {
                    use std::io::Write;
                    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                    z.write_all(&data).unwrap();
                    data = z.finish().unwrap();
                }
                data
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The readers take anything: every input ends in rows and a count of what could not
        /// be read, never a crash.
        #[test]
        fn readers_never_crash(data in hostile_input()) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("input");
            std::fs::write(&path, &data).unwrap();
            for q in ["stats count() by error.code", "fields @message, @duration, x | sort @timestamp desc | limit 5", "pattern @message"] {
                let p = prepare(q).unwrap();
                let _ = p.run_inputs(&[Input::Path(path.clone())], None);
            }
        }
    }

    /// Unreadable lines are named by their line number in the file, in blocks after the first
    /// and after a line the reader skipped, whether every line is visited or only those that
    /// hold a filter's text.
    #[test]
    fn unreadable_lines_are_numbered_across_blocks() {
        let good = r#"{"level":"ERROR","code":"A","pad":"................................................................"}"#;
        let mut data = Vec::new();
        let mut push = |line: &[u8]| {
            data.extend_from_slice(line);
            data.push(b'\n');
        };
        push(good.as_bytes());
        push(br#"{"level":"ERROR" broken"#); // line 2
        let filler = 60_000; // lines 3..=60_002: over 4 MiB, so later lines are in other blocks
        (0..filler).for_each(|_| push(good.as_bytes()));
        push(br#"{"level":"ERROR","code":"#); // 60_003
        // 60_004: longer than any block with what the block before left over, so the reader
        // skips it whole, before any worker looks for a filter's text
        push(&vec![b'x'; (8 << 20) + 10]);
        push(b"{\"level\":\"ERROR\",\"code\":\"\xff\"}"); // 60_005
        push(good.as_bytes());
        let lines = filler + 6;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.log");
        std::fs::write(&path, &data).unwrap();
        let name = path.display().to_string();
        for q in [
            "stats count() by code",
            "filter level = \"ERROR\" | stats count() by code",
        ] {
            let out = prepare(q)
                .unwrap()
                .run_inputs(&[Input::Path(path.clone())], None)
                .unwrap();
            let mut got = out.unreadable_examples.clone();
            got.sort();
            assert_eq!(
                got,
                [
                    format!("{name}:2 (broken JSON)"),
                    format!("{name}:60003 (broken JSON)"),
                    format!("{name}:60004 (longer than 4 MiB)"),
                    format!("{name}:60005 (not UTF-8)"),
                ],
                "{q}"
            );
            assert_eq!(out.records_scanned, lines as u64, "{q}");
            assert_eq!(out.unreadable, 4, "{q}");
        }
    }

    /// The deepest expressions the parser takes evaluate on a worker's stack.
    #[test]
    fn the_deepest_queries_evaluate() {
        let depth = parser::MAX_DEPTH - 2;
        let line = r#"{"x":1}"#;
        let nested = format!("fields {}x{} as v", "abs(".repeat(depth), ")".repeat(depth));
        assert_eq!(rows(&nested, &[line]), [["1"]]);
        let chain = format!("fields {} as v", vec!["x"; depth].join(" + "));
        assert_eq!(rows(&chain, &[line]), [[depth.to_string()]]);
        let negated = format!("filter {}x = 1", "not not ".repeat(depth / 2 - 1));
        assert_eq!(
            rows(&format!("{negated} | stats count()"), &[line]),
            [["1"]]
        );
    }

    /// Runs `query` over `lines` (one event per line), returning rows as text.
    pub fn rows(query: &str, lines: &[&str]) -> Vec<Vec<String>> {
        rows_with(query, lines, &[])
    }

    /// One event per line, with no metadata.
    pub fn events(lines: &[&str]) -> Vec<OwnedEvent> {
        lines
            .iter()
            .map(|l| OwnedEvent {
                message: l.to_string(),
                timestamp: None,
                stream: None,
                log: None,
                ingestion: None,
            })
            .collect()
    }

    /// [`rows`], each of the query's subqueries over its lines of `sources`, in order.
    pub fn rows_with(query: &str, lines: &[&str], sources: &[&[&str]]) -> Vec<Vec<String>> {
        let sources: Vec<Vec<OwnedEvent>> = sources.iter().map(|s| events(s)).collect();
        let feeds: Vec<Feed> = sources.iter().map(|s| Feed::Events(s)).collect();
        let out = prepare(query)
            .unwrap_or_else(|e| panic!("{query}: {e}"))
            .run(Feed::Events(&events(lines)), &feeds, None)
            .unwrap_or_else(|e| panic!("{query}: {e:?}"));
        out.rows
            .iter()
            .map(|r| r.iter().map(Value::display).collect())
            .collect()
    }

    const LOGS: &[&str] = &[
        r#"{"timestamp":"2026-11-22T10:01:00Z","level":"ERROR","error":{"code":"AI_ERROR"},"duration":100}"#,
        r#"{"timestamp":"2026-11-22T10:02:00Z","level":"ERROR","error":{"code":"DATABASE_ERROR"},"duration":300}"#,
        r#"{"timestamp":"2026-11-22T10:07:00Z","level":"ERROR","error":{"code":"AI_ERROR"},"duration":200}"#,
        r#"{"timestamp":"2026-11-22T10:08:00Z","level":"INFO","duration":50,"metadata":{"priorityDistribution":"1 high, 2 medium, 0 low"}}"#,
        "REPORT RequestId: a\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB\tMax Memory Used: 300 MB",
    ];

    #[test]
    fn counts_by_code() {
        let r = rows(
            "filter level = \"ERROR\" | stats count() as n by error.code | sort n desc",
            LOGS,
        );
        assert_eq!(r, [["AI_ERROR", "2"], ["DATABASE_ERROR", "1"]]);
    }

    #[test]
    fn bins_and_percentiles() {
        let r = rows(
            "filter ispresent(duration) | stats pct(duration, 50) as p50, count(*) by bin(5m)",
            LOGS,
        );
        assert_eq!(
            r,
            [
                ["2026-11-22 10:00:00.000", "200", "2"],
                ["2026-11-22 10:05:00.000", "125", "2"]
            ]
        );
    }

    /// The syntax of AWS's published queries (the Lambda Operator Guide, the Logs Insights
    /// function reference): `sort by`, `where`, `==`, `percentile`, `count(*)`, arithmetic over
    /// aggregates and earlier aliases in `stats` and `fields`.
    #[test]
    fn the_syntax_people_paste() {
        let report = |d: u32, mem: u32, init: &str| {
            format!(
                "REPORT RequestId: r{d}\tDuration: {d}.5 ms\tBilled Duration: {d} ms\tMemory Size: 1024 MB\tMax Memory Used: {mem} MB\t{init}"
            )
        };
        let lines = [
            report(100, 80, "Init Duration: 200.10 ms\t"),
            report(300, 120, ""),
            report(200, 100, ""),
        ];
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        // "Determine the amount of overprovisioned memory" (Lambda Operator Guide).
        let r = rows(
            "filter @type = \"REPORT\"
             | stats max(@memorySize / 1000 / 1000) as provisonedMemoryMB,
                 min(@maxMemoryUsed / 1000 / 1000) as smallestMemoryRequestMB,
                 avg(@maxMemoryUsed / 1000 / 1000) as avgMemoryUsedMB,
                 max(@maxMemoryUsed / 1000 / 1000) as maxMemoryUsedMB,
                 provisonedMemoryMB - maxMemoryUsedMB as overProvisionedMB",
            &lines,
        );
        assert_eq!(r, [["1024", "80", "100", "120", "904"]]);
        let r = rows(
            "where @type == \"REPORT\"
             | stats percentile(@billedDuration, 50) as p50, count(*) as n,
                 sum(strcontains(@message, \"Init Duration\")) as cold,
                 (avg(@maxMemoryUsed) / max(@memorySize)) * 100 as pct",
            &lines,
        );
        assert_eq!(r, [["200", "3", "1", "9.765625"]]);
        let r = rows(
            "fields @billedDuration as b, b * 2 as b2 | sort by b desc | limit 2",
            &lines,
        );
        assert_eq!(r, [["300", "600"], ["200", "400"]]);
        // Grouped: each group's own aggregates, the group key shown first.
        let r = rows(
            "filter ispresent(duration) | stats sum(duration) as total, count() as n, total / n as mean by level",
            LOGS,
        );
        assert_eq!(r, [["ERROR", "600", "3", "200"], ["INFO", "50", "1", "50"]]);
    }

    /// Structure types: `jsonParse` makes maps and lists; `.key` and `[i]` read into them,
    /// `unnest` makes a record of each item (null none, anything else one), and
    /// `jsonStringify` gives the JSON text back.
    #[test]
    fn maps_lists_and_unnest() {
        let lines = [
            r#"{"data":"{\"items\":[{\"k\":\"a\",\"n\":1},{\"k\":\"b\",\"n\":2}],\"tag\":\"x\"}"}"#,
            r#"{"data":"{\"items\":[],\"tag\":\"y\"}"}"#,
            r#"{"data":"{\"items\":\"solo\",\"tag\":\"z\"}"}"#,
            r#"{"data":"not json"}"#,
        ];
        let r = rows(
            "fields jsonParse(data) as d
             | fields d.items[1].k as second, d.tag as tag, jsonStringify(d.items) as s
             | display second, tag, s",
            &lines,
        );
        assert_eq!(
            r,
            [
                ["b", "x", r#"[{"k":"a","n":1},{"k":"b","n":2}]"#],
                ["", "y", "[]"],
                ["", "z", r#""solo""#],
                ["", "", ""],
            ]
        );
        let r = rows(
            "fields jsonParse(data) as d | unnest d.items into item | display d.tag, item.k, item",
            &lines,
        );
        assert_eq!(
            r,
            [
                ["x", "a", r#"{"k":"a","n":1}"#],
                ["x", "b", r#"{"k":"b","n":2}"#],
                ["z", "", "solo"],
            ]
        );
        let r = rows(
            "fields jsonParse(data) as d | unnest d.items into item | stats sum(item.n) as total, count() as n",
            &lines,
        );
        assert_eq!(r, [["3", "3"]]);
    }

    /// `filterIndex` keeps the events whose field holds one of the values, as if every field of
    /// a file were indexed; other shapes are refused.
    #[test]
    fn filter_index_filters() {
        let r = rows(
            "filterIndex error.code = \"AI_ERROR\" | stats count() as n",
            LOGS,
        );
        assert_eq!(r, [["2"]]);
        let r = rows(
            "filterIndex error.code in [\"AI_ERROR\", \"DATABASE_ERROR\"] | stats count() as n",
            LOGS,
        );
        assert_eq!(r, [["3"]]);
        for q in [
            "filterIndex duration > 5",
            "filterIndex a = b",
            "filterIndex a not in [1]",
        ] {
            let e = prepare(q).unwrap_err();
            assert!(e.message.contains("filterIndex takes"), "{q}: {e}");
        }
    }

    /// A second `stats` groups the rows of the first (Logs Insights, "Use multiple stats
    /// commands in a single query"); what it cannot do is refused.
    #[test]
    fn stats_over_stats() {
        let r = rows(
            "filter ispresent(duration) | stats sum(duration) as total by bin(5m) | stats max(total) as peak, avg(total) as mean, count() as bins",
            LOGS,
        );
        assert_eq!(r, [["400", "325", "2"]]);
        let r = rows(
            "filter ispresent(duration) | stats count() as n by level, bin(5m) | stats sum(n) as n by level | sort n desc",
            LOGS,
        );
        assert_eq!(r, [["ERROR", "3"], ["INFO", "1"]]);
        let r = rows(
            "filter ispresent(duration) | stats count_over_time(duration) as n, sum_over_time(duration) as total by bin(5m)",
            LOGS,
        );
        assert_eq!(
            r,
            [
                ["2026-11-22 10:00:00.000", "2", "400"],
                ["2026-11-22 10:05:00.000", "2", "250"]
            ]
        );
        for q in [
            "stats count() as n by bin(5m) | stats earliest(n)",
            "stats count() as n by level | stats count() by bin(1h)",
        ] {
            assert!(prepare(q).is_err(), "{q}");
        }
        let many = format!("fields 1 as x{}", " | unnest x into x".repeat(9));
        assert!(prepare(&many).unwrap_err().message.contains("unnest"));
        // Nested lists multiply no further than one record's budget of items (a million here).
        let list = format!(r#"{{"l":"[{}0]"}}"#, "0,".repeat(999));
        let r = rows(
            "fields jsonParse(l) as l | unnest l into a | unnest l into b | stats count() as n",
            &[list.as_str()],
        );
        let n: usize = r[0][0].parse().unwrap();
        assert!((90_000..=eval::MAX_UNNESTED).contains(&n), "{n}");
    }

    /// The documented string and numeric functions, nulls in, nulls out.
    #[test]
    fn string_and_numeric_functions() {
        let line = r#"{"s":"xyZfooxyZ","p":"  pad  ","n":16}"#;
        let one = |f: &str| rows(&format!("fields {f} as v"), &[line])[0][0].clone();
        assert_eq!(one("substr(s, 3, 3)"), "foo");
        assert_eq!(one("substr(s, 6)"), "xyZ");
        assert_eq!(one("substr(s, 99)"), "");
        assert_eq!(one("replace(s, \"xyZ\", \"-\")"), "-foo-");
        assert_eq!(one("strcontains(s, \"foo\")"), "1");
        assert_eq!(one("strcontains(s, \"bar\")"), "0");
        assert_eq!(one("startsWith(s, \"xyZ\")"), "true");
        assert_eq!(one("endsWith(s, \"foo\")"), "false");
        assert_eq!(one("trim(p)"), "pad");
        assert_eq!(one("concat(\"[\", ltrim(p), \"]\")"), "[pad  ]");
        assert_eq!(one("concat(\"[\", rtrim(p), \"]\")"), "[  pad]");
        assert_eq!(one("trim(s, \"xyZ\")"), "foo");
        assert_eq!(one("greatest(n, 3, missing)"), "16");
        assert_eq!(one("least(n, 3)"), "3");
        assert_eq!(one("sqrt(n)"), "4");
        assert_eq!(one("log(1)"), "0");
        // Hashing (the documented test vectors for "abc").
        assert_eq!(one("md5(\"abc\")"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            one("sha256(\"abc\")"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // IP address functions.
        assert_eq!(one("isValidIp(\"10.0.0.1\")"), "true");
        assert_eq!(one("isValidIpV6(\"10.0.0.1\")"), "false");
        assert_eq!(one("isValidIp(\"10.0.0.300\")"), "false");
        assert_eq!(one("isIpInSubnet(\"10.1.2.3\", \"10.0.0.0/8\")"), "true");
        assert_eq!(
            one("isIpv4InSubnet(\"192.168.1.1\", \"10.0.0.0/8\")"),
            "false"
        );
        assert_eq!(
            one("isIpv6InSubnet(\"2001:db8::1\", \"2001:db8::/32\")"),
            "true"
        );
        assert_eq!(one("isIpInSubnet(\"10.1.2.3\", \"not a subnet\")"), "false");
        // What is not a number, or has no real answer, is null, never NaN or a crash.
        for f in [
            "sqrt(-1)",
            "log(0)",
            "substr(missing, 1)",
            "greatest(missing)",
            "trim(missing)",
        ] {
            assert_eq!(one(f), "", "{f}");
        }
    }

    #[test]
    fn date_functions_round_both_ways() {
        let line = r#"{"timestamp":"2026-11-22T10:07:30Z"}"#;
        let one = |f: &str| rows(&format!("fields {f} as v"), &[line])[0][0].clone();
        assert_eq!(one("datefloor(@timestamp, 5m)"), "2026-11-22 10:05:00.000");
        assert_eq!(one("dateceil(@timestamp, 5m)"), "2026-11-22 10:10:00.000");
        assert_eq!(
            one("dateceil(datefloor(@timestamp, 1h), 1h)"),
            "2026-11-22 10:00:00.000"
        );
        assert_eq!(one("toMillis(@timestamp)"), "1795342050000");
    }

    const PEOPLE: &[&str] = &[
        r#"{"timestamp":"2026-11-22T10:00:00Z","name":"ann","role":"Admin","n":-2.5,"note":"  ","tags":["a","b"]}"#,
        r#"{"timestamp":"2026-11-22T10:30:00Z","name":"bob","role":"user","n":3,"note":"hi"}"#,
        r#"{"timestamp":"2026-11-22T11:00:00Z","name":"cy","n":"7","x":null}"#,
        r#"{"timestamp":"2026-11-22T11:30:00Z","name":"bob","role":"USER","n":1}"#,
    ];

    fn one(query: &str) -> Vec<String> {
        rows(query, PEOPLE)
            .into_iter()
            .map(|r| r.join("|"))
            .collect()
    }

    #[test]
    fn functions() {
        assert_eq!(
            one("fields coalesce(role, \"none\") as r"),
            ["Admin", "user", "none", "USER"]
        );
        assert_eq!(one("fields strlen(name) as l"), ["3", "3", "2", "3"]);
        assert_eq!(
            one("fields toupper(name) as a, tolower(role) as b | limit 2"),
            ["ANN|admin", "BOB|user"]
        );
        assert_eq!(
            one("fields concat(name, \"-\", role) as c | limit 3"),
            ["ann-Admin", "bob-user", "cy-"]
        );
        assert_eq!(
            one("fields abs(n) as a, ceil(n) as c, floor(n) as f | limit 1"),
            ["2.5|-2|-3"]
        );
        assert_eq!(
            one("fields ispresent(role) as p, isempty(note) as e, isblank(note) as b"),
            [
                "true|false|true",
                "true|false|false",
                "false|true|true",
                "true|true|true"
            ]
        );
        assert_eq!(
            one("fields datefloor(@timestamp, 1h) as h | limit 2"),
            ["2026-11-22 10:00:00.000", "2026-11-22 10:00:00.000"]
        );
        assert_eq!(
            one("fields fromMillis(0) as t | limit 1"),
            ["1970-01-01 00:00:00.000"]
        );
        assert_eq!(
            one("fields tags | limit 1"),
            [r#"["a","b"]"#],
            "arrays show as JSON"
        );
    }

    #[test]
    fn filters_and_null_semantics() {
        assert_eq!(one("filter role = \"user\" | fields name"), ["bob"]);
        // A comparison with a missing field is false, and `!=` true.
        assert_eq!(
            one("filter role != \"user\" | fields name"),
            ["ann", "cy", "bob"]
        );
        assert_eq!(
            one("filter n > 2 | fields name"),
            ["bob", "cy"],
            "numeric strings compare as numbers"
        );
        assert_eq!(
            one("filter x = 1 or missing = 1 | fields name"),
            Vec::<String>::new()
        );
        assert_eq!(one("filter not ispresent(role) | fields name"), ["cy"]);
        assert_eq!(
            one("filter role in [\"user\", \"USER\"] | fields name"),
            ["bob", "bob"]
        );
        assert_eq!(
            one("filter role not in [\"user\"] | fields name"),
            ["ann", "cy", "bob"]
        );
        assert_eq!(one("filter role like \"ser\" | fields name"), ["bob"]);
        assert_eq!(
            one("filter role not like /(?i)user/ | fields name"),
            ["ann", "cy"]
        );
        assert_eq!(one("filter role =~ /^[A-Z]/ | fields name"), ["ann", "bob"]);
        assert_eq!(
            one("fields n + missing as a, n / 0 as b | limit 1"),
            ["|"],
            "arithmetic with missing values, and division by zero, is missing"
        );
    }

    #[test]
    fn pattern_clusters_lines_with_the_documented_fields() {
        // The `pattern` page's example line, its examples as queries, and its four fields.
        let lines = [
            r#"{"timestamp":"2026-11-22T10:00:00Z","msg":"[INFO] Request time: 327 ms"}"#,
            r#"{"timestamp":"2026-11-22T10:00:01Z","msg":"[INFO] Request time: 12 ms"}"#,
            r#"{"timestamp":"2026-11-22T10:00:02Z","msg":"[ERROR] Failed to do: upload 7"}"#,
            r#"{"timestamp":"2026-11-22T10:00:03Z","msg":"[INFO] Request time: 5 ms"}"#,
            r#"{"timestamp":"2026-11-22T10:00:04Z","msg":"[ERROR] Failed to do: upload 9"}"#,
            r#"{"timestamp":"2026-11-22T10:00:05Z","msg":"[ERROR] Failed to do: resize"}"#,
        ];
        let q = prepare("pattern msg").unwrap();
        assert_eq!(
            q.columns(),
            ["@pattern", "@ratio", "@sampleCount", "@severityLabel"]
        );
        assert_eq!(
            rows("pattern msg", &lines),
            [
                ["[INFO] Request time: <*> ms", "0.5", "3", "Info"],
                ["[ERROR] Failed to do: upload <*>", "0.333333", "2", "Error"],
                ["[ERROR] Failed to do: resize", "0.166667", "1", "Error"],
            ]
        );
        assert_eq!(
            rows(
                "filter msg like /ERROR/ | parse msg 'Failed to do: *' as cause | pattern cause | sort @sampleCount asc",
                &lines
            ),
            [
                ["resize", "0.333333", "1", ""],
                ["upload <*>", "0.666667", "2", ""]
            ]
        );
        assert_eq!(
            rows(
                "pattern msg | filter @sampleCount > 1 | stats sum(@sampleCount) as n",
                &lines
            ),
            [["5"]]
        );
        for bad in [
            "pattern msg | pattern msg",
            "stats count() by msg | pattern msg",
        ] {
            assert!(
                prepare(bad)
                    .unwrap_err()
                    .message
                    .contains("`pattern` after"),
                "{bad}"
            );
        }
    }

    #[test]
    fn diff_compares_patterns_and_comes_last() {
        for q in [
            "diff",
            "filter x | diff previousDay",
            "pattern msg | diff previousMonth",
        ] {
            let p = prepare(q).unwrap();
            assert_eq!(p.columns(), diff::COLUMNS, "{q}");
            assert!(p.diff().is_some());
        }
        assert_eq!(
            prepare("diff PreviousWeek").unwrap().diff(),
            Some(diff::Previous::Week)
        );
        for (bad, why) in [
            ("diff | limit 1", "comes last"),
            ("stats count() by x | diff", "only patterns"),
            ("diff previousYear", "previousDay"),
        ] {
            let e = prepare(bad).unwrap_err();
            assert!(e.message.contains(why), "{bad}: {e}");
        }
        assert_eq!(prepare("diff previousYear").unwrap_err().pos.column, 6);
    }

    #[test]
    fn sort_limit_dedup_display() {
        assert_eq!(
            one("sort role desc | fields name"),
            ["bob", "bob", "ann", "cy"],
            "missing values last"
        );
        assert_eq!(
            one("sort role asc | fields name"),
            ["ann", "bob", "bob", "cy"]
        );
        assert_eq!(
            one("sort @timestamp desc | limit 2 | fields name"),
            ["bob", "cy"]
        );
        assert_eq!(one("dedup name | fields name"), ["ann", "bob", "cy"]);
        assert_eq!(
            one("fields name, role | display role"),
            ["Admin", "user", "", "USER"]
        );
        assert_eq!(
            one(
                "parse name \"*o*\" as before, after | filter ispresent(after) | fields before, after"
            ),
            ["b|b", "b|b"]
        );
    }

    #[test]
    fn aggregates_and_groups() {
        assert_eq!(
            one("stats count(*) as all, count(role) as roles, count_distinct(name) as names"),
            ["4|3|3"]
        );
        assert_eq!(
            one("stats earliest(name) as first, latest(name) as last"),
            ["ann|bob"]
        );
        // Byte order for text ("Admin" < "USER" < "user"), numbers by value ("7" is 7).
        assert_eq!(
            one(
                "stats sortsFirst(name), sortsLast(name), sortsFirst(role), sortsLast(role), \
                 sortsFirst(n), sortsLast(n)"
            ),
            ["ann|cy|Admin|user|-2.5|7"]
        );
        assert_eq!(
            one("stats sum(role = \"user\") as users, avg(n) as mean"),
            ["1|2.125"]
        );
        assert_eq!(
            one("stats count() by tolower(role)"),
            ["admin|1", "user|2", "|1"],
            "groups in key order, missing last"
        );
        assert_eq!(
            one("stats count() as c by bin(1h)"),
            ["2026-11-22 10:00:00.000|2", "2026-11-22 11:00:00.000|2"]
        );
        assert_eq!(
            one("stats count() as c by name | sort c desc, name | limit 1"),
            ["bob|2"]
        );
        assert_eq!(
            one("stats count() as c by name | filter c > 1 | fields name"),
            ["bob"]
        );
        // n = -2.5, 3, 7, 1: mean 2.125, squared deviations 47.1875, sqrt(47.1875 / 3).
        assert_eq!(
            one("stats stddev(n) as s"),
            ["3.966001"],
            "sample standard deviation"
        );
    }

    #[test]
    fn time_ranges_filter_records() {
        let events: Vec<OwnedEvent> = PEOPLE
            .iter()
            .map(|l| OwnedEvent {
                message: l.to_string(),
                timestamp: None,
                stream: None,
                log: None,
                ingestion: None,
            })
            .collect();
        let start = jiff::Timestamp::from_second(1_795_341_600 + 1800)
            .unwrap()
            .as_millisecond();
        let out = prepare("stats count() as c")
            .unwrap()
            .run_events(&events, Some((start, start + 3_600_000)))
            .unwrap();
        assert_eq!(
            out.rows[0][0].display(),
            "2",
            "10:30 and 11:00 are in, 11:30 is the end (excluded)"
        );
        assert_eq!(out.records_scanned, 4);
    }

    #[test]
    fn parse_and_report_fields() {
        let r = rows(
            "parse metadata.priorityDistribution /(?<high>\\d+) high, (?<medium>\\d+) medium/ | filter ispresent(high) | fields high + medium as total",
            LOGS,
        );
        assert_eq!(r, [["1", "2", "3"]]);
        let r = rows(
            "filter ispresent(@duration) | stats max(@maxMemoryUsed / 1000 / 1000) as mb, avg(@duration)",
            LOGS,
        );
        assert_eq!(r, [["300", "12.5"]]);
    }
}

//! Joins and `in (...)` subqueries: a query over another log group, run to its results first
//! ("Results are materialized before being used by the outer query"), then read by key while
//! the outer query runs (Logs Insights query syntax, join and subqueries).

use super::ast::{Command, Query, Subquery};
use super::compile::{self, Plan};
use super::error::ParseError;
use super::value::Owned;
use std::collections::HashMap;

/// A subquery's results, keyed by their first column: a join's key, or what `in` compares.
#[derive(Debug, Default)]
pub struct Found {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Owned>>,
    /// Rows by the text of their key; a row without a key matches nothing.
    by_key: HashMap<String, Vec<usize>>,
}

impl Found {
    pub fn new(columns: Vec<String>, rows: Vec<Vec<Owned>>) -> Found {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            if let Some(key) = row.first().and_then(|v| v.text()) {
                by_key.entry(key.into_owned()).or_default().push(i);
            }
        }
        Found {
            columns,
            rows,
            by_key,
        }
    }

    /// The rows whose key is `key` (compared as text, as `lookup` compares).
    pub fn matching(&self, key: &str) -> &[usize] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// The plan that runs `s` to the columns the outer query reads of it, first its key. "Only
/// fields explicitly selected in the subquery are available to the outer query": a subquery
/// that chooses its columns (`fields`, `display`, `stats`) must hold them; one that does not
/// gives the fields of its events.
pub fn plan(s: &Subquery, tables: &super::lookup::Tables) -> Result<Plan, ParseError> {
    let alone = compile::compile(&s.query, tables, &[])?;
    let returned: Vec<&str> = alone.output.iter().map(|(n, _)| n.as_str()).collect();
    let wanted = match (s.joined, alone.chooses, s.wanted.as_slice()) {
        (false, true, _) if returned.len() == 1 => vec![returned[0].to_string()],
        (false, _, []) => {
            return Err(ParseError::new(
                s.at,
                "`in (...)` compares a field with the subquery's one column: write `field in (SOURCE ...)` or have the subquery return one column",
            ));
        }
        (_, true, wanted) => match wanted.iter().find(|w| !returned.contains(&w.as_str())) {
            Some(missing) => {
                return Err(ParseError::new(
                    s.at,
                    format!(
                        "the subquery over {} returns {}, not `{missing}`: only the fields it selects can be read",
                        s.group,
                        returned.join(", ")
                    ),
                ));
            }
            None => wanted.to_vec(),
        },
        (_, false, wanted) => wanted.to_vec(),
    };
    let mut query = Query {
        commands: s.query.commands.clone(),
        at: s.query.at.clone(),
        subqueries: Vec::new(),
    };
    query.commands.push(Command::Display(wanted));
    query.at.push(s.at);
    compile::compile(&query, tables, &[])
}

#[cfg(test)]
mod tests {
    use super::super::prepare;
    use super::super::tests::{events, rows_with as run};

    fn refused(query: &str) -> String {
        prepare(query).map(|_| ()).unwrap_err().to_string()
    }

    const API: &[&str] = &[
        r#"{"requestId":"r1","status":502,"latency":900}"#,
        r#"{"requestId":"r2","status":200,"latency":100}"#,
        r#"{"requestId":"r3","status":500,"latency":1500}"#,
        r#"{"requestId":"r4","status":503,"latency":700}"#,
    ];
    const LAMBDA: &[&str] = &[
        r#"{"requestId":"r1","duration":850.5,"memoryUsed":120}"#,
        r#"{"requestId":"r2","duration":80,"memoryUsed":100}"#,
        r#"{"requestId":"r3","duration":1450,"memoryUsed":128}"#,
        r#"{"level":"INFO","message":"no request id"}"#,
    ];

    /// The join page's first example: API Gateway errors with the Lambda invocation of each.
    #[test]
    fn inner_join_pairs_each_record_with_its_match() {
        let q = "filter status >= 500
            | join type=inner left=api right=lambda
                where api.requestId=lambda.requestId
                (SOURCE '/aws/lambda/my-function')
            | fields api.requestId, api.status, api.latency, lambda.duration, lambda.memoryUsed
            | sort api.latency desc";
        assert_eq!(
            run(q, API, &[LAMBDA]),
            [
                ["r3", "500", "1500", "1450", "128"],
                ["r1", "502", "900", "850.5", "120"],
            ],
            "r4 has no invocation, r2 is filtered out"
        );
    }

    #[test]
    fn left_join_keeps_records_without_a_match() {
        let q = "join type=left left=a right=b where b.requestId = a.requestId (SOURCE 'fn')
            | fields a.requestId, b.duration | sort a.requestId";
        assert_eq!(
            run(q, API, &[LAMBDA]),
            [["r1", "850.5"], ["r2", "80"], ["r3", "1450"], ["r4", ""]]
        );
    }

    /// The page leaves open how many right rows a key may match: like SQL, each makes a row.
    #[test]
    fn each_match_makes_a_row_and_the_right_side_may_be_a_query() {
        let retries = [
            r#"{"requestId":"r1","attempt":1,"ok":false}"#,
            r#"{"requestId":"r1","attempt":2,"ok":true}"#,
            r#"{"requestId":"r3","attempt":1,"ok":true}"#,
        ];
        let q = "join left=a right=t where a.requestId=t.requestId (SOURCE 'retries')
            | stats count(*) as n by a.requestId | sort a.requestId";
        assert_eq!(run(q, API, &[&retries]), [["r1", "2"], ["r3", "1"]]);
        let q = "join left=a right=t where a.requestId=t.requestId
                (SOURCE 'retries' | filter attempt >= 1 | stats max(attempt) as attempt by requestId)
            | fields a.requestId, t.attempt | sort a.requestId";
        assert_eq!(run(q, API, &[&retries]), [["r1", "2"], ["r3", "1"]]);
    }

    /// The subqueries page's two examples.
    #[test]
    fn in_subquery_keeps_the_values_it_returns() {
        let db = [
            r#"{"requestId":"r1","errorType":"DatabaseConnectionTimeout"}"#,
            r#"{"requestId":"r2","errorType":"Deadlock"}"#,
            r#"{"requestId":"r4","errorType":"DatabaseConnectionTimeout"}"#,
        ];
        let q = r#"filter requestId in (
                SOURCE '/aws/lambda/database-service'
                | filter errorType = "DatabaseConnectionTimeout"
                | fields requestId
            )
            | fields requestId, latency
            | sort latency desc"#;
        assert_eq!(run(q, API, &[&db]), [["r1", "900"], ["r4", "700"]]);
        let payments = [
            r#"{"requestId":"r1","status":"FAILED"}"#,
            r#"{"requestId":"r2","status":"FAILED"}"#,
            r#"{"requestId":"r2","status":"FAILED"}"#,
            r#"{"requestId":"r2","status":"OK"}"#,
        ];
        let q = r#"filter requestId in (
                SOURCE '/aws/lambda/payment-processor'
                | filter status = "FAILED"
                | stats count(*) as failureCount by requestId
                | filter failureCount > 1
                | fields requestId
            ) | fields requestId"#;
        assert_eq!(run(q, API, &[&payments]), [["r2"]]);
        // Without commands the subquery's events give the field compared; `not in` negates.
        let q = "filter requestId not in (SOURCE 'db') | fields requestId";
        assert_eq!(run(q, API, &[&db]), [["r3"]]);
    }

    #[test]
    fn a_subquery_gives_only_what_it_selects() {
        let e = refused(
            "join left=a right=b where a.k=b.k (SOURCE 'g' | fields k) | fields b.duration",
        );
        assert!(e.contains("returns k, not `duration`"), "{e}");
        let e = refused("filter x in (SOURCE 'g' | fields a, b) | fields x");
        assert!(e.contains("returns a, b, not `x`"), "{e}");
        let e = refused("filter strlen(x) in (SOURCE 'g') | fields x");
        assert!(e.contains("compares a field"), "{e}");
    }

    #[test]
    fn malformed_joins_and_subqueries_are_refused_where_written() {
        for (q, says) in [
            (
                "filter x in (SOURCE 'g' | filter y in (SOURCE 'h'))",
                "column 39: subqueries do not nest",
            ),
            (
                "filter x in (fields y)",
                "column 14: a subquery starts with SOURCE",
            ),
            (
                "filter x in (SOURCE g)",
                "expected a log group name in quotes",
            ),
            (
                "filter x in (SOURCE 'a b')",
                "expected a log group name in quotes",
            ),
            ("join where a.k=b.k (SOURCE 'g')", "a join names both sides"),
            (
                "join left=a right=a where a.k=a.k (SOURCE 'g')",
                "different aliases",
            ),
            (
                "join type=outer left=a right=b where a.k=b.k (SOURCE 'g')",
                "inner or left",
            ),
            (
                "join left=a right=b where a.k=c.k (SOURCE 'g')",
                "written a.field=b.field",
            ),
            ("join left=a right=b where a.k=b.k", "`(SOURCE '...')`"),
            (
                "join left=a right=b where a.k=b.k (SOURCE 'g' | limit 2",
                "closing the subquery",
            ),
            ("join left=a left=b", "left= is given twice"),
            (
                "join left=a right=b where a.k=b.k (SOURCE 'g') | diff",
                "`diff` with a join",
            ),
        ] {
            let e = refused(q);
            assert!(e.contains(says), "{q}: {e}");
        }
    }

    /// Run without the logs its subqueries read, a query says so rather than match nothing.
    #[test]
    fn a_subquery_without_its_logs_is_an_error() {
        let q = prepare("filter x in (SOURCE 'g') | fields x").unwrap();
        let e = q.run_events(&events(API), None).unwrap_err();
        assert!(e.0.contains("1 subqueries; logs were given for 0"), "{e:?}");
        assert!(
            !q.filters_only(),
            "logs tail cannot give a subquery its logs"
        );
    }
}

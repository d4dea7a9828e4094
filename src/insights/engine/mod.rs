//! A local Logs Insights engine: the same queries over exported, fetched or piped logs, in one
//! streaming pass on every core. CloudWatch keeps logs for 30 days and the guides export them to
//! S3 for 90 (000 ログ管理 / ログの保持期間); Logs Insights cannot read those exports, the local
//! emulator cannot evaluate queries, and during an incident the account's concurrent-query
//! limit bites.

mod aggregate;
pub mod ast;
mod compile;
pub mod error;
mod eval;
mod input;
mod lexer;
mod parser;
mod run;
pub mod value;

pub use error::ParseError;
pub use run::{Input, Outcome, OwnedEvent, Range, RunError};

use ast::Command;

/// Rows shown when a query sets no limit (as Logs Insights).
pub const DEFAULT_ROWS: usize = compile::DEFAULT_LIMIT;

/// A parsed and planned query.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub query: ast::Query,
    plan: compile::Plan,
}

pub fn prepare(text: &str) -> Result<Prepared, ParseError> {
    let query = parser::parse(text)?;
    let plan = compile::compile(&query)?;
    Ok(Prepared { query, plan })
}

impl Prepared {
    /// Does the query aggregate (its results cannot be merged across split time ranges)?
    pub fn aggregates(&self) -> bool {
        self.query
            .commands
            .iter()
            .any(|c| matches!(c, Command::Stats { .. }))
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
        self.plan.output.iter().map(|(n, _)| n.clone()).collect()
    }

    pub fn run_inputs(&self, inputs: &[Input], range: Range) -> Result<Outcome, RunError> {
        run::run_inputs(&self.plan, inputs, range)
    }

    pub fn run_events(&self, events: &[OwnedEvent], range: Range) -> Outcome {
        run::run_events(&self.plan, events, range)
    }
}

#[cfg(test)]
mod tests {
    use super::value::Value;
    use super::*;

    /// Runs `query` over `lines` (one event per line), returning rows as text.
    pub fn rows(query: &str, lines: &[&str]) -> Vec<Vec<String>> {
        let events: Vec<OwnedEvent> = lines
            .iter()
            .map(|l| OwnedEvent {
                message: l.to_string(),
                timestamp: None,
                stream: None,
                log: None,
                ingestion: None,
            })
            .collect();
        let out = prepare(query)
            .unwrap_or_else(|e| panic!("{query}: {e}"))
            .run_events(&events, None);
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

//! Running queries on CloudWatch Logs Insights: StartQuery, GetQueryResults with backoff until
//! the query ends, StopQuery when interrupted, and, when raw results reach the 10,000-row cap,
//! the time range split in halves and the parts merged (as AWS's own large-query example does).
//! A semaphore keeps the queries in flight under the account's concurrent-query limit.

use super::Clients;
use crate::error::{Error, Result, aws_err};
use crate::time::TimeRange;
use indicatif::ProgressBar;
use serde::Serialize;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// What a query scanned and matched, as Logs Insights reports it (the local engine fills the
/// same fields).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Statistics {
    pub records_matched: f64,
    pub records_scanned: f64,
    pub bytes_scanned: f64,
}

impl Statistics {
    pub fn add(&mut self, other: &Statistics) {
        self.records_matched += other.records_matched;
        self.records_scanned += other.records_scanned;
        self.bytes_scanned += other.bytes_scanned;
    }
}

/// A result field as Logs Insights returns it (always text), as a number when it is one.
pub fn typed(s: &str) -> Value {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && !s.trim().is_empty() => serde_json::Number::from_f64(n)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(s.into())),
        _ => Value::String(s.to_string()),
    }
}

/// Logs Insights returns at most this many rows per query.
pub const MAX_ROWS: usize = 10_000;

/// Log groups one query reads (StartQuery `logGroupNames`).
pub const MAX_GROUPS: usize = 50;

/// Queries this process runs at once. The account allows 30 concurrent Logs Insights queries
/// by default (AWS service quotas); this leaves room for people using the console.
pub const DEFAULT_CONCURRENT_QUERIES: usize = 20;

pub type Cancel<'c> = Pin<&'c mut (dyn Future<Output = ()> + Send)>;

pub struct Request<'a> {
    pub text: &'a str,
    pub log_groups: &'a [String],
    pub range: TimeRange,
    /// Rows wanted in all; above 10,000 a raw (non-stats) query is split.
    pub limit: usize,
    pub aggregates: bool,
    /// The query sorts newest first, so split parts are merged newest first.
    pub newest_first: bool,
}

#[derive(Debug, Default)]
pub struct Raw {
    pub columns: Vec<String>,
    pub rows: Vec<serde_json::Map<String, serde_json::Value>>,
    pub statistics: Statistics,
    pub queries: u32,
    pub notes: Vec<String>,
}

pub struct Runner {
    slots: Arc<Semaphore>,
    first_poll: Duration,
    max_poll: Duration,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new(DEFAULT_CONCURRENT_QUERIES)
    }
}

impl Runner {
    pub fn new(concurrent: usize) -> Runner {
        Runner {
            slots: Arc::new(Semaphore::new(concurrent.max(1))),
            first_poll: Duration::from_millis(250),
            max_poll: Duration::from_secs(3),
        }
    }

    #[cfg(test)]
    pub fn fast() -> Runner {
        Runner {
            slots: Arc::new(Semaphore::new(2)),
            first_poll: Duration::from_millis(1),
            max_poll: Duration::from_millis(2),
        }
    }

    pub async fn run(
        &self,
        aws: &Clients,
        req: &Request<'_>,
        progress: &ProgressBar,
        mut cancel: Cancel<'_>,
    ) -> Result<Raw> {
        let mut raw = Raw::default();
        let mut pending = vec![req.range];
        let mut parts: Vec<(TimeRange, Vec<serde_json::Map<String, serde_json::Value>>)> =
            Vec::new();
        while let Some(range) = pending.pop() {
            let per_query = req.limit.min(MAX_ROWS);
            let part = self
                .one(aws, req, range, per_query as i32, progress, cancel.as_mut())
                .await?;
            raw.queries += 1;
            raw.statistics.add(&part.statistics);
            for c in part.columns {
                if !raw.columns.contains(&c) {
                    raw.columns.push(c);
                }
            }
            let capped = part.rows.len() >= MAX_ROWS;
            if capped
                && !req.aggregates
                && req.limit > MAX_ROWS
                && let Some((a, b)) = range.halves()
            {
                progress.set_message(format!(
                    "results reached {MAX_ROWS} rows; splitting the time range"
                ));
                pending.push(b);
                pending.push(a);
                continue;
            }
            if capped && (req.aggregates || req.limit > MAX_ROWS) {
                raw.notes.push(format!(
                    "results stopped at Logs Insights' {MAX_ROWS}-row cap{}",
                    if req.aggregates {
                        "; narrow the time range or the groups"
                    } else {
                        ""
                    }
                ));
            }
            parts.push((range, part.rows));
        }
        parts.sort_by_key(|(r, _)| r.start);
        if req.newest_first {
            parts.reverse();
        }
        raw.rows = parts
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .take(req.limit)
            .collect();
        Ok(raw)
    }

    async fn one(
        &self,
        aws: &Clients,
        req: &Request<'_>,
        range: TimeRange,
        limit: i32,
        progress: &ProgressBar,
        mut cancel: Cancel<'_>,
    ) -> Result<Raw> {
        let _slot = self
            .slots
            .acquire()
            .await
            .map_err(|_| Error::internal("query slots closed"))?;
        let (start, end) = (range.start.as_second(), range.end.as_second());
        let started = aws
            .logs
            .start_query()
            .set_log_group_names(Some(req.log_groups.to_vec()))
            .start_time(start)
            .end_time(end)
            .query_string(req.text)
            .limit(limit)
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "StartQuery",
                "starting the Logs Insights query",
            ))?;
        let id = started.query_id().unwrap_or_default().to_string();
        let mut wait = self.first_poll;
        loop {
            tokio::select! {
                _ = cancel.as_mut() => {
                    let stopped = aws.logs.stop_query().query_id(&id).send().await;
                    let how = match stopped {
                        Ok(_) => "the query was stopped".to_string(),
                        Err(e) => format!("stopping it failed too: {}", Error::aws("CloudWatch Logs", "StopQuery", "stopping the query", e)),
                    };
                    return Err(Error::failed(format!("interrupted; {how} (query id {id})")));
                }
                _ = tokio::time::sleep(wait) => {}
            }
            let out = aws
                .logs
                .get_query_results()
                .query_id(&id)
                .send()
                .await
                .map_err(aws_err(
                    "CloudWatch Logs",
                    "GetQueryResults",
                    format!("reading the results of query {id}"),
                ))?;
            let status = out
                .status()
                .map(|s| s.as_str().to_string())
                .unwrap_or_else(|| "Unknown".into());
            let stats = out.statistics();
            let statistics = Statistics {
                records_matched: stats.map(|s| s.records_matched()).unwrap_or(0.0),
                records_scanned: stats.map(|s| s.records_scanned()).unwrap_or(0.0),
                bytes_scanned: stats.map(|s| s.bytes_scanned()).unwrap_or(0.0),
            };
            match status.as_str() {
                "Scheduled" | "Running" => {
                    progress.set_message(format!(
                        "Logs Insights query {status}: {} rows so far, {} records scanned",
                        out.results().len(),
                        statistics.records_scanned
                    ));
                    wait = (wait * 3 / 2).min(self.max_poll);
                }
                "Complete" => {
                    let mut raw = Raw {
                        statistics,
                        ..Raw::default()
                    };
                    for result in out.results() {
                        let mut row = serde_json::Map::new();
                        for f in result {
                            let (Some(name), value) = (f.field(), f.value()) else {
                                continue;
                            };
                            if name == "@ptr" {
                                continue;
                            }
                            if !raw.columns.iter().any(|c| c == name) {
                                raw.columns.push(name.to_string());
                            }
                            row.insert(
                                name.to_string(),
                                value.map(typed).unwrap_or(serde_json::Value::Null),
                            );
                        }
                        raw.rows.push(row);
                    }
                    return Ok(raw);
                }
                other => {
                    let why = match other {
                        "Timeout" => {
                            "it ran past Logs Insights' 60-minute limit; narrow the time range"
                        }
                        "Cancelled" => "it was cancelled (by StopQuery, from here or the console)",
                        "Failed" => {
                            "Logs Insights could not run it; check the text with `query show`"
                        }
                        _ => "Logs Insights reported an unknown status",
                    };
                    return Err(Error::failed(format!(
                        "the Logs Insights query ended {other}: {why} (query id {id})"
                    )));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatchlogs::Client;
    use aws_sdk_cloudwatchlogs::operation::get_query_results::GetQueryResultsOutput;
    use aws_sdk_cloudwatchlogs::operation::start_query::StartQueryOutput;
    use aws_sdk_cloudwatchlogs::operation::stop_query::StopQueryOutput;
    use aws_sdk_cloudwatchlogs::types::{QueryStatistics, QueryStatus, ResultField};
    use aws_smithy_mocks::mock;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn field(name: &str, value: &str) -> ResultField {
        ResultField::builder().field(name).value(value).build()
    }

    fn results(status: QueryStatus, rows: usize) -> GetQueryResultsOutput {
        GetQueryResultsOutput::builder()
            .status(status)
            .statistics(
                QueryStatistics::builder()
                    .records_matched(rows as f64)
                    .records_scanned(100.0)
                    .bytes_scanned(1000.0)
                    .build(),
            )
            .set_results(Some(
                (0..rows)
                    .map(|i| {
                        vec![
                            field("@ptr", "p"),
                            field("n", &i.to_string()),
                            field("code", "AI_ERROR"),
                        ]
                    })
                    .collect(),
            ))
            .build()
    }

    fn range(hours: i64) -> TimeRange {
        let end = jiff::Timestamp::now();
        TimeRange {
            start: end
                .checked_sub(jiff::SignedDuration::from_hours(hours))
                .unwrap(),
            end,
        }
    }

    fn clients(rules: Vec<aws_smithy_mocks::Rule>) -> Clients {
        Mocks {
            logs: rules,
            ..Default::default()
        }
        .clients()
    }

    async fn run(aws: &Clients, limit: usize, aggregates: bool, cancel: Cancel<'_>) -> Result<Raw> {
        let groups = vec!["/aws/lambda/x".to_string()];
        let req = Request {
            text: "fields n",
            log_groups: &groups,
            range: range(2),
            limit,
            aggregates,
            newest_first: false,
        };
        Runner::fast()
            .run(aws, &req, &ProgressBar::hidden(), cancel)
            .await
    }

    #[tokio::test]
    async fn polls_while_running_then_returns_rows_and_statistics() {
        let start = mock!(Client::start_query)
            .then_output(|| StartQueryOutput::builder().query_id("q1").build());
        let polls = mock!(Client::get_query_results)
            .sequence()
            .output(|| results(QueryStatus::Scheduled, 0))
            .output(|| results(QueryStatus::Running, 2))
            .output(|| results(QueryStatus::Complete, 3))
            .build();
        let aws = clients(vec![start, polls.clone()]);
        let raw = run(&aws, 1000, false, std::pin::pin!(std::future::pending()))
            .await
            .unwrap();
        assert_eq!(polls.num_calls(), 3);
        assert_eq!(raw.columns, ["n", "code"], "@ptr is not a column");
        assert_eq!(raw.rows.len(), 3);
        assert_eq!(raw.rows[2]["n"], serde_json::json!(2.0));
        assert_eq!(raw.statistics.records_scanned, 100.0);
    }

    #[tokio::test]
    async fn failed_cancelled_and_timed_out_queries_are_errors_with_the_reason() {
        for (status, word) in [
            (QueryStatus::Failed, "Failed"),
            (QueryStatus::Cancelled, "Cancelled"),
            (QueryStatus::Timeout, "Timeout"),
        ] {
            let start = mock!(Client::start_query)
                .then_output(|| StartQueryOutput::builder().query_id("q").build());
            let st = status.clone();
            let poll = mock!(Client::get_query_results).then_output(move || results(st.clone(), 0));
            let err = run(
                &clients(vec![start, poll]),
                1000,
                false,
                std::pin::pin!(std::future::pending()),
            )
            .await
            .unwrap_err();
            assert_eq!(err.status(), crate::exit::ExitStatus::Critical);
            assert!(err.to_string().contains(word), "{err}");
        }
    }

    #[tokio::test]
    async fn interruption_stops_the_query() {
        let start = mock!(Client::start_query)
            .then_output(|| StartQueryOutput::builder().query_id("q9").build());
        let poll =
            mock!(Client::get_query_results).then_output(|| results(QueryStatus::Running, 0));
        let stop = mock!(Client::stop_query)
            .match_requests(|r| r.query_id() == Some("q9"))
            .then_output(|| StopQueryOutput::builder().success(true).build());
        let aws = clients(vec![start, poll, stop.clone()]);
        let err = run(&aws, 1000, false, std::pin::pin!(async {}))
            .await
            .unwrap_err();
        assert_eq!(stop.num_calls(), 1);
        assert!(err.to_string().contains("stopped"), "{err}");
    }

    #[tokio::test]
    async fn capped_raw_results_split_the_range_and_merge() {
        // The whole range hits the cap; each half does not.
        let starts = Arc::new(AtomicUsize::new(0));
        let counter = starts.clone();
        let start = mock!(Client::start_query).then_compute_output(move |_| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            StartQueryOutput::builder()
                .query_id(format!("q{n}"))
                .build()
        });
        let poll = mock!(Client::get_query_results).then_compute_output(|req| {
            let rows = if req.query_id() == Some("q0") {
                MAX_ROWS
            } else {
                6000
            };
            results(QueryStatus::Complete, rows)
        });
        let raw = run(
            &clients(vec![start, poll]),
            50_000,
            false,
            std::pin::pin!(std::future::pending()),
        )
        .await
        .unwrap();
        assert_eq!(
            starts.load(Ordering::SeqCst),
            3,
            "the first query, then its two halves"
        );
        assert_eq!(raw.rows.len(), 12_000);
        assert_eq!(raw.queries, 3);
    }

    #[tokio::test]
    async fn aggregations_are_not_split_but_say_they_were_capped() {
        let start = mock!(Client::start_query)
            .then_output(|| StartQueryOutput::builder().query_id("q").build());
        let poll = mock!(Client::get_query_results)
            .then_output(|| results(QueryStatus::Complete, MAX_ROWS));
        let raw = run(
            &clients(vec![start.clone(), poll]),
            50_000,
            true,
            std::pin::pin!(std::future::pending()),
        )
        .await
        .unwrap();
        assert_eq!(start.num_calls(), 1);
        assert!(raw.notes[0].contains("cap"));
    }

    #[tokio::test]
    async fn throttled_starts_are_retried() {
        let start = mock!(Client::start_query)
            .sequence()
            .error(|| {
                aws_sdk_cloudwatchlogs::operation::start_query::StartQueryError::LimitExceededException(
                    aws_sdk_cloudwatchlogs::types::error::LimitExceededException::builder()
                        .message("too many queries")
                        .meta(aws_smithy_types::error::ErrorMetadata::builder().code("LimitExceededException").message("too many queries").build())
                        .build(),
                )
            })
            .output(|| StartQueryOutput::builder().query_id("q").build())
            .build();
        let poll =
            mock!(Client::get_query_results).then_output(|| results(QueryStatus::Complete, 1));
        let raw = run(
            &clients(vec![start.clone(), poll]),
            100,
            false,
            std::pin::pin!(std::future::pending()),
        )
        .await
        .unwrap();
        assert_eq!(start.num_calls(), 2);
        assert_eq!(raw.rows.len(), 1);
    }
}

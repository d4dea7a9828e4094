//! Amazon Athena: a statement run in a workgroup (StartQueryExecution), polled with backoff
//! until it ends (GetQueryExecution), its rows read page by page (GetQueryResults, the header
//! row of a SELECT left out), stopped when interrupted (StopQueryExecution).

use super::Clients;
use super::insights::{Cancel, typed};
use crate::error::{Error, Result, aws_err};
use aws_sdk_athena::types::{QueryExecutionContext, QueryExecutionState, ResultConfiguration};
use indicatif::ProgressBar;
use serde_json::{Map, Value};
use std::time::Duration;

pub struct Request<'a> {
    pub sql: &'a str,
    pub database: &'a str,
    pub workgroup: &'a str,
    /// Where results go, when the workgroup does not say (`s3://…/`).
    pub output: Option<&'a str>,
}

#[derive(Debug, Default)]
pub struct Answer {
    pub id: String,
    pub columns: Vec<String>,
    pub rows: Vec<Map<String, Value>>,
    pub bytes_scanned: i64,
}

/// The first wait between polls, and the longest.
const FIRST_POLL: Duration = Duration::from_millis(250);
const MAX_POLL: Duration = Duration::from_secs(5);

/// Runs `req` to its end and reads its rows.
pub async fn run(
    aws: &Clients,
    req: &Request<'_>,
    progress: &ProgressBar,
    mut cancel: Cancel<'_>,
) -> Result<Answer> {
    let mut start = aws
        .athena
        .start_query_execution()
        .query_string(req.sql)
        .work_group(req.workgroup)
        .query_execution_context(
            QueryExecutionContext::builder()
                .database(req.database)
                .build(),
        );
    if let Some(output) = req.output {
        start = start.result_configuration(
            ResultConfiguration::builder()
                .output_location(output)
                .build(),
        );
    }
    let id = start
        .send()
        .await
        .map_err(aws_err(
            "Athena",
            "StartQueryExecution",
            format!("starting the query in workgroup {}", req.workgroup),
        ))?
        .query_execution_id()
        .unwrap_or_default()
        .to_string();
    let mut wait = FIRST_POLL;
    let bytes_scanned = loop {
        tokio::select! {
            _ = cancel.as_mut() => {
                let stopped = aws.athena.stop_query_execution().query_execution_id(&id).send().await;
                let how = match stopped {
                    Ok(_) => "the query was stopped".to_string(),
                    Err(e) => format!("stopping it failed too: {}", Error::aws("Athena", "StopQueryExecution", "stopping the query", e)),
                };
                return Err(Error::failed(format!("interrupted; {how} (query execution {id})")));
            }
            _ = tokio::time::sleep(wait) => {}
        }
        let out = aws
            .athena
            .get_query_execution()
            .query_execution_id(&id)
            .send()
            .await
            .map_err(aws_err(
                "Athena",
                "GetQueryExecution",
                format!("reading the state of query execution {id}"),
            ))?;
        let execution = out.query_execution();
        let status = execution.and_then(|e| e.status());
        let scanned = execution
            .and_then(|e| e.statistics())
            .and_then(|s| s.data_scanned_in_bytes())
            .unwrap_or(0);
        match status.and_then(|s| s.state()) {
            Some(QueryExecutionState::Succeeded) => break scanned,
            Some(QueryExecutionState::Queued) | Some(QueryExecutionState::Running) | None => {
                progress.set_message(format!(
                    "Athena query {}: {} MB scanned so far",
                    status
                        .and_then(|s| s.state())
                        .map(|s| s.as_str())
                        .unwrap_or("starting"),
                    scanned / 1_000_000
                ));
                wait = (wait * 3 / 2).min(MAX_POLL);
            }
            Some(other) => {
                let reason = status
                    .and_then(|s| s.state_change_reason())
                    .unwrap_or("no reason given");
                let why = match other {
                    QueryExecutionState::Cancelled => {
                        "it was cancelled (by StopQueryExecution, from here or the console)"
                    }
                    _ => {
                        "Athena could not run it; `query show NAME --engine athena` prints the SQL"
                    }
                };
                return Err(Error::failed(format!(
                    "the Athena query ended {}: {why}: {reason} (query execution {id})",
                    other.as_str()
                )));
            }
        }
    };
    let mut answer = Answer {
        id: id.clone(),
        bytes_scanned,
        ..Answer::default()
    };
    let mut pages = aws
        .athena
        .get_query_results()
        .query_execution_id(&id)
        .into_paginator()
        .send();
    let mut numeric = Vec::new();
    let mut first = true;
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "Athena",
            "GetQueryResults",
            format!("reading the rows of query execution {id}"),
        ))?;
        let Some(set) = page.result_set() else {
            continue;
        };
        if answer.columns.is_empty() {
            for c in set
                .result_set_metadata()
                .map(|m| m.column_info())
                .unwrap_or_default()
            {
                answer.columns.push(c.name().to_string());
                numeric.push(matches!(
                    c.r#type(),
                    "double"
                        | "float"
                        | "real"
                        | "bigint"
                        | "integer"
                        | "smallint"
                        | "tinyint"
                        | "decimal"
                ));
            }
        }
        for (i, row) in set.rows().iter().enumerate() {
            let cells: Vec<Option<&str>> = row.data().iter().map(|d| d.var_char_value()).collect();
            // A SELECT's first row is its header.
            if first
                && i == 0
                && cells
                    .iter()
                    .map(|c| c.unwrap_or(""))
                    .eq(answer.columns.iter().map(String::as_str))
            {
                continue;
            }
            let mut out = Map::new();
            for (j, name) in answer.columns.iter().enumerate() {
                let value = match cells.get(j).copied().flatten() {
                    None => Value::Null,
                    Some(v) if numeric.get(j).copied().unwrap_or(false) => typed(v),
                    Some(v) => Value::String(v.to_string()),
                };
                out.insert(name.clone(), value);
            }
            answer.rows.push(out);
        }
        first = false;
    }
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Mocks;
    use aws_sdk_athena::Client;
    use aws_sdk_athena::operation::get_query_execution::GetQueryExecutionOutput;
    use aws_sdk_athena::operation::get_query_results::GetQueryResultsOutput;
    use aws_sdk_athena::operation::start_query_execution::StartQueryExecutionOutput;
    use aws_sdk_athena::operation::stop_query_execution::StopQueryExecutionOutput;
    use aws_sdk_athena::types::{
        ColumnInfo, Datum, QueryExecution, QueryExecutionStatistics, QueryExecutionStatus,
        ResultSet, ResultSetMetadata, Row,
    };
    use aws_smithy_mocks::{Rule, mock};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn execution(state: QueryExecutionState) -> GetQueryExecutionOutput {
        GetQueryExecutionOutput::builder()
            .query_execution(
                QueryExecution::builder()
                    .status(
                        QueryExecutionStatus::builder()
                            .state(state)
                            .state_change_reason("SYNTAX_ERROR: line 1:8")
                            .build(),
                    )
                    .statistics(
                        QueryExecutionStatistics::builder()
                            .data_scanned_in_bytes(123_456_789)
                            .build(),
                    )
                    .build(),
            )
            .build()
    }

    fn row(cells: &[Option<&str>]) -> Row {
        Row::builder()
            .set_data(Some(
                cells
                    .iter()
                    .map(|c| {
                        Datum::builder()
                            .set_var_char_value(c.map(str::to_string))
                            .build()
                    })
                    .collect(),
            ))
            .build()
    }

    fn page(rows: Vec<Row>, next: Option<&str>) -> GetQueryResultsOutput {
        let column =
            |name: &str, t: &str| ColumnInfo::builder().name(name).r#type(t).build().unwrap();
        GetQueryResultsOutput::builder()
            .result_set(
                ResultSet::builder()
                    .result_set_metadata(
                        ResultSetMetadata::builder()
                            .column_info(column("error.code", "varchar"))
                            .column_info(column("count", "bigint"))
                            .build(),
                    )
                    .set_rows(Some(rows))
                    .build(),
            )
            .set_next_token(next.map(str::to_string))
            .build()
    }

    fn start() -> Rule {
        mock!(Client::start_query_execution)
            .match_requests(|r| r.work_group() == Some("primary"))
            .then_output(|| {
                StartQueryExecutionOutput::builder()
                    .query_execution_id("qe-1")
                    .build()
            })
    }

    async fn run_with(rules: Vec<Rule>, cancel: Cancel<'_>) -> Result<Answer> {
        let aws = Mocks {
            athena: rules,
            ..Default::default()
        }
        .clients();
        let req = Request {
            sql: "SELECT 1",
            database: "mandala_ops",
            workgroup: "primary",
            output: None,
        };
        run(&aws, &req, &ProgressBar::hidden(), cancel).await
    }

    #[tokio::test]
    async fn polls_through_queued_and_running_then_reads_every_page_without_the_header() {
        let polls = Arc::new(AtomicUsize::new(0));
        let counter = polls.clone();
        let poll = mock!(Client::get_query_execution).then_compute_output(move |_| {
            match counter.fetch_add(1, Ordering::SeqCst) {
                0 => execution(QueryExecutionState::Queued),
                1 => execution(QueryExecutionState::Running),
                _ => execution(QueryExecutionState::Succeeded),
            }
        });
        let first = mock!(Client::get_query_results)
            .match_requests(|r| r.next_token().is_none())
            .then_output(|| {
                page(
                    vec![
                        row(&[Some("error.code"), Some("count")]),
                        row(&[Some("AI_ERROR"), Some("4")]),
                    ],
                    Some("p2"),
                )
            });
        let second = mock!(Client::get_query_results)
            .match_requests(|r| r.next_token() == Some("p2"))
            .then_output(|| page(vec![row(&[None, Some("2")])], None));
        let a = run_with(
            vec![start(), poll, first, second],
            std::pin::pin!(std::future::pending()),
        )
        .await
        .unwrap();
        assert_eq!(polls.load(Ordering::SeqCst), 3);
        assert_eq!(a.columns, ["error.code", "count"]);
        assert_eq!(a.rows.len(), 2, "the header row is not a row");
        assert_eq!(a.rows[0]["count"], serde_json::json!(4.0));
        assert_eq!(a.rows[1]["error.code"], Value::Null);
        assert_eq!(a.bytes_scanned, 123_456_789);
    }

    #[tokio::test]
    async fn failed_and_cancelled_queries_are_errors_with_the_reason() {
        for (state, word) in [
            (QueryExecutionState::Failed, "FAILED"),
            (QueryExecutionState::Cancelled, "CANCELLED"),
        ] {
            let poll =
                mock!(Client::get_query_execution).then_output(move || execution(state.clone()));
            let err = run_with(vec![start(), poll], std::pin::pin!(std::future::pending()))
                .await
                .unwrap_err();
            assert_eq!(err.status(), crate::exit::ExitStatus::Critical);
            assert!(err.to_string().contains(word), "{err}");
            assert!(err.to_string().contains("qe-1"), "{err}");
        }
    }

    #[tokio::test]
    async fn an_interruption_stops_the_query() {
        let poll = mock!(Client::get_query_execution)
            .then_output(|| execution(QueryExecutionState::Running));
        let stop = mock!(Client::stop_query_execution)
            .match_requests(|r| r.query_execution_id() == Some("qe-1"))
            .then_output(|| StopQueryExecutionOutput::builder().build());
        let err = run_with(vec![start(), poll, stop.clone()], std::pin::pin!(async {}))
            .await
            .unwrap_err();
        assert_eq!(stop.num_calls(), 1);
        assert!(err.to_string().contains("stopped"), "{err}");
    }
}

//! Reading CloudWatch Logs events (FilterLogEvents with paging; throttling is retried by the
//! SDK's retry policy).

use crate::aws::Clients;
use crate::error::{Error, Result, aws_err};
use aws_sdk_cloudwatchlogs::types::LogGroup;
use jiff::Timestamp;

#[derive(Debug, Clone)]
pub struct Event {
    pub group: String,
    pub stream: String,
    pub timestamp: i64,
    pub message: String,
}

/// Events of `group` in `[start, end]` matching `pattern` (CloudWatch filter syntax; the caller
/// checks matches itself, as some endpoints ignore patterns). Stops after `limit` events.
/// A group that does not exist is [`Error::Failed`] naming it.
pub async fn filter(
    aws: &Clients,
    group: &str,
    pattern: Option<&str>,
    start: Timestamp,
    end: Timestamp,
    limit: usize,
) -> Result<Vec<Event>> {
    let mut events = Vec::new();
    let mut token: Option<String> = None;
    let mut previous: Option<String> = None;
    loop {
        let out = aws
            .logs
            .filter_log_events()
            .log_group_name(group)
            .start_time(start.as_millisecond())
            .end_time(end.as_millisecond())
            .set_filter_pattern(pattern.map(str::to_string))
            .set_next_token(token.take())
            .send()
            .await;
        let out = match out {
            Ok(out) => out,
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_not_found_exception()) =>
            {
                return Err(
                    Error::failed(format!("the log group {group} does not exist")).with_hint(
                        "check the function's name (`mandala-ops config show`) and the region",
                    ),
                );
            }
            Err(e) => {
                return Err(Error::aws(
                    "CloudWatch Logs",
                    "FilterLogEvents",
                    &format!("reading {group}"),
                    e,
                ));
            }
        };
        for e in out.events() {
            events.push(Event {
                group: group.to_string(),
                stream: e.log_stream_name().unwrap_or_default().to_string(),
                timestamp: e.timestamp().unwrap_or_default(),
                message: e.message().unwrap_or_default().to_string(),
            });
        }
        // CloudWatch may answer a page without events while it searches on: follow the token
        // until it stops changing (an endpoint that repeats it has nothing more).
        match out.next_token() {
            Some(t) if !t.is_empty() && events.len() < limit && previous.as_deref() != Some(t) => {
                previous = Some(t.to_string());
                token = Some(t.to_string())
            }
            _ => break,
        }
    }
    events.truncate(limit);
    Ok(events)
}

/// A log group by its exact name (DescribeLogGroups by prefix, all pages); `None` when it does
/// not exist.
pub async fn find_group(aws: &Clients, group: &str) -> Result<Option<LogGroup>> {
    let mut pages = aws
        .logs
        .describe_log_groups()
        .log_group_name_prefix(group)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "CloudWatch Logs",
            "DescribeLogGroups",
            format!("looking up {group}"),
        ))?;
        if let Some(g) = page
            .log_groups()
            .iter()
            .find(|g| g.log_group_name() == Some(group))
        {
            return Ok(Some(g.clone()));
        }
    }
    Ok(None)
}

/// Checks that every group the user named exists, so a typo is bad input (exit 64) rather than
/// a failure half-way through a command.
pub async fn check_groups_exist(aws: &Clients, groups: &[String], region: &str) -> Result<()> {
    for group in groups {
        if find_group(aws, group).await?.is_none() {
            return Err(
                Error::usage(format!("the log group {group} does not exist in {region}"))
                    .with_hint("check the name (`mandala-ops config show` lists the service's log groups) and the region"),
            );
        }
    }
    Ok(())
}

/// One export of a log group to S3 (DescribeExportTasks).
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub group: String,
    pub bucket: String,
    pub prefix: String,
    /// COMPLETED, FAILED, RUNNING, …
    pub status: String,
    /// The exported range's end.
    pub to: Option<Timestamp>,
    /// When the task finished, where the endpoint says.
    pub completed: Option<Timestamp>,
}

/// Every export task the account has (DescribeExportTasks, all pages).
pub async fn export_tasks(aws: &Clients) -> Result<Vec<Export>> {
    let ms = |v: i64| Timestamp::from_millisecond(v).ok();
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = aws
            .logs
            .describe_export_tasks()
            .set_next_token(token.take())
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "DescribeExportTasks",
                "listing log exports",
            ))?;
        out.extend(page.export_tasks().iter().map(|t| {
            Export {
                group: t.log_group_name().unwrap_or_default().to_string(),
                bucket: t.destination().unwrap_or_default().to_string(),
                prefix: t.destination_prefix().unwrap_or_default().to_string(),
                status: t
                    .status()
                    .and_then(|s| s.code())
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
                to: t.to().and_then(ms),
                completed: t
                    .execution_info()
                    .and_then(|i| i.completion_time())
                    .and_then(ms),
            }
        }));
        match page.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => break,
        }
    }
    Ok(out)
}

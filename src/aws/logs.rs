//! Reading CloudWatch Logs events (FilterLogEvents with paging; throttling is retried by the
//! SDK's retry policy).

use crate::aws::Clients;
use crate::error::{Error, Result, aws_err};
use aws_sdk_cloudwatchlogs::operation::start_live_tail::StartLiveTailOutput;
use aws_sdk_cloudwatchlogs::types::{LogGroup, StartLiveTailResponseStream};
use aws_smithy_types::error::display::DisplayErrorContext;
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

/// A log group by its exact name; `None` when it does not exist.
pub async fn find_group(aws: &Clients, group: &str) -> Result<Option<LogGroup>> {
    Ok(listed(aws, Some(group))
        .await?
        .into_iter()
        .find(|g| g.log_group_name() == Some(group)))
}

/// The log groups whose names start with one of `prefixes` (every group when there are none),
/// each with its log class (`STANDARD`, the default, when DescribeLogGroups gives none).
pub async fn groups_by_prefix(aws: &Clients, prefixes: &[String]) -> Result<Vec<(String, String)>> {
    let mut selections: Vec<Option<&str>> = prefixes.iter().map(|p| Some(p.as_str())).collect();
    if selections.is_empty() {
        selections.push(None);
    }
    // Prefixes may overlap; an account may hold thousands of groups, so seen names are a set.
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(String, String)> = Vec::new();
    for prefix in selections {
        for g in listed(aws, prefix).await? {
            let Some(name) = g.log_group_name() else {
                continue;
            };
            if seen.insert(name.to_string()) {
                let class = g.log_group_class().map_or("STANDARD", |c| c.as_str());
                out.push((name.to_string(), class.to_string()));
            }
        }
    }
    Ok(out)
}

/// Every page of DescribeLogGroups for the name prefix.
async fn listed(aws: &Clients, prefix: Option<&str>) -> Result<Vec<LogGroup>> {
    let mut pages = aws
        .logs
        .describe_log_groups()
        .set_log_group_name_prefix(prefix.map(str::to_string))
        .into_paginator()
        .send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "CloudWatch Logs",
            "DescribeLogGroups",
            format!("listing the log groups named {}*", prefix.unwrap_or("")),
        ))?;
        out.extend(page.log_groups().iter().cloned());
    }
    Ok(out)
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

/// Log groups one Live Tail session can follow (StartLiveTail `logGroupIdentifiers`).
pub const LIVE_TAIL_GROUPS: usize = 10;

/// A CloudWatch Logs Live Tail session (StartLiveTail): events as they are ingested. AWS ends a
/// session after 3 hours, samples it above 500 events a second, and bills it by the minute.
pub struct LiveTail {
    session: StartLiveTailOutput,
}

/// What a Live Tail session sent next.
#[derive(Debug)]
pub enum LiveUpdate {
    /// New events (often none: AWS sends an update every second); `sampled` when AWS left some
    /// out.
    Events { events: Vec<Event>, sampled: bool },
    /// The session reached its 3-hour limit; a new one continues it.
    TimedOut,
    /// The session ended or broke (why).
    Ended(String),
}

/// Starts a Live Tail session on `arns` (each group's ARN, as StartLiveTail wants them).
pub async fn live_tail(aws: &Clients, arns: &[String], pattern: Option<&str>) -> Result<LiveTail> {
    let out = aws
        .logs
        .start_live_tail()
        .set_log_group_identifiers(Some(arns.to_vec()))
        .set_log_event_filter_pattern(pattern.map(str::to_string))
        .send()
        .await
        .map_err(aws_err(
            "CloudWatch Logs",
            "StartLiveTail",
            "starting a Live Tail session",
        ))?;
    Ok(LiveTail { session: out })
}

impl LiveTail {
    pub async fn next(&mut self) -> LiveUpdate {
        use aws_sdk_cloudwatchlogs::types::error::StartLiveTailResponseStreamError as E;
        loop {
            return match self.session.response_stream.recv().await {
                Ok(Some(StartLiveTailResponseStream::SessionUpdate(u))) => LiveUpdate::Events {
                    sampled: u.session_metadata().is_some_and(|m| m.sampled()),
                    events: u
                        .session_results()
                        .iter()
                        .map(|e| Event {
                            group: group_name(e.log_group_identifier().unwrap_or_default()),
                            stream: e.log_stream_name().unwrap_or_default().to_string(),
                            timestamp: e.timestamp().unwrap_or_default(),
                            message: e.message().unwrap_or_default().to_string(),
                        })
                        .collect(),
                },
                // The session's start repeats what was asked; the events follow.
                Ok(Some(_)) => continue,
                Ok(None) => LiveUpdate::Ended("the session ended".into()),
                Err(e) => match e.as_service_error() {
                    Some(E::SessionTimeoutException(_)) => LiveUpdate::TimedOut,
                    _ => LiveUpdate::Ended(DisplayErrorContext(&e).to_string()),
                },
            };
        }
    }
}

/// A log group's name from its identifier in a Live Tail event: an ARN
/// (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME`, perhaps ending `:*`) or the name itself.
fn group_name(identifier: &str) -> String {
    match identifier.split_once(":log-group:") {
        Some((_, name)) => name.trim_end_matches(":*").to_string(),
        None => identifier.to_string(),
    }
}

/// One export of a log group to S3 (DescribeExportTasks).
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub id: String,
    pub group: String,
    pub bucket: String,
    pub prefix: String,
    /// COMPLETED, FAILED, RUNNING, …
    pub status: String,
    /// The exported range's start and end.
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    /// When the task finished, where the endpoint says.
    pub completed: Option<Timestamp>,
}

/// Every export task the account has, or the one with id `task` (DescribeExportTasks, all pages).
pub async fn export_tasks(aws: &Clients, task: Option<&str>) -> Result<Vec<Export>> {
    let ms = |v: i64| Timestamp::from_millisecond(v).ok();
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = aws
            .logs
            .describe_export_tasks()
            .set_task_id(task.map(str::to_string))
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
                id: t.task_id().unwrap_or_default().to_string(),
                group: t.log_group_name().unwrap_or_default().to_string(),
                bucket: t.destination().unwrap_or_default().to_string(),
                prefix: t.destination_prefix().unwrap_or_default().to_string(),
                status: t
                    .status()
                    .and_then(|s| s.code())
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
                from: t.from().and_then(ms),
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

/// Starts exporting `group`'s events in `[from, to]` to `s3://bucket/prefix/`; the task's id, or
/// `None` when the account already runs an export (CloudWatch allows one at a time).
pub async fn start_export(
    aws: &Clients,
    name: &str,
    group: &str,
    from: Timestamp,
    to: Timestamp,
    bucket: &str,
    prefix: &str,
) -> Result<Option<String>> {
    let out = aws
        .logs
        .create_export_task()
        .task_name(name)
        .log_group_name(group)
        .from(from.as_millisecond())
        .to(to.as_millisecond())
        .destination(bucket)
        .destination_prefix(prefix)
        .send()
        .await;
    match out {
        Ok(o) => Ok(Some(o.task_id().unwrap_or_default().to_string())),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_limit_exceeded_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::aws(
            "CloudWatch Logs",
            "CreateExportTask",
            &format!("exporting {group} to s3://{bucket}/{prefix}"),
            e,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatchlogs::Client;
    use aws_smithy_mocks::mock;
    use aws_smithy_runtime_api::http::{Response, StatusCode};
    use aws_smithy_types::body::SdkBody;
    use aws_smithy_types::event_stream::{Header, HeaderValue, Message};

    /// One event-stream frame as CloudWatch Logs sends it (`:message-type` event or exception).
    fn frame(kind: &str, name: &str, payload: serde_json::Value) -> Vec<u8> {
        let (type_header, content) = match kind {
            "event" => (":event-type", "application/json"),
            _ => (":exception-type", "application/json"),
        };
        let message = Message::new(payload.to_string().into_bytes())
            .add_header(Header::new(
                ":message-type",
                HeaderValue::String(kind.to_string().into()),
            ))
            .add_header(Header::new(
                type_header,
                HeaderValue::String(name.to_string().into()),
            ))
            .add_header(Header::new(
                ":content-type",
                HeaderValue::String(content.into()),
            ));
        let mut out = Vec::new();
        aws_smithy_eventstream::frame::write_message_to(&message, &mut out).unwrap();
        out
    }

    fn session(frames: Vec<Vec<u8>>) -> Clients {
        let body = frames.concat();
        Mocks {
            logs: vec![mock!(Client::start_live_tail).then_http_response(move || {
                let mut r = Response::new(
                    StatusCode::try_from(200).unwrap(),
                    SdkBody::from(body.clone()),
                );
                r.headers_mut()
                    .insert("content-type", "application/vnd.amazon.eventstream");
                r
            })],
            ..Mocks::default()
        }
        .clients()
    }

    const ARN: &str = "arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/lambda/worker";

    /// The log class, which the emulator does not report (DESIGN.md): as DescribeLogGroups
    /// gives it, STANDARD when absent; a group two prefixes select is listed once; every page
    /// is read.
    #[tokio::test]
    async fn groups_by_prefix_reads_every_page_and_the_log_class() {
        use aws_sdk_cloudwatchlogs::operation::describe_log_groups::DescribeLogGroupsOutput;
        use aws_sdk_cloudwatchlogs::types::LogGroupClass;
        let group = |name: &str, class: Option<LogGroupClass>| {
            LogGroup::builder()
                .log_group_name(name)
                .set_log_group_class(class)
                .build()
        };
        let aws = Mocks {
            logs: vec![
                mock!(Client::describe_log_groups)
                    .match_requests(|r| {
                        r.log_group_name_prefix() == Some("/aws/lambda/a")
                            && r.next_token().is_none()
                    })
                    .then_output(move || {
                        DescribeLogGroupsOutput::builder()
                            .log_groups(group("/aws/lambda/a", None))
                            .next_token("2")
                            .build()
                    }),
                mock!(Client::describe_log_groups)
                    .match_requests(|r| r.next_token() == Some("2"))
                    .then_output(move || {
                        DescribeLogGroupsOutput::builder()
                            .log_groups(group(
                                "/aws/lambda/a-ia",
                                Some(LogGroupClass::InfrequentAccess),
                            ))
                            .build()
                    }),
                mock!(Client::describe_log_groups)
                    .match_requests(|r| r.log_group_name_prefix() == Some("/aws/lambda/"))
                    .then_output(move || {
                        DescribeLogGroupsOutput::builder()
                            .log_groups(group("/aws/lambda/a", Some(LogGroupClass::Standard)))
                            .log_groups(group("/aws/lambda/b", Some(LogGroupClass::Standard)))
                            .build()
                    }),
            ],
            ..Mocks::default()
        }
        .clients();
        let got = groups_by_prefix(&aws, &["/aws/lambda/a".into(), "/aws/lambda/".into()])
            .await
            .unwrap();
        let pair = |n: &str, c: &str| (n.to_string(), c.to_string());
        assert_eq!(
            got,
            [
                pair("/aws/lambda/a", "STANDARD"),
                pair("/aws/lambda/a-ia", "INFREQUENT_ACCESS"),
                pair("/aws/lambda/b", "STANDARD"),
            ]
        );
    }

    #[tokio::test]
    async fn a_live_tail_session_gives_events_sampling_and_its_timeout() {
        let aws = session(vec![
            frame(
                "event",
                "sessionStart",
                serde_json::json!({"sessionId": "s", "logGroupIdentifiers": [ARN]}),
            ),
            frame(
                "event",
                "sessionUpdate",
                serde_json::json!({
                    "sessionMetadata": {"sampled": false},
                    "sessionResults": [{"logGroupIdentifier": format!("{ARN}:*"), "logStreamName": "2026/12/04/[$LATEST]abc",
                        "message": "{\"level\":\"ERROR\"}", "timestamp": 1_764_806_400_000_i64, "ingestionTime": 1_764_806_400_100_i64}]
                }),
            ),
            frame(
                "event",
                "sessionUpdate",
                serde_json::json!({"sessionMetadata": {"sampled": true}, "sessionResults": []}),
            ),
            frame(
                "exception",
                "SessionTimeoutException",
                serde_json::json!({"message": "Session timed out"}),
            ),
        ]);
        let mut live = live_tail(&aws, &[ARN.to_string()], None).await.unwrap();
        match live.next().await {
            LiveUpdate::Events { events, sampled } => {
                assert!(!sampled);
                assert_eq!(events.len(), 1);
                assert_eq!(events[0].group, "/aws/lambda/worker");
                assert_eq!(events[0].stream, "2026/12/04/[$LATEST]abc");
                assert_eq!(events[0].timestamp, 1_764_806_400_000);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            live.next().await,
            LiveUpdate::Events { sampled: true, .. }
        ));
        assert!(matches!(live.next().await, LiveUpdate::TimedOut));
    }

    #[tokio::test]
    async fn a_broken_session_or_a_refusal_says_why() {
        let aws = session(vec![frame(
            "exception",
            "SessionStreamingException",
            serde_json::json!({"message": "internal streaming error"}),
        )]);
        let mut live = live_tail(&aws, &[ARN.to_string()], None).await.unwrap();
        match live.next().await {
            LiveUpdate::Ended(why) => assert!(why.contains("streaming"), "{why}"),
            other => panic!("{other:?}"),
        }
        let denied = Mocks {
            logs: vec![mock!(Client::start_live_tail).then_http_response(|| {
                let mut r = Response::new(
                    StatusCode::try_from(400).unwrap(),
                    SdkBody::from(r#"{"__type":"AccessDeniedException","message":"not authorized to perform: logs:StartLiveTail"}"#),
                );
                r.headers_mut().insert("content-type", "application/x-amz-json-1.1");
                r
            })],
            ..Mocks::default()
        }
        .clients();
        let refused = live_tail(&denied, &[ARN.to_string()], None)
            .await
            .err()
            .unwrap();
        assert!(
            refused
                .to_string()
                .ends_with("AccessDeniedException: not authorized to perform: logs:StartLiveTail"),
            "{refused}"
        );
        assert_eq!(group_name("/aws/lambda/x"), "/aws/lambda/x");
    }
}

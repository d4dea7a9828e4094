//! Reading CloudWatch Logs events (FilterLogEvents with paging; throttling is retried by the
//! SDK's retry policy).

use crate::aws::Clients;
use crate::error::{Error, Result, aws_err};
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
        match out.next_token() {
            Some(t) if !t.is_empty() && events.len() < limit && !out.events().is_empty() => {
                token = Some(t.to_string())
            }
            _ => break,
        }
    }
    events.truncate(limit);
    Ok(events)
}

/// Checks that every group the user named exists, so a typo is bad input (exit 64) rather than
/// a failure half-way through a command.
pub async fn check_groups_exist(aws: &Clients, groups: &[String], region: &str) -> Result<()> {
    for group in groups {
        let out = aws
            .logs
            .describe_log_groups()
            .log_group_name_prefix(group)
            .limit(50)
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "DescribeLogGroups",
                format!("looking up {group}"),
            ))?;
        let found = out
            .log_groups()
            .iter()
            .any(|g| g.log_group_name() == Some(group.as_str()));
        if !found {
            return Err(
                Error::usage(format!("the log group {group} does not exist in {region}"))
                    .with_hint("check the name (`mandala-ops config show` lists the service's log groups) and the region"),
            );
        }
    }
    Ok(())
}

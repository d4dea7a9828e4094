//! `cleanup log-streams`: the monthly cleanup of seed 001 (月次メンテナンス: 古いログストリーム
//! を削除（30日以上前）, `describe-log-streams --order-by LastEventTime` piped into
//! `delete-log-stream`), with paging, a rate limit, throttling retried with backoff by the SDK,
//! and a re-check before each delete so a stream that received events since listing is kept.

use crate::audit::{self, Entry};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result, aws_err};
use crate::insights::library::resolve_group;
use crate::output::{Cell, Doc, Render, Table, Tone};
use futures::StreamExt;
use serde::Serialize;
use std::time::Duration;

/// DeleteLogStream is allowed 15 requests per second per account and region (CloudWatch Logs
/// quotas); staying under it leaves room for others.
const DELETES_PER_SECOND: u64 = 10;
const CONCURRENT_DELETES: usize = 4;

#[derive(Debug, Clone)]
pub struct LogStreamsOptions {
    /// Retention, already checked to be at least a day ([`super::retention`]).
    pub older_than: Duration,
    pub log_groups: Vec<String>,
    pub apply: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stream {
    pub group: String,
    pub name: String,
    /// Last event, else creation time, epoch ms.
    pub last_event: i64,
    pub stored_bytes: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct LogStreamsReport {
    pub applied: bool,
    pub older_than_days: f64,
    pub cutoff: jiff::Timestamp,
    pub groups: Vec<String>,
    pub matched: Vec<Stream>,
    pub deleted: usize,
    /// Streams that received events after they were listed, left alone.
    pub kept: Vec<String>,
    pub missing_groups: Vec<String>,
    pub audit: Vec<String>,
}

fn last_event(s: &aws_sdk_cloudwatchlogs::types::LogStream) -> Option<i64> {
    s.last_event_timestamp().or(s.creation_time())
}

/// Streams of `group` whose last event is before `cutoff`, oldest first; `None` when the group
/// does not exist. Listed by LastEventTime ascending, so paging stops at the first newer stream.
async fn old_streams(
    aws: &crate::aws::Clients,
    group: &str,
    cutoff: i64,
) -> Result<Option<Vec<Stream>>> {
    let mut pages = aws
        .logs
        .describe_log_streams()
        .log_group_name(group)
        .order_by(aws_sdk_cloudwatchlogs::types::OrderBy::LastEventTime)
        .descending(false)
        .into_paginator()
        .send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = match page {
            Ok(p) => p,
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_not_found_exception()) =>
            {
                return Ok(None);
            }
            Err(e) => {
                return Err(Error::aws(
                    "CloudWatch Logs",
                    "DescribeLogStreams",
                    &format!("listing the streams of {group}"),
                    e,
                ));
            }
        };
        for s in page.log_streams() {
            let Some(last) = last_event(s) else { continue };
            if last >= cutoff {
                return Ok(Some(out));
            }
            out.push(Stream {
                group: group.to_string(),
                name: s.log_stream_name().unwrap_or_default().to_string(),
                last_event: last,
                #[allow(deprecated)]
                stored_bytes: s.stored_bytes(),
            });
        }
    }
    Ok(Some(out))
}

/// The stream's last event now, `None` if it is gone.
async fn last_event_now(aws: &crate::aws::Clients, s: &Stream) -> Result<Option<i64>> {
    let out = aws
        .logs
        .describe_log_streams()
        .log_group_name(&s.group)
        .log_stream_name_prefix(&s.name)
        .send()
        .await
        .map_err(aws_err(
            "CloudWatch Logs",
            "DescribeLogStreams",
            format!("re-checking {}", s.name),
        ))?;
    Ok(out
        .log_streams()
        .iter()
        .find(|x| x.log_stream_name() == Some(s.name.as_str()))
        .and_then(last_event))
}

pub async fn log_streams(ctx: &Context, opts: &LogStreamsOptions) -> Result<LogStreamsReport> {
    let env = ctx.env()?;
    let age = opts.older_than;
    let cutoff = crate::time::before(jiff::Timestamp::now(), age, "--older-than")?;
    let groups: Vec<String> = if opts.log_groups.is_empty() {
        Component::functions()
            .map(|c| env.names.log_group(c))
            .collect()
    } else {
        let mut g: Vec<String> = opts
            .log_groups
            .iter()
            .map(|g| resolve_group(env, g))
            .collect();
        g.dedup();
        g
    };
    if let Some(bad) = groups
        .iter()
        .find(|g| !g.starts_with('/') && !g.contains(':'))
    {
        return Err(Error::usage(format!(
            "`{bad}` is neither a component nor a log group name"
        ))
        .with_hint(format!("components: {}", Component::valid_ids())));
    }
    let aws = ctx.aws().await?;
    if !opts.log_groups.is_empty() {
        crate::aws::logs::check_groups_exist(aws, &groups, &env.region).await?;
    }
    let cutoff_ms = cutoff.as_millisecond();
    let listed =
        futures::future::try_join_all(groups.iter().map(|g| old_streams(aws, g, cutoff_ms)))
            .await?;
    let mut report = LogStreamsReport {
        applied: false,
        older_than_days: age.as_secs_f64() / 86_400.0,
        cutoff,
        groups: groups.clone(),
        matched: Vec::new(),
        deleted: 0,
        kept: Vec::new(),
        missing_groups: Vec::new(),
        audit: Vec::new(),
    };
    for (g, l) in groups.iter().zip(listed) {
        match l {
            Some(streams) => report.matched.extend(streams),
            None => report.missing_groups.push(g.clone()),
        }
    }
    if !opts.apply || report.matched.is_empty() {
        return Ok(report);
    }
    let run_id = uuid::Uuid::new_v4();
    let entries: Vec<Entry> = report
        .matched
        .iter()
        .map(|s| Entry {
            run_id,
            operator: ctx.operator.clone(),
            command: "cleanup log-streams".into(),
            target: "log-stream".into(),
            target_id: format!("{}:{}", s.group, s.name),
            action: "delete".into(),
            reason: format!(
                "001 月次メンテナンス: no events since {}",
                jiff::Timestamp::from_millisecond(s.last_event)
                    .map(|t| t.to_string())
                    .unwrap_or_default()
            ),
            before: Some(
                serde_json::json!({"last_event": s.last_event, "stored_bytes": s.stored_bytes}),
            ),
            after: None,
        })
        .collect();
    report.audit = audit::record_outside(ctx, &entries).await?;
    let bar = ctx
        .out
        .progress(report.matched.len() as u64, "deleting streams");
    let mut ticks = tokio::time::interval(Duration::from_millis(1000 / DELETES_PER_SECOND));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let ticks = tokio::sync::Mutex::new(ticks);
    let outcomes: Vec<Result<bool>> = futures::stream::iter(report.matched.iter())
        .map(|s| {
            let ticks = &ticks;
            let bar = &bar;
            async move {
                ticks.lock().await.tick().await;
                let now = last_event_now(aws, s).await?;
                let deleted = match now {
                    None => false,
                    Some(t) if t >= cutoff_ms || t != s.last_event => false,
                    Some(_) => {
                        aws.logs
                            .delete_log_stream()
                            .log_group_name(&s.group)
                            .log_stream_name(&s.name)
                            .send()
                            .await
                            .map_err(aws_err(
                                "CloudWatch Logs",
                                "DeleteLogStream",
                                format!("deleting {}", s.name),
                            ))?;
                        true
                    }
                };
                bar.inc(1);
                Ok(deleted)
            }
        })
        .buffered(CONCURRENT_DELETES)
        .collect()
        .await;
    bar.finish_and_clear();
    report.applied = true;
    let mut first_error = None;
    for (s, o) in report.matched.iter().zip(outcomes) {
        match o {
            Ok(true) => report.deleted += 1,
            Ok(false) => report.kept.push(format!("{}:{}", s.group, s.name)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(Error::failed(format!(
            "deleted {} of {} streams, then: {e}",
            report.deleted,
            report.matched.len()
        ))
        .with_hint("run again: the streams already deleted are gone from the listing"));
    }
    Ok(report)
}

impl Render for LogStreamsReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!(
            "log streams with no events since {} ({} days)",
            self.cutoff.strftime("%Y-%m-%d %H:%M UTC"),
            crate::output::rounded(self.older_than_days)
        ));
        let mut t = Table::new(["log group", "stream", "last event", "bytes"]);
        for s in &self.matched {
            t.row([
                Cell::new(&s.group),
                Cell::new(&s.name),
                Cell::new(
                    jiff::Timestamp::from_millisecond(s.last_event)
                        .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                ),
                Cell::new(
                    s.stored_bytes
                        .map(|b| b.to_string())
                        .unwrap_or_else(|| "-".into()),
                ),
            ]);
        }
        doc.table(t);
        for g in &self.missing_groups {
            doc.note(Tone::Dim, format!("{g} does not exist"));
        }
        for k in &self.kept {
            doc.note(
                Tone::Warn,
                format!("kept {k}: it received events after it was listed"),
            );
        }
        if !self.audit.is_empty() {
            doc.note(Tone::Dim, format!("audit: {}", self.audit.join(", ")));
        }
        if self.applied {
            doc.note(
                Tone::Good,
                format!("deleted {} of {} streams", self.deleted, self.matched.len()),
            );
        } else if self.matched.is_empty() {
            doc.note(Tone::Good, "nothing past retention");
        } else {
            doc.note(
                Tone::Warn,
                format!(
                    "dry run: {} streams would be deleted; run again with --apply",
                    self.matched.len()
                ),
            );
        }
    }
}

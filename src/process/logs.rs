//! `process logs`: one process's log timeline across the asynchronous handlers and the worker,
//! with each event whole (004 診断ツール / ログ分析スクリプト `analyze-logs.sh`), and `--follow`
//! to watch a running process until its row settles.

use super::{Row, load};
use crate::aws::Clients;
use crate::aws::logs::Event;
use crate::config::{Component, Names};
use crate::context::Context;
use crate::error::Result;
use crate::exit::ExitStatus;
use crate::logs::line::{HEADERS, LogLine, table};
use crate::output::{Doc, Render, Tone};
use futures::StreamExt;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use std::collections::HashSet;
use std::time::Duration;
use uuid::Uuid;

/// Where a process logs (002 監視方法 / ログの確認方法).
const GROUPS: [Component; 5] = [
    Component::AsyncProcessingHandler,
    Component::StatusCheckHandler,
    Component::RetryHandler,
    Component::CancelHandler,
    Component::AiGenerationWorker,
];

/// Events a little before the row was created and after it completed still belong to it.
const MARGIN: SignedDuration = SignedDuration::from_mins(5);

/// From a little before the process started to a little after it ended (or now).
pub fn window(row: &Row) -> (Timestamp, Timestamp) {
    let now = Timestamp::now();
    let start = row.created_at.checked_sub(MARGIN).unwrap_or(row.created_at);
    let end = row.completed_at.unwrap_or(now).checked_add(MARGIN);
    (start, end.unwrap_or(now))
}

/// The process's events in `[start, end]` of every group it logs to, in time order; a group
/// that cannot be read becomes a note, so one missing function does not hide the others.
pub async fn timeline(
    aws: &Clients,
    names: &Names,
    id: Uuid,
    start: Timestamp,
    end: Timestamp,
) -> (Vec<LogLine>, Vec<String>) {
    let pattern = format!("\"{id}\"");
    let id_text = id.to_string();
    let fetched: Vec<(String, Result<Vec<Event>>)> = futures::stream::iter(GROUPS)
        .map(|c| {
            let group = names.log_group(c);
            let pattern = pattern.clone();
            async move {
                let events =
                    crate::aws::logs::filter(aws, &group, Some(&pattern), start, end, 10_000).await;
                (group, events)
            }
        })
        .buffer_unordered(GROUPS.len())
        .collect()
        .await;
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    for (group, events) in fetched {
        match events {
            // Some endpoints ignore filter patterns: keep only the process's own events.
            Ok(events) => lines.extend(
                events
                    .iter()
                    .filter(|e| e.message.contains(&id_text))
                    .filter_map(LogLine::from_event),
            ),
            Err(e) => notes.push(format!("{group}: {e}")),
        }
    }
    lines.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.group.cmp(&b.group)));
    (lines, notes)
}

#[derive(Debug, Serialize)]
pub struct LogsReport {
    pub process: Uuid,
    pub status: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub logs: Vec<LogLine>,
    pub notes: Vec<String>,
}

impl Render for LogsReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!(
            "Logs of process {} ({}), {} to {}",
            self.process,
            self.status,
            self.start.strftime("%Y-%m-%d %H:%M:%S"),
            self.end.strftime("%Y-%m-%d %H:%M:%S UTC")
        ));
        doc.table(table(&self.logs));
        for n in &self.notes {
            doc.note(Tone::Warn, n.clone());
        }
    }
}

pub async fn logs(ctx: &Context, id: Uuid) -> Result<LogsReport> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let row = load(&ctx.db().await?, id).await?;
    let (start, end) = window(&row);
    let (logs, notes) = timeline(aws, &env.names, id, start, end).await;
    Ok(LogsReport {
        process: id,
        status: row.status,
        start,
        end,
        logs,
        notes,
    })
}

/// `process logs --follow`: prints the timeline, then new events every `interval` until the row
/// is terminal (0 when it COMPLETED or was CANCELLED, 2 when it FAILED or timed out) or Ctrl-C (0).
pub async fn follow(ctx: &Context, id: Uuid, interval: Duration) -> Result<ExitStatus> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let db = ctx.db().await?;
    let mut stream = ctx.out.row_stream(&HEADERS);
    let mut seen: HashSet<(String, Timestamp, String)> = HashSet::new();
    let mut noted: HashSet<String> = HashSet::new();
    let mut from = window(&load(&db, id).await?).0;
    loop {
        // The row before the logs: events written before it settled are then already in.
        let row = load(&db, id).await?;
        let (lines, notes) = timeline(aws, &env.names, id, from, Timestamp::now() + MARGIN).await;
        for n in notes {
            if noted.insert(n.clone()) {
                ctx.out.warn(n);
            }
        }
        for l in lines {
            // Events are fetched again from the last second seen; print each once.
            if seen.insert((l.group.clone(), l.at, l.event.to_string())) {
                from = from.max(l.at - SignedDuration::from_secs(1));
                stream.push(&l.cells(false), &l)?;
            }
        }
        if row.is_terminal() {
            ctx.out.note(format!("process {id} is {}", row.status));
            return Ok(match row.status.as_str() {
                "FAILED" | "TIMEOUT" => ExitStatus::Critical,
                _ => ExitStatus::Ok,
            });
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = tokio::signal::ctrl_c() => return Ok(ExitStatus::Ok),
        }
    }
}

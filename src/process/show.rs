//! `process show`: one process end to end: its row, its execution (status, times, error and
//! cause, the state it failed in), and its log timeline across the asynchronous handlers and
//! the worker (004 診断ツール / ログ分析スクリプト, 処理が完了しない Step 1-2).

use super::{Execution, Row, describe, load};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Result, aws_err};
use crate::output::{Cell, Doc, Render, Table, Tone};
use futures::StreamExt;
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Serialize)]
pub struct ShowReport {
    pub row: Row,
    pub execution: Option<Execution>,
    /// The state the execution failed (or stopped) in, from its history.
    pub failing_state: Option<String>,
    pub history: Vec<HistoryEvent>,
    pub logs: Vec<LogLine>,
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct HistoryEvent {
    pub at: Option<jiff::Timestamp>,
    #[serde(rename = "type")]
    pub kind: String,
    pub detail: String,
}

#[derive(Debug, Serialize)]
pub struct LogLine {
    pub at: jiff::Timestamp,
    pub group: String,
    pub level: String,
    pub message: String,
}

/// Where a process logs (002 監視方法 / ログの確認方法).
const GROUPS: [Component; 5] = [
    Component::AsyncProcessingHandler,
    Component::StatusCheckHandler,
    Component::RetryHandler,
    Component::CancelHandler,
    Component::AiGenerationWorker,
];

pub async fn show(ctx: &Context, id: Uuid) -> Result<ShowReport> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let db = ctx.db().await?;
    let row = load(&db, id).await?;
    let mut notes = Vec::new();
    let execution = match &row.execution_arn {
        Some(arn) => Some(describe(aws, arn).await?),
        None => None,
    };
    let mut history = Vec::new();
    let mut failing_state = None;
    if let Some(e) = execution.as_ref().filter(|e| e.status != "MISSING") {
        let mut pages = aws
            .sfn
            .get_execution_history()
            .execution_arn(&e.arn)
            .into_paginator()
            .send();
        let mut last_entered = None;
        while let Some(page) = pages.next().await {
            let page = page.map_err(aws_err(
                "Step Functions",
                "GetExecutionHistory",
                format!("reading the history of {}", e.arn),
            ))?;
            for ev in page.events() {
                let kind = ev.r#type().as_str().to_string();
                let entered = ev
                    .state_entered_event_details()
                    .map(|d| d.name().to_string());
                if let Some(name) = &entered {
                    last_entered = Some(name.clone());
                }
                let detail = entered
                    .or_else(|| {
                        ev.execution_failed_event_details().map(|d| {
                            format!(
                                "{}: {}",
                                d.error().unwrap_or_default(),
                                d.cause().unwrap_or_default()
                            )
                        })
                    })
                    .or_else(|| {
                        ev.execution_aborted_event_details().map(|d| {
                            format!(
                                "{}: {}",
                                d.error().unwrap_or_default(),
                                d.cause().unwrap_or_default()
                            )
                        })
                    })
                    .unwrap_or_default();
                history.push(HistoryEvent {
                    at: crate::aws::to_timestamp(ev.timestamp()),
                    kind,
                    detail,
                });
            }
        }
        if matches!(e.status.as_str(), "FAILED" | "TIMED_OUT" | "ABORTED") {
            failing_state = last_entered;
        }
    }
    // The process's events, a little before it started to a little after it ended.
    let margin = jiff::SignedDuration::from_mins(5);
    let start = row.created_at.checked_sub(margin).unwrap_or(row.created_at);
    let end = row
        .completed_at
        .unwrap_or_else(jiff::Timestamp::now)
        .checked_add(margin)
        .unwrap_or_else(|_| jiff::Timestamp::now());
    let pattern = format!("\"{id}\"");
    let id_text = id.to_string();
    let fetched: Vec<(String, Result<Vec<crate::cwlogs::Event>>)> = futures::stream::iter(GROUPS)
        .map(|c| {
            let group = env.names.log_group(c);
            let pattern = pattern.clone();
            async move {
                let events =
                    crate::cwlogs::filter(aws, &group, Some(&pattern), start, end, 10_000).await;
                (group, events)
            }
        })
        .buffer_unordered(4)
        .collect()
        .await;
    let mut logs = Vec::new();
    for (group, events) in fetched {
        match events {
            Ok(events) => logs.extend(
                events
                    .into_iter()
                    .filter(|e| e.message.contains(&id_text))
                    .filter_map(|e| log_line(&group, e)),
            ),
            Err(e) => notes.push(format!("{group}: {e}")),
        }
    }
    logs.sort_by_key(|l| l.at);
    Ok(ShowReport {
        row,
        execution,
        failing_state,
        history,
        logs,
        notes,
    })
}

fn log_line(group: &str, e: crate::cwlogs::Event) -> Option<LogLine> {
    let at = jiff::Timestamp::from_millisecond(e.timestamp).ok()?;
    let (level, message) = match serde_json::from_str::<serde_json::Value>(&e.message) {
        Ok(v) => {
            let s = |k: &str| {
                v.get(k)
                    .and_then(|x| x.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let mut text = s("message");
            if let Some(status) = v.get("status").and_then(|x| x.as_str()) {
                text = format!(
                    "{text} [{status} {}%]",
                    v.get("progress")
                        .and_then(|p| p.as_i64())
                        .unwrap_or_default()
                );
            }
            if let Some(code) = v.pointer("/error/code").and_then(|x| x.as_str()) {
                text = format!(
                    "{text} ({code}: {})",
                    v.pointer("/error/message")
                        .and_then(|x| x.as_str())
                        .unwrap_or_default()
                );
            }
            (
                s("level"),
                if text.is_empty() {
                    e.message.clone()
                } else {
                    text
                },
            )
        }
        Err(_) => (String::new(), e.message.clone()),
    };
    Some(LogLine {
        at,
        group: group.trim_start_matches("/aws/lambda/").to_string(),
        level,
        message,
    })
}

impl Render for ShowReport {
    fn render(&self, doc: &mut Doc) {
        let r = &self.row;
        doc.heading(format!("Process {}", r.id));
        let ts = |t: Option<jiff::Timestamp>| {
            t.map(|t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
                .unwrap_or_else(|| "-".into())
        };
        doc.fields([
            ("type", Cell::new(&r.kind)),
            ("status", Cell::new(&r.status)),
            (
                "progress",
                if (0..=100).contains(&r.progress) {
                    Cell::new(r.progress.to_string())
                } else {
                    Cell::toned(r.progress.to_string(), Tone::Warn)
                },
            ),
            ("user", Cell::new(r.user_id.to_string())),
            ("created", Cell::new(ts(Some(r.created_at)))),
            ("updated", Cell::new(ts(Some(r.updated_at)))),
            ("completed", Cell::new(ts(r.completed_at))),
            (
                "error",
                Cell::new(
                    r.error
                        .as_ref()
                        .map(|e| e.to_string())
                        .unwrap_or_else(|| "-".into()),
                ),
            ),
        ]);
        doc.heading("Execution");
        match &self.execution {
            None => {
                doc.note(Tone::Dim, "the row names no execution");
            }
            Some(e) => {
                let tone = match e.status.as_str() {
                    "SUCCEEDED" => Tone::Good,
                    "RUNNING" => Tone::Plain,
                    _ => Tone::Bad,
                };
                doc.fields([
                    ("arn", Cell::new(&e.arn)),
                    ("status", Cell::toned(&e.status, tone)),
                    ("started", Cell::new(ts(e.start))),
                    ("stopped", Cell::new(ts(e.stop))),
                    (
                        "error",
                        Cell::new(e.error.clone().unwrap_or_else(|| "-".into())),
                    ),
                    (
                        "cause",
                        Cell::new(e.cause.clone().unwrap_or_else(|| "-".into())),
                    ),
                    (
                        "failed in state",
                        Cell::new(self.failing_state.clone().unwrap_or_else(|| "-".into())),
                    ),
                ]);
                if !r.is_terminal() && e.status != "RUNNING" {
                    doc.note(Tone::Warn, format!("the row is {} but its execution is {}: `mandala-ops process repair` reconciles them", r.status, e.status));
                }
            }
        }
        doc.heading("Log timeline");
        let mut t = Table::new(["time", "function", "level", "message"]);
        for l in &self.logs {
            let tone = match l.level.as_str() {
                "ERROR" => Tone::Bad,
                "WARN" => Tone::Warn,
                _ => Tone::Plain,
            };
            t.row([
                Cell::new(l.at.strftime("%H:%M:%S%.3f").to_string()),
                Cell::new(&l.group),
                Cell::toned(&l.level, tone),
                Cell::new(&l.message),
            ]);
        }
        doc.table(t);
        for n in &self.notes {
            doc.note(Tone::Warn, n.clone());
        }
    }
}

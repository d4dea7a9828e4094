//! `process show`: one process end to end: its row, its execution (status, times, error and
//! cause, the state it failed in), and its log timeline across the asynchronous handlers and
//! the worker (004 診断ツール / ログ分析スクリプト, 処理が完了しない Step 1-2).

use super::logs;
use super::{Execution, Row, describe, load};
use crate::context::Context;
use crate::error::{Result, aws_err};
use crate::logs::line::{LogLine, table};
use crate::output::{Cell, Doc, Render, Tone};
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
    let (start, end) = logs::window(&row);
    let (logs, log_notes) = logs::timeline(aws, &env.names, id, start, end).await;
    notes.extend(log_notes);
    Ok(ShowReport {
        row,
        execution,
        failing_state,
        history,
        logs,
        notes,
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
        doc.table(table(&self.logs));
        for n in &self.notes {
            doc.note(Tone::Warn, n.clone());
        }
    }
}

//! `process cancel`: stop the execution, mark the row CANCELLED, and check that both took
//! effect (004 キャンセルが効かない: the execution keeps running, or the row never changes).

use super::write::{self, Change};
use super::{Row, describe, load};
use crate::context::Context;
use crate::db::lock::Lock;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Tone};
use serde::Serialize;
use std::time::Duration;
use uuid::Uuid;

#[derive(Debug, Serialize)]
pub struct CancelReport {
    pub id: Uuid,
    pub applied: bool,
    pub row_before: String,
    pub row_after: Option<String>,
    pub execution_before: String,
    pub execution_after: Option<String>,
    pub steps: Vec<String>,
    /// What did not take effect.
    pub mismatches: Vec<String>,
}

pub async fn cancel(ctx: &Context, opts: &super::ChangeOptions) -> Result<CancelReport> {
    let super::ChangeOptions {
        id,
        apply,
        wait_lock,
    } = *opts;
    let aws = ctx.aws().await?;
    let mut db = ctx.db().await?;
    let row = load(&db, id).await?;
    if row.is_terminal() {
        return Err(Error::usage(format!(
            "process {id} is already {}; there is nothing to cancel",
            row.status
        )));
    }
    let execution = match &row.execution_arn {
        Some(arn) => Some(describe(aws, arn).await?),
        None => None,
    };
    let exec_status = execution
        .as_ref()
        .map(|e| e.status.clone())
        .unwrap_or_else(|| "none".into());
    if matches!(exec_status.as_str(), "SUCCEEDED" | "FAILED" | "TIMED_OUT") {
        return Err(Error::usage(format!(
            "the execution of process {id} already ended {exec_status}"
        ))
        .with_hint("`mandala-ops process repair` sets the row from its execution"));
    }
    let mut steps = Vec::new();
    if exec_status == "RUNNING" {
        steps.push(format!(
            "stop the execution {}",
            row.execution_arn.as_deref().unwrap_or_default()
        ));
    }
    steps.push(format!("mark the row CANCELLED (now {})", row.status));
    let mut report = CancelReport {
        id,
        applied: apply,
        row_before: row.status.clone(),
        row_after: None,
        execution_before: exec_status.clone(),
        execution_after: None,
        steps,
        mismatches: Vec::new(),
    };
    if !apply {
        return Ok(report);
    }
    let lock = Lock::acquire(&db, &format!("process:{id}"), wait_lock, &ctx.out).await?;
    crate::audit::ensure_schema(&mut db).await?;
    if exec_status == "RUNNING" {
        let arn = row.execution_arn.as_deref().unwrap_or_default();
        // 004 キャンセルが効かない / Step 1: stop-execution --error ManualCancellation.
        crate::aws::sfn::stop_execution(
            aws,
            arn,
            "ManualCancellation",
            "手動でキャンセルされました",
        )
        .await?;
    }
    if !write::apply_one(&mut db, cancelled(&row), &ctx.operator, "process cancel").await? {
        report
            .mismatches
            .push("the row changed while it was being cancelled; it was left alone".into());
    }
    // Verify both sides, giving the execution a moment to stop.
    let mut exec_after = exec_status.clone();
    if let Some(arn) = &row.execution_arn {
        for _ in 0..20 {
            exec_after = describe(aws, arn).await?.status;
            if exec_after != "RUNNING" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        if exec_after == "RUNNING" {
            report.mismatches.push(format!(
                "the execution {arn} is still RUNNING after StopExecution"
            ));
        }
    }
    let after = load(&db, id).await?;
    if after.status != "CANCELLED" {
        report
            .mismatches
            .push(format!("the row is {} instead of CANCELLED", after.status));
    }
    report.row_after = Some(after.status);
    report.execution_after = Some(exec_after);
    lock.release(&db).await?;
    Ok(report)
}

/// The seed's cancel (004 キャンセルが効かない / Step 2): CANCELLED, completed_at set.
fn cancelled(row: &Row) -> Change {
    let mut after = row.snapshot();
    after.status = "CANCELLED".into();
    after.completed_at = Some(jiff::Timestamp::now());
    Change {
        id: row.id,
        kind: row.kind.clone(),
        seen_updated_at: row.updated_at,
        before: row.snapshot(),
        after,
        action: "cancelled",
        reason: "process cancel".into(),
    }
}

impl Render for CancelReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(if self.applied {
            format!("Cancelled process {}", self.id)
        } else {
            format!(
                "Plan to cancel process {} (dry run: nothing changes without --apply)",
                self.id
            )
        });
        for s in &self.steps {
            doc.note(Tone::Plain, format!("- {s}"));
        }
        if self.applied {
            doc.fields([
                (
                    "row",
                    Cell::new(format!(
                        "{} → {}",
                        self.row_before,
                        self.row_after.clone().unwrap_or_default()
                    )),
                ),
                (
                    "execution",
                    Cell::new(format!(
                        "{} → {}",
                        self.execution_before,
                        self.execution_after.clone().unwrap_or_default()
                    )),
                ),
            ]);
            if self.mismatches.is_empty() {
                doc.note(
                    Tone::Good,
                    "verified: the execution is stopped and the row is CANCELLED",
                );
            }
        }
        for m in &self.mismatches {
            doc.note(Tone::Bad, format!("did not take effect: {m}"));
        }
    }

    fn status(&self) -> ExitStatus {
        if self.mismatches.is_empty() {
            ExitStatus::Ok
        } else {
            ExitStatus::Critical
        }
    }
}

//! `process repair`: every non-terminal row that has not moved for a while, reconciled with its
//! execution as the troubleshooting guide prescribes (004 処理状態とStep Functionsの不一致,
//! 処理が完了しない Step 4, 進捗率の異常). A dry run unless `--apply`.

use super::write::{self, Audit, Change};
use super::{COLUMNS, Execution, Row, Snapshot, describe_all};
use crate::context::Context;
use crate::db::lock::Lock;
use crate::error::{Error, Result, db_err};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Table, Tone};
use crate::time::age;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::json;
use std::collections::HashSet;
use std::time::Duration;
use uuid::Uuid;

const LOCK: &str = "process-repair";

#[derive(Debug, Clone)]
pub struct RepairOptions {
    /// Rows not updated for this long are reconciled.
    pub stuck_for: Duration,
    pub kind: Option<super::Kind>,
    pub limit: Option<usize>,
    pub apply: bool,
    pub stop_running: bool,
    pub wait_lock: Option<Duration>,
    pub batch_size: usize,
}

/// A row that needs a person: the repair will not decide for them.
#[derive(Debug, Clone, Serialize)]
pub struct Attention {
    pub id: Uuid,
    pub status: String,
    pub execution: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct RepairReport {
    pub applied: bool,
    pub run_id: Option<Uuid>,
    pub inspected: usize,
    pub changes: Vec<Change>,
    pub attention: Vec<Attention>,
    /// Rows whose execution still runs within its limit.
    pub in_flight: usize,
    pub executions_stopped: Vec<String>,
    pub skipped: Vec<write::Skipped>,
}

/// What to do with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Change {
        after: Box<Snapshot>,
        action: &'static str,
        reason: String,
        stop: bool,
    },
    Attention(String),
    InFlight,
    Nothing,
}

pub struct Facts<'a> {
    pub now: Timestamp,
    pub stuck_before: Timestamp,
    pub limit: Duration,
    pub stop_running: bool,
    /// This row's execution was stopped by mandala-ops for manual intervention.
    pub stopped_by_us: bool,
    pub execution: Option<&'a Execution>,
}

fn manual(reason: &str) -> serde_json::Value {
    // 004 処理が完了しない / Step 4: 手動での処理完了.
    json!({"code": "MANUAL_INTERVENTION", "message": "手動で失敗状態に更新", "detail": reason})
}

/// The guide's rules for one row.
pub fn decide(row: &Row, f: &Facts<'_>) -> Decision {
    let clamped = row.progress.clamp(0, 100);
    let mut after = row.snapshot();
    after.progress = clamped;
    let clamp_only = || {
        if clamped != row.progress {
            let mut a = row.snapshot();
            a.progress = clamped;
            Decision::Change {
                after: Box::new(a),
                action: "clamp-progress",
                reason: format!("progress {} is outside 0-100", row.progress),
                stop: false,
            }
        } else {
            Decision::Nothing
        }
    };
    if row.is_terminal() || row.updated_at >= f.stuck_before {
        return clamp_only();
    }
    let ended = |e: &Execution| e.stop.unwrap_or(f.now);
    let Some(exec) = f.execution else {
        if row.status == "PENDING" {
            return clamp_only();
        }
        return missing(after, "the row names no execution", f);
    };
    match exec.status.as_str() {
        "SUCCEEDED" => {
            after.status = "COMPLETED".into();
            after.progress = 100;
            after.completed_at = Some(ended(exec));
            Decision::Change {
                after: Box::new(after),
                action: "completed",
                reason: format!("execution SUCCEEDED; row still {}", row.status),
                stop: false,
            }
        }
        "FAILED" => {
            after.status = "FAILED".into();
            after.error = Some(
                json!({"code": exec.error.clone().unwrap_or_else(|| "UNKNOWN".into()), "message": exec.cause.clone().unwrap_or_default()}),
            );
            after.completed_at = Some(ended(exec));
            Decision::Change {
                after: Box::new(after),
                action: "failed",
                reason: format!(
                    "execution FAILED ({})",
                    exec.error.as_deref().unwrap_or("no error name")
                ),
                stop: false,
            }
        }
        "TIMED_OUT" => {
            after.status = "TIMEOUT".into();
            after.error = Some(
                json!({"code": "TIMEOUT_ERROR", "message": "Step Functions の実行がタイムアウトしました"}),
            );
            after.completed_at = Some(ended(exec));
            Decision::Change {
                after: Box::new(after),
                action: "timed-out",
                reason: "execution TIMED_OUT".into(),
                stop: false,
            }
        }
        "ABORTED" if f.stopped_by_us => {
            after.status = "FAILED".into();
            after.error = Some(manual(
                "execution stopped by mandala-ops process repair --stop-running",
            ));
            after.completed_at = Some(ended(exec));
            Decision::Change {
                after: Box::new(after),
                action: "manual-intervention",
                reason: "execution stopped by an earlier repair (audit trail)".into(),
                stop: false,
            }
        }
        "ABORTED" => {
            after.status = "CANCELLED".into();
            after.completed_at = Some(ended(exec));
            Decision::Change {
                after: Box::new(after),
                action: "cancelled",
                reason: "execution ABORTED; the cancel never reached the row".into(),
                stop: false,
            }
        }
        "RUNNING" => {
            let started = exec.start.unwrap_or(row.created_at);
            let running = f.now.duration_since(started);
            if running.as_secs() as u64 <= f.limit.as_secs() {
                return match clamp_only() {
                    Decision::Nothing => Decision::InFlight,
                    clamp => clamp,
                };
            }
            let why = format!(
                "execution RUNNING for {}, past the {} limit",
                age(f.now, started),
                crate::time::format_duration(f.limit)
            );
            if f.stop_running {
                after.status = "FAILED".into();
                after.error = Some(manual(&why));
                after.completed_at = Some(f.now);
                Decision::Change {
                    after: Box::new(after),
                    action: "manual-intervention",
                    reason: format!("{why}: stopped"),
                    stop: true,
                }
            } else {
                Decision::Attention(format!(
                    "{why}; --stop-running stops it and marks the row FAILED"
                ))
            }
        }
        "MISSING" => missing(
            after,
            &format!("the execution {} does not exist", exec.arn),
            f,
        ),
        other => Decision::Attention(format!(
            "execution status {other} is not one the guide covers"
        )),
    }
}

fn missing(mut after: Snapshot, why: &str, f: &Facts<'_>) -> Decision {
    if f.stop_running {
        after.status = "FAILED".into();
        after.error = Some(manual(why));
        after.completed_at = Some(f.now);
        Decision::Change {
            after: Box::new(after),
            action: "manual-intervention",
            reason: why.to_string(),
            stop: false,
        }
    } else {
        Decision::Attention(format!(
            "{why}; --stop-running marks the row FAILED (MANUAL_INTERVENTION)"
        ))
    }
}

pub async fn repair(ctx: &Context, opts: &RepairOptions) -> Result<RepairReport> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let mut db = ctx.db().await?;
    let mut lock = None;
    if opts.apply {
        lock = Some(Lock::acquire(&db, LOCK, opts.wait_lock, &ctx.out).await?);
        crate::audit::ensure_schema(&mut db).await?;
    }
    let now = Timestamp::now();
    let stuck =
        jiff::SignedDuration::try_from(opts.stuck_for).map_err(|e| Error::usage(e.to_string()))?;
    let stuck_before = now
        .checked_sub(stuck)
        .map_err(|_| Error::usage("--stuck-for is too long"))?;
    let rows: Vec<Row> = db
        .query(
            &format!(
                "SELECT {COLUMNS} FROM processing_state \
                 WHERE ((status IN ('PENDING', 'PROCESSING') AND updated_at < $1) OR progress > 100 OR progress < 0) \
                   AND ($2::text IS NULL OR type = $2) \
                 ORDER BY updated_at"
            ),
            &[&stuck_before, &opts.kind.map(super::Kind::as_str)],
        )
        .await
        .map_err(db_err("finding rows to reconcile"))?
        .iter()
        .map(Row::from_pg)
        .collect();
    let state_machine = crate::aws::sfn::state_machine(aws, env).await?;
    let limit = crate::aws::sfn::describe(aws, &state_machine)
        .await?
        .timeout
        .unwrap_or(Duration::from_secs(
            ctx.thresholds.targets.execution_limit_secs,
        ));
    let executions = describe_all(aws, &rows).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let stopped = if audit_exists(&db).await? {
        write::stopped_by_us(&db, &ids).await?
    } else {
        HashSet::new()
    };

    let mut report = RepairReport {
        applied: opts.apply,
        run_id: None,
        inspected: rows.len(),
        changes: Vec::new(),
        attention: Vec::new(),
        in_flight: 0,
        executions_stopped: Vec::new(),
        skipped: Vec::new(),
    };
    let mut stops = Vec::new();
    for row in &rows {
        let execution = row.execution_arn.as_ref().map(|a| &executions[a]);
        let facts = Facts {
            now,
            stuck_before,
            limit,
            stop_running: opts.stop_running,
            stopped_by_us: stopped.contains(&row.id),
            execution,
        };
        match decide(row, &facts) {
            Decision::Change {
                after,
                action,
                reason,
                stop,
            } => {
                if opts.limit.is_some_and(|l| report.changes.len() >= l) {
                    continue;
                }
                if stop && let Some(e) = execution {
                    stops.push((row.id, e.arn.clone(), reason.clone()));
                }
                report.changes.push(Change {
                    id: row.id,
                    kind: row.kind.clone(),
                    seen_updated_at: row.updated_at,
                    before: row.snapshot(),
                    after: *after,
                    action,
                    reason,
                });
            }
            Decision::Attention(reason) => report.attention.push(Attention {
                id: row.id,
                status: row.status.clone(),
                execution: execution
                    .map(|e| e.status.clone())
                    .unwrap_or_else(|| "-".into()),
                reason,
            }),
            Decision::InFlight => report.in_flight += 1,
            Decision::Nothing => {}
        }
    }
    if !opts.apply {
        return Ok(report);
    }
    let run_id = Uuid::new_v4();
    report.run_id = Some(run_id);
    let who = Audit {
        run_id,
        operator: &ctx.operator,
        command: "process repair",
    };
    // Executions to stop: the intent is recorded first, so a rerun after a kill knows why they stopped.
    for (id, arn, reason) in &stops {
        write::record_intent(
            &db,
            &who,
            *id,
            "stop-execution",
            reason,
            json!({"execution": arn, "status": "RUNNING"}),
            json!({"execution": arn, "status": "ABORTED", "error": "MANUAL_INTERVENTION"}),
        )
        .await?;
        crate::aws::sfn::stop_execution(aws, arn, "MANUAL_INTERVENTION", reason).await?;
        report.executions_stopped.push(arn.clone());
    }
    let bar = ctx.out.progress(report.changes.len() as u64, "repairing");
    let outcome = write::apply(&mut db, &report.changes, opts.batch_size, &who, &bar).await?;
    bar.finish_and_clear();
    report.skipped = outcome.skipped;
    if let Some(lock) = lock {
        lock.release(&db).await?;
    }
    Ok(report)
}

async fn audit_exists(db: &crate::db::Db) -> Result<bool> {
    let row = db
        .query_one("SELECT to_regclass('mandala_ops.audit') IS NOT NULL", &[])
        .await
        .map_err(db_err("looking for the audit trail"))?;
    Ok(row.get(0))
}

impl Render for RepairReport {
    fn render(&self, doc: &mut Doc) {
        let skipped: HashSet<Uuid> = self.skipped.iter().map(|s| s.id).collect();
        let mut t = Table::new(["process", "type", "status", "progress", "action", "why"]);
        for c in &self.changes {
            let skip = skipped.contains(&c.id);
            t.row([
                Cell::new(c.id.to_string()),
                Cell::new(c.kind.trim_end_matches("_GENERATION")),
                Cell::new(format!("{} → {}", c.before.status, c.after.status)),
                Cell::new(if c.before.progress == c.after.progress {
                    c.after.progress.to_string()
                } else {
                    format!("{} → {}", c.before.progress, c.after.progress)
                }),
                if skip {
                    Cell::toned("skipped", Tone::Warn)
                } else {
                    Cell::toned(c.action, Tone::Good)
                },
                Cell::new(if skip {
                    "changed since inspected; left alone".to_string()
                } else {
                    c.reason.clone()
                }),
            ]);
        }
        doc.heading(if self.applied {
            "Repaired"
        } else {
            "Plan (dry run: nothing is changed without --apply)"
        });
        doc.table(t);
        if !self.attention.is_empty() {
            let mut a = Table::new(["process", "status", "execution", "needs attention"]);
            for x in &self.attention {
                a.row([
                    Cell::new(x.id.to_string()),
                    Cell::new(&x.status),
                    Cell::new(&x.execution),
                    Cell::toned(&x.reason, Tone::Warn),
                ]);
            }
            doc.heading("Needs a decision");
            doc.table(a);
        }
        let done = self.changes.len() - self.skipped.len();
        doc.note(
            Tone::Dim,
            format!(
                "{} rows inspected; {} {}; {} skipped; {} need attention; {} still in flight{}",
                self.inspected,
                if self.applied {
                    done
                } else {
                    self.changes.len()
                },
                if self.applied { "changed" } else { "to change" },
                self.skipped.len(),
                self.attention.len(),
                self.in_flight,
                self.run_id
                    .map(|r| format!("; audit run {r}"))
                    .unwrap_or_default()
            ),
        );
        if !self.executions_stopped.is_empty() {
            doc.note(
                Tone::Warn,
                format!("stopped {} executions", self.executions_stopped.len()),
            );
        }
    }

    fn status(&self) -> ExitStatus {
        if self.attention.is_empty() && self.skipped.is_empty() {
            ExitStatus::Ok
        } else {
            ExitStatus::Warn
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(status: &str, progress: i32, idle_min: i64) -> Row {
        let now = Timestamp::now();
        Row {
            id: Uuid::new_v4(),
            user_id: Uuid::new_v4(),
            kind: "TASK_GENERATION".into(),
            status: status.into(),
            progress,
            input: None,
            result: None,
            error: None,
            execution_arn: Some("arn:aws:states:r:1:execution:m:x".into()),
            created_at: now
                .checked_sub(jiff::SignedDuration::from_mins(idle_min + 10))
                .unwrap(),
            updated_at: now
                .checked_sub(jiff::SignedDuration::from_mins(idle_min))
                .unwrap(),
            completed_at: None,
        }
    }

    fn exec(status: &str, started_min: i64) -> Execution {
        Execution {
            arn: "arn:aws:states:r:1:execution:m:x".into(),
            status: status.into(),
            start: Timestamp::now()
                .checked_sub(jiff::SignedDuration::from_mins(started_min))
                .ok(),
            stop: None,
            error: Some("ThrottlingException".into()),
            cause: Some("Rate exceeded".into()),
            input: None,
        }
    }

    fn decide_with(
        r: &Row,
        e: Option<&Execution>,
        stop_running: bool,
        stopped_by_us: bool,
    ) -> Decision {
        let now = Timestamp::now();
        decide(
            r,
            &Facts {
                now,
                stuck_before: now
                    .checked_sub(jiff::SignedDuration::from_mins(15))
                    .unwrap(),
                limit: Duration::from_secs(900),
                stop_running,
                stopped_by_us,
                execution: e,
            },
        )
    }

    fn after(d: Decision) -> (Snapshot, &'static str) {
        match d {
            Decision::Change { after, action, .. } => (*after, action),
            other => panic!("expected a change, got {other:?}"),
        }
    }

    #[test]
    fn executions_that_ended_set_the_row() {
        let r = row("PROCESSING", 80, 60);
        let (a, act) = after(decide_with(&r, Some(&exec("SUCCEEDED", 70)), false, false));
        assert_eq!(
            (a.status.as_str(), a.progress, act),
            ("COMPLETED", 100, "completed")
        );
        assert!(a.completed_at.is_some());
        let (a, _) = after(decide_with(&r, Some(&exec("FAILED", 70)), false, false));
        assert_eq!(a.status, "FAILED");
        assert_eq!(
            a.error.unwrap(),
            json!({"code": "ThrottlingException", "message": "Rate exceeded"})
        );
        assert_eq!(
            after(decide_with(&r, Some(&exec("TIMED_OUT", 70)), false, false))
                .0
                .status,
            "TIMEOUT"
        );
        assert_eq!(
            after(decide_with(&r, Some(&exec("ABORTED", 70)), false, false))
                .0
                .status,
            "CANCELLED"
        );
        let (a, act) = after(decide_with(&r, Some(&exec("ABORTED", 70)), false, true));
        assert_eq!(
            (a.status.as_str(), act),
            ("FAILED", "manual-intervention"),
            "stopped by an earlier repair"
        );
    }

    #[test]
    fn running_and_missing_need_stop_running() {
        let r = row("PROCESSING", 40, 60);
        assert_eq!(
            decide_with(&r, Some(&exec("RUNNING", 10)), false, false),
            Decision::InFlight
        );
        assert!(matches!(
            decide_with(&r, Some(&exec("RUNNING", 20)), false, false),
            Decision::Attention(_)
        ));
        let d = decide_with(&r, Some(&exec("RUNNING", 20)), true, false);
        assert!(
            matches!(
                &d,
                Decision::Change {
                    stop: true,
                    action: "manual-intervention",
                    ..
                }
            ),
            "{d:?}"
        );
        let missing = Execution::missing("arn:x");
        assert!(matches!(
            decide_with(&r, Some(&missing), false, false),
            Decision::Attention(_)
        ));
        let (a, _) = after(decide_with(&r, Some(&missing), true, false));
        assert_eq!(a.error.unwrap()["code"], "MANUAL_INTERVENTION");
    }

    #[test]
    fn fresh_rows_are_left_alone_and_progress_is_clamped_anywhere() {
        let fresh = row("PROCESSING", 40, 1);
        assert_eq!(
            decide_with(&fresh, Some(&exec("SUCCEEDED", 5)), true, false),
            Decision::Nothing,
            "updated a minute ago: in flight"
        );
        let (a, act) = after(decide_with(
            &row("PROCESSING", -10, 1),
            Some(&exec("RUNNING", 1)),
            false,
            false,
        ));
        assert_eq!(
            (a.progress, a.status.as_str(), act),
            (0, "PROCESSING", "clamp-progress")
        );
        let (a, _) = after(decide_with(&row("COMPLETED", 130, 500), None, false, false));
        assert_eq!(a.progress, 100);
        assert_eq!(
            decide_with(&row("COMPLETED", 100, 500), None, true, false),
            Decision::Nothing
        );
        let mut pending = row("PENDING", 0, 60);
        pending.execution_arn = None;
        assert_eq!(
            decide_with(&pending, None, true, false),
            Decision::Nothing,
            "queued work has no execution yet"
        );
    }
}

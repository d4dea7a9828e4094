//! Writing repairs: each batch one transaction; each change a conditional update that touches
//! the row only if every column it writes, and updated_at, are still what was inspected; each
//! applied change audited in the same transaction. A run killed at any point leaves whole batches behind, and
//! a rerun plans again from what is there.

use super::Snapshot;
use crate::audit::{self, Entry};
use crate::db::Db;
use crate::error::{Result, db_err};
use indicatif::ProgressBar;
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub kind: String,
    /// What the update requires the row still to have.
    #[serde(skip)]
    pub seen_updated_at: Timestamp,
    pub before: Snapshot,
    pub after: Snapshot,
    pub action: &'static str,
    pub reason: String,
}

/// Who makes the changes, for the audit trail.
pub struct Audit<'a> {
    pub run_id: Uuid,
    pub operator: &'a str,
    pub command: &'a str,
}

#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub applied: Vec<Uuid>,
    /// Rows that changed after they were inspected, left alone.
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Serialize)]
pub struct Skipped {
    pub id: Uuid,
    pub reason: String,
}

/// One change (`process cancel`, `process retry`) in its own run: whether it was written, or
/// skipped because the row changed after it was inspected.
pub async fn apply_one(db: &mut Db, change: Change, operator: &str, command: &str) -> Result<bool> {
    let who = Audit {
        run_id: Uuid::new_v4(),
        operator,
        command,
    };
    let outcome = apply(db, &[change], 1, &who, &ProgressBar::hidden()).await?;
    Ok(outcome.skipped.is_empty())
}

pub async fn apply(
    db: &mut Db,
    changes: &[Change],
    batch: usize,
    who: &Audit<'_>,
    progress: &ProgressBar,
) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    for chunk in changes.chunks(batch.max(1)) {
        let doing = "applying a batch of process repairs";
        let tx = db.transaction().await.map_err(db_err(doing))?;
        let mut applied = Vec::new();
        for c in chunk {
            let n = tx
                .execute(
                    "UPDATE processing_state SET status = $4, progress = $5, error = $6, completed_at = $7, \
                            execution_arn = $8, input = $9, updated_at = now() \
                     WHERE id = $1 AND status = $2 AND updated_at = $3 AND progress = $10 \
                       AND error IS NOT DISTINCT FROM $11 AND completed_at IS NOT DISTINCT FROM $12 \
                       AND execution_arn IS NOT DISTINCT FROM $13 AND input IS NOT DISTINCT FROM $14",
                    &[
                        &c.id,
                        &c.before.status,
                        &c.seen_updated_at,
                        &c.after.status,
                        &c.after.progress,
                        &c.after.error,
                        &c.after.completed_at,
                        &c.after.execution_arn,
                        &c.after.input,
                        &c.before.progress,
                        &c.before.error,
                        &c.before.completed_at,
                        &c.before.execution_arn,
                        &c.before.input,
                    ],
                )
                .await
                .map_err(db_err(format!("updating process {}", c.id)))?;
            if n == 0 {
                outcome.skipped.push(Skipped {
                    id: c.id,
                    reason: "changed since it was inspected; left alone".into(),
                });
                continue;
            }
            audit::record(
                &tx,
                &Entry {
                    run_id: who.run_id,
                    operator: who.operator.to_string(),
                    command: who.command.to_string(),
                    target: "processing_state".into(),
                    target_id: c.id.to_string(),
                    action: c.action.to_string(),
                    reason: c.reason.clone(),
                    before: serde_json::to_value(&c.before).ok(),
                    after: serde_json::to_value(&c.after).ok(),
                },
            )
            .await?;
            applied.push(c.id);
        }
        tx.commit().await.map_err(db_err(doing))?;
        progress.inc(chunk.len() as u64);
        outcome.applied.extend(applied);
    }
    Ok(outcome)
}

/// Records, before it is made, a change outside the database (stopping an execution), so a
/// run killed after making it can tell on its rerun why the execution stopped.
pub async fn record_intent(
    db: &Db,
    who: &Audit<'_>,
    process: Uuid,
    action: &str,
    reason: &str,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<()> {
    audit::record(
        &db.client,
        &Entry {
            run_id: who.run_id,
            operator: who.operator.to_string(),
            command: who.command.to_string(),
            target: "execution".into(),
            target_id: process.to_string(),
            action: action.to_string(),
            reason: reason.to_string(),
            before: Some(before),
            after: Some(after),
        },
    )
    .await
}

/// Processes whose execution mandala-ops stopped for manual intervention.
pub async fn stopped_by_us(db: &Db, ids: &[Uuid]) -> Result<std::collections::HashSet<Uuid>> {
    let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    let rows = db
        .query(
            "SELECT DISTINCT target_id FROM mandala_ops.audit WHERE target = 'execution' AND action = 'stop-execution' AND target_id = ANY($1)",
            &[&ids],
        )
        .await
        .map_err(db_err("reading the audit trail"))?;
    Ok(rows
        .iter()
        .filter_map(|r| Uuid::parse_str(r.get::<_, &str>(0)).ok())
        .collect())
}

//! `cleanup processing-state`: the weekly 90-day cleanup of seed 002 (データクリーンアップ:
//! `DELETE FROM processing_state WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT')
//! AND completed_at < NOW() - INTERVAL '90 days'`), in batches, each its own short transaction
//! that re-checks the rule on every row and passes over rows others hold (`SKIP LOCKED`), under
//! an advisory lock, audited per batch in the batch's transaction. A run killed mid-way loses at
//! most its open batch, which rolls back; the next run carries on from what is left and says
//! which run it resumes.
//!
//! Batches are ranges of the table's blocks (TID range scans), not of its primary key: ids are
//! random UUIDs, so a walk in key order reads the heap at random, which measured 12 µs per row
//! against under 1 µs for a range of blocks (`benches/cleanup.rs`).

use crate::audit::{self, Entry};
use crate::context::Context;
use crate::db::lock::Lock;
use crate::error::{Error, Result, db_err};
use crate::output::{Cell, Doc, Render, Table, Tone};
use crate::process::TERMINAL;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use uuid::Uuid;

const LOCK: &str = "cleanup-processing-state";
/// Table rows examined per transaction: about 30 ms of work on a 2-core machine
/// (`benches/cleanup.rs`), well inside the 250 ms a batch may hold its locks.
pub const DEFAULT_BATCH: u32 = 100_000;
const COMMAND: &str = "cleanup processing-state";

#[derive(Debug, Clone)]
pub struct ProcessingStateOptions {
    /// Retention, already checked to be at least a day ([`super::retention`]).
    pub older_than: Duration,
    pub batch_size: usize,
    pub apply: bool,
    pub wait_lock: Option<Duration>,
}

#[derive(Debug, Serialize)]
pub struct ProcessingStateReport {
    pub applied: bool,
    pub run_id: Option<Uuid>,
    pub older_than_days: f64,
    pub cutoff: jiff::Timestamp,
    /// Rows the rule matched: counted by a dry run; in an applied run, those deleted plus those
    /// passed over because another session held them.
    pub matched: u64,
    /// A dry run's count by status (an applied run does not scan the table twice).
    pub by_status: BTreeMap<String, u64>,
    pub oldest: Option<jiff::Timestamp>,
    pub deleted: u64,
    /// Rows another session held locked, left for the next run.
    pub skipped_locked: u64,
    pub batches: u64,
    pub seconds: f64,
    /// The longest batch transaction, ms.
    pub longest_batch_ms: f64,
    /// The last interrupted run this one finished, if any.
    pub resumed: Option<Resumed>,
    /// Every interrupted run this one finished, oldest first.
    pub resumed_runs: Vec<Resumed>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Resumed {
    pub run_id: Uuid,
    pub deleted: u64,
}

/// The rule, as one SQL condition on `processing_state p` ($1 statuses, $2 cutoff).
const RULE: &str = "p.status = ANY($1) AND p.completed_at < $2";
/// A range of blocks, `[$3, $4)`.
const RANGE: &str =
    "p.ctid >= format('(%s,0)', $3::bigint)::tid AND p.ctid < format('(%s,0)', $4::bigint)::tid";

pub async fn processing_state(
    ctx: &Context,
    opts: &ProcessingStateOptions,
) -> Result<ProcessingStateReport> {
    if opts.batch_size == 0 || opts.batch_size > 200_000 {
        return Err(Error::usage("--batch-size must be between 1 and 200000"));
    }
    let age = opts.older_than;
    // Fixed for the whole run.
    let cutoff = crate::time::before(jiff::Timestamp::now(), age, "--older-than")?;
    let started = Instant::now();
    let mut db = ctx.db().await?;
    let statuses: Vec<String> = TERMINAL.iter().map(|s| s.to_string()).collect();
    let mut report = ProcessingStateReport {
        applied: false,
        run_id: None,
        older_than_days: age.as_secs_f64() / 86_400.0,
        cutoff,
        matched: 0,
        by_status: BTreeMap::new(),
        oldest: None,
        deleted: 0,
        skipped_locked: 0,
        batches: 0,
        seconds: 0.0,
        longest_batch_ms: 0.0,
        resumed: None,
        resumed_runs: Vec::new(),
    };
    if !opts.apply {
        let rows = db
            .query(
                &format!("SELECT p.status, count(*), min(p.completed_at) FROM processing_state p WHERE {RULE} GROUP BY 1 ORDER BY 1"),
                &[&statuses, &cutoff],
            )
            .await
            .map_err(db_err("counting the rows past retention"))?;
        report.by_status = rows
            .iter()
            .map(|r| (r.get(0), r.get::<_, i64>(1) as u64))
            .collect();
        report.matched = report.by_status.values().sum();
        report.oldest = rows
            .iter()
            .filter_map(|r| r.get::<_, Option<jiff::Timestamp>>(2))
            .min();
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    audit::ensure_schema(&mut db).await?;
    let lock = Lock::acquire(&db, LOCK, opts.wait_lock, &ctx.out).await?;
    report.resumed_runs = interrupted(&db).await?;
    report.resumed = report.resumed_runs.last().cloned();
    let run_id = Uuid::new_v4();
    report.run_id = Some(run_id);
    let entry = |action: &str, before: serde_json::Value, after: serde_json::Value| Entry {
        run_id,
        operator: ctx.operator.clone(),
        command: COMMAND.into(),
        target: "processing_state".into(),
        target_id: format!("completed_at < {cutoff}"),
        action: action.into(),
        reason: "002 データクリーンアップ: terminal rows past retention".into(),
        before: Some(before),
        after: Some(after),
    };
    let (blocks, per_block) = table_shape(&db).await?;
    let step = (opts.batch_size as f64 / per_block).ceil().max(1.0) as i64;
    audit::record(
        &db.client,
        &entry(
            "cleanup-start",
            serde_json::json!({"blocks": blocks}),
            serde_json::json!({"batch_size": opts.batch_size}),
        ),
    )
    .await?;
    let bar = ctx
        .out
        .progress(blocks.max(0) as u64, "deleting (table blocks)");
    let mut from = 0i64;
    while from < blocks {
        let to = from + step;
        let began = Instant::now();
        let record = |n: u64, skipped: u64| {
            entry(
                "delete-batch",
                serde_json::json!({"rows": n, "skipped_locked": skipped, "blocks": [from, to]}),
                serde_json::Value::Null,
            )
        };
        let (n, skipped) = delete_range(&mut db, &statuses, cutoff, (from, to), record).await?;
        if n > 0 {
            report.deleted += n;
            report.batches += 1;
        }
        report.skipped_locked += skipped;
        report.longest_batch_ms = report
            .longest_batch_ms
            .max(began.elapsed().as_secs_f64() * 1000.0);
        bar.inc((to.min(blocks) - from) as u64);
        from = to;
    }
    bar.finish_and_clear();
    report.matched = report.deleted + report.skipped_locked;
    audit::record(
        &db.client,
        &entry(
            "cleanup-finish",
            serde_json::Value::Null,
            serde_json::json!({"deleted": report.deleted, "batches": report.batches, "skipped_locked": report.skipped_locked}),
        ),
    )
    .await?;
    lock.release(&db).await?;
    report.applied = true;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The table's size in blocks and its rows per block, from the planner's statistics (a guess of
/// 60 rows per block before the first ANALYZE).
async fn table_shape(db: &crate::db::Db) -> Result<(i64, f64)> {
    let r = db
        .query_one(
            "SELECT pg_relation_size('processing_state') / current_setting('block_size')::bigint, \
                    CASE WHEN c.relpages > 0 AND c.reltuples > 0 THEN c.reltuples / c.relpages ELSE 60 END::float8 \
             FROM pg_class c WHERE c.oid = 'processing_state'::regclass",
            &[],
        )
        .await
        .map_err(db_err("reading the size of processing_state"))?;
    Ok((r.get(0), r.get(1)))
}

/// Deletes the rule's rows in blocks `[from, to)` in one transaction, with its audit entry
/// (made by `record` from the rows deleted and passed over); returns both counts. The plain
/// DELETE re-checks the rule on every row it deletes (a row changed meanwhile is re-read and
/// left alone when it no longer matches) and waits at most 50 ms for a row lock; if a row stays
/// locked, the range is done again locking its rows first with SKIP LOCKED, so a row someone is
/// working on is passed over rather than waited for.
async fn delete_range(
    db: &mut crate::db::Db,
    statuses: &[String],
    cutoff: jiff::Timestamp,
    (from, to): (i64, i64),
    record: impl Fn(u64, u64) -> Entry,
) -> Result<(u64, u64)> {
    let doing = "deleting a batch of processing_state rows";
    let params: [&(dyn tokio_postgres::types::ToSql + Sync); 4] = [&statuses, &cutoff, &from, &to];
    let plain = format!("DELETE FROM processing_state p WHERE {RANGE} AND {RULE}");
    let careful = format!(
        "WITH batch AS (SELECT p.ctid AS t FROM processing_state p WHERE {RANGE} AND {RULE} FOR UPDATE SKIP LOCKED) \
         DELETE FROM processing_state p WHERE p.ctid = ANY(ARRAY(SELECT t FROM batch)) AND {RULE}"
    );
    let candidates = format!("SELECT count(*) FROM processing_state p WHERE {RANGE} AND {RULE}");
    for pass in [&plain, &careful] {
        let tx = db.transaction().await.map_err(db_err(doing))?;
        tx.batch_execute("SET LOCAL lock_timeout = '50ms'")
            .await
            .map_err(db_err(doing))?;
        match tx.execute(pass.as_str(), &params).await {
            Ok(n) => {
                // What is left matching in the range after the SKIP LOCKED pass was held by others.
                let skipped = if pass == &careful {
                    tx.query_one(candidates.as_str(), &params)
                        .await
                        .map_err(db_err(doing))?
                        .get::<_, i64>(0) as u64
                } else {
                    0
                };
                if n + skipped > 0 {
                    audit::record(&tx, &record(n, skipped)).await?;
                }
                tx.commit().await.map_err(db_err(doing))?;
                return Ok((n, skipped));
            }
            Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE) => {
                tx.rollback().await.map_err(db_err(doing))?;
            }
            Err(e) => return Err(Error::db(doing, e)),
        }
    }
    // SKIP LOCKED never waits for rows: what is left is a lock on the whole table.
    Err(Error::unavailable(
        "database",
        doing,
        "processing_state stayed locked by another session (a table lock, as during a migration)",
    )
    .with_hint("run again once the migration or maintenance holding the table is done"))
}

/// The runs that started and never finished since the last one that did, oldest first, with
/// what each deleted: the work this run completes.
async fn interrupted(db: &crate::db::Db) -> Result<Vec<Resumed>> {
    let rows = db
        .query(
            "SELECT s.run_id, coalesce((SELECT sum((b.before->>'rows')::bigint) FROM mandala_ops.audit b \
                                        WHERE b.run_id = s.run_id AND b.action = 'delete-batch'), 0)::bigint \
             FROM mandala_ops.audit s \
             WHERE s.command = $1 AND s.action = 'cleanup-start' \
               AND NOT EXISTS (SELECT 1 FROM mandala_ops.audit f WHERE f.run_id = s.run_id AND f.action = 'cleanup-finish') \
               AND s.at > coalesce((SELECT max(d.at) FROM mandala_ops.audit d \
                                    WHERE d.command = $1 AND d.action = 'cleanup-finish'), '-infinity') \
             ORDER BY s.at, s.id",
            &[&COMMAND],
        )
        .await
        .map_err(db_err("reading the audit trail"))?;
    Ok(rows
        .iter()
        .map(|r| Resumed {
            run_id: r.get(0),
            deleted: r.get::<_, i64>(1) as u64,
        })
        .collect())
}

impl Render for ProcessingStateReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!(
            "processing_state retention: terminal rows completed before {} ({} days)",
            self.cutoff.strftime("%Y-%m-%d %H:%M UTC"),
            crate::output::rounded(self.older_than_days)
        ));
        if !self.resumed_runs.is_empty() {
            let runs: Vec<String> = self
                .resumed_runs
                .iter()
                .map(|r| format!("{} (it had deleted {} rows)", r.run_id, r.deleted))
                .collect();
            doc.note(
                Tone::Warn,
                format!(
                    "finished the work of {} interrupted run{}: {}",
                    runs.len(),
                    if runs.len() == 1 { "" } else { "s" },
                    runs.join(", ")
                ),
            );
        }
        if self.applied {
            doc.fields([
                ("deleted", self.deleted.to_string()),
                ("left (locked by others)", self.skipped_locked.to_string()),
                ("batches", self.batches.to_string()),
                ("longest batch", format!("{:.0} ms", self.longest_batch_ms)),
                ("took", format!("{:.1} s", self.seconds)),
                (
                    "run",
                    self.run_id.map(|r| r.to_string()).unwrap_or_default(),
                ),
            ]);
            return;
        }
        let mut t = Table::new(["status", "rows"]);
        for (s, n) in &self.by_status {
            t.row([s.as_str(), &n.to_string()]);
        }
        t.row([Cell::new("total"), Cell::new(self.matched.to_string())]);
        doc.table(t);
        if self.matched > 0 {
            doc.note(
                Tone::Warn,
                format!(
                    "dry run: {} rows would be deleted; run again with --apply",
                    self.matched
                ),
            );
        } else {
            doc.note(Tone::Good, "nothing past retention");
        }
    }
}

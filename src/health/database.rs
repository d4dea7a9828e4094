//! The database: reachability, connections, and the processing_state checks of the
//! troubleshooting guide (004 診断ツール, 処理が完了しない, 進捗率の異常, DATABASE_ERROR).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::{Probe, Row};
use crate::config::thresholds::sources as s;
use crate::error::{Result, db_err};
use crate::output::rounded;
use std::time::Instant;
use tokio_postgres::types::Type;

pub fn checks() -> Vec<Check> {
    let check = |name: &str, source, run| {
        Check::new(format!("database.{name}"), source, Order::Database, run)
    };
    vec![
        check("connect", s::DB_LATENCY, run!(connect)),
        check("connections", s::DB_CONNECTIONS, run!(connections)),
        check("processing-state", s::DB_HEALTH, run!(status_counts)),
        check("stuck-processing", s::STUCK_PROCESSING, run!(stuck)),
        check("pending-queue", s::QUEUE_DEPTH, run!(pending)),
        check("progress-range", s::PROGRESS_RANGE, run!(progress)),
        check("waiting-locks", s::DB_DIAGNOSIS, run!(locks)),
        check("long-queries", s::DB_DIAGNOSIS, run!(long_queries)),
    ]
}

fn doing(k: &Check) -> String {
    format!("running the {} check", k.name)
}

/// A query's one count. Unprepared statements: one round trip each instead of prepare,
/// execute and close.
async fn count(p: &Probe<'_>, k: &Check, sql: &str) -> Result<i64> {
    let row = p
        .db()
        .await?
        .query_typed_one(sql, &[])
        .await
        .map_err(db_err(doing(k)))?;
    Ok(row.get(0))
}

async fn connect(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.database;
    let db = p.db().await?;
    let began = Instant::now();
    db.query_typed_one("SELECT 1", &[])
        .await
        .map_err(db_err(doing(k)))?;
    let ms = began.elapsed().as_secs_f64() * 1000.0;
    let limit = Limit::warn(t.select_latency_warn_ms, Cmp::Above, Unit::Millis);
    Ok(k.measured(ms, &limit, format!("SELECT 1 on {}", db.label)))
}

async fn connections(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.database;
    let db = p.db().await?;
    let row = db
        .query_typed_one(
            "SELECT count(*), current_setting('max_connections')::bigint FROM pg_stat_activity \
                 WHERE backend_type = 'client backend'",
            &[],
        )
        .await
        .map_err(db_err(doing(k)))?;
    let (n, max): (i64, i64) = (row.get(0), row.get(1));
    let warn = Limit::warn(t.connections_warn, Cmp::Above, Unit::Count);
    let critical = Limit::critical(t.connections_max, Cmp::AtLeast, Unit::Count);
    let mut r = k.measured(
        n as f64,
        &warn,
        format!("client connections; the server allows {max}"),
    );
    r.status = r.status.max(critical.evaluate(n as f64));
    r.threshold = Some(format!("{}, {}", warn.describe(), critical.describe()));
    Ok(r)
}

async fn status_counts(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let db = p.db().await?;
    // 004 ヘルスチェックスクリプト step 4.
    let rows = db
        .query_typed(
            "SELECT status, count(*) FROM processing_state GROUP BY status ORDER BY status",
            &[],
        )
        .await
        .map_err(db_err(doing(k)))?;
    let counts: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {}", r.get::<_, String>(0), r.get::<_, i64>(1)))
        .collect();
    Ok(k.row(Status::Ok, "processing_state rows by status")
        .with_value(if counts.is_empty() {
            "no rows".into()
        } else {
            counts.join(", ")
        }))
}

async fn stuck(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.database;
    let db = p.db().await?;
    let row = db
        .query_typed_one(
            "SELECT count(*), coalesce(extract(epoch FROM now() - min(updated_at)), 0)::float8 \
                 FROM processing_state WHERE status = 'PROCESSING' \
                   AND updated_at < now() - make_interval(secs => $1)",
            &[(&(t.stuck_after_secs as f64), Type::FLOAT8)],
        )
        .await
        .map_err(db_err(doing(k)))?;
    let (n, oldest): (i64, f64) = (row.get(0), row.get(1));
    let after = crate::time::format_duration(std::time::Duration::from_secs(t.stuck_after_secs));
    // Users wait on these and they will not finish by themselves.
    let limit = Limit::critical(1.0, Cmp::AtLeast, Unit::Count);
    let message = if n == 0 {
        format!("no PROCESSING row without an update for {after}")
    } else {
        format!(
            "PROCESSING rows without an update for {after}; the oldest for {} (`process repair`)",
            crate::time::format_duration(std::time::Duration::from_secs(oldest as u64 / 60 * 60))
        )
    };
    let mut r = k.measured(n as f64, &limit, message);
    r.threshold = Some(format!("critical ≥ 1 row idle {after}"));
    Ok(r)
}

async fn pending(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.database;
    let n = count(
        p,
        k,
        "SELECT count(*) FROM processing_state WHERE status = 'PENDING'",
    )
    .await?;
    let limit = Limit::warn(t.pending_queue_depth, Cmp::Above, Unit::Count);
    Ok(k.measured(n as f64, &limit, "PENDING rows waiting to start"))
}

async fn progress(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let n = count(
        p,
        k,
        "SELECT count(*) FROM processing_state WHERE progress > 100 OR progress < 0",
    )
    .await?;
    let limit = Limit::warn(1.0, Cmp::AtLeast, Unit::Count);
    Ok(k.measured(
        n as f64,
        &limit,
        "rows with progress outside 0-100 (`process repair` clamps them)",
    ))
}

async fn locks(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let n = count(p, k, "SELECT count(*) FROM pg_locks WHERE NOT granted").await?;
    let limit = Limit::warn(1.0, Cmp::AtLeast, Unit::Count);
    Ok(k.measured(n as f64, &limit, "lock requests waiting"))
}

async fn long_queries(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.database;
    let db = p.db().await?;
    // Query texts can hold secrets, so only pids and durations are shown.
    let rows = db
            .query_typed(
                "SELECT pid, extract(epoch FROM now() - query_start)::float8 AS secs FROM pg_stat_activity \
                 WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend' \
                   AND now() - query_start > make_interval(secs => $1) ORDER BY secs DESC",
                &[(&t.long_query_secs, Type::FLOAT8)],
            )
            .await
            .map_err(db_err(doing(k)))?;
    let limit = Limit::warn(1.0, Cmp::AtLeast, Unit::Count);
    let detail: Vec<String> = rows
        .iter()
        .take(5)
        .map(|r| {
            format!(
                "pid {} for {} s",
                r.get::<_, i32>(0),
                rounded(r.get::<_, f64>(1).round())
            )
        })
        .collect();
    let message = if detail.is_empty() {
        format!(
            "no active query older than {} s",
            rounded(t.long_query_secs)
        )
    } else {
        detail.join(", ")
    };
    let mut r = k.measured(rows.len() as f64, &limit, message);
    r.threshold = Some(format!(
        "warn ≥ 1 query running > {} s",
        rounded(t.long_query_secs)
    ));
    Ok(r)
}

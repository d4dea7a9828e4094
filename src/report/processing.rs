//! processing_state over the report's period (002 付録 / データベースクエリ, its two statistics
//! queries over the period rather than a fixed day or week): counts by status and type, and the
//! completion time of each type; with the backlog for tomorrow's forecast.

use crate::config::thresholds::Range;
use crate::context::Context;
use crate::error::{Result, db_err};
use crate::process::Kind;
use jiff::Timestamp;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub status: String,
    pub kind: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Completion {
    pub kind: &'static str,
    pub completed: i64,
    pub avg_minutes: Option<f64>,
    pub p95_minutes: Option<f64>,
    /// 002 パフォーマンス指標 / 目標値.
    pub target_minutes: Range,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub counts: Vec<Count>,
    pub completion: Vec<Completion>,
    /// Rows waiting to start now.
    pub pending_now: i64,
    /// Rows created in the last 24 hours.
    pub created_last_day: i64,
}

impl Stats {
    pub fn total(&self, status: &str) -> i64 {
        self.counts
            .iter()
            .filter(|c| c.status == status)
            .map(|c| c.count)
            .sum()
    }
}

pub async fn stats(ctx: &Context, from: Timestamp) -> Result<Stats> {
    let db = ctx.db().await?;
    let doing = "reading processing_state for the report";
    let counts = db
        .query(
            "SELECT status, type, count(*) FROM processing_state WHERE created_at >= $1 \
             GROUP BY 1, 2 ORDER BY 1, 2",
            &[&from],
        )
        .await
        .map_err(db_err(doing))?
        .iter()
        .map(|r| Count {
            status: r.get(0),
            kind: r.get(1),
            count: r.get(2),
        })
        .collect();
    let times = db
        .query(
            "SELECT type, count(*), avg(secs)::float8, \
                    percentile_cont(0.95) WITHIN GROUP (ORDER BY secs)::float8 \
             FROM (SELECT type, extract(epoch FROM completed_at - created_at) AS secs \
                   FROM processing_state WHERE status = 'COMPLETED' AND completed_at >= $1) t \
             GROUP BY type",
            &[&from],
        )
        .await
        .map_err(db_err(doing))?;
    let backlog = db
        .query_one(
            "SELECT count(*) FILTER (WHERE status = 'PENDING'), \
                    count(*) FILTER (WHERE created_at >= now() - interval '24 hours') \
             FROM processing_state",
            &[],
        )
        .await
        .map_err(db_err(doing))?;
    let t = &ctx.thresholds.targets;
    let completion = Kind::ALL
        .iter()
        .map(|kind| {
            let row = times
                .iter()
                .find(|r| r.get::<_, String>(0) == kind.as_str());
            Completion {
                kind: kind.as_str(),
                completed: row.map(|r| r.get(1)).unwrap_or(0),
                avg_minutes: row
                    .and_then(|r| r.get::<_, Option<f64>>(2))
                    .map(|s| s / 60.0),
                p95_minutes: row
                    .and_then(|r| r.get::<_, Option<f64>>(3))
                    .map(|s| s / 60.0),
                target_minutes: match kind {
                    Kind::Subgoal => t.subgoal_minutes,
                    Kind::Action => t.action_minutes,
                    Kind::Task => t.task_minutes,
                },
            }
        })
        .collect();
    Ok(Stats {
        counts,
        completion,
        pending_now: backlog.get(0),
        created_last_day: backlog.get(1),
    })
}

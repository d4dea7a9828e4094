//! Step Functions (002 監視方法 / Step Functions): running executions, and the share of
//! executions that failed or timed out in the window. One listing serves all three checks.

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::{Probe, Row, pct};
use crate::aws::sfn::{self, ExecutionItem};
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;
use aws_sdk_sfn::types::ExecutionStatus;
use std::time::Duration;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "stepfunctions.running",
            s::STEP_FUNCTIONS,
            Order::Executions,
            run!(running),
        ),
        Check::new(
            "stepfunctions.failed",
            s::STEP_FUNCTIONS,
            Order::Executions,
            run!(failed),
        ),
        Check::new(
            "stepfunctions.timed-out",
            s::STEP_FUNCTIONS,
            Order::Executions,
            run!(timed_out),
        ),
        Check::new(
            "stepfunctions.duration",
            s::STEP_FUNCTIONS,
            Order::Executions,
            run!(duration),
        ),
    ]
}

pub struct Executions {
    pub limit: Duration,
    pub running: Vec<ExecutionItem>,
    /// Finished in the window, per status.
    pub succeeded: usize,
    /// How long each execution that succeeded in the window ran, seconds.
    pub succeeded_secs: Vec<f64>,
    pub failed: usize,
    pub timed_out: usize,
    pub aborted: usize,
}

pub async fn load(p: &Probe<'_>) -> Result<Executions> {
    let aws = p.ctx.aws().await?;
    let Some(described) = p.state_machine().await? else {
        return Err(sfn::not_found(p.env));
    };
    let arn = described.arn.clone();
    let limit = described.timeout.unwrap_or(Duration::from_secs(
        p.ctx.thresholds.targets.execution_limit_secs,
    ));
    let finished = async |status: ExecutionStatus| -> Result<Vec<ExecutionItem>> {
        let items = sfn::list_executions(aws, &arn, status, Some(p.start)).await?;
        // A finished execution without a stop date (the emulator leaves it out on timeouts)
        // stopped no earlier than it started.
        Ok(items
            .into_iter()
            .filter(|e| e.stop.or(e.start).is_some_and(|s| s >= p.start))
            .collect())
    };
    let (running, succeeded, failed, timed_out, aborted) = tokio::try_join!(
        sfn::list_executions(aws, &arn, ExecutionStatus::Running, None),
        finished(ExecutionStatus::Succeeded),
        finished(ExecutionStatus::Failed),
        finished(ExecutionStatus::TimedOut),
        finished(ExecutionStatus::Aborted),
    )?;
    Ok(Executions {
        limit,
        running,
        succeeded_secs: succeeded
            .iter()
            .filter_map(|e| Some(e.stop?.duration_since(e.start?).as_secs_f64()))
            .collect(),
        succeeded: succeeded.len(),
        failed: failed.len(),
        timed_out: timed_out.len(),
        aborted: aborted.len(),
    })
}

async fn running(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let e = p.executions().await?;
    let limit_ts = p
        .end
        .checked_sub(jiff::SignedDuration::try_from(e.limit).unwrap_or_default())
        .unwrap_or(p.end);
    let overdue = e
        .running
        .iter()
        .filter(|x| x.start.is_some_and(|s| s < limit_ts))
        .count();
    let status = if overdue > 0 {
        Status::Warn
    } else {
        Status::Ok
    };
    let limit = crate::time::format_duration(e.limit);
    Ok(k.row(
        status,
        format!("{overdue} running longer than the {limit} limit"),
    )
    .with_value(format!("{} running", e.running.len()))
    .with_threshold(format!("warn when any runs past {limit}")))
}

async fn failed(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let e = p.executions().await?;
    let t = &p.ctx.thresholds.lambda;
    // 000 エラー率: 警告 5%, エラー 10%.
    let limit = Limit::both(
        t.error_rate_warn_pct,
        t.error_rate_critical_pct,
        Cmp::AtLeast,
        Unit::Percent,
    );
    Ok(share(k, e, e.failed, limit, "failed"))
}

async fn timed_out(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let e = p.executions().await?;
    let t = &p.ctx.thresholds;
    // 002 パフォーマンス指標: タイムアウト率 < 5%; タイムアウト率アラート: > 10%.
    let limit = Limit::both(
        t.targets.timeout_rate_pct,
        t.async_processing.timeout_rate_pct,
        Cmp::Above,
        Unit::Percent,
    );
    Ok(share(k, e, e.timed_out, limit, "timed out"))
}

/// `part` of the window's finished executions against `limit`.
fn share(k: &Check, e: &Executions, part: usize, limit: Limit, what: &str) -> Row {
    let finished = (e.succeeded + e.failed + e.timed_out + e.aborted) as f64;
    match pct(part as f64, finished) {
        Some(rate) => k.measured(
            rate,
            &limit,
            format!("{part} of {} finished executions {what}", rounded(finished)),
        ),
        None => k
            .row(Status::Ok, "no executions finished in the window")
            .with_threshold(limit.describe()),
    }
}

/// The average run time of the executions that succeeded in the window (002 Step Functions 確認
/// 項目: 実行時間 平均実行時間), judged as the processing time is (002 処理時間アラート: 平均 > 5分).
async fn duration(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let e = p.executions().await?;
    let limit = Limit::warn(
        p.ctx.thresholds.async_processing.processing_duration_ms,
        Cmp::Above,
        Unit::Millis,
    );
    if e.succeeded_secs.is_empty() {
        return Ok(k
            .row(
                Status::Warn,
                format!(
                    "no execution succeeded in the last {}: there is no run time to judge",
                    crate::time::format_duration(p.since)
                ),
            )
            .with_value("none")
            .with_threshold(limit.describe()));
    }
    let n = e.succeeded_secs.len() as f64;
    let avg_ms = e.succeeded_secs.iter().sum::<f64>() / n * 1000.0;
    Ok(k.measured(
        avg_ms,
        &limit,
        format!("average of {} succeeded executions", rounded(n)),
    ))
}

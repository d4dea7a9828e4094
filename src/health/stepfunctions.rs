//! Step Functions (002 監視方法 / Step Functions): running executions, and the share of
//! executions that failed or timed out in the window. One listing serves all three checks.

use super::eval::{Cmp, Limit, Status, Unit, number};
use super::{Kind, Probe, Row, pct};
use crate::aws::sfn::{self, ExecutionItem};
use crate::error::Result;
use aws_sdk_sfn::types::ExecutionStatus;
use std::time::Duration;

pub struct Executions {
    pub limit: Duration,
    pub running: Vec<ExecutionItem>,
    /// Finished in the window, per status.
    pub succeeded: usize,
    pub failed: usize,
    pub timed_out: usize,
    pub aborted: usize,
}

pub async fn load(p: &Probe<'_>) -> Result<Executions> {
    let aws = p.ctx.aws().await?;
    let arn = sfn::state_machine(aws, p.env).await?;
    let fallback = Duration::from_secs(p.ctx.thresholds.targets.execution_limit_secs);
    let finished = async |status: ExecutionStatus| -> Result<usize> {
        let items = sfn::list_executions(aws, &arn, status, Some(p.start)).await?;
        // A finished execution without a stop date (the emulator leaves it out on timeouts)
        // stopped no earlier than it started.
        Ok(items
            .iter()
            .filter(|e| e.stop.or(e.start).is_some_and(|s| s >= p.start))
            .count())
    };
    let (limit, running, succeeded, failed, timed_out, aborted) = tokio::try_join!(
        sfn::execution_limit(aws, &arn, fallback),
        sfn::list_executions(aws, &arn, ExecutionStatus::Running, None),
        finished(ExecutionStatus::Succeeded),
        finished(ExecutionStatus::Failed),
        finished(ExecutionStatus::TimedOut),
        finished(ExecutionStatus::Aborted),
    )?;
    Ok(Executions {
        limit,
        running,
        succeeded,
        failed,
        timed_out,
        aborted,
    })
}

pub async fn check(p: &Probe<'_>, kind: Kind, name: &str, source: &str) -> Result<Row> {
    let e = p.executions().await?;
    let t = &p.ctx.thresholds;
    if kind == Kind::StepRunning {
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
        return Ok(Row::new(
            name,
            source,
            status,
            format!("{overdue} running longer than the {limit} limit"),
        )
        .with_value(format!("{} running", e.running.len()))
        .with_threshold(format!("warn when any runs past {limit}")));
    }
    let finished = (e.succeeded + e.failed + e.timed_out + e.aborted) as f64;
    let (part, limit, what) = if kind == Kind::StepFailed {
        // 000 エラー率: 警告 5%, エラー 10%.
        (
            e.failed,
            Limit::both(
                t.lambda.error_rate_warn_pct,
                t.lambda.error_rate_critical_pct,
                Cmp::AtLeast,
                Unit::Percent,
            ),
            "failed",
        )
    } else {
        // 002 パフォーマンス指標: タイムアウト率 < 5%; タイムアウト率アラート: > 10%.
        let limit = Limit {
            warn: Some(t.targets.timeout_rate_pct),
            critical: Some(t.async_processing.timeout_rate_pct),
            cmp: Cmp::Above,
            unit: Unit::Percent,
        };
        (e.timed_out, limit, "timed out")
    };
    Ok(match pct(part as f64, finished) {
        Some(rate) => Row::measured(
            name,
            source,
            rate,
            &limit,
            format!("{part} of {} finished executions {what}", number(finished)),
        ),
        None => Row::new(
            name,
            source,
            Status::Ok,
            "no executions finished in the window",
        )
        .with_threshold(limit.describe()),
    })
}

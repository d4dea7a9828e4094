//! The AsyncProcessing namespace (002 CloudWatch Metrics / 主要メトリクス; アラート対応 gives the
//! importance: error and timeout rates 高 (critical), duration and queue depth 中 (warn)).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Unit};
use super::{Probe, Row};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "async.failed",
            s::ASYNC_METRICS,
            Order::Metrics,
            run!(failed),
        ),
        Check::new(
            "async.timeouts",
            s::ASYNC_TIMEOUT_ALERT,
            Order::Metrics,
            run!(timeouts),
        ),
        Check::new(
            "async.duration",
            s::ASYNC_METRICS,
            Order::Metrics,
            run!(duration),
        ),
        Check::new(
            "async.queue-depth",
            s::QUEUE_DEPTH,
            Order::Metrics,
            run!(queue),
        ),
        Check::new(
            "async.error-rate",
            s::ASYNC_METRICS,
            Order::Metrics,
            run!(error_rate),
        ),
    ]
}

/// The worst 5 minutes of one of the namespace's metrics against its limit.
async fn worst(
    p: &Probe<'_>,
    k: &Check,
    name: &'static str,
    stat: Stat,
    limit: Limit,
    what: &str,
) -> Result<Row> {
    let metric = Metric::new(
        Namespace::Custom(Component::AsyncMetrics),
        name,
        Dimension::None,
    );
    let points = p.series(metric, stat, 300).await?;
    Ok(match metrics::max(&points) {
        Some(v) => {
            let latest = points.last().map(|pt| pt.value).unwrap_or(v);
            k.measured(v, &limit, format!("{what} (latest {})", rounded(latest)))
        }
        None => k.no_data(p, metric, &limit),
    })
}

async fn failed(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.async_processing;
    let limit = Limit::warn(t.failed_per_5min, Cmp::Above, Unit::Count);
    let what = "failed in the worst 5 minutes";
    worst(p, k, "AsyncProcessingFailed", Stat::Sum, limit, what).await
}

async fn timeouts(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.async_processing;
    let limit = Limit::critical(t.timeouts_per_5min, Cmp::Above, Unit::Count);
    let what = "timed out in the worst 5 minutes";
    worst(p, k, "AsyncProcessingTimeout", Stat::Sum, limit, what).await
}

async fn duration(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.async_processing;
    let limit = Limit::warn(t.processing_duration_ms, Cmp::Above, Unit::Millis);
    let what = "average processing time, worst 5 minutes";
    worst(p, k, "ProcessingDuration", Stat::Average, limit, what).await
}

async fn queue(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.async_processing;
    let limit = Limit::warn(t.queue_depth, Cmp::Above, Unit::Count);
    worst(
        p,
        k,
        "QueueDepth",
        Stat::Maximum,
        limit,
        "processes waiting, at most",
    )
    .await
}

async fn error_rate(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.async_processing;
    let limit = Limit::critical(t.error_rate_pct, Cmp::Above, Unit::Percent);
    let what = "error rate, worst 5 minutes";
    worst(p, k, "ErrorRate", Stat::Average, limit, what).await
}

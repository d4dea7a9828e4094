//! The AsyncProcessing namespace (002 CloudWatch Metrics / 主要メトリクス; アラート対応 gives the
//! importance: error and timeout rates 高 (critical), duration and queue depth 中 (warn)).

use super::eval::{Cmp, Limit, Unit, number};
use super::lambda::no_data;
use super::{Kind, Probe, Row};
use crate::aws::metrics::{self, Metric, Stat};
use crate::aws::metrics::{Dimension, Namespace};
use crate::config::Component;
use crate::error::Result;

pub async fn check(p: &Probe<'_>, kind: Kind, name: &str, source: &str) -> Result<Row> {
    let t = &p.ctx.thresholds.async_processing;
    let ns = Namespace::Custom(Component::AsyncMetrics);
    let m = |name| Metric::new(ns, name, Dimension::None);
    let (metric, stat, period, limit, what) = match kind {
        Kind::AsyncFailed => (
            m("AsyncProcessingFailed"),
            Stat::Sum,
            300,
            Limit::warn(t.failed_per_5min, Cmp::Above, Unit::Count),
            "failed in the worst 5 minutes",
        ),
        Kind::AsyncTimeouts => (
            m("AsyncProcessingTimeout"),
            Stat::Sum,
            300,
            Limit::critical(t.timeouts_per_5min, Cmp::Above, Unit::Count),
            "timed out in the worst 5 minutes",
        ),
        Kind::AsyncDuration => (
            m("ProcessingDuration"),
            Stat::Average,
            300,
            Limit::warn(t.processing_duration_ms, Cmp::Above, Unit::Millis),
            "average processing time, worst 5 minutes",
        ),
        Kind::AsyncQueue => (
            m("QueueDepth"),
            Stat::Maximum,
            300,
            Limit::warn(t.queue_depth, Cmp::Above, Unit::Count),
            "processes waiting, at most",
        ),
        _ => (
            m("ErrorRate"),
            Stat::Average,
            300,
            Limit::critical(t.error_rate_pct, Cmp::Above, Unit::Percent),
            "error rate, worst 5 minutes",
        ),
    };
    let points = p.series(metric, stat, period).await?;
    Ok(match metrics::max(&points) {
        Some(v) => {
            let latest = points.last().map(|pt| pt.value).unwrap_or(v);
            Row::measured(
                name,
                source,
                v,
                &limit,
                format!("{what} (latest {})", number(latest)),
            )
        }
        None => no_data(name, source, &limit),
    })
}

//! API Gateway (000 監視項目 / 2. API Gatewayメトリクス) and the profile API's own metrics
//! (003 監視項目 / 1. APIメトリクス).

use super::eval::{Cmp, Limit, Unit, number};
use super::lambda::no_data;
use super::{Kind, Probe, Row, pct};
use crate::aws::metrics::{self, Metric, Stat};
use crate::aws::metrics::{Dimension, Namespace};
use crate::config::Component;
use crate::error::Result;

pub async fn check(p: &Probe<'_>, kind: Kind, name: &str, source: &str) -> Result<Row> {
    let t = &p.ctx.thresholds;
    let window = p.window_secs();
    let api = |m| Metric::new(Namespace::ApiGateway, m, Dimension::Api);
    let profile = |m| {
        Metric::new(
            Namespace::Custom(Component::ProfileMetrics),
            m,
            Dimension::None,
        )
    };
    let sum = |m: Metric| p.series(m, Stat::Sum, window);
    match kind {
        Kind::Api4xx | Kind::Api5xx => {
            let (metric, limit) = if kind == Kind::Api4xx {
                // Client errors are investigated, not paged on.
                (
                    "4XXError",
                    Limit::warn(t.api.client_error_pct, Cmp::AtLeast, Unit::Percent),
                )
            } else {
                (
                    "5XXError",
                    Limit::critical(t.api.server_error_pct, Cmp::AtLeast, Unit::Percent),
                )
            };
            let (errors, count) = tokio::try_join!(sum(api(metric)), sum(api("Count")))?;
            let (errors, count) = (
                metrics::total(&errors).unwrap_or(0.0),
                metrics::total(&count).unwrap_or(0.0),
            );
            Ok(match pct(errors, count) {
                Some(rate) => Row::measured(
                    name,
                    source,
                    rate,
                    &limit,
                    format!(
                        "{} {metric} in {} requests to {}",
                        number(errors),
                        number(count),
                        p.env.names.get(Component::Api)
                    ),
                ),
                None => no_data(name, source, &limit),
            })
        }
        Kind::ApiLatency => {
            let limit = Limit::warn(t.api.latency_p95_ms, Cmp::Above, Unit::Millis);
            let points = p
                .series(api("Latency"), Stat::Percentile(95.0), window)
                .await?;
            Ok(match metrics::max(&points) {
                Some(v) => Row::measured(name, source, v, &limit, "p95 latency"),
                None => no_data(name, source, &limit),
            })
        }
        Kind::ProfileErrors => {
            // ProfileAPIErrors is the share of error responses (003 エラー率: エラーレスポンスの割合).
            let limit = Limit {
                warn: Some(t.profile.error_rate_warn_pct),
                critical: Some(t.profile.error_rate_critical_pct),
                cmp: Cmp::Above,
                unit: Unit::Percent,
            };
            let points = p
                .series(profile("ProfileAPIErrors"), Stat::Average, window)
                .await?;
            Ok(match metrics::mean(&points) {
                Some(v) => Row::measured(name, source, v, &limit, "profile API error rate"),
                None => no_data(name, source, &limit),
            })
        }
        _ => {
            let p95_limit = Limit::warn(t.profile.latency_p95_ms, Cmp::Above, Unit::Millis);
            let p99_limit =
                Limit::critical(t.profile.latency_p99_critical_ms, Cmp::Above, Unit::Millis);
            let (p95, p99) = tokio::try_join!(
                p.series(profile("ProfileAPILatency"), Stat::Percentile(95.0), window),
                p.series(profile("ProfileAPILatency"), Stat::Percentile(99.0), window),
            )?;
            let (Some(p95), Some(p99)) = (metrics::max(&p95), metrics::max(&p99)) else {
                return Ok(no_data(name, source, &p95_limit));
            };
            let status = p95_limit.evaluate(p95).max(p99_limit.evaluate(p99));
            let mut row = Row::measured(
                name,
                source,
                p95,
                &p95_limit,
                format!("p99 {}", Unit::Millis.format(p99)),
            );
            row.status = status;
            row.threshold = Some(format!(
                "p95 {}; p99 {}",
                p95_limit.describe(),
                p99_limit.describe()
            ));
            Ok(row)
        }
    }
}

//! API Gateway (000 監視項目 / 2. API Gatewayメトリクス) and the profile API's own metrics
//! (003 監視項目 / 1. APIメトリクス).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Unit};
use super::{Probe, Row, pct};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new("api.4xx", s::API_4XX, Order::Metrics, run!(client_errors)),
        Check::new("api.5xx", s::API_5XX, Order::Metrics, run!(server_errors)),
        Check::new("api.latency", s::API_LATENCY, Order::Metrics, run!(latency)),
        Check::new(
            "api.profile-errors",
            s::PROFILE_ERRORS,
            Order::Metrics,
            run!(profile_errors),
        ),
        Check::new(
            "api.profile-latency",
            s::PROFILE_LATENCY,
            Order::Metrics,
            run!(profile_latency),
        ),
    ]
}

fn api(name: &'static str) -> Metric {
    Metric::new(Namespace::ApiGateway, name, Dimension::Api)
}

fn profile(name: &'static str) -> Metric {
    Metric::new(
        Namespace::Custom(Component::ProfileMetrics),
        name,
        Dimension::None,
    )
}

/// The share of requests answered with `metric` (4XXError, 5XXError) over the window.
async fn error_share(p: &Probe<'_>, k: &Check, metric: &'static str, limit: Limit) -> Result<Row> {
    let window = p.window_secs();
    let (errors, count) = tokio::try_join!(
        p.series(api(metric), Stat::Sum, window),
        p.series(api("Count"), Stat::Sum, window)
    )?;
    let (errors, count) = (
        metrics::total(&errors).unwrap_or(0.0),
        metrics::total(&count).unwrap_or(0.0),
    );
    Ok(match pct(errors, count) {
        Some(rate) => k.measured(
            rate,
            &limit,
            format!(
                "{} {metric} in {} requests to {}",
                rounded(errors),
                rounded(count),
                p.env.names.get(Component::Api)
            ),
        ),
        None => k.no_data(p, api("Count"), &limit),
    })
}

async fn client_errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    // Client errors are investigated, not paged on.
    let t = &p.ctx.thresholds.api;
    let limit = Limit::warn(t.client_error_pct, Cmp::AtLeast, Unit::Percent);
    error_share(p, k, "4XXError", limit).await
}

async fn server_errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.api;
    let limit = Limit::critical(t.server_error_pct, Cmp::AtLeast, Unit::Percent);
    error_share(p, k, "5XXError", limit).await
}

async fn latency(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let limit = Limit::warn(
        p.ctx.thresholds.api.latency_p95_ms,
        Cmp::Above,
        Unit::Millis,
    );
    let points = p
        .series(api("Latency"), Stat::Percentile(95.0), p.window_secs())
        .await?;
    Ok(match metrics::max(&points) {
        Some(v) => k.measured(v, &limit, "p95 latency"),
        None => k.no_data(p, api("Latency"), &limit),
    })
}

async fn profile_errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    // ProfileAPIErrors is the share of error responses (003 エラー率: エラーレスポンスの割合).
    let t = &p.ctx.thresholds.profile;
    let limit = Limit::both(
        t.error_rate_warn_pct,
        t.error_rate_critical_pct,
        Cmp::Above,
        Unit::Percent,
    );
    let points = p
        .series(profile("ProfileAPIErrors"), Stat::Average, p.window_secs())
        .await?;
    Ok(match metrics::mean(&points) {
        Some(v) => k.measured(v, &limit, "profile API error rate"),
        None => k.no_data(p, profile("ProfileAPIErrors"), &limit),
    })
}

async fn profile_latency(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.profile;
    let window = p.window_secs();
    let p95_limit = Limit::warn(t.latency_p95_ms, Cmp::Above, Unit::Millis);
    let p99_limit = Limit::critical(t.latency_p99_critical_ms, Cmp::Above, Unit::Millis);
    let (p95, p99) = tokio::try_join!(
        p.series(profile("ProfileAPILatency"), Stat::Percentile(95.0), window),
        p.series(profile("ProfileAPILatency"), Stat::Percentile(99.0), window),
    )?;
    let (Some(p95), Some(p99)) = (metrics::max(&p95), metrics::max(&p99)) else {
        return Ok(k.no_data(p, profile("ProfileAPILatency"), &p95_limit));
    };
    let mut row = k.measured(p95, &p95_limit, format!("p99 {}", Unit::Millis.format(p99)));
    row.status = p95_limit.evaluate(p95).max(p99_limit.evaluate(p99));
    row.threshold = Some(format!(
        "p95 {}; p99 {}",
        p95_limit.describe(),
        p99_limit.describe()
    ));
    Ok(row)
}

//! Traffic: requests against the guide's normal range and against the same window one week
//! earlier (003 監視項目 / リクエスト数: 通常時 100-1000/時間, ピーク時 最大5000; 3倍以上 DDoS攻撃の
//! 可能性, 1/3以下 システム障害の可能性; 001 CloudWatch メトリクス: Invocations). A service that
//! went dark is critical.

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row, Window};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "traffic.api-requests",
            s::REQUESTS,
            Order::Metrics,
            run!(api),
        ),
        Check::new(
            "traffic.profile-requests",
            s::REQUESTS,
            Order::Metrics,
            run!(profile),
        ),
        Check::new(
            "traffic.ai-processor-invocations",
            s::INVOCATIONS,
            Order::Metrics,
            run!(ai_processor),
        ),
    ]
}

/// The guide's hourly range for a metric: normal low, normal high, peak.
struct Normal {
    min: f64,
    max: f64,
    peak: f64,
}

async fn api(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let m = Metric::new(Namespace::ApiGateway, "Count", Dimension::Api);
    volume(p, k, m, "requests", None).await
}

async fn profile(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.profile;
    let m = Metric::new(
        Namespace::Custom(Component::ProfileMetrics),
        "ProfileAPIRequests",
        Dimension::None,
    );
    let normal = Normal {
        min: t.requests_per_hour_min,
        max: t.requests_per_hour_max,
        peak: t.requests_per_hour_peak,
    };
    volume(p, k, m, "requests", Some(normal)).await
}

async fn ai_processor(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let m = Metric::new(
        Namespace::Lambda,
        "Invocations",
        Dimension::Function(Component::AiProcessor),
    );
    volume(p, k, m, "invocations", None).await
}

/// The window's total of `metric` per hour, judged against `normal` and the same window a week
/// earlier.
async fn volume(
    p: &Probe<'_>,
    k: &Check,
    metric: Metric,
    what: &str,
    normal: Option<Normal>,
) -> Result<Row> {
    let window = p.window_secs();
    let (now, before) = tokio::try_join!(
        p.series(metric, Stat::Sum, window),
        p.series_in(Window::WeekEarlier, metric, Stat::Sum, window),
    )?;
    let hours = window as f64 / 3600.0;
    let rate = metrics::total(&now).unwrap_or(0.0) / hours;
    let last_week = metrics::total(&before).map(|t| t / hours);
    let t = &p.ctx.thresholds.traffic;
    let mut threshold = vec![format!(
        "critical at 0; warn at ≥ {}× or ≤ 1/{} of a week earlier",
        rounded(t.surge_factor),
        rounded(t.drop_factor)
    )];
    if let Some(n) = &normal {
        threshold.insert(
            0,
            format!(
                "normal {}-{}/h, peak {}/h",
                rounded(n.min),
                rounded(n.max),
                rounded(n.peak)
            ),
        );
    }
    let source = metric.describe(p.env);
    let mut findings: Vec<(Status, String)> = Vec::new();
    if rate == 0.0 {
        findings.push((
            Status::Critical,
            format!(
                "no {what} in the last {}: the service went dark, callers cannot reach it, or {source} is no longer published",
                crate::time::format_duration(p.since)
            ),
        ));
    }
    if let Some(n) = &normal
        && rate > 0.0
    {
        if rate > n.peak {
            findings.push((
                Status::Warn,
                format!("above the guide's peak of {}/h", rounded(n.peak)),
            ));
        } else if rate < n.min {
            findings.push((
                Status::Warn,
                format!("below the guide's normal {}/h", rounded(n.min)),
            ));
        }
    }
    let mut compared = "nothing a week earlier to compare with".to_string();
    match last_week {
        Some(before) if before > 0.0 && rate > 0.0 => {
            let factor = rate / before;
            compared = format!("{}× a week earlier", rounded(factor));
            if factor >= t.surge_factor {
                findings.push((
                    Status::Warn,
                    format!(
                        "{}× the same window a week earlier: a possible attack (DDoS) or a runaway client",
                        rounded(factor)
                    ),
                ));
            } else if factor <= 1.0 / t.drop_factor {
                findings.push((
                    Status::Warn,
                    format!(
                        "{}× the same window a week earlier: a possible outage upstream",
                        rounded(factor)
                    ),
                ));
            }
        }
        _ => {}
    }
    let status = findings.iter().map(|(s, _)| *s).max().unwrap_or(Status::Ok);
    let message = if findings.is_empty() {
        format!("{source}: {compared}")
    } else {
        findings
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let last_week_text = last_week
        .map(|w| format!("a week earlier {}/h", rounded(w)))
        .unwrap_or_else(|| "nothing a week earlier".into());
    Ok(k.row(status, message)
        .with_value(format!("{}/h; {last_week_text}", rounded(rate)))
        .with_threshold(threshold.join("; ")))
}

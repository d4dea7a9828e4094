//! The profile API's durations (003 Lambda関数メトリクス / 実行時間): each endpoint against its
//! normal value, executions past the 10-second timeout, and response times against the same
//! window a week earlier (003 緊急度レベル: 通常の2倍 level 3, 3倍以上 level 2).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::{Probe, Row, Window};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "api.profile-endpoints",
            s::PROFILE_DURATION,
            Order::Logs,
            run!(endpoints),
        ),
        Check::new(
            "api.profile-latency-trend",
            s::PROFILE_SEVERITY,
            Order::Metrics,
            run!(latency_trend),
        ),
        Check::new(
            "lambda.profile.timeout",
            s::PROFILE_DURATION,
            Order::Metrics,
            run!(timeout),
        )
        .about(Component::Profile),
    ]
}

/// The request lines of the profile function: `{"action": "profile_request", "method",
/// "duration"}` (ms).
fn request(message: &str) -> Option<(String, f64)> {
    let v: serde_json::Value = serde_json::from_str(message).ok()?;
    if v.get("action")?.as_str()? != "profile_request" {
        return None;
    }
    Some((
        v.get("method")?.as_str()?.to_ascii_uppercase(),
        v.get("duration")?.as_f64()?,
    ))
}

async fn endpoints(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.profile;
    let events = p.log_scan(Component::Profile).await?;
    let mut by_method: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for (method, ms) in events.iter().filter_map(|e| request(&e.message)) {
        by_method.entry(method).or_default().push(ms);
    }
    let limits = [
        ("GET", t.get_ms),
        ("PUT", t.put_ms),
        ("DELETE", t.delete_ms),
    ];
    let threshold = limits
        .iter()
        .map(|(m, ms)| format!("{m} p95 < {}", Unit::Millis.format(*ms)))
        .collect::<Vec<_>>()
        .join(", ");
    if by_method.is_empty() {
        return Ok(k
            .row(
                Status::Warn,
                format!(
                    "no profile_request lines in {} in the last {}: no traffic, or the function logs requests another way",
                    p.env.names.log_group(Component::Profile),
                    crate::time::format_duration(p.since)
                ),
            )
            .with_value("no requests")
            .with_threshold(threshold));
    }
    let mut status = Status::Ok;
    let mut parts = Vec::new();
    for (method, limit_ms) in limits {
        let Some(values) = by_method.get_mut(method) else {
            parts.push(format!("{method} no requests"));
            continue;
        };
        let n = values.len();
        let p95 = metrics::nearest_rank(values, 95.0).unwrap_or_default();
        let over = p95 >= limit_ms;
        if over {
            status = Status::Warn;
        }
        parts.push(format!(
            "{method} p95 {}{} ({n} requests)",
            Unit::Millis.format(p95),
            if over { " — slower than normal" } else { "" }
        ));
    }
    Ok(k.row(status, parts.join("; "))
        .with_value(format!(
            "{} requests",
            by_method.values().map(Vec::len).sum::<usize>()
        ))
        .with_threshold(threshold))
}

fn profile_latency() -> Metric {
    Metric::new(
        Namespace::Custom(Component::ProfileMetrics),
        "ProfileAPILatency",
        Dimension::None,
    )
}

/// A metric's average now and a week earlier, and their ratio.
async fn against_last_week(p: &Probe<'_>, m: Metric) -> Result<(Option<f64>, Option<f64>)> {
    let window = p.window_secs();
    let (now, before) = tokio::try_join!(
        p.series(m, Stat::Average, window),
        p.series_in(Window::WeekEarlier, m, Stat::Average, window),
    )?;
    Ok((metrics::mean(&now), metrics::mean(&before)))
}

async fn latency_trend(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.profile;
    let limit = Limit::both(
        t.slowdown_warn_factor,
        t.slowdown_critical_factor,
        Cmp::AtLeast,
        Unit::Count,
    );
    let threshold = format!(
        "average vs a week earlier: warn ≥ {}×, critical ≥ {}×",
        rounded(t.slowdown_warn_factor),
        rounded(t.slowdown_critical_factor)
    );
    let (now, before) = against_last_week(p, profile_latency()).await?;
    let Some(now) = now else {
        return Ok(k.no_data(p, profile_latency(), &limit));
    };
    let Some(before) = before.filter(|b| *b > 0.0) else {
        // Without a baseline the row cannot look: it says so rather than pass.
        return Ok(k
            .row(
                Status::Warn,
                "no data a week earlier to compare with: the trend cannot be judged",
            )
            .with_value(format!("avg {}", Unit::Millis.format(now)))
            .with_threshold(threshold));
    };
    let factor = now / before;
    let mut row = k.measured(
        factor,
        &limit,
        format!(
            "average {} against {} a week earlier",
            Unit::Millis.format(now),
            Unit::Millis.format(before)
        ),
    );
    row.value = Some(format!("{}×", rounded(factor)));
    row.threshold = Some(threshold);
    Ok(row)
}

async fn timeout(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let t = &p.ctx.thresholds.profile;
    let duration = Metric::new(
        Namespace::Lambda,
        "Duration",
        Dimension::Function(Component::Profile),
    );
    let timed_out = Limit::critical(t.timeout_ms, Cmp::Above, Unit::Millis);
    let (points, (now, before)) = tokio::try_join!(
        p.series(duration, Stat::Maximum, p.window_secs()),
        against_last_week(p, duration),
    )?;
    let Some(longest) = metrics::max(&points) else {
        return Ok(k.no_data(p, duration, &timed_out));
    };
    let mut row = k.measured(longest, &timed_out, "the longest execution");
    let factor = match (now, before) {
        (Some(n), Some(b)) if b > 0.0 => Some(n / b),
        _ => None,
    };
    if let Some(f) = factor {
        row.message = format!("{}; average {}× a week earlier", row.message, rounded(f));
        if f >= t.slowdown_warn_factor {
            row.status = row.status.max(Status::Warn);
            row.message.push_str(" (a sudden rise)");
        }
    }
    row.threshold = Some(format!(
        "{} (a timeout); warn at ≥ {}× a week earlier's average",
        timed_out.describe(),
        rounded(t.slowdown_warn_factor)
    ));
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines_and_percentiles() {
        assert_eq!(
            request(r#"{"action":"profile_request","method":"get","duration":120}"#),
            Some(("GET".into(), 120.0))
        );
        assert_eq!(
            request(r#"{"action":"other","method":"GET","duration":1}"#),
            None
        );
        assert_eq!(request("START RequestId: x"), None);
        let mut v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(metrics::nearest_rank(&mut v, 95.0), Some(95.0));
        assert_eq!(metrics::nearest_rank(&mut [], 95.0), None);
    }
}

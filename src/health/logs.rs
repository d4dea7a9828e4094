//! Log checks: ERROR events per function (004 ヘルスチェックスクリプト step 5, judged by
//! 003 ログ監視: > 10 per 5 minutes), and seed 000's "DatabaseError" (≥ 5/hour) and
//! "transaction failed" (≥ 3/hour) searches (000 監視項目 / 4. データベースメトリクス).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::{Probe, Row};
use crate::aws::logs as cwlogs;
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;

/// ERROR events of each function, then the two phrase searches over all of them.
pub fn checks() -> Vec<Check> {
    let mut checks: Vec<Check> = Component::functions()
        .map(|c| {
            Check::new(
                format!("logs.{}.errors", c.id()),
                s::ERROR_LOGS,
                Order::Logs,
                run!(errors),
            )
            .about(c)
        })
        .collect();
    checks.push(Check::new(
        "logs.database-errors",
        s::DB_LOG_ERRORS,
        Order::Logs,
        run!(database_errors),
    ));
    checks.push(Check::new(
        "logs.transaction-failures",
        s::DB_LOG_ERRORS,
        Order::Logs,
        run!(transaction_failures),
    ));
    checks
}

/// At most this many events are read per check; enough to judge any threshold of the guides.
const MAX_EVENTS: usize = 20_000;

/// Is this log line an ERROR: a structured event with `level` ERROR, or a plain line saying so.
pub fn is_error(message: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(message) {
        Ok(v) => v.get("level").and_then(|l| l.as_str()) == Some("ERROR"),
        Err(_) => message.contains("ERROR"),
    }
}

/// The largest number of timestamps (ms) within any `window_ms` (a sliding window, so a burst
/// across a period boundary counts whole: "3件/時間以上" is three within any hour).
pub fn max_in_window(timestamps: impl IntoIterator<Item = i64>, window_ms: i64) -> usize {
    let mut ts: Vec<i64> = timestamps.into_iter().collect();
    ts.sort_unstable();
    let mut best = 0;
    let mut first = 0;
    for last in 0..ts.len() {
        while ts[last] - ts[first] >= window_ms {
            first += 1;
        }
        best = best.max(last - first + 1);
    }
    best
}

/// What the log checks look for, in one filter pattern (CloudWatch's `?a ?b` is "a or b";
/// endpoints that ignore it return everything, and each check classifies lines itself).
/// Besides errors: the profile API's request lines (`api.profile-endpoints`), rate-limit
/// rejections (`security.rate-limit`) and progress updates (`logs.progress-decrease`).
const SCAN_PATTERN: &str =
    "?ERROR ?DatabaseError ?\"transaction failed\" ?profile_request ?RATE_LIMIT_EXCEEDED ?progress";

pub async fn scan(p: &Probe<'_>, c: Component) -> Result<Vec<cwlogs::Event>> {
    let aws = p.ctx.aws().await?;
    cwlogs::filter(
        aws,
        &p.env.names.log_group(c),
        Some(SCAN_PATTERN),
        p.start,
        p.end,
        MAX_EVENTS,
    )
    .await
}

async fn errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let group = p.env.names.log_group(c);
    let events = p.log_scan(c).await?;
    let errors: Vec<i64> = events
        .iter()
        .filter(|e| is_error(&e.message))
        .map(|e| e.timestamp)
        .collect();
    let worst = max_in_window(errors.iter().copied(), 300_000);
    // The profile API's guide sets its own level (003 ログ監視); 004's applies to the rest.
    let per_5min = match c {
        Component::Profile => p.ctx.thresholds.profile.error_logs_per_5min,
        _ => p.ctx.thresholds.logs.error_events_per_5min,
    };
    let limit = Limit::warn(per_5min, Cmp::Above, Unit::Count);
    // No errors in a group that got nothing at all is not a pass: nothing was there to count.
    if errors.is_empty() && events.is_empty() {
        let aws = p.ctx.aws().await?;
        if cwlogs::filter(aws, &group, None, p.start, p.end, 1)
            .await?
            .is_empty()
        {
            return Ok(k
                .row(
                    Status::Warn,
                    format!(
                        "no events in {group} in the last {}: the function was not invoked, or it logs elsewhere, so its errors could not be counted",
                        crate::time::format_duration(p.since)
                    ),
                )
                .with_value("no events")
                .with_threshold(format!("{} per 5 min", limit.describe())));
        }
    }
    let mut row = k.measured(
        worst as f64,
        &limit,
        format!("{} ERROR events in {group}", errors.len()),
    );
    row.value = Some(format!("{} (max {worst}/5 min)", errors.len()));
    row.threshold = Some(format!("{} per 5 min", limit.describe()));
    Ok(row)
}

async fn database_errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let per_hour = p.ctx.thresholds.logs.database_errors_per_hour;
    phrase(p, k, "DatabaseError", per_hour).await
}

async fn transaction_failures(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let per_hour = p.ctx.thresholds.logs.transaction_failures_per_hour;
    phrase(p, k, "transaction failed", per_hour).await
}

/// Lines containing `phrase` in every function's group, the busiest hour against `per_hour`.
async fn phrase(p: &Probe<'_>, k: &Check, phrase: &str, per_hour: f64) -> Result<Row> {
    let functions: Vec<Component> = Component::functions().collect();
    let results = futures::future::join_all(functions.iter().map(|c| p.log_scan(*c))).await;
    let mut hits = Vec::new();
    let mut missing = 0;
    for r in results {
        match r {
            Ok(events) => hits.extend(
                events
                    .iter()
                    .filter(|e| e.message.contains(phrase))
                    .map(|e| e.timestamp),
            ),
            Err(crate::error::Error::Failed { .. }) => missing += 1,
            Err(e) => return Err(e),
        }
    }
    let worst = max_in_window(hits.iter().copied(), 3_600_000);
    let limit = Limit::warn(per_hour, Cmp::AtLeast, Unit::Count);
    let mut row = k.measured(
        worst as f64,
        &limit,
        format!("\"{phrase}\" in {} log groups", functions.len() - missing),
    );
    row.value = Some(format!("{} (max {worst}/hour)", hits.len()));
    row.threshold = Some(format!("{} per hour", limit.describe()));
    if missing == functions.len() {
        row.status = Status::Unknown;
        row.message = "no log group of the service exists".into();
    } else if missing > 0 {
        row.message = format!("{}; {missing} log groups missing", row.message);
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines() {
        assert!(is_error(r#"{"level":"ERROR","message":"x"}"#));
        assert!(!is_error(r#"{"level":"INFO","message":"no ERROR here"}"#));
        assert!(is_error("2026-11-22T00:00:00Z\tabc\tERROR\tInvoke Error"));
        assert!(!is_error("REPORT RequestId: x Duration: 1 ms"));
    }

    #[test]
    fn sliding_windows() {
        let five = 300_000;
        assert_eq!(max_in_window([], five), 0);
        assert_eq!(max_in_window([0, 1, 2, five, five + 1], five), 3);
        // A window is half-open: events exactly one window apart are not together.
        assert_eq!(max_in_window([0, five], five), 1);
        // Eleven within five minutes crosses 003's "> 10 per 5 minutes"; ten does not.
        let ten: Vec<i64> = (0..10).map(|i| i * 1000).collect();
        assert_eq!(max_in_window(ten.clone(), five), 10);
        assert_eq!(max_in_window(ten.into_iter().chain([11_000]), five), 11);
        // Three failures spread across an hour boundary are still three in an hour.
        let hour = 3_600_000;
        assert_eq!(
            max_in_window([hour - 60_000, hour + 60_000, hour + 120_000], hour),
            3
        );
    }
}

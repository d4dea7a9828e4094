//! What the guides' security checks and data-consistency checks read from the logs: users the
//! rate limit turned away (002 セキュリティ管理 / API認証: 20リクエスト/分/ユーザー; 日次:
//! レート制限超過を確認), and processes whose logged progress went down (004 進捗率の異常).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::{Probe, Row};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "security.rate-limit",
            s::RATE_LIMIT,
            Order::Logs,
            run!(rate_limit),
        ),
        Check::new(
            "logs.progress-decrease",
            s::PROGRESS_DOWN,
            Order::Logs,
            run!(progress_decrease),
        ),
    ]
}

fn json(message: &str) -> Option<Value> {
    serde_json::from_str::<Value>(message)
        .ok()
        .filter(Value::is_object)
}

/// A rate-limit rejection: `error.code` RATE_LIMIT_EXCEEDED or HTTP 429, with its user.
fn rejected_user(v: &Value) -> Option<String> {
    let rejected = v["error"]["code"].as_str() == Some("RATE_LIMIT_EXCEEDED")
        || v["statusCode"].as_i64() == Some(429);
    rejected.then(|| v["userId"].as_str().unwrap_or("(no user)").to_string())
}

/// Every function's scanned events, each function's group read once for all log checks.
async fn all_events<'a>(p: &'a Probe<'_>) -> Result<Vec<&'a crate::aws::logs::Event>> {
    let functions: Vec<Component> = Component::functions().collect();
    let scans = futures::future::join_all(functions.iter().map(|c| p.log_scan(*c))).await;
    let mut events = Vec::new();
    for scan in scans {
        match scan {
            Ok(e) => events.extend(e.iter()),
            // A missing group is the retention and error rows' finding.
            Err(crate::error::Error::Failed { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(events)
}

async fn rate_limit(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let per_minute = p.ctx.thresholds.security.rate_limit_per_minute;
    let events = all_events(p).await?;
    if events.is_empty() {
        // No request was logged at all: nothing shows whether any was turned away.
        return Ok(k
            .row(
                Status::Warn,
                "no log events in any function's group: rejections cannot be counted",
            )
            .with_value("no data"));
    }
    let mut by_user: BTreeMap<String, usize> = BTreeMap::new();
    for e in events {
        if let Some(user) = json(&e.message).as_ref().and_then(rejected_user) {
            *by_user.entry(user).or_default() += 1;
        }
    }
    let mut users: Vec<(String, usize)> = by_user.into_iter().collect();
    users.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let worst = users.first().map(|u| u.1).unwrap_or(0);
    // A user turned away a minute's worth of requests was hammering the API, not unlucky.
    let limit = Limit::warn(per_minute, Cmp::AtLeast, Unit::Count);
    let total: usize = users.iter().map(|u| u.1).sum();
    let listed: Vec<String> = users
        .iter()
        .take(5)
        .map(|(u, n)| format!("{u} {n}"))
        .collect();
    let message = if users.is_empty() {
        "no request was turned away by the rate limit".to_string()
    } else {
        format!(
            "{total} requests turned away; by user: {}",
            listed.join(", ")
        )
    };
    let mut row = k.measured(worst as f64, &limit, message);
    row.value = Some(format!("{worst} (most from one user)"));
    row.threshold = Some(format!(
        "warn ≥ {} rejections of one user (the limit: {}/min)",
        rounded(per_minute),
        rounded(per_minute)
    ));
    Ok(row)
}

/// Processes whose logged progress went below a value it had already reached.
fn decreased(events: &[(i64, String, f64)]) -> Vec<(String, f64, f64)> {
    let mut sorted: Vec<&(i64, String, f64)> = events.iter().collect();
    sorted.sort_by_key(|e| e.0);
    let mut highest: HashMap<&str, f64> = HashMap::new();
    let mut found: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (_, id, progress) in sorted {
        let top = highest.entry(id.as_str()).or_insert(*progress);
        if *progress < *top {
            found.entry(id.clone()).or_insert((*top, *progress));
        }
        *top = top.max(*progress);
    }
    found
        .into_iter()
        .map(|(id, (from, to))| (id, from, to))
        .collect()
}

async fn progress_decrease(p: &Probe<'_>, k: &Check) -> Result<Row> {
    // The worker is the one that updates progress (002 処理フロー 4).
    let events = p.log_scan(Component::AiGenerationWorker).await?;
    let points: Vec<(i64, String, f64)> = events
        .iter()
        .filter_map(|e| {
            let v = json(&e.message)?;
            Some((
                e.timestamp,
                v["processId"].as_str()?.to_string(),
                v["progress"].as_f64()?,
            ))
        })
        .collect();
    if points.is_empty() {
        // No progress was logged: a decrease could not be seen.
        return Ok(k
            .row(
                Status::Warn,
                format!(
                    "no progress updates in {}: a decrease cannot be seen",
                    p.env.names.log_group(Component::AiGenerationWorker)
                ),
            )
            .with_value("no data"));
    }
    let found = decreased(&points);
    let limit = Limit::warn(1.0, Cmp::AtLeast, Unit::Count);
    let message = if found.is_empty() {
        format!(
            "no logged progress went down ({} progress updates)",
            points.len()
        )
    } else {
        found
            .iter()
            .take(5)
            .map(|(id, from, to)| format!("{id} {} → {}", rounded(*from), rounded(*to)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(k.measured(found.len() as f64, &limit, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejections_and_decreases() {
        let v = |s: &str| json(s).unwrap();
        assert_eq!(
            rejected_user(&v(
                r#"{"userId":"u1","error":{"code":"RATE_LIMIT_EXCEEDED"}}"#
            )),
            Some("u1".into())
        );
        assert_eq!(
            rejected_user(&v(r#"{"statusCode":429}"#)),
            Some("(no user)".into())
        );
        assert_eq!(rejected_user(&v(r#"{"statusCode":200}"#)), None);
        let e = |t: i64, id: &str, p: f64| (t, id.to_string(), p);
        // Out of order in the scan, but in order by time: 0, 50, 100 is fine.
        assert!(decreased(&[e(3, "a", 100.0), e(1, "a", 0.0), e(2, "a", 50.0)]).is_empty());
        assert_eq!(
            decreased(&[e(1, "b", 60.0), e(2, "b", 40.0), e(3, "b", 30.0)]),
            vec![("b".to_string(), 60.0, 40.0)]
        );
    }
}

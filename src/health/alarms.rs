//! Every alarm of the environment in ALARM (critical) or INSUFFICIENT_DATA (unknown)
//! (001 アラーム状態の確認).

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::config::thresholds::sources as s;
use crate::error::Result;

pub fn checks() -> Vec<Check> {
    vec![Check::new(
        "alarms",
        s::ALARMS,
        Order::Describe,
        run!(state),
    )]
}

/// One row per alarm in ALARM or INSUFFICIENT_DATA, or one row saying none is.
async fn state(p: &Probe<'_>, k: &Check) -> Result<Vec<Row>> {
    let (name, source) = (k.name.as_str(), k.source);
    let alarms = crate::alarms::fetch(p.ctx, None).await?;
    let mut rows = Vec::new();
    for a in &alarms {
        let status = match a.state.as_str() {
            "ALARM" => Status::Critical,
            "INSUFFICIENT_DATA" => Status::Unknown,
            _ => continue,
        };
        let since = a
            .since
            .map(|t| format!(" since {}", t.strftime("%Y-%m-%d %H:%M:%S UTC")))
            .unwrap_or_default();
        let runbook = a
            .runbook
            .as_ref()
            .map(|r| format!(" (runbook: {r})"))
            .unwrap_or_default();
        rows.push(
            Row::new(
                format!("{name}.{}", a.name),
                source,
                status,
                format!("{}{since}{runbook}", a.reason),
            )
            .with_value(a.state.as_str())
            .with_threshold("OK"),
        );
    }
    if rows.is_empty() {
        rows.push(
            Row::new(
                name,
                source,
                Status::Ok,
                format!(
                    "{} alarms, none in ALARM or INSUFFICIENT_DATA",
                    alarms.len()
                ),
            )
            .with_value(format!("{} OK", alarms.len())),
        );
    }
    Ok(rows)
}

//! Alarms: every alarm of the environment in ALARM (critical) or INSUFFICIENT_DATA (unknown)
//! (001 アラーム状態の確認), and the guides' alarms as deployed (see `alarm_config`).

use super::alarm_config;
use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::config::thresholds::sources as s;
use crate::error::Result;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new("alarms", s::ALARMS, Order::Describe, run!(state)),
        Check::new(
            "alarms.config",
            s::ALARM_SPECS,
            Order::Describe,
            run!(alarm_config::config),
        ),
    ]
}

/// One row per alarm in ALARM (critical) or INSUFFICIENT_DATA (warn: an alarm without data
/// watches nothing), or one row saying none is. An environment without alarms is critical:
/// nothing would alert anyone.
async fn state(p: &Probe<'_>, k: &Check) -> Result<Vec<Row>> {
    let (name, source) = (k.name.as_str(), k.source);
    let alarms = crate::alarms::owned(p.env, p.alarms().await?);
    if alarms.is_empty() {
        return Ok(vec![
            k.row(
                Status::Critical,
                "the environment has no alarms: nothing would alert anyone (`health --check alarms.config` lists the guides' alarms)",
            )
            .with_value("0 alarms"),
        ]);
    }
    let mut rows = Vec::new();
    for a in &alarms {
        let (status, why) = match a.state.as_str() {
            "ALARM" => (Status::Critical, ""),
            "INSUFFICIENT_DATA" => (
                Status::Warn,
                " (the metric has no datapoints: it stopped being published, the alarm's namespace or dimension is wrong, or there is no traffic)",
            ),
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
                format!("{}{since}{why}{runbook}", a.reason),
            )
            .with_value(a.state.as_str())
            .with_threshold("OK"),
        );
    }
    if rows.is_empty() {
        rows.push(
            k.row(
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

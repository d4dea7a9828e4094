//! CloudWatch alarms of the service: the catalog the guides define, their state now
//! (001 アラーム状態の確認) and their transitions.

pub mod catalog;
pub mod drift;
mod history;
mod list;

pub use history::{HistoryReport, Transition, history, transitions};
pub use list::{ListReport, list};

use crate::config::Environment;
use crate::context::Context;
use crate::error::{Error, Result};
use aws_sdk_cloudwatch::types::{MetricAlarm, StateValue};
use serde::Serialize;

/// One alarm as CloudWatch reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Alarm {
    pub name: String,
    pub state: String,
    pub reason: String,
    pub since: Option<jiff::Timestamp>,
    pub metric: Option<String>,
    /// The runbook that answers it (`runbook for NAME`).
    pub runbook: Option<String>,
}

/// `OK`, `ALARM` or `INSUFFICIENT_DATA`, in any case.
pub fn parse_state(s: &str) -> Result<StateValue> {
    match s.to_ascii_uppercase().replace('-', "_").as_str() {
        "OK" => Ok(StateValue::Ok),
        "ALARM" => Ok(StateValue::Alarm),
        "INSUFFICIENT_DATA" => Ok(StateValue::InsufficientData),
        _ => Err(Error::usage(format!("unknown alarm state `{s}`"))
            .with_hint("states: OK, ALARM, INSUFFICIENT_DATA")),
    }
}

/// The environment's metric alarms, optionally in one state, in name order.
pub async fn fetch(ctx: &Context, state: Option<StateValue>) -> Result<Vec<Alarm>> {
    let raw = crate::aws::alarms::describe_all(ctx.aws().await?, state).await?;
    Ok(owned(ctx.env()?, &raw))
}

/// The alarms of `raw` that belong to `env`, in name order.
pub fn owned(env: &Environment, raw: &[MetricAlarm]) -> Vec<Alarm> {
    let mut out: Vec<Alarm> = raw
        .iter()
        .filter(|a| env.owns_alarm(a.alarm_name().unwrap_or_default()))
        .map(|a| {
            let name = a.alarm_name().unwrap_or_default();
            Alarm {
                name: name.to_string(),
                state: a
                    .state_value()
                    .map(|s| s.as_str())
                    .unwrap_or("")
                    .to_string(),
                reason: a.state_reason().unwrap_or_default().to_string(),
                since: a
                    .state_updated_timestamp()
                    .and_then(crate::aws::to_timestamp),
                metric: a.metric_name().map(str::to_string),
                runbook: catalog::AlarmSpec::matching(name).map(|s| s.runbook.to_string()),
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

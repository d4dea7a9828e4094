//! The guides' alarms in the states the scenario's metrics put them in (the emulator evaluates
//! none).

use super::{AlarmState, Datum};
use crate::alarms::catalog::ALARMS;
use crate::aws::metrics::Namespace;
use crate::config::Thresholds;
use jiff::{SignedDuration, Timestamp};

/// The emulator never evaluates alarms, so the sandbox does, as CloudWatch would: each alarm of
/// the catalogue over its latest period of the seeded data.
pub fn alarm_states(metrics: &[Datum], now: Timestamp, t: &Thresholds) -> Vec<AlarmState> {
    ALARMS
        .iter()
        .map(|spec| {
            let threshold = (spec.threshold)(t);
            let since = now - SignedDuration::from_secs(spec.period_secs as i64);
            let values_of = |metric: &str| -> Vec<f64> {
                metrics
                    .iter()
                    .filter(|d| {
                        d.namespace == spec.namespace
                            && d.metric == metric
                            && d.dimension == spec.dimension
                            && d.timestamp >= since
                    })
                    .map(|d| d.value)
                    .collect()
            };
            let values = values_of(spec.metric);
            if values.is_empty() {
                return AlarmState {
                    spec,
                    state: "INSUFFICIENT_DATA",
                    reason: "Insufficient Data: no datapoints".into(),
                };
            }
            let value = match spec.statistic {
                // Lambda publishes Errors as 0 or 1 per invocation, so their Average is the error
                // rate; the plan's datapoints are counts per minute.
                "Average" if spec.namespace == Namespace::Lambda && spec.metric == "Errors" => {
                    let invocations: f64 = values_of("Invocations").iter().sum();
                    values.iter().sum::<f64>() / invocations.max(1.0)
                }
                "Sum" => values.iter().sum(),
                "Maximum" => values.iter().cloned().fold(f64::MIN, f64::max),
                p if p.starts_with('p') => {
                    let mut values = values.clone();
                    let pct = p[1..].parse().unwrap_or(100.0);
                    crate::aws::metrics::nearest_rank(&mut values, pct).unwrap_or_default()
                }
                _ => values.iter().sum::<f64>() / values.len() as f64,
            };
            let breach = match spec.comparison {
                ">=" => value >= threshold,
                _ => value > threshold,
            };
            AlarmState {
                spec,
                state: if breach { "ALARM" } else { "OK" },
                reason: format!(
                    "Threshold {}: 1 datapoint [{}] was {}{} the threshold ({})",
                    if breach { "Crossed" } else { "not crossed" },
                    (value * 1e4).round() / 1e4,
                    if breach { "" } else { "not " },
                    if spec.comparison == ">=" {
                        "greater than or equal to"
                    } else {
                        "greater than"
                    },
                    threshold
                ),
            }
        })
        .collect()
}

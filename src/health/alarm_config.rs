//! The guides' alarms as deployed: each exists, watches the metric the guide names, fires where
//! the guide says, and notifies an SNS topic (001 CloudWatch アラーム; 003 CloudWatchアラーム設定:
//! SNS通知; 002 アラート一覧). Alarms of the environment the guides do not name are listed, not
//! judged.

use super::check::Check;
use super::eval::Status;
use super::{Probe, Row};
use crate::alarms::catalog::{ALARMS, AlarmSpec};
use crate::alarms::drift::{Finding, compare, describe_live};
use crate::error::Result;

pub async fn config(p: &Probe<'_>, k: &Check) -> Result<Vec<Row>> {
    let alarms = p.alarms().await?;
    let t = &p.ctx.thresholds;
    let by_name = |name: &str| alarms.iter().find(|a| a.alarm_name() == Some(name));
    let mut rows = Vec::new();
    for spec in ALARMS {
        let name = spec.resolved_name(p.env);
        let row = |status, message: String| {
            Row::new(format!("{}.{name}", k.name), spec.source, status, message)
                .with_threshold(spec.describe(t))
        };
        let Some(alarm) = by_name(&name) else {
            rows.push(
                row(
                    Status::Critical,
                    format!("missing: nothing alerts on {}", spec.describe(t)),
                )
                .with_value("missing"),
            );
            continue;
        };
        let findings = compare(spec, p.env, t, alarm);
        let status = findings
            .iter()
            .map(|f| match f {
                Finding::Silent(_) => Status::Critical,
                Finding::Differs(_) => Status::Warn,
            })
            .max();
        if let Some(status) = status {
            let message = findings
                .iter()
                .map(|f| match f {
                    Finding::Silent(why) => why.clone(),
                    Finding::Differs(d) => d.join("; "),
                })
                .collect::<Vec<_>>()
                .join("; ");
            rows.push(row(status, message).with_value(describe_live(alarm)));
        }
    }
    let judged = ALARMS.len() - rows.len();
    let others: Vec<&str> = alarms
        .iter()
        .filter_map(|a| a.alarm_name())
        .filter(|n| p.env.owns_alarm(n) && AlarmSpec::find(p.env, n).is_none())
        .collect();
    let mut message = format!(
        "{judged} of {} guide alarms as specified, each notifying an SNS topic",
        ALARMS.len()
    );
    if !others.is_empty() {
        message.push_str(&format!(
            "; not in the guides (listed, not judged): {}",
            others.join(", ")
        ));
    }
    rows.insert(
        0,
        k.row(Status::Ok, message)
            .with_value(format!("{judged} of {}", ALARMS.len())),
    );
    Ok(rows)
}

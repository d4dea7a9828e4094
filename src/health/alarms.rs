//! Every alarm of the environment in ALARM (critical) or INSUFFICIENT_DATA (unknown)
//! (001 アラーム状態の確認).

use super::eval::Status;
use super::{Probe, Row};
use crate::alarms::catalog::AlarmSpec;
use crate::error::{Result, aws_err};

pub async fn check(p: &Probe<'_>, name: &str, source: &str) -> Result<Vec<Row>> {
    let aws = p.ctx.aws().await?;
    let mut pages = aws.cloudwatch.describe_alarms().into_paginator().send();
    let mut total = 0;
    let mut rows = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err("CloudWatch", "DescribeAlarms", "listing alarms"))?;
        for a in page.metric_alarms() {
            let alarm = a.alarm_name().unwrap_or_default();
            if !p.env.owns_alarm(alarm) {
                continue;
            }
            total += 1;
            let state = a.state_value().map(|s| s.as_str()).unwrap_or("");
            let status = match state {
                "ALARM" => Status::Critical,
                "INSUFFICIENT_DATA" => Status::Unknown,
                _ => continue,
            };
            let since = a
                .state_updated_timestamp()
                .and_then(crate::aws::to_timestamp)
                .map(|t| format!(" since {}", t.strftime("%Y-%m-%d %H:%M:%S UTC")))
                .unwrap_or_default();
            let runbook = AlarmSpec::find(p.env, alarm)
                .map(|s| format!(" (runbook: {})", s.runbook))
                .unwrap_or_default();
            rows.push(
                Row::new(
                    format!("{name}.{alarm}"),
                    source,
                    status,
                    format!("{}{since}{runbook}", a.state_reason().unwrap_or_default()),
                )
                .with_value(state)
                .with_threshold("OK"),
            );
        }
    }
    if rows.is_empty() {
        rows.push(
            Row::new(
                name,
                source,
                Status::Ok,
                format!("{total} alarms, none in ALARM or INSUFFICIENT_DATA"),
            )
            .with_value(format!("{total} OK")),
        );
    }
    Ok(rows)
}

//! CloudWatch alarms as the API describes them: every metric alarm of the account, and the
//! configuration changes CloudWatch keeps in its alarm history.

use super::{Clients, from_timestamp, to_timestamp};
use crate::error::{Result, aws_err};
use aws_sdk_cloudwatch::types::{HistoryItemType, MetricAlarm, StateValue};
use jiff::Timestamp;

/// Every metric alarm, optionally in one state (DescribeAlarms, all pages).
pub async fn describe_all(aws: &Clients, state: Option<StateValue>) -> Result<Vec<MetricAlarm>> {
    let mut pages = aws
        .cloudwatch
        .describe_alarms()
        .set_state_value(state)
        .into_paginator()
        .send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err("CloudWatch", "DescribeAlarms", "listing alarms"))?;
        out.extend(page.metric_alarms().iter().cloned());
    }
    Ok(out)
}

/// One configuration change of an alarm: created, updated or deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigChange {
    pub alarm: String,
    pub at: Option<Timestamp>,
    /// CloudWatch's own summary ("Alarm "x" updated").
    pub summary: String,
}

/// The account's alarm configuration changes in `[start, end]` (DescribeAlarmHistory with
/// ConfigurationUpdate items), newest first.
pub async fn configuration_changes(
    aws: &Clients,
    start: Timestamp,
    end: Timestamp,
) -> Result<Vec<ConfigChange>> {
    let mut pages = aws
        .cloudwatch
        .describe_alarm_history()
        .history_item_type(HistoryItemType::ConfigurationUpdate)
        .start_date(from_timestamp(start))
        .end_date(from_timestamp(end))
        .into_paginator()
        .send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "CloudWatch",
            "DescribeAlarmHistory",
            "reading alarm configuration changes",
        ))?;
        out.extend(page.alarm_history_items().iter().map(|i| ConfigChange {
            alarm: i.alarm_name().unwrap_or_default().to_string(),
            at: i.timestamp().and_then(to_timestamp),
            summary: i.history_summary().unwrap_or_default().to_string(),
        }));
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.at));
    Ok(out)
}

//! `alarms history NAME`: an alarm's state transitions (DescribeAlarmHistory, StateUpdate).

use super::list::state_cell;
use crate::context::Context;
use crate::error::{Error, Result, aws_err};
use crate::output::{Cell, Doc, Render, Table, Tone};
use aws_sdk_cloudwatch::types::HistoryItemType;
use serde::Serialize;
use std::time::Duration;

#[derive(Debug, Serialize)]
pub struct Transition {
    pub alarm: String,
    pub at: Option<jiff::Timestamp>,
    pub from: String,
    pub to: String,
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub struct HistoryReport {
    pub alarm: String,
    pub state: String,
    pub since: jiff::Timestamp,
    pub transitions: Vec<Transition>,
}

/// `oldState.stateValue` and `newState.stateValue` of a StateUpdate's history data.
fn states(data: &str) -> (String, String) {
    let v: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
    let get = |k: &str| v[k]["stateValue"].as_str().unwrap_or("?").to_string();
    (get("oldState"), get("newState"))
}

pub async fn history(ctx: &Context, name: &str, since: Duration) -> Result<HistoryReport> {
    let aws = ctx.aws().await?;
    let start = crate::time::before(jiff::Timestamp::now(), since, "--since")?;
    let found = aws
        .cloudwatch
        .describe_alarms()
        .alarm_names(name)
        .send()
        .await
        .map_err(aws_err(
            "CloudWatch",
            "DescribeAlarms",
            format!("reading {name}"),
        ))?;
    let Some(alarm) = found.metric_alarms().first() else {
        let known = super::fetch(ctx, None).await.unwrap_or_default();
        let names: Vec<&str> = known.iter().map(|a| a.name.as_str()).take(20).collect();
        return Err(Error::usage(format!("no alarm named `{name}`")).with_hint(
            if names.is_empty() {
                "`mandala-ops alarms` lists them".into()
            } else {
                format!("alarms: {}", names.join(", "))
            },
        ));
    };
    let mut transitions = transitions(aws, Some(name), start, jiff::Timestamp::now()).await?;
    transitions.reverse();
    Ok(HistoryReport {
        alarm: name.to_string(),
        state: alarm
            .state_value()
            .map(|s| s.as_str())
            .unwrap_or("")
            .to_string(),
        since: start,
        transitions,
    })
}

/// The state transitions in `[start, end]` of the alarm `name`, or of every alarm, oldest first
/// (DescribeAlarmHistory, all pages).
pub async fn transitions(
    aws: &crate::aws::Clients,
    name: Option<&str>,
    start: jiff::Timestamp,
    end: jiff::Timestamp,
) -> Result<Vec<Transition>> {
    let mut pages = aws
        .cloudwatch
        .describe_alarm_history()
        .set_alarm_name(name.map(str::to_string))
        .history_item_type(HistoryItemType::StateUpdate)
        .start_date(crate::aws::from_timestamp(start))
        .end_date(crate::aws::from_timestamp(end))
        .into_paginator()
        .send();
    let mut transitions = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "CloudWatch",
            "DescribeAlarmHistory",
            format!("reading the history of {}", name.unwrap_or("the alarms")),
        ))?;
        for item in page.alarm_history_items() {
            let (from, to) = states(item.history_data().unwrap_or("{}"));
            transitions.push(Transition {
                alarm: item.alarm_name().unwrap_or_default().to_string(),
                at: item.timestamp().and_then(crate::aws::to_timestamp),
                from,
                to,
                summary: item.history_summary().unwrap_or_default().to_string(),
            });
        }
    }
    transitions.sort_by_key(|t| t.at);
    Ok(transitions)
}

impl Render for HistoryReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("{} (now {})", self.alarm, self.state));
        let mut t = Table::new(["at", "from", "to", "summary"]);
        for tr in &self.transitions {
            t.row([
                Cell::new(
                    tr.at
                        .map(|t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
                        .unwrap_or_default(),
                ),
                state_cell(&tr.from),
                state_cell(&tr.to),
                Cell::new(&tr.summary),
            ]);
        }
        doc.table(t);
        if self.transitions.is_empty() {
            doc.note(
                Tone::Dim,
                format!(
                    "no transitions since {}",
                    self.since.strftime("%Y-%m-%d %H:%M UTC")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EnvName;
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatch::Client;
    use aws_sdk_cloudwatch::operation::describe_alarm_history::DescribeAlarmHistoryOutput;
    use aws_sdk_cloudwatch::operation::describe_alarms::DescribeAlarmsOutput;
    use aws_sdk_cloudwatch::types::{AlarmHistoryItem, MetricAlarm, StateValue};
    use aws_smithy_mocks::mock;

    const NAME: &str = "goal-mandala-prod-ai-processor-errors";

    fn alarms(found: bool) -> aws_smithy_mocks::Rule {
        mock!(Client::describe_alarms).then_output(move || {
            let b = DescribeAlarmsOutput::builder();
            if found {
                b.metric_alarms(
                    MetricAlarm::builder()
                        .alarm_name(NAME)
                        .state_value(StateValue::Ok)
                        .build(),
                )
                .build()
            } else {
                b.build()
            }
        })
    }

    fn item(at: i64, from: &str, to: &str) -> AlarmHistoryItem {
        AlarmHistoryItem::builder()
            .alarm_name(NAME)
            .timestamp(aws_smithy_types::DateTime::from_secs(at))
            .history_item_type(HistoryItemType::StateUpdate)
            .history_summary(format!("Alarm updated from {from} to {to}"))
            .history_data(format!(r#"{{"version":"1.0","oldState":{{"stateValue":"{from}"}},"newState":{{"stateValue":"{to}"}}}}"#))
            .build()
    }

    #[tokio::test]
    async fn transitions_newest_first_over_pages() {
        let first = mock!(Client::describe_alarm_history)
            .match_requests(|r| r.next_token().is_none() && r.alarm_name() == Some(NAME))
            .then_output(|| {
                DescribeAlarmHistoryOutput::builder()
                    .alarm_history_items(item(1_700_000_000, "OK", "ALARM"))
                    .next_token("2")
                    .build()
            });
        let second = mock!(Client::describe_alarm_history)
            .match_requests(|r| r.next_token() == Some("2"))
            .then_output(|| {
                DescribeAlarmHistoryOutput::builder()
                    .alarm_history_items(item(1_700_000_600, "ALARM", "OK"))
                    .build()
            });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![alarms(true), second, first],
                ..Default::default()
            }
            .clients(),
        );
        let r = history(&ctx, NAME, Duration::from_secs(86_400 * 7))
            .await
            .unwrap();
        let got: Vec<(&str, &str)> = r
            .transitions
            .iter()
            .map(|t| (t.from.as_str(), t.to.as_str()))
            .collect();
        assert_eq!(got, [("ALARM", "OK"), ("OK", "ALARM")]);
        assert_eq!(r.state, "OK");
    }

    #[tokio::test]
    async fn unknown_alarm_is_bad_input_and_a_missing_api_is_unsupported() {
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![alarms(false)],
                ..Default::default()
            }
            .clients(),
        );
        let e = history(&ctx, "nope", Duration::from_secs(3600))
            .await
            .unwrap_err();
        assert_eq!(e.status(), crate::exit::ExitStatus::Usage);

        let missing = mock!(Client::describe_alarm_history).then_http_response(|| {
            aws_smithy_runtime_api::http::Response::new(
                aws_smithy_runtime_api::http::StatusCode::try_from(500).unwrap(),
                aws_smithy_types::body::SdkBody::from("<html>500</html>"),
            )
        });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![alarms(true), missing],
                ..Default::default()
            }
            .clients(),
        );
        let e = history(&ctx, NAME, Duration::from_secs(3600))
            .await
            .unwrap_err();
        assert!(
            e.to_string().contains("not supported by this endpoint"),
            "{e}"
        );
        assert_eq!(e.status(), crate::exit::ExitStatus::Unavailable);
    }
}

//! What changed: each function's code and configuration, the state machine's revision, and the
//! alarms' configuration, so "was there a deploy?" is the first answer an incident gets. These
//! rows report; they judge nothing (a deploy is not a fault), except that a change they cannot
//! see is said to be unseen.

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::aws::alarms::ConfigChange;
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::{Error, Result};
use jiff::Timestamp;

pub fn checks() -> Vec<Check> {
    let mut checks: Vec<Check> = Component::functions()
        .map(|c| {
            Check::new(
                format!("changes.{}", c.id()),
                s::DEPLOY,
                Order::Describe,
                run!(function),
            )
            .about(c)
        })
        .collect();
    checks.push(Check::new(
        "changes.state-machine",
        s::DEPLOY,
        Order::Describe,
        run!(state_machine),
    ));
    checks.push(Check::new(
        "changes.alarms",
        s::ALARM_SPECS,
        Order::Describe,
        run!(alarms),
    ));
    checks
}

fn at(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// `changed 12m ago` inside the window, else the time.
fn when(p: &Probe<'_>, t: Option<Timestamp>) -> String {
    match t {
        Some(t) if t >= p.start => format!("changed {} ago", crate::time::age(p.end, t)),
        Some(t) => at(t),
        None => "-".into(),
    }
}

/// An API the endpoint lacks is a note in the row, not a failure of the row.
fn optional<T>(r: Result<T>, what: &str) -> Result<std::result::Result<T, String>> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(Error::Unsupported { operation, .. }) => Ok(Err(format!(
            "{what}: {operation} is not supported by this endpoint"
        ))),
        Err(e) => Err(e),
    }
}

async fn function(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let name = p.env.names.get(c);
    let Some(f) = p.function(c).await? else {
        return Ok(k.row(
            Status::Critical,
            format!("the function {name} does not exist"),
        ));
    };
    let version = optional(
        crate::aws::lambda::newest_version(p.ctx.aws().await?, name).await,
        "versions",
    )?;
    let version = match version {
        Ok(Some((v, published))) => format!(
            "newest published version {v}{}",
            published
                .map(|t| format!(" ({})", at(t)))
                .unwrap_or_default()
        ),
        Ok(None) => "no published version ($LATEST only)".into(),
        Err(note) => note,
    };
    let sha = f.code_sha256.chars().take(12).collect::<String>();
    let changed = f.last_modified.is_some_and(|t| t >= p.start);
    let message = format!(
        "{}code sha256 {sha}…, {version}",
        if changed {
            format!(
                "deployed within the last {}: ",
                crate::time::format_duration(p.since)
            )
        } else {
            String::new()
        }
    );
    Ok(k.row(Status::Ok, message)
        .with_value(when(p, f.last_modified))
        .with_threshold("-"))
}

async fn state_machine(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let name = p.env.names.get(Component::StateMachine);
    let Some(d) = p.state_machine().await? else {
        return Ok(k.row(Status::Critical, format!("{name} does not exist")));
    };
    let version = optional(
        crate::aws::sfn::newest_version(p.ctx.aws().await?, &d.arn).await,
        "versions",
    )?;
    let (status, value, mut parts) = match (&version, &d.revision) {
        (Ok(Some((v, published))), _) => (
            Status::Ok,
            when(p, *published),
            vec![format!("newest published version {v}")],
        ),
        (Ok(None), _) => (
            Status::Ok,
            "-".to_string(),
            vec!["no published version".to_string()],
        ),
        // Neither a revision nor versions: when it last changed cannot be seen here.
        (Err(note), None) => (Status::Unknown, "-".to_string(), vec![note.clone()]),
        (Err(note), Some(_)) => (Status::Ok, "-".to_string(), vec![note.clone()]),
    };
    parts.push(match &d.revision {
        Some(r) => format!("revision {r}"),
        None => "the endpoint reports no revision".into(),
    });
    if let Some(created) = d.created {
        parts.push(format!("created {}", at(created)));
    }
    Ok(k.row(status, format!("{name}: {}", parts.join(", ")))
        .with_value(value)
        .with_threshold("-"))
}

async fn alarms(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let aws = p.ctx.aws().await?;
    let history = optional(
        crate::aws::alarms::configuration_changes(aws, p.start, p.end).await,
        "deletions are not visible",
    )?;
    let (changes, note): (Vec<ConfigChange>, Option<String>) = match history {
        Ok(items) => (
            items
                .into_iter()
                .filter(|c| p.env.owns_alarm(&c.alarm))
                .collect(),
            None,
        ),
        // Without the history, DescribeAlarms still says when each alarm's configuration last
        // changed.
        Err(note) => (
            p.alarms()
                .await?
                .iter()
                .filter(|a| a.alarm_name().is_some_and(|n| p.env.owns_alarm(n)))
                .filter_map(|a| {
                    let t = a
                        .alarm_configuration_updated_timestamp()
                        .and_then(crate::aws::to_timestamp)?;
                    (t >= p.start).then(|| ConfigChange {
                        alarm: a.alarm_name().unwrap_or_default().to_string(),
                        at: Some(t),
                        summary: "configuration updated".into(),
                    })
                })
                .collect(),
            Some(note),
        ),
    };
    let window = crate::time::format_duration(p.since);
    let mut message = if changes.is_empty() {
        format!("no alarm configuration changed in the last {window}")
    } else {
        let listed: Vec<String> = changes
            .iter()
            .take(10)
            .map(|c| {
                format!(
                    "{} ({}{})",
                    c.alarm,
                    c.summary,
                    c.at.map(|t| format!(", {}", at(t))).unwrap_or_default()
                )
            })
            .collect();
        let more = changes.len().saturating_sub(listed.len());
        format!(
            "{}{}",
            listed.join("; "),
            if more > 0 {
                format!("; {more} more")
            } else {
                String::new()
            }
        )
    };
    if let Some(note) = note {
        message.push_str(&format!(" ({note})"));
    }
    Ok(k.row(Status::Ok, message)
        .with_value(format!("{} changed", changes.len()))
        .with_threshold("-"))
}

#[cfg(test)]
mod tests {
    use crate::config::EnvName;
    use crate::context::Context;
    use crate::health::{Options, Row, Status, run};
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatch::operation::describe_alarm_history::DescribeAlarmHistoryOutput;
    use aws_sdk_cloudwatch::operation::describe_alarms::DescribeAlarmsOutput;
    use aws_sdk_cloudwatch::types::{AlarmHistoryItem, HistoryItemType, MetricAlarm};
    use aws_smithy_mocks::{Rule, mock};

    fn not_implemented() -> aws_smithy_runtime_api::http::Response {
        aws_smithy_runtime_api::http::Response::new(
            aws_smithy_runtime_api::http::StatusCode::try_from(500).unwrap(),
            aws_smithy_types::body::SdkBody::from("<html>not implemented</html>"),
        )
    }

    fn minutes_ago(m: i64) -> aws_smithy_types::DateTime {
        aws_smithy_types::DateTime::from_secs(jiff::Timestamp::now().as_second() - m * 60)
    }

    async fn one(check: &str, mocks: Mocks) -> Row {
        let ctx = Context::for_tests(EnvName::Prod, mocks.clients());
        let opts = Options {
            checks: vec![check.into()],
            ..Options::default()
        };
        let mut rows = run(&ctx, &opts).await.unwrap().checks;
        assert_eq!(rows.len(), 1, "{rows:?}");
        rows.remove(0)
    }

    fn history(items: Vec<AlarmHistoryItem>) -> Rule {
        mock!(aws_sdk_cloudwatch::Client::describe_alarm_history)
            .match_requests(|r| {
                r.history_item_type() == Some(&HistoryItemType::ConfigurationUpdate)
            })
            .then_output(move || {
                DescribeAlarmHistoryOutput::builder()
                    .set_alarm_history_items(Some(items.clone()))
                    .build()
            })
    }

    #[tokio::test]
    async fn alarm_history_names_the_environments_changes_deletions_included() {
        let item = |name: &str, summary: &str| {
            AlarmHistoryItem::builder()
                .alarm_name(name)
                .timestamp(minutes_ago(10))
                .history_item_type(HistoryItemType::ConfigurationUpdate)
                .history_summary(summary)
                .build()
        };
        let row = one(
            "changes.alarms",
            Mocks {
                cloudwatch: vec![history(vec![
                    item(
                        "goal-mandala-prod-ai-processor-error-rate",
                        "Alarm \"goal-mandala-prod-ai-processor-error-rate\" deleted",
                    ),
                    item(
                        "another-teams-alarm",
                        "Alarm \"another-teams-alarm\" updated",
                    ),
                ])],
                ..Default::default()
            },
        )
        .await;
        assert_eq!(row.status, Status::Ok);
        assert_eq!(row.value.as_deref(), Some("1 changed"));
        assert!(row.message.contains("deleted"), "{}", row.message);
        assert!(!row.message.contains("another-teams-alarm"));
    }

    #[tokio::test]
    async fn without_alarm_history_the_configuration_times_answer_and_say_what_is_unseen() {
        let alarm = |name: &str, m: i64| {
            MetricAlarm::builder()
                .alarm_name(name)
                .alarm_configuration_updated_timestamp(minutes_ago(m))
                .build()
        };
        let history = mock!(aws_sdk_cloudwatch::Client::describe_alarm_history)
            .then_http_response(not_implemented);
        let alarms = mock!(aws_sdk_cloudwatch::Client::describe_alarms).then_output(move || {
            DescribeAlarmsOutput::builder()
                .metric_alarms(alarm("goal-mandala-prod-ai-processor-throttle", 5))
                .metric_alarms(alarm(
                    "goal-mandala-prod-ai-processor-duration",
                    60 * 24 * 3,
                ))
                .build()
        });
        let row = one(
            "changes.alarms",
            Mocks {
                cloudwatch: vec![history, alarms],
                ..Default::default()
            },
        )
        .await;
        assert_eq!(row.value.as_deref(), Some("1 changed"));
        assert!(
            row.message.contains("ai-processor-throttle"),
            "{}",
            row.message
        );
        assert!(
            row.message.contains("deletions are not visible")
                && row.message.contains("not supported by this endpoint"),
            "{}",
            row.message
        );
    }

    fn state_machine(revision: Option<&'static str>) -> Vec<Rule> {
        use aws_sdk_sfn::operation::describe_state_machine::DescribeStateMachineOutput;
        use aws_sdk_sfn::operation::list_state_machines::ListStateMachinesOutput;
        use aws_sdk_sfn::types::{StateMachineListItem, StateMachineType};
        const ARN: &str = "arn:aws:states:us-east-1:1:stateMachine:AIGenerationStateMachine";
        vec![
            mock!(aws_sdk_sfn::Client::list_state_machines).then_output(|| {
                ListStateMachinesOutput::builder()
                    .state_machines(
                        StateMachineListItem::builder()
                            .name("AIGenerationStateMachine")
                            .state_machine_arn(ARN)
                            .r#type(StateMachineType::Standard)
                            .creation_date(minutes_ago(60 * 24 * 30))
                            .build()
                            .unwrap(),
                    )
                    .build()
                    .unwrap()
            }),
            mock!(aws_sdk_sfn::Client::describe_state_machine).then_output(move || {
                DescribeStateMachineOutput::builder()
                    .state_machine_arn(ARN)
                    .name("AIGenerationStateMachine")
                    .definition("{}")
                    .role_arn("arn:aws:iam::1:role/r")
                    .r#type(StateMachineType::Standard)
                    .creation_date(minutes_ago(60 * 24 * 30))
                    .set_revision_id(revision.map(str::to_string))
                    .build()
                    .unwrap()
            }),
        ]
    }

    /// The `changes.state-machine` row with `versions` answering ListStateMachineVersions.
    async fn state_machine_row(revision: Option<&'static str>, versions: Rule) -> Row {
        let mut rules = state_machine(revision);
        rules.push(versions);
        let sfn = Mocks {
            sfn: rules,
            ..Default::default()
        };
        one("changes.state-machine", sfn).await
    }

    #[tokio::test]
    async fn the_state_machines_newest_version_says_when_it_changed() {
        use aws_sdk_sfn::operation::list_state_machine_versions::ListStateMachineVersionsOutput;
        use aws_sdk_sfn::types::StateMachineVersionListItem;
        let versions = mock!(aws_sdk_sfn::Client::list_state_machine_versions).then_output(|| {
            ListStateMachineVersionsOutput::builder()
                .state_machine_versions(
                    StateMachineVersionListItem::builder()
                        .state_machine_version_arn(
                            "arn:aws:states:us-east-1:1:stateMachine:AIGenerationStateMachine:3",
                        )
                        .creation_date(minutes_ago(20))
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap()
        });
        let row = state_machine_row(Some("rev-7"), versions).await;
        assert_eq!(row.status, Status::Ok);
        assert!(
            row.value.as_deref().unwrap().starts_with("changed 20m"),
            "{row:?}"
        );
        assert!(
            row.message.contains("version 3") && row.message.contains("revision rev-7"),
            "{}",
            row.message
        );
    }

    #[tokio::test]
    async fn an_endpoint_without_versions_or_revision_cannot_say_and_is_unknown() {
        // Without a revision it cannot say; with one it still reports what it can.
        for (revision, status) in [(None, Status::Unknown), (Some("rev-1"), Status::Ok)] {
            let versions = mock!(aws_sdk_sfn::Client::list_state_machine_versions)
                .then_http_response(not_implemented);
            let row = state_machine_row(revision, versions).await;
            assert_eq!(row.status, status, "{row:?}");
            assert!(
                row.message.contains("not supported by this endpoint"),
                "{}",
                row.message
            );
        }
    }
}

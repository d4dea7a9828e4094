//! How long the logs are kept: every function's log group expires its events after 30 days, and
//! each group is exported to S3 for the 90 days after (000 ログ管理 / ログの保持期間;
//! 002 データ管理 / データ保持ポリシー).

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::aws::logs::{Export, find_group};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;
use jiff::Timestamp;

pub fn checks() -> Vec<Check> {
    let mut checks: Vec<Check> = Component::functions()
        .map(|c| {
            Check::new(
                format!("logs.{}.retention", c.id()),
                s::LOG_GROUP_RETENTION,
                Order::Describe,
                run!(retention),
            )
            .about(c)
        })
        .collect();
    checks.push(Check::new(
        "logs.export",
        s::LOG_EXPORT,
        Order::Describe,
        run!(export),
    ));
    checks
}

async fn retention(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let group = p.env.names.log_group(k.component());
    let days = p.ctx.thresholds.retention.log_group_days;
    let want = format!("{days} days");
    let Some(found) = find_group(p.ctx.aws().await?, &group).await? else {
        return Ok(k
            .row(
                Status::Warn,
                format!("the log group {group} does not exist: the function never ran, or it logs elsewhere"),
            )
            .with_value("missing")
            .with_threshold(want));
    };
    let (status, value, message) = match found.retention_in_days() {
        Some(d) if d == days => (Status::Ok, format!("{d} days"), group),
        Some(d) => (
            Status::Warn,
            format!("{d} days"),
            format!("{group} keeps {d} days, not the guides' {days}"),
        ),
        None => (
            Status::Warn,
            "never expire".into(),
            format!("{group} has no retention policy: its events are kept, and billed, forever"),
        ),
    };
    Ok(k.row(status, message)
        .with_value(value)
        .with_threshold(want))
}

/// One row per function: its newest successful export, to the configured bucket (or, without
/// one, to any bucket).
async fn export(p: &Probe<'_>, k: &Check) -> Result<Vec<Row>> {
    let tasks = p.exports().await?;
    let r = &p.ctx.thresholds.retention;
    let archive = p.env.archive.as_ref();
    let threshold = format!(
        "a successful export ending within {} h, before CloudWatch's {} days expire",
        rounded(r.export_max_age_hours),
        r.log_group_days
    );
    let mut rows = Vec::new();
    for c in Component::functions() {
        let group = p.env.names.log_group(c);
        let mine: Vec<&Export> = tasks
            .iter()
            .filter(|t| t.group == group)
            .filter(|t| {
                archive.is_none_or(|a| {
                    t.bucket == a.bucket && t.prefix.trim_matches('/').starts_with(&a.prefix)
                })
            })
            .collect();
        let (status, value, message) = judge(&mine, p.end, r, &group);
        let message = match archive {
            Some(a) => format!("{message} (to s3://{}/{})", a.bucket, a.prefix),
            None => format!(
                "{message} (to any bucket: name the archive as environments.{}.archive.bucket in the config file to check that one)",
                p.env.name
            ),
        };
        rows.push(
            Row::new(format!("{}.{}", k.name, c.id()), k.source, status, message)
                .with_value(value)
                .with_threshold(threshold.clone()),
        );
    }
    Ok(rows)
}

/// A group's exports judged by the newest successful one's end: recent enough, late (warn), or
/// so late that events expired unexported (critical).
fn judge(
    exports: &[&Export],
    now: Timestamp,
    r: &crate::config::thresholds::Retention,
    group: &str,
) -> (Status, String, String) {
    let newest = exports
        .iter()
        .filter(|t| t.status == "COMPLETED")
        .filter_map(|t| t.to)
        .max();
    let failed = exports.iter().any(|t| {
        matches!(t.status.as_str(), "FAILED" | "CANCELLED")
            && t.to.is_some_and(|to| newest.is_none_or(|n| to > n))
    });
    let failed = if failed {
        "; a later export failed or was cancelled"
    } else {
        ""
    };
    let Some(newest) = newest else {
        return (
            Status::Critical,
            "none".into(),
            format!(
                "{group} has no successful export: its events are lost after {} days{failed}",
                r.log_group_days
            ),
        );
    };
    let hours = now.duration_since(newest).as_secs_f64() / 3600.0;
    let age = format!("ends {} h ago", rounded(hours.max(0.0)));
    let status = if hours > r.log_group_days as f64 * 24.0 {
        Status::Critical
    } else if hours > r.export_max_age_hours {
        Status::Warn
    } else {
        Status::Ok
    };
    let message = match status {
        Status::Critical => format!(
            "{group}: the newest export ends more than {} days ago, so events between then and the last {} days expired unexported{failed}",
            r.log_group_days, r.log_group_days
        ),
        Status::Warn => format!("{group}: exports are behind{failed}"),
        _ => format!(
            "{group} exported up to {}{failed}",
            newest.strftime("%Y-%m-%d %H:%M UTC")
        ),
    };
    (status, age, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::thresholds::Retention;
    use jiff::SignedDuration;

    fn export(status: &str, hours_ago: i64, now: Timestamp) -> Export {
        Export {
            id: "t".into(),
            group: "/aws/lambda/x".into(),
            bucket: "b".into(),
            prefix: "logs".into(),
            status: status.into(),
            from: None,
            to: Some(now - SignedDuration::from_hours(hours_ago)),
            completed: None,
        }
    }

    #[test]
    fn the_newest_successful_export_decides() {
        let now = Timestamp::now();
        let r = Retention::default();
        let verdict = |tasks: &[Export]| {
            let refs: Vec<&Export> = tasks.iter().collect();
            judge(&refs, now, &r, "/aws/lambda/x").0
        };
        assert_eq!(verdict(&[]), Status::Critical);
        assert_eq!(verdict(&[export("COMPLETED", 20, now)]), Status::Ok);
        // A daily run at 01:00 UTC exports the day before yesterday (yesterday ended an hour
        // ago); just before the next run that day ended 49 hours ago.
        assert_eq!(verdict(&[export("COMPLETED", 49, now)]), Status::Ok);
        assert_eq!(verdict(&[export("COMPLETED", 72, now)]), Status::Warn);
        assert_eq!(
            verdict(&[export("COMPLETED", 31 * 24, now)]),
            Status::Critical
        );
        // Only successful exports count; a newer failure is named.
        assert_eq!(verdict(&[export("FAILED", 1, now)]), Status::Critical);
        let refs = [export("COMPLETED", 20, now), export("FAILED", 1, now)];
        let refs: Vec<&Export> = refs.iter().collect();
        let (status, _, message) = judge(&refs, now, &r, "/aws/lambda/x");
        assert_eq!(status, Status::Ok);
        assert!(message.contains("later export failed"), "{message}");
    }
}

#[cfg(test)]
mod export_tasks {
    use crate::config::EnvName;
    use crate::context::Context;
    use crate::health::{Options, Status, run};
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatchlogs::operation::describe_export_tasks::DescribeExportTasksOutput;
    use aws_sdk_cloudwatchlogs::types::{
        ExportTask, ExportTaskExecutionInfo, ExportTaskStatus, ExportTaskStatusCode,
    };
    use aws_smithy_mocks::mock;

    /// A task as CloudWatch Logs describes one, execution times included (the emulator leaves
    /// them out).
    fn task(group: &str, code: ExportTaskStatusCode, hours_ago: i64) -> ExportTask {
        let to = jiff::Timestamp::now().as_millisecond() - hours_ago * 3_600_000;
        ExportTask::builder()
            .task_id(format!("{group}-{hours_ago}"))
            .log_group_name(group)
            .from(to - 86_400_000)
            .to(to)
            .destination("ops-log-archive")
            .destination_prefix("logs/prod")
            .status(ExportTaskStatus::builder().code(code).build())
            .execution_info(
                ExportTaskExecutionInfo::builder()
                    .creation_time(to + 60_000)
                    .completion_time(to + 120_000)
                    .build(),
            )
            .build()
    }

    #[tokio::test]
    async fn each_group_is_judged_by_its_newest_successful_export_across_pages() {
        let first = mock!(aws_sdk_cloudwatchlogs::Client::describe_export_tasks)
            .match_requests(|r| r.next_token().is_none())
            .then_output(|| {
                DescribeExportTasksOutput::builder()
                    .export_tasks(task(
                        "/aws/lambda/goal-mandala-prod-ai-processor",
                        ExportTaskStatusCode::Completed,
                        30,
                    ))
                    .export_tasks(task(
                        "/aws/lambda/goal-mandala-prod-profile",
                        ExportTaskStatusCode::Failed,
                        5,
                    ))
                    .next_token("page-2")
                    .build()
            });
        let second = mock!(aws_sdk_cloudwatchlogs::Client::describe_export_tasks)
            .match_requests(|r| r.next_token() == Some("page-2"))
            .then_output(|| {
                DescribeExportTasksOutput::builder()
                    .export_tasks(task(
                        "/aws/lambda/goal-mandala-prod-ai-processor",
                        ExportTaskStatusCode::Completed,
                        6,
                    ))
                    .build()
            });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                logs: vec![first, second],
                ..Default::default()
            }
            .clients(),
        );
        let opts = Options {
            checks: vec!["logs.export".into()],
            ..Options::default()
        };
        let report = run(&ctx, &opts).await.unwrap();
        let row = |name: &str| {
            report
                .checks
                .iter()
                .find(|r| r.name == format!("logs.export.{name}"))
                .unwrap()
        };
        assert_eq!(row("ai-processor").status, Status::Ok);
        assert_eq!(row("ai-processor").value.as_deref(), Some("ends 6 h ago"));
        let profile = row("profile");
        assert_eq!(profile.status, Status::Critical);
        assert!(profile.message.contains("failed"), "{}", profile.message);
        // Without a configured archive, exports to any bucket count, and the row says so.
        assert!(row("ai-processor").message.contains("archive.bucket"));
        assert_eq!(row("retry-handler").status, Status::Critical);
    }
}

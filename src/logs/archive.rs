//! `logs archive`: every function's log group exported to the archive bucket, one UTC day per
//! export task, in the layout a table over the archive partitions on
//! ([`crate::config::Archive::day_prefix`]: `<prefix>/<env>/<component>/dt=YYYY-MM-DD/`; 000 ログ管理 / ログの保持期間: 長期保存 S3に
//! エクスポート（90日間）; 002 定期メンテナンス / 週次: ログの圧縮とアーカイブ). CloudWatch runs one
//! export task per account at a time, so the days go one after another. A day whose objects are
//! in the bucket is skipped; a run killed mid-way leaves at most one task running, which the next
//! run waits for instead of starting that day again.

use crate::audit::{self, Entry};
use crate::aws::logs::{self as cwlogs, Export};
use crate::aws::s3;
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::{Doc, Render, Table, Tone, number};
use jiff::civil::Date;
use jiff::{Timestamp, tz::TimeZone};
use serde::Serialize;
use std::time::Duration;

/// How long one export task may run before the command gives up on it (the next run waits for
/// it again). AWS gives no bound; a day of one function's logs takes minutes.
const TASK_WAIT: Duration = Duration::from_secs(30 * 60);

/// How long after a day ends its logs can all be exported: "Log data can take up to 12 hours to
/// become available for export" (CloudWatch Logs User Guide, Exporting log data to Amazon S3).
/// A day exported sooner could miss its last hours for good, since a day in the bucket is
/// skipped.
const SETTLE: Duration = Duration::from_secs(12 * 3_600);

/// When all of `day`'s logs can be exported.
fn exportable_from(day: Date) -> Result<Timestamp> {
    let end = start_of(
        day.tomorrow()
            .map_err(|e| Error::internal(format!("day {day}: {e}")))?,
    )?;
    Ok(end + SETTLE)
}

#[derive(Debug, Clone)]
pub struct Options {
    pub since: Duration,
    pub apply: bool,
}

#[derive(Debug, Serialize)]
pub struct Day {
    pub component: &'static str,
    pub group: String,
    pub day: Date,
    /// The day's key prefix, without the trailing slash.
    pub prefix: String,
    /// `exported` (in the bucket before this run), `to export` (a dry run), `not yet` (ended
    /// less than [`SETTLE`] ago), `exported now`, `failed`.
    pub state: &'static str,
    /// Objects under the prefix (CloudWatch's write test left out) and their bytes.
    pub objects: usize,
    pub bytes: i64,
    pub task: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ArchiveReport {
    pub bucket: String,
    pub prefix: String,
    pub applied: bool,
    pub days: Vec<Day>,
    pub audit: Vec<String>,
}

/// The whole UTC days `since` reaches back over, oldest first, today (still being written) left
/// out.
pub fn days(since: Duration, now: Timestamp) -> Result<Vec<Date>> {
    let n = since.as_secs().div_ceil(86_400);
    if !(1..=3_650).contains(&n) {
        return Err(Error::usage(
            "--since must cover between 1 and 3650 days: whole UTC days are exported",
        ));
    }
    let today = now.to_zoned(TimeZone::UTC).date();
    Ok((1..=n as i64)
        .rev()
        .filter_map(|back| today.checked_sub(jiff::Span::new().days(back)).ok())
        .collect())
}

fn start_of(day: Date) -> Result<Timestamp> {
    day.to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp())
        .map_err(|e| Error::internal(format!("day {day}: {e}")))
}

/// Where a day stands before this run: in the bucket, to export, or not yet exportable.
fn state_of(objects: usize, day: Date, now: Timestamp) -> Result<(&'static str, Option<String>)> {
    let from = exportable_from(day)?;
    Ok(match objects {
        0 if now < from => (
            "not yet",
            Some(format!(
                "its logs can take until {} to be exportable ({} hours after the day)",
                from.strftime("%Y-%m-%d %H:%M UTC"),
                SETTLE.as_secs() / 3_600
            )),
        ),
        0 => ("to export", None),
        _ => ("exported", None),
    })
}

fn active(t: &Export) -> bool {
    matches!(t.status.as_str(), "PENDING" | "RUNNING")
}

pub async fn archive(ctx: &Context, opts: &Options) -> Result<ArchiveReport> {
    let env = ctx.env()?;
    let target = env.archive.clone().ok_or_else(|| {
        Error::usage(format!("{} has no log archive bucket", env.name)).with_hint(format!(
            "name it as environments.{}.archive.bucket in the config file",
            env.name
        ))
    })?;
    let now = Timestamp::now();
    let days = days(opts.since, now)?;
    let aws = ctx.aws().await?;
    let _held = match opts.apply {
        true => Some(crate::locks::hold(ctx, vec!["logs-archive".into()]).await?),
        false => None,
    };
    let tasks = cwlogs::export_tasks(aws, None).await?;
    let mut report = ArchiveReport {
        bucket: target.bucket.clone(),
        prefix: target.prefix.clone(),
        applied: opts.apply,
        days: Vec::new(),
        audit: Vec::new(),
    };
    for c in Component::functions() {
        // One listing a component, its objects counted by day.
        let listed = s3::list(
            aws,
            &target.bucket,
            &format!("{}/", target.component_prefix(env.name.as_str(), c)),
        )
        .await?;
        for day in &days {
            let prefix = target.day_prefix(env.name.as_str(), c, *day);
            let folder = format!("{prefix}/");
            let (objects, bytes) = held(listed.iter().filter(|(k, _)| k.starts_with(&folder)));
            let (state, note) = state_of(objects, *day, now)?;
            report.days.push(Day {
                component: c.id(),
                group: env.names.log_group(c),
                day: *day,
                state,
                prefix,
                objects,
                bytes,
                task: None,
                note,
            });
        }
    }
    if !opts.apply {
        return Ok(report);
    }
    let todo = report
        .days
        .iter()
        .filter(|d| d.state == "to export")
        .count();
    let bar = ctx.out.progress(todo as u64, "exporting days");
    let mut journal = audit::Outside::new(ctx);
    // One run, one id: `audit` shows the days a run exported together.
    let run_id = uuid::Uuid::new_v4();
    for d in report.days.iter_mut().filter(|d| d.state == "to export") {
        bar.inc(1);
        // A task of a killed run may still be writing this day: wait for it, do not start another.
        let running = tasks
            .iter()
            .find(|t| t.group == d.group && t.prefix.trim_matches('/') == d.prefix && active(t));
        let id = match running {
            // The killed run put it on record before starting it.
            Some(t) => t.id.clone(),
            None => {
                // On record before it starts, so no kill leaves an export without its entry.
                let entry = Entry {
                    run_id,
                    operator: ctx.operator.clone(),
                    command: "logs archive".into(),
                    target: "log-export".into(),
                    target_id: format!("{} {}", d.group, d.day),
                    action: "export".into(),
                    reason: "archive the day's logs (000 ログの保持期間: S3にエクスポート)".into(),
                    before: None,
                    after: Some(serde_json::json!({
                        "destination": format!("s3://{}/{}/", target.bucket, d.prefix),
                    })),
                };
                for wrote in journal.record(&[entry]).await? {
                    if !report.audit.contains(&wrote) {
                        report.audit.push(wrote);
                    }
                }
                start(ctx, d, &target.bucket).await?
            }
        };
        d.task = Some(id.clone());
        let done = finish(ctx, &id).await?;
        if done.status != "COMPLETED" {
            d.state = "failed";
            d.note = Some(format!("export task {id} ended {}", done.status));
            continue;
        }
        let listed = s3::list(aws, &target.bucket, &format!("{}/", d.prefix)).await?;
        (d.objects, d.bytes) = held(listed.iter());
        d.state = "exported now";
    }
    bar.finish_and_clear();
    Ok(report)
}

/// How many of a day's objects hold logs (CloudWatch's `aws-logs-write-test` left out), and
/// their bytes.
fn held<'o>(objects: impl Iterator<Item = &'o (String, i64)>) -> (usize, i64) {
    objects
        .filter(|(k, _)| !k.ends_with("aws-logs-write-test"))
        .fold((0, 0), |(n, bytes), (_, size)| (n + 1, bytes + size))
}

/// Starts the day's export once no other export of the account is running.
async fn start(ctx: &Context, d: &Day, bucket: &str) -> Result<String> {
    let aws = ctx.aws().await?;
    let from = start_of(d.day)?;
    let to = start_of(
        d.day
            .tomorrow()
            .map_err(|e| Error::internal(e.to_string()))?,
    )? - jiff::SignedDuration::from_millis(1);
    let name = format!("mandala-ops {} {}", d.group, d.day);
    let mut waited = Duration::ZERO;
    loop {
        if let Some(id) =
            cwlogs::start_export(aws, &name, &d.group, from, to, bucket, &d.prefix).await?
        {
            return Ok(id);
        }
        if waited >= TASK_WAIT {
            return Err(Error::unavailable(
                "CloudWatch Logs",
                "waiting for another export task of the account to end",
                format!(
                    "still running after {}",
                    crate::time::format_duration(TASK_WAIT)
                ),
            ));
        }
        ctx.out.note(format!(
            "another export task of the account is running; waiting to export {} {}",
            d.group, d.day
        ));
        tokio::time::sleep(Duration::from_secs(10)).await;
        waited += Duration::from_secs(10);
    }
}

/// Waits for the task `id` to end, polling with backoff; the task as it ended.
async fn finish(ctx: &Context, id: &str) -> Result<Export> {
    let aws = ctx.aws().await?;
    let mut pause = Duration::from_millis(200);
    let mut waited = Duration::ZERO;
    loop {
        let task = cwlogs::export_tasks(aws, Some(id))
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| Error::failed(format!("export task {id} is not on record")))?;
        if !active(&task) {
            return Ok(task);
        }
        if waited >= TASK_WAIT {
            return Err(Error::unavailable(
                "CloudWatch Logs",
                format!("waiting for export task {id}"),
                format!(
                    "still {} after {}; the next run waits for it",
                    task.status,
                    crate::time::format_duration(TASK_WAIT)
                ),
            ));
        }
        tokio::time::sleep(pause).await;
        waited += pause;
        pause = (pause * 2).min(Duration::from_secs(10));
    }
}

impl Render for ArchiveReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!(
            "Log archive s3://{}/{}/ ({})",
            self.bucket,
            self.prefix,
            if self.applied { "applied" } else { "dry run" }
        ));
        let mut t = Table::new([
            "component",
            "days",
            "exported",
            "exported now",
            "to export",
            "not yet",
            "failed",
            "objects",
            "bytes",
        ]);
        let mut components: Vec<&str> = self.days.iter().map(|d| d.component).collect();
        components.dedup();
        for c in components {
            let mine: Vec<&Day> = self.days.iter().filter(|d| d.component == c).collect();
            let count = |s: &str| mine.iter().filter(|d| d.state == s).count().to_string();
            t.row([
                c.to_string(),
                mine.len().to_string(),
                count("exported"),
                count("exported now"),
                count("to export"),
                count("not yet"),
                count("failed"),
                mine.iter().map(|d| d.objects).sum::<usize>().to_string(),
                number(mine.iter().map(|d| d.bytes).sum::<i64>() as f64),
            ]);
        }
        doc.table(t);
        for d in self.days.iter().filter(|d| d.state == "failed") {
            doc.note(
                Tone::Bad,
                format!(
                    "{} {}: {}",
                    d.group,
                    d.day,
                    d.note.as_deref().unwrap_or("failed")
                ),
            );
        }
        let waiting = self.days.iter().filter(|d| d.state == "to export").count();
        if !self.applied && waiting > 0 {
            doc.note(
                Tone::Dim,
                format!(
                    "{waiting} days to export: run again with --apply (one export task at a time)"
                ),
            );
        }
        if let Some(d) = self.days.iter().find(|d| d.state == "not yet") {
            doc.note(
                Tone::Dim,
                format!(
                    "{} not yet: {}; a later run exports it",
                    d.day,
                    d.note.as_deref().unwrap_or_default()
                ),
            );
        }
        if !self.audit.is_empty() {
            doc.note(Tone::Dim, format!("audit: {}", self.audit.join(", ")));
        }
    }

    fn status(&self) -> ExitStatus {
        if self.days.iter().any(|d| d.state == "failed") {
            ExitStatus::Critical
        } else {
            ExitStatus::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_utc_days_before_today() {
        let now: Timestamp = "2026-12-04T16:00:00Z".parse().unwrap();
        let d = days(Duration::from_secs(3 * 86_400), now).unwrap();
        let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(d, ["2026-12-01", "2026-12-02", "2026-12-03"]);
        // A part of a day is the whole day.
        assert_eq!(days(Duration::from_secs(3_600), now).unwrap().len(), 1);
        assert!(days(Duration::ZERO, now).is_err());
    }

    #[test]
    fn a_day_is_exported_only_twelve_hours_after_it_ends() {
        let day: Date = "2026-12-03".parse().unwrap();
        assert_eq!(
            exportable_from(day).unwrap().to_string(),
            "2026-12-04T12:00:00Z"
        );
        let at = |t: &str| state_of(0, day, t.parse().unwrap()).unwrap();
        let (state, note) = at("2026-12-04T11:59:59Z");
        assert_eq!(state, "not yet");
        assert_eq!(
            note.unwrap(),
            "its logs can take until 2026-12-04 12:00 UTC to be exportable (12 hours after the day)"
        );
        assert_eq!(at("2026-12-04T12:00:00Z"), ("to export", None));
        // A day already in the bucket stays exported, whenever it is.
        let exported = state_of(3, day, "2026-12-04T01:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(exported, ("exported", None));
    }
}

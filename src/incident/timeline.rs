//! `incident timeline`: what happened in the incident's window, from every source at once, in
//! time order — alarm transitions, deploys, the first error of each code per function,
//! mandala-ops' changes (the audit trail), runbook runs, and the incident's own opening, deadline
//! and closing. A source that could not be read is named, and the exit status says so.

use super::{Incident, Status};
use crate::config::Component;
use crate::context::Context;
use crate::error::Result;
use crate::exit::ExitStatus;
use crate::logs::line::LogLine;
use crate::output::{Cell, Doc, Render, Table, Tone};
use futures::StreamExt;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub at: Timestamp,
    /// incident, health, alarm, deploy, error, change or runbook.
    pub source: &'static str,
    pub what: String,
    pub detail: String,
}

#[derive(Debug, Serialize)]
pub struct Timeline {
    pub incident: Incident,
    pub from: Timestamp,
    pub to: Timestamp,
    pub entries: Vec<Entry>,
    /// Sources that could not be read, each with why: the timeline lacks them.
    pub unread: Vec<String>,
    pub notes: Vec<String>,
}

/// What one source found.
#[derive(Default)]
pub(super) struct Found {
    entries: Vec<Entry>,
    unread: Vec<String>,
    notes: Vec<String>,
}

impl Found {
    fn unread(what: &str, e: impl std::fmt::Display) -> Found {
        Found {
            unread: vec![format!("{what}: {e}")],
            ..Found::default()
        }
    }
}

fn entry(at: Timestamp, source: &'static str, what: String, detail: String) -> Entry {
    Entry {
        at,
        source,
        what,
        detail,
    }
}

pub async fn timeline(ctx: &Context, id: Option<&str>) -> Result<Timeline> {
    let (incident, notes) = super::find(ctx, id).await?;
    let (from, to) = incident.window();
    let (errors, found) =
        futures::join!(super::errors::read(ctx, from, to), sources(ctx, from, to));
    Ok(assemble(incident, notes, (from, to), &errors, found))
}

/// Every source but the error events, read at once.
pub(super) async fn sources(ctx: &Context, from: Timestamp, to: Timestamp) -> Vec<Found> {
    let env = ctx.env().map(|e| e.name.to_string()).unwrap_or_default();
    let (alarms, deploys, changes) = futures::join!(
        alarms(ctx, from, to),
        deploys(ctx, from, to),
        changes(ctx, from, to),
    );
    vec![alarms, deploys, changes, runbooks(ctx, &env, from, to)]
}

/// The timeline from what the sources found, in time order.
pub(super) fn assemble(
    incident: Incident,
    notes: Vec<String>,
    (from, to): (Timestamp, Timestamp),
    errors: &super::errors::Read,
    found: Vec<Found>,
) -> Timeline {
    let mut t = Timeline {
        entries: own(&incident),
        incident,
        from,
        to,
        unread: Vec::new(),
        notes,
    };
    for found in std::iter::once(first_errors(errors)).chain(found) {
        t.entries.extend(found.entries);
        t.unread.extend(found.unread);
        t.notes.extend(found.notes);
    }
    t.entries
        .retain(|e| e.source == "incident" || (from <= e.at && e.at <= to));
    t.entries.sort_by_key(|e| e.at);
    t
}

/// The incident's own marks: its window, its opening (the start of the response), the deadline,
/// its closing.
fn own(i: &Incident) -> Vec<Entry> {
    let mut out = vec![
        entry(
            i.since,
            "incident",
            "window starts".into(),
            "evidence from here on belongs to the incident".into(),
        ),
        entry(
            i.opened_at,
            "incident",
            format!("INCIDENT OPENED {}: {}", i.id, i.title),
            format!("{} by {}", i.severity.headline(), i.opened_by),
        ),
        entry(
            i.opened_at,
            "health",
            format!("health: {}", i.severity.headline()),
            reasons(&i.severity.reasons),
        ),
        entry(
            i.respond_by,
            "incident",
            "response deadline".into(),
            format!(
                "{} min after the opening",
                i.severity.respond_within_minutes
            ),
        ),
    ];
    if let (Some(at), Some(by)) = (i.closed_at, &i.closed_by) {
        out.push(entry(
            at,
            "incident",
            format!("incident closed by {by}"),
            i.resolution.clone().unwrap_or_default(),
        ));
    }
    if i.status == Status::Open {
        // A deadline still ahead is not yet part of what happened.
        out.retain(|e| e.at <= Timestamp::now());
    }
    out
}

/// What set a severity, in a line: the first three reasons and how many more.
fn reasons(all: &[String]) -> String {
    let shown: Vec<&str> = all.iter().take(3).map(String::as_str).collect();
    match all.len() {
        0 => "no check found a problem".into(),
        n if n > 3 => format!("{}; and {} more", shown.join("; "), n - 3),
        _ => shown.join("; "),
    }
}

/// Each alarm's transitions in the window (DescribeAlarmHistory). Where the history cannot be
/// read, the alarm's current state at the time it entered it stands in, and the gap is named.
async fn alarms(ctx: &Context, from: Timestamp, to: Timestamp) -> Found {
    let (aws, alarms) = match ctx.aws().await {
        Ok(aws) => match crate::alarms::fetch(ctx, None).await {
            Ok(a) => (aws, a),
            Err(e) => return Found::unread("alarms", e),
        },
        Err(e) => return Found::unread("alarms", e),
    };
    let histories: Vec<_> = futures::stream::iter(&alarms)
        .map(|a| async move {
            (
                a,
                crate::alarms::transitions(aws, Some(&a.name), from, to).await,
            )
        })
        .buffered(4)
        .collect()
        .await;
    let mut found = Found::default();
    let mut failed = None;
    for (alarm, history) in histories {
        match history {
            Ok(transitions) => found
                .entries
                .extend(transitions.into_iter().filter_map(|t| {
                    Some(entry(
                        t.at?,
                        "alarm",
                        format!("{} {} → {}", alarm.name, t.from, t.to),
                        t.summary,
                    ))
                })),
            Err(e) => {
                failed.get_or_insert(e.to_string());
                if let Some(since) = alarm.since {
                    found.entries.push(entry(
                        since,
                        "alarm",
                        format!("{} → {} (current state)", alarm.name, alarm.state),
                        alarm.reason.clone(),
                    ));
                }
            }
        }
    }
    if let Some(e) = failed {
        found.unread.push(format!(
            "alarm history ({e}): each alarm's current state is shown when it was entered"
        ));
    }
    found
}

/// Functions whose code or configuration changed in the window (Lambda's LastModified).
async fn deploys(ctx: &Context, from: Timestamp, to: Timestamp) -> Found {
    let (aws, env) = match (ctx.aws().await, ctx.env()) {
        (Ok(aws), Ok(env)) => (aws, env),
        (Err(e), _) | (_, Err(e)) => return Found::unread("deploys", e),
    };
    let mut found = Found::default();
    for c in Component::functions() {
        let name = env.names.get(c);
        match crate::aws::lambda::get_function(aws, name).await {
            Ok(Some(f)) => {
                let config = f.configuration();
                let changed = config
                    .and_then(|c| c.last_modified())
                    .and_then(crate::aws::lambda::parse_last_modified);
                if let Some(at) = changed.filter(|at| from <= *at && *at <= to) {
                    let version = config.and_then(|c| c.version()).unwrap_or("$LATEST");
                    found.entries.push(entry(
                        at,
                        "deploy",
                        format!("{name} code or configuration changed"),
                        format!("version {version}"),
                    ));
                }
            }
            Ok(None) => found
                .notes
                .push(format!("deploys: the function {name} does not exist")),
            Err(e) => found.unread.push(format!("deploys of {name}: {e}")),
        }
    }
    found
}

/// The first error of each code in each function's log group, with how many followed.
fn first_errors(read: &super::errors::Read) -> Found {
    // (function, code) → (first line, count)
    let mut first: BTreeMap<(String, String), (&LogLine, usize)> = BTreeMap::new();
    for line in &read.lines {
        let slot = first
            .entry((line.group.clone(), super::errors::code(line).to_string()))
            .or_insert((line, 0));
        if line.at < slot.0.at {
            slot.0 = line;
        }
        slot.1 += 1;
    }
    let entries = first
        .into_iter()
        .map(|((group, code), (line, count))| {
            entry(
                line.at,
                "error",
                format!("first {code} in {group}"),
                format!("{count} in the window; {}", line.message),
            )
        })
        .collect();
    Found {
        entries,
        unread: read.unread.clone(),
        notes: read.notes.clone(),
    }
}

/// What mandala-ops changed in the window.
async fn changes(ctx: &Context, from: Timestamp, to: Timestamp) -> Found {
    let (report, fallback) = match super::changes_since(ctx, from, 10_000).await {
        Ok(r) => r,
        Err(e) => return Found::unread("changes", e),
    };
    let mut found = Found {
        notes: fallback
            .map(|n| format!("changes: {n}"))
            .into_iter()
            .collect(),
        ..Found::default()
    };
    found.entries = report
        .entries
        .into_iter()
        .filter(|l| l.at <= to)
        .map(|l| {
            let e = l.entry;
            entry(
                l.at,
                "change",
                format!("{}: {} {} {}", e.command, e.action, e.target, e.target_id),
                format!("by {}: {}", e.operator, e.reason),
            )
        })
        .collect();
    found
}

/// One runbook run of this machine, from its transcript.
pub struct Transcript {
    pub started: Timestamp,
    pub path: std::path::PathBuf,
    pub title: String,
    /// The summary line's counts, or "did not finish".
    pub outcome: String,
    /// The severity the run's health checks gave when it started.
    pub severity: Option<String>,
}

/// This machine's runbook runs in `[from, to]` for the environment `env`, from their transcripts.
pub fn transcripts(
    ctx: &Context,
    env: &str,
    from: Timestamp,
    to: Timestamp,
) -> std::io::Result<Vec<Transcript>> {
    let files = match std::fs::read_dir(ctx.state.transcripts()) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for path in files.flatten().map(|f| f.path()) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let field = |k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("- {k}: ")))
                .map(str::trim)
        };
        let Some(started) = field("started").and_then(|s| s.parse::<Timestamp>().ok()) else {
            continue;
        };
        if field("environment") != Some(env) || started < from || started > to {
            continue;
        }
        let title = text
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('#')
            .trim()
            .to_string();
        let outcome = text
            .lines()
            .rev()
            .find(|l| l.starts_with("finished "))
            .map(|l| l.split_once(": ").map_or(l, |(_, rest)| rest))
            .unwrap_or("did not finish")
            .to_string();
        let severity = text
            .lines()
            .map(|l| l.trim_matches('_'))
            .find(|l| l.starts_with("severity level"))
            .map(str::to_string);
        out.push(Transcript {
            started,
            path,
            title,
            outcome,
            severity,
        });
    }
    out.sort_by_key(|t| t.started);
    Ok(out)
}

fn runbooks(ctx: &Context, env: &str, from: Timestamp, to: Timestamp) -> Found {
    match transcripts(ctx, env, from, to) {
        Ok(runs) => {
            let mut found = Found::default();
            for t in runs {
                // Each run first judges the health checks: the verdicts over time.
                if let Some(severity) = &t.severity {
                    found.entries.push(entry(
                        t.started,
                        "health",
                        format!("health: {severity}"),
                        format!("judged at the start of runbook {}", t.title),
                    ));
                }
                found.entries.push(entry(
                    t.started,
                    "runbook",
                    format!("runbook {}", t.title),
                    format!("{} ({})", t.outcome, t.path.display()),
                ));
            }
            found
        }
        Err(e) => Found::unread(
            &format!(
                "runbook transcripts in {}",
                ctx.state.transcripts().display()
            ),
            e,
        ),
    }
}

impl Render for Timeline {
    fn render(&self, doc: &mut Doc) {
        let i = &self.incident;
        doc.heading(format!(
            "Incident {}: {} ({})",
            i.id,
            i.title,
            super::span(self.from, self.to)
        ));
        let mut t = Table::new(["at", "source", "what", "detail"]);
        for e in &self.entries {
            let tone = match e.source {
                "incident" => Tone::Bad,
                "health" => Tone::Warn,
                "error" => Tone::Warn,
                "alarm" if e.what.ends_with("ALARM") || e.what.contains("→ ALARM") => Tone::Bad,
                _ => Tone::Plain,
            };
            t.row([
                Cell::new(e.at.strftime("%Y-%m-%d %H:%M:%S").to_string()),
                Cell::new(e.source),
                Cell::toned(&e.what, tone),
                Cell::new(&e.detail),
            ]);
        }
        doc.table(t);
        for u in &self.unread {
            doc.note(Tone::Warn, format!("not read: {u}"));
        }
        for n in &self.notes {
            doc.note(Tone::Dim, n.clone());
        }
    }

    /// Exit 1 when a source could not be read: the timeline is missing part of the story.
    fn status(&self) -> ExitStatus {
        super::complete(&self.unread)
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
    use aws_sdk_cloudwatch::types::{AlarmHistoryItem, HistoryItemType, MetricAlarm, StateValue};
    use aws_smithy_mocks::mock;

    const NAME: &str = "goal-mandala-prod-ai-processor-errors";

    // DescribeAlarmHistory as AWS documents it (the emulator lacks it): StateUpdate items whose
    // historyData holds oldState and newState.
    fn item(at: i64, from: &str, to: &str) -> AlarmHistoryItem {
        AlarmHistoryItem::builder()
            .alarm_name(NAME)
            .timestamp(aws_smithy_types::DateTime::from_secs(at))
            .history_item_type(HistoryItemType::StateUpdate)
            .history_summary(format!("Alarm updated from {from} to {to}"))
            .history_data(format!(r#"{{"version":"1.0","oldState":{{"stateValue":"{from}","stateReason":"r"}},"newState":{{"stateValue":"{to}","stateReason":"Threshold Crossed"}}}}"#))
            .build()
    }

    #[tokio::test]
    async fn alarm_transitions_enter_the_timeline_in_order() {
        let alarms_rule = mock!(Client::describe_alarms).then_output(|| {
            DescribeAlarmsOutput::builder()
                .metric_alarms(
                    MetricAlarm::builder()
                        .alarm_name(NAME)
                        .state_value(StateValue::Ok)
                        .build(),
                )
                .build()
        });
        let history = mock!(Client::describe_alarm_history)
            .match_requests(|r| r.alarm_name() == Some(NAME))
            .then_output(|| {
                DescribeAlarmHistoryOutput::builder()
                    .alarm_history_items(item(1_700_000_600, "ALARM", "OK"))
                    .alarm_history_items(item(1_700_000_000, "OK", "ALARM"))
                    .build()
            });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![alarms_rule, history],
                ..Default::default()
            }
            .clients(),
        );
        let from = Timestamp::from_second(1_699_999_000).unwrap();
        let to = Timestamp::from_second(1_700_001_000).unwrap();
        let found = alarms(&ctx, from, to).await;
        assert!(found.unread.is_empty(), "{:?}", found.unread);
        let what: Vec<&str> = found.entries.iter().map(|e| e.what.as_str()).collect();
        assert_eq!(
            what,
            [format!("{NAME} OK → ALARM"), format!("{NAME} ALARM → OK")]
        );
        assert_eq!(found.entries[0].at.as_second(), 1_700_000_000);
    }
}

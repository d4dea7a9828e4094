//! `incident`: the record of an incident, as the guides' incident flow keeps it (003 アラート対応
//! 手順 / アラート対応フロー): when it was opened and by whom, its severity level and the
//! response deadline that level sets (003 緊急度レベル: 15分以内, 1時間以内, 4時間以内,
//! 1営業日以内), the window its evidence covers, and when and how it was closed.

pub mod capture;
mod errors;
pub mod impact;
pub mod postmortem;
mod redact;
mod store;
pub mod timeline;

use crate::config::thresholds::Severity as Limits;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::health::{self, severity::Severity};
use crate::output::{Cell, Doc, Render, Table, Tone};
use jiff::{Timestamp, tz::TimeZone};
use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Closed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }
}

/// One incident. The JSON shape is the record kept in the state folder and the database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub environment: String,
    pub title: String,
    pub status: Status,
    pub severity: Severity,
    /// Where the incident's window starts: its evidence is what happened from here on.
    pub since: Timestamp,
    pub opened_at: Timestamp,
    pub opened_by: String,
    /// The response deadline the severity level sets, from the opening.
    pub respond_by: Timestamp,
    pub closed_at: Option<Timestamp>,
    pub closed_by: Option<String>,
    /// How it ended, in the closer's words.
    pub resolution: Option<String>,
    pub updated_at: Timestamp,
}

impl Incident {
    /// The window its evidence covers: from `since` to its closing, or now while it is open.
    pub fn window(&self) -> (Timestamp, Timestamp) {
        (self.since, self.closed_at.unwrap_or_else(Timestamp::now))
    }
}

#[derive(Debug, Clone)]
pub struct StartOptions {
    pub title: Option<String>,
    /// How far back the incident's window starts.
    pub since: Duration,
    /// The level the on-call engineer chose; otherwise the health checks set it.
    pub severity: Option<u8>,
}

#[derive(Debug, Clone)]
pub struct CloseOptions {
    /// Which incident; otherwise the environment's one open incident.
    pub id: Option<String>,
    pub resolution: Option<String>,
}

/// What `incident start` and `incident close` wrote.
#[derive(Debug, Serialize)]
pub struct Written {
    pub incident: Incident,
    /// The state folder's file, and the database's table when it answered.
    pub wrote: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Listing {
    pub environment: String,
    pub incidents: Vec<Incident>,
    pub notes: Vec<String>,
}

fn environment(ctx: &Context) -> Result<String> {
    Ok(ctx.env()?.name.to_string())
}

/// A new id: the opening minute and four random hex digits (`20261204-0312-3fa2`), short enough
/// to type, unique across the machines of a team.
fn new_id(at: Timestamp) -> String {
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("{}-{}", at.strftime("%Y%m%d-%H%M"), &random[..4])
}

pub async fn start(ctx: &Context, opts: &StartOptions) -> Result<Written> {
    let env = environment(ctx)?;
    let loaded = store::load(ctx, &env).await?;
    if let Some(open) = loaded.incidents.iter().find(|i| i.status == Status::Open) {
        return Err(Error::usage(format!(
            "incident {} ({}) is already open in {env}, opened by {} at {}",
            open.id,
            open.title,
            open.opened_by,
            when(open.opened_at)
        ))
        .with_hint(format!(
            "work on it, or close it first: mandala-ops incident close {}",
            open.id
        )));
    }
    let now = whole_second();
    let since = crate::time::before(now, opts.since, "--since")?;
    let limits = &ctx.thresholds.severity;
    let severity = match opts.severity {
        Some(level) => Severity::at(
            level,
            vec![format!("set by {} (--severity)", ctx.operator)],
            limits,
        ),
        None => {
            let checks = health::Options {
                since: opts.since,
                ..health::Options::default()
            };
            let report = health::run(ctx, &checks)
                .await
                .map_err(|e| match e.hint() {
                    Some(_) => e,
                    None => e.with_hint("the health checks set the severity: pass --severity 1-4"),
                })?;
            judge(&report, &env, limits)?
        }
    };
    let title = opts
        .title
        .clone()
        // Levels 1-3 are set by a finding, named first; level 4 has none to name.
        .or_else(|| {
            (severity.level < 4)
                .then(|| severity.reasons.first().cloned())
                .flatten()
        })
        .unwrap_or_else(|| format!("incident in {env}"));
    let incident = Incident {
        id: new_id(now),
        environment: env,
        title,
        status: Status::Open,
        respond_by: severity.respond_by(now, &TimeZone::system()),
        severity,
        since,
        opened_at: now,
        opened_by: ctx.operator.clone(),
        closed_at: None,
        closed_by: None,
        resolution: None,
        updated_at: now,
    };
    write(ctx, incident, loaded.notes).await
}

/// The level the health checks set. Nothing looked at means nothing to judge by: level 4 would
/// read as calm, so the engineer is asked for it.
fn judge(report: &health::Report, env: &str, limits: &Limits) -> Result<Severity> {
    if report
        .checks
        .iter()
        .all(|r| r.status == health::Status::Unknown)
    {
        return Err(Error::usage(format!(
            "none of the {} health checks could look in {env}, so they cannot set the severity",
            report.checks.len()
        ))
        .with_hint("pass --severity 1-4 as you judge it"));
    }
    Ok(health::severity::assess(report, limits))
}

/// Writes `incident` and says where it went, after what reading the records noted.
async fn write(ctx: &Context, incident: Incident, mut notes: Vec<String>) -> Result<Written> {
    let saved = store::save(ctx, &incident).await?;
    notes.extend(saved.notes);
    Ok(Written {
        incident,
        wrote: saved.wrote,
        notes,
    })
}

/// The incident `id` names, or the environment's one open incident, with what reading the
/// records noted.
async fn find(ctx: &Context, id: Option<&str>) -> Result<(Incident, Vec<String>)> {
    let env = environment(ctx)?;
    let loaded = store::load(ctx, &env).await?;
    let incident = pick(&loaded.incidents, id, &env)?.clone();
    Ok((incident, loaded.notes))
}

/// The timeline and the impact of one incident over one window, each function's error events
/// read once for both (`incident report`, `incident capture`).
async fn story(
    ctx: &Context,
    incident: &Incident,
    notes: &[String],
) -> (timeline::Timeline, impact::Impact) {
    let (from, to) = incident.window();
    let (errors, found, processes) = futures::join!(
        errors::read(ctx, from, to),
        timeline::sources(ctx, from, to),
        impact::processes(ctx, from, to),
    );
    (
        timeline::assemble(incident.clone(), notes.to_vec(), (from, to), &errors, found),
        impact::assemble(
            incident.clone(),
            notes.to_vec(),
            (from, to),
            processes,
            &errors,
        ),
    )
}

/// What mandala-ops changed from `from` on (at most `limit` entries, newest first): the
/// environment's audit table, or this machine's journal when the database does not answer
/// (then with why, for a note).
async fn changes_since(
    ctx: &Context,
    from: Timestamp,
    limit: usize,
) -> Result<(crate::audit::AuditReport, Option<String>)> {
    let opts = |journal| crate::audit::Options {
        since: Timestamp::now()
            .duration_since(from)
            .unsigned_abs()
            .max(Duration::from_secs(1)),
        command: None,
        target: None,
        limit,
        journal,
    };
    match crate::audit::audit(ctx, &opts(false)).await {
        Ok(r) => Ok((r, None)),
        Err(e) => {
            let r = crate::audit::audit(ctx, &opts(true)).await?;
            Ok((r, Some(format!("from this machine's journal only ({e})"))))
        }
    }
}

/// Exit 1 when part of what a report should hold could not be read: it is not the whole story.
fn complete(missing: &[String]) -> crate::exit::ExitStatus {
    if missing.is_empty() {
        crate::exit::ExitStatus::Ok
    } else {
        crate::exit::ExitStatus::Warn
    }
}

/// `from` to `to`, as the headings print a window.
fn span(from: Timestamp, to: Timestamp) -> String {
    format!("{} to {}", when(from), when(to))
}

pub async fn list(ctx: &Context) -> Result<Listing> {
    let environment = environment(ctx)?;
    let loaded = store::load(ctx, &environment).await?;
    Ok(Listing {
        environment,
        incidents: loaded.incidents,
        notes: loaded.notes,
    })
}

/// The incident `id` names, or the environment's one open incident.
pub fn pick<'a>(incidents: &'a [Incident], id: Option<&str>, env: &str) -> Result<&'a Incident> {
    if let Some(id) = id {
        return incidents.iter().find(|i| i.id == id).ok_or_else(|| {
            Error::usage(format!("there is no incident {id} in {env}"))
                .with_hint("`incident list` shows the environment's incidents")
        });
    }
    let open: Vec<&Incident> = incidents
        .iter()
        .filter(|i| i.status == Status::Open)
        .collect();
    match open.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::usage(format!("no incident is open in {env}"))
            .with_hint("name one (`incident list`), or open one with `incident start`")),
        many => Err(Error::usage(format!(
            "{} incidents are open in {env}: {}",
            many.len(),
            many.iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .with_hint("name the one you mean")),
    }
}

pub async fn close(ctx: &Context, opts: &CloseOptions) -> Result<Written> {
    let (mut incident, notes) = find(ctx, opts.id.as_deref()).await?;
    if incident.status == Status::Closed {
        return Err(Error::usage(format!(
            "incident {} was already closed by {} at {}",
            incident.id,
            incident.closed_by.as_deref().unwrap_or("someone"),
            incident.closed_at.map(when).unwrap_or_default()
        )));
    }
    let now = whole_second();
    incident.status = Status::Closed;
    incident.closed_at = Some(now);
    incident.closed_by = Some(ctx.operator.clone());
    incident.resolution = opts.resolution.clone();
    incident.updated_at = now;
    write(ctx, incident, notes).await
}

/// Now, to the second: records are read by people, not benchmarks.
fn whole_second() -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second()).unwrap_or_else(|_| Timestamp::now())
}

fn when(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

fn level_tone(level: u8) -> Tone {
    match level {
        1 | 2 => Tone::Bad,
        3 => Tone::Warn,
        _ => Tone::Dim,
    }
}

/// The response deadline as an on-call engineer wants it read: how long is left, or that it
/// has passed.
fn deadline(i: &Incident, now: Timestamp) -> Cell {
    let at = when(i.respond_by);
    if i.status == Status::Closed {
        return Cell::new(at);
    }
    if now > i.respond_by {
        Cell::toned(format!("{at} (passed)"), Tone::Warn)
    } else {
        Cell::new(format!("{at} (in {})", crate::time::age(i.respond_by, now)))
    }
}

impl Render for Written {
    fn render(&self, doc: &mut Doc) {
        let i = &self.incident;
        let done = match i.status {
            Status::Open => "opened",
            Status::Closed => "closed",
        };
        doc.heading(format!("Incident {} {done}: {}", i.id, i.title));
        let mut fields = vec![
            ("environment".to_string(), Cell::new(&i.environment)),
            (
                "severity".to_string(),
                Cell::toned(i.severity.headline(), level_tone(i.severity.level)),
            ),
            ("window from".to_string(), Cell::new(when(i.since))),
            (
                "opened".to_string(),
                Cell::new(format!("{} by {}", when(i.opened_at), i.opened_by)),
            ),
            ("respond by".to_string(), deadline(i, Timestamp::now())),
        ];
        if let (Some(at), Some(by)) = (i.closed_at, &i.closed_by) {
            fields.push((
                "closed".to_string(),
                Cell::new(format!(
                    "{} by {} after {}",
                    when(at),
                    by,
                    crate::time::age(at, i.opened_at)
                )),
            ));
        }
        if let Some(r) = &i.resolution {
            fields.push(("resolution".to_string(), Cell::new(r)));
        }
        fields.push(("written to".to_string(), Cell::new(self.wrote.join(", "))));
        doc.fields(fields);
        if i.status == Status::Open {
            const SHOWN: usize = 5;
            for reason in i.severity.reasons.iter().take(SHOWN) {
                doc.note(Tone::Dim, format!("  {reason}"));
            }
            if i.severity.reasons.len() > SHOWN {
                doc.note(
                    Tone::Dim,
                    format!(
                        "  and {} more (-o json, or the record, lists all)",
                        i.severity.reasons.len() - SHOWN
                    ),
                );
            }
        }
        for n in &self.notes {
            doc.note(Tone::Warn, n.clone());
        }
    }
}

impl Render for Listing {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("Incidents in {}", self.environment));
        let now = Timestamp::now();
        let mut t = Table::new([
            "id",
            "status",
            "level",
            "title",
            "opened",
            "respond by",
            "closed",
            "opened by",
        ]);
        for i in &self.incidents {
            t.row([
                Cell::new(&i.id),
                Cell::toned(
                    i.status.name(),
                    if i.status == Status::Open {
                        Tone::Warn
                    } else {
                        Tone::Dim
                    },
                ),
                Cell::toned(
                    format!("{} {}", i.severity.level, i.severity.label),
                    level_tone(i.severity.level),
                ),
                Cell::new(&i.title),
                Cell::new(when(i.opened_at)),
                deadline(i, now),
                Cell::new(i.closed_at.map(when).unwrap_or_default()),
                Cell::new(&i.opened_by),
            ]);
        }
        if t.is_empty() {
            doc.note(Tone::Dim, "no incidents on record");
        } else {
            doc.table(t);
        }
        for n in &self.notes {
            doc.note(Tone::Dim, n.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(id: &str, status: Status) -> Incident {
        let at: Timestamp = "2026-12-04T03:00:00Z".parse().unwrap();
        Incident {
            id: id.into(),
            environment: "prod".into(),
            title: "t".into(),
            status,
            severity: Severity::at(2, vec![], &Limits::default()),
            since: at,
            opened_at: at,
            opened_by: "op".into(),
            respond_by: at,
            closed_at: None,
            closed_by: None,
            resolution: None,
            updated_at: at,
        }
    }

    #[test]
    fn the_open_incident_is_picked_unless_one_is_named() {
        let list = vec![
            incident("a", Status::Closed),
            incident("b", Status::Open),
            incident("c", Status::Closed),
        ];
        assert_eq!(pick(&list, None, "prod").unwrap().id, "b");
        assert_eq!(pick(&list, Some("c"), "prod").unwrap().id, "c");
        let e = pick(&list, Some("zz"), "prod").unwrap_err();
        assert_eq!(e.status(), crate::exit::ExitStatus::Usage);
        let e = pick(&list[..1], None, "prod").unwrap_err();
        assert!(e.to_string().contains("no incident is open"), "{e}");
        let two = vec![incident("b", Status::Open), incident("d", Status::Open)];
        let e = pick(&two, None, "prod").unwrap_err();
        assert!(e.to_string().contains("b, d"), "{e}");
    }

    #[test]
    fn ids_are_the_minute_and_a_random_suffix() {
        let at: Timestamp = "2026-12-04T03:12:00Z".parse().unwrap();
        let id = new_id(at);
        let suffix = id.strip_prefix("20261204-0312-").unwrap();
        assert!(
            suffix.len() == 4 && suffix.chars().all(|c| c.is_ascii_hexdigit()),
            "{id}"
        );
    }

    #[test]
    fn checks_that_could_not_look_do_not_set_a_level() {
        let report = |statuses: &[health::Status]| health::Report {
            status: health::Status::Unknown,
            environment: "prod".into(),
            since: "1h".into(),
            strict: false,
            took_ms: 0,
            checks: statuses
                .iter()
                .map(|s| health::Row::new("alarms", "x", *s, "m"))
                .collect(),
        };
        let limits = Limits::default();
        for none in [&[][..], &[health::Status::Unknown, health::Status::Unknown]] {
            let e = judge(&report(none), "prod", &limits).unwrap_err();
            assert_eq!(e.status(), crate::exit::ExitStatus::Usage);
            assert!(e.to_string().contains("could look in prod"), "{e}");
        }
        let some = judge(
            &report(&[health::Status::Unknown, health::Status::Ok]),
            "prod",
            &limits,
        )
        .unwrap();
        assert_eq!(some.level, 4);
        assert_eq!(
            some.reasons,
            ["judged without 1 of 2 checks, which could not look: alarms"]
        );
    }
}

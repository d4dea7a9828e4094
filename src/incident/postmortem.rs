//! `incident report`: a postmortem draft in the order of the guides' incident flow (003
//! アラート対応フロー; 000 インシデント対応: 検知, 初期対応, 影響範囲, 対応, 復旧確認, 事後対応),
//! assembled from the record, the timeline and the impact, with the follow-up left for people.

use super::impact::Impact;
use super::timeline::{Entry, Timeline};
use super::{Incident, Status, when};
use crate::context::Context;
use crate::error::Result;
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Table, Tone};
use jiff::Timestamp;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Postmortem {
    pub incident: Incident,
    pub response: Response,
    pub timeline: Timeline,
    pub impact: Impact,
}

/// Whether the response began within the deadline the severity level sets: the first action on
/// record (a runbook run or an applied change) after the opening.
#[derive(Debug, Serialize)]
pub struct Response {
    pub deadline: Timestamp,
    pub first_action_at: Option<Timestamp>,
    pub first_action: Option<String>,
    /// `None` while no action is on record and the deadline has not passed.
    pub met: Option<bool>,
}

fn is_action(e: &Entry) -> bool {
    matches!(e.source, "change" | "runbook")
}

fn response(i: &Incident, t: &Timeline, now: Timestamp) -> Response {
    let first = t
        .entries
        .iter()
        .find(|e| is_action(e) && e.at >= i.opened_at);
    let met = match first {
        Some(e) => Some(e.at <= i.respond_by),
        None if now > i.respond_by => Some(false),
        None => None,
    };
    Response {
        deadline: i.respond_by,
        first_action_at: first.map(|e| e.at),
        first_action: first.map(|e| e.what.clone()),
        met,
    }
}

pub async fn report(ctx: &Context, id: Option<&str>) -> Result<Postmortem> {
    let (incident, notes) = super::find(ctx, id).await?;
    let (timeline, impact) = super::story(ctx, &incident, &notes).await;
    Ok(Postmortem {
        response: response(&incident, &timeline, Timestamp::now()),
        incident,
        timeline,
        impact,
    })
}

fn table(entries: &[&Entry]) -> Table {
    let mut t = Table::new(["at", "source", "what", "detail"]);
    for e in entries {
        t.row([
            Cell::new(e.at.strftime("%Y-%m-%d %H:%M:%S").to_string()),
            Cell::new(e.source),
            Cell::new(&e.what),
            Cell::new(&e.detail),
        ]);
    }
    t
}

impl Render for Postmortem {
    fn render(&self, doc: &mut Doc) {
        let i = &self.incident;
        let (t, r) = (&self.timeline, &self.response);
        doc.title(format!("Incident report {}: {}", i.id, i.title));
        doc.fields([
            ("environment", i.environment.clone()),
            ("severity", i.severity.headline()),
            ("window", super::span(t.from, t.to)),
            (
                "status",
                match i.status {
                    Status::Open => "open (draft written during the incident)".to_string(),
                    Status::Closed => "closed".to_string(),
                },
            ),
        ]);

        doc.heading("1. 検知 Detection");
        let detection: Vec<&Entry> = t
            .entries
            .iter()
            .filter(|e| {
                e.at <= i.opened_at && matches!(e.source, "alarm" | "error" | "deploy" | "health")
            })
            .collect();
        if detection.is_empty() {
            doc.note(
                Tone::Dim,
                "no alarm, error or deploy on record before the opening",
            );
        } else {
            doc.text("What was seen before the incident was opened:");
            doc.table(table(&detection));
        }

        doc.heading("2. 初期対応 Initial response");
        doc.fields([
            (
                "opened".to_string(),
                Cell::new(format!("{} by {}", when(i.opened_at), i.opened_by)),
            ),
            (
                "response deadline".to_string(),
                Cell::new(format!("{} ({})", when(r.deadline), i.severity.headline())),
            ),
            (
                "first action".to_string(),
                Cell::new(match (&r.first_action, r.first_action_at) {
                    (Some(what), Some(at)) => format!("{} at {}", what, when(at)),
                    _ => "none on record".to_string(),
                }),
            ),
            (
                "deadline".to_string(),
                match r.met {
                    Some(true) => Cell::toned("met", Tone::Good),
                    Some(false) => Cell::toned("missed", Tone::Bad),
                    None => Cell::toned("open: no action on record yet", Tone::Warn),
                },
            ),
        ]);
        doc.items(i.severity.reasons.iter().map(String::as_str));

        doc.heading("3. 影響範囲 Impact");
        self.impact.body(doc);

        doc.heading("4. 対応 Actions taken");
        let actions: Vec<&Entry> = t.entries.iter().filter(|e| is_action(e)).collect();
        if actions.is_empty() {
            doc.note(
                Tone::Warn,
                "no runbook run or applied change on record in the window",
            );
        } else {
            doc.table(table(&actions));
        }

        doc.heading("5. 復旧確認 Recovery");
        match (i.closed_at, &i.closed_by) {
            (Some(at), Some(by)) => {
                doc.fields([
                    ("closed", format!("{} by {}", when(at), by)),
                    (
                        "resolution",
                        i.resolution.clone().unwrap_or_else(|| "(not given)".into()),
                    ),
                    ("duration", crate::time::age(at, i.opened_at)),
                ]);
            }
            _ => {
                doc.note(
                    Tone::Warn,
                    "still open: confirm recovery (`mandala-ops health`), then `incident close --resolution …`",
                );
            }
        }
        doc.subheading("Full timeline");
        doc.table(table(&t.entries.iter().collect::<Vec<_>>()));
        for u in t.unread.iter().chain(&self.impact.unread) {
            doc.note(Tone::Warn, format!("not read: {u}"));
        }

        doc.heading("6. 事後対応 Follow-up (to be filled in)");
        doc.items([
            "[ ] Root cause (原因特定):",
            "[ ] Users notified (ユーザーへの通知), if the service was affected:",
            "[ ] Recurrence prevention (再発防止策の検討):",
            "[ ] Monitoring or runbook changes:",
            "[ ] Owner and due date of each action:",
        ]);
    }

    /// Exit 1 when a source could not be read or the response deadline was missed.
    fn status(&self) -> ExitStatus {
        let unread = !self.timeline.unread.is_empty() || !self.impact.unread.is_empty();
        if unread || self.response.met == Some(false) {
            ExitStatus::Warn
        } else {
            ExitStatus::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: &str, source: &'static str) -> Entry {
        Entry {
            at: at.parse().unwrap(),
            source,
            what: format!("{source} thing"),
            detail: String::new(),
        }
    }

    #[test]
    fn the_deadline_is_met_by_the_first_action_after_the_opening() {
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        let severity = crate::health::severity::Severity::at(
            2,
            vec![],
            &crate::config::thresholds::Severity::default(),
        );
        let i = Incident {
            id: "x".into(),
            environment: "prod".into(),
            title: "t".into(),
            status: Status::Open,
            severity,
            since: at("2026-12-04T01:00:00Z"),
            opened_at: at("2026-12-04T02:00:00Z"),
            opened_by: "op".into(),
            respond_by: at("2026-12-04T03:00:00Z"),
            closed_at: None,
            closed_by: None,
            resolution: None,
            updated_at: at("2026-12-04T02:00:00Z"),
        };
        let timeline = |entries| Timeline {
            incident: i.clone(),
            from: i.since,
            to: at("2026-12-04T05:00:00Z"),
            entries,
            unread: vec![],
            notes: vec![],
        };
        // A change before the opening is not the response; one within the hour is.
        let t = timeline(vec![
            entry("2026-12-04T01:30:00Z", "change"),
            entry("2026-12-04T02:40:00Z", "runbook"),
        ]);
        let r = response(&i, &t, at("2026-12-04T05:00:00Z"));
        assert_eq!(r.met, Some(true));
        assert_eq!(r.first_action.as_deref(), Some("runbook thing"));
        let late = timeline(vec![entry("2026-12-04T03:10:00Z", "change")]);
        assert_eq!(
            response(&i, &late, at("2026-12-04T05:00:00Z")).met,
            Some(false)
        );
        let none = timeline(vec![entry("2026-12-04T02:10:00Z", "error")]);
        assert_eq!(response(&i, &none, at("2026-12-04T02:30:00Z")).met, None);
        assert_eq!(
            response(&i, &none, at("2026-12-04T03:30:00Z")).met,
            Some(false)
        );
    }
}

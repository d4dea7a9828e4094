//! `audit`: what mandala-ops changed, who changed it, when and why, newest first: the
//! environment's audit table, or with `--journal` this machine's local journal (which also holds
//! AWS changes made while the database was down).

mod journal;
mod store;

pub use store::{Entry, Outside, SCHEMA, ensure_schema, record, record_outside};

use crate::context::Context;
use crate::error::{Result, db_err};
use crate::output::{Cell, Doc, Render, Table, Tone};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Options {
    pub since: Duration,
    /// Commands starting with this (`scale` matches `scale lambda` and `scale stop`).
    pub command: Option<String>,
    /// One target: a process id, a function name, a log stream.
    pub target: Option<String>,
    pub limit: usize,
    pub journal: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    pub at: Timestamp,
    #[serde(flatten)]
    pub entry: Entry,
}

#[derive(Debug, Serialize)]
pub struct AuditReport {
    /// The audit table's database, or the journal's path.
    pub source: String,
    pub since: Timestamp,
    pub entries: Vec<Line>,
    pub notes: Vec<String>,
}

impl Options {
    fn keeps(&self, e: &Entry) -> bool {
        self.command
            .as_deref()
            .is_none_or(|c| e.command.starts_with(c))
            && self.target.as_deref().is_none_or(|t| e.target_id == t)
    }
}

pub async fn audit(ctx: &Context, opts: &Options) -> Result<AuditReport> {
    let since = crate::time::before(Timestamp::now(), opts.since, "--since")?;
    if opts.journal {
        let path = &ctx.audit_journal;
        let (entries, notes) = journal::read(path, since, |e| opts.keeps(e), opts.limit)?;
        return Ok(AuditReport {
            source: path.display().to_string(),
            since,
            entries,
            notes,
        });
    }
    let db = ctx.db().await?;
    let doing = "reading the audit trail";
    let table = format!("{SCHEMA}.audit");
    let exists: bool = db
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&table])
        .await
        .map_err(db_err(doing))?
        .get(0);
    let mut report = AuditReport {
        source: format!("{table} on {}", db.label),
        since,
        entries: Vec::new(),
        notes: Vec::new(),
    };
    if !exists {
        report.notes.push(format!(
            "nothing has been applied here yet ({table} does not exist)"
        ));
        return Ok(report);
    }
    let rows = db
        .query(
            &format!(
                "SELECT at, run_id, operator, command, target, target_id, action, reason, before, after \
                 FROM {table} \
                 WHERE at >= $1 AND ($2::text IS NULL OR starts_with(command, $2)) \
                   AND ($3::text IS NULL OR target_id = $3) \
                 ORDER BY at DESC, id DESC LIMIT $4"
            ),
            &[&since, &opts.command, &opts.target, &(opts.limit as i64)],
        )
        .await
        .map_err(db_err(doing))?;
    report.entries = rows
        .iter()
        .map(|r| Line {
            at: r.get("at"),
            entry: Entry {
                run_id: r.get("run_id"),
                operator: r.get("operator"),
                command: r.get("command"),
                target: r.get("target"),
                target_id: r.get("target_id"),
                action: r.get("action"),
                reason: r.get("reason"),
                before: r.get("before"),
                after: r.get("after"),
            },
        })
        .collect();
    Ok(report)
}

/// What changed, field by field: `status PROCESSING → COMPLETED, progress 50 → 100`.
fn change(before: Option<&Value>, after: Option<&Value>) -> String {
    let show = |v: Option<&Value>| match v {
        None | Some(Value::Null) => "-".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter()
                .filter(|k| b.get(*k) != a.get(*k))
                .map(|k| format!("{k} {} → {}", show(b.get(k)), show(a.get(k))))
                .collect::<Vec<_>>()
                .join(", ")
        }
        (b, a) => format!("{} → {}", show(b), show(a)),
    }
}

impl Render for AuditReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!(
            "Changes since {} ({})",
            self.since.strftime("%Y-%m-%d %H:%M UTC"),
            self.source
        ));
        let mut t = Table::new([
            "at", "operator", "command", "target", "action", "change", "reason",
        ]);
        for l in &self.entries {
            let e = &l.entry;
            t.row([
                Cell::new(l.at.strftime("%Y-%m-%d %H:%M:%S").to_string()),
                Cell::new(&e.operator),
                Cell::new(&e.command),
                Cell::new(format!("{} {}", e.target, e.target_id)),
                Cell::new(&e.action),
                Cell::new(change(e.before.as_ref(), e.after.as_ref())),
                Cell::new(&e.reason),
            ]);
        }
        doc.table(t);
        for n in &self.notes {
            doc.note(Tone::Dim, n.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn change_names_each_field_that_moved() {
        assert_eq!(
            change(
                Some(&json!({"status": "PROCESSING", "progress": 50, "error": null})),
                Some(&json!({"status": "COMPLETED", "progress": 100, "error": null}))
            ),
            "progress 50 → 100, status PROCESSING → COMPLETED"
        );
        assert_eq!(change(Some(&json!(10)), Some(&json!(0))), "10 → 0");
        assert_eq!(change(Some(&json!({"rows": 3})), None), r#"{"rows":3} → -"#);
    }

    #[test]
    fn the_journal_is_read_newest_first_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        let line = |at: &str, command: &str, target: &str| {
            format!(
                r#"{{"at":"{at}","run_id":"00000000-0000-0000-0000-000000000000","operator":"op","command":"{command}","target":"function","target_id":"{target}","action":"set","reason":"r","before":1,"after":0}}"#
            )
        };
        let text = [
            line("2026-11-20T00:00:00Z", "scale stop", "f1"),
            "not json".into(),
            line("2026-11-22T00:00:00Z", "scale lambda", "f2"),
            line("2026-11-22T01:00:00Z", "scale stop", "f2"),
        ]
        .join("\n");
        std::fs::write(&path, text).unwrap();
        let opts = Options {
            since: Duration::ZERO,
            command: Some("scale".into()),
            target: Some("f2".into()),
            limit: 10,
            journal: true,
        };
        let since: Timestamp = "2026-11-21T00:00:00Z".parse().unwrap();
        let keep = |e: &Entry| opts.keeps(e);
        let (lines, notes) = journal::read(&path, since, keep, opts.limit).unwrap();
        let got: Vec<&str> = lines.iter().map(|l| l.entry.command.as_str()).collect();
        assert_eq!(got, ["scale stop", "scale lambda"]);
        assert_eq!(notes, ["1 lines of the journal could not be read"]);
        let (none, notes) =
            journal::read(&dir.path().join("missing"), since, keep, opts.limit).unwrap();
        assert!(none.is_empty() && notes[0].contains("does not exist"));
    }
}

//! The report's data, and the one document it renders to (Markdown, HTML and the terminal all
//! print this document; JSON prints the data).

use super::Period;
use crate::exit::ExitStatus;
use crate::health::{self, Status, severity::Severity};
use crate::output::number as format_number;
use crate::output::{Cell, Doc, Render, Series, Table, Tone};
use jiff::Timestamp;
use serde::Serialize;

/// The report's data; `--format json` and `-o json` print it. Stable: fields are only added.
#[derive(Debug, Serialize)]
pub struct Data {
    pub period: Period,
    pub environment: String,
    pub generated_at: Timestamp,
    pub from: Timestamp,
    pub to: Timestamp,
    /// The worst item needing attention.
    pub status: Status,
    pub severity: Severity,
    pub health: HealthSummary,
    /// The period's checklist, in the guides' order, each item judged.
    pub checklist: Vec<ChecklistSection>,
    pub errors: Vec<ErrorCount>,
    pub performance: Performance,
    pub cost: Cost,
    pub series: Vec<Series>,
    pub quality: Vec<Section>,
    pub security: Vec<Section>,
    pub alarms: Vec<AlarmLine>,
    pub attention: Vec<Attention>,
    /// What could not be collected, and why.
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ChecklistSection {
    pub title: String,
    pub source: String,
    /// The worst of its items.
    pub status: Status,
    pub items: Vec<Item>,
}

/// One checklist item: its status (`ok`, `warn` or `critical`, `unknown` when something it
/// needs could not be read) and the same in the checklist's words (`verdict`).
#[derive(Debug, Serialize)]
pub struct Item {
    pub title: String,
    pub source: String,
    pub status: Status,
    pub verdict: &'static str,
    pub findings: Vec<Finding>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub status: Status,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    Table {
        title: String,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Chart {
        series: Series,
    },
}

#[derive(Debug, Serialize)]
pub struct HealthSummary {
    pub status: Status,
    pub ok: usize,
    pub warn: usize,
    pub critical: usize,
    pub unknown: usize,
}

#[derive(Debug, Serialize)]
pub struct ErrorCount {
    pub code: String,
    pub count: f64,
}

#[derive(Debug, Default, Serialize)]
pub struct Performance {
    pub requests: f64,
    /// Per day (the seed's 日次レポート query): requests and duration percentiles, ms.
    pub days: Vec<Day>,
}

#[derive(Debug, Serialize)]
pub struct Day {
    pub day: String,
    pub requests: f64,
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub p99_ms: Option<f64>,
}

#[derive(Debug, Default, Serialize)]
pub struct Cost {
    pub tokens: f64,
    /// The service's own `metadata.estimatedCost`, summed over the period.
    pub estimated_usd: f64,
    /// At the period's rate, over 30 days.
    pub projected_month_usd: f64,
    /// The monthly budget's Bedrock share (002 コスト管理: $500, Bedrock 30%).
    pub bedrock_budget_usd: f64,
    pub monthly_budget_usd: f64,
    pub source: &'static str,
    /// The actual spend from Cost Explorer, where it has figures.
    pub actual: Option<super::cost::Actual>,
}

/// One library query's result with the rows outside its expected ranges.
#[derive(Debug, Serialize)]
pub struct Section {
    pub query: String,
    pub title: String,
    pub source: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub flagged: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AlarmLine {
    pub name: String,
    pub state: String,
    pub since: Option<Timestamp>,
    pub reason: String,
    pub runbook: Option<String>,
    /// State changes in the period, when the endpoint keeps alarm history.
    pub transitions: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct Attention {
    pub status: Status,
    pub what: String,
    pub source: String,
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{} ms", format_number(v.round())))
        .unwrap_or_else(|| "-".into())
}

/// Task generation per day (the seed's 日次レポート query).
pub fn performance_table(p: &Performance) -> Evidence {
    Evidence::Table {
        title: "Task generation per day (`daily-performance`)".into(),
        columns: ["day", "requests", "p50", "p95", "p99"]
            .map(String::from)
            .to_vec(),
        rows: p
            .days
            .iter()
            .map(|x| {
                vec![
                    x.day.clone(),
                    format_number(x.requests),
                    ms(x.p50_ms),
                    ms(x.p95_ms),
                    ms(x.p99_ms),
                ]
            })
            .collect(),
    }
}

/// Rows of a table printed before the rest is left to `--format json`.
const SHOWN_ROWS: usize = 20;
/// Characters of a cell printed (a log message can be kilobytes); JSON has them whole.
const SHOWN_CHARS: usize = 160;

fn shortened(cell: &str) -> String {
    match cell.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell.to_string(),
    }
}

impl Data {
    pub fn title(&self) -> String {
        format!(
            "goal-mandala {} report: {}",
            self.period.name(),
            self.environment
        )
    }

    pub fn window(&self) -> String {
        format!(
            "{} → {} (UTC), generated {}",
            self.from.strftime("%Y-%m-%d %H:%M"),
            self.to.strftime("%Y-%m-%d %H:%M"),
            self.generated_at.strftime("%Y-%m-%d %H:%M:%S")
        )
    }

    pub fn health_text(&self) -> String {
        let h = &self.health;
        format!(
            "{} checks: {} ok, {} warn, {} critical, {} unknown (overall {}).",
            h.ok + h.warn + h.critical + h.unknown,
            h.ok,
            h.warn,
            h.critical,
            h.unknown,
            h.status.as_str()
        )
    }

    /// How many items are ok, need attention, or could not be checked.
    pub fn tally(&self) -> String {
        let items: Vec<&Item> = self.checklist.iter().flat_map(|s| &s.items).collect();
        let count = |f: fn(Status) -> bool| items.iter().filter(|i| f(i.status)).count();
        format!(
            "{} checklist items: {} ok, {} need attention, {} not available.",
            items.len(),
            count(|s| s == Status::Ok),
            count(|s| s >= Status::Warn),
            count(|s| s == Status::Unknown)
        )
    }
}

/// The mark an item's heading carries.
fn mark(status: Status) -> &'static str {
    match status {
        Status::Ok => "✓",
        Status::Unknown => "?",
        Status::Warn => "⚠",
        Status::Critical => "✗",
    }
}

impl Render for Data {
    fn render(&self, doc: &mut Doc) {
        doc.title(self.title());
        doc.text(self.window());
        doc.note(
            health::tone(self.status),
            format!(
                "Status: {} · {}",
                self.status.as_str(),
                self.severity.headline()
            ),
        );
        doc.text(self.tally());
        doc.heading("Needs attention");
        if self.attention.is_empty() {
            doc.note(
                Tone::Good,
                "Nothing: every check and expected range is met.",
            );
        } else {
            doc.items(self.attention.iter().map(|a| {
                Cell::toned(
                    format!("{} {} ({})", a.status.as_str(), a.what, a.source),
                    health::tone(a.status),
                )
            }));
        }
        doc.heading("Health");
        doc.note(health::tone(self.health.status), self.health_text());
        for section in &self.checklist {
            doc.heading(&section.title);
            doc.note(Tone::Dim, format!("Source: {}", section.source));
            for item in &section.items {
                item.render(doc);
            }
        }
        if !self.notes.is_empty() {
            doc.heading("Notes");
            doc.items(self.notes.iter().map(|n| Cell::toned(n, Tone::Dim)));
        }
    }

    fn status(&self) -> ExitStatus {
        match self.status {
            Status::Critical => ExitStatus::Critical,
            Status::Warn => ExitStatus::Warn,
            _ => ExitStatus::Ok,
        }
    }
}

impl Item {
    fn render(&self, doc: &mut Doc) {
        doc.subheading(format!(
            "{} {}: {}",
            mark(self.status),
            self.title,
            self.verdict
        ));
        doc.items(self.findings.iter().map(|f| {
            let tone = match f.status {
                Status::Ok => Tone::Dim,
                s => health::tone(s),
            };
            Cell::toned(format!("{} {}", mark(f.status), f.text), tone)
        }));
        for e in &self.evidence {
            match e {
                Evidence::Table {
                    title,
                    columns,
                    rows,
                } => {
                    doc.text(title);
                    let mut t = Table::new(columns.clone());
                    for row in rows.iter().take(SHOWN_ROWS) {
                        t.row(row.iter().map(|c| Cell::new(shortened(c))));
                    }
                    doc.table(t);
                    if rows.len() > SHOWN_ROWS {
                        doc.note(
                            Tone::Dim,
                            format!("{} more rows in `--format json`", rows.len() - SHOWN_ROWS),
                        );
                    }
                }
                Evidence::Chart { series } => {
                    doc.chart(series.clone());
                }
            }
        }
        doc.note(Tone::Dim, format!("Source: {}", self.source));
    }
}

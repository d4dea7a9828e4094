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

    pub fn cost_text(&self) -> String {
        let c = &self.cost;
        format!(
            "{} tokens; estimated ${:.2} in the period, ${:.2} a month at this rate, against a \
             Bedrock budget of ${:.2} (${:.0} a month in all).",
            format_number(c.tokens.round()),
            c.estimated_usd,
            c.projected_month_usd,
            c.bedrock_budget_usd,
            c.monthly_budget_usd
        )
    }

    fn performance_table(&self) -> Table {
        table(
            ["day", "requests", "p50", "p95", "p99"],
            self.performance.days.iter().map(|x| {
                vec![
                    x.day.clone(),
                    format_number(x.requests),
                    ms(x.p50_ms),
                    ms(x.p95_ms),
                    ms(x.p99_ms),
                ]
            }),
        )
    }

    fn errors_table(&self) -> Table {
        table(
            ["error.code", "count"],
            self.errors
                .iter()
                .map(|e| vec![e.code.clone(), format_number(e.count)]),
        )
    }

    fn alarms_table(&self) -> Table {
        table(
            ["alarm", "state", "since", "changes", "runbook"],
            self.alarms.iter().map(|a| {
                vec![
                    a.name.clone(),
                    a.state.clone(),
                    a.since
                        .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                    a.transitions.map(|n| n.to_string()).unwrap_or("-".into()),
                    a.runbook
                        .as_ref()
                        .map(|r| format!("mandala-ops runbook run {r}"))
                        .unwrap_or_default(),
                ]
            }),
        )
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
        doc.heading("Trends");
        for s in &self.series {
            doc.chart(s.clone());
        }
        doc.heading("Requests and duration");
        doc.text(format!(
            "{} requests in the period.",
            format_number(self.performance.requests)
        ));
        doc.table(self.performance_table());
        doc.heading("Errors by code");
        doc.table(self.errors_table());
        doc.heading("Tokens and cost");
        doc.text(self.cost_text());
        doc.note(Tone::Dim, format!("Source: {}", self.cost.source));
        doc.heading("Task quality");
        sections(doc, &self.quality);
        doc.heading("Security");
        sections(doc, &self.security);
        doc.heading("Alarms");
        doc.table(self.alarms_table());
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

/// One library query's result per section, its rows outside the expected ranges flagged.
fn sections(doc: &mut Doc, sections: &[Section]) {
    for s in sections {
        doc.subheading(format!("{} (`{}`)", s.title, s.query));
        if s.columns.is_empty() {
            doc.note(Tone::Dim, "No data in the period.");
        } else {
            let mut t = Table::new(s.columns.clone());
            for row in &s.rows {
                t.row(row.iter().map(Cell::new));
            }
            doc.table(t);
        }
        doc.items(
            s.flagged
                .iter()
                .map(|f| Cell::toned(format!("⚠ {f}"), Tone::Warn)),
        );
        doc.note(Tone::Dim, format!("Source: {}", s.source));
    }
}

fn table<const N: usize>(headers: [&str; N], rows: impl Iterator<Item = Vec<String>>) -> Table {
    let mut t = Table::new(headers);
    for row in rows {
        t.row(row);
    }
    t
}

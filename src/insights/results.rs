//! Query results in one shape, whichever engine produced them, with rows outside the query's
//! expected ranges flagged.

use super::library::Expect;
pub use crate::aws::insights::{Statistics, typed};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Table, Tone};
use crate::time::TimeRange;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    pub row: usize,
    pub field: String,
    pub value: f64,
    pub expected: String,
    pub source: String,
}

/// `query run`. The JSON shape is stable: `columns`, `rows` (objects keyed by column),
/// `statistics`, `flagged`.
#[derive(Debug, Clone, Serialize)]
pub struct QueryReport {
    pub query: Option<String>,
    pub engine: &'static str,
    pub log_groups: Vec<String>,
    pub range: Option<TimeRange>,
    pub status: String,
    pub statistics: Statistics,
    pub took_ms: u64,
    pub columns: Vec<String>,
    pub rows: Vec<serde_json::Map<String, Value>>,
    pub flagged: Vec<Flag>,
    /// Lines the local engine could not read.
    pub unreadable_lines: u64,
    /// What the query cost, where the engine bills by the query (Athena: per byte scanned).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_usd: Option<f64>,
    pub notes: Vec<String>,
}

impl QueryReport {
    /// Checks every row against the expected ranges.
    pub fn flag(&mut self, expects: &[Expect]) {
        self.flagged.clear();
        for (i, row) in self.rows.iter().enumerate() {
            for e in expects {
                if let Some(w) = &e.when
                    && row.get(&w.field).map(text) != Some(w.equals.clone())
                {
                    continue;
                }
                let Some(v) = row.get(&e.field).and_then(number) else {
                    continue;
                };
                if e.breached(v) {
                    self.flagged.push(Flag {
                        row: i,
                        field: e.field.clone(),
                        value: v,
                        expected: e.describe(),
                        source: e.source.clone(),
                    });
                }
            }
        }
    }
}

fn fmt(v: f64) -> String {
    crate::output::number(v)
}

/// A result value as a number, if it is one (CloudWatch returns every value as a string).
pub fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) => match n.as_f64() {
            Some(f) => fmt(f),
            None => n.to_string(),
        },
        other => other.to_string(),
    }
}

impl Render for QueryReport {
    fn render(&self, doc: &mut Doc) {
        let flagged_rows: std::collections::BTreeMap<usize, Vec<&Flag>> =
            self.flagged.iter().fold(Default::default(), |mut m, f| {
                m.entry(f.row).or_insert_with(Vec::new).push(f);
                m
            });
        let mut headers = self.columns.clone();
        if !self.flagged.is_empty() {
            headers.push("outside expected".into());
        }
        let mut t = Table::new(headers);
        for (i, row) in self.rows.iter().enumerate() {
            let flags = flagged_rows.get(&i);
            let mut cells: Vec<Cell> = self
                .columns
                .iter()
                .map(|c| {
                    let value = row.get(c).map(text).unwrap_or_default();
                    match flags.filter(|fs| fs.iter().any(|f| &f.field == c)) {
                        Some(_) => Cell::toned(value, Tone::Warn),
                        None => Cell::new(value),
                    }
                })
                .collect();
            if !self.flagged.is_empty() {
                let note = flags
                    .map(|fs| {
                        fs.iter()
                            .map(|f| format!("{} {} not {}", f.field, fmt(f.value), f.expected))
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default();
                cells.push(Cell::toned(note, Tone::Warn));
            }
            t.rows.push(cells);
        }
        doc.table(t);
        let what = self.query.as_deref().unwrap_or("query");
        let range = self.range.map(|r| format!(", {r}")).unwrap_or_default();
        doc.note(
            Tone::Dim,
            format!(
                "{what}: {} rows, {} records matched of {} scanned, {} bytes ({}, {} ms{range})",
                self.rows.len(),
                fmt(self.statistics.records_matched),
                fmt(self.statistics.records_scanned),
                fmt(self.statistics.bytes_scanned),
                self.engine,
                self.took_ms,
            ),
        );
        if !self.flagged.is_empty() {
            let sources: std::collections::BTreeSet<&str> =
                self.flagged.iter().map(|f| f.source.as_str()).collect();
            doc.note(
                Tone::Warn,
                format!(
                    "{} values outside the expected ranges ({})",
                    self.flagged.len(),
                    sources.into_iter().collect::<Vec<_>>().join("; ")
                ),
            );
        }
        for n in &self.notes {
            doc.note(Tone::Warn, n.clone());
        }
    }

    fn status(&self) -> ExitStatus {
        if self.flagged.is_empty() {
            ExitStatus::Ok
        } else {
            ExitStatus::Warn
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::library::When;

    fn report(rows: Vec<serde_json::Value>) -> QueryReport {
        QueryReport {
            query: None,
            engine: "local",
            log_groups: vec![],
            range: None,
            status: "Complete".into(),
            statistics: Statistics::default(),
            took_ms: 0,
            columns: vec!["type".into(), "avg_tasks".into()],
            rows: rows
                .into_iter()
                .map(|r| r.as_object().unwrap().clone())
                .collect(),
            flagged: vec![],
            unreadable_lines: 0,
            cost_usd: None,
            notes: vec![],
        }
    }

    #[test]
    fn rows_outside_ranges_are_flagged_at_the_boundaries() {
        let mut r = report(vec![
            serde_json::json!({"type": "EXECUTION", "avg_tasks": 2}),
            serde_json::json!({"type": "EXECUTION", "avg_tasks": "4.01"}),
            serde_json::json!({"type": "HABIT", "avg_tasks": 2}),
            serde_json::json!({"type": "HABIT", "avg_tasks": 2.5}),
            serde_json::json!({"type": "EXECUTION", "avg_tasks": 1.99}),
        ]);
        let expects = [
            Expect {
                field: "avg_tasks".into(),
                min: Some(2.0),
                max: Some(4.0),
                within: None,
                at_most: None,
                below: None,
                at_least: None,
                when: Some(When {
                    field: "type".into(),
                    equals: "EXECUTION".into(),
                }),
                source: "000 x".into(),
            },
            Expect {
                field: "avg_tasks".into(),
                min: Some(1.0),
                max: Some(2.0),
                within: None,
                at_most: None,
                below: None,
                at_least: None,
                when: Some(When {
                    field: "type".into(),
                    equals: "HABIT".into(),
                }),
                source: "000 y".into(),
            },
        ];
        r.flag(&expects);
        let rows: Vec<usize> = r.flagged.iter().map(|f| f.row).collect();
        assert_eq!(rows, [1, 3, 4]);
        assert_eq!(r.status(), ExitStatus::Warn);
        assert_eq!(r.flagged[0].expected, "2-4");
    }

    #[test]
    fn cloudwatch_strings_become_numbers() {
        assert_eq!(typed("42"), serde_json::json!(42.0));
        assert_eq!(typed("AI_ERROR"), serde_json::json!("AI_ERROR"));
        assert_eq!(typed(""), serde_json::json!(""));
        assert_eq!(
            typed("2026-11-22 10:00:00.000"),
            serde_json::json!("2026-11-22 10:00:00.000")
        );
    }
}

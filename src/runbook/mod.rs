//! `runbook`: the guides' alert procedures as Markdown files (`runbooks/*.md`) whose steps are
//! `mandala-ops` commands, listed, shown, matched to alarms and run.

pub mod expr;
pub mod parse;
mod run;
mod transcript;

pub use parse::Runbook;
pub use run::{RunOptions, RunReport, run};

use crate::alarms::catalog::AlarmSpec;
use crate::config::Thresholds;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Cell, Doc, Outcome, Render, Table, Tone};
use futures::future::LocalBoxFuture;
use serde::Serialize;
use std::path::Path;

/// How a runbook runs its steps: the command line's own dispatcher, handed in by the layer above
/// so the runbook never imports it.
pub trait Dispatch {
    /// Checks a step's command as the command line would read it; `true` when it changes
    /// something (it takes `--apply`).
    fn check(&self, ctx: &Context, args: &[String]) -> Result<bool>;

    /// Runs a step's command, with `--apply` when `apply` and the command takes it.
    fn run<'a>(
        &'a self,
        ctx: &'a mut Context,
        args: &'a [String],
        apply: bool,
    ) -> LocalBoxFuture<'a, Result<Outcome>>;
}

/// The runbooks: `dir` when set (`MANDALA_RUNBOOKS_DIR`, for editing without rebuilding), else
/// the ones shipped in the binary.
pub fn library(dir: Option<&Path>, t: &Thresholds) -> Result<Vec<Runbook>> {
    let files = crate::frontmatter::load(dir, crate::frontmatter::embedded::RUNBOOKS, "md")?;
    files
        .iter()
        .filter(|(name, _)| name != "README.md")
        .map(|(name, text)| parse::parse(name, text, t))
        .collect()
}

/// A runbook by name, or from a file when `name` is a path to one.
pub fn find(dir: Option<&Path>, name: &str, t: &Thresholds) -> Result<Runbook> {
    let path = Path::new(name);
    if name.ends_with(".md") && path.exists() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::usage(format!("cannot read {name}: {e}")))?;
        return parse::parse(name, &text, t);
    }
    let lib = library(dir, t)?;
    let names: Vec<String> = lib.iter().map(|r| r.head.name.clone()).collect();
    lib.into_iter()
        .find(|r| r.head.name == name)
        .ok_or_else(|| {
            Error::usage(format!("no runbook is named `{name}`"))
                .with_hint(format!("one of: {}", names.join(", ")))
        })
}

/// The runbook that answers `alarm`, as the alarm catalogue names it.
pub fn for_alarm<'a>(lib: &'a [Runbook], alarm: &str) -> Option<&'a Runbook> {
    let spec = AlarmSpec::matching(alarm)?;
    lib.iter().find(|r| r.head.name == spec.runbook)
}

#[derive(Serialize)]
pub struct ListReport {
    pub runbooks: Vec<ListItem>,
}

#[derive(Serialize)]
pub struct ListItem {
    pub name: String,
    pub title: String,
    pub steps: usize,
    pub alarms: Vec<String>,
    pub source: Vec<String>,
}

pub fn list(dir: Option<&Path>, t: &Thresholds) -> Result<ListReport> {
    Ok(ListReport {
        runbooks: library(dir, t)?
            .into_iter()
            .map(|r| ListItem {
                steps: r.steps.len(),
                alarms: r.head.alarms,
                name: r.head.name,
                title: r.head.title,
                source: r.head.source,
            })
            .collect(),
    })
}

impl Render for ListReport {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(["runbook", "title", "steps", "alarms", "source"]);
        for r in &self.runbooks {
            t.row([
                Cell::new(&r.name),
                Cell::new(&r.title),
                Cell::new(r.steps.to_string()),
                Cell::new(r.alarms.join("\n")),
                Cell::toned(r.source.join("\n"), Tone::Dim),
            ]);
        }
        doc.table(t);
    }
}

/// `runbook show` and `runbook for`: the runbook, and how to run it.
#[derive(Serialize)]
pub struct ShowReport {
    /// The alarm asked about (`runbook for`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alarm: Option<String>,
    pub run: String,
    #[serde(flatten)]
    pub runbook: Runbook,
}

pub fn show(dir: Option<&Path>, name: &str, t: &Thresholds) -> Result<ShowReport> {
    let runbook = find(dir, name, t)?;
    Ok(ShowReport {
        alarm: None,
        run: run_command(&runbook),
        runbook,
    })
}

pub fn show_for_alarm(dir: Option<&Path>, alarm: &str, t: &Thresholds) -> Result<ShowReport> {
    let lib = library(dir, t)?;
    let runbook = for_alarm(&lib, alarm).cloned().ok_or_else(|| {
        Error::usage(format!("no runbook answers the alarm `{alarm}`"))
            .with_hint("`mandala-ops runbook list` shows which alarms each runbook answers")
    })?;
    Ok(ShowReport {
        alarm: Some(alarm.to_string()),
        run: run_command(&runbook),
        runbook,
    })
}

fn run_command(rb: &Runbook) -> String {
    let mut line = format!("mandala-ops runbook run {}", rb.head.name);
    for (name, p) in &rb.head.params {
        if p.default.is_none() {
            line.push_str(&format!(" -p {name}=…"));
        }
    }
    line
}

impl Render for ShowReport {
    fn render(&self, doc: &mut Doc) {
        let rb = &self.runbook;
        doc.heading(format!("{} ({})", rb.head.title, rb.head.name));
        if let Some(alarm) = &self.alarm {
            doc.note(Tone::Warn, format!("answers the alarm {alarm}"));
        }
        doc.text(&rb.head.summary);
        let mut fields = vec![("run", Cell::new(&self.run))];
        if !rb.head.alarms.is_empty() {
            fields.push(("alarms", Cell::new(rb.head.alarms.join(", "))));
        }
        fields.push(("source", Cell::toned(rb.head.source.join("; "), Tone::Dim)));
        doc.fields(fields);
        if !rb.head.params.is_empty() {
            let mut t = Table::new(["parameter", "default", "description"]);
            for (name, p) in &rb.head.params {
                t.row([
                    Cell::new(name),
                    Cell::new(p.default.as_deref().unwrap_or("(required)")),
                    Cell::new(&p.description),
                ]);
            }
            doc.table(t);
        }
        if !rb.intro.is_empty() {
            doc.text(&rb.intro);
        }
        for step in &rb.steps {
            doc.heading(format!("{}. {}", step.number, step.title));
            if !step.prose.is_empty() {
                doc.text(&step.prose);
            }
            match &step.command {
                Some(cmd) => {
                    if let Some(when) = &step.when {
                        doc.note(Tone::Dim, format!("  only when {when}"));
                    }
                    doc.note(Tone::Good, format!("  $ {cmd}"));
                }
                None => {
                    doc.note(Tone::Dim, "  (manual step)");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alarms::catalog::ALARMS;

    #[test]
    fn every_shipped_runbook_parses_and_every_alarm_has_one() {
        let lib = library(None, &Thresholds::default()).unwrap();
        assert!(lib.len() >= 15, "{} runbooks", lib.len());
        for spec in ALARMS {
            let name = spec.name.replace("${ENVIRONMENT}", "prod");
            let found = for_alarm(&lib, &name).map(|r| r.head.name.as_str());
            assert_eq!(found, Some(spec.runbook), "alarm {name}");
        }
        let mut names: Vec<_> = lib.iter().map(|r| r.head.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), lib.len());
    }
}

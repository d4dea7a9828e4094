//! `runbook`: the guides' alert procedures as Markdown files (`runbooks/*.md`) whose steps are
//! `mandala-ops` commands, listed, shown, matched to alarms and run.

mod command;
pub mod expr;
pub mod parse;
mod run;
mod transcript;

pub use parse::Runbook;
pub use run::{RunOptions, RunReport, run};

use crate::error::{Error, Result};
use crate::output::{Cell, Doc, Render, Table, Tone};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The runbooks: `MANDALA_RUNBOOKS_DIR` when set (editing without rebuilding), else the ones
/// shipped in the binary.
pub fn library() -> Result<Vec<Runbook>> {
    let dir = std::env::var_os("MANDALA_RUNBOOKS_DIR").map(PathBuf::from);
    let files =
        crate::frontmatter::load(dir.as_deref(), crate::frontmatter::embedded::RUNBOOKS, "md")?;
    files
        .iter()
        .filter(|(name, _)| name != "README.md")
        .map(|(name, text)| parse::parse(name, text))
        .collect()
}

/// A runbook by name, or from a file when `name` is a path to one.
pub fn find(name: &str) -> Result<Runbook> {
    let path = Path::new(name);
    if name.ends_with(".md") && path.exists() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::usage(format!("cannot read {name}: {e}")))?;
        return parse::parse(name, &text);
    }
    let lib = library()?;
    let names: Vec<String> = lib.iter().map(|r| r.head.name.clone()).collect();
    lib.into_iter()
        .find(|r| r.head.name == name)
        .ok_or_else(|| {
            Error::usage(format!("no runbook is named `{name}`"))
                .with_hint(format!("one of: {}", names.join(", ")))
        })
}

/// Whether `alarm` is one of `pattern`'s names, `${ENVIRONMENT}` standing for any environment.
fn alarm_matches(pattern: &str, alarm: &str) -> bool {
    match pattern.split_once("${ENVIRONMENT}") {
        None => pattern == alarm,
        Some((pre, post)) => {
            alarm.len() > pre.len() + post.len()
                && alarm.starts_with(pre)
                && alarm.ends_with(post)
                && !alarm[pre.len()..alarm.len() - post.len()].contains('-')
        }
    }
}

/// The runbook that answers `alarm`.
pub fn for_alarm<'a>(lib: &'a [Runbook], alarm: &str) -> Option<&'a Runbook> {
    lib.iter()
        .find(|r| r.head.alarms.iter().any(|p| alarm_matches(p, alarm)))
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

pub fn list() -> Result<ListReport> {
    Ok(ListReport {
        runbooks: library()?
            .into_iter()
            .map(|r| ListItem {
                steps: r.steps.len(),
                name: r.head.name,
                title: r.head.title,
                alarms: r.head.alarms,
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

pub fn show(name: &str) -> Result<ShowReport> {
    let runbook = find(name)?;
    Ok(ShowReport {
        alarm: None,
        run: run_command(&runbook),
        runbook,
    })
}

pub fn show_for_alarm(alarm: &str) -> Result<ShowReport> {
    let lib = library()?;
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
    fn alarm_patterns_match_any_environment() {
        let p = "goal-mandala-${ENVIRONMENT}-ai-processor-error-rate";
        assert!(alarm_matches(
            p,
            "goal-mandala-prod-ai-processor-error-rate"
        ));
        assert!(alarm_matches(
            p,
            "goal-mandala-sandbox-ai-processor-error-rate"
        ));
        assert!(!alarm_matches(p, "goal-mandala--ai-processor-error-rate"));
        assert!(!alarm_matches(p, "goal-mandala-prod-ai-processor-duration"));
        assert!(alarm_matches(
            "AsyncProcessing-ErrorRate",
            "AsyncProcessing-ErrorRate"
        ));
    }

    #[test]
    fn every_shipped_runbook_parses_and_every_alarm_has_exactly_one() {
        let lib = library().unwrap();
        assert!(lib.len() >= 15, "{} runbooks", lib.len());
        for spec in ALARMS {
            let name = spec.name.replace("${ENVIRONMENT}", "prod");
            let answering: Vec<_> = lib
                .iter()
                .filter(|r| r.head.alarms.iter().any(|p| alarm_matches(p, &name)))
                .collect();
            assert_eq!(answering.len(), 1, "alarm {name}");
        }
        let mut names: Vec<_> = lib.iter().map(|r| r.head.name.as_str()).collect();
        names.dedup();
        assert_eq!(names.len(), lib.len());
    }

    #[test]
    fn every_shipped_command_parses_against_the_cli() {
        for rb in library().unwrap() {
            assert!(!rb.head.source.is_empty(), "{} cites no seed", rb.head.name);
            for step in rb.steps.iter().filter(|s| s.command.is_some()) {
                // Placeholders stand for a value of the right shape.
                let args: Vec<String> = step
                    .args
                    .iter()
                    .map(|a| {
                        let mut a = a.clone();
                        for name in parse::placeholders(&a.clone()) {
                            let default = rb.head.params.get(name).and_then(|p| p.default.clone());
                            let value = match name {
                                _ if default.is_some() => default.clone().unwrap_or_default(),
                                n if n.ends_with("id") || n.ends_with("Id") => {
                                    "5f0c3c5e-0000-4000-8000-000000000001".to_string()
                                }
                                _ => "1".to_string(),
                            };
                            a = a.replace(&format!("{{{name}}}"), &value);
                        }
                        a
                    })
                    .collect();
                if let Err(e) = command::parse(&args, false) {
                    panic!("{} step {}: {e}", rb.head.name, step.number);
                }
            }
        }
    }
}

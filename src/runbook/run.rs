//! `runbook run`: the steps in order, in this process, each through the same dispatch as the
//! command line. Diagnostic steps run; mutating steps run as their dry run and are applied only
//! when asked; the first failure stops the run and says how to resume.

use super::expr::{Scope, text_of};
use super::parse::{Runbook, Step, placeholder_ref, placeholders};
use super::transcript::Transcript;
use super::{Dispatch, find};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::health::severity::{self, Severity};
use crate::output::{Cell, Doc, Format, Outcome, Output, Render, Table, Tone};
use crate::state::StateDir;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Default)]
pub struct RunOptions {
    pub name: String,
    pub params: BTreeMap<String, String>,
    pub apply: bool,
    pub yes: bool,
    pub from: Option<String>,
    pub transcript: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepOutcome {
    /// A diagnostic step ran.
    Ran,
    /// A mutating step ran as its dry run only.
    DryRun,
    /// A mutating step's dry run, then the change.
    Applied,
    /// `--apply` was given but the change was not confirmed.
    NotConfirmed,
    /// Its condition was false.
    Skipped,
    /// A step without a command: for the person running the runbook.
    Manual,
    /// Before `--from`: the previous run's output was reused.
    Reused,
    Failed,
}

impl StepOutcome {
    fn name(self) -> &'static str {
        match self {
            StepOutcome::Ran => "ran",
            StepOutcome::DryRun => "dry-run",
            StepOutcome::Applied => "applied",
            StepOutcome::NotConfirmed => "not-confirmed",
            StepOutcome::Skipped => "skipped",
            StepOutcome::Manual => "manual",
            StepOutcome::Reused => "reused",
            StepOutcome::Failed => "failed",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct StepResult {
    pub number: usize,
    pub id: String,
    pub title: String,
    /// The command as run, placeholders filled in.
    pub command: Option<String>,
    pub outcome: StepOutcome,
    /// The step's report status (`ok`, `warn`, `critical`), or the failure's exit status.
    pub status: ExitStatus,
    pub took_ms: u64,
    pub note: Option<String>,
    /// The step's report as `-o json` prints it.
    pub output: Value,
}

#[derive(Debug, Serialize)]
pub struct RunReport {
    pub runbook: String,
    pub title: String,
    pub environment: String,
    pub started_at: String,
    pub severity: Severity,
    pub params: BTreeMap<String, String>,
    pub applied: bool,
    pub steps: Vec<StepResult>,
    /// Every step ran or was skipped by its condition.
    pub completed: bool,
    pub failed_step: Option<usize>,
    pub transcript: PathBuf,
    /// How to resume after a failure.
    pub resume: Option<String>,
}

/// What `--from` needs of the previous run: its parameters, transcript and step outputs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    runbook: String,
    params: BTreeMap<String, String>,
    transcript: PathBuf,
    outputs: BTreeMap<String, Value>,
}

fn save(state: &StateDir, saved: &Saved) -> Result<()> {
    let path = state.saved_run(&saved.runbook);
    crate::state::write_json(&path, saved, false).map_err(|e| {
        Error::failed(format!(
            "cannot save the run's state {}: {e}",
            path.display()
        ))
    })
}

fn load_saved(state: &StateDir, name: &str) -> Result<Saved> {
    let path = state.saved_run(name);
    let text = std::fs::read_to_string(&path).map_err(|_| {
        Error::usage(format!(
            "--from resumes a run, but `{name}` has no previous run"
        ))
        .with_hint("run it from the start first")
    })?;
    serde_json::from_str(&text)
        .map_err(|e| Error::usage(format!("{} is not a saved run: {e}", path.display())))
}

/// `-p` values over saved ones over defaults; unknown names and missing required ones are
/// usage errors before anything runs.
fn resolve_params(
    rb: &Runbook,
    given: &BTreeMap<String, String>,
    saved: Option<&Saved>,
) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for name in given.keys() {
        if !rb.head.params.contains_key(name) {
            let known: Vec<&str> = rb.head.params.keys().map(String::as_str).collect();
            return Err(Error::usage(format!(
                "runbook {} has no parameter `{name}`",
                rb.head.name
            ))
            .with_hint(if known.is_empty() {
                "it takes no parameters".to_string()
            } else {
                format!("its parameters: {}", known.join(", "))
            }));
        }
    }
    let mut missing = Vec::new();
    for (name, p) in &rb.head.params {
        let value = given
            .get(name)
            .or_else(|| saved.and_then(|s| s.params.get(name)))
            .or(p.default.as_ref());
        match value {
            Some(v) => {
                out.insert(name.clone(), v.clone());
            }
            None => missing.push(format!("-p {name}=… ({})", p.description)),
        }
    }
    if !missing.is_empty() {
        return Err(Error::usage(format!(
            "runbook {} needs {}",
            rb.head.name,
            missing.join(", ")
        )));
    }
    Ok(out)
}

/// A step's arguments with `{…}` filled from the parameters and earlier steps.
fn fill(step: &Step, scope: &Scope) -> Result<Vec<String>> {
    step.args
        .iter()
        .map(|arg| {
            let mut out = arg.clone();
            for name in placeholders(arg) {
                let r = placeholder_ref(name).map_err(Error::usage)?;
                let value = r.resolve(scope).ok_or_else(|| {
                    Error::failed(format!("`{{{name}}}` has no value"))
                        .with_hint("an earlier step did not produce it; check its output")
                })?;
                out = out.replace(&format!("{{{name}}}"), &text_of(&value));
            }
            Ok(out)
        })
        .collect()
}

fn resolve_from(rb: &Runbook, from: &str) -> Result<usize> {
    rb.steps
        .iter()
        .position(|s| s.id == from || s.number.to_string() == from)
        .ok_or_else(|| {
            Error::usage(format!(
                "runbook {} has no step `{from}`; give a number 1-{} or a step id",
                rb.head.name,
                rb.steps.len()
            ))
        })
}

pub async fn run(
    ctx: &mut Context,
    dispatch: &impl Dispatch,
    opts: RunOptions,
) -> Result<RunReport> {
    let rb = find(ctx.runbooks_dir.as_deref(), &opts.name, &ctx.thresholds)?;
    let env = ctx.env()?.name.to_string();
    let start = opts
        .from
        .as_deref()
        .map(|f| resolve_from(&rb, f))
        .transpose()?
        .unwrap_or(0);
    let saved = if opts.from.is_some() {
        Some(load_saved(&ctx.state, &rb.head.name)?)
    } else {
        None
    };
    let params = resolve_params(&rb, &opts.params, saved.as_ref())?;
    // Every command that needs only parameters is checked before the first step runs.
    {
        let scope = Scope {
            params: params.clone(),
            ..Scope::default()
        };
        // Commands that use earlier steps' values can only be checked when they run.
        for step in rb.steps.iter().skip(start) {
            if step.command.is_some()
                && let Ok(args) = fill(step, &scope)
            {
                dispatch.check(ctx, &args).map_err(|e| {
                    Error::usage(format!("step {} ({}): {e}", step.number, step.title))
                })?;
            }
        }
    }
    let started_at = Timestamp::now();
    let transcript_path = opts
        .transcript
        .clone()
        .or_else(|| saved.as_ref().map(|s| s.transcript.clone()))
        .unwrap_or_else(|| {
            ctx.state.transcripts().join(format!(
                "{}-{}.md",
                rb.head.name,
                started_at.strftime("%Y%m%dT%H%M%SZ")
            ))
        });
    let mut transcript = Transcript::open(&transcript_path)?;

    let health = crate::health::run(ctx, &crate::health::Options::default()).await?;
    let severity = severity::assess(&health, &ctx.thresholds.severity);
    let mut live = Doc::default();
    live.heading(format!("{} ({})", rb.head.title, rb.head.name));
    live.note(tone_of_level(severity.level), severity.headline());
    for reason in severity.reasons.iter().take(5) {
        live.note(Tone::Dim, format!("  {reason}"));
    }
    if severity.reasons.len() > 5 {
        live.note(
            Tone::Dim,
            format!(
                "  and {} more (the transcript lists all)",
                severity.reasons.len() - 5
            ),
        );
    }
    ctx.out.live(&live);
    transcript.write(&header(
        &rb,
        &env,
        ctx,
        &params,
        &severity,
        &started_at,
        start,
    ))?;

    let mut saved = Saved {
        runbook: rb.head.name.clone(),
        params: params.clone(),
        transcript: transcript_path.clone(),
        outputs: saved.map(|s| s.outputs).unwrap_or_default(),
    };
    // Outputs of steps after the resume point belong to the previous run, not this one.
    for step in rb.steps.iter().skip(start) {
        saved.outputs.remove(&step.id);
    }
    let mut results = Vec::new();
    for step in &rb.steps[..start] {
        results.push(StepResult {
            number: step.number,
            id: step.id.clone(),
            title: step.title.clone(),
            command: step.command.clone(),
            outcome: StepOutcome::Reused,
            status: ExitStatus::Ok,
            took_ms: 0,
            note: Some("before --from; the previous run's output is used".into()),
            output: saved.outputs.get(&step.id).cloned().unwrap_or(Value::Null),
        });
    }
    let mut failed_step = None;
    for step in rb.steps.iter().skip(start) {
        let mut live = Doc::default();
        live.subheading(format!(
            "Step {}/{}: {}",
            step.number,
            rb.steps.len(),
            step.title
        ));
        if !step.prose.is_empty() {
            live.note(Tone::Dim, &step.prose);
        }
        ctx.out.live(&live);
        let began = Instant::now();
        let (result, text) = run_step(ctx, dispatch, &rb, step, &params, &saved, &opts).await;
        let mut result = result;
        result.took_ms = began.elapsed().as_millis() as u64;
        let mut live = Doc::default();
        if let Some(cmd) = &result.command {
            live.note(Tone::Good, format!("$ {cmd}"));
        }
        if !text.is_empty() {
            live.code(&text);
        }
        if let Some(note) = &result.note {
            live.note(tone_of_status(result.status, result.outcome), note);
        }
        ctx.out.live(&live);
        transcript.write(&step_doc(step, &result, &text))?;
        if matches!(
            result.outcome,
            StepOutcome::Ran
                | StepOutcome::DryRun
                | StepOutcome::Applied
                | StepOutcome::NotConfirmed
        ) {
            let mut out = result.output.clone();
            if let Value::Object(map) = &mut out {
                map.insert("$exit".into(), Value::from(result.status.name()));
            }
            saved.outputs.insert(step.id.clone(), out);
            save(&ctx.state, &saved)?;
        }
        let failed = result.outcome == StepOutcome::Failed;
        results.push(result);
        if failed {
            failed_step = Some(step.number);
            break;
        }
    }
    save(&ctx.state, &saved)?;
    let resume = failed_step.map(|n| {
        let mut line = format!("mandala-ops runbook run {} --from {n}", opts.name);
        if opts.apply {
            line.push_str(" --apply");
        }
        line
    });
    transcript.write(&footer(&results, failed_step, resume.as_deref()))?;
    Ok(RunReport {
        runbook: rb.head.name.clone(),
        title: rb.head.title.clone(),
        environment: env,
        started_at: started_at.to_string(),
        severity,
        params,
        applied: opts.apply,
        completed: failed_step.is_none(),
        failed_step,
        steps: results,
        transcript: transcript_path,
        resume,
    })
}

/// Runs one step; returns its result and its output as a table for the terminal and transcript.
async fn run_step(
    ctx: &mut Context,
    dispatch: &impl Dispatch,
    rb: &Runbook,
    step: &Step,
    params: &BTreeMap<String, String>,
    saved: &Saved,
    opts: &RunOptions,
) -> (StepResult, String) {
    let mut result = StepResult {
        number: step.number,
        id: step.id.clone(),
        title: step.title.clone(),
        command: None,
        outcome: StepOutcome::Manual,
        status: ExitStatus::Ok,
        took_ms: 0,
        note: None,
        output: Value::Null,
    };
    if step.command.is_none() {
        result.note = Some("manual step: see the runbook's text".into());
        return (result, String::new());
    }
    let scope = Scope {
        steps: saved.outputs.iter().map(|(k, v)| (k.clone(), v)).collect(),
        params: params.clone(),
    };
    if let Some(cond) = &step.condition
        && !cond.eval(&scope)
    {
        result.outcome = StepOutcome::Skipped;
        result.note = Some(format!(
            "skipped: {} is not true",
            step.when.as_deref().unwrap_or("")
        ));
        return (result, String::new());
    }
    let fail = |mut result: StepResult, e: Error| {
        result.outcome = StepOutcome::Failed;
        result.status = e.status();
        let hint = e.hint().map(|h| format!(" ({h})")).unwrap_or_default();
        result.note = Some(format!("failed: {e}{hint}"));
        result.output = serde_json::json!({"error": {"message": e.to_string(), "hint": e.hint()}});
        (result, String::new())
    };
    let args = match fill(step, &scope) {
        Ok(a) => a,
        Err(e) => return fail(result, e),
    };
    result.command = Some(format!(
        "mandala-ops {}",
        shlex::try_join(args.iter().map(String::as_str)).unwrap_or_else(|_| args.join(" "))
    ));
    let mutating = match dispatch.check(ctx, &args) {
        Ok(m) => m,
        Err(e) => return fail(result, e),
    };
    let (status, json, mut text) = match execute(ctx, dispatch, &args, false).await {
        Ok(out) => out,
        Err(e) => return fail(result, e),
    };
    result.status = status;
    result.output = json;
    result.outcome = StepOutcome::Ran;
    if !mutating {
        return (result, text);
    }
    result.outcome = StepOutcome::DryRun;
    if !opts.apply {
        result.note = Some(format!(
            "dry run; `mandala-ops runbook run {} --apply --from {}` applies it",
            opts.name, step.number
        ));
        return (result, text);
    }
    let question = format!(
        "Apply step {} of {} ({})?",
        step.number, rb.head.name, step.title
    );
    if !(opts.yes || ctx.out.confirm(&question).await) {
        result.outcome = StepOutcome::NotConfirmed;
        result.note = Some(if ctx.out.can_confirm() {
            "not applied: not confirmed".into()
        } else {
            "not applied: no terminal to confirm at; add --yes for unattended runs".into()
        });
        return (result, text);
    }
    match execute(ctx, dispatch, &args, true).await {
        Ok((status, json, applied_text)) => {
            result.outcome = StepOutcome::Applied;
            result.status = status;
            result.output = json;
            text = format!("{text}\napplied:\n{applied_text}");
            if status == ExitStatus::Critical {
                result.outcome = StepOutcome::Failed;
                result.note = Some("failed: the change did not fully take effect".into());
            }
            (result, text)
        }
        Err(e) => {
            let (r, _) = fail(result, e);
            (r, text)
        }
    }
}

/// One command through the same dispatch as the command line: its status, JSON and table.
async fn execute(
    ctx: &mut Context,
    dispatch: &impl Dispatch,
    args: &[String],
    apply: bool,
) -> Result<(ExitStatus, Value, String)> {
    match dispatch.run(ctx, args, apply).await? {
        Outcome::Report(r) | Outcome::Document { report: r, .. } => {
            let json = r
                .to_json()
                .map_err(|e| Error::internal(format!("serialising a step's report: {e}")))?;
            let text = Output::plain(Format::Table).format_report(r.as_ref())?;
            Ok((r.status(), json, text))
        }
        Outcome::Text(t) => Ok((ExitStatus::Ok, Value::String(t.clone()), t)),
        Outcome::Done(status) => Ok((status, Value::Null, String::new())),
    }
}

fn tone_of_level(level: u8) -> Tone {
    match level {
        1 | 2 => Tone::Bad,
        3 => Tone::Warn,
        _ => Tone::Good,
    }
}

fn tone_of_status(status: ExitStatus, outcome: StepOutcome) -> Tone {
    match (outcome, status) {
        (StepOutcome::Failed, _) => Tone::Bad,
        (StepOutcome::Skipped | StepOutcome::Manual | StepOutcome::Reused, _) => Tone::Dim,
        (_, ExitStatus::Ok) => Tone::Good,
        (_, ExitStatus::Warn) => Tone::Warn,
        _ => Tone::Bad,
    }
}

fn header(
    rb: &Runbook,
    env: &str,
    ctx: &Context,
    params: &BTreeMap<String, String>,
    severity: &Severity,
    at: &Timestamp,
    start: usize,
) -> Doc {
    let mut doc = Doc::default();
    if start == 0 {
        doc.title(format!("{} (`{}`)", rb.head.title, rb.head.name));
    } else {
        doc.heading(format!("Resumed at step {}", start + 1));
    }
    let mut fields = vec![
        ("started", at.to_string()),
        ("environment", env.to_string()),
        ("operator", ctx.operator.clone()),
    ];
    let shown: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if !shown.is_empty() {
        fields.push(("parameters", shown.join(", ")));
    }
    fields.push(("source", rb.head.source.join("; ")));
    doc.fields(fields);
    doc.note(tone_of_level(severity.level), severity.headline());
    doc.items(severity.reasons.iter().map(String::as_str));
    doc
}

fn step_doc(step: &Step, r: &StepResult, text: &str) -> Doc {
    let mut doc = Doc::default();
    doc.heading(format!("{}. {}", step.number, step.title));
    if r.outcome == StepOutcome::Manual {
        doc.items([format!("[ ] {}", step.title)]);
        if !step.prose.is_empty() {
            doc.text(&step.prose);
        }
        return doc;
    }
    if let Some(cmd) = &r.command {
        doc.text(format!("`{cmd}`"));
    }
    doc.text(format!(
        "{} · {} · {:.1} s",
        r.outcome.name(),
        r.status.name(),
        r.took_ms as f64 / 1000.0
    ));
    if let Some(note) = &r.note {
        doc.note(tone_of_status(r.status, r.outcome), note);
    }
    if !text.is_empty() {
        doc.code(text);
    }
    doc
}

fn footer(results: &[StepResult], failed: Option<usize>, resume: Option<&str>) -> Doc {
    let count = |o: StepOutcome| results.iter().filter(|r| r.outcome == o).count();
    let mut doc = Doc::default();
    doc.heading("Summary");
    doc.text(format!(
        "finished {}: {} ran, {} dry runs, {} applied, {} skipped, {} manual",
        Timestamp::now(),
        count(StepOutcome::Ran),
        count(StepOutcome::DryRun) + count(StepOutcome::NotConfirmed),
        count(StepOutcome::Applied),
        count(StepOutcome::Skipped),
        count(StepOutcome::Manual),
    ));
    if let (Some(n), Some(line)) = (failed, resume) {
        doc.note(
            Tone::Bad,
            format!("stopped at step {n}; resume with `{line}`"),
        );
    }
    doc
}

impl Render for RunReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("{} ({}): summary", self.title, self.runbook));
        let mut t = Table::new(["#", "step", "outcome", "status", "took", "note"]);
        for r in &self.steps {
            let tone = tone_of_status(r.status, r.outcome);
            t.row([
                Cell::new(r.number.to_string()),
                Cell::new(&r.title),
                Cell::toned(r.outcome.name(), tone),
                Cell::toned(r.status.name(), tone),
                Cell::new(format!("{:.1} s", r.took_ms as f64 / 1000.0)),
                Cell::new(r.note.clone().unwrap_or_default()),
            ]);
        }
        doc.table(t);
        doc.note(tone_of_level(self.severity.level), self.severity.headline());
        doc.note(
            Tone::Dim,
            format!("transcript: {}", self.transcript.display()),
        );
        if let (Some(n), Some(line)) = (self.failed_step, &self.resume) {
            doc.note(
                Tone::Bad,
                format!("stopped at step {n}; fix the cause, then resume: {line}"),
            );
        }
    }

    fn status(&self) -> ExitStatus {
        self.steps
            .iter()
            .fold(ExitStatus::Ok, |acc, r| acc.merge(r.status))
    }
}

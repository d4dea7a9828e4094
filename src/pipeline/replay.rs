//! `replay run / batch / process`: the pipeline on a case, stage by stage, offline against the
//! case's recorded answers or live against Bedrock.

use super::case::{self, Case};
use super::domain::{Generated, Input, Kind};
use super::model::{Bedrock, Cassette, Model};
use super::{Ids, Outcome, Run};
use crate::context::Context;
use crate::error::{Error, Result, db_err};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Table, Tone};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModelChoice {
    /// The case's recorded answers
    Cassette,
    /// Amazon Bedrock (BEDROCK_MODEL_ID, in BEDROCK_REGION)
    Bedrock,
}

#[derive(Debug, Serialize)]
pub struct RunReport {
    pub case: String,
    pub description: String,
    pub expected: Option<String>,
    /// Whether the outcome (and attempts) are what the case expects.
    pub as_expected: Option<bool>,
    #[serde(flatten)]
    pub run: Run,
}

async fn model_for(ctx: &Context, choice: ModelChoice, case: &Case) -> Result<Box<dyn Model>> {
    Ok(match choice {
        ModelChoice::Cassette => Box::new(Cassette::new(case.responses.clone())),
        ModelChoice::Bedrock => Box::new(Bedrock::from_sdk(
            &ctx.sdk_config().await?,
            &ctx.thresholds.retry,
            &ctx.thresholds.bedrock,
        )),
    })
}

async fn replay(
    ctx: &Context,
    case: &Case,
    choice: ModelChoice,
    started: jiff::Timestamp,
) -> Result<RunReport> {
    let model = model_for(ctx, choice, case).await?;
    let ids = Ids::new(uuid::Uuid::new_v4(), started);
    let run = super::run(
        case.kind,
        &case.input,
        model.as_ref(),
        &ctx.thresholds,
        &ids,
    )
    .await;
    let as_expected = case.expect.as_ref().map(|e| {
        e.outcome == run.outcome.label()
            && e.attempts.is_none_or(|a| a == run.attempts.len() as u32)
    });
    Ok(RunReport {
        case: case.name.clone(),
        description: case.description.clone(),
        expected: case.expect.as_ref().map(|e| e.outcome.clone()),
        as_expected,
        run,
    })
}

/// Writes the runs' log events as JSON lines, in time order.
fn emit_logs(path: &Path, runs: &[&Run]) -> Result<()> {
    let mut events: Vec<&serde_json::Value> = runs.iter().flat_map(|r| r.logs.iter()).collect();
    events.sort_by(|a, b| a["timestamp"].as_str().cmp(&b["timestamp"].as_str()));
    let text: String = events.iter().map(|e| format!("{e}\n")).collect();
    std::fs::write(path, text)
        .map_err(|e| Error::usage(format!("cannot write the logs to {}: {e}", path.display())))
}

pub async fn run_case(
    ctx: &Context,
    arg: &str,
    choice: ModelChoice,
    logs: Option<&Path>,
) -> Result<RunReport> {
    let case = case::load(arg)?;
    let report = replay(ctx, &case, choice, jiff::Timestamp::now()).await?;
    if let Some(path) = logs {
        emit_logs(path, &[&report.run])?;
    }
    Ok(report)
}

#[derive(Debug, Serialize)]
pub struct BatchRow {
    pub case: String,
    pub kind: Kind,
    pub expected: Option<String>,
    pub outcome: String,
    pub attempts: usize,
    pub tokens: u32,
    pub tasks: Option<usize>,
    pub minutes: Option<u32>,
    pub priorities: Option<String>,
    pub as_expected: Option<bool>,
}

/// What the batch's task generations add up to, as the task-quality queries compute it.
#[derive(Debug, Default, Serialize)]
pub struct TaskSummary {
    pub generations: usize,
    pub avg_tasks: Option<f64>,
    pub avg_minutes_per_task: Option<f64>,
    pub avg_high: Option<f64>,
    pub avg_medium: Option<f64>,
    pub avg_low: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct BatchReport {
    pub source: String,
    pub cases: Vec<BatchRow>,
    pub outcomes: std::collections::BTreeMap<String, usize>,
    pub unexpected: usize,
    pub tasks: TaskSummary,
}

pub async fn batch(
    ctx: &Context,
    dir: Option<&Path>,
    choice: ModelChoice,
    logs: Option<&Path>,
) -> Result<BatchReport> {
    let (cases, source) = match dir {
        Some(d) => (case::load_dir(d)?, d.display().to_string()),
        None => (case::shipped(), "shipped cases".to_string()),
    };
    // One minute apart, all within one hour (so within one day's `bin(1d)`), none in the future.
    let start = (jiff::Timestamp::now() - jiff::SignedDuration::from_mins(cases.len() as i64))
        .round(
            jiff::TimestampRound::new()
                .smallest(jiff::Unit::Hour)
                .mode(jiff::RoundMode::Floor),
        )
        .map_err(|e| Error::internal(e.to_string()))?;
    let mut reports = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let at = start + jiff::SignedDuration::from_mins(i as i64);
        reports.push(replay(ctx, c, choice, at).await?);
    }
    if let Some(path) = logs {
        emit_logs(path, &reports.iter().map(|r| &r.run).collect::<Vec<_>>())?;
    }
    let mut outcomes = std::collections::BTreeMap::new();
    for r in &reports {
        *outcomes
            .entry(r.run.outcome.label().to_string())
            .or_insert(0) += 1;
    }
    let tasks: Vec<&super::Metadata> = reports
        .iter()
        .map(|r| &r.run.metadata)
        .filter(|m| m.task_count.is_some())
        .collect();
    let avg = |f: &dyn Fn(&super::Metadata) -> f64| {
        (!tasks.is_empty()).then(|| tasks.iter().map(|m| f(m)).sum::<f64>() / tasks.len() as f64)
    };
    let share = |i: usize| {
        move |m: &super::Metadata| {
            m.priority_distribution
                .as_deref()
                .and_then(|d| d.split(", ").nth(i))
                .and_then(|p| p.split(' ').next())
                .and_then(|n| n.parse::<f64>().ok())
                .unwrap_or(0.0)
        }
    };
    let summary = TaskSummary {
        generations: tasks.len(),
        avg_tasks: avg(&|m| m.task_count.unwrap_or(0) as f64),
        avg_minutes_per_task: avg(&|m| {
            m.total_estimated_minutes.unwrap_or(0) as f64 / m.task_count.unwrap_or(1).max(1) as f64
        }),
        avg_high: avg(&share(0)),
        avg_medium: avg(&share(1)),
        avg_low: avg(&share(2)),
    };
    Ok(BatchReport {
        source,
        unexpected: reports
            .iter()
            .filter(|r| r.as_expected == Some(false))
            .count(),
        outcomes,
        tasks: summary,
        cases: reports
            .into_iter()
            .map(|r| BatchRow {
                case: r.case,
                kind: r.run.kind,
                expected: r.expected,
                outcome: r.run.outcome.label().to_string(),
                attempts: r.run.attempts.len(),
                tokens: r.run.metadata.tokens_used,
                tasks: r.run.metadata.task_count,
                minutes: r.run.metadata.total_estimated_minutes,
                priorities: r.run.metadata.priority_distribution.clone(),
                as_expected: r.as_expected,
            })
            .collect(),
    })
}

/// `replay process ID`: the case a process worked on, from the database; answered by Bedrock,
/// or by the recorded answers of `cassette`.
pub async fn process(
    ctx: &Context,
    id: uuid::Uuid,
    choice: ModelChoice,
    cassette: Option<&Path>,
) -> Result<RunReport> {
    let db = ctx.db().await?;
    let row = db
        .query_opt(
            "SELECT type, input FROM processing_state WHERE id = $1",
            &[&id],
        )
        .await
        .map_err(db_err("reading the process"))?
        .ok_or_else(|| Error::usage(format!("no process {id} in processing_state")))?;
    let kind: Kind = serde_json::from_value(serde_json::Value::String(row.get(0)))
        .map_err(|e| Error::failed(format!("process {id} has an unknown type: {e}")))?;
    let input: Option<serde_json::Value> = row.get(1);
    let params = input
        .as_ref()
        .map(|i| i["params"].clone())
        .unwrap_or_default();
    let param = |k: &str| {
        params[k]
            .as_str()
            .and_then(|s| s.parse::<uuid::Uuid>().ok())
    };
    let goal_id = param("goalId").ok_or_else(|| {
        Error::failed(format!("process {id} names no goal (input.params.goalId)"))
    })?;
    let goal = db
        .query_opt("SELECT title, description, deadline::text, background, constraints FROM goals WHERE id = $1", &[&goal_id])
        .await
        .map_err(db_err("reading the goal"))?
        .ok_or_else(|| Error::failed(format!("the goal {goal_id} of process {id} does not exist")))?;
    let mut case_input = Input {
        goal: super::domain::Goal {
            title: goal.get(0),
            description: goal.get(1),
            deadline: goal.get(2),
            background: goal.get(3),
            constraints: goal.get(4),
        },
        sub_goal: None,
        action: None,
    };
    // The level below: named in the input, else the goal's first (seed 002 処理の種類).
    if kind != Kind::SubgoalGeneration {
        let sub = db
            .query_opt(
                "SELECT title, description, background FROM sub_goals WHERE goal_id = $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY position LIMIT 1",
                &[&goal_id, &param("subGoalId")],
            )
            .await
            .map_err(db_err("reading the sub-goal"))?
            .ok_or_else(|| Error::failed(format!("process {id}: the goal has no sub-goal to generate actions or tasks for")))?;
        case_input.sub_goal = Some(super::domain::SubGoal {
            title: sub.get(0),
            description: sub.get(1),
            background: sub.get(2),
        });
    }
    if kind == Kind::TaskGeneration {
        let action = db
            .query_opt(
                "SELECT a.title, a.description, a.type, a.background FROM actions a JOIN sub_goals s ON s.id = a.sub_goal_id \
                 WHERE s.goal_id = $1 AND ($2::uuid IS NULL OR a.id = $2) ORDER BY s.position, a.position LIMIT 1",
                &[&goal_id, &param("actionId")],
            )
            .await
            .map_err(db_err("reading the action"))?
            .ok_or_else(|| Error::failed(format!("process {id}: the goal has no action to generate tasks for")))?;
        case_input.action = Some(super::domain::Action {
            title: action.get(0),
            description: action.get(1),
            kind: serde_json::from_value(serde_json::Value::String(action.get(2)))
                .map_err(|e| Error::failed(e.to_string()))?,
            background: action.get(3),
        });
    }
    let mut case = Case {
        name: format!("process-{id}"),
        description: format!("{} of process {id}, from the database", kind.as_str()),
        kind,
        input: case_input,
        responses: Vec::new(),
        expect: None,
    };
    if let Some(path) = cassette {
        case.responses = case::load(&path.display().to_string())?.responses;
    } else if choice == ModelChoice::Cassette {
        return Err(Error::usage(
            "--model cassette needs --cassette FILE (a case whose recorded answers to use)",
        ));
    }
    replay(
        ctx,
        &case,
        if cassette.is_some() {
            ModelChoice::Cassette
        } else {
            choice
        },
        jiff::Timestamp::now(),
    )
    .await
}

fn outcome_cell(label: &str) -> Cell {
    Cell::toned(
        label,
        if label == "success" {
            Tone::Good
        } else {
            Tone::Bad
        },
    )
}

fn result_table(g: &Generated) -> Table {
    match g {
        Generated::SubGoals(v) => {
            let mut t = Table::new(["#", "sub-goal", "description"]);
            for (i, s) in v.iter().enumerate() {
                t.row([(i + 1).to_string(), s.title.clone(), s.description.clone()]);
            }
            t
        }
        Generated::Actions(v) => {
            let mut t = Table::new(["#", "action", "type", "description"]);
            for (i, a) in v.iter().enumerate() {
                t.row([
                    (i + 1).to_string(),
                    a.title.clone(),
                    a.kind.as_str().to_string(),
                    a.description.clone(),
                ]);
            }
            t
        }
        Generated::Tasks(v) => {
            let mut t = Table::new(["#", "task", "minutes", "priority", "after"]);
            for (i, task) in v.iter().enumerate() {
                t.row([
                    (i + 1).to_string(),
                    task.title.clone(),
                    task.estimated_minutes
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                    task.priority
                        .map(|p| format!("{p:?}").to_uppercase())
                        .unwrap_or_default(),
                    task.dependencies.join(", "),
                ]);
            }
            t
        }
    }
}

impl Render for RunReport {
    fn render(&self, doc: &mut Doc) {
        let r = &self.run;
        doc.heading(format!(
            "replay {} ({}) with {}",
            self.case,
            r.kind.as_str(),
            r.model
        ));
        if !self.description.is_empty() {
            doc.text(&self.description);
        }
        doc.heading("1. input validation");
        if r.validation.is_empty() {
            doc.note(Tone::Good, "valid");
        } else {
            let mut t = Table::new(["field", "problem"]);
            for e in &r.validation {
                t.row([e.field.as_str(), e.message.as_str()]);
            }
            doc.table(t);
        }
        for a in &r.attempts {
            doc.heading(format!(
                "{}. attempt {} (prompt {}, {} characters)",
                a.number + 1,
                a.number,
                a.prompt.template,
                a.prompt.text.chars().count()
            ));
            if let Some(e) = &a.model_error {
                doc.note(Tone::Bad, format!("model error {}: {}", e.code, e.message));
            }
            if let Some(resp) = &a.response {
                doc.fields([
                    (
                        "tokens",
                        format!("{} in, {} out", resp.input_tokens, resp.output_tokens),
                    ),
                    ("latency", format!("{} ms", resp.latency_ms)),
                ]);
                doc.text(format!("raw response:\n{}", resp.text));
            }
            if let Some(e) = &a.parse_error {
                doc.note(Tone::Bad, format!("parse: {e}"));
            }
            for f in &a.findings {
                let tone = if f.severity == super::quality::Severity::Error {
                    Tone::Bad
                } else {
                    Tone::Warn
                };
                let level = if tone == Tone::Bad {
                    "error"
                } else {
                    "warning"
                };
                doc.note(tone, format!("{level} {}: {}", f.code, f.message));
            }
        }
        doc.heading("result");
        match &r.outcome {
            Outcome::Success { result } => {
                doc.table(result_table(result));
            }
            Outcome::Failure { code, message } => {
                doc.note(Tone::Bad, format!("{code}: {message}"));
            }
        }
        let m = &r.metadata;
        let mut fields = vec![
            ("outcome", outcome_cell(r.outcome.label())),
            ("attempts", Cell::new(m.attempts.to_string())),
            (
                "tokens",
                Cell::new(format!(
                    "{} ({} in, {} out)",
                    m.tokens_used, m.input_tokens, m.output_tokens
                )),
            ),
            (
                "estimated cost",
                Cell::new(format!("${:.6}", m.estimated_cost)),
            ),
            ("model time", Cell::new(format!("{} ms", m.duration_ms))),
        ];
        if let (Some(n), Some(total), Some(d)) = (
            m.task_count,
            m.total_estimated_minutes,
            &m.priority_distribution,
        ) {
            fields.push(("tasks", Cell::new(format!("{n}, {total} minutes in all"))));
            fields.push(("priorities", Cell::new(d.clone())));
        }
        if let Some(e) = &self.expected {
            let ok = self.as_expected == Some(true);
            fields.push((
                "expected",
                Cell::toned(e.clone(), if ok { Tone::Good } else { Tone::Bad }),
            ));
        }
        doc.fields(fields);
    }

    fn status(&self) -> ExitStatus {
        match self.run.outcome {
            Outcome::Success { .. } => ExitStatus::Ok,
            Outcome::Failure { .. } => ExitStatus::Critical,
        }
    }
}

impl Render for BatchReport {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new([
            "case",
            "kind",
            "expected",
            "outcome",
            "attempts",
            "tokens",
            "tasks",
            "priorities",
        ]);
        for c in &self.cases {
            let outcome = match c.as_expected {
                Some(false) => Cell::toned(format!("{} (unexpected)", c.outcome), Tone::Bad),
                _ => outcome_cell(&c.outcome),
            };
            t.row([
                Cell::new(&c.case),
                Cell::new(c.kind.as_str()),
                Cell::new(c.expected.clone().unwrap_or_default()),
                outcome,
                Cell::new(c.attempts.to_string()),
                Cell::new(c.tokens.to_string()),
                Cell::new(c.tasks.map(|n| n.to_string()).unwrap_or_default()),
                Cell::new(c.priorities.clone().unwrap_or_default()),
            ]);
        }
        doc.table(t);
        let num = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into());
        doc.fields([
            ("source", self.source.clone()),
            (
                "outcomes",
                self.outcomes
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("task generations", self.tasks.generations.to_string()),
            ("avg tasks", num(self.tasks.avg_tasks)),
            ("avg minutes per task", num(self.tasks.avg_minutes_per_task)),
            (
                "avg high / medium / low",
                format!(
                    "{} / {} / {}",
                    num(self.tasks.avg_high),
                    num(self.tasks.avg_medium),
                    num(self.tasks.avg_low)
                ),
            ),
        ]);
        if self.unexpected > 0 {
            doc.note(
                Tone::Bad,
                format!("{} cases did not end as expected", self.unexpected),
            );
        } else {
            doc.note(Tone::Good, "every case ended as expected");
        }
    }

    fn status(&self) -> ExitStatus {
        if self.unexpected > 0 {
            ExitStatus::Critical
        } else {
            ExitStatus::Ok
        }
    }
}

//! `sandbox seed`: the service's schema and AWS resources, loaded with a scenario.

mod aws;
mod database;
pub mod mandala;
pub mod plan;

pub use plan::Scenario;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Cell, Doc, Render, Table, Tone};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct SeedReport {
    pub scenario: Scenario,
    pub database: String,
    pub processes: BTreeMap<String, usize>,
    pub processing_rows: usize,
    pub goals: usize,
    pub sub_goals: usize,
    pub actions: usize,
    pub tasks: usize,
    pub aws: aws::Created,
    pub seconds: f64,
}

impl Render for SeedReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("Seeded the {:?} scenario", self.scenario).to_lowercase());
        let mut t = Table::new(["processing_state rows", "count"]);
        for (label, n) in &self.processes {
            let tone = if label.starts_with("stuck")
                || label.starts_with("progress")
                || label.contains("backlog")
            {
                Tone::Warn
            } else {
                Tone::Plain
            };
            t.row([Cell::toned(label, tone), Cell::new(n.to_string())]);
        }
        doc.table(t);
        let executions = self
            .aws
            .executions
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ");
        let alarms = self
            .aws
            .alarms
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ");
        doc.fields([
            ("database", Cell::new(&self.database)),
            (
                "goals",
                Cell::new(format!(
                    "{} with {} sub-goals, {} actions, {} tasks (from the shipped replay cases)",
                    self.goals, self.sub_goals, self.actions, self.tasks
                )),
            ),
            (
                "lambda functions",
                Cell::new(self.aws.functions.to_string()),
            ),
            ("executions", Cell::new(executions)),
            (
                "log events",
                Cell::new(format!(
                    "{} in {} streams",
                    self.aws.log_events, self.aws.log_streams
                )),
            ),
            (
                "metric datapoints",
                Cell::new(self.aws.metric_datapoints.to_string()),
            ),
            ("alarms", Cell::new(alarms)),
            ("took", Cell::new(format!("{:.1} s", self.seconds))),
        ]);
    }
}

/// Seeds the sandbox (the caller has selected it). `reset` clears the emulator first.
pub async fn seed(ctx: &Context, scenario: Scenario, reset: bool) -> Result<SeedReport> {
    let started = std::time::Instant::now();
    let env = ctx.env()?;
    let endpoint = env
        .endpoint_url
        .clone()
        .ok_or_else(|| crate::state::sandbox::not_running(&ctx.sandbox_dir.root))?;
    let target = ctx.db_target().await?;
    if !target.is_loopback() {
        return Err(Error::internal(
            "sandbox seeding reached a non-loopback database",
        ));
    }
    let _lock = ctx.sandbox_dir.lock()?;
    if reset {
        aws::reset(&endpoint).await?;
    }
    let plan = plan::plan(scenario, jiff::Timestamp::now(), &ctx.thresholds).await;
    let clients = ctx.aws().await?;
    let spinner = ctx
        .out
        .spinner(format!("seeding the {scenario:?} scenario").to_lowercase());
    let (created, arns) = aws::apply(clients, env, &ctx.thresholds, &plan).await?;
    let mut db = target.connect(ctx.db_timeout(), &ctx.activity).await?;
    database::apply(&mut db, &plan, |p| arns.get(&p.id).cloned()).await?;
    spinner.finish_and_clear();
    let subs = || plan.goals.iter().flat_map(|g| &g.sub_goals);
    let actions = || subs().flat_map(|s| &s.actions);
    let mut processes = BTreeMap::new();
    for p in &plan.processes {
        *processes.entry(p.label.to_string()).or_insert(0) += 1;
    }
    Ok(SeedReport {
        scenario,
        database: target.label().to_string(),
        processes,
        processing_rows: plan.processes.len(),
        goals: plan.goals.len(),
        sub_goals: subs().count(),
        actions: actions().count(),
        tasks: actions().map(|a| a.tasks.len()).sum(),
        aws: created,
        seconds: started.elapsed().as_secs_f64(),
    })
}

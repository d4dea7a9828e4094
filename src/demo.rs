//! `demo`: the sandbox up, an incident seeded, the main job run against it, next steps shown.

use crate::context::Context;
use crate::error::Result;
use crate::exit::ExitStatus;
use crate::health;
use crate::output::{Doc, Render, Tone};
use crate::sandbox::{self, seed::Scenario, seed::SeedReport};
use serde::Serialize;

#[derive(Serialize)]
pub struct DemoReport {
    pub sandbox: sandbox::Status,
    pub seed: SeedReport,
    pub health: health::Report,
    pub next: Vec<&'static str>,
}

impl Render for DemoReport {
    fn render(&self, doc: &mut Doc) {
        self.seed.render(doc);
        doc.heading("Health of the sandbox (`mandala-ops --env sandbox health`)");
        self.health.render(doc);
        doc.heading("Try next");
        for cmd in &self.next {
            doc.note(Tone::Plain, format!("  {cmd}"));
        }
    }

    /// The health check's: the demo's incident is expected to be critical.
    fn status(&self) -> ExitStatus {
        self.health.exit_status()
    }
}

pub async fn run(ctx: &mut Context, scenario: Scenario) -> Result<DemoReport> {
    let status = sandbox::up(&ctx.sandbox_dir, sandbox::Ports::default(), &ctx.out).await?;
    ctx.use_sandbox()?;
    let seed = sandbox::seed::seed(ctx, scenario, true).await?;
    let health = health::run(ctx, &health::Options::default()).await?;
    Ok(DemoReport {
        sandbox: status,
        seed,
        health,
        next: vec![
            "mandala-ops --env sandbox health --check database",
            "mandala-ops --env sandbox runbook run stuck-processing",
            "mandala-ops --env sandbox process repair",
            "mandala-ops --env sandbox report weekly --format html --out weekly.html",
            "mandala-ops --env sandbox query run error-types",
            "mandala-ops sandbox down",
        ],
    })
}

//! The dispatcher: a resolved [`Command`] becomes one call into the feature that owns it, and
//! its report an [`Outcome`] for the printer. Runbooks run their steps through [`Steps`], the
//! same path the command line takes, handed to them rather than imported.

mod step;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Outcome;
use crate::settings::Command;
use crate::{alarms, audit, cleanup, demo, health, incident, insights, logs, process, report};
use crate::{runbook, sandbox, scale};
use futures::future::LocalBoxFuture;
use std::time::Duration;

fn report(r: impl crate::output::Report + 'static) -> Outcome {
    Outcome::report(r)
}

pub async fn run(ctx: &mut Context, command: Command) -> Result<Outcome> {
    Ok(match command {
        Command::SandboxUp(ports) => report(sandbox::up(&ctx.sandbox_dir, ports, &ctx.out).await?),
        Command::SandboxStatus => report(sandbox::status(&ctx.sandbox_dir)?),
        Command::SandboxSeed { scenario, reset } => {
            ctx.use_sandbox()?;
            report(sandbox::seed::seed(ctx, scenario, reset).await?)
        }
        Command::SandboxDown { purge } => report(sandbox::down(&ctx.sandbox_dir, purge).await?),
        Command::Health {
            options,
            watch: None,
            fleet,
        } if fleet.is_empty() => report(health::run(ctx, &options).await?),
        Command::Health {
            options,
            watch: None,
            fleet,
        } => report(health::fleet(ctx, &fleet, &options).await?),
        Command::Health {
            options,
            watch: Some(interval),
            ..
        } => watch_health(ctx, &options, interval).await?,
        Command::QueryList => report(insights::query::list(&insights::query::library(ctx)?)),
        Command::QueryShow {
            name,
            params,
            engine,
        } => report(insights::query::show(
            &insights::query::library(ctx)?,
            ctx.env().ok(),
            &name,
            &params,
            engine,
        )?),
        Command::QueryRun(opts) => {
            report(insights::query::run(ctx, &insights::query::library(ctx)?, opts).await?)
        }
        Command::QuerySync { apply } => {
            report(insights::query::sync(ctx, &insights::query::library(ctx)?, apply).await?)
        }
        Command::ProcessList(opts) => report(process::list(ctx, &opts).await?),
        Command::ProcessShow(id) => report(process::show(ctx, id).await?),
        Command::LogsTail(opts) => Outcome::Done(logs::tail::tail(ctx, &opts).await?),
        Command::LogsArchive(opts) => report(logs::archive::archive(ctx, &opts).await?),
        Command::LogsAthenaSetup { apply } => report(logs::athena_setup::setup(ctx, apply).await?),
        Command::ProcessLogs { id, follow: None } => report(process::logs(ctx, id).await?),
        Command::ProcessLogs {
            id,
            follow: Some(interval),
        } => Outcome::Done(process::follow(ctx, id, interval).await?),
        Command::ProcessRepair(opts) => report(process::repair(ctx, &opts).await?),
        Command::ProcessCancel(opts) => report(process::cancel(ctx, &opts).await?),
        Command::ProcessRetry(opts) => report(process::retry(ctx, &opts).await?),
        Command::ScaleShow => report(scale::show(ctx).await?),
        Command::ScaleLambda {
            function,
            change,
            apply,
        } => {
            let target = scale::target(ctx.env()?, &function)?;
            report(scale::scale_lambda(ctx, &target, &change, apply).await?)
        }
        Command::ScaleRecommend { since } => report(scale::recommend(ctx, since).await?),
        Command::ScaleStop { functions, apply } => {
            let targets = scale::targets(ctx.env()?, &functions)?;
            report(scale::stop(ctx, &targets, apply).await?)
        }
        Command::ScaleResume { functions, apply } => {
            let targets = scale::targets(ctx.env()?, &functions)?;
            report(scale::resume(ctx, &targets, apply).await?)
        }
        Command::ScaleDb(opts) => report(scale::scale_db(ctx, &opts).await?),
        Command::CleanupProcessingState(opts) => {
            report(cleanup::processing_state(ctx, &opts).await?)
        }
        Command::CleanupLogStreams(opts) => report(cleanup::log_streams(ctx, &opts).await?),
        Command::Alarms { state } => report(alarms::list(ctx, state).await?),
        Command::AlarmsHistory { name, since } => report(alarms::history(ctx, &name, since).await?),
        Command::Audit(opts) => report(audit::audit(ctx, &opts).await?),
        Command::ReplayRun {
            case,
            model,
            emit_logs,
        } => report(
            crate::pipeline::replay::run_case(ctx, &case, model, emit_logs.as_deref()).await?,
        ),
        Command::ReplayBatch {
            dir,
            model,
            emit_logs,
        } => report(
            crate::pipeline::replay::batch(ctx, dir.as_deref(), model, emit_logs.as_deref())
                .await?,
        ),
        Command::ReplayProcess {
            id,
            model,
            cassette,
        } => report(crate::pipeline::replay::process(ctx, id, model, cassette.as_deref()).await?),
        Command::RunbookList => {
            report(runbook::list(ctx.runbooks_dir.as_deref(), &ctx.thresholds)?)
        }
        Command::RunbookShow(name) => report(runbook::show(
            ctx.runbooks_dir.as_deref(),
            &name,
            &ctx.thresholds,
        )?),
        Command::RunbookFor(alarm) => report(runbook::show_for_alarm(
            ctx.runbooks_dir.as_deref(),
            &alarm,
            &ctx.thresholds,
        )?),
        Command::RunbookRun(opts) => report(runbook::run(ctx, &Steps, opts).await?),
        Command::IncidentStart(opts) => report(incident::start(ctx, &opts).await?),
        Command::IncidentList => report(incident::list(ctx).await?),
        Command::IncidentClose(opts) => report(incident::close(ctx, &opts).await?),
        Command::IncidentTimeline(id) => {
            report(incident::timeline::timeline(ctx, id.as_deref()).await?)
        }
        Command::IncidentImpact(id) => report(incident::impact::impact(ctx, id.as_deref()).await?),
        Command::IncidentCapture { id, out, to } => report(
            incident::capture::capture(ctx, id.as_deref(), out.as_deref(), to.as_ref()).await?,
        ),
        Command::IncidentReport { id, format, out } => Outcome::Document {
            report: Box::new(incident::postmortem::report(ctx, id.as_deref()).await?),
            format,
            to: out,
        },
        Command::Report {
            options,
            format,
            out,
        } => Outcome::Document {
            report: Box::new(report::run(ctx, &options).await?),
            format,
            to: out,
        },
        Command::Demo(scenario) => report(demo::run(ctx, scenario).await?),
        Command::ConfigShow => report(ctx.config_report()),
        Command::Completions { shell, out_dir } => match (shell, out_dir) {
            (_, Some(dir)) => {
                let written = crate::cli::completions::write_all(&dir)?;
                Outcome::Text(written.join("\n") + "\n")
            }
            (Some(shell), None) => Outcome::Text(crate::cli::completions::script(shell)),
            (None, None) => return Err(Error::usage("name a shell, or pass --out-dir")),
        },
        Command::Man => Outcome::Text(crate::cli::completions::man_page()?),
    })
}

/// Runs `command` within its deadline; past it, the error names what the command was still
/// waiting on (the adapters register their calls and connections in the context's activity).
pub async fn within(ctx: &mut Context, command: Command, timeout: Duration) -> Result<Outcome> {
    let Some(deadline) = command.deadline(timeout) else {
        return run(ctx, command).await;
    };
    let activity = ctx.activity.clone();
    let running = std::pin::pin!(run(ctx, command));
    tokio::select! {
        result = running => result,
        _ = tokio::time::sleep(deadline) => {
            // Read while the command's calls are still registered: they end when it is dropped.
            let waiting = activity.summary();
            let (dependency, also) = match waiting.split_first() {
                Some((first, rest)) => (first.clone(), rest.to_vec()),
                None => ("a dependency".to_string(), Vec::new()),
            };
            Err(Error::unavailable(
                dependency,
                "the command ran",
                format!(
                    "no answer within {} (--timeout)",
                    crate::time::format_duration(deadline)
                ),
            )
            .with_hint(if also.is_empty() {
                "check that it is up and reachable, or allow more time with --timeout".to_string()
            } else {
                format!("also waiting on: {}; allow more time with --timeout", also.join(", "))
            }))
        }
    }
}

/// `health --watch`: run, print a frame, wait, until Ctrl-C; the exit status is the last run's.
async fn watch_health(
    ctx: &Context,
    opts: &health::Options,
    interval: Duration,
) -> Result<Outcome> {
    loop {
        let r = health::run(ctx, opts).await?;
        let last = r.exit_status();
        ctx.out.frame(&r)?;
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = tokio::signal::ctrl_c() => return Ok(Outcome::Done(last)),
        }
    }
}

/// The dispatcher as runbooks see it: a step's command line, read as the command line would
/// be, run in this process.
pub struct Steps;

impl runbook::Dispatch for Steps {
    fn check(&self, ctx: &Context, args: &[String]) -> Result<bool> {
        step::parse(args, false, &ctx.thresholds, ctx.timeout).map(|s| s.mutating)
    }

    fn run<'a>(
        &'a self,
        ctx: &'a mut Context,
        args: &'a [String],
        apply: bool,
    ) -> LocalBoxFuture<'a, Result<Outcome>> {
        Box::pin(async move {
            let step = step::parse(args, apply, &ctx.thresholds, ctx.timeout)?;
            let timeout = ctx
                .timeout
                .unwrap_or_else(|| step.command.default_timeout());
            within(ctx, step.command, timeout).await
        })
    }
}

//! Dispatch: a parsed command line becomes one library call, and its report or error becomes
//! output and an exit status.

use crate::cli::{
    AlarmsArgs, AlarmsCommand, CleanupCommand, Command, CompletionsArgs, ConfigCommand, Global,
    ProcessCommand, QueryCommand, ReplayCommand, RunbookCommand, SandboxCommand, ScaleCommand,
};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::{Format, Output, Report};

/// What a command produced.
pub enum Outcome {
    Report(Box<dyn Report>),
    /// Raw text for stdout (completion scripts, the man page).
    Text(String),
    /// Already printed (`health --watch`, `process logs --follow`); only the exit status is left.
    Done(ExitStatus),
}

fn report(r: impl Report + 'static) -> Outcome {
    Outcome::Report(Box::new(r))
}

pub async fn run(ctx: &mut Context, global: &Global, command: Command) -> Result<Outcome> {
    match command {
        Command::Sandbox(cmd) => sandbox(ctx, global, cmd).await,
        Command::Health(args) => {
            let opts = crate::health::Options {
                since: args.since,
                checks: args.checks,
                skip: args.skip,
                strict: args.strict,
                concurrency: args.concurrency as usize,
                check_timeout: args.timeout,
            };
            match args.watch {
                Some(interval) => watch_health(ctx, &opts, interval).await,
                None => Ok(report(crate::health::run(ctx, &opts).await?)),
            }
        }
        Command::Query(cmd) => query(ctx, cmd).await,
        Command::Process(cmd) => process(ctx, cmd).await,
        Command::Scale(cmd) => scale(ctx, cmd).await,
        Command::Cleanup(cmd) => cleanup(ctx, cmd).await,
        Command::Alarms(args) => alarms(ctx, args).await,
        Command::Audit(args) => Ok(report(
            crate::audit::audit(
                ctx,
                &crate::audit::Options {
                    since: args.since,
                    command: args.command,
                    target: args.target,
                    limit: args.limit as usize,
                    journal: args.journal,
                },
            )
            .await?,
        )),
        Command::Replay(cmd) => replay(ctx, cmd).await,
        Command::Runbook(cmd) => runbook(ctx, global, cmd).await,
        Command::Report(args) => Ok(report(
            crate::report::run(
                ctx,
                &crate::report::Options {
                    period: args.period,
                    format: args.format,
                    out: args.out,
                },
            )
            .await?,
        )),
        Command::Demo(args) => Ok(report(crate::demo::run(ctx, global, args.scenario).await?)),
        Command::Config(ConfigCommand::Show) => Ok(report(crate::config::show::show(
            ctx.env().ok(),
            ctx.config_path.as_deref(),
            &ctx.thresholds,
        ))),
        Command::Completions(CompletionsArgs { shell, out_dir }) => match (shell, out_dir) {
            (_, Some(dir)) => {
                let written = crate::completions::write_all(&dir)?;
                Ok(Outcome::Text(written.join("\n") + "\n"))
            }
            (Some(shell), None) => Ok(Outcome::Text(crate::completions::script(shell))),
            (None, None) => Err(Error::usage("name a shell, or pass --out-dir")),
        },
        Command::Man => Ok(Outcome::Text(crate::completions::man_page()?)),
    }
}

async fn query(ctx: &Context, cmd: QueryCommand) -> Result<Outcome> {
    use crate::insights::query::{self, RunOptions};
    let lib = query::library()?;
    match cmd {
        QueryCommand::List => Ok(report(query::list(&lib))),
        QueryCommand::Show(args) => Ok(report(query::show(
            &lib,
            ctx.env().ok(),
            &args.name,
            &query::params(&args.params)?,
        )?)),
        QueryCommand::Run(args) => {
            let opts = RunOptions {
                name: args.name,
                text: args.text,
                params: query::params(&args.params)?,
                since: args.since,
                start: args.start,
                end: args.end,
                log_groups: args.log_groups,
                limit: args.limit.map(|n| n as usize),
                engine: args.engine,
                local: args.local,
            };
            Ok(report(query::run(ctx, &lib, opts).await?))
        }
        QueryCommand::Sync(args) => Ok(report(query::sync(ctx, &lib, args.apply).await?)),
    }
}

async fn process(ctx: &Context, cmd: ProcessCommand) -> Result<Outcome> {
    use crate::process::{self, parse_id, parse_status, parse_type};
    match cmd {
        ProcessCommand::List(a) => {
            let opts = process::ListOptions {
                statuses: a
                    .statuses
                    .iter()
                    .map(|s| parse_status(s))
                    .collect::<Result<_>>()?,
                kind: a.kind.as_deref().map(parse_type).transpose()?,
                user: a.user.as_deref().map(parse_id).transpose()?,
                stuck_for: a.stuck_for,
                since: a.since,
                limit: a.limit as usize,
            };
            Ok(report(process::list(ctx, &opts).await?))
        }
        ProcessCommand::Show(a) => Ok(report(process::show(ctx, parse_id(&a.id)?).await?)),
        ProcessCommand::Logs(a) => {
            let id = parse_id(&a.id)?;
            Ok(if a.follow {
                Outcome::Done(process::follow(ctx, id, a.interval).await?)
            } else {
                report(process::logs(ctx, id).await?)
            })
        }
        ProcessCommand::Repair(a) => {
            let opts = process::RepairOptions {
                stuck_for: a.stuck_for,
                kind: a.kind.as_deref().map(parse_type).transpose()?,
                limit: a.limit.map(|n| n as usize),
                apply: a.apply,
                stop_running: a.stop_running,
                wait_lock: a.wait_lock,
                batch_size: a.batch_size as usize,
            };
            Ok(report(process::repair(ctx, &opts).await?))
        }
        ProcessCommand::Cancel(a) => Ok(report(
            process::cancel(ctx, parse_id(&a.id)?, a.apply, a.wait_lock).await?,
        )),
        ProcessCommand::Retry(a) => Ok(report(
            process::retry(ctx, parse_id(&a.id)?, a.apply, a.wait_lock).await?,
        )),
    }
}

async fn scale(ctx: &Context, cmd: ScaleCommand) -> Result<Outcome> {
    use crate::scale;
    match cmd {
        ScaleCommand::Show => Ok(report(scale::show(ctx).await?)),
        ScaleCommand::Lambda(a) => {
            let target = scale::target(ctx.env()?, &a.function)?;
            let change = scale::LambdaChange {
                reserved: a.reserved,
                unreserve: a.unreserve,
                provisioned: a.provisioned,
                qualifier: a.qualifier,
                memory_mb: a.memory,
                timeout_secs: a.timeout,
            };
            Ok(report(
                scale::scale_lambda(ctx, &target, &change, a.apply).await?,
            ))
        }
        ScaleCommand::Recommend(a) => Ok(report(scale::recommend(ctx, a.since).await?)),
        ScaleCommand::Stop(a) => {
            let targets = scale::targets(ctx.env()?, &a.functions)?;
            Ok(report(scale::stop(ctx, &targets, a.apply).await?))
        }
        ScaleCommand::Resume(a) => {
            let targets = scale::targets(ctx.env()?, &a.functions)?;
            Ok(report(scale::resume(ctx, &targets, a.apply).await?))
        }
        ScaleCommand::Db(a) => Ok(report(
            scale::scale_db(
                ctx,
                &scale::DbOptions {
                    min_acu: a.min_acu,
                    max_acu: a.max_acu,
                    apply: a.apply,
                },
            )
            .await?,
        )),
    }
}

async fn cleanup(ctx: &Context, cmd: CleanupCommand) -> Result<Outcome> {
    use crate::cleanup;
    match cmd {
        CleanupCommand::ProcessingState(a) => Ok(report(
            cleanup::processing_state(
                ctx,
                &cleanup::ProcessingStateOptions {
                    older_than: a.older_than,
                    batch_size: a.batch_size as usize,
                    apply: a.apply,
                    wait_lock: a.wait_lock,
                },
            )
            .await?,
        )),
        CleanupCommand::LogStreams(a) => Ok(report(
            cleanup::log_streams(
                ctx,
                &cleanup::LogStreamsOptions {
                    older_than: a.older_than,
                    log_groups: a.log_groups,
                    apply: a.apply,
                },
            )
            .await?,
        )),
    }
}

async fn alarms(ctx: &Context, args: AlarmsArgs) -> Result<Outcome> {
    match args.command {
        None => Ok(report(
            crate::alarms::list(ctx, args.state.as_deref()).await?,
        )),
        Some(AlarmsCommand::History(a)) => {
            Ok(report(crate::alarms::history(ctx, &a.name, a.since).await?))
        }
    }
}

async fn replay(ctx: &Context, cmd: ReplayCommand) -> Result<Outcome> {
    use crate::pipeline::replay;
    match cmd {
        ReplayCommand::Run(a) => Ok(report(
            replay::run_case(ctx, &a.case, a.model, a.emit_logs.as_deref()).await?,
        )),
        ReplayCommand::Batch(a) => Ok(report(
            replay::batch(ctx, a.dir.as_deref(), a.model, a.emit_logs.as_deref()).await?,
        )),
        ReplayCommand::Process(a) => Ok(report(
            replay::process(
                ctx,
                crate::process::parse_id(&a.id)?,
                a.model,
                a.cassette.as_ref(),
            )
            .await?,
        )),
    }
}

async fn runbook(ctx: &mut Context, global: &Global, cmd: RunbookCommand) -> Result<Outcome> {
    use crate::runbook;
    match cmd {
        RunbookCommand::List => Ok(report(runbook::list()?)),
        RunbookCommand::Show(a) => Ok(report(runbook::show(&a.name)?)),
        RunbookCommand::For(a) => Ok(report(runbook::show_for_alarm(&a.alarm)?)),
        RunbookCommand::Run(a) => {
            let opts = runbook::RunOptions {
                name: a.name,
                params: crate::insights::query::params(&a.params)?,
                apply: a.apply,
                yes: a.yes,
                from: a.from,
                transcript: a.transcript,
            };
            Ok(report(runbook::run(ctx, global, opts).await?))
        }
    }
}

/// `health --watch`: run, redraw, wait, until Ctrl-C; the exit status is the last run's.
async fn watch_health(
    ctx: &Context,
    opts: &crate::health::Options,
    interval: std::time::Duration,
) -> Result<Outcome> {
    use std::io::IsTerminal;
    let redraw = ctx.out.format == Format::Table && std::io::stdout().is_terminal();
    loop {
        let r = crate::health::run(ctx, opts).await?;
        let last = r.exit_status();
        if redraw {
            print!("\x1b[2J\x1b[H");
        }
        ctx.out.print(&r)?;
        if !redraw {
            println!();
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = tokio::signal::ctrl_c() => return Ok(Outcome::Done(last)),
        }
    }
}

async fn sandbox(ctx: &mut Context, global: &Global, cmd: SandboxCommand) -> Result<Outcome> {
    use crate::sandbox;
    match cmd {
        SandboxCommand::Up(args) => {
            let ports = sandbox::Ports {
                postgres: args.pg_port,
                moto: args.moto_port,
            };
            Ok(report(
                sandbox::up(&ctx.sandbox_dir, ports, &ctx.out).await?,
            ))
        }
        SandboxCommand::Status => Ok(report(sandbox::status(&ctx.sandbox_dir)?)),
        SandboxCommand::Seed(args) => {
            ctx.use_sandbox(global)?;
            Ok(report(
                sandbox::seed::seed(ctx, args.scenario.into(), !args.no_reset).await?,
            ))
        }
        SandboxCommand::Down(args) => {
            Ok(report(sandbox::down(&ctx.sandbox_dir, args.purge).await?))
        }
    }
}

/// Prints the outcome and returns the exit status. Errors go to stderr as `error:` and `hint:`
/// lines; with `-o json` they are also printed on stdout as `{"error": {...}}` so scripts that
/// parse stdout see them.
pub fn finish(out: &Output, result: Result<Outcome>) -> ExitStatus {
    match result {
        Ok(Outcome::Report(r)) => match out.print(r.as_ref()) {
            Ok(()) => r.status(),
            Err(e) => print_error(out, &e),
        },
        Ok(Outcome::Text(text)) => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitStatus::Ok
        }
        Ok(Outcome::Done(status)) => status,
        Err(e) => print_error(out, &e),
    }
}

pub fn print_error(out: &Output, e: &Error) -> ExitStatus {
    eprintln!("error: {e}");
    if let Some(hint) = e.hint() {
        eprintln!("hint: {hint}");
    }
    if out.format == Format::Json {
        let value = serde_json::json!({
            "error": {"message": e.to_string(), "hint": e.hint(), "exit_status": e.status().code()}
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    }
    e.status()
}

/// Logs on stderr: warnings by default, `-v` info, `-vv` debug; `RUST_LOG` overrides.
pub fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "mandala_ops=info,warn",
        _ => "mandala_ops=debug,info",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

/// The whole program: parse, build the context, run, print, exit status.
pub fn main() -> ExitStatus {
    let cli = match crate::cli::parse() {
        Ok(cli) => cli,
        Err(status) => return status,
    };
    init_logging(cli.global.verbose);
    let mut ctx = match Context::new(&cli.global) {
        Ok(ctx) => ctx,
        Err(e) => {
            return print_error(
                &Output::new(cli.global.output, cli.global.no_color, cli.global.quiet),
                &e,
            );
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return print_error(
                &ctx.out,
                &Error::internal(format!("starting the async runtime: {e}")),
            );
        }
    };
    let result = runtime.block_on(run(&mut ctx, &cli.global, cli.command));
    let status = finish(&ctx.out, result);
    // Detached work (the sandbox's servers) must not hold the process.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    status
}

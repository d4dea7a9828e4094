//! Each command's arguments as the typed options its feature takes: ids parsed, statuses and
//! types checked, times and ranges resolved, parameters read once. What does not check out is a
//! usage error (exit 64) before the command starts.

use crate::cli::ProcessCommand;
use crate::cli::{
    self, AlarmsCommand, CleanupCommand, ConfigCommand, IncidentCommand, LogsCommand,
};
use crate::cli::{QueryCommand, ReplayCommand, RunbookCommand, SandboxCommand, ScaleCommand};
use crate::config::Thresholds;
use crate::error::{Error, Result};
use crate::output::DocFormat;
use crate::pipeline::replay::ModelChoice;
use crate::sandbox::seed::Scenario;
use crate::time::RangeSpec;
use crate::{audit, cleanup, health, incident, insights, logs, process, report, runbook};
use crate::{sandbox, scale};
use aws_sdk_cloudwatch::types::StateValue;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;
use uuid::Uuid;

/// A command, resolved.
#[derive(Debug)]
pub enum Command {
    SandboxUp(sandbox::Ports),
    SandboxStatus,
    SandboxSeed {
        scenario: Scenario,
        reset: bool,
    },
    SandboxDown {
        purge: bool,
    },
    Health {
        options: health::Options,
        /// Run again every interval, until interrupted.
        watch: Option<Duration>,
        /// Several environments side by side (empty: the one `--env` selected).
        fleet: Vec<crate::config::Environment>,
    },
    QueryList,
    QueryShow {
        name: String,
        params: BTreeMap<String, String>,
        engine: Option<insights::query::Engine>,
    },
    QueryRun(insights::query::RunOptions),
    QuerySync {
        apply: bool,
    },
    LogsTail(logs::tail::Options),
    LogsArchive(logs::archive::Options),
    LogsAthenaSetup {
        apply: bool,
    },
    ProcessList(process::ListOptions),
    ProcessShow(Uuid),
    ProcessLogs {
        id: Uuid,
        /// Keep following at this interval until the row settles.
        follow: Option<Duration>,
    },
    ProcessRepair(process::RepairOptions),
    ProcessCancel(process::ChangeOptions),
    ProcessRetry(process::ChangeOptions),
    ScaleShow,
    ScaleLambda {
        function: String,
        change: scale::LambdaChange,
        apply: bool,
    },
    ScaleRecommend {
        since: Duration,
    },
    ScaleStop {
        functions: Vec<String>,
        apply: bool,
    },
    ScaleResume {
        functions: Vec<String>,
        apply: bool,
    },
    ScaleDb(scale::DbOptions),
    CleanupProcessingState(cleanup::ProcessingStateOptions),
    CleanupLogStreams(cleanup::LogStreamsOptions),
    Alarms {
        state: Option<StateValue>,
    },
    AlarmsHistory {
        name: String,
        since: Duration,
    },
    Audit(audit::Options),
    ReplayRun {
        case: String,
        model: ModelChoice,
        emit_logs: Option<PathBuf>,
    },
    ReplayBatch {
        dir: Option<PathBuf>,
        model: ModelChoice,
        emit_logs: Option<PathBuf>,
    },
    ReplayProcess {
        id: Uuid,
        model: ModelChoice,
        cassette: Option<PathBuf>,
    },
    RunbookList,
    RunbookShow(String),
    RunbookFor(String),
    RunbookRun(runbook::RunOptions),
    IncidentStart(incident::StartOptions),
    IncidentList,
    IncidentClose(incident::CloseOptions),
    IncidentTimeline(Option<String>),
    IncidentImpact(Option<String>),
    IncidentCapture {
        id: Option<String>,
        out: Option<PathBuf>,
        to: Option<incident::capture::S3Target>,
    },
    IncidentReport {
        id: Option<String>,
        format: DocFormat,
        out: Option<PathBuf>,
    },
    Report {
        options: report::Options,
        format: DocFormat,
        out: Option<PathBuf>,
    },
    Demo(Scenario),
    ConfigShow,
    Completions {
        shell: Option<clap_complete::Shell>,
        out_dir: Option<PathBuf>,
    },
    Man,
}

impl Command {
    /// How long the command may take by default: enough for its work on a healthy
    /// environment, short enough that a hung dependency is reported while it matters.
    pub fn default_timeout(&self) -> Duration {
        let minutes = |m: u64| Duration::from_secs(m * 60);
        match self {
            Command::Health { .. } => Duration::from_secs(20),
            Command::SandboxUp(_) | Command::Demo(_) => minutes(15),
            Command::SandboxSeed { .. } => minutes(5),
            Command::QueryRun(_) | Command::Report { .. } => minutes(10),
            // Export tasks run one at a time; a run cut short is finished by the next.
            Command::LogsArchive(_) => minutes(120),
            Command::IncidentTimeline(_)
            | Command::IncidentImpact(_)
            | Command::IncidentReport { .. } => minutes(5),
            Command::ProcessRepair(_) | Command::CleanupProcessingState(_) => minutes(30),
            Command::CleanupLogStreams(_) | Command::IncidentCapture { .. } => minutes(30),
            _ => Duration::from_secs(60),
        }
    }

    /// When the whole command must have ended, given its timeout: `None` for the commands that
    /// run until interrupted or that only run others (each step of a runbook has its own).
    /// Health ends itself at its timeout with the report; the margin is for printing it.
    pub fn deadline(&self, timeout: Duration) -> Option<Duration> {
        match self {
            Command::Health { watch: Some(_), .. }
            | Command::ProcessLogs {
                follow: Some(_), ..
            }
            | Command::LogsTail(logs::tail::Options {
                follow: Some(_), ..
            })
            | Command::RunbookRun(_) => None,
            Command::Health { .. } => Some(timeout + Duration::from_secs(5)),
            Command::ProcessRepair(process::RepairOptions {
                wait_lock: Some(w), ..
            })
            | Command::CleanupProcessingState(cleanup::ProcessingStateOptions {
                wait_lock: Some(w),
                ..
            })
            | Command::ProcessCancel(process::ChangeOptions {
                wait_lock: Some(w), ..
            })
            | Command::ProcessRetry(process::ChangeOptions {
                wait_lock: Some(w), ..
            }) => Some(timeout + *w),
            _ => Some(timeout),
        }
    }

    /// Steps of a runbook may not be these: they never end, start the sandbox, print help, or
    /// write files instead of printing a finding.
    pub fn refused_as_step(&self) -> Option<&'static str> {
        Some(match self {
            Command::RunbookList
            | Command::RunbookShow(_)
            | Command::RunbookFor(_)
            | Command::RunbookRun(_) => "a runbook cannot run runbooks",
            Command::SandboxUp(_)
            | Command::SandboxStatus
            | Command::SandboxSeed { .. }
            | Command::SandboxDown { .. }
            | Command::Demo(_) => "the sandbox is not a step",
            Command::Completions { .. } | Command::Man => "this prints help, not a finding",
            Command::Health { watch: Some(_), .. } => "--watch never ends",
            Command::ProcessLogs {
                follow: Some(_), ..
            } => "--follow waits for the process; a step shows the logs as they are",
            Command::LogsTail(logs::tail::Options {
                follow: Some(_), ..
            }) => "--follow never ends; a step shows the logs as they are",
            Command::Report { out: Some(_), .. } | Command::IncidentReport { out: Some(_), .. } => {
                "a report step prints; it does not write files"
            }
            _ => return None,
        })
    }
}

/// `-p KEY=VALUE` pairs; a name given twice is refused rather than silently overwritten.
pub fn params(pairs: &[String]) -> Result<BTreeMap<String, String>> {
    named(pairs, "-p", "parameter")
}

/// `NAME=VALUE` pairs of a repeatable flag, each name (of a `what`) once.
fn named(pairs: &[String], flag: &str, what: &str) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for p in pairs {
        let (k, v) = p
            .split_once('=')
            .map(|(k, v)| (k.trim().to_string(), v.to_string()))
            .filter(|(k, _)| !k.is_empty())
            .ok_or_else(|| Error::usage(format!("`{p}` is not KEY=VALUE")))?;
        if out.insert(k.clone(), v).is_some() {
            return Err(Error::usage(format!("{flag} {k} is given twice"))
                .with_hint(format!("give each {what} once")));
        }
    }
    Ok(out)
}

/// `--lookup NAME=FILE`: the names a lookup table may have (CreateLookupTable:
/// `^[a-zA-Z0-9_]+$`), each once.
fn lookups(pairs: &[String]) -> Result<BTreeMap<String, std::path::PathBuf>> {
    named(pairs, "--lookup", "table")?
        .into_iter()
        .map(|(name, file)| {
            if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || file.is_empty() {
                return Err(Error::usage(format!(
                    "--lookup {name}={file}: a table name is letters, digits and _, and a file follows ="
                )));
            }
            Ok((name, file.into()))
        })
        .collect()
}

/// `--source GROUP=FILE`: each log group once, a file after `=` (log group names hold no `=`).
fn sources(pairs: &[String]) -> Result<BTreeMap<String, std::path::PathBuf>> {
    named(pairs, "--source", "log group")?
        .into_iter()
        .map(|(group, file)| match file.as_str() {
            "" | "-" => Err(Error::usage(format!(
                "--source {group}={file}: give a file or s3:// URL after = (stdin is the main input's)"
            ))),
            _ => Ok((group, file.into())),
        })
        .collect()
}

fn id(text: &str) -> Result<Uuid> {
    process::parse_id(text)
}

/// An id as the logs write it (a request or user id): letters, digits and `-_.:`, so it can be
/// quoted into a CloudWatch filter pattern as it is.
fn token(text: String, flag: &str) -> Result<String> {
    let ok = !text.is_empty()
        && text.len() <= 128
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c));
    if ok {
        Ok(text)
    } else {
        Err(Error::usage(format!("{flag} `{text}` is not an id"))
            .with_hint("give the id as the logs write it: letters, digits and - _ . :"))
    }
}

fn incident_id(id: Option<String>) -> Result<Option<String>> {
    id.map(|v| token(v, "the incident id")).transpose()
}

/// A line of text for a record: not empty, no control characters, at most 300 characters.
fn line(text: String, flag: &str) -> Result<String> {
    let text = text.trim().to_string();
    if text.is_empty() || text.chars().count() > 300 || text.chars().any(char::is_control) {
        return Err(Error::usage(format!(
            "{flag} must be one line of 1 to 300 characters"
        )));
    }
    Ok(text)
}

fn port(p: Option<u16>, flag: &str) -> Result<Option<u16>> {
    match p {
        Some(0) => Err(Error::usage(format!("{flag} 0 is not a port"))
            .with_hint("give a free port from 1024 to 65535")),
        _ => Ok(p),
    }
}

fn log_groups(groups: Vec<String>) -> Result<Vec<String>> {
    for g in &groups {
        insights::library::check_group_name(g)?;
    }
    Ok(groups)
}

/// `cli`'s command as the typed options of its feature; `timeout` is the command's own
/// (`--timeout`), else its default.
pub fn command(cmd: cli::Command, t: &Thresholds, timeout: Option<Duration>) -> Result<Command> {
    let mut command = options(cmd, t)?;
    let timeout = timeout.unwrap_or_else(|| command.default_timeout());
    if let Command::Health { options, .. } = &mut command {
        options.check_timeout = timeout;
    }
    Ok(command)
}

fn options(cmd: cli::Command, t: &Thresholds) -> Result<Command> {
    Ok(match cmd {
        cli::Command::Sandbox(c) => match c {
            SandboxCommand::Up(a) => Command::SandboxUp(sandbox::Ports {
                postgres: port(a.pg_port, "--pg-port")?,
                moto: port(a.moto_port, "--moto-port")?,
            }),
            SandboxCommand::Status => Command::SandboxStatus,
            SandboxCommand::Seed(a) => Command::SandboxSeed {
                scenario: a.scenario,
                reset: !a.no_reset,
            },
            SandboxCommand::Down(a) => Command::SandboxDown { purge: a.purge },
        },
        cli::Command::Health(a) => Command::Health {
            options: health::Options {
                since: a.since,
                checks: a.checks,
                skip: a.skip,
                strict: a.strict,
                concurrency: a.concurrency as usize,
                // Set from the command's timeout below.
                check_timeout: Duration::ZERO,
            },
            watch: a.watch,
            fleet: Vec::new(),
        },
        cli::Command::Query(c) => match c {
            QueryCommand::List => Command::QueryList,
            QueryCommand::Show(a) => Command::QueryShow {
                name: a.name,
                params: params(&a.params)?,
                engine: a.engine,
            },
            QueryCommand::Run(a) => Command::QueryRun(insights::query::RunOptions {
                name: a.name,
                text: a.text,
                params: params(&a.params)?,
                range: RangeSpec::parse(a.since, a.start.as_deref(), a.end.as_deref())?,
                log_groups: log_groups(a.log_groups)?,
                limit: a.limit.map(|n| n as usize),
                engine: a.engine,
                local: a.local,
                lookups: lookups(&a.lookups)?,
                sources: sources(&a.sources)?,
            }),
            QueryCommand::Sync(a) => Command::QuerySync { apply: a.apply },
        },
        cli::Command::Logs(LogsCommand::AthenaSetup(a)) => {
            Command::LogsAthenaSetup { apply: a.apply }
        }
        cli::Command::Logs(LogsCommand::Archive(a)) => {
            Command::LogsArchive(logs::archive::Options {
                since: a.since.unwrap_or(Duration::from_secs(
                    t.retention.log_group_days.max(1) as u64 * 86_400,
                )),
                apply: a.apply,
            })
        }
        cli::Command::Logs(LogsCommand::Tail(a)) => Command::LogsTail(logs::tail::Options {
            groups: log_groups(a.groups)?,
            filter: a
                .filter
                .as_deref()
                .map(logs::select::parse_filter)
                .transpose()?,
            ids: [
                a.request_id.map(|v| token(v, "--request-id")).transpose()?,
                a.process_id
                    .map(|v| id(&v).map(|u| u.to_string()))
                    .transpose()?,
                a.user_id.map(|v| token(v, "--user-id")).transpose()?,
            ]
            .into_iter()
            .flatten()
            .collect(),
            context: a.context.into(),
            since: a.since,
            follow: a.follow.then_some(logs::tail::Follow {
                interval: a.interval,
                live: !a.poll,
            }),
        }),
        cli::Command::Process(c) => match c {
            ProcessCommand::List(a) => Command::ProcessList(process::ListOptions {
                statuses: a
                    .statuses
                    .iter()
                    .map(|s| process::Status::parse(s))
                    .collect::<Result<_>>()?,
                kind: a.kind.as_deref().map(process::Kind::parse).transpose()?,
                user: a.user.as_deref().map(id).transpose()?,
                stuck_for: a.stuck_for,
                since: a.since,
                limit: a.limit as usize,
            }),
            ProcessCommand::Show(a) => Command::ProcessShow(id(&a.id)?),
            ProcessCommand::Logs(a) => Command::ProcessLogs {
                id: id(&a.id)?,
                follow: a.follow.then_some(a.interval),
            },
            ProcessCommand::Repair(a) => Command::ProcessRepair(process::RepairOptions {
                stuck_for: a
                    .stuck_for
                    .unwrap_or(Duration::from_secs(t.database.stuck_after_secs)),
                kind: a.kind.as_deref().map(process::Kind::parse).transpose()?,
                limit: a.limit.map(|n| n as usize),
                apply: a.apply,
                stop_running: a.stop_running,
                wait_lock: a.wait_lock,
                batch_size: a.batch_size as usize,
            }),
            ProcessCommand::Cancel(a) => Command::ProcessCancel(process::ChangeOptions {
                id: id(&a.id)?,
                apply: a.apply,
                wait_lock: a.wait_lock,
            }),
            ProcessCommand::Retry(a) => Command::ProcessRetry(process::ChangeOptions {
                id: id(&a.id)?,
                apply: a.apply,
                wait_lock: a.wait_lock,
            }),
        },
        cli::Command::Scale(c) => match c {
            ScaleCommand::Show => Command::ScaleShow,
            ScaleCommand::Lambda(a) => Command::ScaleLambda {
                function: a.function,
                change: scale::LambdaChange {
                    reserved: a.reserved,
                    unreserve: a.unreserve,
                    provisioned: a.provisioned,
                    qualifier: a.qualifier,
                    memory_mb: a.memory,
                    timeout_secs: a.function_timeout,
                },
                apply: a.apply,
            },
            ScaleCommand::Recommend(a) => Command::ScaleRecommend { since: a.since },
            ScaleCommand::Stop(a) => Command::ScaleStop {
                functions: a.functions,
                apply: a.apply,
            },
            ScaleCommand::Resume(a) => Command::ScaleResume {
                functions: a.functions,
                apply: a.apply,
            },
            ScaleCommand::Db(a) => Command::ScaleDb(scale::DbOptions {
                min_acu: a.min_acu,
                max_acu: a.max_acu,
                apply: a.apply,
            }),
        },
        cli::Command::Cleanup(c) => match c {
            CleanupCommand::ProcessingState(a) => {
                Command::CleanupProcessingState(cleanup::ProcessingStateOptions {
                    older_than: cleanup::retention(
                        a.older_than,
                        t.retention.processing_state_days,
                    )?,
                    batch_size: a.batch_size as usize,
                    apply: a.apply,
                    wait_lock: a.wait_lock,
                })
            }
            CleanupCommand::LogStreams(a) => {
                Command::CleanupLogStreams(cleanup::LogStreamsOptions {
                    older_than: cleanup::retention(a.older_than, t.retention.log_stream_days)?,
                    log_groups: log_groups(a.log_groups)?,
                    apply: a.apply,
                })
            }
        },
        cli::Command::Alarms(a) => match a.command {
            None => Command::Alarms {
                state: a
                    .state
                    .as_deref()
                    .map(crate::alarms::parse_state)
                    .transpose()?,
            },
            Some(AlarmsCommand::History(h)) => Command::AlarmsHistory {
                name: h.name,
                since: h.since,
            },
        },
        cli::Command::Audit(a) => Command::Audit(audit::Options {
            since: a.since,
            command: a.command,
            target: a.target,
            limit: a.limit as usize,
            journal: a.journal,
        }),
        cli::Command::Replay(c) => match c {
            ReplayCommand::Run(a) => Command::ReplayRun {
                case: a.case,
                model: a.model,
                emit_logs: a.emit_logs,
            },
            ReplayCommand::Batch(a) => Command::ReplayBatch {
                dir: a.dir,
                model: a.model,
                emit_logs: a.emit_logs,
            },
            ReplayCommand::Process(a) => Command::ReplayProcess {
                id: id(&a.id)?,
                model: a.model,
                cassette: a.cassette,
            },
        },
        cli::Command::Runbook(c) => match c {
            RunbookCommand::List => Command::RunbookList,
            RunbookCommand::Show(a) => Command::RunbookShow(a.name),
            RunbookCommand::For(a) => Command::RunbookFor(a.alarm),
            RunbookCommand::Run(a) => Command::RunbookRun(runbook::RunOptions {
                name: a.name,
                params: params(&a.params)?,
                apply: a.apply,
                yes: a.yes,
                from: a.from,
                transcript: a.transcript,
            }),
        },
        cli::Command::Incident(c) => match c {
            IncidentCommand::Start(a) => Command::IncidentStart(incident::StartOptions {
                title: a.title.map(|t| line(t, "--title")).transpose()?,
                since: a.since,
                severity: a.severity,
            }),
            IncidentCommand::List => Command::IncidentList,
            IncidentCommand::Timeline(a) => Command::IncidentTimeline(incident_id(a.id)?),
            IncidentCommand::Impact(a) => Command::IncidentImpact(incident_id(a.id)?),
            IncidentCommand::Capture(a) => Command::IncidentCapture {
                id: incident_id(a.id)?,
                out: a.out,
                to: a
                    .to
                    .as_deref()
                    .map(incident::capture::S3Target::parse)
                    .transpose()?,
            },
            IncidentCommand::Report(a) => Command::IncidentReport {
                id: incident_id(a.id)?,
                format: a.document.format,
                out: a.document.out,
            },
            IncidentCommand::Close(a) => Command::IncidentClose(incident::CloseOptions {
                id: incident_id(a.id)?,
                resolution: a.resolution.map(|t| line(t, "--resolution")).transpose()?,
            }),
        },
        cli::Command::Report(a) => Command::Report {
            options: report::Options { period: a.period },
            format: a.document.format,
            out: a.document.out,
        },
        cli::Command::Demo(a) => Command::Demo(a.scenario),
        cli::Command::Config(ConfigCommand::Show) => Command::ConfigShow,
        cli::Command::Completions(a) => Command::Completions {
            shell: a.shell,
            out_dir: a.out_dir,
        },
        cli::Command::Man => Command::Man,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_pairs_given_once() {
        let p = params(&["a=1".into(), "b= x=y".into()]).unwrap();
        assert_eq!(p["a"], "1");
        assert_eq!(p["b"], " x=y");
        assert!(params(&["a".into()]).is_err());
        let e = params(&["a=1".into(), "a=2".into()]).unwrap_err();
        assert!(e.to_string().contains("twice"), "{e}");
    }
}

//! Command-line definitions only: no logic. The settings layer turns these into typed options;
//! help, the man page and completions are generated from the same definitions (`completions`).

pub mod completions;
#[cfg(test)]
mod coverage_doc;

use crate::config::EnvName;
use crate::exit::ExitStatus;
use crate::output::{DocFormat, Format};
use crate::sandbox::seed::Scenario;
use crate::time::parse_duration;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

const ABOUT: &str = "Operations CLI and runbook automation for the goal-mandala service";

const LONG_ABOUT: &str = "\
Operations CLI and runbook automation for the goal-mandala service (API Gateway → Lambda → \
Step Functions → Aurora PostgreSQL, with Amazon Bedrock). It packages the service's operations \
guides as commands: health checks, Logs Insights queries, stuck-process repair, scaling, \
retention cleanup and runbooks.

Every command that talks to AWS or the database needs an environment: --env dev|stg|prod|sandbox \
(or MANDALA_ENV). Try it locally with `mandala-ops demo`, which starts a sandbox (PostgreSQL and \
an AWS emulator on loopback) and seeds an incident.

Mutating commands are dry runs unless --apply is given.";

#[derive(Debug, Parser)]
#[command(
    name = "mandala-ops",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = ExitStatus::HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]
    #[arg(
        long,
        global = true,
        env = "MANDALA_ENV",
        hide_env = true,
        value_enum,
        value_delimiter = ','
    )]
    pub env: Vec<EnvName>,

    /// Config file (default: ~/.config/mandala-ops/config.toml when it exists)
    #[arg(long, global = true, env = "MANDALA_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// AWS region (default: the environment's, else AWS_REGION, else ap-northeast-1)
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,

    /// AWS profile (SSO profiles work after `aws sso login`)
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub database_url: Option<String>,

    /// Secrets Manager secret with the database credentials (RDS secret JSON)
    #[arg(long, global = true, env = "MANDALA_DB_SECRET_ID", value_name = "ID")]
    pub db_secret_id: Option<String>,

    /// Time allowed to connect to the database
    #[arg(long, global = true, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub db_timeout: Duration,

    /// Time the command may take in all; past it, it stops and names the dependency it was
    /// waiting on (exit 69). Default: the command's own (health 20s, query run and report 10m,
    /// repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each
    /// step's
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,

    /// The sandbox's folder (default: the per-user state folder)
    #[arg(long, global = true, env = "MANDALA_SANDBOX_DIR", value_name = "DIR")]
    pub sandbox_dir: Option<PathBuf>,

    /// Output format (junit: `health` only, one test case per check)
    #[arg(short, long, global = true, value_enum, default_value_t = Format::Table)]
    pub output: Format,

    /// No colour (also NO_COLOR)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// No progress or notes; a table report is printed only when something is not ok (for cron)
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// More log output on stderr (-v info, -vv debug)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on
    #[command(subcommand)]
    Sandbox(SandboxCommand),

    /// Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics,
    /// database, Aurora, alarms, logs
    #[command(after_long_help = HEALTH_HELP)]
    Health(HealthArgs),

    /// The guides' Logs Insights queries: list, show, run (on CloudWatch or locally), sync
    #[command(subcommand)]
    Query(QueryCommand),

    /// The service's logs: one merged tail of every function, filtered, with context
    #[command(subcommand)]
    Logs(LogsCommand),

    /// Processing rows against their Step Functions executions: list, show, logs, repair, cancel,
    /// retry
    #[command(subcommand)]
    Process(ProcessCommand),

    /// Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range
    #[command(subcommand)]
    Scale(ScaleCommand),

    /// Retention: old processing_state rows and log streams
    #[command(subcommand)]
    Cleanup(CleanupCommand),

    /// The environment's CloudWatch alarms with state, reason and runbook; `history NAME`
    Alarms(AlarmsArgs),

    /// What mandala-ops changed here: who, when, what, before and after, why
    Audit(AuditArgs),

    /// The AI generation pipeline on a case, stage by stage, offline or against Bedrock
    #[command(subcommand)]
    Replay(ReplayCommand),

    /// The guides' alert procedures as executable runbooks: list, show, run, for ALARM
    #[command(subcommand)]
    Runbook(RunbookCommand),

    /// The incident record: start (with its severity and response deadline), list, close
    #[command(subcommand)]
    Incident(IncidentCommand),

    /// The guides' daily, weekly and monthly checklists as one generated report
    #[command(after_long_help = REPORT_HELP)]
    Report(ReportArgs),

    /// Start the sandbox, seed an incident, and run the health check against it
    Demo(DemoArgs),

    /// The resolved configuration: environment, resource names, thresholds
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Shell completions (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),

    /// The man page, in roff
    Man,
}

const HEALTH_HELP: &str = "\
Each row is one check: its status, the observed value, the guide's value (threshold) and the \
guide it comes from. The overall status is the worst row: exit 0 ok, 1 warn, 2 critical.

No check passes without looking: a metric with no datapoints, a log group with no events, an \
alarm without data, a dependency that refused or did not answer: each is a warn or critical row \
naming what is missing. `unknown` is kept for what the endpoint cannot compute (the local \
emulator's percentiles and the APIs it lacks) and says so; it counts as ok unless --strict, \
where it counts as a warning (exit 1). A configuration that cannot be used (a database URL that \
does not parse, an empty --region, a --check/--skip selection that leaves nothing) exits 64 \
before any check runs.

Families: deploy (the API has a deployed stage; the functions and state machine exist), changes \
(what was deployed or reconfigured, and when), lambda (state, errors, throttles, duration, \
concurrency, settings against the capacity tables, Bedrock variables), api, traffic (requests \
against the normal range and the same window a week earlier), stepfunctions, async, database, \
aurora (status, capacity, backups, restorable point), alarms (state, and the guides' alarms as \
deployed), logs (errors, retention, S3 exports). Select by family or name: --check database, \
--check lambda.ai-processor.errors, --skip logs.

The checks run --concurrency at a time within one deadline, --timeout (20s by default): a check \
still waiting then is critical, naming what it waited on, and the report arrives on time.

-o json prints {\"status\", \"checks\": [{\"name\", \"status\", \"value\", \"threshold\", \
\"message\", \"source\"}]} (stable: fields are only added). -o junit prints JUnit XML for CI: one \
test case per row, a failure for warn and critical, skipped for unknown with its reason.

Several environments at once: `--env dev,stg,prod` (or --all-envs, every environment the config \
file names) runs them side by side within the one deadline: one table with an environment \
column, one JSON document ({\"status\", \"environments\": [...], \"checks\": [{\"environment\", \
...}]}), one JUnit suite per environment, and the exit status of the worst. Each environment \
reads its database through its own db_secret_id; DATABASE_URL is refused there.

In cron: `mandala-ops --env prod health -q --strict` prints nothing, and exits 0, only when every \
check looked and passed. In CI after a deploy: `mandala-ops --env stg health --strict -o junit > \
health.xml`; publish health.xml as a test report, and the exit status fails the job.";

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Time window the metric and log checks look at
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_duration)]
    pub since: Duration,
    /// Run only these checks (a family such as `database`, or a full name); repeatable
    #[arg(long = "check", value_name = "NAME", value_delimiter = ',')]
    pub checks: Vec<String>,
    /// Leave these checks out; repeatable
    #[arg(long = "skip", value_name = "NAME", value_delimiter = ',')]
    pub skip: Vec<String>,
    /// Count `unknown` as a warning
    #[arg(long)]
    pub strict: bool,
    /// Checks run at once
    #[arg(long, value_name = "N", allow_negative_numbers = true, default_value_t = 32, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// Run again every INTERVAL and redraw, until interrupted
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "30s", value_parser = parse_duration)]
    pub watch: Option<Duration>,
    /// Every environment the config file names, at once (instead of --env)
    #[arg(long, conflicts_with = "watch")]
    pub all_envs: bool,
}

#[derive(Debug, Subcommand)]
pub enum QueryCommand {
    /// Every query of the guides, with its source
    List,
    /// One query: its purpose, parameters, expected ranges and text as it would be sent
    Show(QueryShowArgs),
    /// Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)
    #[command(after_long_help = QUERY_RUN_HELP)]
    Run(QueryRunArgs),
    /// Publish the library as CloudWatch Logs saved queries (dry run unless --apply)
    Sync(ApplyArgs),
}

const QUERY_RUN_HELP: &str = "\
Parameters are typed (uuid, number, integer, string), checked and written as literals: a value \
can never change the query. The default time range is the query's own (see `query show`).

Engines: CloudWatch Logs Insights by default; in the sandbox, and with --engine local, the events \
are fetched from CloudWatch Logs and evaluated here. --local FILE… (or - for stdin) evaluates log \
files: JSON lines, CloudWatch Logs S3 exports (gzip), `aws logs filter-log-events` output, \
Lambda REPORT lines. --engine athena translates the query to SQL over the S3 log archive \
(`logs archive`, `logs athena-setup`; `query show NAME --engine athena` prints it), reads only \
the range's days and the query's components, and reports the bytes scanned and their cost. Rows \
outside the query's expected ranges are flagged (exit 1).

Interrupting a running query (Ctrl-C) stops it on CloudWatch or Athena.";

#[derive(Debug, Args)]
pub struct QueryShowArgs {
    /// The query's name (`query list`)
    pub name: String,
    /// A parameter, KEY=VALUE; repeatable
    #[arg(short = 'p', long = "param", value_name = "KEY=VALUE")]
    pub params: Vec<String>,
    /// Also print the query as this engine runs it (athena: the SQL over the log archive)
    #[arg(long, value_enum)]
    pub engine: Option<crate::insights::query::Engine>,
}

#[derive(Debug, Args)]
pub struct QueryRunArgs {
    /// The query's name (`query list`)
    #[arg(required_unless_present = "text")]
    pub name: Option<String>,
    /// An ad-hoc query instead of one of the library
    #[arg(long, value_name = "QUERY", conflicts_with = "name")]
    pub text: Option<String>,
    /// A parameter, KEY=VALUE; repeatable
    #[arg(short = 'p', long = "param", value_name = "KEY=VALUE")]
    pub params: Vec<String>,
    /// Time range back from now (default: the query's own)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, conflicts_with_all = ["start", "end"])]
    pub since: Option<Duration>,
    /// Start of the range: RFC 3339, or a local date-time such as \"2026-11-22 19:00\"
    #[arg(long, value_name = "TIME")]
    pub start: Option<String>,
    /// End of the range (default: now)
    #[arg(long, value_name = "TIME", requires = "start")]
    pub end: Option<String>,
    /// Log groups instead of the query's: component ids (ai-generation-worker) or names
    #[arg(long = "log-group", value_name = "GROUP")]
    pub log_groups: Vec<String>,
    /// Rows at most (over 10,000, a raw query's time range is split to get them all)
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub limit: Option<u64>,
    /// Where to evaluate
    #[arg(long, value_enum)]
    pub engine: Option<crate::insights::query::Engine>,
    /// Evaluate these log files here instead (- reads stdin)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub local: Vec<PathBuf>,
    /// A lookup table for the local engine's `lookup` command: its name and CSV file; repeatable
    #[arg(long = "lookup", value_name = "NAME=FILE")]
    pub lookups: Vec<String>,
    /// With --local: the logs a join or subquery's `SOURCE 'GROUP'` reads (a file or s3:// URL); repeatable
    #[arg(long = "source", value_name = "GROUP=FILE")]
    pub sources: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Make the changes (without it, only show them)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Subcommand)]
pub enum LogsCommand {
    /// Every function's log group (or the named ones) as one time-ordered stream
    #[command(after_long_help = LOGS_TAIL_HELP)]
    Tail(LogsTailArgs),
    /// Export every function's log group to the archive bucket, one UTC day per export task
    /// (dry run unless --apply)
    #[command(after_long_help = LOGS_ARCHIVE_HELP)]
    Archive(LogsArchiveArgs),
    /// Create or update the Athena database and table over the log archive, partitions
    /// projected by component and day (dry run unless --apply)
    AthenaSetup(ApplyArgs),
}

const LOGS_ARCHIVE_HELP: &str = "\
The bucket and prefix are the environment's `archive` in the config file (the sandbox has its \
own). Each function's day goes to <prefix>/<env>/<component>/dt=YYYY-MM-DD/ (CreateExportTask), \
the layout a table over the archive partitions on. CloudWatch runs one export task per account \
at a time: days go one after another, and a run waits while another export of the account runs. \
A day with objects in the bucket is skipped, so a run killed mid-way is finished by running it \
again (it waits for the task it left running rather than starting the day twice). Each exported \
day is recorded in the audit trail. Exit 2 when an export task failed.";

#[derive(Debug, Args)]
pub struct LogsArchiveArgs {
    /// Whole UTC days before today to cover (default: 30d, CloudWatch's retention)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub since: Option<Duration>,
    /// Start the exports (without it, only list what is missing)
    #[arg(long)]
    pub apply: bool,
}

const LOGS_TAIL_HELP: &str = "\
Events are shown oldest first, one per line: time (UTC), function, level and the event in a few \
words (message, status and progress, error code); -o json prints each event whole as one object \
per line ({\"at\", \"group\", \"stream\", \"level\", \"message\", \"event\", \"context\"}).

Selecting: --filter takes what follows `filter` in a Logs Insights query, evaluated by the local \
engine (`level = \"ERROR\" and type = \"TASK\"`, `@message like /Throttl/`); the id shortcuts \
keep the events that contain the id, and are sent to CloudWatch as a filter pattern so less is \
read. -C N adds the N events before and after each match from the same log stream (dimmed; \
\"context\": true in JSON).

--follow keeps printing new events until Ctrl-C: through a CloudWatch Live Tail session where \
the account allows it (logs:StartLiveTail; billed by the minute), else, or with --poll, by \
reading FilterLogEvents every --interval, slowing down while it fails or is throttled.

Without --follow: exit 0 when events were shown, 1 when none matched, 2 when a log group could \
not be read (the others are still shown).";

#[derive(Debug, Args)]
pub struct LogsTailArgs {
    /// Log groups: component ids (ai-generation-worker) or names [default: every function's]
    #[arg(value_name = "GROUP")]
    pub groups: Vec<String>,
    /// Only events passing this filter expression (the local engine's, as after `filter`)
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
    /// Only events of this request (requestId, and Lambda's START/END/REPORT lines)
    #[arg(long, value_name = "ID")]
    pub request_id: Option<String>,
    /// Only events of this process (processing_state.id)
    #[arg(long, value_name = "ID")]
    pub process_id: Option<String>,
    /// Only events of this user
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    /// Show N events of the same log stream before and after each match
    #[arg(short = 'C', long = "context", value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=1000))]
    pub context: u16,
    /// How far back to start
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub since: Duration,
    /// Keep printing new events until interrupted
    #[arg(short, long)]
    pub follow: bool,
    /// Follow by polling FilterLogEvents instead of a Live Tail session
    #[arg(long, requires = "follow")]
    pub poll: bool,
    /// How often polling looks for new events
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = parse_duration, requires = "follow")]
    pub interval: Duration,
}

#[derive(Debug, Subcommand)]
pub enum ProcessCommand {
    /// Processing rows with their age, progress and execution state
    List(ProcessListArgs),
    /// One process end to end: row, execution (and the state it failed in), log timeline
    Show(ProcessIdArgs),
    /// One process's log timeline across the handlers and the worker, each event whole; --follow
    /// watches it until the row settles
    #[command(after_long_help = LOGS_HELP)]
    Logs(ProcessLogsArgs),
    /// Reconcile stuck rows with their executions, as the troubleshooting guide prescribes
    #[command(after_long_help = REPAIR_HELP)]
    Repair(ProcessRepairArgs),
    /// Stop a process's execution, mark it CANCELLED, and verify both took effect
    Cancel(ProcessChangeArgs),
    /// Start a FAILED or TIMEOUT process again with its original input, if its error is retryable
    Retry(ProcessChangeArgs),
}

const LOGS_HELP: &str = "\
The timeline covers five minutes before the row was created to five minutes after it completed \
(or now), in the async-processing, status-check, retry and cancel handlers and the worker \
(004 ログ分析スクリプト). -o json prints {\"process\", \"status\", \"start\", \"end\", \"logs\": \
[{\"at\", \"group\", \"level\", \"message\", \"event\"}], \"notes\"}, where event is the log event whole.

With --follow new events are printed as they arrive (one JSON object per line with -o json) until \
the row reaches a terminal status: exit 0 when it COMPLETED or was CANCELLED, 2 when it FAILED or \
timed out; Ctrl-C stops following with 0.";

const REPAIR_HELP: &str = "\
Every PENDING or PROCESSING row not updated for --stuck-for is checked against its execution \
(004 処理状態とStep Functionsの不一致): SUCCEEDED → COMPLETED (progress 100); FAILED → FAILED with the \
execution's error and cause; TIMED_OUT → TIMEOUT; ABORTED → CANCELLED. An execution that is missing, \
or RUNNING past the state machine's limit, is stopped and its row marked FAILED (MANUAL_INTERVENTION) \
only with --stop-running; otherwise it is reported. Progress outside 0-100 is clamped (004 進捗率の異常).

Without --apply this prints the plan. With --apply each change is a conditional update (only if \
the row still has the status and updated_at that were inspected), in batches of one transaction \
each, under an advisory lock (a second run exits 75, or waits with --wait-lock), and audited in \
mandala_ops.audit. Killed at any point, a rerun finishes the job.";

#[derive(Debug, Args)]
pub struct ProcessListArgs {
    /// Only these statuses (PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED, TIMEOUT); repeatable
    #[arg(long = "status", value_name = "STATUS", value_delimiter = ',')]
    pub statuses: Vec<String>,
    /// Only this type (SUBGOAL, ACTION or TASK, with or without _GENERATION)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only this user's processes
    #[arg(long, value_name = "USER_ID")]
    pub user: Option<String>,
    /// Only PENDING/PROCESSING rows not updated for this long (of any age)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub stuck_for: Option<Duration>,
    /// Rows updated within this window
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub since: Duration,
    /// Rows at most
    #[arg(long, value_name = "N", allow_negative_numbers = true, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct ProcessIdArgs {
    /// The process id (processing_state.id)
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ProcessLogsArgs {
    /// The process id (processing_state.id)
    pub id: String,
    /// Keep printing new events until the process reaches a terminal status
    #[arg(short, long)]
    pub follow: bool,
    /// How often --follow looks for new events
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_duration, requires = "follow")]
    pub interval: Duration,
}

#[derive(Debug, Args)]
pub struct ProcessRepairArgs {
    /// Reconcile rows not updated for this long [default: thresholds.database.stuck_after_secs,
    /// 30m]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub stuck_for: Option<Duration>,
    /// Only this type (SUBGOAL, ACTION or TASK)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Change at most N rows
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// Make the changes (without it, only show the plan)
    #[arg(long)]
    pub apply: bool,
    /// Stop executions running past their limit and mark missing or stopped ones FAILED
    #[arg(long)]
    pub stop_running: bool,
    /// Wait up to DURATION for another run's lock instead of exiting 75
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub wait_lock: Option<Duration>,
    /// Rows per transaction
    #[arg(long, value_name = "N", allow_negative_numbers = true, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub batch_size: u32,
}

#[derive(Debug, Args)]
pub struct ProcessChangeArgs {
    /// The process id (processing_state.id)
    pub id: String,
    /// Make the change (without it, only show it)
    #[arg(long)]
    pub apply: bool,
    /// Wait up to DURATION for another run's lock instead of exiting 75
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub wait_lock: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum ScaleCommand {
    /// Every function's reserved and provisioned concurrency, memory and timeout beside the
    /// guides' values, and the Aurora ACU range
    Show,
    /// Change one function's concurrency, memory or timeout (validated, applied, read back)
    Lambda(ScaleLambdaArgs),
    /// What the guides' rules recommend from recent metrics and REPORT lines, with the evidence
    Recommend(ScaleRecommendArgs),
    /// The emergency stop: reserved concurrency 0, remembering the previous setting
    Stop(ScaleFunctionsArgs),
    /// Undo `scale stop`: restore the reserved concurrency from before it
    Resume(ScaleFunctionsArgs),
    /// The Aurora Serverless v2 capacity range
    Db(ScaleDbArgs),
}

#[derive(Debug, Args)]
pub struct ScaleLambdaArgs {
    /// A component (ai-processor, task-generation, …) or a function name
    pub function: String,
    /// Reserved concurrency (0 stops the function)
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "unreserve",
        allow_negative_numbers = true
    )]
    pub reserved: Option<i32>,
    /// Remove the reserved concurrency (draw on the account's pool)
    #[arg(long)]
    pub unreserve: bool,
    /// Provisioned concurrency of --qualifier (0 removes it)
    #[arg(
        long,
        value_name = "N",
        requires = "qualifier",
        allow_negative_numbers = true
    )]
    pub provisioned: Option<i32>,
    /// The version or alias provisioned concurrency applies to
    #[arg(long, value_name = "Q", requires = "provisioned")]
    pub qualifier: Option<String>,
    /// Memory, MB (128-10240)
    #[arg(long, value_name = "MB", allow_negative_numbers = true)]
    pub memory: Option<i32>,
    /// The function's timeout, seconds (1-900); `--timeout` is the command's own deadline
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub function_timeout: Option<i32>,
    /// Make the change (without it, only show before → after)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Args)]
pub struct ScaleRecommendArgs {
    /// The window of metrics and logs to base recommendations on
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration)]
    pub since: Duration,
}

#[derive(Debug, Args)]
pub struct ScaleFunctionsArgs {
    /// Components or function names
    #[arg(required = true, value_name = "FUNCTION")]
    pub functions: Vec<String>,
    /// Make the change (without it, only show it)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Args)]
pub struct ScaleDbArgs {
    /// Minimum ACU (0.5-256, in steps of 0.5)
    #[arg(long, value_name = "ACU", allow_negative_numbers = true)]
    pub min_acu: f64,
    /// Maximum ACU (0.5-256, in steps of 0.5)
    #[arg(long, value_name = "ACU", allow_negative_numbers = true)]
    pub max_acu: f64,
    /// Make the change (without it, only show it)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Subcommand)]
pub enum CleanupCommand {
    /// Delete terminal processing_state rows past retention, in batches
    #[command(after_long_help = CLEANUP_HELP)]
    ProcessingState(CleanupProcessingStateArgs),
    /// Delete log streams with no events since the retention limit
    LogStreams(CleanupLogStreamsArgs),
}

const CLEANUP_HELP: &str = "\
The rule is seed 002's: status COMPLETED, FAILED, CANCELLED or TIMEOUT and completed_at older than \
--older-than (default 90 days). Without --apply this counts what would go. With --apply the table \
is walked in physical order, --batch-size rows per transaction; each batch deletes the rows that \
still match the rule (re-checked row by row), waits at most 50 ms for a row lock and otherwise \
redoes the batch passing locked rows over (SKIP LOCKED); all under an advisory lock (a second run exits 75, or waits with \
--wait-lock), each batch audited in mandala_ops.audit. Killed, the open batch rolls back and the \
next run carries on. `-o json` prints matched, deleted, batches and seconds for cron.";

#[derive(Debug, Args)]
pub struct CleanupProcessingStateArgs {
    /// Retention (default: 90d, seed 002)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub older_than: Option<Duration>,
    /// Table rows examined per transaction (deleted or not)
    #[arg(long, value_name = "N", allow_negative_numbers = true, default_value_t = crate::cleanup::DEFAULT_BATCH, value_parser = clap::value_parser!(u32).range(1..=200_000))]
    pub batch_size: u32,
    /// Delete (without it, only count)
    #[arg(long)]
    pub apply: bool,
    /// Wait up to DURATION for another run's lock instead of exiting 75
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub wait_lock: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct CleanupLogStreamsArgs {
    /// Retention (default: 30d, seed 001)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub older_than: Option<Duration>,
    /// Log groups (components or names; default: every function's); repeatable
    #[arg(long = "log-group", value_name = "GROUP")]
    pub log_groups: Vec<String>,
    /// Delete (without it, only list)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// How far back to look
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration)]
    pub since: Duration,
    /// Only commands starting with this (`scale` matches `scale lambda`, `scale stop`, …)
    #[arg(long, value_name = "COMMAND")]
    pub command: Option<String>,
    /// Only this target (a process id, a function name, a log stream)
    #[arg(long, value_name = "ID")]
    pub target: Option<String>,
    /// At most this many entries, newest first
    #[arg(long, value_name = "N", allow_negative_numbers = true, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// Read this machine's journal (MANDALA_AUDIT_JOURNAL) instead of the environment's audit
    /// table: it also holds AWS changes made while the database was down
    #[arg(long)]
    pub journal: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AlarmsArgs {
    /// Only alarms in this state (OK, ALARM, INSUFFICIENT_DATA)
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,
    #[command(subcommand)]
    pub command: Option<AlarmsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum RunbookCommand {
    /// Every runbook: name, title, the alarms it answers, its source
    List,
    /// One runbook rendered for a terminal: parameters, steps, their commands
    Show(RunbookShowArgs),
    /// Run a runbook: diagnostic steps run, mutating steps show their dry run
    #[command(after_long_help = RUNBOOK_RUN_HELP)]
    Run(RunbookRunArgs),
    /// The runbook that answers an alarm, and the command that runs it
    For(RunbookForArgs),
}

const RUNBOOK_RUN_HELP: &str = "\
Before the first step the run computes the incident's severity (seed 003 levels 1-4 and their \
response times) from the health checks and prints it.

Diagnostic steps run automatically. Mutating steps (those whose command takes --apply) run as \
their dry run; with --apply each is applied after a confirmation at a terminal, or without asking \
with --apply --yes. A step may be conditional on an earlier step's JSON output; skipped steps say \
why. The run stops at the first step that fails, names it, and can be resumed with --from STEP, \
which reuses the earlier steps' outputs and appends to the same transcript.

Every run writes a Markdown transcript (steps, commands, outputs, timings) for the incident \
notes: --transcript FILE, else the state folder's transcripts/.";

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Open an incident: its severity level (from the health checks, or --severity) and the
    /// response deadline that level sets
    #[command(after_long_help = INCIDENT_START_HELP)]
    Start(IncidentStartArgs),
    /// The environment's incidents, newest first, with their deadlines
    List,
    /// Close an incident (the environment's open one unless named)
    Close(IncidentCloseArgs),
    /// Everything in the incident's window in time order: alarms, deploys, first errors per
    /// code, mandala-ops changes, runbook runs, the incident's opening and deadline
    #[command(after_long_help = INCIDENT_TIMELINE_HELP)]
    Timeline(IncidentIdArgs),
    /// The impact in the service's terms: processes, users and goals affected, failed and
    /// retried generations, Bedrock tokens spent on failed attempts
    #[command(after_long_help = INCIDENT_IMPACT_HELP)]
    Impact(IncidentIdArgs),
    /// A postmortem draft in the guides' incident flow: detection, initial response (was the
    /// deadline met), impact, actions, recovery, follow-up
    #[command(after_long_help = INCIDENT_REPORT_HELP)]
    Report(IncidentReportArgs),
    /// Keep the incident's evidence before retention expires it: logs, timeline, impact,
    /// health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable
    #[command(after_long_help = INCIDENT_CAPTURE_HELP)]
    Capture(IncidentCaptureArgs),
}

const INCIDENT_CAPTURE_HELP: &str = "\
The bundle (default: the state folder's incidents/ID/) holds logs/COMPONENT.json.gz (each \
function's events of the window as an `aws logs filter-log-events` document, which `query run \
--local` reads), timeline.json, impact.json, health.json, audit.json, transcripts/, and \
manifest.json with the window, each file's size and SHA-256, and what could not be captured. \
Secrets (URL passwords, password/token/key fields, bearer tokens, access key ids) are replaced \
by **** in every file. Each file is written whole before it enters the manifest: a capture that \
was interrupted is completed by running it again, over the same window, keeping the files whose \
hash still matches. Exit 0 when everything was captured, 1 when something could not be.";

#[derive(Debug, Args)]
pub struct IncidentCaptureArgs {
    /// The incident's id [default: the environment's open incident]
    pub id: Option<String>,
    /// The bundle's folder [default: the state folder's incidents/ID/]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also copy the bundle to S3 (the log archive's bucket): s3://BUCKET[/PREFIX]; objects go
    /// under PREFIX/incidents/ID/
    #[arg(long, value_name = "S3_URL")]
    pub to: Option<String>,
}

const INCIDENT_REPORT_HELP: &str = "\
Sections follow the guides' incident flow (003 アラート対応フロー): 1 検知 what was seen before the \
opening, 2 初期対応 the opening, the response deadline and whether the first action on record (a \
runbook run or an applied change) came within it, 3 影響範囲 the impact (`incident impact`), 4 対応 \
the actions taken, 5 復旧確認 the closing and the full timeline (`incident timeline`), 6 事後対応 a \
follow-up checklist for people to fill in. Markdown by default; HTML is one self-contained page \
with the error chart drawn; JSON is the data. Exit 1 when the deadline was missed or a source \
could not be read.";

#[derive(Debug, Args)]
pub struct IncidentReportArgs {
    /// The incident's id [default: the environment's open incident]
    pub id: Option<String>,
    #[command(flatten)]
    pub document: DocumentArgs,
}

const INCIDENT_IMPACT_HELP: &str = "\
From the database: the processing_state rows created or updated in the window, by status; the \
affected ones (FAILED, TIMEOUT, or PENDING/PROCESSING without an update for the stuck time of \
seed 004) with their distinct users and goals; the rows a retry started again (input.retryCount). \
From the logs: every function's ERROR events by error code, and the tokens and estimated cost the \
failed attempts used where the events say (metadata.tokensUsed, metadata.estimatedCost). A \
source that could not be read shows as `not read` and makes the exit status 1.";

const INCIDENT_TIMELINE_HELP: &str = "\
The window runs from the incident's --since to its closing (or now). Sources: each alarm's state \
transitions (DescribeAlarmHistory; where it cannot be read, the alarm's current state when it \
was entered), functions whose code or configuration changed (LastModified), the first ERROR of \
each error code per function with how many followed, the audit trail (this machine's journal \
when the database does not answer), this machine's runbook transcripts, the health verdicts (at \
the opening and at the start of each runbook run), and the incident's own marks. Exit 0 when \
every source was read, 1 when one could not be (each is named).";

#[derive(Debug, Args)]
pub struct IncidentIdArgs {
    /// The incident's id [default: the environment's open incident]
    pub id: Option<String>,
}

const INCIDENT_START_HELP: &str = "\
Severity follows the profile guide's levels (003 緊急度レベル): 1 Critical (error rate over 50%, \
the database unreachable) respond within 15 min; 2 High (5-20%, a function stopped, responses 3x \
slower) 1 h; 3 Medium (1-5%) 4 h; 4 Low 1 business day (weekends do not count). Without \
--severity the health checks over --since set it, and the reasons are kept with the record.

The record is written to the state folder's incidents/ and to the environment's database \
(mandala_ops.incident) when it answers, so the rest of the on-call team sees it in \
`incident list`. One incident is open per environment at a time: starting a second names the \
open one.";

#[derive(Debug, Args)]
pub struct IncidentStartArgs {
    /// What is happening, in a line [default: the first reason for the severity]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Where the incident's window starts: its evidence is what happened since
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_duration)]
    pub since: Duration,
    /// The severity level, 1 (Critical) to 4 (Low), instead of the health checks' assessment
    #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub severity: Option<u8>,
}

#[derive(Debug, Args)]
pub struct IncidentCloseArgs {
    /// The incident's id [default: the environment's open incident]
    pub id: Option<String>,
    /// How it ended, for the record and the report
    #[arg(long, value_name = "TEXT")]
    pub resolution: Option<String>,
}

#[derive(Debug, Args)]
pub struct RunbookShowArgs {
    /// A runbook name (`runbook list`), or a path to a runbook file
    pub name: String,
}

#[derive(Debug, Args)]
pub struct RunbookRunArgs {
    /// A runbook name (`runbook list`), or a path to a runbook file
    pub name: String,
    /// A runbook parameter, KEY=VALUE; repeatable
    #[arg(short = 'p', long = "param", value_name = "KEY=VALUE")]
    pub params: Vec<String>,
    /// Apply the mutating steps (each is confirmed at a terminal unless --yes)
    #[arg(long)]
    pub apply: bool,
    /// With --apply: do not ask, for unattended runs
    #[arg(long, requires = "apply")]
    pub yes: bool,
    /// Resume at this step (its number or id), reusing the earlier steps' outputs of the last run
    #[arg(long, value_name = "STEP")]
    pub from: Option<String>,
    /// Where to write the transcript
    #[arg(long, value_name = "FILE")]
    pub transcript: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RunbookForArgs {
    /// The alarm's name, as in the notification
    pub alarm: String,
}

const REPORT_HELP: &str = "\
Daily covers the last 24 hours, weekly 7 days, monthly 30 days. The report holds the health \
summary and severity, error counts by code, p50/p95/p99 duration, requests, token use and the \
estimated cost against the monthly budget (seed 002), task-quality distributions against their \
expected ranges, security findings, alarm history, and what needs attention.

Markdown (the default) shows trends as sparklines; HTML is one self-contained page with SVG \
charts; JSON is the data. Exit status: 0 nothing needs attention, 1 warnings, 2 critical.";

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period, as in the guides' checklists
    #[arg(value_enum)]
    pub period: crate::report::Period,
    #[command(flatten)]
    pub document: DocumentArgs,
}

/// How a document (`report`, `incident report`) is written.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// Report format
    #[arg(long, value_enum, default_value_t = DocFormat::Markdown)]
    pub format: DocFormat,
    /// Write the report to FILE instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum AlarmsCommand {
    /// An alarm's state transitions
    History(AlarmsHistoryArgs),
}

#[derive(Debug, Args)]
pub struct AlarmsHistoryArgs {
    /// The alarm's name
    pub name: String,
    /// How far back
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration)]
    pub since: Duration,
}

#[derive(Debug, Subcommand)]
pub enum ReplayCommand {
    /// One case (a file, or a shipped case by name): validation, prompt, each attempt's raw
    /// answer, parse, quality findings, result, metadata; exit 2 on a generation error
    Run(ReplayRunArgs),
    /// Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case
    /// does not end as it expects
    Batch(ReplayBatchArgs),
    /// The generation a process ran, rebuilt from the database
    Process(ReplayProcessArgs),
}

#[derive(Debug, Args)]
pub struct ReplayRunArgs {
    /// A case file, or the name of a shipped case
    pub case: String,
    /// Where the model's answers come from
    #[arg(long, value_enum, default_value = "cassette")]
    pub model: crate::pipeline::replay::ModelChoice,
    /// Write the structured logs the run emits (JSON lines) to FILE
    #[arg(long, value_name = "FILE")]
    pub emit_logs: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReplayBatchArgs {
    /// A folder of case files (default: the shipped cases)
    pub dir: Option<PathBuf>,
    /// Where the model's answers come from
    #[arg(long, value_enum, default_value = "cassette")]
    pub model: crate::pipeline::replay::ModelChoice,
    /// Write the structured logs the runs emit (JSON lines) to FILE
    #[arg(long, value_name = "FILE")]
    pub emit_logs: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReplayProcessArgs {
    /// The process id (processing_state.id)
    pub id: String,
    /// Where the model's answers come from
    #[arg(long, value_enum, default_value = "bedrock")]
    pub model: crate::pipeline::replay::ModelChoice,
    /// A case file whose recorded answers to use (implies --model cassette)
    #[arg(long, value_name = "FILE")]
    pub cassette: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Start PostgreSQL and the AWS emulator (installed on first use); idempotent
    Up(SandboxUpArgs),
    /// Show whether the sandbox runs, where, and its endpoints
    Status,
    /// Create the service's schema and AWS resources, and load a scenario
    Seed(SandboxSeedArgs),
    /// Stop the processes the sandbox started
    Down(SandboxDownArgs),
}

#[derive(Debug, Args)]
pub struct SandboxUpArgs {
    /// PostgreSQL port on 127.0.0.1 [default: 25432]
    #[arg(long, value_name = "PORT")]
    pub pg_port: Option<u16>,
    /// AWS emulator port on 127.0.0.1 [default: 25433]
    #[arg(long, value_name = "PORT")]
    pub moto_port: Option<u16>,
}

#[derive(Debug, Args)]
pub struct SandboxSeedArgs {
    /// Which state to load
    #[arg(long, value_enum, default_value_t = Scenario::Incident)]
    pub scenario: Scenario,
    /// Add to the emulator's state instead of clearing it first. The emulator keeps metric data
    /// forever, so seeding again without a reset mixes scenarios.
    #[arg(long)]
    pub no_reset: bool,
}

#[derive(Debug, Args)]
pub struct SandboxDownArgs {
    /// Also delete the database files, logs and state (the emulator's install is kept)
    #[arg(long)]
    pub purge: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Which scenario to seed
    #[arg(long, value_enum, default_value_t = Scenario::Incident)]
    pub scenario: Scenario,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Environment, config file, resource names and thresholds in use
    Show,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to generate completions for
    #[arg(value_enum, required_unless_present = "out_dir")]
    pub shell: Option<clap_complete::Shell>,
    /// Write the files for every shell into this folder instead
    #[arg(long, value_name = "DIR", conflicts_with = "shell")]
    pub out_dir: Option<PathBuf>,
}

/// Parses the command line. clap's own usage errors exit 2, which here means "critical", so they
/// are mapped to 64; help and version exit 0.
pub fn parse() -> Result<Cli, ExitStatus> {
    parse_from(std::env::args_os())
}

pub fn parse_from<I, T>(args: I) -> Result<Cli, ExitStatus>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Cli::try_parse_from(args).map_err(|e| {
        let _ = e.print();
        if e.use_stderr() {
            ExitStatus::Usage
        } else {
            ExitStatus::Ok
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// A command's own argument named like a global option would be read as the other's type.
    #[test]
    fn no_argument_shadows_a_global_option() {
        let globals: Vec<String> = <Global as clap::Args>::augment_args(clap::Command::new("g"))
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        fn walk(cmd: &clap::Command, globals: &[String]) {
            for sub in cmd.get_subcommands() {
                for a in sub.get_arguments().filter(|a| !a.is_global_set()) {
                    assert!(
                        !globals.contains(&a.get_id().to_string()),
                        "`{} --{}` shadows the global option",
                        sub.get_name(),
                        a.get_id()
                    );
                }
                walk(sub, globals);
            }
        }
        walk(&Cli::command(), &globals);
    }

    #[test]
    fn usage_errors_are_64() {
        assert_eq!(
            parse_from(["mandala-ops", "--no-such-flag"]).unwrap_err(),
            ExitStatus::Usage
        );
        assert_eq!(
            parse_from(["mandala-ops", "--help"]).unwrap_err(),
            ExitStatus::Ok
        );
    }
}

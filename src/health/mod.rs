//! `health`: every check of the five guides, run concurrently. Replaces seed 004's
//! `health-check.sh` and the guides' threshold tables. Each check has a timeout of its own, so a
//! dependency that does not answer costs only its own checks.

mod alarm_config;
mod alarms;
mod api;
mod async_metrics;
mod aurora;
mod backups;
mod bedrock;
mod changes;
mod check;
mod database;
mod deploy;
pub mod eval;
mod fleet;
mod function_config;
mod lambda;
mod logs;
mod profile;
mod retention;
mod security;
pub mod severity;
mod stepfunctions;
mod traffic;

pub use check::Check;
pub use fleet::{Fleet, fleet};

use crate::aws::logs as cwlogs;
use crate::aws::metrics::{self, Metric, Stat};
use crate::aws::sfn::Described;
use crate::config::{Component, Environment};
use crate::context::Context;
use crate::db::{Db, Target};
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::junit::{Case, Suite, Verdict};
use crate::output::{Cell, Doc, Render, Table, Tone};
use aws_sdk_cloudwatch::types::MetricAlarm;
use aws_sdk_rds::types::DbCluster;
use eval::Limit;
pub use eval::Status;
use futures::StreamExt;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

#[derive(Debug, Clone)]
pub struct Options {
    pub since: Duration,
    pub checks: Vec<String>,
    pub skip: Vec<String>,
    pub strict: bool,
    /// Checks in flight at once.
    pub concurrency: usize,
    pub check_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            since: Duration::from_secs(3600),
            checks: Vec::new(),
            skip: Vec::new(),
            strict: false,
            concurrency: 32,
            check_timeout: Duration::from_secs(20),
        }
    }
}

/// One row of the report. The JSON shape (`name`, `status`, `value`, `threshold`, `message`,
/// `source`) is documented in the README and stable.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub name: String,
    pub status: Status,
    pub value: Option<String>,
    pub threshold: Option<String>,
    pub message: String,
    pub source: String,
    pub duration_ms: u64,
    /// The measured number behind `value`, for severity (not part of the stable JSON).
    #[serde(skip)]
    pub measure: Option<f64>,
}

impl Row {
    pub fn new(
        name: impl Into<String>,
        source: &str,
        status: Status,
        message: impl Into<String>,
    ) -> Row {
        Row {
            name: name.into(),
            status,
            value: None,
            threshold: None,
            message: message.into(),
            source: source.to_string(),
            duration_ms: 0,
            measure: None,
        }
    }

    /// A measured value judged against its limit.
    pub fn measured(
        name: impl Into<String>,
        source: &str,
        value: f64,
        limit: &Limit,
        message: impl Into<String>,
    ) -> Row {
        Row {
            status: limit.evaluate(value),
            value: Some(limit.unit.format(value)),
            measure: Some(value),
            threshold: Some(limit.describe()),
            ..Row::new(name, source, Status::Ok, message)
        }
    }

    pub fn with_value(mut self, value: impl Into<String>) -> Row {
        self.value = Some(value.into());
        self
    }

    pub fn with_threshold(mut self, threshold: impl Into<String>) -> Row {
        self.threshold = Some(threshold.into());
        self
    }

    /// A check that could not run. Only an endpoint without the API (the emulator's gaps) is
    /// `unknown`, and the row says so; anything else that kept the check from looking is
    /// `critical`, never a pass.
    pub fn from_error(name: impl Into<String>, source: &str, err: &Error) -> Row {
        let status = match err {
            Error::Unsupported { .. } => Status::Unknown,
            _ => Status::Critical,
        };
        let message = match err.hint() {
            Some(hint) if status == Status::Unknown => format!("{err} ({hint})"),
            _ => err.to_string(),
        };
        Row::new(name, source, status, message)
    }
}

/// The `health` report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub status: Status,
    pub environment: String,
    pub since: String,
    pub strict: bool,
    pub took_ms: u64,
    pub checks: Vec<Row>,
}

impl Report {
    pub fn exit_status(&self) -> ExitStatus {
        match self.status {
            Status::Ok => ExitStatus::Ok,
            Status::Unknown if self.strict => ExitStatus::Warn,
            Status::Unknown => ExitStatus::Ok,
            Status::Warn => ExitStatus::Warn,
            Status::Critical => ExitStatus::Critical,
        }
    }

    pub fn problems(&self) -> impl Iterator<Item = &Row> {
        self.checks.iter().filter(|r| r.status >= Status::Warn)
    }
}

pub fn tone(status: Status) -> Tone {
    match status {
        Status::Ok => Tone::Good,
        Status::Unknown => Tone::Unknown,
        Status::Warn => Tone::Warn,
        Status::Critical => Tone::Bad,
    }
}

/// The columns of a check's row, after any the caller puts first.
const COLUMNS: [&str; 6] = ["check", "status", "value", "threshold", "detail", "source"];

impl Row {
    fn cells(&self) -> [Cell; 6] {
        [
            Cell::new(&self.name),
            Cell::toned(self.status.as_str(), tone(self.status)),
            Cell::new(self.value.clone().unwrap_or_else(|| "-".into())),
            Cell::new(self.threshold.clone().unwrap_or_else(|| "-".into())),
            Cell::new(&self.message),
            Cell::toned(&self.source, Tone::Dim),
        ]
    }

    fn case(&self) -> Case {
        let detail = format!(
            "{}\nvalue: {}\nthreshold: {}\nsource: {}",
            self.message,
            self.value.as_deref().unwrap_or("-"),
            self.threshold.as_deref().unwrap_or("-"),
            self.source
        );
        Case {
            classname: format!("health.{}", self.name.split('.').next().unwrap_or("")),
            name: self.name.clone(),
            seconds: self.duration_ms as f64 / 1000.0,
            verdict: match self.status {
                Status::Ok => Verdict::Passed,
                Status::Unknown => Verdict::Skipped {
                    message: self.message.clone(),
                },
                Status::Warn | Status::Critical => Verdict::Failed {
                    kind: self.status.as_str().to_string(),
                    message: self.message.clone(),
                },
            },
            detail,
        }
    }
}

impl Report {
    /// The one-line verdict under the table.
    fn summary(&self) -> String {
        let count = |s: Status| self.checks.iter().filter(|r| r.status == s).count();
        format!(
            "{}: {} ok, {} warn, {} critical, {} unknown ({} checks in {:.1} s, last {}, {})",
            self.status.as_str(),
            count(Status::Ok),
            count(Status::Warn),
            count(Status::Critical),
            count(Status::Unknown),
            self.checks.len(),
            self.took_ms as f64 / 1000.0,
            self.since,
            self.environment,
        )
    }

    fn suite(&self) -> Suite {
        Suite {
            name: format!("mandala-ops health ({})", self.environment),
            seconds: self.took_ms as f64 / 1000.0,
            cases: self.checks.iter().map(Row::case).collect(),
        }
    }
}

impl Render for Report {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(COLUMNS);
        for r in &self.checks {
            t.row(r.cells());
        }
        doc.table(t);
        doc.note(tone(self.status), self.summary());
    }

    fn status(&self) -> ExitStatus {
        self.exit_status()
    }

    fn suites(&self) -> Vec<Suite> {
        vec![self.suite()]
    }
}

/// Every check, in report order: each family's definitions.
pub fn catalogue() -> Vec<Check> {
    let mut checks: Vec<Check> = deploy::checks();
    checks.extend(changes::checks());
    checks.extend(Component::functions().flat_map(lambda::checks));
    checks.extend(api::checks());
    checks.extend(profile::checks());
    checks.extend(traffic::checks());
    checks.extend(stepfunctions::checks());
    checks.extend(bedrock::checks());
    checks.extend(async_metrics::checks());
    checks.extend(database::checks());
    checks.extend(aurora::checks());
    checks.extend(backups::checks());
    checks.extend(alarms::checks());
    checks.extend(logs::checks());
    checks.extend(security::checks());
    checks.extend(retention::checks());
    checks
}

fn matches(name: &str, selector: &str) -> bool {
    name == selector || name.starts_with(&format!("{selector}."))
}

/// The checks `--check` and `--skip` leave; a selector matching nothing is a usage error.
pub fn select(checks: Vec<Check>, only: &[String], skip: &[String]) -> Result<Vec<Check>> {
    for sel in only.iter().chain(skip) {
        if !checks.iter().any(|c| matches(&c.name, sel)) {
            let mut families: Vec<&str> = Vec::new();
            for f in checks.iter().map(Check::family) {
                if !families.contains(&f) {
                    families.push(f);
                }
            }
            return Err(Error::usage(format!("no health check is named `{sel}`")).with_hint(format!(
                "name a family ({}) or a check such as lambda.ai-processor.errors; `health -o json` lists every name",
                families.join(", ")
            )));
        }
    }
    let selected: Vec<Check> = checks
        .into_iter()
        .filter(|c| {
            (only.is_empty() || only.iter().any(|s| matches(&c.name, s)))
                && !skip.iter().any(|s| matches(&c.name, s))
        })
        .collect();
    if selected.is_empty() {
        return Err(Error::usage("--check and --skip leave no check to run")
            .with_hint("a run that checks nothing cannot pass; drop a --skip or widen --check"));
    }
    Ok(selected)
}

/// Which window a metric is read over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Now,
    /// The same window one week earlier, for traffic comparisons.
    WeekEarlier,
}

/// What checks share: the window, the environment, one database connection, and reads several
/// checks need (one log scan per group, one listing of executions, batched metric reads), so
/// the run makes as few calls as it can (CloudWatch Logs allows FilterLogEvents 5 times a
/// second per account).
pub struct Probe<'a> {
    pub ctx: &'a Context,
    pub env: &'a Environment,
    pub start: Timestamp,
    pub end: Timestamp,
    pub since: Duration,
    /// Where the database is, resolved before any check runs.
    target: Option<Target>,
    db: OnceCell<Result<Db>>,
    metrics: metrics::Batcher<'a>,
    /// The same window one week earlier, for traffic comparisons.
    week_ago: metrics::Batcher<'a>,
    cluster: OnceCell<Result<Option<DbCluster>>>,
    alarms: OnceCell<Result<Vec<MetricAlarm>>>,
    exports: OnceCell<Result<Vec<cwlogs::Export>>>,
    state_machine: OnceCell<Result<Option<Described>>>,
    logs: HashMap<Component, OnceCell<Result<Vec<cwlogs::Event>>>>,
    functions: HashMap<Component, OnceCell<Result<Option<lambda::Function>>>>,
    executions: OnceCell<Result<stepfunctions::Executions>>,
}

impl<'a> Probe<'a> {
    pub fn new(
        ctx: &'a Context,
        env: &'a Environment,
        start: Timestamp,
        end: Timestamp,
        since: Duration,
        target: Option<Target>,
    ) -> Probe<'a> {
        let week = SignedDuration::from_hours(24 * 7);
        Probe {
            ctx,
            env,
            start,
            end,
            since,
            target,
            db: OnceCell::new(),
            metrics: metrics::Batcher::new(env, start, end),
            week_ago: metrics::Batcher::new(env, start - week, end - week),
            cluster: OnceCell::new(),
            alarms: OnceCell::new(),
            exports: OnceCell::new(),
            state_machine: OnceCell::new(),
            logs: Component::functions()
                .map(|c| (c, OnceCell::new()))
                .collect(),
            functions: Component::functions()
                .map(|c| (c, OnceCell::new()))
                .collect(),
            executions: OnceCell::new(),
        }
    }

    /// A metric series over the window.
    pub async fn series(
        &self,
        metric: Metric,
        stat: Stat,
        period_secs: i64,
    ) -> Result<Vec<metrics::Point>> {
        self.series_in(Window::Now, metric, stat, period_secs).await
    }

    /// A metric series over the window, or the same window one week earlier.
    pub async fn series_in(
        &self,
        window: Window,
        metric: Metric,
        stat: Stat,
        period_secs: i64,
    ) -> Result<Vec<metrics::Point>> {
        let aws = self.ctx.aws().await?;
        let batcher = match window {
            Window::Now => &self.metrics,
            Window::WeekEarlier => &self.week_ago,
        };
        batcher.series(aws, metric, stat, period_secs).await
    }

    /// The Aurora cluster (`None`: it does not exist), described once for every check.
    pub async fn cluster(&self) -> Result<Option<&DbCluster>> {
        self.cluster
            .get_or_init(|| async {
                let aws = self.ctx.aws().await?;
                let id = self.env.names.get(Component::AuroraCluster);
                crate::aws::rds::describe_cluster(aws, id).await
            })
            .await
            .as_ref()
            .map(Option::as_ref)
            .map_err(Clone::clone)
    }

    /// Every metric alarm of the account, described once.
    pub async fn alarms(&self) -> Result<&[MetricAlarm]> {
        self.alarms
            .get_or_init(|| async {
                crate::aws::alarms::describe_all(self.ctx.aws().await?, None).await
            })
            .await
            .as_deref()
            .map_err(Clone::clone)
    }

    /// Every log export task of the account, listed once.
    pub async fn exports(&self) -> Result<&[cwlogs::Export]> {
        self.exports
            .get_or_init(|| async { cwlogs::export_tasks(self.ctx.aws().await?, None).await })
            .await
            .as_deref()
            .map_err(Clone::clone)
    }

    /// The state machine as DescribeStateMachine has it (`None`: it does not exist).
    pub async fn state_machine(&self) -> Result<Option<&Described>> {
        self.state_machine
            .get_or_init(|| async {
                let aws = self.ctx.aws().await?;
                let name = self.env.names.get(Component::StateMachine);
                match crate::aws::sfn::find_state_machine(aws, name).await? {
                    Some(arn) => crate::aws::sfn::describe(aws, &arn).await.map(Some),
                    None => Ok(None),
                }
            })
            .await
            .as_ref()
            .map(Option::as_ref)
            .map_err(Clone::clone)
    }

    /// The window's events of a function's log group that any log check looks at.
    pub async fn log_scan(&self, c: Component) -> Result<&[cwlogs::Event]> {
        let cell = self.logs.get(&c).expect("every function has a cell");
        cell.get_or_init(|| logs::scan(self, c))
            .await
            .as_deref()
            .map_err(Clone::clone)
    }

    /// A function as GetFunction describes it (`None`: it does not exist).
    pub async fn function(&self, c: Component) -> Result<Option<lambda::Function>> {
        let cell = self.functions.get(&c).expect("every function has a cell");
        cell.get_or_init(|| lambda::describe(self, c)).await.clone()
    }

    /// The state machine's executions, as the Step Functions checks need them.
    pub async fn executions(&self) -> Result<&stepfunctions::Executions> {
        self.executions
            .get_or_init(|| stepfunctions::load(self))
            .await
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The shared connection; every database check reports the same failure when it cannot
    /// be made, after one attempt.
    pub async fn db(&self) -> Result<&Db> {
        self.db
            .get_or_init(|| async {
                match &self.target {
                    Some(t) => self.ctx.connect(t).await,
                    None => self.ctx.db().await,
                }
            })
            .await
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn window_secs(&self) -> i64 {
        self.since.as_secs() as i64
    }
}

pub async fn run(ctx: &Context, opts: &Options) -> Result<Report> {
    let env = ctx.env()?;
    let checks = select(catalogue(), &opts.checks, &opts.skip)?;
    let started = Instant::now();
    let end = Timestamp::now();
    let start = crate::time::before(end, opts.since, "--since")?;
    // A configuration the checks cannot use is bad input before any check runs: a database URL
    // that does not parse, a sandbox that is not running. (A database that does not answer, or
    // a secret that cannot be read, is a finding of the checks, within their deadline.)
    let target =
        if checks.iter().any(|c| c.order == check::Order::Database) && !ctx.db_target_needs_aws() {
            match ctx.db_target().await {
                Ok(t) => Some(t),
                Err(e @ Error::Usage { .. }) => return Err(e),
                Err(_) => None,
            }
        } else {
            None
        };
    if checks.iter().any(|c| c.order != check::Order::Database) {
        ctx.aws().await?;
    }
    let probe = Probe::new(ctx, env, start, end, opts.since, target);
    let mut schedule: Vec<(usize, &Check)> = checks.iter().enumerate().collect();
    schedule.sort_by_key(|(_, c)| c.order);
    // One deadline for the whole run: checks queued behind the concurrency bound share it, so
    // however many hang, the report arrives within the timeout. What the run still waits on is
    // read at the deadline, just before the checks still running are dropped.
    let deadline = tokio::time::Instant::now() + opts.check_timeout;
    let waiting_then: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let collect = futures::stream::iter(schedule)
        .map(|(i, check)| {
            let (probe, waiting_then) = (&probe, &waiting_then);
            async move {
                let began = Instant::now();
                let stop = deadline + Duration::from_millis(20);
                let mut rows = match tokio::time::timeout_at(stop, check.run(probe)).await {
                    Ok(rows) => rows,
                    Err(_) => {
                        let on = match waiting_then.get() {
                            Some(w) if !w.is_empty() => format!(" (waiting on {})", w.join(", ")),
                            _ => String::new(),
                        };
                        vec![check.row(
                            Status::Critical,
                            format!(
                                "no answer within {}{on}",
                                crate::time::format_duration(opts.check_timeout)
                            ),
                        )]
                    }
                };
                let ms = began.elapsed().as_millis() as u64;
                for r in &mut rows {
                    r.duration_ms = ms;
                }
                (i, rows)
            }
        })
        .buffer_unordered(opts.concurrency.max(1))
        .collect::<Vec<_>>();
    let mut collect = std::pin::pin!(collect);
    let mut results = tokio::select! {
        results = &mut collect => results,
        _ = tokio::time::sleep_until(deadline) => {
            let _ = waiting_then.set(ctx.activity.calls_summary());
            collect.await
        }
    };
    results.sort_by_key(|(i, _)| *i);
    let rows: Vec<Row> = results.into_iter().flat_map(|(_, rows)| rows).collect();
    let status = rows.iter().map(|r| r.status).max().unwrap_or(Status::Ok);
    Ok(Report {
        status,
        environment: env.name.to_string(),
        since: crate::time::format_duration(opts.since),
        strict: opts.strict,
        took_ms: started.elapsed().as_millis() as u64,
        checks: rows,
    })
}

/// Percent of `part` in `whole`, or `None` for an empty whole.
pub fn pct(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let names: Vec<String> = catalogue().into_iter().map(|c| c.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names.len(), sorted.len());
    }

    #[test]
    fn selection_by_family_and_name() {
        let names =
            |checks: Vec<Check>| -> Vec<String> { checks.into_iter().map(|c| c.name).collect() };
        let lambda = names(select(catalogue(), &["lambda".into()], &[]).unwrap());
        assert!(lambda.iter().all(|n| n.starts_with("lambda.")));
        let one = names(select(catalogue(), &["database.stuck-processing".into()], &[]).unwrap());
        assert_eq!(one, ["database.stuck-processing"]);
        let skipped = names(select(catalogue(), &[], &["logs".into(), "lambda".into()]).unwrap());
        assert!(
            skipped
                .iter()
                .all(|n| !n.starts_with("logs.") && !n.starts_with("lambda."))
        );
        // A prefix must end at a dot: `lambda.ai` is not `lambda.ai-processor`.
        assert!(select(catalogue(), &["lambda.ai".into()], &[]).is_err());
        let err = select(catalogue(), &["nope".into()], &[]).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
        assert!(err.hint().unwrap().contains("database"));
        // A selection that leaves nothing would check nothing and pass: bad input.
        let nothing = select(catalogue(), &["database".into()], &["database".into()]);
        assert_eq!(nothing.unwrap_err().status(), ExitStatus::Usage);
    }

    #[test]
    fn unknown_raises_the_exit_status_only_when_strict() {
        let report = |status, strict| Report {
            status,
            environment: "sandbox".into(),
            since: "1h".into(),
            strict,
            took_ms: 0,
            checks: vec![],
        };
        assert_eq!(report(Status::Unknown, false).exit_status(), ExitStatus::Ok);
        assert_eq!(
            report(Status::Unknown, true).exit_status(),
            ExitStatus::Warn
        );
        assert_eq!(report(Status::Warn, false).exit_status(), ExitStatus::Warn);
        assert_eq!(
            report(Status::Critical, false).exit_status(),
            ExitStatus::Critical
        );
    }

    #[test]
    fn errors_become_rows() {
        let unsupported = Error::Unsupported {
            dependency: "AWS CloudWatch".into(),
            operation: "p95".into(),
            hint: None,
        };
        assert_eq!(
            Row::from_error("x", "s", &unsupported).status,
            Status::Unknown
        );
        let down = Error::unavailable("database", "connecting", "refused");
        let row = Row::from_error("x", "s", &down);
        assert_eq!(row.status, Status::Critical);
        assert!(row.message.contains("database"));
        // Whatever else kept a check from looking is never a pass.
        for e in [Error::usage("no such group"), Error::failed("AccessDenied")] {
            assert_eq!(Row::from_error("x", "s", &e).status, Status::Critical);
        }
    }
}

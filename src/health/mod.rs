//! `health`: every check of the five guides, run concurrently. Replaces seed 004's
//! `health-check.sh` and the guides' threshold tables. Each check has a timeout of its own, so a
//! dependency that does not answer costs only its own checks.

mod alarms;
mod api;
mod async_metrics;
mod aurora;
mod database;
pub mod eval;
mod families;
mod lambda;
mod logs;
pub mod severity;
mod stepfunctions;

use crate::aws::logs as cwlogs;
use crate::aws::metrics::{self, Metric, Stat};
use crate::config::{Component, Environment};
use crate::context::Context;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Table, Tone};
use eval::Limit;
pub use eval::Status;
use futures::StreamExt;
use jiff::Timestamp;
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

    /// A check that could not run: an endpoint without the API or a usage problem is `unknown`
    /// (data missing); an unreachable or failing dependency is `critical`.
    pub fn from_error(name: impl Into<String>, source: &str, err: &Error) -> Row {
        let status = match err {
            Error::Unsupported { .. } | Error::Usage { .. } => Status::Unknown,
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

impl Render for Report {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(["check", "status", "value", "threshold", "detail", "source"]);
        for r in &self.checks {
            t.row([
                Cell::new(&r.name),
                Cell::toned(r.status.as_str(), tone(r.status)),
                Cell::new(r.value.clone().unwrap_or_else(|| "-".into())),
                Cell::new(r.threshold.clone().unwrap_or_else(|| "-".into())),
                Cell::new(&r.message),
                Cell::toned(&r.source, Tone::Dim),
            ]);
        }
        doc.table(t);
        let count = |s: Status| self.checks.iter().filter(|r| r.status == s).count();
        doc.note(
            tone(self.status),
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
            ),
        );
    }

    fn status(&self) -> ExitStatus {
        self.exit_status()
    }
}

/// What a check measures; its name is derived from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    LambdaState(Component),
    LambdaErrors(Component),
    LambdaThrottles(Component),
    LambdaDuration(Component),
    LambdaConcurrency(Component),
    Api4xx,
    Api5xx,
    ApiLatency,
    ProfileErrors,
    ProfileLatency,
    StepRunning,
    StepFailed,
    StepTimedOut,
    AsyncFailed,
    AsyncTimeouts,
    AsyncDuration,
    AsyncQueue,
    AsyncErrorRate,
    DbConnect,
    DbConnections,
    DbStatusCounts,
    DbStuck,
    DbPending,
    DbProgress,
    DbLocks,
    DbLongQueries,
    AuroraCluster,
    AuroraCapacity,
    Alarms,
    LogErrors(Component),
    LogDatabaseErrors,
    LogTransactionFailures,
}

impl Kind {
    /// Checks whose dependencies need several round trips start first (connecting to the
    /// database, finding the state machine, paging through logs), so the run is as short as its
    /// longest chain rather than that chain plus a queue.
    fn start_order(&self) -> u8 {
        match self {
            Kind::DbConnect
            | Kind::DbConnections
            | Kind::DbStatusCounts
            | Kind::DbStuck
            | Kind::DbPending
            | Kind::DbProgress
            | Kind::DbLocks
            | Kind::DbLongQueries => 0,
            Kind::StepRunning | Kind::StepFailed | Kind::StepTimedOut => 1,
            Kind::LogErrors(_) | Kind::LogDatabaseErrors | Kind::LogTransactionFailures => 2,
            Kind::Alarms
            | Kind::AuroraCluster
            | Kind::AuroraCapacity
            | Kind::LambdaConcurrency(_) => 3,
            _ => 4,
        }
    }

    pub fn name(&self) -> String {
        match self {
            Kind::LambdaState(c) => format!("lambda.{}.state", c.id()),
            Kind::LambdaErrors(c) => format!("lambda.{}.errors", c.id()),
            Kind::LambdaThrottles(c) => format!("lambda.{}.throttles", c.id()),
            Kind::LambdaDuration(c) => format!("lambda.{}.duration", c.id()),
            Kind::LambdaConcurrency(c) => format!("lambda.{}.concurrency", c.id()),
            Kind::Api4xx => "api.4xx".into(),
            Kind::Api5xx => "api.5xx".into(),
            Kind::ApiLatency => "api.latency".into(),
            Kind::ProfileErrors => "api.profile-errors".into(),
            Kind::ProfileLatency => "api.profile-latency".into(),
            Kind::StepRunning => "stepfunctions.running".into(),
            Kind::StepFailed => "stepfunctions.failed".into(),
            Kind::StepTimedOut => "stepfunctions.timed-out".into(),
            Kind::AsyncFailed => "async.failed".into(),
            Kind::AsyncTimeouts => "async.timeouts".into(),
            Kind::AsyncDuration => "async.duration".into(),
            Kind::AsyncQueue => "async.queue-depth".into(),
            Kind::AsyncErrorRate => "async.error-rate".into(),
            Kind::DbConnect => "database.connect".into(),
            Kind::DbConnections => "database.connections".into(),
            Kind::DbStatusCounts => "database.processing-state".into(),
            Kind::DbStuck => "database.stuck-processing".into(),
            Kind::DbPending => "database.pending-queue".into(),
            Kind::DbProgress => "database.progress-range".into(),
            Kind::DbLocks => "database.waiting-locks".into(),
            Kind::DbLongQueries => "database.long-queries".into(),
            Kind::AuroraCluster => "aurora.cluster".into(),
            Kind::AuroraCapacity => "aurora.capacity".into(),
            Kind::Alarms => "alarms".into(),
            Kind::LogErrors(c) => format!("logs.{}.errors", c.id()),
            Kind::LogDatabaseErrors => "logs.database-errors".into(),
            Kind::LogTransactionFailures => "logs.transaction-failures".into(),
        }
    }
}

/// Every check, in report order.
pub fn catalogue() -> Vec<Kind> {
    let mut kinds = Vec::new();
    for c in Component::functions() {
        kinds.push(Kind::LambdaState(c));
        kinds.push(Kind::LambdaErrors(c));
        kinds.push(Kind::LambdaThrottles(c));
        // The guides set duration limits for these two only (000 実行時間; 001 CloudWatch アラーム).
        if matches!(c, Component::TaskGeneration | Component::AiProcessor) {
            kinds.push(Kind::LambdaDuration(c));
        }
        kinds.push(Kind::LambdaConcurrency(c));
    }
    kinds.extend([
        Kind::Api4xx,
        Kind::Api5xx,
        Kind::ApiLatency,
        Kind::ProfileErrors,
        Kind::ProfileLatency,
        Kind::StepRunning,
        Kind::StepFailed,
        Kind::StepTimedOut,
        Kind::AsyncFailed,
        Kind::AsyncTimeouts,
        Kind::AsyncDuration,
        Kind::AsyncQueue,
        Kind::AsyncErrorRate,
        Kind::DbConnect,
        Kind::DbConnections,
        Kind::DbStatusCounts,
        Kind::DbStuck,
        Kind::DbPending,
        Kind::DbProgress,
        Kind::DbLocks,
        Kind::DbLongQueries,
        Kind::AuroraCluster,
        Kind::AuroraCapacity,
        Kind::Alarms,
    ]);
    kinds.extend(Component::functions().map(Kind::LogErrors));
    kinds.extend([Kind::LogDatabaseErrors, Kind::LogTransactionFailures]);
    kinds
}

fn matches(name: &str, selector: &str) -> bool {
    name == selector || name.starts_with(&format!("{selector}."))
}

/// The checks `--check` and `--skip` leave; a selector matching nothing is a usage error.
pub fn select(kinds: Vec<Kind>, checks: &[String], skip: &[String]) -> Result<Vec<Kind>> {
    let names: Vec<String> = kinds.iter().map(Kind::name).collect();
    for sel in checks.iter().chain(skip) {
        if !names.iter().any(|n| matches(n, sel)) {
            let mut families: Vec<&str> = names
                .iter()
                .map(|n| n.split('.').next().unwrap_or(n))
                .collect();
            families.dedup();
            return Err(Error::usage(format!("no health check is named `{sel}`")).with_hint(format!(
                "name a family ({}) or a check such as lambda.ai-processor.errors; `health -o json` lists every name",
                families.join(", ")
            )));
        }
    }
    Ok(kinds
        .into_iter()
        .filter(|k| {
            let n = k.name();
            (checks.is_empty() || checks.iter().any(|s| matches(&n, s)))
                && !skip.iter().any(|s| matches(&n, s))
        })
        .collect())
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
    db: OnceCell<Result<Db>>,
    metrics: metrics::Batcher<'a>,
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
    ) -> Probe<'a> {
        Probe {
            ctx,
            env,
            start,
            end,
            since,
            db: OnceCell::new(),
            metrics: metrics::Batcher::new(env, start, end),
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
        let aws = self.ctx.aws().await?;
        self.metrics.series(aws, metric, stat, period_secs).await
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
            .get_or_init(|| self.ctx.db())
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
    let kinds = select(catalogue(), &opts.checks, &opts.skip)?;
    let started = Instant::now();
    let end = Timestamp::now();
    let start = crate::time::before(end, opts.since, "--since")?;
    let probe = Probe::new(ctx, env, start, end, opts.since);
    let order: Vec<String> = kinds.iter().map(Kind::name).collect();
    let mut schedule = kinds;
    schedule.sort_by_key(Kind::start_order);
    let mut results: Vec<(String, Vec<Row>)> =
        futures::stream::iter(schedule)
            .map(|kind| {
                let probe = &probe;
                async move {
                    let began = Instant::now();
                    let name = kind.name();
                    let mut rows =
                        match tokio::time::timeout(opts.check_timeout, families::run(probe, kind))
                            .await
                        {
                            Ok(rows) => rows,
                            Err(_) => vec![Row::new(
                                &name,
                                families::source(kind),
                                Status::Unknown,
                                format!(
                                    "no answer within {}",
                                    crate::time::format_duration(opts.check_timeout)
                                ),
                            )],
                        };
                    let ms = began.elapsed().as_millis() as u64;
                    for r in &mut rows {
                        r.duration_ms = ms;
                    }
                    (name, rows)
                }
            })
            .buffer_unordered(opts.concurrency.max(1))
            .collect()
            .await;
    results.sort_by_key(|(name, _)| order.iter().position(|n| n == name));
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
        let names: Vec<String> = catalogue().iter().map(Kind::name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names.len(), sorted.len());
    }

    #[test]
    fn selection_by_family_and_name() {
        let all = catalogue();
        let lambda = select(all.clone(), &["lambda".into()], &[]).unwrap();
        assert!(lambda.iter().all(|k| k.name().starts_with("lambda.")));
        let one = select(all.clone(), &["database.stuck-processing".into()], &[]).unwrap();
        assert_eq!(one, vec![Kind::DbStuck]);
        let skipped = select(all.clone(), &[], &["logs".into(), "lambda".into()]).unwrap();
        assert!(
            skipped
                .iter()
                .all(|k| !k.name().starts_with("logs.") && !k.name().starts_with("lambda."))
        );
        // A prefix must end at a dot: `lambda.ai` is not `lambda.ai-processor`.
        assert!(select(all.clone(), &["lambda.ai".into()], &[]).is_err());
        let err = select(all, &["nope".into()], &[]).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
        assert!(err.hint().unwrap().contains("database"));
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
    }
}

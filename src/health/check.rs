//! One health check, defined once: its name, the guide its threshold comes from, when it starts
//! and how it runs. Each family lists its checks (`checks()`); the catalogue is their union in
//! report order; selection, scheduling, timeouts and error rows all read these definitions.

use super::eval::{Limit, Status};
use super::{Probe, Row};
use crate::aws::metrics::Metric;
use crate::config::Component;
use crate::error::Result;
use futures::future::LocalBoxFuture;

/// When a check starts. Checks whose data needs several round trips start first (connecting to
/// the database, finding the state machine, paging through logs), so a run is as short as its
/// longest chain rather than that chain plus a queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Order {
    Database,
    Executions,
    Logs,
    Describe,
    Metrics,
}

/// How a check runs: a plain function of the shared probe and its own definition.
pub type Run = for<'p, 'a> fn(&'p Probe<'a>, &'p Check) -> LocalBoxFuture<'p, Result<Vec<Row>>>;

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

pub struct Check {
    pub name: String,
    pub source: &'static str,
    pub order: Order,
    /// The function a per-function check is about.
    pub function: Option<Component>,
    run: Run,
}

/// Wraps a family's `async fn(&Probe, &Check) -> Result<Row or Vec<Row>>` as a [`Run`].
macro_rules! run {
    ($f:path) => {
        |p, c| Box::pin(async move { $f(p, c).await.map($crate::health::check::IntoRows::rows) })
    };
}
pub(crate) use run;

/// What a check's function may return: one row, or several (one per alarm).
pub trait IntoRows {
    fn rows(self) -> Vec<Row>;
}

impl IntoRows for Row {
    fn rows(self) -> Vec<Row> {
        vec![self]
    }
}

impl IntoRows for Vec<Row> {
    fn rows(self) -> Vec<Row> {
        self
    }
}

impl Check {
    pub fn new(name: impl Into<String>, source: &'static str, order: Order, run: Run) -> Check {
        Check {
            name: name.into(),
            source,
            order,
            function: None,
            run,
        }
    }

    /// The same check, about one function.
    pub fn about(mut self, c: Component) -> Check {
        self.function = Some(c);
        self
    }

    /// The function a per-function check is about.
    pub fn component(&self) -> Component {
        self.function
            .expect("per-function checks are defined with about()")
    }

    /// The family: the name's first part (`lambda`, `database`).
    pub fn family(&self) -> &str {
        self.name.split('.').next().unwrap_or(&self.name)
    }

    pub async fn run(&self, p: &Probe<'_>) -> Vec<Row> {
        (self.run)(p, self)
            .await
            .unwrap_or_else(|e| vec![Row::from_error(&self.name, self.source, &e)])
    }

    /// A row of this check.
    pub fn row(&self, status: Status, message: impl Into<String>) -> Row {
        Row::new(&self.name, self.source, status, message)
    }

    /// A measured value of this check judged against its limit.
    pub fn measured(&self, value: f64, limit: &Limit, message: impl Into<String>) -> Row {
        Row::measured(&self.name, self.source, value, limit, message)
    }

    /// The metric the check reads had no datapoints in the window: a finding, since a check
    /// that could not look must not pass.
    pub fn no_data(&self, p: &Probe<'_>, metric: Metric, limit: &Limit) -> Row {
        self.row(
            Status::Warn,
            format!(
                "no datapoints of {} in the last {}: the service stopped publishing it, the namespace or dimension is wrong, or there was no traffic",
                metric.describe(p.env),
                crate::time::format_duration(p.since)
            ),
        )
        .with_value("no data")
        .with_threshold(limit.describe())
    }
}

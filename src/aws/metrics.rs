//! CloudWatch metric statistics over a time window. A percentile the endpoint does not compute
//! is an [`Error::Unsupported`], never a made-up number.

use crate::aws::{Clients, from_timestamp, to_timestamp};
use crate::config::{Component, Environment};
use crate::error::{Error, Result, aws_err};
use aws_sdk_cloudwatch::types::{Dimension as CwDimension, MetricDataQuery, MetricStat, Statistic};
use jiff::Timestamp;
use serde::Serialize;
use std::sync::Mutex;
use tokio::sync::oneshot;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Namespace {
    Lambda,
    Rds,
    ApiGateway,
    Bedrock,
    /// The component's configured metric namespace.
    Custom(Component),
    /// Metrics made by log metric filters.
    Logs,
}

impl Namespace {
    pub fn resolve(&self, env: &Environment) -> String {
        match self {
            Namespace::Lambda => "AWS/Lambda".into(),
            Namespace::Rds => "AWS/RDS".into(),
            Namespace::ApiGateway => "AWS/ApiGateway".into(),
            Namespace::Bedrock => "AWS/Bedrock".into(),
            Namespace::Custom(c) => env.names.get(*c).to_string(),
            Namespace::Logs => LOG_METRICS_NAMESPACE.into(),
        }
    }
}

/// Namespace of the log metric filters behind seed 000's "DatabaseError" alert.
pub const LOG_METRICS_NAMESPACE: &str = "GoalMandala/Logs";

/// The resource a metric is about.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Dimension {
    /// `FunctionName` of a Lambda component.
    Function(Component),
    /// `DBClusterIdentifier` of the Aurora cluster.
    Cluster,
    /// `ApiName` of the REST API.
    Api,
    /// `ModelId` of the configured Bedrock model.
    Model,
    /// No dimensions (the service's custom metrics).
    None,
}

impl Dimension {
    /// The CloudWatch dimension (name, value) in `env`, if any.
    pub fn resolve(&self, env: &Environment) -> Option<(&'static str, String)> {
        match self {
            Dimension::Function(c) => Some(("FunctionName", env.names.get(*c).to_string())),
            Dimension::Cluster => Some((
                "DBClusterIdentifier",
                env.names.get(Component::AuroraCluster).to_string(),
            )),
            Dimension::Api => Some(("ApiName", env.names.get(Component::Api).to_string())),
            Dimension::Model => Some(("ModelId", env.bedrock_model.clone())),
            Dimension::None => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stat {
    Sum,
    Average,
    Maximum,
    Minimum,
    /// A percentile such as 95.0 (`p95`).
    Percentile(f64),
}

impl Stat {
    pub fn label(&self) -> String {
        match self {
            Stat::Sum => "sum".into(),
            Stat::Average => "avg".into(),
            Stat::Maximum => "max".into(),
            Stat::Minimum => "min".into(),
            Stat::Percentile(p) => format!("p{}", crate::output::rounded(*p)),
        }
    }
}

/// One metric of one resource.
#[derive(Debug, Clone, Copy)]
pub struct Metric {
    pub namespace: Namespace,
    pub name: &'static str,
    pub dimension: Dimension,
}

impl Metric {
    /// `AWS/Lambda Invocations (FunctionName=goal-mandala-prod-ai-processor)`.
    pub fn describe(&self, env: &Environment) -> String {
        let dimension = self
            .dimension
            .resolve(env)
            .map(|(n, v)| format!(" ({n}={v})"))
            .unwrap_or_default();
        format!("{} {}{dimension}", self.namespace.resolve(env), self.name)
    }

    pub const fn new(namespace: Namespace, name: &'static str, dimension: Dimension) -> Metric {
        Metric {
            namespace,
            name,
            dimension,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub at: Timestamp,
    pub value: f64,
}

/// Datapoints of `stat` in `[start, end)` at `period_secs` (rounded up to whole minutes).
pub async fn series(
    aws: &Clients,
    env: &Environment,
    metric: Metric,
    stat: Stat,
    start: Timestamp,
    end: Timestamp,
    period_secs: i64,
) -> Result<Vec<Point>> {
    let namespace = metric.namespace.resolve(env);
    let period = (period_secs.max(60) + 59) / 60 * 60;
    let mut req = aws
        .cloudwatch
        .get_metric_statistics()
        .namespace(&namespace)
        .metric_name(metric.name)
        .start_time(from_timestamp(start))
        .end_time(from_timestamp(end))
        .period(period as i32);
    if let Some((name, value)) = metric.dimension.resolve(env) {
        req = req.dimensions(CwDimension::builder().name(name).value(value).build());
    }
    let label = stat.label();
    req = match stat {
        Stat::Sum => req.statistics(Statistic::Sum),
        Stat::Average => req.statistics(Statistic::Average),
        Stat::Maximum => req.statistics(Statistic::Maximum),
        Stat::Minimum => req.statistics(Statistic::Minimum),
        Stat::Percentile(_) => req.extended_statistics(&label),
    };
    let doing = format!("reading {namespace} {} ({label})", metric.name);
    let out = req
        .send()
        .await
        .map_err(aws_err("CloudWatch", "GetMetricStatistics", &doing))?;
    let mut points = Vec::new();
    let mut missing_percentile = false;
    for dp in out.datapoints() {
        let Some(at) = dp.timestamp().and_then(to_timestamp) else {
            continue;
        };
        let value = match stat {
            Stat::Sum => dp.sum(),
            Stat::Average => dp.average(),
            Stat::Maximum => dp.maximum(),
            Stat::Minimum => dp.minimum(),
            Stat::Percentile(_) => {
                let v = dp
                    .extended_statistics()
                    .and_then(|m| m.get(&label).copied());
                missing_percentile |= v.is_none();
                v
            }
        };
        if let Some(value) = value {
            points.push(Point { at, value });
        }
    }
    if missing_percentile && points.is_empty() {
        return Err(Error::Unsupported {
            dependency: "AWS CloudWatch".into(),
            operation: format!("{label} of {}", metric.name),
            hint: Some("the endpoint returned datapoints without percentiles; the local emulator does not compute them".into()),
        });
    }
    points.sort_by_key(|p| p.at);
    Ok(points)
}

/// Gathers the metric reads of concurrently running checks into GetMetricData calls (up to 500
/// series each) instead of one GetMetricStatistics call per series. Percentiles are read one by
/// one, as GetMetricData fails as a whole on endpoints that cannot compute them.
pub struct Batcher<'a> {
    env: &'a Environment,
    start: Timestamp,
    end: Timestamp,
    queue: Mutex<Vec<Pending>>,
}

struct Pending {
    metric: Metric,
    stat: Stat,
    period: i64,
    reply: oneshot::Sender<Result<Vec<Point>>>,
}

/// GetMetricData's limit on queries per call.
const BATCH_LIMIT: usize = 500;

impl<'a> Batcher<'a> {
    pub fn new(env: &'a Environment, start: Timestamp, end: Timestamp) -> Batcher<'a> {
        Batcher {
            env,
            start,
            end,
            queue: Mutex::new(Vec::new()),
        }
    }

    /// Datapoints of `stat` over the batcher's window at `period_secs`.
    pub async fn series(
        &self,
        aws: &Clients,
        metric: Metric,
        stat: Stat,
        period_secs: i64,
    ) -> Result<Vec<Point>> {
        if let Stat::Percentile(_) = stat {
            return series(
                aws,
                self.env,
                metric,
                stat,
                self.start,
                self.end,
                period_secs,
            )
            .await;
        }
        let (reply, answer) = oneshot::channel();
        let lead = {
            let mut queue = self.queue.lock().expect("not poisoned");
            queue.push(Pending {
                metric,
                stat,
                period: (period_secs.max(60) + 59) / 60 * 60,
                reply,
            });
            queue.len() == 1
        };
        if lead {
            // Let the other checks polled with this one queue their reads, then send them all.
            tokio::task::yield_now().await;
            let mut batch = std::mem::take(&mut *self.queue.lock().expect("not poisoned"));
            while !batch.is_empty() {
                let rest = batch.split_off(batch.len().min(BATCH_LIMIT));
                self.fetch(aws, batch).await;
                batch = rest;
            }
        }
        match answer.await {
            Ok(points) => points,
            // The check that sent the batch was dropped at the run's deadline, which this one
            // shares: wait for it here, and be reported as having had no answer.
            Err(_) => std::future::pending().await,
        }
    }

    async fn fetch(&self, aws: &Clients, batch: Vec<Pending>) {
        let queries: Vec<MetricDataQuery> = batch
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut metric = aws_sdk_cloudwatch::types::Metric::builder()
                    .namespace(p.metric.namespace.resolve(self.env))
                    .metric_name(p.metric.name);
                if let Some((name, value)) = p.metric.dimension.resolve(self.env) {
                    metric =
                        metric.dimensions(CwDimension::builder().name(name).value(value).build());
                }
                let stat = match p.stat {
                    Stat::Sum => "Sum",
                    Stat::Average => "Average",
                    Stat::Minimum => "Minimum",
                    _ => "Maximum",
                };
                MetricDataQuery::builder()
                    .id(format!("m{i}"))
                    .metric_stat(
                        MetricStat::builder()
                            .metric(metric.build())
                            .period(p.period as i32)
                            .stat(stat)
                            .build(),
                    )
                    .return_data(true)
                    .build()
            })
            .collect();
        let mut results: Vec<Vec<Point>> = vec![Vec::new(); batch.len()];
        let mut token = None;
        let outcome: Result<()> = async {
            loop {
                let out = aws
                    .cloudwatch
                    .get_metric_data()
                    .set_metric_data_queries(Some(queries.clone()))
                    .start_time(from_timestamp(self.start))
                    .end_time(from_timestamp(self.end))
                    .set_next_token(token.take())
                    .send()
                    .await
                    .map_err(aws_err(
                        "CloudWatch",
                        "GetMetricData",
                        format!("reading {} metric series", batch.len()),
                    ))?;
                for r in out.metric_data_results() {
                    let Some(i) = r
                        .id()
                        .and_then(|id| id.strip_prefix('m'))
                        .and_then(|i| i.parse::<usize>().ok())
                    else {
                        continue;
                    };
                    if let Some(points) = results.get_mut(i) {
                        points.extend(r.timestamps().iter().zip(r.values()).filter_map(
                            |(t, v)| to_timestamp(t).map(|at| Point { at, value: *v }),
                        ));
                    }
                }
                match out.next_token() {
                    Some(t) if !t.is_empty() => token = Some(t.to_string()),
                    _ => return Ok(()),
                }
            }
        }
        .await;
        for (p, mut points) in batch.into_iter().zip(results) {
            points.sort_by_key(|pt| pt.at);
            let _ = p.reply.send(outcome.clone().map(|()| points));
        }
    }
}

/// Sum, mean or maximum of a series; `None` when there are no datapoints.
pub fn total(points: &[Point]) -> Option<f64> {
    (!points.is_empty()).then(|| points.iter().map(|p| p.value).sum())
}

pub fn mean(points: &[Point]) -> Option<f64> {
    total(points).map(|t| t / points.len() as f64)
}

/// The `pct`th percentile of `values` by nearest rank: for judging a sample here (log lines) and
/// for the sandbox, which evaluates percentile alarms as CloudWatch would.
pub fn nearest_rank(values: &mut [f64], pct: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((pct / 100.0) * values.len() as f64).ceil() as usize;
    Some(values[rank.clamp(1, values.len()) - 1])
}

pub fn min(points: &[Point]) -> Option<f64> {
    points.iter().map(|p| p.value).reduce(f64::min)
}

pub fn max(points: &[Point]) -> Option<f64> {
    points.iter().map(|p| p.value).reduce(f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(values: &[f64]) -> Vec<Point> {
        values
            .iter()
            .map(|v| Point {
                at: Timestamp::UNIX_EPOCH,
                value: *v,
            })
            .collect()
    }

    #[test]
    fn aggregates() {
        assert_eq!(total(&pts(&[1.0, 2.0, 3.0])), Some(6.0));
        assert_eq!(mean(&pts(&[1.0, 2.0, 3.0])), Some(2.0));
        assert_eq!(max(&pts(&[1.0, 5.0, 3.0])), Some(5.0));
        assert_eq!(total(&[]), None);
        assert_eq!(max(&[]), None);
    }

    use crate::config::EnvName;
    use crate::context::Context;
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatch::Client;
    use aws_sdk_cloudwatch::operation::get_metric_statistics::GetMetricStatisticsOutput;
    use aws_sdk_cloudwatch::types::Datapoint;
    use aws_smithy_mocks::mock;

    fn window() -> (Timestamp, Timestamp) {
        let end = Timestamp::now();
        (
            end.checked_sub(jiff::SignedDuration::from_hours(1))
                .unwrap(),
            end,
        )
    }

    const DURATION: Metric = Metric::new(Namespace::Lambda, "Duration", Dimension::None);

    #[tokio::test]
    async fn percentiles_come_from_extended_statistics() {
        let rule = mock!(Client::get_metric_statistics)
            .match_requests(|r| r.extended_statistics() == ["p95".to_string()])
            .then_output(|| {
                GetMetricStatisticsOutput::builder()
                    .datapoints(
                        Datapoint::builder()
                            .timestamp(aws_smithy_types::DateTime::from_secs(1_800_000_000))
                            .extended_statistics("p95", 27_500.0)
                            .build(),
                    )
                    .build()
            });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![rule],
                ..Default::default()
            }
            .clients(),
        );
        let (start, end) = window();
        let points = series(
            ctx.aws().await.unwrap(),
            ctx.env().unwrap(),
            DURATION,
            Stat::Percentile(95.0),
            start,
            end,
            3600,
        )
        .await
        .unwrap();
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].value, 27_500.0);
    }

    #[tokio::test]
    async fn datapoints_without_the_percentile_are_unsupported_not_zero() {
        let rule = mock!(Client::get_metric_statistics).then_output(|| {
            GetMetricStatisticsOutput::builder()
                .datapoints(
                    Datapoint::builder()
                        .timestamp(aws_smithy_types::DateTime::from_secs(1_800_000_000))
                        .build(),
                )
                .build()
        });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![rule],
                ..Default::default()
            }
            .clients(),
        );
        let (start, end) = window();
        let err = series(
            ctx.aws().await.unwrap(),
            ctx.env().unwrap(),
            DURATION,
            Stat::Percentile(95.0),
            start,
            end,
            3600,
        )
        .await
        .unwrap_err();
        assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    }

    #[test]
    fn labels() {
        assert_eq!(Stat::Percentile(95.0).label(), "p95");
        assert_eq!(Stat::Percentile(99.9).label(), "p99.9");
    }
}

//! Collecting a report: everything the period's checklist reads, at once: the library's
//! queries (within one Logs Insights limit shared by the process), the health checks,
//! processing_state, the AsyncProcessing and profile API metrics, Cost Explorer, the alarm
//! history, `scale recommend`'s evidence, the incident records and the retention backlog. Then
//! the checklist is judged over what was read.

use super::checklist::{self, Look};
use super::data::{
    AlarmLine, Attention, Cost, Data, Day, ErrorCount, HealthSummary, Performance, Section,
};
use super::{Options, Period, judge, processing};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources;
use crate::context::Context;
use crate::error::Result;
use crate::health::{self, Status};
use crate::insights::library::Library;
use crate::insights::query::{self, RunOptions};
use crate::insights::results::{QueryReport, number, text};
use crate::output::{Series, number as format_number};
use crate::time::RangeSpec;
use futures::StreamExt;
use jiff::{Timestamp, tz::TimeZone};
use std::collections::HashMap;
use std::time::Duration;

/// Alarm histories asked for at once (DescribeAlarmHistory is a low-rate API).
const HISTORY_CONCURRENCY: usize = 4;

pub const PERFORMANCE: &str = "daily-performance";
pub const HOURLY: &str = "hourly-performance";
pub const TOKENS_HOURLY: &str = "token-usage-hourly";
pub const ERRORS: &str = "error-types";
pub const ERROR_TREND: &str = "error-trend";
pub const PROFILE_LATENCY: &str = "profile-latency";

/// What was read, or why it could not be; `None` where the period's checklist does not ask.
pub type Fetched<T> = Option<std::result::Result<T, String>>;

/// A series by its title, or why it could not be read.
pub type Named = (String, std::result::Result<Series, String>);

/// Everything the checklist is judged over.
pub struct Sources {
    pub period: Period,
    pub from: Timestamp,
    pub to: Timestamp,
    pub lib: Library,
    pub health: health::Report,
    pub queries: HashMap<&'static str, std::result::Result<QueryReport, String>>,
    pub processing: Fetched<processing::Stats>,
    pub async_series: Fetched<Vec<Named>>,
    pub profile_series: Fetched<Vec<Named>>,
    pub spend: Fetched<Option<Vec<crate::aws::cost::DailySpend>>>,
    pub alarm_history: Fetched<Vec<crate::alarms::Transition>>,
    pub capacity: Fetched<crate::scale::RecommendReport>,
    pub incidents: Fetched<crate::incident::Listing>,
    pub retention: Fetched<crate::cleanup::ProcessingStateReport>,
}

impl Sources {
    /// Nothing read yet: for tests of one look.
    #[cfg(test)]
    pub fn empty(period: Period, from: Timestamp, to: Timestamp) -> Sources {
        Sources {
            period,
            from,
            to,
            lib: Library::load(None, &crate::config::Thresholds::default()).unwrap(),
            health: health::Report {
                status: Status::Ok,
                environment: "prod".into(),
                since: "7d".into(),
                strict: false,
                took_ms: 0,
                checks: Vec::new(),
            },
            queries: HashMap::new(),
            processing: None,
            async_series: None,
            profile_series: None,
            spend: None,
            alarm_history: None,
            capacity: None,
            incidents: None,
            retention: None,
        }
    }

    pub fn query(&self, name: &str) -> Option<&QueryReport> {
        self.queries.get(name).and_then(|r| r.as_ref().ok())
    }
}

/// `read` when the period's checklist has one of `looks`, else nothing.
async fn when<T>(
    period: Period,
    looks: &[Look],
    read: impl std::future::Future<Output = Result<T>>,
) -> Fetched<T> {
    if looks.iter().any(|look| checklist::reads(period, *look)) {
        Some(read.await.map_err(|e| e.to_string()))
    } else {
        None
    }
}

pub async fn run(ctx: &Context, opts: &Options) -> Result<Data> {
    let env = ctx.env()?.clone();
    let period = opts.period;
    let length = period.length();
    let to = Timestamp::now();
    let from = crate::time::before(to, length, "the period")?;
    let lib = query::library(ctx)?;

    let mut names: Vec<&'static str> = vec![
        ERRORS,
        ERROR_TREND,
        PERFORMANCE,
        HOURLY,
        TOKENS_HOURLY,
        PROFILE_LATENCY,
    ];
    names.extend(checklist::queries(period));
    names.sort_unstable();
    names.dedup();
    // Every query at once; the context's runner keeps them within the Logs Insights limit.
    let queries = futures::future::join_all(names.iter().map(|name| {
        query::run(
            ctx,
            &lib,
            RunOptions {
                name: Some(name.to_string()),
                range: RangeSpec::Since(length),
                ..RunOptions::default()
            },
        )
    }));
    // The checks judge at most the last week: over a month their 5-minute windows are more
    // datapoints than one metric request returns; the month's trends are the series.
    let health_opts = health::Options {
        since: length.min(Period::Weekly.length()),
        ..health::Options::default()
    };
    let retention = crate::cleanup::ProcessingStateOptions {
        older_than: Duration::from_secs(ctx.thresholds.retention.processing_state_days * 86_400),
        batch_size: crate::cleanup::DEFAULT_BATCH as usize,
        apply: false,
        wait_lock: None,
    };
    // The health checks first: each has its own short timeout, and the emulator (one process)
    // answers the rest of the report's calls more slowly than that when they all come at once.
    let health = health::run(ctx, &health_opts).await?;
    let (results, alarms, extras) = tokio::join!(queries, alarm_lines(ctx, length), async {
        tokio::join!(
            // The forecast reads the period's processing statistics too.
            when(
                period,
                &[Look::Processing, Look::Forecast],
                processing::stats(ctx, from)
            ),
            when(
                period,
                &[Look::AsyncSeries],
                async_series(ctx, period, from, to)
            ),
            when(
                period,
                &[Look::Profile],
                profile_series(ctx, period, from, to)
            ),
            when(period, &[Look::Cost], spend(ctx, from, to)),
            when(period, &[Look::AlarmHistory], alarm_history(ctx, from, to)),
            when(
                period,
                &[Look::Capacity],
                crate::scale::recommend(ctx, length)
            ),
            when(period, &[Look::Incidents], crate::incident::list(ctx)),
            when(
                period,
                &[Look::Retention],
                crate::cleanup::processing_state(ctx, &retention)
            ),
        )
    });
    let mut notes = Vec::new();
    let mut by_name = HashMap::new();
    for (name, result) in names.iter().zip(results) {
        if let Err(e) = &result {
            notes.push(format!("query {name}: {e}"));
        }
        by_name.insert(*name, result.map_err(|e| e.to_string()));
    }
    let alarms = match alarms {
        Ok((lines, note)) => {
            notes.extend(note);
            lines
        }
        Err(e) => {
            notes.push(format!("alarms: {e}"));
            Vec::new()
        }
    };
    let (
        processing,
        async_series,
        profile_series,
        spend,
        alarm_history,
        capacity,
        incidents,
        retention,
    ) = extras;
    let sources = Sources {
        period,
        from,
        to,
        lib,
        health,
        queries: by_name,
        processing,
        async_series,
        profile_series,
        spend,
        alarm_history,
        capacity,
        incidents,
        retention,
    };

    let health = &sources.health;
    let severity = health::severity::assess(health, &ctx.thresholds.severity);
    let count = |s: Status| health.checks.iter().filter(|r| r.status == s).count();
    let health_summary = HealthSummary {
        status: health.status,
        ok: count(Status::Ok),
        warn: count(Status::Warn),
        critical: count(Status::Critical),
        unknown: count(Status::Unknown),
    };
    let errors = sources
        .query(ERRORS)
        .map(|r| {
            r.rows
                .iter()
                .map(|row| ErrorCount {
                    code: row.get("error.code").map(text).unwrap_or_default(),
                    count: row.get("count").and_then(number).unwrap_or(0.0),
                })
                .collect()
        })
        .unwrap_or_default();
    let performance = sources
        .query(PERFORMANCE)
        .map(performance)
        .unwrap_or_default();
    let mut cost = sources
        .query(PERFORMANCE)
        .map(|r| cost(r, length))
        .unwrap_or_default();
    cost.monthly_budget_usd = ctx.thresholds.cost.monthly_budget_usd;
    cost.bedrock_budget_usd = cost.monthly_budget_usd * ctx.thresholds.cost.bedrock_share;
    cost.source = sources::COST;
    if let Some(Ok(Some(spend))) = &sources.spend {
        cost.actual = Some(super::cost::actual(spend, from, to, &ctx.thresholds.cost));
    }

    let mut series = Vec::new();
    if let Some(r) = sources.query(HOURLY) {
        series.push(series_of(r, "requests", "Requests", "per hour"));
        series.push(series_of(r, "p95_duration", "p95 duration", "ms"));
    }
    if let Some(r) = sources.query(TOKENS_HOURLY) {
        series.push(series_of(r, "total_tokens", "Tokens", "per hour"));
    }
    let quality = query_sections(&sources, |l| matches!(l, Look::Measures(_)));
    let security = query_sections(&sources, |l| matches!(l, Look::Hunts(_)));

    let checklist = judge::sections(ctx, &sources, &cost);
    let mut attention: Vec<Attention> = Vec::new();
    for finding in checklist
        .iter()
        .flat_map(|s| &s.items)
        .flat_map(|i| &i.findings)
        .filter(|f| f.status >= Status::Warn)
    {
        if !attention.iter().any(|a| a.what == finding.text) {
            attention.push(Attention {
                status: finding.status,
                what: finding.text.clone(),
                source: finding.source.clone(),
            });
        }
    }
    attention.sort_by_key(|a| std::cmp::Reverse(a.status));
    let status = attention
        .iter()
        .map(|a| a.status)
        .max()
        .unwrap_or(Status::Ok);

    Ok(Data {
        period,
        environment: env.name.to_string(),
        generated_at: to,
        from,
        to,
        status,
        severity,
        health: health_summary,
        checklist,
        errors,
        performance,
        cost,
        series,
        quality,
        security,
        alarms,
        attention,
        notes,
    })
}

/// The library's query sections the checklist reads through `kind` of look, in checklist order.
fn query_sections(sources: &Sources, kind: impl Fn(&Look) -> bool) -> Vec<Section> {
    let mut seen = Vec::new();
    for look in checklist::looks(sources.period).filter(|l| kind(l)) {
        if let Look::Measures(q) | Look::Hunts(q) = look {
            for name in *q {
                if !seen.contains(name) {
                    seen.push(*name);
                }
            }
        }
    }
    seen.into_iter()
        .filter_map(|n| sources.query(n).map(|r| section(&sources.lib, n, r)))
        .collect()
}

/// The AsyncProcessing metrics (002 CloudWatch Metrics / 主要メトリクス) over the period.
async fn async_series(
    ctx: &Context,
    period: Period,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<Named>> {
    const METRICS: [(&str, Stat, &str, &str); 6] = [
        (
            "AsyncProcessingStarted",
            Stat::Sum,
            "Processes started",
            "per bin",
        ),
        (
            "AsyncProcessingCompleted",
            Stat::Sum,
            "Processes completed",
            "per bin",
        ),
        (
            "AsyncProcessingFailed",
            Stat::Sum,
            "Processes failed",
            "per bin",
        ),
        (
            "AsyncProcessingTimeout",
            Stat::Sum,
            "Processes timed out",
            "per bin",
        ),
        ("QueueDepth", Stat::Maximum, "Queue depth", "processes, max"),
        (
            "ProcessingDuration",
            Stat::Average,
            "Processing duration",
            "ms, avg",
        ),
    ];
    let metrics = METRICS.map(|(name, stat, title, unit)| {
        let metric = Metric::new(
            Namespace::Custom(Component::AsyncMetrics),
            name,
            Dimension::None,
        );
        named(ctx, metric, stat, title, unit, period, from, to)
    });
    Ok(futures::future::join_all(metrics).await)
}

/// The profile API's requests and error rate (003 監視項目: ProfileAPIRequests,
/// ProfileAPIErrors, the share of error responses).
async fn profile_series(
    ctx: &Context,
    period: Period,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<Named>> {
    let metric = |name| {
        Metric::new(
            Namespace::Custom(Component::ProfileMetrics),
            name,
            Dimension::None,
        )
    };
    let (requests, errors) = tokio::join!(
        named(
            ctx,
            metric("ProfileAPIRequests"),
            Stat::Sum,
            "Profile API requests",
            "per bin",
            period,
            from,
            to
        ),
        named(
            ctx,
            metric("ProfileAPIErrors"),
            Stat::Average,
            "Profile API error rate",
            "%",
            period,
            from,
            to
        ),
    );
    Ok(vec![requests, errors])
}

#[allow(clippy::too_many_arguments)]
async fn named(
    ctx: &Context,
    metric: Metric,
    stat: Stat,
    title: &str,
    unit: &str,
    period: Period,
    from: Timestamp,
    to: Timestamp,
) -> Named {
    let read = async {
        let env = ctx.env()?;
        let aws = ctx.aws().await?;
        metrics::series(aws, env, metric, stat, from, to, period.bin_secs()).await
    };
    let series = read.await.map_err(|e| e.to_string()).map(|points| Series {
        title: title.to_string(),
        unit: unit.to_string(),
        points: points.iter().map(|p| (p.at, p.value)).collect(),
    });
    (title.to_string(), series)
}

/// Cost Explorer's daily spend over the days [`super::cost::range`] names.
pub async fn spend(
    ctx: &Context,
    from: Timestamp,
    to: Timestamp,
) -> Result<Option<Vec<crate::aws::cost::DailySpend>>> {
    let (start, end) = super::cost::range(from, to);
    let aws = ctx.aws().await?;
    crate::aws::cost::daily_by_service(aws, start, end).await
}

/// Every alarm's state changes in the period (one DescribeAlarmHistory over all alarms).
pub async fn alarm_history(
    ctx: &Context,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<crate::alarms::Transition>> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let mut all = crate::alarms::transitions(aws, None, from, to).await?;
    all.retain(|t| env.owns_alarm(&t.alarm));
    Ok(all)
}

async fn alarm_lines(ctx: &Context, length: Duration) -> Result<(Vec<AlarmLine>, Option<String>)> {
    let alarms = crate::alarms::fetch(ctx, None).await?;
    let history = |name: String| async move {
        crate::alarms::history(ctx, &name, length)
            .await
            .map(|h| h.transitions.len())
    };
    let firing: Vec<String> = alarms
        .iter()
        .filter(|a| a.state != "OK")
        .map(|a| a.name.clone())
        .collect();
    let mut counts = std::collections::HashMap::new();
    let mut note = None;
    // The first answer decides: an endpoint without alarm history (the emulator) answers the
    // same for every alarm, so the rest are asked only when it has one.
    if let Some((first, rest)) = firing.split_first() {
        match history(first.clone()).await {
            Ok(n) => {
                counts.insert(first.clone(), n);
                let answers: Vec<(String, Result<usize>)> = futures::stream::iter(rest.iter())
                    .map(|name| async move { (name.clone(), history(name.clone()).await) })
                    .buffer_unordered(HISTORY_CONCURRENCY)
                    .collect()
                    .await;
                for (name, answer) in answers {
                    match answer {
                        Ok(n) => {
                            counts.insert(name, n);
                        }
                        Err(e) => {
                            note.get_or_insert_with(|| format!("alarm history: {e}"));
                        }
                    }
                }
            }
            Err(e) => note = Some(format!("alarm history: {e}")),
        }
    }
    let lines = alarms
        .into_iter()
        .map(|a| AlarmLine {
            transitions: counts.get(&a.name).copied(),
            name: a.name,
            state: a.state,
            since: a.since,
            reason: a.reason,
            runbook: a.runbook,
        })
        .collect();
    Ok((lines, note))
}

fn bin_time(v: Option<&serde_json::Value>) -> Option<Timestamp> {
    crate::time::parse_instant(&text(v?), &TimeZone::UTC).ok()
}

pub fn bin_column(r: &QueryReport) -> Option<&str> {
    r.columns
        .iter()
        .find(|c| c.starts_with("bin("))
        .map(String::as_str)
}

pub fn series_of(r: &QueryReport, field: &str, title: &str, unit: &str) -> Series {
    let bin = bin_column(r);
    let mut points: Vec<(Timestamp, f64)> = r
        .rows
        .iter()
        .filter_map(|row| {
            let t = bin_time(row.get(bin?))?;
            Some((t, row.get(field).and_then(number).unwrap_or(0.0)))
        })
        .collect();
    points.sort_by_key(|p| p.0);
    Series {
        title: title.into(),
        unit: unit.into(),
        points,
    }
}

pub fn performance(r: &QueryReport) -> Performance {
    let bin = bin_column(r);
    let mut days: Vec<Day> = r
        .rows
        .iter()
        .map(|row| Day {
            day: bin
                .and_then(|b| bin_time(row.get(b)))
                .map(|t| t.strftime("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            requests: row.get("total_requests").and_then(number).unwrap_or(0.0),
            p50_ms: row.get("p50_duration").and_then(number),
            p95_ms: row.get("p95_duration").and_then(number),
            p99_ms: row.get("p99_duration").and_then(number),
        })
        .collect();
    days.sort_by(|a, b| a.day.cmp(&b.day));
    Performance {
        requests: days.iter().map(|d| d.requests).sum(),
        days,
    }
}

fn cost(r: &QueryReport, length: Duration) -> Cost {
    let sum = |field: &str| -> f64 {
        r.rows
            .iter()
            .filter_map(|row| row.get(field).and_then(number))
            .sum()
    };
    // Tokens per day are the day's average times its requests.
    let tokens: f64 = r
        .rows
        .iter()
        .filter_map(|row| {
            Some(
                row.get("avg_tokens").and_then(number)?
                    * row.get("total_requests").and_then(number)?,
            )
        })
        .sum();
    let estimated = sum("total_cost");
    let days = length.as_secs_f64() / 86_400.0;
    Cost {
        tokens,
        estimated_usd: estimated,
        projected_month_usd: estimated / days * 30.0,
        ..Cost::default()
    }
}

pub fn section(lib: &crate::insights::library::Library, name: &str, r: &QueryReport) -> Section {
    let def = lib.get(name).ok();
    let flagged = r
        .flagged
        .iter()
        .map(|f| {
            let when = bin_column(r)
                .and_then(|b| r.rows.get(f.row)?.get(b).map(text))
                .map(|t| format!(" at {t}"))
                .unwrap_or_default();
            format!(
                "{} = {}{when}, expected {} ({})",
                f.field,
                format_number(f.value),
                f.expected,
                f.source
            )
        })
        .collect();
    Section {
        query: name.to_string(),
        title: def
            .map(|d| d.head.title.clone())
            .unwrap_or_else(|| name.into()),
        source: def.map(|d| d.head.source.clone()).unwrap_or_default(),
        columns: r.columns.clone(),
        rows: r
            .rows
            .iter()
            .map(|row| {
                r.columns
                    .iter()
                    .map(|c| row.get(c).map(text).unwrap_or_default())
                    .collect()
            })
            .collect(),
        flagged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EnvName;
    use crate::context::Context;
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatch::Client;
    use aws_sdk_cloudwatch::operation::describe_alarm_history::DescribeAlarmHistoryOutput;
    use aws_sdk_cloudwatch::operation::describe_alarms::DescribeAlarmsOutput;
    use aws_sdk_cloudwatch::types::{AlarmHistoryItem, MetricAlarm, StateValue};
    use aws_smithy_mocks::{Rule, mock};

    const FIRING: [&str; 3] = [
        "goal-mandala-prod-ai-processor-throttle",
        "goal-mandala-prod-ai-processor-duration",
        "goal-mandala-prod-task-generation-throttle",
    ];
    const QUIET: &str = "goal-mandala-prod-task-generation-error-rate";

    fn alarm(name: &str, state: StateValue) -> MetricAlarm {
        MetricAlarm::builder()
            .alarm_name(name)
            .state_value(state)
            .build()
    }

    /// The alarm itself, and `n` transitions of it.
    fn answers(name: &'static str, n: usize) -> [Rule; 2] {
        [
            mock!(Client::describe_alarms)
                .match_requests(move |r| r.alarm_names() == [name])
                .then_output(move || {
                    DescribeAlarmsOutput::builder()
                        .metric_alarms(alarm(name, StateValue::Alarm))
                        .build()
                }),
            mock!(Client::describe_alarm_history)
                .match_requests(move |r| r.alarm_name() == Some(name))
                .then_output(move || {
                    let item = AlarmHistoryItem::builder()
                        .alarm_name(name)
                        .timestamp(aws_smithy_types::DateTime::from_secs(1_700_000_000))
                        .history_data(
                            r#"{"oldState":{"stateValue":"OK"},"newState":{"stateValue":"ALARM"}}"#,
                        )
                        .build();
                    DescribeAlarmHistoryOutput::builder()
                        .set_alarm_history_items(Some(vec![item; n]))
                        .build()
                }),
        ]
    }

    #[tokio::test]
    async fn every_firing_alarm_gets_its_history_and_quiet_ones_none() {
        let list = mock!(Client::describe_alarms)
            .match_requests(|r| r.alarm_names().is_empty())
            .then_output(|| {
                let mut b =
                    DescribeAlarmsOutput::builder().metric_alarms(alarm(QUIET, StateValue::Ok));
                for name in FIRING {
                    b = b.metric_alarms(alarm(name, StateValue::Alarm));
                }
                b.build()
            });
        let mut rules = vec![list];
        for (i, name) in FIRING.into_iter().enumerate() {
            rules.extend(answers(name, i + 1));
        }
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: rules,
                ..Default::default()
            }
            .clients(),
        );
        let (lines, note) = alarm_lines(&ctx, Duration::from_secs(86_400))
            .await
            .unwrap();
        assert_eq!(note, None);
        let got: std::collections::BTreeMap<&str, Option<usize>> = lines
            .iter()
            .map(|l| (l.name.as_str(), l.transitions))
            .collect();
        let want = [
            (QUIET, None),
            (FIRING[0], Some(1)),
            (FIRING[1], Some(2)),
            (FIRING[2], Some(3)),
        ];
        assert_eq!(got, want.into_iter().collect());
    }
}

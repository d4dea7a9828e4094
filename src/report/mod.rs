//! `report daily|weekly|monthly`: the guides' checklists (000 定期メンテナンス, 002 日次/週次/月次
//! チェック, 003 日常運用タスク) as one generated report: health and severity, errors by code,
//! duration percentiles, requests, tokens and cost against the budget, task quality against its
//! expected ranges, security findings, alarms, and what needs attention.

mod chart;
mod html;
mod markdown;

pub use chart::{Series, sparkline};

use crate::cli::{ReportFormat, ReportPeriod};
use crate::config::thresholds::sources;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::health::{self, Status, severity::Severity};
use crate::insights::engine::value::format_number;
use crate::insights::query::{self, RunOptions};
use crate::insights::results::{QueryReport, number, text};
use crate::output::{Cell, Doc, Render, Tone};
use futures::StreamExt;
use jiff::{Timestamp, tz::TimeZone};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;

pub struct Options {
    pub period: ReportPeriod,
    pub format: ReportFormat,
    pub out: Option<PathBuf>,
}

fn period_length(p: ReportPeriod) -> Duration {
    let days = match p {
        ReportPeriod::Daily => 1,
        ReportPeriod::Weekly => 7,
        ReportPeriod::Monthly => 30,
    };
    Duration::from_secs(days * 86_400)
}

/// The report's data; `--format json` and `-o json` print it. Stable: fields are only added.
#[derive(Debug, Serialize)]
pub struct Data {
    pub period: ReportPeriod,
    pub environment: String,
    pub generated_at: Timestamp,
    pub from: Timestamp,
    pub to: Timestamp,
    /// The worst item needing attention.
    pub status: Status,
    pub severity: Severity,
    pub health: HealthSummary,
    pub errors: Vec<ErrorCount>,
    pub performance: Performance,
    pub cost: Cost,
    pub series: Vec<Series>,
    pub quality: Vec<Section>,
    pub security: Vec<Section>,
    pub alarms: Vec<AlarmLine>,
    pub attention: Vec<Attention>,
    /// What could not be collected, and why.
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct HealthSummary {
    pub status: Status,
    pub ok: usize,
    pub warn: usize,
    pub critical: usize,
    pub unknown: usize,
}

#[derive(Debug, Serialize)]
pub struct ErrorCount {
    pub code: String,
    pub count: f64,
}

#[derive(Debug, Default, Serialize)]
pub struct Performance {
    pub requests: f64,
    /// Per day (the seed's 日次レポート query): requests and duration percentiles, ms.
    pub days: Vec<Day>,
}

#[derive(Debug, Serialize)]
pub struct Day {
    pub day: String,
    pub requests: f64,
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub p99_ms: Option<f64>,
}

#[derive(Debug, Default, Serialize)]
pub struct Cost {
    pub tokens: f64,
    /// The service's own `metadata.estimatedCost`, summed over the period.
    pub estimated_usd: f64,
    /// At the period's rate, over 30 days.
    pub projected_month_usd: f64,
    /// The monthly budget's Bedrock share (002 コスト管理: $500, Bedrock 30%).
    pub bedrock_budget_usd: f64,
    pub monthly_budget_usd: f64,
    pub source: &'static str,
}

/// One library query's result with the rows outside its expected ranges.
#[derive(Debug, Serialize)]
pub struct Section {
    pub query: String,
    pub title: String,
    pub source: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub flagged: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AlarmLine {
    pub name: String,
    pub state: String,
    pub since: Option<Timestamp>,
    pub reason: String,
    pub runbook: Option<String>,
    /// State changes in the period, when the endpoint keeps alarm history.
    pub transitions: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct Attention {
    pub status: Status,
    pub what: String,
    pub source: String,
}

/// What `report` prints: the rendered report, or where it was written.
#[derive(Serialize)]
pub struct ReportOutcome {
    #[serde(flatten)]
    pub data: Data,
    #[serde(skip)]
    rendered: String,
    #[serde(skip)]
    written: Option<PathBuf>,
}

/// Alarm histories asked for at once (DescribeAlarmHistory is a low-rate API).
const HISTORY_CONCURRENCY: usize = 4;

const QUALITY: &[&str] = &[
    "priority-share",
    "minutes-per-task",
    "task-count-distribution",
];
const SECURITY: &[&str] = &[
    "authentication-errors",
    "forbidden-by-user",
    "prompt-injection",
];
const PERFORMANCE: &str = "daily-performance";
const HOURLY: &str = "hourly-performance";
const TOKENS_HOURLY: &str = "token-usage-hourly";
const ERRORS: &str = "error-types";

pub async fn run(ctx: &Context, opts: &Options) -> Result<ReportOutcome> {
    let env = ctx.env()?.clone();
    let length = period_length(opts.period);
    let to = Timestamp::now();
    let from = crate::insights::timerange::ago(to, length, "the period")?;
    let lib = query::library()?;
    let mut notes = Vec::new();

    let names: Vec<&str> = [ERRORS, PERFORMANCE, HOURLY, TOKENS_HOURLY]
        .into_iter()
        .chain(QUALITY.iter().copied())
        .chain(SECURITY.iter().copied())
        .collect();
    // Every query at once; the context's runner keeps them within the Logs Insights limit.
    let queries = futures::future::join_all(names.iter().map(|name| {
        query::run(
            ctx,
            &lib,
            RunOptions {
                name: Some(name.to_string()),
                since: Some(length),
                ..RunOptions::default()
            },
        )
    }));
    let health_opts = health::Options {
        since: length,
        ..health::Options::default()
    };
    let (results, health, alarms) = tokio::join!(
        queries,
        health::run(ctx, &health_opts),
        alarm_lines(ctx, &env, length)
    );
    let health = health?;
    let mut by_name = std::collections::HashMap::new();
    for (name, result) in names.iter().zip(results) {
        match result {
            Ok(r) => {
                by_name.insert(*name, r);
            }
            Err(e) => notes.push(format!("query {name}: {e}")),
        }
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

    let severity = health::severity::assess(&health, &ctx.thresholds.severity);
    let count = |s: Status| health.checks.iter().filter(|r| r.status == s).count();
    let health_summary = HealthSummary {
        status: health.status,
        ok: count(Status::Ok),
        warn: count(Status::Warn),
        critical: count(Status::Critical),
        unknown: count(Status::Unknown),
    };
    let mut attention: Vec<Attention> = health
        .problems()
        .map(|r| Attention {
            status: r.status,
            what: format!(
                "{}: {}{}",
                r.name,
                r.message,
                r.value
                    .as_ref()
                    .map(|v| format!(
                        " ({v}; threshold {})",
                        r.threshold.as_deref().unwrap_or("-")
                    ))
                    .unwrap_or_default()
            ),
            source: r.source.clone(),
        })
        .collect();

    let errors = by_name
        .get(ERRORS)
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
    let performance = by_name
        .get(PERFORMANCE)
        .map(performance)
        .unwrap_or_default();
    let mut cost = by_name
        .get(PERFORMANCE)
        .map(|r| cost(r, length))
        .unwrap_or_default();
    cost.monthly_budget_usd = ctx.thresholds.cost.monthly_budget_usd;
    cost.bedrock_budget_usd = cost.monthly_budget_usd * ctx.thresholds.cost.bedrock_share;
    cost.source = sources::COST;
    if cost.projected_month_usd > cost.bedrock_budget_usd {
        attention.push(Attention {
            status: Status::Warn,
            what: format!(
                "Bedrock spend projects to ${:.2} a month, over its ${:.2} share of the budget",
                cost.projected_month_usd, cost.bedrock_budget_usd
            ),
            source: sources::COST.into(),
        });
    }

    let mut series = Vec::new();
    if let Some(r) = by_name.get(HOURLY) {
        series.push(series_of(r, "requests", "Requests", "per hour"));
        series.push(series_of(r, "p95_duration", "p95 duration", "ms"));
    }
    if let Some(r) = by_name.get(TOKENS_HOURLY) {
        series.push(series_of(r, "total_tokens", "Tokens", "per hour"));
    }

    let sections = |names: &[&str], attention: &mut Vec<Attention>| -> Vec<Section> {
        names
            .iter()
            .filter_map(|n| by_name.get(n).map(|r| (n, r)))
            .map(|(n, r)| {
                let s = section(&lib, n, r);
                for f in &s.flagged {
                    attention.push(Attention {
                        status: Status::Warn,
                        what: format!("{}: {f}", s.query),
                        source: s.source.clone(),
                    });
                }
                s
            })
            .collect()
    };
    let quality = sections(QUALITY, &mut attention);
    let security = sections(SECURITY, &mut attention);
    attention.sort_by_key(|a| std::cmp::Reverse(a.status));
    let status = attention
        .iter()
        .map(|a| a.status)
        .max()
        .unwrap_or(Status::Ok);

    let data = Data {
        period: opts.period,
        environment: env.name.to_string(),
        generated_at: to,
        from,
        to,
        status,
        severity,
        health: health_summary,
        errors,
        performance,
        cost,
        series,
        quality,
        security,
        alarms,
        attention,
        notes,
    };
    let rendered = match opts.format {
        ReportFormat::Markdown => markdown::render(&data),
        ReportFormat::Html => html::render(&data),
        ReportFormat::Json => {
            let mut t = serde_json::to_string_pretty(&data)
                .map_err(|e| Error::internal(format!("serialising the report: {e}")))?;
            t.push('\n');
            t
        }
    };
    let written = match &opts.out {
        Some(path) => {
            std::fs::write(path, &rendered)
                .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
            Some(path.clone())
        }
        None => None,
    };
    Ok(ReportOutcome {
        data,
        rendered,
        written,
    })
}

async fn alarm_lines(
    ctx: &Context,
    env: &crate::config::Environment,
    length: Duration,
) -> Result<(Vec<AlarmLine>, Option<String>)> {
    let aws = ctx.aws().await?;
    let alarms = crate::alarms::fetch(aws, env, None).await?;
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
    crate::insights::timerange::parse_instant(&text(v?), &TimeZone::UTC).ok()
}

fn bin_column(r: &QueryReport) -> Option<&str> {
    r.columns
        .iter()
        .find(|c| c.starts_with("bin("))
        .map(String::as_str)
}

fn series_of(r: &QueryReport, field: &str, title: &str, unit: &str) -> Series {
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

fn performance(r: &QueryReport) -> Performance {
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

fn section(lib: &crate::insights::library::Library, name: &str, r: &QueryReport) -> Section {
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

impl Render for ReportOutcome {
    fn render(&self, doc: &mut Doc) {
        match &self.written {
            Some(path) => {
                doc.fields([
                    ("report", Cell::new(label(self.data.period))),
                    ("written to", Cell::new(path.display().to_string())),
                    (
                        "needs attention",
                        Cell::toned(
                            self.data.attention.len().to_string(),
                            health::tone(self.data.status),
                        ),
                    ),
                    ("severity", Cell::new(self.data.severity.headline())),
                ]);
            }
            None => {
                doc.text(&self.rendered);
            }
        }
        for note in &self.data.notes {
            doc.note(Tone::Dim, format!("note: {note}"));
        }
    }

    fn status(&self) -> ExitStatus {
        match self.data.status {
            Status::Critical => ExitStatus::Critical,
            Status::Warn => ExitStatus::Warn,
            _ => ExitStatus::Ok,
        }
    }
}

pub fn label(p: ReportPeriod) -> &'static str {
    match p {
        ReportPeriod::Daily => "daily",
        ReportPeriod::Weekly => "weekly",
        ReportPeriod::Monthly => "monthly",
    }
}

/// A plain table of the report, the same in Markdown and HTML.
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{} ms", format_number(v.round())))
        .unwrap_or_else(|| "-".into())
}

impl Data {
    pub fn title(&self) -> String {
        format!(
            "goal-mandala {} report: {}",
            label(self.period),
            self.environment
        )
    }

    pub fn window(&self) -> String {
        format!(
            "{} → {} (UTC), generated {}",
            self.from.strftime("%Y-%m-%d %H:%M"),
            self.to.strftime("%Y-%m-%d %H:%M"),
            self.generated_at.strftime("%Y-%m-%d %H:%M:%S")
        )
    }

    pub fn health_text(&self) -> String {
        let h = &self.health;
        format!(
            "{} checks: {} ok, {} warn, {} critical, {} unknown (overall {}).",
            h.ok + h.warn + h.critical + h.unknown,
            h.ok,
            h.warn,
            h.critical,
            h.unknown,
            h.status.as_str()
        )
    }

    pub fn cost_text(&self) -> String {
        let c = &self.cost;
        format!(
            "{} tokens; estimated ${:.2} in the period, ${:.2} a month at this rate, against a \
             Bedrock budget of ${:.2} (${:.0} a month in all).",
            format_number(c.tokens.round()),
            c.estimated_usd,
            c.projected_month_usd,
            c.bedrock_budget_usd,
            c.monthly_budget_usd
        )
    }

    pub fn performance_grid(&self) -> Grid {
        grid(
            ["day", "requests", "p50", "p95", "p99"],
            self.performance.days.iter().map(|x| {
                vec![
                    x.day.clone(),
                    format_number(x.requests),
                    ms(x.p50_ms),
                    ms(x.p95_ms),
                    ms(x.p99_ms),
                ]
            }),
        )
    }

    pub fn errors_grid(&self) -> Grid {
        grid(
            ["error.code", "count"],
            self.errors
                .iter()
                .map(|e| vec![e.code.clone(), format_number(e.count)]),
        )
    }

    pub fn alarms_grid(&self) -> Grid {
        grid(
            ["alarm", "state", "since", "changes", "runbook"],
            self.alarms.iter().map(|a| {
                vec![
                    a.name.clone(),
                    a.state.clone(),
                    a.since
                        .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                    a.transitions.map(|n| n.to_string()).unwrap_or("-".into()),
                    a.runbook
                        .as_ref()
                        .map(|r| format!("mandala-ops runbook run {r}"))
                        .unwrap_or_default(),
                ]
            }),
        )
    }
}

impl Section {
    pub fn grid(&self) -> Grid {
        Grid {
            headers: self.columns.clone(),
            rows: self.rows.clone(),
        }
    }
}

fn grid<const N: usize>(headers: [&str; N], rows: impl Iterator<Item = Vec<String>>) -> Grid {
    Grid {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EnvName;
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
        let env = ctx.env().unwrap();
        let (lines, note) = alarm_lines(&ctx, env, Duration::from_secs(86_400))
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

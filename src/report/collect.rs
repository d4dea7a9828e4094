//! Collecting a report: the library's queries at once (within one Logs Insights limit), the
//! health checks, and the alarms with their history.

use super::Options;
use super::data::{
    AlarmLine, Attention, Cost, Data, Day, ErrorCount, HealthSummary, Performance, Section,
};
use crate::config::thresholds::sources;
use crate::context::Context;
use crate::error::Result;
use crate::health::{self, Status};
use crate::insights::query::{self, RunOptions};
use crate::insights::results::{QueryReport, number, text};
use crate::output::{Series, number as format_number};
use crate::time::RangeSpec;
use futures::StreamExt;
use jiff::{Timestamp, tz::TimeZone};
use std::time::Duration;

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

pub async fn run(ctx: &Context, opts: &Options) -> Result<Data> {
    let env = ctx.env()?.clone();
    let length = opts.period.length();
    let to = Timestamp::now();
    let from = crate::time::before(to, length, "the period")?;
    let lib = query::library(ctx)?;
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
                range: RangeSpec::Since(length),
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
        alarm_lines(ctx, length)
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
    Ok(data)
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

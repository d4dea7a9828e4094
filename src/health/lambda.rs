//! Lambda: state and last update, error rate, throttles, duration, concurrency against the
//! reserved concurrency (000 監視項目 / 1. Lambda関数メトリクス; 001 CloudWatch アラーム).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::function_config;
use super::{Probe, Row, pct};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;

/// A function's checks, in report order. The guides set duration limits for two functions only
/// (000 実行時間; 001 CloudWatch アラーム); the ai-processor's and profile's errors follow their
/// own alarms (001 CloudWatch アラーム; 003 Lambda エラーアラーム).
pub fn checks(c: Component) -> Vec<Check> {
    let id = c.id();
    let (errors_source, duration_source) = match c {
        Component::AiProcessor => (s::AI_PROCESSOR_ALARMS, Some(s::AI_PROCESSOR_ALARMS)),
        Component::TaskGeneration => (s::LAMBDA_ERRORS, Some(s::LAMBDA_DURATION)),
        Component::Profile => (s::PROFILE_LAMBDA_ERRORS, None),
        _ => (s::LAMBDA_ERRORS, None),
    };
    let mut checks = vec![
        Check::new(
            format!("lambda.{id}.state"),
            s::DB_HEALTH,
            Order::Metrics,
            run!(state),
        ),
        Check::new(
            format!("lambda.{id}.errors"),
            errors_source,
            Order::Metrics,
            run!(errors),
        ),
        Check::new(
            format!("lambda.{id}.throttles"),
            s::LAMBDA_THROTTLES,
            Order::Metrics,
            run!(throttles),
        ),
    ];
    if let Some(source) = duration_source {
        checks.push(Check::new(
            format!("lambda.{id}.duration"),
            source,
            Order::Metrics,
            run!(duration),
        ));
    }
    checks.push(Check::new(
        format!("lambda.{id}.concurrency"),
        s::LAMBDA_CONCURRENCY,
        Order::Describe,
        run!(concurrency),
    ));
    checks.push(Check::new(
        format!("lambda.{id}.settings"),
        s::CAPACITY,
        Order::Describe,
        run!(function_config::settings),
    ));
    if c.calls_bedrock() {
        checks.push(Check::new(
            format!("lambda.{id}.environment"),
            s::BEDROCK,
            Order::Describe,
            run!(function_config::environment),
        ));
    }
    checks.into_iter().map(|k| k.about(c)).collect()
}

fn metric(c: Component, name: &'static str) -> Metric {
    Metric::new(Namespace::Lambda, name, Dimension::Function(c))
}

/// What GetFunction says about a function; `None` when it does not exist.
#[derive(Debug, Clone)]
pub struct Function {
    pub state: String,
    pub update: String,
    pub reason: String,
    pub reserved: Option<i32>,
    pub memory_mb: Option<i32>,
    pub timeout_secs: Option<i32>,
    /// The variables the guides name, and only those: the rest may hold secrets.
    pub variables: std::collections::BTreeMap<String, String>,
    pub last_modified: Option<jiff::Timestamp>,
    pub code_sha256: String,
    /// The execution role's ARN.
    pub role: String,
}

/// One GetFunction per function serves the state and concurrency checks.
pub async fn describe(p: &Probe<'_>, c: Component) -> Result<Option<Function>> {
    let function = p.env.names.get(c);
    let aws = p.ctx.aws().await?;
    let Some(out) = crate::aws::lambda::get_function(aws, function).await? else {
        return Ok(None);
    };
    let conf = out.configuration();
    Ok(Some(Function {
        state: conf
            .and_then(|c| c.state())
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "Unknown".into()),
        update: conf
            .and_then(|c| c.last_update_status())
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "Successful".into()),
        reason: conf
            .and_then(|c| c.state_reason().or(c.last_update_status_reason()))
            .unwrap_or_default()
            .to_string(),
        reserved: out
            .concurrency()
            .and_then(|c| c.reserved_concurrent_executions()),
        memory_mb: conf.and_then(|c| c.memory_size()),
        timeout_secs: conf.and_then(|c| c.timeout()),
        variables: conf
            .and_then(|c| c.environment())
            .and_then(|e| e.variables())
            .map(|vars| {
                vars.iter()
                    .filter(|(k, _)| function_config::NAMED.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        last_modified: conf
            .and_then(|c| c.last_modified())
            .and_then(crate::aws::lambda::parse_last_modified),
        role: conf.and_then(|c| c.role()).unwrap_or_default().to_string(),
        code_sha256: conf
            .and_then(|c| c.code_sha256())
            .unwrap_or_default()
            .to_string(),
    }))
}

async fn state(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let function = p.env.names.get(c);
    let Some(f) = p.function(c).await? else {
        return Ok(k.row(
            Status::Critical,
            format!("the function {function} does not exist"),
        ));
    };
    let status = match (f.state.as_str(), f.update.as_str()) {
        ("Failed" | "Inactive", _) | (_, "Failed") => Status::Critical,
        ("Pending", _) | (_, "InProgress") => Status::Warn,
        ("Active", _) => Status::Ok,
        _ => Status::Unknown,
    };
    let message = if f.reason.is_empty() {
        function.to_string()
    } else {
        format!("{function}: {}", f.reason)
    };
    Ok(k.row(status, message)
        .with_value(format!("{} / {}", f.state, f.update))
        .with_threshold("Active / Successful"))
}

async fn errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let t = &p.ctx.thresholds.lambda;
    let window = p.window_secs();
    let (errors, invocations) = tokio::try_join!(
        p.series(metric(c, "Errors"), Stat::Sum, window),
        p.series(metric(c, "Invocations"), Stat::Sum, window),
    )?;
    let errors_total = metrics::total(&errors).unwrap_or(0.0);
    let invocations_total = metrics::total(&invocations).unwrap_or(0.0);
    let limit = Limit::both(
        t.error_rate_warn_pct,
        t.error_rate_critical_pct,
        Cmp::AtLeast,
        Unit::Percent,
    );
    let mut row = match pct(errors_total, invocations_total) {
        Some(rate) => k.measured(
            rate,
            &limit,
            format!(
                "{} errors in {} invocations",
                rounded(errors_total),
                rounded(invocations_total)
            ),
        ),
        None => k.no_data(p, metric(c, "Invocations"), &limit),
    };
    // The ai-processor and profile alarms count errors per five minutes
    // (001 CloudWatch アラーム: 5分間で5回以上; 003 Lambda エラーアラーム: > 10/5分).
    let per5 = match c {
        Component::AiProcessor => Some(Limit::warn(
            t.ai_processor_errors_per_5min,
            Cmp::AtLeast,
            Unit::Count,
        )),
        Component::Profile => Some(Limit::warn(
            p.ctx.thresholds.profile.lambda_errors_per_5min,
            Cmp::Above,
            Unit::Count,
        )),
        _ => None,
    };
    if let Some(per5) = per5 {
        let buckets = p.series(metric(c, "Errors"), Stat::Sum, 300).await?;
        let worst = metrics::max(&buckets).unwrap_or(0.0);
        let status = per5.evaluate(worst);
        if status > row.status {
            row.status = status;
        }
        row.message = format!("{}; at most {} in 5 minutes", row.message, rounded(worst));
        row.threshold = Some(format!(
            "{}; {} per 5 min",
            row.threshold.unwrap_or_default(),
            per5.describe()
        ));
    }
    Ok(row)
}

async fn throttles(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let points = p
        .series(metric(c, "Throttles"), Stat::Sum, p.window_secs())
        .await?;
    let total = metrics::total(&points).unwrap_or(0.0);
    // Throttled invocations are requests turned away.
    let limit = Limit::critical(p.ctx.thresholds.lambda.throttles, Cmp::AtLeast, Unit::Count);
    Ok(k.measured(
        total,
        &limit,
        format!("throttled invocations of {}", p.env.names.get(c)),
    ))
}

async fn duration(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let t = &p.ctx.thresholds.lambda;
    let window = p.window_secs();
    let m = metric(c, "Duration");
    if c == Component::AiProcessor {
        let points = p.series(m, Stat::Average, window).await?;
        let limit = Limit::warn(t.ai_processor_avg_duration_ms, Cmp::AtLeast, Unit::Millis);
        return Ok(match metrics::mean(&points) {
            Some(avg) => k.measured(avg, &limit, "average duration"),
            None => k.no_data(p, m, &limit),
        });
    }
    let limit = Limit::both(
        t.task_generation_p95_warn_ms,
        t.task_generation_p95_critical_ms,
        Cmp::Above,
        Unit::Millis,
    );
    let points = p.series(m, Stat::Percentile(95.0), window).await?;
    Ok(match metrics::max(&points) {
        Some(p95) => k.measured(p95, &limit, "p95 duration"),
        None => k.no_data(p, m, &limit),
    })
}

async fn concurrency(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let function = p.env.names.get(c);
    let (f, points) = tokio::try_join!(
        p.function(c),
        p.series(metric(c, "ConcurrentExecutions"), Stat::Maximum, 300)
    )?;
    let Some(f) = f else {
        return Ok(k.row(
            Status::Critical,
            format!("the function {function} does not exist"),
        ));
    };
    let peak = metrics::max(&points).unwrap_or(0.0);
    let ratio = p.ctx.thresholds.lambda.concurrency_warn_ratio;
    Ok(match f.reserved {
        Some(0) => k.row(Status::Critical, format!("reserved concurrency is 0: {function} is stopped (`scale resume` undoes `scale stop`)"))
            .with_value("0 reserved"),
        Some(reserved) => {
            let limit = Limit::warn(ratio, Cmp::AtLeast, Unit::Ratio);
            let mut row = k.measured(peak / reserved as f64, &limit, format!("peak concurrent executions against {reserved} reserved"));
            row.value = Some(format!("{} of {reserved}", rounded(peak)));
            row.threshold = Some(format!("warn ≥ {}% of reserved", rounded(ratio * 100.0)));
            row
        }
        None => k.row(Status::Ok, "no reserved concurrency (shares the account's pool)")
            .with_value(format!("peak {}", rounded(peak))),
    })
}

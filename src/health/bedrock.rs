//! Bedrock, for the configured model (001 トラブルシューティング 2 and 5; 004 AI_ERROR): its
//! throttles, errors and latency from `AWS/Bedrock`, the headroom of its per-minute quotas, and
//! whether each calling function's role may invoke it — so throttling and AccessDenied are told
//! apart before anyone reads logs.

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
use super::{Probe, Row};
use crate::aws::iam::{self, Decision, Method};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::aws::quotas::{self, PerMinute};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;

pub fn checks() -> Vec<Check> {
    let mut checks = vec![
        Check::new(
            "bedrock.throttles",
            s::BEDROCK_METRICS,
            Order::Metrics,
            run!(throttles),
        ),
        Check::new(
            "bedrock.errors",
            s::BEDROCK_METRICS,
            Order::Metrics,
            run!(errors),
        ),
        Check::new("bedrock.latency", s::BEDROCK, Order::Metrics, run!(latency)),
        Check::new(
            "bedrock.quota",
            s::BEDROCK_QUOTA,
            Order::Describe,
            run!(quota),
        ),
    ];
    // Per calling function: may its role invoke the model?
    checks.extend(
        Component::functions()
            .filter(|c| c.calls_bedrock())
            .map(|c| {
                Check::new(
                    format!("bedrock.access.{}", c.id()),
                    s::BEDROCK_ACCESS,
                    Order::Describe,
                    run!(access),
                )
                .about(c)
            }),
    );
    checks
}

fn bedrock(name: &'static str) -> Metric {
    Metric::new(Namespace::Bedrock, name, Dimension::Model)
}

/// Throttled invocations: the quota, not the code (001 トラブルシューティング 2. スロットリング).
async fn throttles(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let limit = Limit::warn(1.0, Cmp::AtLeast, Unit::Count);
    let (invocations, throttled) = tokio::try_join!(
        p.series(bedrock("Invocations"), Stat::Sum, p.window_secs()),
        p.series(bedrock("InvocationThrottles"), Stat::Sum, p.window_secs()),
    )?;
    if invocations.is_empty() && throttled.is_empty() {
        return Ok(k.no_data(p, bedrock("Invocations"), &limit));
    }
    let n = metrics::total(&throttled).unwrap_or(0.0);
    let message = if n > 0.0 {
        format!(
            "{} calls to {} throttled: the per-minute quota is reached (`health --check bedrock.quota`); \
             the functions retry {} times with backoff",
            rounded(n),
            p.env.bedrock_model,
            p.ctx.thresholds.bedrock.max_retries
        )
    } else {
        format!("no call to {} was throttled", p.env.bedrock_model)
    };
    Ok(k.measured(n, &limit, message))
}

/// Client and server errors per invocation (000 3. Bedrockメトリクス: エラー率 > 5%). Client errors
/// are requests Bedrock refused (access, validation); server errors are Bedrock's own.
async fn errors(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let limit = Limit::warn(
        p.ctx.thresholds.bedrock.error_rate_pct,
        Cmp::Above,
        Unit::Percent,
    );
    let (invocations, client, server) = tokio::try_join!(
        p.series(bedrock("Invocations"), Stat::Sum, p.window_secs()),
        p.series(
            bedrock("InvocationClientErrors"),
            Stat::Sum,
            p.window_secs()
        ),
        p.series(
            bedrock("InvocationServerErrors"),
            Stat::Sum,
            p.window_secs()
        ),
    )?;
    let Some(total) = metrics::total(&invocations).filter(|n| *n > 0.0) else {
        return Ok(k.no_data(p, bedrock("Invocations"), &limit));
    };
    let client = metrics::total(&client).unwrap_or(0.0);
    let server = metrics::total(&server).unwrap_or(0.0);
    let rate = (client + server) / total * 100.0;
    let why = if client > server {
        " — mostly client errors: check the roles' access (`health --check bedrock.access`) and the request"
    } else if server > 0.0 {
        " — mostly server errors: check AWS Health for Bedrock in the region"
    } else {
        ""
    };
    Ok(k.measured(
        rate,
        &limit,
        format!(
            "{} client and {} server errors in {} invocations{why}",
            rounded(client),
            rounded(server),
            rounded(total)
        ),
    ))
}

/// The slowest invocation against the functions' Bedrock timeout (001 環境変数の設定:
/// BEDROCK_TIMEOUT_MS): calls near it fail as timeouts.
async fn latency(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let b = &p.ctx.thresholds.bedrock;
    let timeout = b.timeout_ms as f64;
    let limit = Limit::both(
        timeout * b.quota_warn_ratio,
        timeout,
        Cmp::AtLeast,
        Unit::Millis,
    );
    let points = p
        .series(bedrock("InvocationLatency"), Stat::Maximum, p.window_secs())
        .await?;
    Ok(match metrics::max(&points) {
        Some(ms) => k.measured(
            ms,
            &limit,
            format!("the slowest invocation of {}", p.env.bedrock_model),
        ),
        None => k.no_data(p, bedrock("InvocationLatency"), &limit),
    })
}

/// The busiest minute against each per-minute quota of the model.
async fn quota(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let b = &p.ctx.thresholds.bedrock;
    let aws = p.ctx.aws().await?;
    let found = quotas::bedrock_model(aws, &b.quota_model_name).await?;
    let limit = Limit::both(b.quota_warn_ratio, 1.0, Cmp::AtLeast, Unit::Ratio);
    if found.is_empty() {
        return Ok(k
            .row(
                Status::Warn,
                format!(
                    "Service Quotas lists no per-minute quota for {}: the headroom cannot be judged \
                     (is `[thresholds.bedrock] quota_model_name` the model's name in the console?)",
                    b.quota_model_name
                ),
            )
            .with_threshold(limit.describe()));
    }
    let (requests, input, output) = tokio::try_join!(
        p.series(bedrock("Invocations"), Stat::Sum, 60),
        p.series(bedrock("InputTokenCount"), Stat::Sum, 60),
        p.series(bedrock("OutputTokenCount"), Stat::Sum, 60),
    )?;
    // Without the model's invocations the busiest minute is unknown, not zero.
    let Some(peak_requests) = metrics::max(&requests) else {
        return Ok(k.no_data(p, bedrock("Invocations"), &limit));
    };
    // Tokens per minute count input and output together.
    let mut tokens: std::collections::BTreeMap<jiff::Timestamp, f64> = Default::default();
    for point in input.iter().chain(&output) {
        *tokens.entry(point.at).or_default() += point.value;
    }
    let peak_tokens = tokens.values().copied().fold(0.0, f64::max);
    let mut worst = 0.0_f64;
    let parts: Vec<String> = found
        .iter()
        .map(|q| {
            let peak = match q.per_minute_of() {
                Some(PerMinute::Tokens) => peak_tokens,
                _ => peak_requests,
            };
            let share = if q.value > 0.0 {
                peak / q.value
            } else {
                f64::INFINITY
            };
            worst = worst.max(share);
            format!(
                "{}: peak {} of {}{} ({}%)",
                q.name,
                rounded(peak),
                rounded(q.value),
                if q.applied { "" } else { " (default)" },
                rounded(share * 100.0)
            )
        })
        .collect();
    let mut row = k.measured(worst, &limit, parts.join("; "));
    row.value = Some(format!("{}% at peak", rounded(worst * 100.0)));
    Ok(row)
}

/// May the function's execution role invoke the configured model?
async fn access(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let Some(f) = p.function(c).await? else {
        return Ok(k.row(
            Status::Critical,
            format!("{} does not exist", p.env.names.get(c)),
        ));
    };
    let b = &p.ctx.thresholds.bedrock;
    let model = format!(
        "arn:aws:bedrock:{}::foundation-model/{}",
        b.region, b.model_id
    );
    let action = "bedrock:InvokeModel";
    let aws = p.ctx.aws().await?;
    let (decision, method) = iam::decide(aws, &f.role, action, &model).await?;
    let how = match method {
        Method::Simulator => "IAM policy simulator",
        Method::RolePolicies => "the role's policies",
    };
    let role = iam::role_name(&f.role);
    let (status, message) = match decision {
        Decision::Allowed(by) => (
            Status::Ok,
            format!(
                "{role} may call {action} on {} ({})",
                b.model_id,
                by.join(", ")
            ),
        ),
        Decision::ExplicitDeny(by) => (
            Status::Critical,
            format!(
                "{role} is denied {action} on {} by {}: calls fail with AccessDeniedException",
                b.model_id,
                by.join(", ")
            ),
        ),
        Decision::ImplicitDeny => (
            Status::Critical,
            format!(
                "no policy of {role} allows {action} on {}: calls fail with AccessDeniedException \
                 (001 トラブルシューティング 5: IAMロールの権限を確認)",
                b.model_id
            ),
        ),
        Decision::Conditional(by) => (
            Status::Warn,
            format!(
                "{role} may call {action} on {} only under a condition ({}): check it by hand",
                b.model_id,
                by.join(", ")
            ),
        ),
    };
    Ok(k.row(status, format!("{message}; by {how}"))
        .with_value(match status {
            Status::Ok => "allowed",
            Status::Warn => "conditional",
            _ => "denied",
        })
        .with_threshold(format!("{action} allowed")))
}

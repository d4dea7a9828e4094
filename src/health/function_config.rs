//! Drift of a function's deployed configuration from the guides: reserved concurrency, memory
//! and timeout against the capacity tables (000 スケーリング; 001 CloudWatch アラーム;
//! 002 キャパシティプランニング), and the Bedrock settings against the configuration
//! (001 デプロイ手順 / 環境変数の設定).

use super::check::Check;
use super::eval::Status;
use super::{Probe, Row};
use crate::error::Result;
use crate::scale::reserved_text;

/// The environment variables the guides name (001 環境変数の設定); no other variable is read.
pub const NAMED: &[&str] = &[
    "ENVIRONMENT",
    "BEDROCK_MODEL_ID",
    "BEDROCK_REGION",
    "BEDROCK_MAX_RETRIES",
    "BEDROCK_TIMEOUT_MS",
];

fn missing(k: &Check, p: &Probe<'_>) -> Row {
    let function = p.env.names.get(k.component());
    k.row(
        Status::Critical,
        format!("the function {function} does not exist"),
    )
}

fn opt(v: Option<i32>, unit: &str) -> String {
    v.map(|v| format!("{v}{unit}"))
        .unwrap_or_else(|| "-".into())
}

pub async fn settings(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let Some(f) = p.function(c).await? else {
        return Ok(missing(k, p));
    };
    let live = format!(
        "reserved {}, {}, {}",
        reserved_text(f.reserved),
        opt(f.memory_mb, " MB"),
        opt(f.timeout_secs, " s")
    );
    let Some(cap) = p.ctx.thresholds.scaling.capacity(c.id()) else {
        return Ok(k
            .row(
                Status::Ok,
                "the guides set no capacity for this function; shown for reference",
            )
            .with_value(live));
    };
    let mut findings = Vec::new();
    let max = cap.reserved_max.or(cap.reserved_target).or(cap.reserved);
    match (cap.reserved, f.reserved) {
        (Some(guide), None) => findings.push(format!(
            "no reserved concurrency (the guide reserves {guide}): it shares the account's pool, \
             where a burst elsewhere can starve it"
        )),
        (Some(_), Some(0)) => {
            findings.push("reserved concurrency 0: the function is stopped (`scale resume`)".into())
        }
        (Some(guide), Some(r)) if r < guide => {
            findings.push(format!("reserved {r}, below the guide's {guide}"))
        }
        (Some(_), Some(r)) if max.is_some_and(|m| r > m) => findings.push(format!(
            "reserved {r}, above the guide's maximum {}",
            max.unwrap_or_default()
        )),
        _ => {}
    }
    if let Some(guide) = cap.memory_mb
        && f.memory_mb != Some(guide)
    {
        findings.push(format!(
            "memory {} (guide: {guide} MB)",
            opt(f.memory_mb, " MB")
        ));
    }
    if let Some(guide) = cap.timeout_secs
        && f.timeout_secs != Some(guide)
    {
        findings.push(format!(
            "timeout {} (guide: {guide} s)",
            opt(f.timeout_secs, " s")
        ));
    }
    let guide = format!(
        "reserved {}, {}, {}",
        cap.reserved_text().unwrap_or_else(|| "-".into()),
        opt(cap.memory_mb, " MB"),
        opt(cap.timeout_secs, " s")
    );
    let (status, message) = if findings.is_empty() {
        (Status::Ok, "as the guides set it".to_string())
    } else {
        (Status::Warn, findings.join("; "))
    };
    Ok(Row::new(&k.name, &cap.source, status, message)
        .with_value(live)
        .with_threshold(guide))
}

/// A deployed value as a table shows it: long values cut, so a row stays readable.
fn shown(v: &str) -> String {
    const MAX: usize = 60;
    if v.chars().count() > MAX {
        format!("{}…", v.chars().take(MAX).collect::<String>())
    } else {
        v.to_string()
    }
}

pub async fn environment(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let c = k.component();
    let Some(f) = p.function(c).await? else {
        return Ok(missing(k, p));
    };
    let b = &p.ctx.thresholds.bedrock;
    let expected = [
        ("ENVIRONMENT", p.env.name.to_string()),
        ("BEDROCK_MODEL_ID", b.model_id.clone()),
        ("BEDROCK_REGION", b.region.clone()),
        ("BEDROCK_MAX_RETRIES", b.max_retries.to_string()),
        ("BEDROCK_TIMEOUT_MS", b.timeout_ms.to_string()),
    ];
    let findings: Vec<String> = expected
        .iter()
        .filter_map(|(name, want)| match f.variables.get(*name) {
            Some(have) if have == want => None,
            Some(have) => Some(format!("{name} is {} (expected {want})", shown(have))),
            None => Some(format!("{name} is not set (expected {want})")),
        })
        .collect();
    let compact = |value: &dyn Fn(&str) -> String| {
        expected
            .iter()
            .map(|(name, _)| format!("{}={}", name.trim_start_matches("BEDROCK_"), value(name)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let live = compact(&|name| {
        f.variables
            .get(name)
            .map(|v| shown(v))
            .unwrap_or_else(|| "-".into())
    });
    let want = compact(&|name| {
        expected
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    });
    let (status, message) = if findings.is_empty() {
        (Status::Ok, format!("{} as configured", p.env.names.get(c)))
    } else {
        (Status::Warn, findings.join("; "))
    };
    Ok(k.row(status, message).with_value(live).with_threshold(want))
}

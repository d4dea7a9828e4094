//! Capacity: Lambda reserved and provisioned concurrency, memory and timeout, the emergency stop
//! and its undo, the Aurora Serverless v2 ACU range (000 スケーリング, 緊急時対応; 002
//! キャパシティプランニング). Every change is a dry run unless `--apply`, is validated before any
//! call, read back after it, and recorded in the audit trail.

mod db;
mod lambda;
mod recommend;
mod show;
mod stop;

pub use db::{DbOptions, DbReport, scale_db};
pub use lambda::{LambdaChange, LambdaReport, scale_lambda};
pub use recommend::{RecommendReport, recommend};
pub use show::{ShowReport, show};
pub use stop::{StopReport, resume, stop};

use crate::config::{Component, Environment};
use crate::context::Context;
use crate::error::{Error, Result, aws_err};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Tone};
use serde::Serialize;
use std::collections::HashMap;

/// AWS Lambda's limits, checked before any call (Lambda quotas: memory 128–10,240 MB, timeout
/// 1–900 s).
pub const MEMORY_MB: std::ops::RangeInclusive<i32> = 128..=10_240;
pub const TIMEOUT_SECS: std::ops::RangeInclusive<i32> = 1..=900;

/// One function named on the command line: a component id (`ai-processor`) or a function name.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub function: String,
    pub component: Option<&'static str>,
}

pub fn target(env: &Environment, arg: &str) -> Result<Target> {
    if let Some(c) = Component::from_id(arg).filter(|c| Component::functions().any(|f| f == *c)) {
        return Ok(Target {
            function: env.names.get(c).to_string(),
            component: Some(c.id()),
        });
    }
    if let Some(c) = env.names.function_by_name(arg) {
        return Ok(Target {
            function: arg.to_string(),
            component: Some(c.id()),
        });
    }
    let ids: Vec<&str> = Component::functions().map(|c| c.id()).collect();
    Err(Error::usage(format!(
        "`{arg}` is not a function of the {} environment",
        env.name
    ))
    .with_hint(format!(
        "name a component ({}) or its function name",
        ids.join(", ")
    )))
}

pub fn targets(env: &Environment, args: &[String]) -> Result<Vec<Target>> {
    let mut out: Vec<Target> = Vec::new();
    for a in args {
        let t = target(env, a)?;
        if !out.iter().any(|o| o.function == t.function) {
            out.push(t);
        }
    }
    Ok(out)
}

/// Held while functions' settings are read and changed, so two runs never plan from the same
/// reading.
pub async fn lock_functions(ctx: &Context, functions: &[&str]) -> Result<crate::locks::Held> {
    crate::locks::hold(
        ctx,
        functions.iter().map(|f| format!("scale-{f}")).collect(),
    )
    .await
}

/// A function's settings as Lambda reports them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    pub memory_mb: Option<i32>,
    pub timeout_secs: Option<i32>,
    /// `None`: no reserved concurrency (the function draws on the account's pool).
    pub reserved: Option<i32>,
    #[serde(skip)]
    pub arn: String,
    #[serde(skip)]
    pub tags: HashMap<String, String>,
}

/// GetFunction for memory, timeout and tags; GetFunctionConcurrency for the reserved value,
/// which GetFunction leaves out when it is 0. `None` when the function does not exist.
pub async fn find(aws: &crate::aws::Clients, function: &str) -> Result<Option<Settings>> {
    let doing = format!("reading {function}");
    let (f, c) = tokio::join!(
        crate::aws::lambda::get_function(aws, function),
        aws.lambda
            .get_function_concurrency()
            .function_name(function)
            .send()
    );
    let Some(f) = f? else {
        return Ok(None);
    };
    let c = c.map_err(aws_err("Lambda", "GetFunctionConcurrency", doing))?;
    let conf = f.configuration();
    Ok(Some(Settings {
        memory_mb: conf.and_then(|c| c.memory_size()),
        timeout_secs: conf.and_then(|c| c.timeout()),
        reserved: c.reserved_concurrent_executions(),
        arn: conf
            .and_then(|c| c.function_arn())
            .unwrap_or_default()
            .to_string(),
        tags: f.tags().cloned().unwrap_or_default(),
    }))
}

/// Like [`find`], for a function that must exist.
pub async fn read(aws: &crate::aws::Clients, function: &str) -> Result<Settings> {
    find(aws, function).await?.ok_or_else(|| {
        Error::failed(format!("the Lambda function {function} does not exist"))
            .with_hint("check the function name for this environment (`mandala-ops config show`)")
    })
}

pub fn reserved_text(r: Option<i32>) -> String {
    match r {
        None => "unreserved".into(),
        Some(0) => "0 (stopped)".into(),
        Some(n) => n.to_string(),
    }
}

pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// What a change did not read back as set, and where it was audited: the notes every scale
/// report ends with.
fn outcome_notes(doc: &mut Doc, mismatches: &[String], audit: &[String]) {
    for m in mismatches {
        doc.note(Tone::Bad, format!("not as set: {m}"));
    }
    if !audit.is_empty() {
        doc.note(Tone::Dim, format!("audit: {}", audit.join(", ")));
    }
}

fn dry_run_note(doc: &mut Doc) {
    doc.note(
        Tone::Warn,
        "dry run: nothing was changed; run again with --apply",
    );
}

/// Critical when a setting did not read back as set.
fn verified_status(mismatches: &[String]) -> ExitStatus {
    if mismatches.is_empty() {
        ExitStatus::Ok
    } else {
        ExitStatus::Critical
    }
}

/// `before → after`, marked when it changes.
pub fn change_cell(before: &str, after: &str) -> Cell {
    if before == after {
        Cell::toned(before, Tone::Dim)
    } else {
        Cell::toned(format!("{before} → {after}"), Tone::Warn)
    }
}

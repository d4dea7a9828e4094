//! `scale show`: every function's capacity settings next to the guides' values, and the
//! Aurora ACU range (002 キャパシティプランニング; 000 スケーリング).

use super::{Settings, find, opt, reserved_text};
use crate::aws::rds::{acu_range, describe_cluster};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Cell, Doc, Render, Table, Tone, rounded};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct FunctionRow {
    pub component: &'static str,
    pub function: String,
    /// `None` when the function does not exist.
    pub settings: Option<Settings>,
    /// Provisioned concurrency allocated over all versions and aliases; `None` when unknown.
    pub provisioned: Option<i32>,
    pub guide_reserved: Option<String>,
    pub guide_memory_mb: Option<i32>,
    pub guide_timeout_secs: Option<i32>,
    pub source: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ShowReport {
    pub functions: Vec<FunctionRow>,
    pub cluster: String,
    pub acu_range: Option<(f64, f64)>,
    pub guide_acu_range: (f64, f64),
    pub notes: Vec<String>,
}

/// Provisioned concurrency allocated to any version or alias; `Ok(None)` where the endpoint
/// lacks the API.
async fn provisioned(aws: &crate::aws::Clients, function: &str) -> Result<Option<i32>> {
    let mut pages = aws
        .lambda
        .list_provisioned_concurrency_configs()
        .function_name(function)
        .into_paginator()
        .send();
    let mut total = 0;
    while let Some(page) = pages.next().await {
        match page {
            Ok(p) => {
                total += p
                    .provisioned_concurrency_configs()
                    .iter()
                    .filter_map(|c| c.allocated_provisioned_concurrent_executions())
                    .sum::<i32>()
            }
            Err(e) => {
                return match Error::aws(
                    "Lambda",
                    "ListProvisionedConcurrencyConfigs",
                    &format!("reading the provisioned concurrency of {function}"),
                    e,
                ) {
                    Error::Unsupported { .. } => Ok(None),
                    other => Err(other),
                };
            }
        }
    }
    Ok(Some(total))
}

pub async fn show(ctx: &Context) -> Result<ShowReport> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let scaling = &ctx.thresholds.scaling;
    let rows = futures::future::try_join_all(Component::functions().map(|c| async move {
        let function = env.names.get(c).to_string();
        let cap = scaling.capacity(c.id());
        let settings = find(aws, &function).await?;
        let provisioned = match settings {
            Some(_) => provisioned(aws, &function).await?,
            None => None,
        };
        let guide_reserved = cap.and_then(|c| c.reserved_text());
        Ok::<_, Error>(FunctionRow {
            component: c.id(),
            function,
            settings,
            provisioned,
            guide_reserved,
            guide_memory_mb: cap.and_then(|c| c.memory_mb),
            guide_timeout_secs: cap.and_then(|c| c.timeout_secs),
            source: cap.map(|c| c.source.clone()),
        })
    }));
    let cluster_id = env.names.get(Component::AuroraCluster).to_string();
    let (functions, cluster) = tokio::try_join!(rows, describe_cluster(aws, &cluster_id))?;
    let mut notes = Vec::new();
    if functions
        .iter()
        .any(|f| f.settings.is_some() && f.provisioned.is_none())
    {
        notes.push("provisioned concurrency: this endpoint does not implement the API (the local emulator lacks it)".into());
    }
    if cluster.is_none() {
        notes.push(format!("the Aurora cluster {cluster_id} does not exist"));
    }
    Ok(ShowReport {
        functions,
        acu_range: cluster.as_ref().and_then(acu_range),
        cluster: cluster_id,
        guide_acu_range: (scaling.aurora_min_acu, scaling.aurora_max_acu),
        notes,
    })
}

/// The value, marked when the guide names a different one.
fn against(value: Option<i32>, guide: Option<i32>) -> Cell {
    match (value, guide) {
        (Some(v), Some(g)) if v != g => Cell::toned(v.to_string(), Tone::Warn),
        (v, _) => Cell::new(opt(v)),
    }
}

impl Render for ShowReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading("Lambda capacity");
        let mut t = Table::new([
            "component",
            "function",
            "reserved",
            "provisioned",
            "memory MB",
            "timeout s",
            "guide: reserved / memory / timeout",
        ]);
        for f in &self.functions {
            let guide = format!(
                "{} / {} / {}",
                f.guide_reserved.as_deref().unwrap_or("-"),
                opt(f.guide_memory_mb),
                opt(f.guide_timeout_secs)
            );
            match &f.settings {
                Some(s) => t.row([
                    Cell::new(f.component),
                    Cell::new(&f.function),
                    match s.reserved {
                        Some(0) => Cell::toned(reserved_text(s.reserved), Tone::Bad),
                        r => Cell::new(reserved_text(r)),
                    },
                    Cell::new(
                        f.provisioned
                            .map(|p| p.to_string())
                            .unwrap_or_else(|| "n/a".into()),
                    ),
                    against(s.memory_mb, f.guide_memory_mb),
                    against(s.timeout_secs, f.guide_timeout_secs),
                    Cell::new(guide),
                ]),
                None => t.row([
                    Cell::new(f.component),
                    Cell::new(&f.function),
                    Cell::toned("missing", Tone::Bad),
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(guide),
                ]),
            }
        }
        doc.table(t);
        let range = |r: (f64, f64)| format!("{}-{} ACU", rounded(r.0), rounded(r.1));
        doc.heading("Aurora Serverless v2");
        doc.fields([
            ("cluster", Cell::new(&self.cluster)),
            (
                "ACU range",
                Cell::new(self.acu_range.map(range).unwrap_or_else(|| "-".into())),
            ),
            ("guide", Cell::new(range(self.guide_acu_range))),
        ]);
        for n in &self.notes {
            doc.note(Tone::Dim, n);
        }
    }
}

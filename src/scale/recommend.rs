//! `scale recommend`: settings the guides' rules call for, each with the evidence behind it.
//! Reserved concurrency = peak ConcurrentExecutions × 1.5 (000 同時実行数の調整: ピーク時の1.5倍
//! 程度); more memory when memory use or duration crosses the guide's line (000 メモリサイズの
//! 調整: p95 > 25秒, メモリ使用率 80%以上), read from Lambda's REPORT lines.

use super::{MEMORY_MB, find};
use crate::aws::metrics::{self, Metric, Stat};
use crate::aws::metrics::{Dimension, Namespace};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::insights::query::{self, RunOptions};
use crate::insights::results;
use crate::output::{Cell, Doc, Render, Table, Tone, rounded};
use crate::time::RangeSpec;
use serde::Serialize;
use std::time::Duration;

/// What the REPORT lines of one function say.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Usage {
    pub invocations: u64,
    pub p95_duration_ms: Option<f64>,
    pub max_memory_pct: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Evidence {
    pub component: &'static str,
    pub function: String,
    pub reserved: Option<i32>,
    pub memory_mb: Option<i32>,
    pub peak_concurrency: Option<f64>,
    pub usage: Usage,
}

#[derive(Debug, Serialize)]
pub struct Recommendation {
    pub component: &'static str,
    pub setting: &'static str,
    pub current: String,
    pub recommended: String,
    pub evidence: String,
    pub source: &'static str,
    pub command: String,
}

#[derive(Debug, Serialize)]
pub struct RecommendReport {
    pub since: String,
    pub evidence: Vec<Evidence>,
    pub recommendations: Vec<Recommendation>,
    pub notes: Vec<String>,
}

/// Lambda's REPORT lines per log group, over every function at once.
const USAGE_QUERY: &str = "filter @type = \"REPORT\" \
    | stats count(*) as invocations, pct(@duration, 95) as p95_ms, \
      max(@maxMemoryUsed * 100 / @memorySize) as memory_pct by @log";

/// The duration line of a function, where a guide draws one.
fn duration_limit(ctx: &Context, c: Component) -> Option<(f64, &'static str)> {
    let t = &ctx.thresholds;
    match c {
        // 000 メモリサイズの調整: 処理時間が長い（p95 > 25秒）.
        Component::TaskGeneration => Some((
            t.lambda.task_generation_p95_warn_ms,
            "000 メモリサイズの調整",
        )),
        // 001 CloudWatch アラーム: 平均実行時間が60秒以上.
        Component::AiProcessor => Some((
            t.lambda.ai_processor_avg_duration_ms,
            "001 CloudWatch アラーム",
        )),
        // 002 主要メトリクス: ProcessingDuration > 300000.
        Component::AiGenerationWorker => Some((
            t.async_processing.processing_duration_ms,
            "002 主要メトリクス",
        )),
        _ => None,
    }
}

/// The rules, on gathered evidence.
pub fn rules(ctx: &Context, c: Component, e: &Evidence) -> Vec<Recommendation> {
    let mut out = Vec::new();
    let s = &ctx.thresholds.scaling;
    let cap = s.capacity(c.id());
    if let (Some(peak), Some(current)) = (e.peak_concurrency, e.reserved)
        && peak > 0.0
    {
        let want = (peak * s.reserved_headroom).ceil() as i32;
        if want > current {
            let ceiling = cap.and_then(|c| c.reserved_max);
            let capped = ceiling.map_or(want, |m| want.min(m));
            out.push(Recommendation {
                component: c.id(),
                setting: "reserved",
                current: current.to_string(),
                recommended: capped.to_string(),
                evidence: format!(
                    "peak ConcurrentExecutions {} × {}{}",
                    rounded(peak),
                    rounded(s.reserved_headroom),
                    ceiling
                        .filter(|m| want > *m)
                        .map(|m| format!(" = {want}, capped at the guide's maximum {m}"))
                        .unwrap_or_default()
                ),
                source: "000 同時実行数の調整",
                command: format!("mandala-ops scale lambda {} --reserved {capped}", c.id()),
            });
        }
    }
    if let Some(memory) = e.memory_mb {
        let mut why = Vec::new();
        let mut source = "000 メモリサイズの調整";
        if let Some(pct) = e.usage.max_memory_pct
            && pct >= ctx.thresholds.lambda.memory_use_warn_pct
        {
            why.push(format!(
                "max memory use {}% ≥ {}%",
                rounded(pct.round()),
                rounded(ctx.thresholds.lambda.memory_use_warn_pct)
            ));
        }
        if let (Some(p95), Some((limit, src))) = (e.usage.p95_duration_ms, duration_limit(ctx, c))
            && p95 > limit
        {
            why.push(format!(
                "p95 duration {} ms > {} ms",
                rounded(p95.round()),
                rounded(limit)
            ));
            if why.len() == 1 {
                source = src;
            }
        }
        let doubled = (memory * 2).min(*MEMORY_MB.end());
        if !why.is_empty() && doubled > memory {
            out.push(Recommendation {
                component: c.id(),
                setting: "memory (MB)",
                current: memory.to_string(),
                recommended: doubled.to_string(),
                evidence: format!(
                    "{} over {} invocations",
                    why.join("; "),
                    e.usage.invocations
                ),
                source,
                command: format!("mandala-ops scale lambda {} --memory {doubled}", c.id()),
            });
        }
    }
    out
}

/// REPORT-line usage per function, through the query runner (the local engine in the sandbox).
async fn usage(ctx: &Context, since: Duration) -> Result<Vec<(String, Usage)>> {
    let lib = query::library(ctx)?;
    let report = query::run(
        ctx,
        &lib,
        RunOptions {
            text: Some(USAGE_QUERY.into()),
            range: RangeSpec::Since(since),
            log_groups: Component::functions().map(|c| c.id().to_string()).collect(),
            limit: Some(100),
            ..Default::default()
        },
    )
    .await?;
    Ok(report
        .rows
        .iter()
        .filter_map(|r| {
            let group = r.get("@log").map(results::text)?;
            Some((
                group,
                Usage {
                    invocations: r
                        .get("invocations")
                        .and_then(results::number)
                        .unwrap_or(0.0) as u64,
                    p95_duration_ms: r.get("p95_ms").and_then(results::number),
                    max_memory_pct: r.get("memory_pct").and_then(results::number),
                },
            ))
        })
        .collect())
}

pub async fn recommend(ctx: &Context, since: Duration) -> Result<RecommendReport> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let end = jiff::Timestamp::now();
    let start = crate::time::before(end, since, "--since")?;
    let mut notes = Vec::new();
    let usage = match usage(ctx, since).await {
        Ok(u) => u,
        Err(e) => {
            notes.push(format!("no memory or duration evidence: {e}"));
            Vec::new()
        }
    };
    let gathered = futures::future::try_join_all(Component::functions().map(|c| {
        let usage = &usage;
        async move {
            let function = env.names.get(c).to_string();
            let metric = Metric::new(
                Namespace::Lambda,
                "ConcurrentExecutions",
                Dimension::Function(c),
            );
            let (settings, points) = tokio::try_join!(
                find(aws, &function),
                metrics::series(aws, env, metric, Stat::Maximum, start, end, 3600)
            )?;
            // CloudWatch names the group `account:group`; the local engine the group alone.
            let group = env.names.log_group(c);
            let usage = usage
                .iter()
                .find(|(g, _)| g == &group || g.ends_with(&format!(":{group}")))
                .map(|(_, u)| u.clone())
                .unwrap_or_default();
            Ok::<_, Error>((
                c,
                Evidence {
                    component: c.id(),
                    function,
                    reserved: settings.as_ref().and_then(|s| s.reserved),
                    memory_mb: settings.as_ref().and_then(|s| s.memory_mb),
                    peak_concurrency: metrics::max(&points),
                    usage,
                },
            ))
        }
    }))
    .await?;
    let recommendations = gathered
        .iter()
        .flat_map(|(c, e)| rules(ctx, *c, e))
        .collect();
    Ok(RecommendReport {
        since: crate::time::format_duration(since),
        evidence: gathered.into_iter().map(|(_, e)| e).collect(),
        recommendations,
        notes,
    })
}

impl Render for RecommendReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("Recommendations (last {})", self.since));
        if self.recommendations.is_empty() {
            doc.note(
                Tone::Good,
                "every function is within the guides' lines; nothing to change",
            );
        } else {
            let mut t = Table::new([
                "component",
                "setting",
                "change",
                "evidence",
                "source",
                "command",
            ]);
            for r in &self.recommendations {
                t.row([
                    Cell::new(r.component),
                    Cell::new(r.setting),
                    Cell::toned(format!("{} → {}", r.current, r.recommended), Tone::Warn),
                    Cell::new(&r.evidence),
                    Cell::new(r.source),
                    Cell::new(&r.command),
                ]);
            }
            doc.table(t);
        }
        doc.heading("Evidence");
        let mut t = Table::new([
            "component",
            "reserved",
            "peak concurrency",
            "memory MB",
            "max memory %",
            "p95 ms",
            "invocations",
        ]);
        let num = |v: Option<f64>| v.map(|v| rounded(v.round())).unwrap_or_else(|| "-".into());
        for e in &self.evidence {
            t.row([
                Cell::new(e.component),
                Cell::new(super::reserved_text(e.reserved)),
                Cell::new(num(e.peak_concurrency)),
                Cell::new(super::opt(e.memory_mb)),
                Cell::new(num(e.usage.max_memory_pct)),
                Cell::new(num(e.usage.p95_duration_ms)),
                Cell::new(e.usage.invocations.to_string()),
            ]);
        }
        doc.table(t);
        for n in &self.notes {
            doc.note(Tone::Dim, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EnvName;

    fn evidence(reserved: Option<i32>, memory: i32, peak: Option<f64>, usage: Usage) -> Evidence {
        Evidence {
            component: "x",
            function: "f".into(),
            reserved,
            memory_mb: Some(memory),
            peak_concurrency: peak,
            usage,
        }
    }

    #[test]
    fn the_guides_rules() {
        let ctx = Context::for_tests(EnvName::Prod, crate::testkit::Mocks::default().clients());
        // Peak 9 × 1.5 = 13.5 → 14 over a reservation of 10.
        let r = rules(
            &ctx,
            Component::TaskGeneration,
            &evidence(Some(10), 1024, Some(9.0), Usage::default()),
        );
        assert_eq!((r.len(), r[0].recommended.as_str()), (1, "14"));
        // Room enough, or no data: nothing.
        assert!(
            rules(
                &ctx,
                Component::TaskGeneration,
                &evidence(Some(20), 1024, Some(9.0), Usage::default())
            )
            .is_empty()
        );
        assert!(
            rules(
                &ctx,
                Component::TaskGeneration,
                &evidence(Some(10), 1024, None, Usage::default())
            )
            .is_empty()
        );
        // The worker's guide maximum caps the recommendation (002: 上限 100).
        let r = rules(
            &ctx,
            Component::AiGenerationWorker,
            &evidence(Some(10), 1024, Some(90.0), Usage::default()),
        );
        assert_eq!(r[0].recommended, "100");
        assert!(r[0].evidence.contains("capped"));
        // p95 over 25 s on task generation doubles memory; 79% memory use alone does not.
        let slow = Usage {
            invocations: 10,
            p95_duration_ms: Some(26_000.0),
            max_memory_pct: Some(79.0),
        };
        let r = rules(
            &ctx,
            Component::TaskGeneration,
            &evidence(Some(20), 1024, Some(1.0), slow),
        );
        assert_eq!(
            (r[0].setting, r[0].recommended.as_str()),
            ("memory (MB)", "2048")
        );
        let fine = Usage {
            invocations: 10,
            p95_duration_ms: Some(24_000.0),
            max_memory_pct: Some(79.0),
        };
        assert!(
            rules(
                &ctx,
                Component::TaskGeneration,
                &evidence(Some(20), 1024, Some(1.0), fine)
            )
            .is_empty()
        );
        // Never past Lambda's 10,240 MB.
        let full = Usage {
            invocations: 1,
            p95_duration_ms: None,
            max_memory_pct: Some(95.0),
        };
        assert!(
            rules(
                &ctx,
                Component::Profile,
                &evidence(None, 10_240, None, full)
            )
            .is_empty()
        );
    }
}

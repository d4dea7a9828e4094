//! `scale db`: the Aurora Serverless v2 ACU range (000 スケーリング / Aurora Serverless V2の
//! スケーリング: 最小ACU = 0.5、最大ACU = 2; serverlessV2MinCapacity / MaxCapacity).

use super::change_cell;
use crate::audit::{self, Entry};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result, aws_err};
use crate::exit::ExitStatus;
use crate::output::{Doc, Render, Table, Tone, rounded};
use aws_sdk_rds::types::{DbCluster, ServerlessV2ScalingConfiguration};
use serde::Serialize;

/// Aurora Serverless v2's capacity limits, in half-ACU steps.
pub const MIN_ACU: f64 = 0.5;
pub const MAX_ACU: f64 = 256.0;

#[derive(Debug, Clone)]
pub struct DbOptions {
    pub min_acu: f64,
    pub max_acu: f64,
    pub apply: bool,
}

#[derive(Debug, Serialize)]
pub struct DbReport {
    pub cluster: String,
    pub applied: bool,
    pub before: Option<(f64, f64)>,
    pub after: (f64, f64),
    pub verified: Option<(f64, f64)>,
    /// The guide's range (000 Aurora Serverless V2のスケーリング).
    pub guide: (f64, f64),
    pub audit: Vec<String>,
}

pub fn validate(min: f64, max: f64) -> Result<()> {
    let half = |v: f64| (v * 2.0).fract() == 0.0;
    for (flag, v) in [("--min-acu", min), ("--max-acu", max)] {
        if !v.is_finite() || !(MIN_ACU..=MAX_ACU).contains(&v) {
            return Err(Error::usage(format!(
                "{flag} {v} is outside Aurora Serverless v2's range {MIN_ACU}-{MAX_ACU} ACU"
            )));
        }
        if !half(v) {
            return Err(Error::usage(format!(
                "{flag} {v} is not a multiple of 0.5 ACU"
            )));
        }
    }
    if min > max {
        return Err(Error::usage(format!(
            "--min-acu {min} is more than --max-acu {max}"
        )));
    }
    Ok(())
}

async fn existing(ctx: &Context, id: &str) -> Result<DbCluster> {
    crate::aws::rds::describe_cluster(ctx.aws().await?, id)
        .await?
        .ok_or_else(|| {
            Error::failed(format!("the Aurora cluster {id} does not exist")).with_hint(
                "check the cluster name for this environment (`mandala-ops config show`)",
            )
        })
}

pub async fn scale_db(ctx: &Context, opts: &DbOptions) -> Result<DbReport> {
    validate(opts.min_acu, opts.max_acu)?;
    let env = ctx.env()?;
    let id = env.names.get(Component::AuroraCluster).to_string();
    let cluster = existing(ctx, &id).await?;
    let t = &ctx.thresholds.scaling;
    let mut report = DbReport {
        cluster: id.clone(),
        applied: false,
        before: crate::aws::rds::acu_range(&cluster),
        after: (opts.min_acu, opts.max_acu),
        verified: None,
        guide: (t.aurora_min_acu, t.aurora_max_acu),
        audit: Vec::new(),
    };
    if !opts.apply || report.before == Some(report.after) {
        return Ok(report);
    }
    report.audit = audit::record_outside(
        ctx,
        &[Entry {
            run_id: uuid::Uuid::new_v4(),
            operator: ctx.operator.clone(),
            command: "scale db".into(),
            target: "rds-cluster".into(),
            target_id: id.clone(),
            action: "set-acu-range".into(),
            reason: "requested on the command line".into(),
            before: Some(serde_json::json!(report.before)),
            after: Some(serde_json::json!(report.after)),
        }],
    )
    .await?;
    ctx.aws()
        .await?
        .rds
        .modify_db_cluster()
        .db_cluster_identifier(&id)
        .serverless_v2_scaling_configuration(
            ServerlessV2ScalingConfiguration::builder()
                .min_capacity(opts.min_acu)
                .max_capacity(opts.max_acu)
                .build(),
        )
        .apply_immediately(true)
        .send()
        .await
        .map_err(aws_err(
            "RDS",
            "ModifyDBCluster",
            format!("setting the ACU range of {id}"),
        ))?;
    report.applied = true;
    report.verified = crate::aws::rds::acu_range(&existing(ctx, &id).await?);
    Ok(report)
}

fn range_text(r: Option<(f64, f64)>) -> String {
    r.map(|(a, b)| format!("{}-{} ACU", rounded(a), rounded(b)))
        .unwrap_or_else(|| "not Serverless v2".into())
}

impl Render for DbReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("scale db {}", self.cluster));
        let mut t = Table::new(["setting", "change", "verified", "guide"]);
        t.row([
            "ACU range".into(),
            change_cell(&range_text(self.before), &range_text(Some(self.after))),
            self.verified
                .map(|v| range_text(Some(v)))
                .unwrap_or_default()
                .into(),
            range_text(Some(self.guide)).into(),
        ]);
        doc.table(t);
        super::outcome_notes(doc, &[], &self.audit);
        if self.applied && self.verified != Some(self.after) {
            doc.note(Tone::Bad, "the cluster does not report the new range");
        } else if self.before == Some(self.after) {
            doc.note(Tone::Good, "already as asked; nothing to change");
        } else if !self.applied {
            super::dry_run_note(doc);
        }
    }

    fn status(&self) -> ExitStatus {
        if self.applied && self.verified != Some(self.after) {
            ExitStatus::Critical
        } else {
            ExitStatus::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::validate;

    #[test]
    fn acu_ranges() {
        validate(0.5, 2.0).unwrap();
        validate(1.0, 256.0).unwrap();
        validate(4.5, 4.5).unwrap();
        for (min, max) in [
            (0.0, 2.0),
            (0.5, 256.5),
            (0.75, 2.0),
            (4.0, 2.0),
            (f64::NAN, 2.0),
        ] {
            assert!(validate(min, max).is_err(), "{min}-{max}");
        }
    }
}

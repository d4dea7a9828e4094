//! Aurora Serverless v2: cluster and instance status, capacity range and use
//! (000 スケーリング / Aurora Serverless V2のスケーリング).

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::aws::metrics::{self, Dimension, Metric, Namespace, Stat};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::{Result, aws_err};
use crate::output::rounded;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new("aurora.cluster", s::AURORA, Order::Describe, run!(cluster)),
        Check::new(
            "aurora.capacity",
            s::AURORA,
            Order::Describe,
            run!(capacity),
        ),
    ]
}

fn cluster_status(status: &str) -> Status {
    match status {
        "available" => Status::Ok,
        "failed"
        | "inaccessible-encryption-credentials"
        | "inaccessible-encryption-credentials-recoverable"
        | "incompatible-parameters"
        | "incompatible-network"
        | "incompatible-restore"
        | "storage-full" => Status::Critical,
        _ => Status::Warn,
    }
}

async fn cluster(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let aws = p.ctx.aws().await?;
    let id = p.env.names.get(Component::AuroraCluster);
    let cluster = crate::aws::rds::describe_cluster(aws, id);
    let instances = async {
        aws.rds
            .describe_db_instances()
            .send()
            .await
            .map_err(aws_err(
                "RDS",
                "DescribeDBInstances",
                format!("reading the instances of {id}"),
            ))
    };
    let (cluster, instances) = tokio::try_join!(cluster, instances)?;
    let Some(cluster) = cluster else {
        return Ok(k.row(Status::Critical, format!("the cluster {id} does not exist")));
    };
    let status = cluster.status().unwrap_or("unknown").to_string();
    let members: Vec<(String, String)> = instances
        .db_instances()
        .iter()
        .filter(|i| i.db_cluster_identifier() == Some(id))
        .map(|i| {
            (
                i.db_instance_identifier().unwrap_or_default().to_string(),
                i.db_instance_status().unwrap_or("unknown").to_string(),
            )
        })
        .collect();
    let mut worst = cluster_status(&status);
    for (_, s) in &members {
        worst = worst.max(cluster_status(s));
    }
    if members.is_empty() {
        worst = worst.max(Status::Critical);
    }
    let detail = members
        .iter()
        .map(|(i, s)| format!("{i} {s}"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(k.row(
        worst,
        format!(
            "{id}: {}",
            if detail.is_empty() {
                "no instances".into()
            } else {
                detail
            }
        ),
    )
    .with_value(status)
    .with_threshold("available"))
}

async fn capacity(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let aws = p.ctx.aws().await?;
    let id = p.env.names.get(Component::AuroraCluster);
    let cluster = crate::aws::rds::describe_cluster(aws, id);
    let t = &p.ctx.thresholds.scaling;
    let window = p.window_secs();
    let m = |name| Metric::new(Namespace::Rds, name, Dimension::Cluster);
    let (cluster, capacity, cpu) = tokio::try_join!(
        cluster,
        p.series(m("ServerlessDatabaseCapacity"), Stat::Maximum, window),
        p.series(m("CPUUtilization"), Stat::Maximum, window),
    )?;
    let Some(cluster) = cluster else {
        return Ok(k.row(Status::Critical, format!("the cluster {id} does not exist")));
    };
    let range = crate::aws::rds::acu_range(&cluster);
    let (min, max) = (range.map(|r| r.0), range.map(|r| r.1));
    let peak = metrics::max(&capacity);
    let cpu = metrics::max(&cpu);
    let mut status = Status::Ok;
    let mut notes = Vec::new();
    if let (Some(peak), Some(max)) = (peak, max)
        && peak >= max
    {
        status = Status::Warn;
        notes.push(format!("capacity reached the {} ACU ceiling", rounded(max)));
    }
    if let Some(cpu) = cpu
        && cpu >= t.aurora_cpu_pct
    {
        status = Status::Warn;
        notes.push(format!("CPU {}%", rounded(cpu)));
    }
    let range_text = match (min, max) {
        (Some(a), Some(b)) => format!("{}-{} ACU", rounded(a), rounded(b)),
        _ => "not Serverless v2".into(),
    };
    if notes.is_empty() {
        notes.push(format!(
            "peak {} ACU",
            peak.map(rounded).unwrap_or_else(|| "-".into())
        ));
    }
    Ok(k.row(
        status,
        format!("{}; `scale db` changes the range", notes.join("; ")),
    )
    .with_value(range_text)
    .with_threshold(format!(
        "warn at the max ACU or CPU ≥ {}% (guide: {}-{} ACU)",
        rounded(t.aurora_cpu_pct),
        rounded(t.aurora_min_acu),
        rounded(t.aurora_max_acu)
    )))
}

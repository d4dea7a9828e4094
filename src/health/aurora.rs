//! Aurora Serverless v2: cluster and instance status, capacity range and use
//! (000 スケーリング / Aurora Serverless V2のスケーリング).

use super::check::{Check, Order, run};
use super::eval::{Cmp, Limit, Status, Unit};
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
        Check::new(
            "aurora.read-latency",
            s::DB_LATENCY,
            Order::Metrics,
            run!(read_latency),
        ),
        Check::new(
            "aurora.write-latency",
            s::DB_LATENCY,
            Order::Metrics,
            run!(write_latency),
        ),
        Check::new(
            "aurora.freeable-memory",
            s::DB_CONNECTION_ALERT,
            Order::Describe,
            run!(freeable_memory),
        ),
    ]
}

fn rds(name: &'static str) -> Metric {
    Metric::new(Namespace::Rds, name, Dimension::Cluster)
}

/// The worst five minutes of a latency metric (seconds, as RDS publishes it) against its limit.
async fn latency(
    p: &Probe<'_>,
    k: &Check,
    name: &'static str,
    warn_ms: f64,
    why: &str,
) -> Result<Row> {
    let limit = Limit::warn(warn_ms, Cmp::Above, Unit::Millis);
    let points = p.series(rds(name), Stat::Average, 300).await?;
    Ok(match metrics::max(&points) {
        Some(secs) => {
            let ms = secs * 1000.0;
            let message = if limit.evaluate(ms) == Status::Ok {
                "worst 5 minutes".to_string()
            } else {
                format!("worst 5 minutes: {why}")
            };
            k.measured(ms, &limit, message)
        }
        None => k.no_data(p, rds(name), &limit),
    })
}

async fn read_latency(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let warn = p.ctx.thresholds.database.read_latency_warn_ms;
    latency(
        p,
        k,
        "ReadLatency",
        warn,
        "reads this slow point at a missing index (`health --check database.index`)",
    )
    .await
}

async fn write_latency(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let warn = p.ctx.thresholds.database.write_latency_warn_ms;
    latency(
        p,
        k,
        "WriteLatency",
        warn,
        "writes this slow point at lock contention (`health --check database.waiting-locks`)",
    )
    .await
}

/// Aurora Serverless v2 gives each ACU about 2 GiB of memory (AWS: "Aurora Serverless v2
/// capacity").
const GIB_PER_ACU: f64 = 2.0;

async fn freeable_memory(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let share = p.ctx.thresholds.database.freeable_memory_min_share;
    let (cluster, points) = tokio::try_join!(
        p.cluster(),
        p.series(rds("FreeableMemory"), Stat::Minimum, p.window_secs()),
    )?;
    let Some(cluster) = cluster else {
        let id = p.env.names.get(Component::AuroraCluster);
        return Ok(k.row(Status::Critical, format!("the cluster {id} does not exist")));
    };
    let limit = Limit::warn(share, Cmp::Below, Unit::Ratio);
    let Some(min_bytes) = metrics::min(&points) else {
        return Ok(k.no_data(p, rds("FreeableMemory"), &limit));
    };
    let gib = min_bytes / (1024.0 * 1024.0 * 1024.0);
    let Some((_, max_acu)) = crate::aws::rds::acu_range(cluster) else {
        return Ok(k
            .row(Status::Ok, "not Serverless v2: no capacity to compare with")
            .with_value(format!("{} GiB free at least", rounded(gib))));
    };
    let capacity = max_acu * GIB_PER_ACU;
    let free = gib / capacity;
    Ok(k.row(
        limit.evaluate(free),
        format!(
            "the least free memory in the window, of {} GiB at {} ACU",
            rounded(capacity),
            rounded(max_acu)
        ),
    )
    .with_value(format!("{} GiB ({}%)", rounded(gib), rounded(free * 100.0)))
    .with_threshold(limit.describe()))
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

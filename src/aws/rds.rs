//! RDS lookups shared by `health` and `scale`: the Aurora cluster and its Serverless v2 range.

use super::Clients;
use crate::error::{Error, Result};
use aws_sdk_rds::types::DbCluster;

/// The cluster, or `None` when it does not exist.
pub async fn describe_cluster(aws: &Clients, id: &str) -> Result<Option<DbCluster>> {
    match aws
        .rds
        .describe_db_clusters()
        .db_cluster_identifier(id)
        .send()
        .await
    {
        Ok(out) => Ok(out.db_clusters().first().cloned()),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_db_cluster_not_found_fault()) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::aws(
            "RDS",
            "DescribeDBClusters",
            &format!("reading {id}"),
            e,
        )),
    }
}

/// The Serverless v2 capacity range (min, max ACU), when the cluster has one.
pub fn acu_range(c: &DbCluster) -> Option<(f64, f64)> {
    let r = c.serverless_v2_scaling_configuration()?;
    Some((r.min_capacity()?, r.max_capacity()?))
}

/// When the cluster's newest automated snapshot was taken (DescribeDBClusterSnapshots, all
/// pages); `None` when it has none.
pub async fn newest_automated_snapshot(aws: &Clients, id: &str) -> Result<Option<jiff::Timestamp>> {
    let mut pages = aws
        .rds
        .describe_db_cluster_snapshots()
        .db_cluster_identifier(id)
        .snapshot_type("automated")
        .into_paginator()
        .send();
    let mut newest = None;
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| {
            Error::aws(
                "RDS",
                "DescribeDBClusterSnapshots",
                &format!("listing the snapshots of {id}"),
                e,
            )
        })?;
        for s in page.db_cluster_snapshots() {
            let at = s.snapshot_create_time().and_then(super::to_timestamp);
            if at > newest {
                newest = at;
            }
        }
    }
    Ok(newest)
}

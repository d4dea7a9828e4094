//! S3: writes for kept evidence (each object carries its SHA-256 as metadata, so copying a
//! bundle again skips what the bucket already holds unchanged), and what the log archive holds.

use super::Clients;
use crate::error::{Result, aws_err};

/// Puts `bytes` at `key` unless the object there already has `sha256`; whether it was written.
pub async fn put_if_changed(
    aws: &Clients,
    bucket: &str,
    key: &str,
    bytes: Vec<u8>,
    sha256: &str,
) -> Result<bool> {
    let head = aws.s3.head_object().bucket(bucket).key(key).send().await;
    if let Ok(h) = &head
        && h.metadata()
            .and_then(|m| m.get("sha256"))
            .is_some_and(|held| held == sha256)
    {
        return Ok(false);
    }
    aws.s3
        .put_object()
        .bucket(bucket)
        .key(key)
        .metadata("sha256", sha256)
        .body(bytes.into())
        .send()
        .await
        .map_err(aws_err(
            "S3",
            "PutObject",
            format!("writing s3://{bucket}/{key}"),
        ))?;
    Ok(true)
}

/// The keys under `prefix` and their sizes, every page.
pub async fn list(aws: &Clients, bucket: &str, prefix: &str) -> Result<Vec<(String, i64)>> {
    let mut pages = aws
        .s3
        .list_objects_v2()
        .bucket(bucket)
        .prefix(prefix)
        .into_paginator()
        .send();
    let mut objects = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "S3",
            "ListObjectsV2",
            format!("listing s3://{bucket}/{prefix}"),
        ))?;
        for o in page.contents() {
            if let Some(key) = o.key() {
                objects.push((key.to_string(), o.size().unwrap_or(0)));
            }
        }
    }
    Ok(objects)
}

/// The object at `key`, as a stream of its bytes.
pub async fn get(
    aws: &Clients,
    bucket: &str,
    key: &str,
) -> Result<aws_sdk_s3::primitives::ByteStream> {
    Ok(aws
        .s3
        .get_object()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(aws_err(
            "S3",
            "GetObject",
            format!("reading s3://{bucket}/{key}"),
        ))?
        .body)
}

//! S3 writes for kept evidence: each object carries its SHA-256 as metadata, so copying a
//! bundle again skips what the bucket already holds unchanged.

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

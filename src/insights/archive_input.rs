//! `--local s3://bucket/prefix/`: the archive's export objects streamed through the local
//! engine, one after another, nothing written to disk. Under the layout `logs archive` writes
//! (`…/<component>/dt=YYYY-MM-DD/…`) only the range's days and the query's components are read.

use super::engine::{Input, Stream};
use crate::aws::{Clients, s3};
use crate::context::Context;
use crate::error::{Error, Result};
use jiff::civil::Date;
use std::io::Read;

/// Chunks in flight between the download and the engine.
const IN_FLIGHT: usize = 16;

pub fn is_url(path: &std::path::Path) -> bool {
    path.to_str().is_some_and(|p| p.starts_with("s3://"))
}

/// Whether the key is one the query reads: export data (not CloudWatch's write test), and under
/// the layout, of the days and components asked for.
fn wanted(key: &str, components: &[String], days: (Date, Date)) -> bool {
    if key.ends_with("aws-logs-write-test") || key.ends_with('/') {
        return false;
    }
    match crate::config::Archive::place(key) {
        Some((c, d)) => {
            (components.is_empty() || components.iter().any(|w| w == c))
                && d >= days.0
                && d <= days.1
        }
        None => true,
    }
}

/// The objects under `url` the query reads, as one input streamed from S3; and how many.
pub async fn input(
    ctx: &Context,
    url: &str,
    components: &[String],
    days: (Date, Date),
) -> Result<(Input, usize)> {
    let rest = url.trim_start_matches("s3://");
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    if !crate::config::is_bucket_name(bucket) {
        return Err(Error::usage(format!("`{url}` does not name an S3 bucket")));
    }
    let aws = ctx.aws().await?.clone();
    let keys: Vec<String> = s3::list(&aws, bucket, prefix)
        .await?
        .into_iter()
        .map(|(key, _)| key)
        .filter(|k| wanted(k, components, days))
        .collect();
    let count = keys.len();
    let (tx, rx) = tokio::sync::mpsc::channel(IN_FLIGHT);
    let bucket = bucket.to_string();
    tokio::spawn(download(aws, bucket, keys, tx));
    Ok((
        Input::Stream(Stream::new(
            url,
            Chunks {
                rx,
                chunk: Vec::new(),
                at: 0,
            },
        )),
        count,
    ))
}

/// Sends each object's lines in order, unzipped a MiB at a time (a small object may expand to
/// much, so it is never held whole) and ending with a line break (an export object need not end
/// with one, and the next object's first line must not join its last). An error ends the
/// stream with it.
async fn download(
    aws: Clients,
    bucket: String,
    keys: Vec<String>,
    tx: tokio::sync::mpsc::Sender<std::io::Result<Vec<u8>>>,
) {
    for key in keys {
        let bytes = match object(&aws, &bucket, &key).await {
            Ok(b) => b,
            Err(e) => {
                let _ = tx.send(Err(std::io::Error::other(e))).await;
                return;
            }
        };
        let mut reader: Box<dyn Read + Send> = if bytes.starts_with(&[0x1f, 0x8b]) {
            Box::new(flate2::read::MultiGzDecoder::new(std::io::Cursor::new(
                bytes,
            )))
        } else {
            Box::new(std::io::Cursor::new(bytes))
        };
        let mut last = b'\n';
        loop {
            let mut piece = vec![0; 1 << 20];
            let n = match reader.read(&mut piece) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    let e = std::io::Error::other(format!("s3://{bucket}/{key}: {e}"));
                    let _ = tx.send(Err(e)).await;
                    return;
                }
            };
            piece.truncate(n);
            last = piece[n - 1];
            if tx.send(Ok(piece)).await.is_err() {
                return;
            }
        }
        if last != b'\n' && tx.send(Ok(b"\n".to_vec())).await.is_err() {
            return;
        }
    }
}

/// One object's bytes as stored.
async fn object(aws: &Clients, bucket: &str, key: &str) -> std::result::Result<Vec<u8>, String> {
    let body = s3::get(aws, bucket, key).await.map_err(|e| e.to_string())?;
    Ok(body
        .collect()
        .await
        .map_err(|e| format!("s3://{bucket}/{key}: {e}"))?
        .into_bytes()
        .to_vec())
}

/// The downloaded lines as one reader, for the engine's blocking reader thread.
struct Chunks {
    rx: tokio::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    chunk: Vec<u8>,
    at: usize,
}

impl Read for Chunks {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.chunk.len() {
            match self.rx.blocking_recv() {
                Some(c) => {
                    self.chunk = c?;
                    self.at = 0;
                }
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_days_and_components_asked_for() {
        let days = ("2026-12-01".parse().unwrap(), "2026-12-03".parse().unwrap());
        let c = vec!["task-generation".to_string()];
        let key = |comp: &str, day: &str| format!("logs/prod/{comp}/dt={day}/abc/stream/000000.gz");
        assert!(wanted(&key("task-generation", "2026-12-02"), &c, days));
        assert!(!wanted(&key("task-generation", "2026-11-30"), &c, days));
        assert!(!wanted(&key("profile", "2026-12-02"), &c, days));
        assert!(wanted(&key("profile", "2026-12-02"), &[], days));
        assert!(!wanted(
            "logs/prod/task-generation/dt=2026-12-02/aws-logs-write-test",
            &c,
            days
        ));
        // Outside the layout, everything under the prefix.
        assert!(wanted("exports/2026/x.gz", &c, days));
    }
}

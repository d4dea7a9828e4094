//! `incident capture`: the incident's evidence kept before CloudWatch's retention runs it down
//! (ログの保全, 000 インシデント対応): every function's log events of the window as files the local
//! engine reads (`query run --local`), the timeline, the impact, a health snapshot, the audit
//! entries and the runbook transcripts, with secrets redacted and a manifest giving each file's
//! SHA-256. Each file is written whole (temporary file, then rename) and entered in the manifest;
//! a rerun keeps the files whose hash still matches and makes the rest, over the same window.

use super::{Incident, redact};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Table, Tone};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Events kept per log group; past it the manifest says the file is incomplete.
const EVENTS_PER_GROUP: usize = 1_000_000;
/// Affected processes kept whole (row, execution history, logs), most recently updated first.
const PROCESSES: i64 = 50;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub incident: String,
    pub environment: String,
    /// The window, fixed by the first capture so a rerun completes the same bundle.
    pub from: Timestamp,
    pub to: Timestamp,
    pub started_at: Timestamp,
    pub completed_at: Option<Timestamp>,
    pub files: Vec<File>,
    /// What could not be captured, each with why.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct File {
    /// Relative to the bundle's folder.
    pub path: String,
    pub what: String,
    pub bytes: u64,
    pub sha256: String,
}

/// Where `--to` copies the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct S3Target {
    pub bucket: String,
    /// Key prefix, without slashes at either end; empty for the bucket's root.
    pub prefix: String,
}

impl S3Target {
    /// `s3://BUCKET[/PREFIX]`.
    pub fn parse(text: &str) -> Result<S3Target> {
        let bad = || {
            Error::usage(format!("--to `{text}` is not an S3 location"))
                .with_hint("give s3://BUCKET or s3://BUCKET/PREFIX (the log archive's bucket)")
        };
        let rest = text.strip_prefix("s3://").ok_or_else(bad)?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let bucket_ok = crate::config::is_bucket_name(bucket);
        let prefix = prefix.trim_matches('/');
        if !bucket_ok || prefix.split('/').any(|p| p == "..") || prefix.contains("//") {
            return Err(bad());
        }
        Ok(S3Target {
            bucket: bucket.to_string(),
            prefix: prefix.to_string(),
        })
    }

    fn key(&self, incident: &str, rel: &str) -> String {
        match self.prefix.as_str() {
            "" => format!("incidents/{incident}/{rel}"),
            p => format!("{p}/incidents/{incident}/{rel}"),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Captured {
    pub folder: PathBuf,
    /// `s3://…` the bundle was copied to, and how many objects were written (the rest were
    /// there unchanged).
    pub copied_to: Option<String>,
    pub uploaded: usize,
    pub manifest: Manifest,
    /// Files a previous run had written whole, kept as they were.
    pub kept: usize,
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| {
        Error::failed(format!("cannot write {}: {e}", path.display()))
            .with_hint("give a folder you can write to with --out")
    }
}

/// The bundle being written: its folder and manifest, saved after every file.
struct Bundle {
    dir: PathBuf,
    manifest: Manifest,
    kept: usize,
}

impl Bundle {
    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// Whether `rel` is already in the bundle, whole: in the manifest and matching its hash.
    fn has(&mut self, rel: &str) -> bool {
        let Some(i) = self.manifest.files.iter().position(|f| f.path == rel) else {
            return false;
        };
        let whole = std::fs::read(self.path(rel))
            .is_ok_and(|b| sha256(&b) == self.manifest.files[i].sha256);
        if whole {
            self.kept += 1;
        } else {
            self.manifest.files.remove(i);
        }
        whole
    }

    fn save_manifest(&self) -> Result<()> {
        let path = self.path("manifest.json");
        crate::state::write_json(&path, &self.manifest, true).map_err(io_err(&path))
    }

    /// Writes `bytes` as `rel` whole, and enters it in the manifest.
    fn put(&mut self, rel: &str, what: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path(rel);
        let write = || -> std::io::Result<()> {
            use std::io::Write;
            std::fs::create_dir_all(path.parent().unwrap_or(&self.dir))?;
            let tmp = path.with_extension("part");
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(io_err(&path))?;
        self.manifest.files.retain(|f| f.path != rel);
        self.manifest.files.push(File {
            path: rel.to_string(),
            what: what.to_string(),
            bytes: bytes.len() as u64,
            sha256: sha256(bytes),
        });
        self.save_manifest()
    }

    /// `value` as redacted, pretty JSON.
    fn put_json(&mut self, rel: &str, what: &str, value: &impl Serialize) -> Result<()> {
        let text =
            serde_json::to_string_pretty(value).map_err(|e| Error::internal(e.to_string()))?;
        self.put(rel, what, redact::secrets(&text).as_bytes())
    }

    fn missing(&mut self, what: impl std::fmt::Display) {
        self.manifest.missing.push(what.to_string());
    }
}

pub async fn capture(
    ctx: &Context,
    id: Option<&str>,
    out: Option<&Path>,
    to: Option<&S3Target>,
) -> Result<Captured> {
    let (incident, notes) = super::find(ctx, id).await?;
    let (from, until) = incident.window();
    let dir = out.map_or_else(
        || ctx.state.incidents().join(&incident.id),
        Path::to_path_buf,
    );
    crate::state::check_file_path(&dir.join("manifest.json"), "the capture folder")?;
    let previous = std::fs::read(dir.join("manifest.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
        .filter(|m| m.incident == incident.id);
    let manifest = match previous {
        Some(mut m) => {
            // What was missing is tried again.
            m.missing.clear();
            m.completed_at = None;
            m
        }
        None => Manifest {
            incident: incident.id.clone(),
            environment: incident.environment.clone(),
            from,
            to: until,
            started_at: Timestamp::now(),
            completed_at: None,
            files: Vec::new(),
            missing: Vec::new(),
        },
    };
    let mut b = Bundle {
        dir,
        manifest,
        kept: 0,
    };
    b.save_manifest()?;
    // Always the record as it is now: it may have been closed since the last capture.
    b.put_json("incident.json", "the incident record", &incident)?;
    logs(ctx, &mut b).await?;
    evidence(ctx, &mut b, &incident, &notes).await?;
    metrics(ctx, &mut b).await?;
    processes(ctx, &mut b).await?;
    transcripts(ctx, &mut b, &incident.environment)?;
    b.manifest.completed_at = Some(Timestamp::now());
    b.save_manifest()?;
    let uploaded = match to {
        Some(t) => copy(ctx, &mut b, t).await?,
        None => 0,
    };
    Ok(Captured {
        folder: b.dir,
        copied_to: to.map(|t| format!("s3://{}/{}", t.bucket, t.key(&b.manifest.incident, ""))),
        uploaded,
        manifest: b.manifest,
        kept: b.kept,
    })
}

/// Copies the bundle's files, then its manifest, to `t`; objects already there with the same
/// SHA-256 are left alone, so a copy that was interrupted is completed by running it again.
async fn copy(ctx: &Context, b: &mut Bundle, t: &S3Target) -> Result<usize> {
    let aws = ctx.aws().await?;
    let mut uploaded = 0;
    let files = b.manifest.files.clone();
    for f in &files {
        let bytes = std::fs::read(b.path(&f.path)).map_err(|e| {
            Error::failed(format!("cannot read {}: {e}", b.path(&f.path).display()))
        })?;
        let key = t.key(&b.manifest.incident, &f.path);
        if crate::aws::s3::put_if_changed(aws, &t.bucket, &key, bytes, &f.sha256).await? {
            uploaded += 1;
        }
    }
    let manifest = std::fs::read(b.path("manifest.json"))
        .map_err(|e| Error::failed(format!("cannot read the manifest: {e}")))?;
    let key = t.key(&b.manifest.incident, "manifest.json");
    let sum = sha256(&manifest);
    if crate::aws::s3::put_if_changed(aws, &t.bucket, &key, manifest, &sum).await? {
        uploaded += 1;
    }
    Ok(uploaded)
}

/// Each function's events of the window as a `filter-log-events` document, gzipped: what
/// `aws logs filter-log-events` prints, so `query run --local` reads it with the stream and time
/// of every event.
async fn logs(ctx: &Context, b: &mut Bundle) -> Result<()> {
    let env = ctx.env()?;
    let aws = match ctx.aws().await {
        Ok(aws) => aws,
        Err(e) => {
            b.missing(format!("logs: {e}"));
            return Ok(());
        }
    };
    let (from, to) = (b.manifest.from, b.manifest.to);
    for c in Component::functions() {
        let rel = format!("logs/{}.json.gz", c.id());
        if b.has(&rel) {
            continue;
        }
        let group = env.names.log_group(c);
        let events =
            match crate::aws::logs::filter(aws, &group, None, from, to, EVENTS_PER_GROUP).await {
                Ok(events) => events,
                Err(e) => {
                    b.missing(format!("logs of {group}: {e}"));
                    continue;
                }
            };
        if events.len() >= EVENTS_PER_GROUP {
            b.missing(format!(
                "logs of {group}: only the first {EVENTS_PER_GROUP} events were kept"
            ));
        }
        // `events` first, as the CLI prints it: readers recognise the document by its opening.
        let doc = serde_json::json!({
            "events": events.iter().map(|e| serde_json::json!({
                "logStreamName": e.stream,
                "timestamp": e.timestamp,
                "message": redact::secrets(&e.message),
            })).collect::<Vec<_>>(),
            "logGroupName": group,
        });
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let zipped = serde_json::to_writer(&mut gz, &doc)
            .map_err(std::io::Error::from)
            .and_then(|()| gz.finish())
            .map_err(|e| Error::internal(format!("compressing {rel}: {e}")))?;
        b.put(&rel, &format!("{group}: {} events", events.len()), &zipped)?;
    }
    Ok(())
}

/// The timeline, the impact, a health snapshot and the audit entries of the window.
async fn evidence(
    ctx: &Context,
    b: &mut Bundle,
    incident: &Incident,
    notes: &[String],
) -> Result<()> {
    let (has_timeline, has_impact) = (b.has("timeline.json"), b.has("impact.json"));
    if !(has_timeline && has_impact) {
        let (timeline, impact) = super::story(ctx, incident, notes).await;
        if !has_timeline {
            b.put_json(
                "timeline.json",
                "incident timeline (alarm transitions included)",
                &timeline,
            )?;
        }
        if !has_impact {
            b.put_json("impact.json", "incident impact", &impact)?;
        }
    }
    if !b.has("health.json") {
        let since = Timestamp::now()
            .duration_since(b.manifest.from)
            .unsigned_abs()
            .max(std::time::Duration::from_secs(60));
        let opts = crate::health::Options {
            since,
            ..crate::health::Options::default()
        };
        match crate::health::run(ctx, &opts).await {
            Ok(h) => b.put_json(
                "health.json",
                "health checks over the window, at capture",
                &h,
            )?,
            Err(e) => b.missing(format!("health: {e}")),
        }
    }
    if !b.has("audit.json") {
        match super::changes_since(ctx, b.manifest.from, 100_000).await {
            Ok((audit, _)) => b.put_json(
                "audit.json",
                "mandala-ops changes since the window began",
                &audit,
            )?,
            Err(e) => b.missing(format!("audit: {e}")),
        }
    }
    Ok(())
}

/// The metrics the guides' alarms watch (003 CloudWatchアラーム設定 and the rest of the alarm
/// catalogue), each at its alarm's statistic and period over the window.
/// Read again on every run (a few calls), so the manifest always says which series are missing.
async fn metrics(ctx: &Context, b: &mut Bundle) -> Result<()> {
    let (env, aws) = match (ctx.env(), ctx.aws().await) {
        (Ok(env), Ok(aws)) => (env, aws),
        (Err(e), _) | (_, Err(e)) => {
            b.missing(format!("metrics: {e}"));
            return Ok(());
        }
    };
    let (from, to) = (b.manifest.from, b.manifest.to);
    let mut series = Vec::new();
    for spec in crate::alarms::catalog::ALARMS {
        let (metric, stat) = spec.watched();
        let described = metric.describe(env);
        match crate::aws::metrics::series(aws, env, metric, stat, from, to, spec.period_secs.into())
            .await
        {
            Ok(points) => series.push(serde_json::json!({
                "alarm": spec.resolved_name(env),
                "metric": described,
                "statistic": spec.statistic,
                "period_secs": spec.period_secs,
                "points": points.iter().map(|p| serde_json::json!([p.at, p.value])).collect::<Vec<_>>(),
            })),
            Err(e) => b.missing(format!("metric {described} ({}): {e}", spec.statistic)),
        }
    }
    b.put_json(
        "metrics.json",
        "the alarms' metrics over the window",
        &serde_json::json!({ "from": from, "to": to, "series": series }),
    )
}

/// The affected processes as `process show` sees them: the row, its execution and that
/// execution's history (the state it failed in), its log timeline.
async fn processes(ctx: &Context, b: &mut Bundle) -> Result<()> {
    let (from, to) = (b.manifest.from, b.manifest.to);
    let (ids, total) = match super::impact::affected(ctx, from, to, PROCESSES).await {
        Ok(found) => found,
        Err(e) => {
            b.missing(format!("affected processes: {e}"));
            return Ok(());
        }
    };
    if total > PROCESSES {
        b.missing(format!(
            "affected processes: the {PROCESSES} most recently updated of {total} were kept"
        ));
    }
    for id in ids {
        let rel = format!("processes/{id}.json");
        if b.has(&rel) {
            continue;
        }
        match crate::process::show(ctx, id).await {
            Ok(p) => b.put_json(&rel, "affected process: row, execution history, logs", &p)?,
            Err(e) => b.missing(format!("process {id}: {e}")),
        }
    }
    Ok(())
}

/// This machine's runbook transcripts of the window.
fn transcripts(ctx: &Context, b: &mut Bundle, env: &str) -> Result<()> {
    let runs = match super::timeline::transcripts(ctx, env, b.manifest.from, b.manifest.to) {
        Ok(runs) => runs,
        Err(e) => {
            b.missing(format!("runbook transcripts: {e}"));
            return Ok(());
        }
    };
    for t in runs {
        let Some(name) = t.path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let rel = format!("transcripts/{name}");
        if b.has(&rel) {
            continue;
        }
        match std::fs::read_to_string(&t.path) {
            Ok(text) => b.put(
                &rel,
                &format!("runbook {}", t.title),
                redact::secrets(&text).as_bytes(),
            )?,
            Err(e) => b.missing(format!("{}: {e}", t.path.display())),
        }
    }
    Ok(())
}

impl Render for Captured {
    fn render(&self, doc: &mut Doc) {
        let m = &self.manifest;
        doc.heading(format!(
            "Evidence of incident {} in {}",
            m.incident,
            self.folder.display()
        ));
        doc.fields([
            ("window", super::span(m.from, m.to)),
            (
                "files",
                format!("{} ({} kept from an earlier run)", m.files.len(), self.kept),
            ),
        ]);
        let mut t = Table::new(["file", "what", "bytes", "sha256"]);
        for f in &m.files {
            t.row([
                Cell::new(&f.path),
                Cell::new(&f.what),
                Cell::new(f.bytes.to_string()),
                Cell::new(&f.sha256[..16.min(f.sha256.len())]),
            ]);
        }
        doc.table(t);
        for u in &m.missing {
            doc.note(Tone::Warn, format!("not captured: {u}"));
        }
    }

    /// Exit 1 when part of the evidence could not be captured.
    fn status(&self) -> ExitStatus {
        super::complete(&self.manifest.missing)
    }
}

#[cfg(test)]
mod tests {
    use super::S3Target;

    #[test]
    fn s3_locations_are_checked() {
        let t = S3Target::parse("s3://goal-mandala-prod-log-archive/evidence/").unwrap();
        assert_eq!(t.bucket, "goal-mandala-prod-log-archive");
        assert_eq!(
            t.key("i-1", "logs/a.json.gz"),
            "evidence/incidents/i-1/logs/a.json.gz"
        );
        assert_eq!(
            S3Target::parse("s3://bucket").unwrap().key("i", "m"),
            "incidents/i/m"
        );
        for bad in [
            "bucket",
            "s3://",
            "s3://Bad_Bucket",
            "s3://b",
            "s3://bucket/../x",
            "http://x",
        ] {
            assert!(S3Target::parse(bad).is_err(), "{bad}");
        }
    }
}

//! `incident capture`: the incident's evidence kept before CloudWatch's retention runs it down
//! (ログの保全, 000 インシデント対応): every function's log events of the window as files the local
//! engine reads (`query run --local`), the timeline, the impact, a health snapshot, the audit
//! entries and the runbook transcripts, with secrets redacted and a manifest giving each file's
//! SHA-256. Each file is written whole (temporary file, then rename) and entered in the manifest;
//! a rerun keeps the files whose hash still matches and makes the rest, over the same window.

use super::{Incident, redact, store};
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

#[derive(Debug, Serialize)]
pub struct Captured {
    pub folder: PathBuf,
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

pub async fn capture(ctx: &Context, id: Option<&str>, out: Option<&Path>) -> Result<Captured> {
    let env = ctx.env()?.name.to_string();
    let loaded = store::load(ctx, &env).await?;
    let incident = super::pick(&loaded.incidents, id, &env)?.clone();
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
            environment: env.clone(),
            from: incident.since,
            to: incident.closed_at.unwrap_or_else(Timestamp::now),
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
    evidence(ctx, &mut b, &incident).await?;
    transcripts(ctx, &mut b, &env)?;
    b.manifest.completed_at = Some(Timestamp::now());
    b.save_manifest()?;
    Ok(Captured {
        folder: b.dir,
        manifest: b.manifest,
        kept: b.kept,
    })
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
async fn evidence(ctx: &Context, b: &mut Bundle, incident: &Incident) -> Result<()> {
    let id = Some(incident.id.as_str());
    if !b.has("timeline.json") {
        match super::timeline::timeline(ctx, id).await {
            Ok(t) => b.put_json(
                "timeline.json",
                "incident timeline (alarm transitions included)",
                &t,
            )?,
            Err(e) => b.missing(format!("timeline: {e}")),
        }
    }
    if !b.has("impact.json") {
        match super::impact::impact(ctx, id).await {
            Ok(i) => b.put_json("impact.json", "incident impact", &i)?,
            Err(e) => b.missing(format!("impact: {e}")),
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
        let opts = |journal| crate::audit::Options {
            since: Timestamp::now()
                .duration_since(b.manifest.from)
                .unsigned_abs(),
            command: None,
            target: None,
            limit: 100_000,
            journal,
        };
        let audit = match crate::audit::audit(ctx, &opts(false)).await {
            Ok(a) => Ok(a),
            Err(_) => crate::audit::audit(ctx, &opts(true)).await,
        };
        match audit {
            Ok(a) => b.put_json(
                "audit.json",
                "mandala-ops changes since the window began",
                &a,
            )?,
            Err(e) => b.missing(format!("audit: {e}")),
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
            (
                "window",
                format!(
                    "{} to {}",
                    m.from.strftime("%Y-%m-%d %H:%M UTC"),
                    m.to.strftime("%Y-%m-%d %H:%M UTC")
                ),
            ),
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
        if self.manifest.missing.is_empty() {
            ExitStatus::Ok
        } else {
            ExitStatus::Warn
        }
    }
}

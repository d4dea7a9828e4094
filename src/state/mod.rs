//! mandala-ops' state folder and what it holds: the audit journal of AWS changes, runbook
//! transcripts and saved runs, and (by default) the sandbox. The settings layer decides where it
//! is (`MANDALA_STATE_DIR`, else the per-user state folder, else `/var/lib/mandala-ops` for root).

pub mod sandbox;

use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct StateDir {
    pub root: PathBuf,
}

impl StateDir {
    pub fn new(root: PathBuf) -> StateDir {
        StateDir { root }
    }

    /// Runbook transcripts, one Markdown file per run.
    pub fn transcripts(&self) -> PathBuf {
        self.root.join("transcripts")
    }

    /// What `runbook run --from` resumes: each runbook's last run.
    pub fn saved_run(&self, runbook: &str) -> PathBuf {
        self.root
            .join("runbooks")
            .join(format!("{runbook}.last-run.json"))
    }

    /// Incident records, one JSON file each.
    pub fn incidents(&self) -> PathBuf {
        self.root.join("incidents")
    }

    /// The default audit journal.
    pub fn journal(&self) -> PathBuf {
        self.root.join("audit.jsonl")
    }

    /// The default sandbox folder.
    pub fn sandbox(&self) -> PathBuf {
        self.root.join("sandbox")
    }

    /// An exclusive lock named `name` among the runs of this machine, held until the file is
    /// dropped; waits for another run holding it.
    pub async fn lock(&self, name: &str) -> crate::error::Result<std::fs::File> {
        use crate::error::Error;
        let dir = self.root.join("locks");
        let path = dir.join(format!("{name}.lock"));
        let fail = |e: std::io::Error| {
            Error::usage(format!("cannot use the lock file {}: {e}", path.display()))
                .with_hint("set MANDALA_STATE_DIR to a folder you can write to")
        };
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let file = std::fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(fail)?;
        tokio::task::spawn_blocking(move || file.lock().map(|()| file))
            .await
            .map_err(|e| Error::internal(e.to_string()))?
            .map_err(fail)
    }
}

/// Writes `value` as `path` (mode 0600, synced), through a temporary file renamed over it, so
/// a run killed mid-write leaves the old file or the new one, never half of one.
pub fn write_json(path: &Path, value: &impl serde::Serialize, pretty: bool) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let text = if pretty {
        serde_json::to_vec_pretty(value)?
    } else {
        serde_json::to_vec(value)?
    };
    let tmp = path.with_extension("json.tmp");
    let mut f = std::fs::File::options()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(&text)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// Whether `path` names a file that can be created or appended to: not a folder, and its
/// parent not a file. Paths the user gave are checked before any work, so a bad one is bad
/// input (exit 64) rather than a failure half-way.
pub fn check_file_path(path: &Path, what: &str) -> crate::error::Result<()> {
    use crate::error::Error;
    if path.is_dir() {
        return Err(Error::usage(format!(
            "{what} {} is a folder, not a file",
            path.display()
        )));
    }
    let mut parent = path.parent();
    while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
        if p.exists() {
            if !p.is_dir() {
                return Err(Error::usage(format!(
                    "{what} {}: {} is not a folder",
                    path.display(),
                    p.display()
                )));
            }
            break;
        }
        parent = p.parent();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_that_cannot_be_files_are_usage_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_file_path(&dir.path().join("a/b.jsonl"), "the journal").is_ok());
        let e = check_file_path(dir.path(), "the journal").unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");
        let file = dir.path().join("f");
        std::fs::write(&file, "").unwrap();
        let e = check_file_path(&file.join("x.jsonl"), "the journal").unwrap_err();
        assert!(e.to_string().contains("is not a folder"), "{e}");
        assert_eq!(e.status(), crate::exit::ExitStatus::Usage);
    }
}

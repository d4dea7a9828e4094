//! This machine's audit journal (`audit.jsonl` in the state folder): one JSON line per change
//! made outside the database, written and synced before the change is made.

use super::{Entry, Line};
use crate::error::{Error, Result};
use jiff::Timestamp;
use std::path::Path;

pub fn append(path: &Path, entries: &[Entry]) -> Result<()> {
    use std::io::Write;
    let fail = |e: std::io::Error| {
        Error::failed(format!(
            "cannot write the audit journal {}: {e}; nothing was changed",
            path.display()
        ))
        .with_hint("set MANDALA_AUDIT_JOURNAL to a writable file")
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let at = jiff::Timestamp::now().to_string();
    let mut text = String::new();
    for e in entries {
        let mut v = serde_json::to_value(e).map_err(|e| Error::internal(e.to_string()))?;
        v["at"] = at.clone().into();
        text.push_str(&v.to_string());
        text.push('\n');
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(fail)?;
    f.write_all(text.as_bytes()).map_err(fail)?;
    f.sync_data().map_err(fail)
}

/// The journal's entries since `since`, newest first; lines that cannot be read are counted.
pub fn read(
    path: &Path,
    since: Timestamp,
    keep: impl Fn(&Entry) -> bool,
    limit: usize,
) -> Result<(Vec<Line>, Vec<String>)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((
                Vec::new(),
                vec![format!("{} does not exist yet", path.display())],
            ));
        }
        Err(e) => {
            return Err(Error::failed(format!(
                "cannot read the audit journal {}: {e}",
                path.display()
            )));
        }
    };
    let mut unreadable = 0;
    let mut lines: Vec<Line> = Vec::new();
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Line>(l) {
            Ok(line) if line.at >= since && keep(&line.entry) => lines.push(line),
            Ok(_) => {}
            Err(_) => unreadable += 1,
        }
    }
    lines.reverse();
    lines.truncate(limit);
    let notes = (unreadable > 0)
        .then(|| format!("{unreadable} lines of the journal could not be read"))
        .into_iter()
        .collect();
    Ok((lines, notes))
}

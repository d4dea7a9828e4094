//! The Markdown record of a run, written step by step (and flushed) so a run that is killed
//! still leaves its notes; `--from` appends to the same file.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Transcript {
    pub path: PathBuf,
    file: std::fs::File,
}

impl Transcript {
    pub fn open(path: &Path) -> Result<Transcript> {
        let fail = |e: std::io::Error| {
            Error::usage(format!(
                "cannot write the transcript {}: {e}",
                path.display()
            ))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(fail)?;
        Ok(Transcript {
            path: path.to_path_buf(),
            file,
        })
    }

    pub fn write(&mut self, text: &str) -> Result<()> {
        self.file
            .write_all(text.as_bytes())
            .and_then(|_| self.file.flush())
            .map_err(|e| {
                Error::failed(format!(
                    "cannot write the transcript {}: {e}",
                    self.path.display()
                ))
            })
    }
}

/// Output in a fence longer than any backtick run inside it, so it cannot close early.
pub fn fenced(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let body = text.trim_end_matches('\n');
    format!("{fence}text\n{body}\n{fence}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_outlast_backticks_inside() {
        assert_eq!(fenced("a\n"), "```text\na\n```\n");
        assert!(fenced("x ```` y").starts_with("`````text"));
    }

    #[test]
    fn appends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t/notes.md");
        Transcript::open(&path).unwrap().write("one\n").unwrap();
        Transcript::open(&path).unwrap().write("two\n").unwrap();
        assert_eq!(std::fs::read_to_string(path).unwrap(), "one\ntwo\n");
    }
}

//! The Markdown record of a run, written step by step (and flushed) so a run that is killed
//! still leaves its notes; `--from` appends to the same file.

use crate::error::{Error, Result};
use crate::output::{Doc, markdown};
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

    /// Appends the part of the record in `doc`, as Markdown.
    pub fn write(&mut self, doc: &Doc) -> Result<()> {
        self.file
            .write_all(markdown::render(doc).as_bytes())
            .and_then(|_| self.file.flush())
            .map_err(|e| {
                Error::failed(format!(
                    "cannot write the transcript {}: {e}",
                    self.path.display()
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t/notes.md");
        let mut doc = Doc::default();
        doc.text("one");
        Transcript::open(&path).unwrap().write(&doc).unwrap();
        Transcript::open(&path).unwrap().write(&doc).unwrap();
        assert_eq!(std::fs::read_to_string(path).unwrap(), "one\n\none\n\n");
    }
}

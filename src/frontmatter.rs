//! Files with TOML front matter between `+++` lines, then a body: the query library and the
//! runbooks share this shape.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;

/// The files shipped inside the binary (see `build.rs`).
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Splits `text` into its front matter (parsed) and body.
pub fn split<T: DeserializeOwned>(file: &str, text: &str) -> Result<(T, String)> {
    let bad = |why: String| Error::usage(format!("{file}: {why}"));
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(|| bad("expected front matter opened by a `+++` line".into()))?;
    let end = rest
        .find("\n+++\n")
        .or_else(|| rest.find("\n+++\r\n"))
        .or_else(|| rest.strip_suffix("\n+++").map(|r| r.len()))
        .ok_or_else(|| bad("the front matter is not closed by a `+++` line".into()))?;
    let head: T =
        toml::from_str(&rest[..end]).map_err(|e| bad(format!("invalid front matter: {e}")))?;
    let body = rest[end + 1..]
        .split_once('\n')
        .map(|(_, b)| b)
        .unwrap_or("");
    Ok((head, body.to_string()))
}

/// Files of `extension` from `dir` when given (for editing without rebuilding), else the
/// embedded ones: (file name, text).
pub fn load(
    dir: Option<&std::path::Path>,
    embedded: &'static [(&'static str, &'static str)],
    extension: &str,
) -> Result<Vec<(String, String)>> {
    let Some(dir) = dir else {
        return Ok(embedded
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect());
    };
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::usage(format!("cannot read {}: {e}", dir.display())))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == extension) {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::usage(format!("cannot read {}: {e}", path.display())))?;
            files.push((
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text,
            ));
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Head {
        name: String,
    }

    #[test]
    fn splits_head_and_body() {
        let (h, body): (Head, String) =
            split("x", "+++\nname = \"a\"\n+++\nfields x\n| limit 1\n").unwrap();
        assert_eq!(h.name, "a");
        assert_eq!(body, "fields x\n| limit 1\n");
    }

    #[test]
    fn rejects_missing_markers() {
        assert!(split::<Head>("x", "name = 1").is_err());
        assert!(split::<Head>("x", "+++\nname = \"a\"\nfields x").is_err());
        assert!(
            split::<Head>("x", "+++\nname = 3\n+++\n")
                .unwrap_err()
                .to_string()
                .contains("invalid front matter")
        );
    }
}

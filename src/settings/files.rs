//! Where the config file and the state folder are, and reading the config file: the files and
//! folders the settings come from.

use crate::config::FileConfig;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Reads and checks the config file at `path`.
pub fn load(path: &Path) -> Result<FileConfig> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::usage(format!(
            "cannot read the config file {}: {e}",
            path.display()
        ))
    })?;
    let file: FileConfig = toml::from_str(&text).map_err(|e| {
        Error::usage(format!(
            "the config file {} is not valid: {e}",
            path.display()
        ))
    })?;
    for name in file.environments.keys() {
        if !["dev", "stg", "prod", "sandbox"].contains(&name.as_str()) {
            return Err(Error::usage(format!(
                "unknown environment `{name}` in {}",
                path.display()
            ))
            .with_hint("environments are dev, stg, prod and sandbox"));
        }
    }
    Ok(file)
}

/// `--config` if given, else the per-user file if it exists
/// (`$XDG_CONFIG_HOME/mandala-ops/config.toml` on Linux).
pub fn locate(explicit: Option<&Path>) -> Result<(FileConfig, Option<PathBuf>)> {
    if let Some(path) = explicit {
        return Ok((load(path)?, Some(path.to_path_buf())));
    }
    match user_config_path() {
        Some(path) if path.is_file() => Ok((load(&path)?, Some(path))),
        _ => Ok((FileConfig::default(), None)),
    }
}

fn user_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "mandala-ops")
        .map(|d| d.config_dir().join("config.toml"))
}

/// The state folder's default, when `MANDALA_STATE_DIR` is not set: the per-user state folder.
/// As root, PostgreSQL runs as the `postgres` user, which cannot enter `/root`, so root's
/// default is under `/var/lib`.
pub fn default_state_root() -> PathBuf {
    if nix::unistd::geteuid().is_root() {
        return PathBuf::from("/var/lib/mandala-ops");
    }
    directories::ProjectDirs::from("", "", "mandala-ops")
        .map(|d| d.state_dir().unwrap_or(d.data_local_dir()).to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("mandala-ops"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_environment_in_file_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[environments.qa]\nregion = \"x\"\n").unwrap();
        let err = load(&path).unwrap_err();
        assert_eq!(err.status(), crate::exit::ExitStatus::Usage);
    }
}

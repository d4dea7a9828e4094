//! Shell completions and the man page, generated from the same clap definitions as the parser.
//! The generated files are committed under `completions/`; a test fails when they are stale.

use super::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use clap_complete::{Generator, Shell};
use std::path::Path;

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The completion script for one shell.
pub fn script(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "mandala-ops", &mut buf);
    String::from_utf8(buf).expect("clap_complete writes UTF-8")
}

/// The file name each shell expects (as `clap_complete::generate_to` names them).
pub fn file_name(shell: Shell) -> String {
    shell.file_name("mandala-ops")
}

/// Writes every shell's script into `dir`.
pub fn write_all(dir: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::usage(format!("cannot create {}: {e}", dir.display())))?;
    SHELLS
        .iter()
        .map(|shell| {
            let path = dir.join(file_name(*shell));
            std::fs::write(&path, script(*shell))
                .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
            Ok(path.display().to_string())
        })
        .collect()
}

/// The man page in roff.
pub fn man_page() -> Result<String> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .map_err(|e| Error::internal(format!("rendering the man page: {e}")))?;
    String::from_utf8(buf).map_err(|e| Error::internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed scripts must match the CLI; regenerate with
    /// `cargo run -- completions --out-dir completions`.
    #[test]
    fn committed_completions_are_fresh() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
        for shell in SHELLS {
            let path = dir.join(file_name(shell));
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == script(shell),
                "{} is stale: run `cargo run -- completions --out-dir completions`",
                path.display()
            );
        }
    }
}

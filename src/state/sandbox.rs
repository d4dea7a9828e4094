//! The sandbox's folder and the state file (`state.json`, mode 0600 because it holds the
//! database password) that `--env sandbox` reads.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};

// Below the kernel's ephemeral range (32768-60999 on Linux), where the local end of any client
// connection could hold the port at the moment the sandbox starts.
pub const DEFAULT_PG_PORT: u16 = 25432;
pub const DEFAULT_MOTO_PORT: u16 = 25433;

/// The sandbox's AWS region: the guides' region (001 環境変数の設定: AWS_REGION=ap-northeast-1).
pub const REGION: &str = crate::config::DEFAULT_REGION;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    pub region: String,
    /// Includes the password: never printed; `status` shows [`crate::db::redact_url`] of it.
    pub database_url: String,
    pub aws_endpoint_url: String,
    pub postgres: Postgres,
    pub moto: Moto,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Postgres {
    pub port: u16,
    pub bin_dir: PathBuf,
    pub pid: Option<i32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Moto {
    pub port: u16,
    pub version: String,
    pub pid: Option<i32>,
}

/// Paths inside the sandbox folder, and where the sandbox finds its tools.
#[derive(Debug, Clone)]
pub struct Dir {
    pub root: PathBuf,
    /// The emulator's virtual environment: `MANDALA_MOTO_VENV` lets several sandboxes (and CI
    /// caches) share one install; else inside the sandbox folder.
    pub venv: PathBuf,
    /// Where PostgreSQL's programs are looked for.
    pub postgres: PgSearch,
}

/// PostgreSQL's bin folder: `MANDALA_PG_BIN` when set, else found (see
/// [`super::postgres::find_bin_dir`]), last on the `PATH`.
#[derive(Debug, Clone, Default)]
pub struct PgSearch {
    pub bin: Option<PathBuf>,
    pub path: Vec<PathBuf>,
}

impl Dir {
    pub fn new(root: PathBuf, venv: Option<PathBuf>, postgres: PgSearch) -> Dir {
        Dir {
            venv: venv.unwrap_or_else(|| root.join("moto-venv")),
            root,
            postgres,
        }
    }

    pub fn state_file(&self) -> PathBuf {
        self.root.join("state.json")
    }

    pub fn pg_data(&self) -> PathBuf {
        self.root.join("pgdata")
    }

    pub fn pg_log(&self) -> PathBuf {
        self.root.join("postgres.log")
    }

    pub fn moto_log(&self) -> PathBuf {
        self.root.join("moto.log")
    }

    fn lock_file(&self) -> PathBuf {
        self.root.join("sandbox.lock")
    }

    pub fn create(&self) -> Result<()> {
        std::fs::create_dir_all(&self.root).map_err(|e| {
            Error::usage(format!(
                "cannot create the sandbox folder {}: {e}",
                self.root.display()
            ))
            .with_hint("choose another with --sandbox-dir")
        })
    }

    /// Serialises `up`, `seed` and `down` of one sandbox across processes.
    pub fn lock(&self) -> Result<File> {
        self.create()?;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_file())
            .map_err(|e| Error::internal(format!("opening {}: {e}", self.lock_file().display())))?;
        file.lock()
            .map_err(|e| Error::internal(format!("locking {}: {e}", self.lock_file().display())))?;
        Ok(file)
    }

    pub fn read_state(&self) -> Result<Option<State>> {
        read_state(&self.state_file())
    }

    pub fn write_state(&self, state: &State) -> Result<()> {
        let path = self.state_file();
        super::write_json(&path, state, true)
            .map_err(|e| Error::internal(format!("writing {}: {e}", path.display())))
    }
}

pub fn read_state(path: &Path) -> Result<Option<State>> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| {
            Error::usage(format!(
                "the sandbox state {} is damaged: {e}",
                path.display()
            ))
            .with_hint("run `mandala-ops sandbox down --purge` and `sandbox up` again")
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::internal(format!("reading {}: {e}", path.display()))),
    }
}

/// The error every sandbox-bound command gives when the sandbox is not up.
pub fn not_running(dir: &Path) -> Error {
    Error::unavailable(
        "sandbox",
        "reading the sandbox state",
        format!("no sandbox is running in {}", dir.display()),
    )
    .with_hint("run `mandala-ops sandbox up` (or `mandala-ops demo`) first")
}

//! The sandbox's PostgreSQL: the machine's own installation, a data folder inside the sandbox,
//! loopback only. PostgreSQL refuses to run as root, so as root every server command runs as the
//! `postgres` user.

use crate::error::{Error, Result};
use crate::state::sandbox::{Dir, PgSearch};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::Command;

/// The sandbox's login role and database.
pub const ROLE: &str = "ops";
pub const DATABASE: &str = "ops";

/// Settings for a throwaway local server: loopback TCP only, no durability.
const SERVER_CONF: &str = "
# mandala-ops sandbox
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
";

/// The user the server runs as: ourselves, or `postgres` when we are root.
#[derive(Debug, Clone, Copy)]
pub struct RunAs {
    uid: nix::unistd::Uid,
    gid: nix::unistd::Gid,
    root: bool,
}

impl RunAs {
    pub fn detect() -> Result<RunAs> {
        let euid = nix::unistd::geteuid();
        if !euid.is_root() {
            return Ok(RunAs {
                uid: euid,
                gid: nix::unistd::getegid(),
                root: false,
            });
        }
        let user = nix::unistd::User::from_name("postgres")
            .ok()
            .flatten()
            .ok_or_else(|| {
                Error::unavailable(
                    "PostgreSQL",
                    "preparing the sandbox database",
                    "running as root, and there is no `postgres` user to run the server as",
                )
                .with_hint(
                    "install PostgreSQL from the distribution's packages, or run as a normal user",
                )
            })?;
        Ok(RunAs {
            uid: user.uid,
            gid: user.gid,
            root: true,
        })
    }

    fn command(&self, program: &Path) -> Command {
        let mut cmd = Command::new(program);
        if self.root {
            cmd.uid(self.uid.as_raw()).gid(self.gid.as_raw());
        }
        cmd.env("LC_ALL", "C").kill_on_drop(false);
        cmd
    }

    /// Gives the server's user a file or folder we created.
    fn own(&self, path: &Path) -> Result<()> {
        if self.root {
            nix::unistd::chown(path, Some(self.uid), Some(self.gid))
                .map_err(|e| Error::internal(format!("chown {}: {e}", path.display())))?;
        }
        Ok(())
    }
}

/// PostgreSQL's programs: `MANDALA_PG_BIN`, else `pg_config --bindir`, else the newest
/// `/usr/lib/postgresql/*/bin`, else `initdb` on the PATH.
pub fn find_bin_dir(search: &PgSearch) -> Result<PathBuf> {
    let has_initdb = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = &search.bin {
        if has_initdb(dir) {
            return Ok(dir.clone());
        }
        return Err(missing(&format!(
            "MANDALA_PG_BIN={} has no initdb/pg_ctl",
            dir.display()
        )));
    }
    if let Ok(out) = std::process::Command::new("pg_config")
        .arg("--bindir")
        .output()
        && out.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if has_initdb(&dir) {
            return Ok(dir);
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has_initdb(&bin).then_some((v, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    if let Some(dir) = search.path.iter().find(|d| has_initdb(d)) {
        return Ok(dir.clone());
    }
    Err(missing("no initdb/pg_ctl found"))
}

fn missing(reason: &str) -> Error {
    Error::unavailable("PostgreSQL", "starting the sandbox database", reason).with_hint(
        "install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql) or set \
         MANDALA_PG_BIN to its bin folder",
    )
}

/// The sandbox database password, made once and kept in a 0600 file beside the data folder.
pub fn password(dir: &Dir) -> Result<String> {
    let path = dir.root.join("db-password");
    match std::fs::read_to_string(&path) {
        Ok(p) if !p.trim().is_empty() => return Ok(p.trim().to_string()),
        _ => {}
    }
    let pw = uuid::Uuid::new_v4().simple().to_string();
    std::fs::write(&path, &pw)
        .map_err(|e| Error::internal(format!("writing {}: {e}", path.display())))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| Error::internal(format!("chmod {}: {e}", path.display())))?;
    Ok(pw)
}

/// Creates the cluster on first use. Returns whether it was created.
pub async fn init(dir: &Dir, bin: &Path, run_as: RunAs, password: &str) -> Result<bool> {
    let data = dir.pg_data();
    if data.join("PG_VERSION").is_file() {
        return Ok(false);
    }
    // A half-made cluster from an interrupted init is useless: start again.
    if data.exists() {
        std::fs::remove_dir_all(&data)
            .map_err(|e| Error::internal(format!("removing {}: {e}", data.display())))?;
    }
    // The server's user must reach the folder.
    std::fs::set_permissions(&dir.root, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| Error::internal(format!("chmod {}: {e}", dir.root.display())))?;
    std::fs::create_dir_all(&data)
        .map_err(|e| Error::internal(format!("creating {}: {e}", data.display())))?;
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| Error::internal(format!("chmod {}: {e}", data.display())))?;
    run_as.own(&data)?;
    let pwfile = dir.root.join("pwfile.tmp");
    std::fs::write(&pwfile, password)
        .map_err(|e| Error::internal(format!("writing {}: {e}", pwfile.display())))?;
    std::fs::set_permissions(&pwfile, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| Error::internal(format!("chmod {}: {e}", pwfile.display())))?;
    run_as.own(&pwfile)?;
    let out = run_as
        .command(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "-N",
            "--auth=scram-sha-256",
        ])
        .arg(format!("--pwfile={}", pwfile.display()))
        .output()
        .await;
    let _ = std::fs::remove_file(&pwfile);
    let out = out.map_err(|e| Error::unavailable("PostgreSQL", "running initdb", e.to_string()))?;
    if !out.status.success() {
        return Err(Error::unavailable(
            "PostgreSQL",
            "running initdb",
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    let conf = data.join("postgresql.conf");
    let mut text = std::fs::read_to_string(&conf)
        .map_err(|e| Error::internal(format!("reading {}: {e}", conf.display())))?;
    text.push_str(SERVER_CONF);
    std::fs::write(&conf, text)
        .map_err(|e| Error::internal(format!("writing {}: {e}", conf.display())))?;
    Ok(true)
}

/// The postmaster's pid, if a server is running on the data folder.
pub fn running_pid(dir: &Dir) -> Option<i32> {
    let text = std::fs::read_to_string(dir.pg_data().join("postmaster.pid")).ok()?;
    let pid: i32 = text.lines().next()?.trim().parse().ok()?;
    super::process_alive(pid).then_some(pid)
}

/// The server's options: its port, and pg_stat_statements preloaded as on Aurora when this
/// installation has the library (Debian's `postgresql` package does).
fn server_options(bin: &Path, port: u16) -> String {
    let lib = bin.with_file_name("lib").join("pg_stat_statements.so");
    if lib.is_file() {
        format!("-p {port} -c shared_preload_libraries=pg_stat_statements")
    } else {
        format!("-p {port}")
    }
}

/// Starts the server on `port` and waits until it accepts connections.
pub async fn start(dir: &Dir, bin: &Path, run_as: RunAs, port: u16) -> Result<i32> {
    let log = dir.pg_log();
    if !log.exists() {
        std::fs::write(&log, "")
            .map_err(|e| Error::internal(format!("creating {}: {e}", log.display())))?;
    }
    run_as.own(&log)?;
    let out = run_as
        .command(&bin.join("pg_ctl"))
        .arg("-D")
        .arg(dir.pg_data())
        .arg("-l")
        .arg(&log)
        .args(["-w", "-t", "60", "-o"])
        .arg(server_options(bin, port))
        .arg("start")
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .map_err(|e| Error::unavailable("PostgreSQL", "running pg_ctl start", e.to_string()))?;
    if !out.status.success() {
        let tail = tail_of(&log, 5);
        return Err(Error::unavailable(
            "PostgreSQL",
            "starting the sandbox database",
            format!(
                "pg_ctl start failed: {}{tail}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        )
        .with_hint(format!("see {}", log.display())));
    }
    running_pid(dir).ok_or_else(|| {
        Error::unavailable(
            "PostgreSQL",
            "starting the sandbox database",
            "the server exited after starting",
        )
        .with_hint(format!("see {}", log.display()))
    })
}

/// Stops the server of this data folder (and no other), waiting for it to exit.
pub async fn stop(dir: &Dir, bin: &Path, run_as: RunAs) -> Result<()> {
    if running_pid(dir).is_none() {
        return Ok(());
    }
    let out = run_as
        .command(&bin.join("pg_ctl"))
        .arg("-D")
        .arg(dir.pg_data())
        .args(["-m", "fast", "-w", "-t", "60", "stop"])
        .output()
        .await
        .map_err(|e| Error::unavailable("PostgreSQL", "running pg_ctl stop", e.to_string()))?;
    if !out.status.success() && running_pid(dir).is_some() {
        return Err(Error::failed(format!(
            "pg_ctl stop failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}

/// Creates the `ops` role (allowed to create databases and read server statistics, as an
/// operator's role would) and its database, if missing.
pub async fn provision(port: u16, password: &str) -> Result<()> {
    let url = format!("postgres://postgres:{password}@127.0.0.1:{port}/postgres");
    let target = crate::db::Target::from_url(&url, None)?;
    let db = target
        .connect(Duration::from_secs(10), &Default::default())
        .await?;
    let doing = "creating the sandbox role and database";
    let exists: bool = db
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&ROLE],
        )
        .await
        .map_err(crate::error::db_err(doing))?
        .get(0);
    if !exists {
        // Identifiers and the password are ours (constants and a hex uuid), not user input.
        db.batch_execute(&format!(
            "CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{password}'; GRANT pg_monitor TO {ROLE};"
        ))
        .await
        .map_err(crate::error::db_err(doing))?;
    }
    let exists: bool = db
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)",
            &[&DATABASE],
        )
        .await
        .map_err(crate::error::db_err(doing))?
        .get(0);
    if !exists {
        db.batch_execute(&format!("CREATE DATABASE {DATABASE} OWNER {ROLE}"))
            .await
            .map_err(crate::error::db_err(doing))?;
    }
    // Aurora PostgreSQL has pg_stat_statements, which 004 データベースクエリの遅延 reads; only a
    // superuser creates it. A server without the contrib files goes without, and health says
    // it cannot look.
    // template1 too: databases created later (the tests' own) have it from the start.
    for database in [DATABASE, "template1"] {
        let url = format!("postgres://postgres:{password}@127.0.0.1:{port}/{database}");
        let db = crate::db::Target::from_url(&url, None)?
            .connect(Duration::from_secs(10), &Default::default())
            .await?;
        db.batch_execute(
            "DO $$ BEGIN
                 IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements')
                 THEN CREATE EXTENSION IF NOT EXISTS pg_stat_statements; END IF;
             END $$",
        )
        .await
        .map_err(crate::error::db_err("creating pg_stat_statements"))?;
    }
    Ok(())
}

fn tail_of(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let tail: Vec<&str> = text.lines().rev().take(lines).collect();
    if tail.is_empty() {
        return String::new();
    }
    format!(
        "\n{}",
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    )
}

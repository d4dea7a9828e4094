//! A complete local environment on loopback: PostgreSQL from the machine's installation and the
//! moto AWS emulator, with the service's schema and realistic scenarios (`seed`).

pub mod moto;
pub mod postgres;
pub mod seed;

use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::{Doc, Output, Render, Tone};
use crate::state::sandbox::{self as state, Dir, State};
use serde::Serialize;

/// Ports chosen with `up` (the defaults, or the ones the sandbox already runs on).
#[derive(Debug, Clone, Copy, Default)]
pub struct Ports {
    pub postgres: Option<u16>,
    pub moto: Option<u16>,
}

/// `sandbox status`, and what `up` prints.
#[derive(Debug, Serialize)]
pub struct Status {
    pub running: bool,
    pub state_dir: String,
    /// Redacted: the password is in the 0600 state file only.
    pub database_url: Option<String>,
    pub aws_endpoint_url: Option<String>,
    pub region: Option<String>,
    pub postgres_pid: Option<i32>,
    pub moto_pid: Option<i32>,
    pub postgres_port: Option<u16>,
    pub moto_port: Option<u16>,
    pub moto_version: Option<String>,
    #[serde(skip)]
    message: Option<String>,
}

impl Render for Status {
    fn render(&self, doc: &mut Doc) {
        if let Some(m) = &self.message {
            doc.note(Tone::Good, m.clone());
        }
        let on_off = |pid: Option<i32>, port: Option<u16>| match (pid, port) {
            (Some(pid), Some(port)) => (format!("running (pid {pid}, port {port})"), Tone::Good),
            _ => ("stopped".to_string(), Tone::Bad),
        };
        let (pg, pg_tone) = on_off(self.postgres_pid, self.postgres_port);
        let (moto, moto_tone) = on_off(self.moto_pid, self.moto_port);
        doc.fields([
            ("sandbox", crate::output::Cell::new(&self.state_dir)),
            ("postgresql", crate::output::Cell::toned(pg, pg_tone)),
            (
                "aws emulator",
                crate::output::Cell::toned(
                    match &self.moto_version {
                        Some(v) if self.moto_pid.is_some() => format!("{moto}, moto {v}"),
                        _ => moto,
                    },
                    moto_tone,
                ),
            ),
            (
                "database_url",
                self.database_url.as_deref().unwrap_or("-").into(),
            ),
            (
                "aws_endpoint_url",
                self.aws_endpoint_url.as_deref().unwrap_or("-").into(),
            ),
            ("region", self.region.as_deref().unwrap_or("-").into()),
        ]);
        if !self.running {
            doc.note(Tone::Dim, "start it with `mandala-ops sandbox up`");
        }
    }

    fn status(&self) -> ExitStatus {
        if self.running {
            ExitStatus::Ok
        } else {
            ExitStatus::Unavailable
        }
    }
}

pub fn status(dir: &Dir) -> Result<Status> {
    let state = dir.read_state()?;
    Ok(status_of(dir, state.as_ref(), None))
}

fn status_of(dir: &Dir, state: Option<&State>, message: Option<String>) -> Status {
    let pg_pid = postgres::running_pid(dir);
    let moto_pid = state.and_then(|s| s.moto.pid.filter(|pid| moto::is_ours(*pid, s.moto.port)));
    Status {
        running: pg_pid.is_some() && moto_pid.is_some(),
        state_dir: dir.root.display().to_string(),
        database_url: state.map(|s| crate::db::redact_url(&s.database_url)),
        aws_endpoint_url: state.map(|s| s.aws_endpoint_url.clone()),
        region: state.map(|s| s.region.clone()),
        postgres_pid: pg_pid,
        moto_pid,
        postgres_port: state.map(|s| s.postgres.port),
        moto_port: state.map(|s| s.moto.port),
        moto_version: state.map(|s| s.moto.version.clone()),
        message,
    }
}

/// Starts whatever is not running yet; running parts are left as they are.
pub async fn up(dir: &Dir, ports: Ports, out: &Output) -> Result<Status> {
    let _lock = dir.lock()?;
    let previous = dir.read_state()?;
    let pg_port = ports
        .postgres
        .or(previous.as_ref().map(|s| s.postgres.port))
        .unwrap_or(state::DEFAULT_PG_PORT);
    let moto_port = ports
        .moto
        .or(previous.as_ref().map(|s| s.moto.port))
        .unwrap_or(state::DEFAULT_MOTO_PORT);
    if pg_port == moto_port {
        return Err(Error::usage(
            "PostgreSQL and the AWS emulator need different ports",
        ));
    }

    let bin_dir = postgres::find_bin_dir(&dir.postgres)?;
    let run_as = postgres::RunAs::detect()?;
    let password = postgres::password(dir)?;
    let mut started = Vec::new();

    let running_pg = postgres::running_pid(dir);
    if running_pg.is_some()
        && let Some(prev) = &previous
        && prev.postgres.port != pg_port
    {
        return Err(already_on("PostgreSQL", prev.postgres.port));
    }
    let running_moto = previous.as_ref().and_then(|s| {
        s.moto
            .pid
            .filter(|pid| moto::is_ours(*pid, s.moto.port))
            .map(|pid| (pid, s.moto.port))
    });
    if let Some((_, port)) = running_moto
        && port != moto_port
    {
        return Err(already_on("the AWS emulator", port));
    }
    // Both ports are checked before anything starts.
    if running_pg.is_none() {
        port_free(pg_port, "PostgreSQL", "--pg-port")?;
    }
    if running_moto.is_none() {
        port_free(moto_port, "the AWS emulator", "--moto-port")?;
    }

    let pg_pid = match running_pg {
        Some(pid) => pid,
        None => {
            if postgres::init(dir, &bin_dir, run_as, &password).await? {
                out.note(format!(
                    "created a PostgreSQL cluster in {}",
                    dir.pg_data().display()
                ));
            }
            let pid = postgres::start(dir, &bin_dir, run_as, pg_port).await?;
            started.push(format!("PostgreSQL (pid {pid}, port {pg_port})"));
            pid
        }
    };
    let rest = async {
        postgres::provision(pg_port, &password).await?;
        match running_moto {
            Some((pid, _)) => Ok(pid),
            None => {
                let server = moto::ensure_installed(dir, out).await?;
                let pid = moto::start(dir, &server, moto_port).await?;
                started.push(format!(
                    "the AWS emulator moto {} (pid {pid}, port {moto_port})",
                    moto::VERSION
                ));
                Ok(pid)
            }
        }
    };
    let moto_pid = match rest.await {
        Ok(pid) => pid,
        Err(e) => {
            // A failed start stops what it started, so `status` and the machine agree.
            if running_pg.is_none() {
                let _ = postgres::stop(dir, &bin_dir, run_as).await;
            }
            return Err(e);
        }
    };

    let state = State {
        region: state::REGION.to_string(),
        database_url: format!(
            "postgres://{}:{password}@127.0.0.1:{pg_port}/{}",
            postgres::ROLE,
            postgres::DATABASE
        ),
        aws_endpoint_url: moto::endpoint(moto_port),
        postgres: state::Postgres {
            port: pg_port,
            bin_dir,
            pid: Some(pg_pid),
        },
        moto: state::Moto {
            port: moto_port,
            version: moto::VERSION.to_string(),
            pid: Some(moto_pid),
        },
    };
    dir.write_state(&state)?;
    let message = if started.is_empty() {
        "the sandbox is already up".to_string()
    } else {
        format!("started {}", started.join(" and "))
    };
    Ok(status_of(dir, Some(&state), Some(message)))
}

fn already_on(what: &str, port: u16) -> Error {
    Error::usage(format!(
        "{what} of this sandbox already runs on port {port}"
    ))
    .with_hint("run `mandala-ops sandbox down` first to change ports")
}

fn port_free(port: u16, what: &str, flag: &str) -> Result<()> {
    std::net::TcpListener::bind(("127.0.0.1", port))
        .map(drop)
        .map_err(|e| {
            Error::unavailable(
                what,
                format!("starting on 127.0.0.1:{port}"),
                format!("the port is in use ({e})"),
            )
            .with_hint(format!(
                "stop whatever listens there, or choose another port with {flag}"
            ))
        })
}

/// `sandbox down`.
#[derive(Debug, Serialize)]
pub struct Down {
    pub stopped: Vec<String>,
    pub purged: bool,
    pub state_dir: String,
}

impl Render for Down {
    fn render(&self, doc: &mut Doc) {
        if self.stopped.is_empty() {
            doc.note(Tone::Dim, "nothing was running");
        }
        for s in &self.stopped {
            doc.note(Tone::Good, format!("stopped {s}"));
        }
        if self.purged {
            doc.note(
                Tone::Good,
                format!("removed the sandbox's data in {}", self.state_dir),
            );
        }
    }
}

/// Stops the processes this sandbox started, and only those.
pub async fn down(dir: &Dir, purge: bool) -> Result<Down> {
    let _lock = dir.lock()?;
    let state = dir.read_state()?;
    let mut stopped = Vec::new();
    if let Some(s) = &state
        && let Some(pid) = s.moto.pid.filter(|pid| moto::is_ours(*pid, s.moto.port))
    {
        moto::stop(pid, s.moto.port).await?;
        stopped.push(format!("the AWS emulator (pid {pid})"));
    }
    if let Some(pid) = postgres::running_pid(dir) {
        let bin = match &state {
            Some(s) => s.postgres.bin_dir.clone(),
            None => postgres::find_bin_dir(&dir.postgres)?,
        };
        postgres::stop(dir, &bin, postgres::RunAs::detect()?).await?;
        stopped.push(format!("PostgreSQL (pid {pid})"));
    }
    if let Some(mut s) = state {
        s.postgres.pid = None;
        s.moto.pid = None;
        dir.write_state(&s)?;
    }
    if purge {
        for path in [
            dir.pg_data(),
            dir.state_file(),
            dir.pg_log(),
            dir.moto_log(),
            dir.root.join("db-password"),
        ] {
            let result = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            if let Err(e) = result
                && e.kind() != std::io::ErrorKind::NotFound
            {
                return Err(Error::internal(format!("removing {}: {e}", path.display())));
            }
        }
    }
    Ok(Down {
        stopped,
        purged: purge,
        state_dir: dir.root.display().to_string(),
    })
}

/// Is the process alive (and not a zombie waiting for its parent)?
pub fn process_alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesised command name.
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

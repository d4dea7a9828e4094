//! The sandbox's AWS API emulator: moto's server, pinned, installed on first use into a virtual
//! environment inside the sandbox folder, started with Step Functions executing state machines
//! for real (DESIGN.md "The local sandbox: facts about the emulator").

use crate::error::{Error, Result};
use crate::output::Output;
use crate::state::sandbox::Dir;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::Command;

/// The emulator version the sandbox and its tests were verified against.
pub const VERSION: &str = "5.2.5";

fn server_bin(venv: &Path) -> PathBuf {
    venv.join("bin").join("moto_server")
}

fn marker(venv: &Path) -> PathBuf {
    venv.join(format!(".mandala-ops-moto-{VERSION}"))
}

/// Installs moto into the sandbox's virtual environment unless this version is already there.
pub async fn ensure_installed(dir: &Dir, out: &Output) -> Result<PathBuf> {
    let venv = &dir.venv;
    if marker(venv).is_file() && server_bin(venv).is_file() {
        return Ok(server_bin(venv));
    }
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| std::process::Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))
        .ok_or_else(|| {
            Error::unavailable("Python", "installing the AWS emulator (moto)", "no python3 on the PATH")
                .with_hint("install Python 3 with its venv module (Debian/Ubuntu: apt-get install python3-venv)")
        })?;
    let spinner = out.spinner(format!(
        "installing the AWS emulator (moto {VERSION}) into {}; first use only",
        venv.display()
    ));
    if venv.exists() {
        std::fs::remove_dir_all(venv)
            .map_err(|e| Error::internal(format!("removing {}: {e}", venv.display())))?;
    }
    run(
        Command::new(python).args(["-m", "venv"]).arg(venv),
        "creating the emulator's virtual environment",
    )
    .await?;
    let pip = venv.join("bin").join("pip");
    run(
        Command::new(&pip)
            .args(["install", "--disable-pip-version-check", "--quiet"])
            .arg(format!("moto[server]=={VERSION}")),
        "installing moto with pip",
    )
    .await?;
    std::fs::write(marker(venv), VERSION)
        .map_err(|e| Error::internal(format!("writing the install marker: {e}")))?;
    spinner.finish_and_clear();
    Ok(server_bin(venv))
}

async fn run(cmd: &mut Command, doing: &str) -> Result<()> {
    let out = cmd
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .map_err(|e| Error::unavailable("Python", doing, e.to_string()))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last: Vec<&str> = stderr.lines().rev().take(4).collect();
    Err(Error::unavailable(
        "Python",
        doing,
        last.into_iter().rev().collect::<Vec<_>>().join("\n"),
    )
    .with_hint("pip needs access to PyPI (or a configured index); run `mandala-ops sandbox up` again after fixing it"))
}

/// Starts the server detached from this process, so it outlives the command.
pub async fn start(dir: &Dir, server: &Path, port: u16) -> Result<i32> {
    let log = std::fs::File::create(dir.moto_log())
        .map_err(|e| Error::internal(format!("creating {}: {e}", dir.moto_log().display())))?;
    let log2 = log
        .try_clone()
        .map_err(|e| Error::internal(e.to_string()))?;
    let child = std::process::Command::new(server)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdin(std::process::Stdio::null())
        .stdout(log)
        .stderr(log2)
        .process_group(0)
        .spawn()
        .map_err(|e| Error::unavailable("AWS emulator", "starting moto_server", e.to_string()))?;
    let pid = child.id() as i32;
    let endpoint = endpoint(port);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        if configure(&endpoint).await.is_ok() {
            return Ok(pid);
        }
        if !super::process_alive(pid) || tokio::time::Instant::now() > deadline {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid),
                nix::sys::signal::Signal::SIGTERM,
            );
            return Err(Error::unavailable(
                "AWS emulator",
                "starting moto_server",
                "it did not answer within 30 s",
            )
            .with_hint(format!("see {}", dir.moto_log().display())));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

pub fn endpoint(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

/// Step Functions executes state machines (so executions really succeed, fail, time out or keep
/// running); Lambda needs no Docker. Must be set before resources are created: it switches
/// moto's backends.
pub async fn configure(endpoint: &str) -> Result<()> {
    let body = serde_json::json!({
        "stepfunctions": {"execute_state_machine": true},
        "lambda": {"use_docker": false}
    });
    post(format!("{endpoint}/moto-api/config"), body).await
}

async fn post(url: String, body: serde_json::Value) -> Result<()> {
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .into();
        agent.post(&url).send_json(&body).map(|_| ()).map_err(|e| {
            Error::unavailable("AWS emulator", format!("calling {url}"), e.to_string())
        })
    })
    .await
    .map_err(|e| Error::internal(e.to_string()))?
}

/// Is `pid` our moto server on `port` (and not another process that reused the pid)?
pub fn is_ours(pid: i32, port: u16) -> bool {
    let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
        return false;
    };
    let args: Vec<String> = cmdline
        .split(|b| *b == 0)
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    args.iter().any(|a| a.ends_with("moto_server")) && args.iter().any(|a| a == &port.to_string())
}

/// Stops the server and waits for it to exit.
pub async fn stop(pid: i32, port: u16) -> Result<()> {
    if !is_ours(pid, port) {
        return Ok(());
    }
    let target = nix::unistd::Pid::from_raw(pid);
    let _ = nix::sys::signal::kill(target, nix::sys::signal::Signal::SIGTERM);
    for _ in 0..50 {
        if !super::process_alive(pid) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = nix::sys::signal::kill(target, nix::sys::signal::Signal::SIGKILL);
    Ok(())
}

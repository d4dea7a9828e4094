//! The test sandbox and per-test environments. One sandbox (PostgreSQL and the AWS emulator)
//! serves the whole run; each test gets its own emulator account (STS AssumeRole into a fresh
//! account id) and its own database, so tests run in parallel without seeing each other.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

pub const BIN: &str = env!("CARGO_BIN_EXE_mandala-ops");
pub const PG_PORT: u16 = 25442;
pub const MOTO_PORT: u16 = 25443;

pub fn tmp_root() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Where every test sandbox installs the emulator (shared, so it is installed once).
pub fn moto_venv() -> PathBuf {
    tmp_root().join("moto-venv")
}

pub fn sandbox_dir() -> PathBuf {
    tmp_root().join("test-sandbox")
}

/// A command with nothing from the developer's own environment leaking in.
pub fn bare_cmd() -> Command {
    let mut cmd = Command::new(BIN);
    for var in [
        "MANDALA_ENV",
        "MANDALA_CONFIG",
        "MANDALA_DB_SECRET_ID",
        "DATABASE_URL",
        "AWS_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "RUST_LOG",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1")
        .env("MANDALA_MOTO_VENV", moto_venv())
        .env("XDG_CONFIG_HOME", tmp_root().join("no-user-config"))
        .env("MANDALA_OPERATOR", "tester@ci");
    cmd
}

pub struct Harness {
    pub database_url: String,
    pub endpoint: String,
    pub region: String,
}

static HARNESS: OnceLock<Harness> = OnceLock::new();

/// Starts (or reuses) the test sandbox.
pub fn start() -> Result<&'static Harness, String> {
    let out = bare_cmd()
        .args(["--sandbox-dir"])
        .arg(sandbox_dir())
        .args([
            "sandbox",
            "up",
            "--pg-port",
            &PG_PORT.to_string(),
            "--moto-port",
            &MOTO_PORT.to_string(),
        ])
        .timeout(std::time::Duration::from_secs(600))
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "sandbox up failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let state: Value = serde_json::from_str(
        &std::fs::read_to_string(sandbox_dir().join("state.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let h = Harness {
        database_url: state["database_url"].as_str().unwrap().to_string(),
        endpoint: state["aws_endpoint_url"].as_str().unwrap().to_string(),
        region: state["region"].as_str().unwrap().to_string(),
    };
    Ok(HARNESS.get_or_init(|| h))
}

pub fn stop() {
    if std::env::var_os("MANDALA_TEST_KEEP_SANDBOX").is_some() {
        return;
    }
    let _ = bare_cmd()
        .arg("--sandbox-dir")
        .arg(sandbox_dir())
        .args(["sandbox", "down"])
        .output();
}

pub fn harness() -> &'static Harness {
    HARNESS
        .get()
        .expect("the harness starts the sandbox before any test")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// One test's world: its own AWS account and database on the shared sandbox.
pub struct TestEnv {
    pub database_url: String,
    /// This test's emulator account.
    pub account: String,
    creds: (String, String, String),
    _dir: tempfile::TempDir,
    pub config: PathBuf,
}

impl TestEnv {
    pub fn new(name: &str) -> TestEnv {
        let h = harness();
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let unique = format!(
            "{:06}{:03}{:03}",
            std::process::id() % 1_000_000,
            n % 1000,
            fastrand::u32(..1000)
        );
        let account = format!("{:0>12}", unique);
        let db_name = format!(
            "t_{}_{}",
            name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
            unique
        );
        let rt = runtime();
        let creds = rt.block_on(assume_role(h, &account));
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&h.database_url, tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(conn);
            client
                .batch_execute(&format!("CREATE DATABASE {db_name}"))
                .await
                .unwrap();
        });
        let database_url = h
            .database_url
            .rsplit_once('/')
            .map(|(base, _)| format!("{base}/{db_name}"))
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        // Fast retries: the emulator answers unimplemented APIs with HTTP 500, which the SDK
        // retries as transient.
        std::fs::write(
            &config,
            "[thresholds.retry]\ninitial_interval_ms = 20\nmax_interval_ms = 100\n",
        )
        .unwrap();
        TestEnv {
            database_url,
            account,
            creds,
            _dir: dir,
            config,
        }
    }

    /// `mandala-ops` with this test's sandbox environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare_cmd();
        cmd.env("MANDALA_SANDBOX_DIR", sandbox_dir())
            .env("MANDALA_ENV", "sandbox")
            .env("MANDALA_CONFIG", &self.config)
            .env("DATABASE_URL", &self.database_url)
            .env("AWS_ACCESS_KEY_ID", &self.creds.0)
            .env("AWS_SECRET_ACCESS_KEY", &self.creds.1)
            .env("AWS_SESSION_TOKEN", &self.creds.2)
            .env("MANDALA_AUDIT_JOURNAL", self.journal())
            .env("MANDALA_STATE_DIR", self.state_dir())
            .timeout(std::time::Duration::from_secs(180));
        cmd
    }

    /// This test's state folder (runbook transcripts and saved runs).
    pub fn state_dir(&self) -> PathBuf {
        self._dir.path().join("state")
    }

    /// Where this test's changes outside the database are journaled.
    pub fn journal(&self) -> PathBuf {
        self._dir.path().join("audit.jsonl")
    }

    /// Starts the binary without waiting, for tests that kill it mid-way.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        let mut cmd = std::process::Command::new(BIN);
        cmd.envs(
            self.cmd()
                .get_envs()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))),
        );
        cmd.args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Starts the binary and returns once it has said on stderr that it waits for a lock, with
    /// the stderr it printed so far (the rest is still readable from the child).
    pub fn spawn_waiting_for_lock(&self, args: &[&str]) -> (std::process::Child, String) {
        use std::io::BufRead;
        let mut child = self.spawn(args);
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut seen = String::new();
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                seen.push_str(&line);
                seen.push('\n');
                if line.contains("waiting up to") {
                    let _ = tx.send(seen.clone());
                }
            }
            let _ = tx.send(seen);
        });
        let seen = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the run says it waits for the lock");
        assert!(seen.contains("waiting up to"), "never waited: {seen}");
        (child, seen)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd().args(args).output().unwrap())
    }

    /// Runs with `-o json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> (i32, Value) {
        let run = self.run(&[args, &["-o", "json"]].concat());
        let value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?} printed no JSON ({e}):\n{}\n{}",
                run.stdout, run.stderr
            )
        });
        (run.code, value)
    }

    /// The sandbox's database password, which must never appear in any output.
    pub fn password(&self) -> String {
        let after_scheme = self.database_url.split_once("://").unwrap().1;
        after_scheme
            .split_once('@')
            .unwrap()
            .0
            .split_once(':')
            .unwrap()
            .1
            .to_string()
    }

    /// Writes this test's config file (the fast retries stay).
    pub fn configure(&self, extra: &str) {
        std::fs::write(
            &self.config,
            format!("[thresholds.retry]\ninitial_interval_ms = 20\nmax_interval_ms = 100\n{extra}"),
        )
        .unwrap();
    }

    pub fn seed(&self, scenario: &str) {
        let run = self.run(&["sandbox", "seed", "--scenario", scenario, "--no-reset"]);
        assert_eq!(run.code, 0, "seed failed:\n{}\n{}", run.stdout, run.stderr);
    }

    pub fn execute(&self, statement: &str) {
        let url = self.database_url.clone();
        let statement = statement.to_string();
        runtime().block_on(async move {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(conn);
            client
                .batch_execute(&statement)
                .await
                .unwrap_or_else(|e| panic!("{statement}: {e}"));
        })
    }

    /// Holds `statement`'s row locks in an open transaction until the holder is released
    /// (committing it) or dropped (rolling it back).
    pub fn hold(&self, statement: &str) -> Holder {
        let url = self.database_url.clone();
        let statement = statement.to_string();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<bool>();
        let thread = std::thread::spawn(move || {
            runtime().block_on(async move {
                let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
                tokio::spawn(conn);
                client
                    .batch_execute(&format!("BEGIN; {statement}"))
                    .await
                    .unwrap();
                ready_tx.send(()).unwrap();
                let commit =
                    tokio::task::spawn_blocking(move || release_rx.recv().unwrap_or(false))
                        .await
                        .unwrap();
                client
                    .batch_execute(if commit { "COMMIT" } else { "ROLLBACK" })
                    .await
                    .unwrap();
            })
        });
        ready_rx.recv().unwrap();
        Holder {
            release: Some(release_tx),
            thread: Some(thread),
        }
    }

    /// Waits until a mandala-ops connection waits on a lock.
    pub fn wait_for_lock_waiter(&self) {
        for _ in 0..300 {
            let waiting = self.sql(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'mandala-ops' AND wait_event_type = 'Lock'",
            );
            if !waiting.is_empty() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("no mandala-ops connection ever waited on a lock");
    }

    /// Runs SQL on this test's database; rows as JSON objects.
    pub fn sql(&self, query: &str) -> Vec<Value> {
        let url = self.database_url.clone();
        let query = format!("SELECT coalesce(json_agg(t), '[]'::json) FROM ({query}) t");
        runtime().block_on(async move {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(conn);
            let row = client
                .query_one(&query, &[])
                .await
                .unwrap_or_else(|e| panic!("{query}: {e}"));
            let v: Value = row.get(0);
            v.as_array().cloned().unwrap_or_default()
        })
    }

    /// SDK clients for this test's account, to check AWS state independently of the CLI.
    pub fn aws<T>(&self, f: impl AsyncFnOnce(&aws_config::SdkConfig) -> T) -> T {
        let h = harness();
        let creds = aws_sdk_sts::config::Credentials::new(
            &self.creds.0,
            &self.creds.1,
            Some(self.creds.2.clone()),
            None,
            "test",
        );
        runtime().block_on(async {
            let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
                .region(aws_config::Region::new(h.region.clone()))
                .endpoint_url(&h.endpoint)
                .credentials_provider(creds)
                .load()
                .await;
            f(&sdk).await
        })
    }
}

impl TestEnv {
    /// Writes events (`(timestamp ms, message)`, oldest first) to a new stream of `group`, as
    /// a function would.
    pub fn put_logs(&self, group: &str, stream: &str, events: &[(i64, &str)]) {
        self.aws(async |sdk| {
            let logs = aws_sdk_cloudwatchlogs::Client::new(sdk);
            logs.create_log_stream()
                .log_group_name(group)
                .log_stream_name(stream)
                .send()
                .await
                .unwrap();
            let events = events.iter().map(|(t, m)| {
                aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
                    .timestamp(*t)
                    .message(*m)
                    .build()
                    .unwrap()
            });
            logs.put_log_events()
                .log_group_name(group)
                .log_stream_name(stream)
                .set_log_events(Some(events.collect()))
                .send()
                .await
                .unwrap();
        });
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        let h = harness();
        let db = self.database_url.rsplit_once('/').unwrap().1.to_string();
        let url = h.database_url.clone();
        let _ = runtime().block_on(async move {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await?;
            tokio::spawn(conn);
            client
                .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                .await
        });
    }
}

async fn assume_role(h: &Harness, account: &str) -> (String, String, String) {
    let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(h.region.clone()))
        .endpoint_url(&h.endpoint)
        .credentials_provider(aws_sdk_sts::config::Credentials::new(
            "sandbox", "sandbox", None, None, "test",
        ))
        .load()
        .await;
    let out = aws_sdk_sts::Client::new(&sdk)
        .assume_role()
        .role_arn(format!("arn:aws:iam::{account}:role/mandala-ops-test"))
        .role_session_name("mandala-ops-test")
        .send()
        .await
        .expect("STS AssumeRole on the emulator");
    let c = out.credentials().unwrap();
    (
        c.access_key_id().into(),
        c.secret_access_key().into(),
        c.session_token().into(),
    )
}

pub struct Holder {
    release: Option<std::sync::mpsc::Sender<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Holder {
    pub fn commit(mut self) {
        let _ = self.release.take().unwrap().send(true);
        self.thread.take().unwrap().join().unwrap();
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        if let Some(tx) = self.release.take() {
            let _ = tx.send(false);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A finished command.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(o: std::process::Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn is_alive(pid: i64) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| {
                s.rsplit_once(')')
                    .is_some_and(|(_, r)| r.trim_start().starts_with('Z'))
            })
            .unwrap_or(true)
}

/// A Python with `packages` installed, in a virtual environment of its own under the tests'
/// temporary folder (made once; later runs reuse it). Tools the tests check output with, such
/// as an XML Schema validator, come from PyPI like the emulator does.
pub fn python_with(name: &str, packages: &[&str]) -> PathBuf {
    static MAKING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = MAKING.lock().unwrap_or_else(|e| e.into_inner());
    let venv = tmp_root().join(format!("{name}-venv"));
    let python = venv.join("bin").join("python");
    let marker = venv.join(format!(".installed-{}", packages.join("+")));
    if marker.exists() {
        return python;
    }
    let run = |cmd: &mut std::process::Command| {
        let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
        assert!(
            out.status.success(),
            "{cmd:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let _ = std::fs::remove_dir_all(&venv);
    run(std::process::Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv));
    run(std::process::Command::new(venv.join("bin").join("pip"))
        .args(["install", "--disable-pip-version-check", "--quiet"])
        .args(packages));
    std::fs::write(&marker, "").unwrap();
    python
}

/// Two result values are the same: numbers within a relative 1e-9 (a string holding a number,
/// and a boolean as 1 or 0, count as numbers), and an object or array shown as JSON text the
/// same value however spaced.
pub fn same(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<f64>().ok(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    };
    let json = |v: &Value| {
        v.as_str()
            .filter(|s| s.starts_with('{') || s.starts_with('['))
            .and_then(|s| serde_json::from_str::<Value>(s).ok())
    };
    match (num(a), num(b), json(a), json(b)) {
        (Some(x), Some(y), _, _) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        (_, _, Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// The first way result rows (JSON objects) differ from the expected ones: their number,
/// a row's columns, or a value.
pub fn rows_differ(got: &[Value], want: &[Value]) -> Option<String> {
    if got.len() != want.len() {
        return Some(format!("{} rows, expected {}", got.len(), want.len()));
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let (Some(g), Some(w)) = (g.as_object(), w.as_object()) else {
            return Some(format!("row {i}: {g} or {w} is not an object"));
        };
        let mut columns: Vec<&String> = g.keys().collect();
        let mut want_columns: Vec<&String> = w.keys().collect();
        columns.sort();
        want_columns.sort();
        if columns != want_columns {
            return Some(format!(
                "row {i}: columns {columns:?}, expected {want_columns:?}"
            ));
        }
        if let Some((c, v)) = w.iter().find(|(c, v)| !same(&g[c.as_str()], v)) {
            return Some(format!("row {i} {c}: {} != expected {v}", g[c.as_str()]));
        }
    }
    None
}

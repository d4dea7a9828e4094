//! `cargo bench --bench insights`: the local Logs Insights engine over at least 1 GB of the
//! service's structured logs, against jq and DuckDB doing the same aggregations over the same
//! file in the same run. Prints MB/s and ratios; asserts nothing.
//!
//! Needs `jq` and Python 3; DuckDB is installed into `target/bench-venv` on first use
//! (`pip install duckdb`). The generated logs are kept in `target/bench-data`.
//! `MANDALA_BENCH_ENGINE_ONLY=1` skips jq and DuckDB (for tuning the engine).

use mandala_ops::insights::engine::{self, Input};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TARGET_BYTES: u64 = 1 << 30;
const RUNS: usize = 3;

struct Case {
    name: &'static str,
    insights: &'static str,
    jq: &'static str,
    duckdb: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "errors by code",
        insights: r#"filter level = "ERROR" | stats count() by error.code"#,
        jq: r#"reduce (inputs | select(.level == "ERROR") | .error.code) as $c ({}; .[$c // "null"] += 1)"#,
        duckdb: "SELECT error.code, count(*) FROM logs WHERE level = 'ERROR' GROUP BY 1",
    },
    Case {
        name: "p95 duration by bin(5m)",
        insights: r#"filter action = "task_generation_success" | stats pct(duration, 95) by bin(5m)"#,
        jq: r#"reduce (inputs | select(.action == "task_generation_success") | [(.timestamp | .[0:19] + "Z" | fromdateiso8601 / 300 | floor), .duration]) as [$b, $d] ({}; .[$b | tostring] += [$d]) | map_values(sort | .[((length - 1) * 0.95 | floor)])"#,
        duckdb: "SELECT time_bucket(INTERVAL 5 MINUTE, timestamp) AS b, quantile_cont(duration, 0.95) FROM logs WHERE action = 'task_generation_success' GROUP BY 1",
    },
    Case {
        name: "parse priorities",
        insights: r#"filter action = "task_generation_success" | parse metadata.priorityDistribution /(?<high>\d+) high, (?<medium>\d+) medium, (?<low>\d+) low/ | stats avg(high), avg(medium), avg(low)"#,
        jq: r#"reduce (inputs | select(.action == "task_generation_success") | .metadata.priorityDistribution | capture("(?<h>[0-9]+) high, (?<m>[0-9]+) medium, (?<l>[0-9]+) low")) as $p ([0, 0, 0, 0]; [.[0] + ($p.h | tonumber), .[1] + ($p.m | tonumber), .[2] + ($p.l | tonumber), .[3] + 1]) | [.[0] / .[3], .[1] / .[3], .[2] / .[3]]"#,
        duckdb: r"SELECT avg(CAST(regexp_extract(metadata.priorityDistribution, '(\d+) high', 1) AS INT)), avg(CAST(regexp_extract(metadata.priorityDistribution, '(\d+) medium', 1) AS INT)), avg(CAST(regexp_extract(metadata.priorityDistribution, '(\d+) low', 1) AS INT)) FROM logs WHERE action = 'task_generation_success'",
    },
];

/// The service's log lines (002 ログフォーマット; 000's task generation events), over a week.
fn generate(path: &Path) -> std::io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut rng = fastrand::Rng::with_seed(42);
    let start = 1_795_000_000_000_i64;
    let codes = [
        "AI_ERROR",
        "DATABASE_ERROR",
        "TIMEOUT_ERROR",
        "VALIDATION_ERROR",
        "QUALITY_ERROR",
        "AI_SERVICE_ERROR",
    ];
    let kinds = ["SUBGOAL_GENERATION", "ACTION_GENERATION", "TASK_GENERATION"];
    let mut bytes = 0u64;
    let mut i = 0u64;
    while bytes < TARGET_BYTES {
        let ts = jiff::Timestamp::from_millisecond(start + (i as i64) * 181).unwrap();
        let t = ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ");
        let user = rng.u32(..5000);
        let line = match rng.u8(..10) {
            0..=3 => {
                let count = rng.u32(1..=5);
                let high = rng.u32(..=count);
                let low = rng.u32(..=count - high);
                format!(
                    r#"{{"timestamp":"{t}","level":"INFO","action":"task_generation_success","requestId":"req-{i}","userId":"user-{user}","actionId":"act-{i}","duration":{},"metadata":{{"tokensUsed":{},"estimatedCost":0.000123,"taskCount":{count},"totalEstimatedMinutes":{},"priorityDistribution":"{high} high, {} medium, {low} low","actionContext":{{"actionType":"{}"}}}}}}"#,
                    rng.u32(3000..32000),
                    rng.u32(700..2500),
                    count * 45,
                    count - high - low,
                    if rng.bool() { "EXECUTION" } else { "HABIT" }
                )
            }
            4..=6 => format!(
                r#"{{"timestamp":"{t}","level":"INFO","action":"bedrock_invoke_model","requestId":"req-{i}","userId":"user-{user}","duration":{},"metadata":{{"tokensUsed":{},"modelId":"amazon.nova-micro-v1:0"}}}}"#,
                rng.u32(500..9000),
                rng.u32(700..2500)
            ),
            7 | 8 => format!(
                r#"{{"timestamp":"{t}","level":"INFO","processId":"p-{i}","userId":"user-{user}","type":"{}","status":"PROCESSING","progress":{},"message":"AI生成処理が50%完了しました","duration":{}}}"#,
                kinds[rng.usize(..3)],
                rng.u32(..=100),
                rng.u32(1000..300000)
            ),
            _ => {
                let code = codes[rng.usize(..codes.len())];
                format!(
                    r#"{{"timestamp":"{t}","level":"ERROR","action":"generation_error","requestId":"req-{i}","userId":"user-{user}","message":"処理に失敗しました","error":{{"code":"{code}","message":"{code} occurred"}}}}"#
                )
            }
        };
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        bytes += line.len() as u64 + 1;
        i += 1;
    }
    out.flush()?;
    Ok(bytes)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    let runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    median(runs)
}

/// A peer's median time, or why there is none: a peer that is missing, fails or prints
/// something new is a row saying so, never a panic.
type Peer = Result<Duration, String>;

/// The first line of a failed peer's output, for its row.
fn why(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no output");
    format!("failed: {}", line.chars().take(60).collect::<String>())
}

/// `cmd` timed over RUNS runs, each of which must succeed.
fn time_command(cmd: &mut Command) -> Peer {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = cmd.output().map_err(|e| format!("cannot start: {e}"))?;
        if !out.status.success() {
            return Err(why(&out));
        }
        runs.push(t.elapsed());
    }
    Ok(median(runs))
}

/// The seconds DuckDB's script reports on its `seconds=` line, wherever it is among whatever
/// else DuckDB prints.
fn duckdb_seconds(out: &std::process::Output) -> Peer {
    if !out.status.success() {
        return Err(why(out));
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.trim().strip_prefix("seconds="))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(Duration::from_secs_f64)
        .ok_or_else(|| "printed no timing".to_string())
}

/// DuckDB in a virtual environment of its own.
fn duckdb_python(root: &Path) -> Option<PathBuf> {
    let venv = root.join("target/bench-venv");
    let python = venv.join("bin/python");
    let ok = |p: &Path| {
        Command::new(p)
            .args(["-c", "import duckdb"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !ok(&python) {
        eprintln!("installing duckdb into {} (first run only)", venv.display());
        let _ = Command::new("python3")
            .arg("-m")
            .arg("venv")
            .arg(&venv)
            .output();
        let _ = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "duckdb"])
            .output();
    }
    ok(&python).then_some(python)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    std::fs::create_dir_all(&data).unwrap();
    let file = data.join("service-logs.jsonl");
    let bytes = match std::fs::metadata(&file) {
        Ok(m) if m.len() >= TARGET_BYTES => m.len(),
        _ => {
            eprintln!("generating 1 GiB of service logs in {}", file.display());
            generate(&file).unwrap()
        }
    };
    let mb = bytes as f64 / 1e6;
    let engine_only = std::env::var_os("MANDALA_BENCH_ENGINE_ONLY").is_some_and(|v| v == "1");
    let jq = !engine_only
        && Command::new("jq")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    let duck = if engine_only {
        None
    } else {
        duckdb_python(root)
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!(
        "local engine benchmark: {:.0} MB of JSON lines, {threads} cores, median of {RUNS} runs",
        mb
    );
    println!(
        "{:<26} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "query", "engine MB/s", "jq MB/s", "DuckDB MB/s", "vs jq", "vs DuckDB"
    );
    for case in CASES {
        let prepared = engine::prepare(case.insights).unwrap();
        let inputs = [Input::Path(file.clone())];
        let ours = time(|| {
            let out = prepared.run_inputs(&inputs, None).unwrap();
            assert!(!out.rows.is_empty());
        });
        let theirs_jq: Option<Peer> =
            jq.then(|| time_command(Command::new("jq").arg("-n").arg(case.jq).arg(&file)));
        // Timed inside Python, so the interpreter's start-up does not count against DuckDB.
        let theirs_duck: Option<Peer> = duck.as_ref().map(|python| {
            let script = format!(
                "import duckdb, statistics, time\ncon = duckdb.connect()\ncon.sql(\"CREATE VIEW logs AS SELECT * FROM read_json('{}', format='newline_delimited', columns={{'timestamp': 'TIMESTAMP', 'level': 'VARCHAR', 'action': 'VARCHAR', 'duration': 'DOUBLE', 'error': 'STRUCT(code VARCHAR, message VARCHAR)', 'metadata': 'STRUCT(priorityDistribution VARCHAR)'}})\")\nruns = []\nfor _ in range({RUNS}):\n    t = time.perf_counter()\n    con.sql({:?}).fetchall()\n    runs.append(time.perf_counter() - t)\nprint('seconds=' + repr(statistics.median(runs)))\n",
                file.display(),
                case.duckdb
            );
            match Command::new(python).arg("-c").arg(&script).output() {
                Ok(out) => duckdb_seconds(&out),
                Err(e) => Err(format!("cannot start: {e}")),
            }
        });
        let rate = |d: Duration| mb / d.as_secs_f64();
        let cell = |d: &Option<Peer>| match d {
            Some(Ok(d)) => format!("{:.0}", rate(*d)),
            Some(Err(e)) => e.clone(),
            None => "n/a".into(),
        };
        let ratio = |d: &Option<Peer>| match d {
            Some(Ok(d)) => format!("{:.1}x", d.as_secs_f64() / ours.as_secs_f64()),
            _ => "n/a".into(),
        };
        println!(
            "{:<26} {:>12.0} {:>12} {:>12} {:>10} {:>10}",
            case.name,
            rate(ours),
            cell(&theirs_jq),
            cell(&theirs_duck),
            ratio(&theirs_jq),
            ratio(&theirs_duck)
        );
    }
}

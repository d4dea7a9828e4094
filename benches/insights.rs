//! `cargo bench --bench insights`: the local Logs Insights engine over 1 GiB of the service's
//! structured logs and 512 MiB of a Lambda function's S3 export in the text format (its
//! `REPORT` lines), against jq and DuckDB doing the same aggregations over the same files in
//! the same run. Prints MB/s and ratios; asserts nothing.
//!
//! Needs `jq` and Python 3; DuckDB is installed into `target/bench-venv` on first use
//! (`pip install duckdb`). The generated logs are kept in `target/bench-data`. jq reads only
//! the first [`JQ_SAMPLE`] bytes of each file, at about 25 MB/s it would take minutes a run
//! over the whole; its percentiles collect the values and `group_by` them (appending to a
//! group's array in `reduce` copies it, which made one run take 20 minutes).
//! `MANDALA_BENCH_ENGINE_ONLY=1` skips jq and DuckDB (for tuning the engine);
//! `cargo bench --bench insights -- p95` runs only the cases whose name holds `p95`.

use mandala_ops::insights::engine::{self, Input};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 3;

/// How much of each file jq reads (whole lines).
const JQ_SAMPLE: u64 = 128 << 20;

/// The logs a case reads.
#[derive(Clone, Copy, PartialEq)]
enum Data {
    /// The service's JSON lines (002 ログフォーマット), 1 GiB.
    Service,
    /// A Lambda function's S3 export, text format: START, application lines, END, REPORT.
    Lambda,
}

impl Data {
    fn file(self) -> &'static str {
        match self {
            Data::Service => "service-logs.jsonl",
            Data::Lambda => "lambda-export.log",
        }
    }

    fn bytes(self) -> u64 {
        match self {
            Data::Service => 1 << 30,
            Data::Lambda => 1 << 29,
        }
    }

    fn generate(self, path: &Path) -> std::io::Result<u64> {
        match self {
            Data::Service => generate(path, self.bytes()),
            Data::Lambda => generate_lambda(path, self.bytes()),
        }
    }

    /// The DuckDB view `logs` over the file.
    fn duckdb_view(self, file: &Path) -> String {
        match self {
            Data::Service => format!(
                "CREATE VIEW logs AS SELECT * FROM read_json('{}', format='newline_delimited', columns={{'timestamp': 'TIMESTAMP', 'level': 'VARCHAR', 'action': 'VARCHAR', 'duration': 'DOUBLE', 'error': 'STRUCT(code VARCHAR, message VARCHAR)', 'metadata': 'STRUCT(priorityDistribution VARCHAR)'}})",
                file.display()
            ),
            // One column a line: the lines hold tabs and no `|`.
            Data::Lambda => format!(
                "CREATE VIEW logs AS SELECT line FROM read_csv('{}', columns={{'line': 'VARCHAR'}}, header=false, delim='|', quote='', escape='', auto_detect=false)",
                file.display()
            ),
        }
    }
}

struct Case {
    name: &'static str,
    data: Data,
    insights: &'static str,
    /// A jq program over `inputs`: JSON values, or raw lines (`-R`) for the Lambda export.
    jq: &'static str,
    duckdb: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "errors by code",
        data: Data::Service,
        insights: r#"filter level = "ERROR" | stats count() by error.code"#,
        jq: r#"reduce (inputs | select(.level == "ERROR") | .error.code) as $c ({}; .[$c // "null"] += 1)"#,
        duckdb: "SELECT error.code, count(*) FROM logs WHERE level = 'ERROR' GROUP BY 1",
    },
    Case {
        name: "p95 duration by bin(5m)",
        data: Data::Service,
        insights: r#"filter action = "task_generation_success" | stats pct(duration, 95) by bin(5m)"#,
        jq: r#"[inputs | select(.action == "task_generation_success") | [(.timestamp | .[0:19] + "Z" | fromdateiso8601 / 300 | floor), .duration]] | group_by(.[0]) | map({key: (.[0][0] | tostring), value: (map(.[1]) | sort | .[((length - 1) * 0.95 | floor)])}) | from_entries"#,
        duckdb: "SELECT time_bucket(INTERVAL 5 MINUTE, timestamp) AS b, quantile_cont(duration, 0.95) FROM logs WHERE action = 'task_generation_success' GROUP BY 1",
    },
    Case {
        name: "parse priorities",
        data: Data::Service,
        insights: r#"filter action = "task_generation_success" | parse metadata.priorityDistribution /(?<high>\d+) high, (?<medium>\d+) medium, (?<low>\d+) low/ | stats avg(high), avg(medium), avg(low)"#,
        jq: r#"reduce (inputs | select(.action == "task_generation_success") | .metadata.priorityDistribution | capture("(?<h>[0-9]+) high, (?<m>[0-9]+) medium, (?<l>[0-9]+) low")) as $p ([0, 0, 0, 0]; [.[0] + ($p.h | tonumber), .[1] + ($p.m | tonumber), .[2] + ($p.l | tonumber), .[3] + 1]) | [.[0] / .[3], .[1] / .[3], .[2] / .[3]]"#,
        duckdb: r"SELECT avg(CAST(regexp_extract(metadata.priorityDistribution, '(\d+) high', 1) AS INT)), avg(CAST(regexp_extract(metadata.priorityDistribution, '(\d+) medium', 1) AS INT)), avg(CAST(regexp_extract(metadata.priorityDistribution, '(\d+) low', 1) AS INT)) FROM logs WHERE action = 'task_generation_success'",
    },
    // The Lambda Operator Guide's percentile reports (useful Insights queries), memory and
    // billed duration together: the most common query over Lambda's own lines.
    Case {
        name: "REPORT pcts by bin(30m)",
        data: Data::Lambda,
        insights: r#"filter @type = "REPORT" | stats pct(@billedDuration, 95) as p95, pct(@billedDuration, 99) as p99, pct(@maxMemoryUsed / 1000 / 1000, 95) as mem95 by bin(30m)"#,
        jq: r#"[inputs | select(contains(" REPORT RequestId: ")) | capture("^(?<t>[^ ]+) REPORT .*Billed Duration: (?<b>[0-9]+) ms.*Max Memory Used: (?<m>[0-9]+) MB") | [(.t | .[0:19] + "Z" | fromdateiso8601 / 1800 | floor), (.b | tonumber), (.m | tonumber)]] | group_by(.[0]) | map({key: (.[0][0] | tostring), value: {p95: (map(.[1]) | sort | .[((length - 1) * 0.95 | floor)]), p99: (map(.[1]) | sort | .[((length - 1) * 0.99 | floor)]), mem95: (map(.[2]) | sort | .[((length - 1) * 0.95 | floor)])}}) | from_entries"#,
        duckdb: r"SELECT time_bucket(INTERVAL 30 MINUTE, CAST(substr(line, 1, 23) AS TIMESTAMP)) AS b, quantile_cont(CAST(regexp_extract(line, 'Billed Duration: (\d+) ms', 1) AS DOUBLE), 0.95), quantile_cont(CAST(regexp_extract(line, 'Billed Duration: (\d+) ms', 1) AS DOUBLE), 0.99), quantile_cont(CAST(regexp_extract(line, 'Max Memory Used: (\d+) MB', 1) AS DOUBLE), 0.95) FROM logs WHERE line LIKE '% REPORT RequestId: %' GROUP BY 1",
    },
];

/// The service's log lines (002 ログフォーマット; 000's task generation events), over a week.
fn generate(path: &Path, target: u64) -> std::io::Result<u64> {
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
    while bytes < target {
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
        bytes += write_line(&mut out, &line)?;
        i += 1;
    }
    out.flush()?;
    Ok(bytes)
}

/// A Lambda function's log group as CloudWatch exports it to S3, text format: a START, an
/// application line, an END and a REPORT an invocation (a cold start's REPORT with its Init
/// Duration), an invocation every 50 ms.
fn generate_lambda(path: &Path, target: u64) -> std::io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut rng = fastrand::Rng::with_seed(7);
    let start = 1_795_000_000_000_i64;
    let mut bytes = 0u64;
    let mut i = 0u64;
    while bytes < target {
        let t0 = start + i as i64 * 50;
        let duration = rng.u32(20_000..3_000_000) as f64 / 1000.0;
        let t = |ms: i64| {
            jiff::Timestamp::from_millisecond(ms)
                .unwrap()
                .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
                .to_string()
        };
        let (begin, end) = (t(t0), t(t0 + duration as i64));
        let id = format!(
            "{:08x}-{:04x}-4c1e-9b2d-{:012x}",
            i,
            rng.u16(..),
            rng.u64(..1 << 48)
        );
        let init = if rng.u8(..50) == 0 {
            format!(
                "Init Duration: {}.{:02} ms\t",
                rng.u32(150..900),
                rng.u8(..100)
            )
        } else {
            String::new()
        };
        let lines = [
            format!("{begin} START RequestId: {id} Version: $LATEST"),
            format!(
                "{begin} {begin}\t{id}\tINFO\tgenerating sub-goals for goal {}",
                rng.u32(..100_000)
            ),
            format!("{end} END RequestId: {id}"),
            format!(
                "{end} REPORT RequestId: {id}\tDuration: {duration:.2} ms\tBilled Duration: {} ms\tMemory Size: 1024 MB\tMax Memory Used: {} MB\t{init}",
                duration.ceil(),
                rng.u32(80..1024)
            ),
        ];
        for line in lines {
            bytes += write_line(&mut out, &line)?;
        }
        i += 1;
    }
    out.flush()?;
    Ok(bytes)
}

/// The first `bytes` of `file`, cut after a whole line, as a file of its own; its size.
fn sample(file: &Path, bytes: u64) -> std::io::Result<(PathBuf, u64)> {
    let out = file.with_extension("jq-sample");
    if let Ok(m) = std::fs::metadata(&out)
        && m.len() > 0
        && m.len() <= bytes
    {
        return Ok((out, m.len()));
    }
    let mut head = Vec::with_capacity(bytes as usize);
    std::fs::File::open(file)?
        .take(bytes)
        .read_to_end(&mut head)?;
    if let Some(end) = memchr::memrchr(b'\n', &head) {
        head.truncate(end + 1);
    }
    std::fs::write(&out, &head)?;
    Ok((out, head.len() as u64))
}

/// One line and its break; the bytes written.
fn write_line(out: &mut impl Write, line: &str) -> std::io::Result<u64> {
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(line.len() as u64 + 1)
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
    let file = |d: Data| {
        let file = data.join(d.file());
        match std::fs::metadata(&file) {
            Ok(m) if m.len() >= d.bytes() => (file, m.len()),
            _ => {
                eprintln!(
                    "generating {} MiB of logs in {}",
                    d.bytes() >> 20,
                    file.display()
                );
                let bytes = d.generate(&file).unwrap();
                (file, bytes)
            }
        }
    };
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
    println!("local engine benchmark: {threads} cores, median of {RUNS} runs");
    println!(
        "{:<26} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "query", "engine MB/s", "jq MB/s", "DuckDB MB/s", "vs jq", "vs DuckDB"
    );
    // `cargo bench` passes `--bench`; any other argument picks cases by name.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    for case in CASES
        .iter()
        .filter(|c| only.is_empty() || only.iter().any(|o| c.name.contains(o.as_str())))
    {
        let (file, bytes) = file(case.data);
        let mb = bytes as f64 / 1e6;
        let prepared = engine::prepare(case.insights).unwrap();
        let inputs = [Input::Path(file.clone())];
        let ours = time(|| {
            let out = prepared.run_inputs(&inputs, None).unwrap();
            assert!(!out.rows.is_empty());
        });
        let theirs_jq: Option<Peer> = jq.then(|| {
            let (head, head_bytes) =
                sample(&file, JQ_SAMPLE).map_err(|e| format!("no sample: {e}"))?;
            let mut cmd = Command::new("jq");
            if case.data == Data::Lambda {
                cmd.arg("-R");
            }
            // Scaled to the whole file's size, so its MB/s is comparable.
            time_command(cmd.arg("-n").arg(case.jq).arg(&head))
                .map(|d| d.mul_f64(bytes as f64 / head_bytes as f64))
        });
        // Timed inside Python, so the interpreter's start-up does not count against DuckDB.
        let theirs_duck: Option<Peer> = duck.as_ref().map(|python| {
            let script = format!(
                "import duckdb, statistics, time\ncon = duckdb.connect()\ncon.sql({:?})\nruns = []\nfor _ in range({RUNS}):\n    t = time.perf_counter()\n    con.sql({:?}).fetchall()\n    runs.append(time.perf_counter() - t)\nprint('seconds=' + repr(statistics.median(runs)))\n",
                case.data.duckdb_view(&file),
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

//! The Athena translation of every query of `queries/`, checked against the local engine: the
//! SQL, in the dialect DuckDB runs, over the shipped corpus written as CloudWatch exports it
//! (the archive's format), and over a generated corpus with missing fields, nulls, mixed types
//! and unicode. Counts, sums, minima and maxima must be equal; percentiles too (DuckDB's
//! `quantile_cont` interpolates as the engine does; Athena's `approx_percentile` is within its
//! documented error, not checked here).

use crate::support::{bare_cmd, python_with, tmp_root};
use libtest_mimic::Failed;
use mandala_ops::insights::sql::{Dialect, Scope, translate};
use serde_json::Value;
use std::path::{Path, PathBuf};

tests![
    duckdb_runs_every_query_as_the_engine_does_on_the_corpus,
    duckdb_runs_every_query_as_the_engine_does_on_awkward_values,
];

/// DuckDB, loading `lines` as the archive's table and printing the rows of the SQL in argv[2].
const DUCKDB: &str = r#"
import duckdb, json, sys
con = duckdb.connect()
con.execute("CREATE TABLE logs (line VARCHAR, component VARCHAR, dt VARCHAR)")
with open(sys.argv[1], encoding="utf-8") as f:
    rows = [(l.rstrip("\n"), "c", "2026-01-01") for l in f if l.strip()]
con.executemany("INSERT INTO logs VALUES (?, ?, ?)", rows)
out = {}
for name, sql in json.load(open(sys.argv[2], encoding="utf-8")).items():
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        out[name] = {"columns": cols, "rows": [dict(zip(cols, r)) for r in cur.fetchall()]}
    except Exception as e:
        out[name] = {"error": str(e), "sql": sql}
print(json.dumps(out, default=str, ensure_ascii=False))
"#;

fn library_queries() -> Vec<(String, String)> {
    let params: Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/expected.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let lib = mandala_ops::insights::library::Library::load(
        None,
        &mandala_ops::config::Thresholds::default(),
    )
    .unwrap();
    lib.queries
        .iter()
        .map(|q| {
            let given = params["params"][q.name()]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            (q.name().to_string(), q.render(&given).unwrap())
        })
        .collect()
}

/// Each query's rows from the local engine over `file`.
fn engine(file: &Path, text: &str) -> Value {
    let out = bare_cmd()
        .args(["query", "run", "--text", text, "-o", "json", "--local"])
        .arg(file)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{text}: {e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// Equal as the report prints them: numbers within rounding, text exactly, null as null.
fn same(a: &Value, b: &Value) -> bool {
    // The engine's min and max give a JSON `true` back as it was; SQL, as the 1 it counts as.
    let num = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<f64>().ok(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    };
    // An object or array shown as JSON: the same value, however spaced.
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

/// Runs every library query both ways over the export lines in `file`; the differences.
fn compare(file: &Path) -> Vec<String> {
    let scope = Scope {
        table: "logs".into(),
        components: vec!["c".into()],
        from: "2000-01-01T00:00:00Z".parse().unwrap(),
        to: "2100-01-01T00:00:00Z".parse().unwrap(),
    };
    let queries = library_queries();
    let mut sql = serde_json::Map::new();
    for (name, text) in &queries {
        let q = mandala_ops::insights::engine::prepare(text).unwrap().query;
        let s = translate(&q, Dialect::DuckDb, &scope).unwrap_or_else(|e| panic!("{name}: {e}"));
        sql.insert(name.clone(), Value::String(s));
    }
    let sql_file = file.with_extension("sql.json");
    std::fs::write(&sql_file, Value::Object(sql).to_string()).unwrap();
    let python = python_with("duckdb", &["duckdb==1.1.3"]);
    let out = std::process::Command::new(python)
        .args(["-c", DUCKDB])
        .arg(file)
        .arg(&sql_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let duck: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut differences = Vec::new();
    for (name, text) in &queries {
        let d = &duck[name];
        if let Some(e) = d.get("error") {
            differences.push(format!(
                "{name}: DuckDB: {e}\n{}",
                d["sql"].as_str().unwrap()
            ));
            continue;
        }
        let e = engine(file, text);
        let (er, dr) = (e["rows"].as_array().unwrap(), d["rows"].as_array().unwrap());
        if e["columns"] != d["columns"] {
            differences.push(format!(
                "{name}: columns {} vs {}",
                e["columns"], d["columns"]
            ));
            continue;
        }
        if er.len() != dr.len() {
            differences.push(format!("{name}: {} rows, DuckDB {}", er.len(), dr.len()));
            continue;
        }
        for (i, (a, b)) in er.iter().zip(dr).enumerate() {
            for c in e["columns"].as_array().unwrap() {
                let c = c.as_str().unwrap();
                let (x, y) = (
                    a.get(c).unwrap_or(&Value::Null),
                    b.get(c).unwrap_or(&Value::Null),
                );
                if !same(x, y) {
                    differences.push(format!("{name} row {i} {c}: engine {x}, DuckDB {y}"));
                }
            }
        }
    }
    differences
}

/// The shipped corpus as CloudWatch exports it: `<ISO time> <message>` a line.
fn corpus_as_export(dest: &Path) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut cmd = bare_cmd();
    cmd.args([
        "query",
        "run",
        "--text",
        "fields @timestamp, @message | sort @timestamp asc",
        "-o",
        "json",
        "--local",
    ])
    .args(&files);
    let out: Value = serde_json::from_slice(&cmd.output().unwrap().stdout).unwrap();
    let mut lines = String::new();
    for r in out["rows"].as_array().unwrap() {
        let (Some(t), Some(m)) = (r["@timestamp"].as_str(), r["@message"].as_str()) else {
            continue;
        };
        lines.push_str(&format!("{}Z {m}\n", t.replace(' ', "T")));
    }
    std::fs::write(dest, lines).unwrap();
}

fn duckdb_runs_every_query_as_the_engine_does_on_the_corpus() -> Result<(), Failed> {
    let dir = tmp_root().join("athena-corpus");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("export.txt");
    corpus_as_export(&file);
    let differences = compare(&file);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    Ok(())
}

fn duckdb_runs_every_query_as_the_engine_does_on_awkward_values() -> Result<(), Failed> {
    let dir = tmp_root().join("athena-awkward");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("export.txt");
    // Missing fields, nulls, numbers as text, wrong types, unicode, empty strings.
    let values = [
        r#""duration": 1200"#,
        r#""duration": "1300""#,
        r#""duration": null"#,
        r#""duration": "fast""#,
        r#""duration": true"#,
        "",
    ];
    let mut rng = 7u64;
    let mut next = |n: u64| {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (rng >> 33) % n
    };
    let mut lines = String::new();
    for i in 0..400 {
        let t = format!(
            "2026-12-01T{:02}:{:02}:{:02}.{:03}Z",
            i / 60 % 24,
            i % 60,
            next(60),
            next(1000)
        );
        let level = ["ERROR", "INFO", "WARN", "エラー"][next(4) as usize];
        let action = [
            "task_generation_success",
            "bedrock_invoke_model",
            "profile_request",
            "",
        ][next(4) as usize];
        let mut fields = vec![
            format!(r#""level": "{level}""#),
            format!(r#""action": "{action}""#),
        ];
        let v = values[next(values.len() as u64) as usize];
        if !v.is_empty() {
            fields.push(v.to_string());
        }
        if next(3) == 0 {
            fields.push(format!(
                r#""error": {{"code": "{}", "message": "不正な入力 {i}"}}"#,
                ["AUTHENTICATION_ERROR", "FORBIDDEN", "BedrockError"][next(3) as usize]
            ));
        }
        if next(4) == 0 {
            fields.push(format!(r#""userId": "u{}""#, next(5)));
        }
        if next(5) == 0 {
            fields.push(format!(
                r#""metadata": {{"tokensUsed": {}, "taskCount": {}, "totalEstimatedMinutes": {}, "priorityDistribution": "{} high, {} medium, {} low"}}"#,
                next(3000),
                next(6),
                next(300),
                next(5),
                next(5),
                next(5)
            ));
        }
        lines.push_str(&format!("{t} {{{}}}\n", fields.join(", ")));
    }
    std::fs::write(&file, lines).unwrap();
    let differences = compare(&file);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    Ok(())
}

//! Athena over the log archive: the table `logs athena-setup` makes, the client against the
//! emulator (it runs no SQL: its answers are set through its API), and the translation of every
//! query of `queries/` as golden SQL and checked against the local engine: the SQL, in the
//! dialect DuckDB runs, over the shipped corpus written as CloudWatch exports it
//! (the archive's format), and over a generated corpus with missing fields, nulls, mixed types
//! and unicode. Counts, sums, minima and maxima must be equal; percentiles too (DuckDB's
//! `quantile_cont` interpolates as the engine does; Athena's `approx_percentile` is within its
//! documented error, not checked here).

use crate::support::{TestEnv, bare_cmd, harness, python_with, same, tmp_root};
use libtest_mimic::Failed;
use mandala_ops::insights::sql::{Dialect, Scope, translate};
use serde_json::Value;
use std::path::{Path, PathBuf};

tests![
    duckdb_runs_every_query_as_the_engine_does_on_the_corpus,
    duckdb_runs_every_query_as_the_engine_does_on_awkward_values,
    golden_athena_sql_of_every_query,
    a_month_archived_answers_on_athena_as_on_cloudwatch,
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
/// Runs `queries` both ways over the export lines in `file`; the differences.
fn compare(file: &Path, queries: &[(String, String)]) -> Vec<String> {
    let scope = Scope {
        table: "logs".into(),
        components: vec!["c".into()],
        from: "2000-01-01T00:00:00Z".parse().unwrap(),
        to: "2100-01-01T00:00:00Z".parse().unwrap(),
    };
    let mut sql = serde_json::Map::new();
    for (name, text) in queries {
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
    for (name, text) in queries {
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
    let files = crate::queries::corpus();
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
    let differences = compare(&file, &library_queries());
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
    // The library, and the null semantics and functions it does not exercise.
    let mut queries = library_queries();
    for (i, text) in [
        "filter level != \"ERROR\" | stats count() as n",
        "filter not (error.code = \"FORBIDDEN\") | stats count() as n by action",
        "filter duration > 1000 or duration <= 0 | stats count() as n, sum(duration) as s",
        "fields duration * 2 + 1 as d, duration / 0 as z | stats sum(d) as s, count(z) as zeros",
        "stats count(error.code) as n, count_distinct(userId) as u, earliest(action) as e, latest(action) as l, stddev(duration) as sd",
        "filter ispresent(error) and isempty(userId) | stats count() as n",
        "filter action in [\"profile_request\", \"\"] | stats min(duration) as lo, max(duration) as hi by level",
        "filter error.message like /入力 1/ | fields toupper(level) as l, strlen(action) as n | sort n desc, l asc | limit 7",
        "filter @message like \"FORBIDDEN\" | stats count() as n by bin(30m)",
        "fields substr(action, 3, 4) as a, substr(level, 1) as b, substr(action, duration / 1000 - 1.5, 2) as c, replace(action, \"_\", \"-\") as r, replace(level, \"\", \"x\") as e, md5(action) as m, sha256(level) as h | stats count() as n by a, b, c, r, e, m, h",
        "filter toMillis(@timestamp) >= 1796104800000 | fields toMillis(@timestamp) as t, toMillis(duration) as d | stats count() as n, min(t) as lo, max(t) as hi, sum(d) as sd, count(d) as nd",
        "fields greatest(duration, 5) as g, least(duration, 5) as l, sqrt(duration - 1250) as r, log(duration - 1200) as lg, strcontains(action, \"profile\") as sc | stats sum(g) as sg, sum(l) as sl, sum(r) as sr, sum(lg) as slg, sum(sc) as ssc, count(r) as nr",
    ]
    .iter()
    .enumerate()
    {
        queries.push((format!("semantics-{i}"), text.to_string()));
    }
    let differences = compare(&file, &queries);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    Ok(())
}

/// The Athena SQL of every library query over a fixed month: any change to the translation is a
/// reviewed snapshot change.
fn golden_athena_sql_of_every_query() -> Result<(), Failed> {
    let scope = Scope {
        table: "\"mandala_ops\".\"logs_prod\"".into(),
        components: vec!["task-generation".into()],
        from: "2026-11-01T00:00:00Z".parse().unwrap(),
        to: "2026-12-01T00:00:00Z".parse().unwrap(),
    };
    let mut all = String::new();
    for (name, text) in library_queries() {
        let q = mandala_ops::insights::engine::prepare(&text).unwrap().query;
        let sql = translate(&q, Dialect::Athena, &scope).unwrap_or_else(|e| panic!("{name}: {e}"));
        all.push_str(&format!("-- {name}\n{sql};\n\n"));
    }
    insta::with_settings!({prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("athena_sql", all);
    });
    Ok(())
}

/// Sets what the emulator's Athena answers next: `rows` under `columns` (name, Athena type),
/// with the header row a SELECT's first page starts with.
fn athena_answers(env: &TestEnv, columns: &[(&str, &str)], rows: &[Vec<Option<String>>]) {
    let h = harness();
    let cell = |v: Option<&str>| match v {
        Some(v) => serde_json::json!({"VarCharValue": v}),
        None => serde_json::json!({}),
    };
    let mut data = vec![
        serde_json::json!({"Data": columns.iter().map(|(n, _)| cell(Some(n))).collect::<Vec<_>>()}),
    ];
    data.extend(rows.iter().map(
        |r| serde_json::json!({"Data": r.iter().map(|v| cell(v.as_deref())).collect::<Vec<_>>()}),
    ));
    let body = serde_json::json!({
        "account_id": env.account,
        "region": h.region,
        "results": [{
            "rows": data,
            "column_info": columns.iter().map(|(n, t)| serde_json::json!({"Name": n, "Label": n, "Type": t, "Nullable": "UNKNOWN", "CaseSensitive": true, "CatalogName": "hive", "SchemaName": "", "TableName": "", "Precision": 0, "Scale": 0})).collect::<Vec<_>>(),
        }],
    });
    let status = ureq::post(format!(
        "{}/moto-api/static/athena/query-results",
        h.endpoint
    ))
    .send_json(&body)
    .unwrap()
    .status();
    assert_eq!(status.as_u16(), 201);
}

/// The issue's acceptance: a month archived (`logs archive`), the table made (`logs
/// athena-setup`), and `query run error-types --since 30d` on Athena gives the table the
/// engine gives through CloudWatch, with the bytes scanned and their cost; the SQL it sent
/// reads only the query's component and the range's days.
fn a_month_archived_answers_on_athena_as_on_cloudwatch() -> Result<(), Failed> {
    let env = TestEnv::new("athena_engine");
    // A bucket of its own: the emulator's bucket names are shared by its accounts.
    let bucket = format!("archive-{}", env.account);
    env.configure(&format!(
        "[environments.sandbox.archive]\nbucket = \"{bucket}\"\noutput = \"s3://{bucket}/athena-results/\"\n"
    ));
    env.seed("incident");
    // The incident's errors are today's, and today is not archived yet: errors of earlier days
    // (not yesterday, which the seed archived already), written as the function would.
    let day = 86_400_000;
    let midnight = jiff::Timestamp::now().as_millisecond() / day * day;
    let mut events = Vec::new();
    for (i, code) in [
        "AI_ERROR",
        "DATABASE_ERROR",
        "AI_ERROR",
        "TIMEOUT_ERROR",
        "AI_ERROR",
        "VALIDATION_ERROR",
    ]
    .iter()
    .enumerate()
    {
        for back in [2, 5] {
            events.push((
                midnight - back * day + 3_600_000 + i as i64 * 60_000,
                format!(r#"{{"level":"ERROR","action":"generation_error","error":{{"code":"{code}","message":"失敗 {i}"}}}}"#),
            ));
        }
    }
    events.sort();
    let events: Vec<(i64, &str)> = events.iter().map(|(t, m)| (*t, m.as_str())).collect();
    env.put_logs(
        "/aws/lambda/goal-mandala-sandbox-task-generation",
        "2026/12/01/[$LATEST]archived",
        &events,
    );
    let run = env.run(&["logs", "archive", "--since", "30d", "--apply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (code, setup) = env.json(&["logs", "athena-setup", "--apply"]);
    assert_eq!(code, 0, "{setup}");
    assert_eq!(setup["executions"].as_array().unwrap().len(), 4);

    // The archive read here, streamed from S3 (`--local s3://…`): the range's archived days.
    let streamed = |url| {
        [
            "query",
            "run",
            "error-types",
            "--since",
            "30d",
            "--local",
            url,
        ]
    };
    let url = &format!("s3://{bucket}/logs/sandbox/");
    let (code, archived) = env.json(&streamed(url));
    assert_eq!(code, 0, "{archived}");
    assert!(
        archived["notes"]
            .to_string()
            .contains("export objects streamed"),
        "{archived}"
    );
    // A subquery's SOURCE streamed from the archive as well (`--source GROUP=s3://…`).
    let within = r#"filter level = "ERROR" and error.code in (
            SOURCE 'task-generation' | filter error.code = "AI_ERROR" | fields error.code)
        | stats count() as count by error.code"#;
    let source = format!("task-generation={url}");
    let (code, got) = env.json(&[
        "query",
        "run",
        "--text",
        within,
        "--log-group",
        "task-generation",
        "--since",
        "30d",
        "--local",
        url,
        "--source",
        &source,
    ]);
    assert_eq!(code, 0, "{got}");
    let ai: Vec<&serde_json::Value> = archived["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["error.code"] == "AI_ERROR")
        .collect();
    assert_eq!(ai.len(), 1, "{archived}");
    assert_eq!(got["rows"], serde_json::json!([ai[0]]), "{got}");

    // The same days read from CloudWatch: the whole days before today that were archived.
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let month_ago = today.checked_sub(jiff::Span::new().days(30)).unwrap();
    let (start, end) = (
        format!("{month_ago}T00:00:00Z"),
        format!("{today}T00:00:00Z"),
    );
    let (code, local) = env.json(&[
        "query",
        "run",
        "error-types",
        "--start",
        &start,
        "--end",
        &end,
        "--engine",
        "local",
    ]);
    assert_eq!(code, 0, "{local}");
    assert!(local["rows"].as_array().unwrap().len() > 3, "{local}");
    assert_eq!(archived["columns"], local["columns"]);
    assert_eq!(
        archived["rows"], local["rows"],
        "the archive holds what CloudWatch held"
    );

    // Athena over the same archive: the emulator answers what it is given (the SQL itself is
    // checked against the engine through DuckDB above); the client and the report are real.
    let rows: Vec<Vec<Option<String>>> = local["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            vec![
                r["error.code"].as_str().map(str::to_string),
                r["count"].as_f64().map(|n| format!("{n}")),
            ]
        })
        .collect();
    athena_answers(
        &env,
        &[("error.code", "varchar"), ("count", "bigint")],
        &rows,
    );
    let (code, athena) = env.json(&[
        "query",
        "run",
        "error-types",
        "--since",
        "30d",
        "--engine",
        "athena",
    ]);
    assert_eq!(code, 0, "{athena}");
    assert_eq!(athena["engine"], "athena");
    assert_eq!(athena["columns"], archived["columns"]);
    assert_eq!(athena["rows"], archived["rows"], "the same table both ways");
    assert!(athena["cost_usd"].as_f64().unwrap() > 0.0, "{athena}");
    assert!(
        athena["notes"].to_string().contains("query execution"),
        "{athena}"
    );

    // Nothing archived for the range is a selection that selects nothing: exit 64.
    let run = env.run(&streamed(&format!("s3://{bucket}/nothing-here/")));
    assert_eq!(run.code, 64, "{}", run.stderr);

    // The SQL sent: the query's one component, the range's days, the table's database.
    let sent = env.aws(async |sdk| {
        let athena = aws_sdk_athena::Client::new(sdk);
        let ids = athena.list_query_executions().send().await.unwrap();
        let mut texts = Vec::new();
        for id in ids.query_execution_ids() {
            let e = athena
                .get_query_execution()
                .query_execution_id(id)
                .send()
                .await
                .unwrap();
            let e = e.query_execution().unwrap();
            texts.push(e.query().unwrap_or_default().to_string());
        }
        texts
    });
    let select = sent
        .iter()
        .find(|q| q.starts_with("WITH"))
        .expect("the query was sent");
    assert!(
        select.contains(&format!(
            "component IN ('task-generation') AND dt BETWEEN '{month_ago}' AND '{today}'"
        )),
        "{select}"
    );
    assert!(
        select.contains("\"mandala_ops\".\"logs_sandbox\""),
        "{select}"
    );
    Ok(())
}

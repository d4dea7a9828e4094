//! Every query of `queries/` run by the local engine over the shipped corpus, compared with
//! values computed independently by `tests/data/expected.py` (plain Python, by hand).

use crate::support::{TestEnv, bare_cmd, rows_differ};
use libtest_mimic::Failed;
use serde_json::Value;
use std::path::PathBuf;

tests![
    every_library_query_matches_independent_values,
    unreadable_lines_are_counted_not_fatal,
    stdin_and_ad_hoc_text,
    addtotals_as_its_syntax_page_shows,
    now_is_when_the_query_started_in_epoch_seconds,
    lookup_enriches_events_from_a_csv_table,
    diff_joins_the_patterns_of_a_range_and_the_one_before,
    bad_input_exits_64,
    injection_through_parameters_is_refused,
    sandbox_runs_queries_locally_over_fetched_events,
    sandbox_cloudwatch_engine_and_sync,
    source_selects_the_log_groups_as_log_group_does,
    joins_and_subqueries_fetch_the_group_their_source_names,
    over_files_each_source_needs_its_file,
];

pub fn corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn run_local(name: &str, params: &[String]) -> (i32, Value) {
    let mut cmd = bare_cmd();
    cmd.args(["query", "run", name, "-o", "json"]);
    for p in params {
        cmd.args(["-p", p]);
    }
    cmd.arg("--local").args(corpus());
    let out = cmd.output().unwrap();
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), value)
}

fn every_library_query_matches_independent_values() -> Result<(), Failed> {
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/expected.json"),
    )?)?;
    let queries = expected["queries"].as_object().unwrap();
    let list = bare_cmd().args(["query", "list", "-o", "json"]).output()?;
    let list: Value = serde_json::from_slice(&list.stdout)?;
    let names: Vec<&str> = list["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap())
        .collect();
    for name in &names {
        assert!(
            queries.contains_key(*name),
            "no expected values for {name}: add it to tests/data/expected.py"
        );
    }
    let mut failures = Vec::new();
    for (name, want) in queries {
        let params: Vec<String> = expected["params"][name]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| format!("{k}={}", v.as_str().unwrap()))
                    .collect()
            })
            .unwrap_or_default();
        let (code, got) = run_local(name, &params);
        if code != 0 && code != 1 {
            failures.push(format!("{name}: exit {code}"));
            continue;
        }
        if let Some(d) = rows_differ(got["rows"].as_array().unwrap(), want.as_array().unwrap()) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries differ:\n{}",
        failures.len(),
        queries.len(),
        failures.join("\n")
    );
    Ok(())
}

fn unreadable_lines_are_counted_not_fatal() -> Result<(), Failed> {
    let (code, got) = run_local("error-types", &[]);
    assert_eq!(code, 0);
    assert_eq!(got["unreadable_lines"], 1, "the corpus has one broken line");
    let notes = got["notes"].to_string();
    assert!(
        notes.contains("task-generation.jsonl:") && notes.contains("broken JSON"),
        "{notes}"
    );
    Ok(())
}

/// `query run --text QUERY --local - -o FORMAT` over `input` on stdin: the exit status, stdout
/// and stderr.
fn run_text(query: &str, input: &str, format: &str) -> Result<(i32, String, String), Failed> {
    let out = bare_cmd()
        .args([
            "query", "run", "--text", query, "--local", "-", "-o", format,
        ])
        .write_stdin(input)
        .output()?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout)?,
        String::from_utf8(out.stderr)?,
    ))
}

fn stdin_and_ad_hoc_text() -> Result<(), Failed> {
    let input = "{\"level\":\"ERROR\",\"error\":{\"code\":\"A\"}}\n{\"level\":\"ERROR\",\"error\":{\"code\":\"A\"}}\n{\"level\":\"INFO\"}\n";
    let (code, stdout, stderr) = run_text(
        "filter level = \"ERROR\" | stats count() as n by error.code",
        input,
        "csv",
    )?;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "error.code,n\nA,2\n");
    Ok(())
}

/// `diff` as its syntax page describes it: the range's patterns against those of the range just
/// before, or of the same time a day earlier; counted by hand from the lines below.
/// The four examples of the `addtotals` syntax page, over two records, totals worked by hand.
fn addtotals_as_its_syntax_page_shows() -> Result<(), Failed> {
    let input = concat!(
        "{\"a\":1,\"b\":2,\"price\":10,\"tax\":\"1.5\",\"qty\":3,\"val\":7,\"x\":4}\n",
        "{\"a\":3,\"b\":\"n/a\",\"price\":20,\"tax\":2,\"qty\":1,\"val\":1,\"x\":6}\n",
    );
    let run = |query: &str| run_text(query, input, "csv");
    for (query, want) in [
        // Row totals (default): a Total column summing all numeric fields.
        ("fields a, b | addtotals", "a,b,Total\n1,2,3\n3,n/a,3\n"),
        // Sum only specific fields.
        (
            "fields price, tax, qty | addtotals price, tax",
            "price,tax,qty,Total\n10,1.5,3,11.5\n20,2,1,22\n",
        ),
        // Custom total column name.
        (
            "fields val | addtotals fieldname=RowSum",
            "val,RowSum\n7,7\n1,1\n",
        ),
        // Column totals: a summary row at the bottom.
        (
            "fields x | addtotals col=true x",
            "x,Total\n4,4\n6,6\n10,10\n",
        ),
        ("fields x | addtotals row=false col=true", "x\n4\n6\n10\n"),
    ] {
        let (code, stdout, stderr) = run(query)?;
        assert_eq!(code, 0, "{query}: {stderr}");
        assert_eq!(stdout, want, "{query}");
    }
    for (bad, why) in [
        (
            "fields a | addtotals bogus=1",
            "addtotals takes fieldname=, row= and col=",
        ),
        (
            "fields a | addtotals row=maybe",
            "`row=` takes true or false",
        ),
        (
            "fields a | addtotals a, | limit 1",
            "expected a field name after `,`",
        ),
    ] {
        let (code, _, stderr) = run(bad)?;
        assert_eq!(code, 64, "{bad}: {stderr}");
        assert!(stderr.contains(why), "{bad}: {stderr}");
    }
    Ok(())
}

/// `now()` as the datetime functions' example uses it: 4xx errors of the past two hours, by
/// `toMillis(@timestamp) >= (now() * 1000 - 7200000)`, over events an hour and three hours old.
fn now_is_when_the_query_started_in_epoch_seconds() -> Result<(), Failed> {
    let at = |hours_ago: i64| {
        (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(hours_ago))
            .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string()
    };
    let input = format!(
        "{{\"timestamp\":\"{}\",\"message\":\"Status Code: 404;\"}}\n{{\"timestamp\":\"{}\",\"message\":\"Status Code: 403;\"}}\n{{\"timestamp\":\"{}\",\"message\":\"Status Code: 500;\"}}\n",
        at(1),
        at(3),
        at(1)
    );
    let query = "parse message \"Status Code: *;\" as statusCode | filter statusCode >= 400 and statusCode <= 499 | filter toMillis(@timestamp) >= (now() * 1000 - 7200000) | stats count() as n, min(now() - toMillis(@timestamp) / 1000) as age";
    let (code, stdout, stderr) = run_text(query, &input, "json")?;
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout)?;
    let row = &report["rows"][0];
    assert_eq!(row["n"].as_f64(), Some(1.0), "{report}");
    // An hour, give or take the second the query started in.
    let age = row["age"].as_f64().unwrap();
    assert!((3_598.0..=3_602.0).contains(&age), "{report}");
    Ok(())
}

fn diff_joins_the_patterns_of_a_range_and_the_one_before() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("export.log");
    let lines = [
        "2026-11-29T11:30:00.000Z INFO ok 7",
        "2026-11-30T10:05:00.000Z ERROR timeout after 30 s",
        "2026-11-30T10:06:00.000Z ERROR timeout after 31 s",
        "2026-11-30T10:10:00.000Z INFO ok 1",
        "2026-11-30T10:20:00.000Z INFO ok 2",
        "2026-11-30T10:30:00.000Z INFO ok 3",
        "2026-11-30T11:05:00.000Z ERROR timeout after 12 s",
        "2026-11-30T11:06:00.000Z ERROR timeout after 13 s",
        "2026-11-30T11:07:00.000Z ERROR timeout after 14 s",
        "2026-11-30T11:08:00.000Z ERROR timeout after 15 s",
        "2026-11-30T11:09:00.000Z ERROR timeout after 16 s",
        "2026-11-30T11:10:00.000Z INFO ok 4",
        "2026-11-30T11:11:00.000Z WARN disk 90% full",
    ];
    std::fs::write(&file, lines.join("\n") + "\n")?;
    let run = |query: &str, range: &[&str]| {
        bare_cmd()
            .args(["query", "run", "--text", query, "-o", "csv", "--local"])
            .arg(&file)
            .args(range)
            .output()
            .unwrap()
    };
    let hour = [
        "--start",
        "2026-11-30T11:00:00Z",
        "--end",
        "2026-11-30T12:00:00Z",
    ];
    let out = run("diff", &hour);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout)?,
        "@pattern,@ratio,@sampleCount,@previousSampleCount,@change,@severityLabel\n\
         ERROR timeout after <*> s,0.714286,5,2,3,Error\n\
         WARN disk <*> full,0.142857,1,0,1,Warning\n\
         INFO ok <*>,0.142857,1,3,-2,Info\n"
    );
    let json = bare_cmd()
        .args(["query", "run", "--text", "diff", "-o", "json", "--local"])
        .arg(&file)
        .args(hour)
        .output()?;
    assert!(
        String::from_utf8_lossy(&json.stdout)
            .contains("diff: compared with 2026-11-30T10:00:00Z to 2026-11-30T11:00:00Z"),
        "says which range it compared with"
    );
    // A week earlier the file holds nothing: every pattern is new, and the note says why.
    let json = bare_cmd()
        .args([
            "query",
            "run",
            "--text",
            "diff previousWeek",
            "-o",
            "json",
            "--local",
        ])
        .arg(&file)
        .args(hour)
        .output()?;
    let notes = String::from_utf8_lossy(&json.stdout);
    assert!(
        notes.contains("2026-11-23T12:00:00Z: it held no records, so every pattern shows as new"),
        "{notes}"
    );
    let out = run(
        "filter @message like /INFO/ | pattern @message | diff previousDay",
        &hour,
    );
    assert_eq!(
        String::from_utf8(out.stdout)?,
        "@pattern,@ratio,@sampleCount,@previousSampleCount,@change,@severityLabel\n\
         INFO ok <*>,1,1,1,0,Info\n"
    );
    // A comparison needs a range to compare, and reads its input once a range.
    for (args, says) in [
        (vec![], "give --since or --start/--end"),
        (vec!["-", "--since", "1h"], "not stdin"),
    ] {
        let out = bare_cmd()
            .args(["query", "run", "--text", "diff", "--local"])
            .arg(&file)
            .args(&args)
            .output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(64), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    Ok(())
}

/// `lookup`, as the lookup page describes it: a field of each event matched exactly against a
/// column of a CSV table, the table's OUTPUT columns added (missing where nothing matches);
/// tables that cannot be used are exit 64 before anything is read.
fn lookup_enriches_events_from_a_csv_table() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let table = dir.path().join("codes.csv");
    std::fs::write(
        &table,
        "code,meaning,owner\nAI_ERROR,Bedrock failed,ai\nDATABASE_ERROR,\"Aurora, unreachable\",db\nAI_ERROR,duplicate row,x\n",
    )?;
    let input = "{\"error\":{\"code\":\"AI_ERROR\"}}\n{\"error\":{\"code\":\"DATABASE_ERROR\"}}\n{\"error\":{\"code\":\"ai_error\"}}\n{\"error\":{\"code\":\"AI_ERROR\"}}\n";
    let run = |query: &str, lookup: &str| {
        bare_cmd()
            .args(["query", "run", "--text", query, "--local", "-", "-o", "csv"])
            .args(["--lookup", lookup])
            .write_stdin(input)
            .output()
            .unwrap()
    };
    let table_arg = format!("errors={}", table.display());
    let out = run(
        "lookup errors code as error.code OUTPUT meaning, owner | stats count() as n by meaning, owner",
        &table_arg,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout)?,
        "meaning,owner,n\n\"Aurora, unreachable\",db,1\nBedrock failed,ai,2\n,,1\n"
    );
    let ragged = dir.path().join("ragged.csv");
    std::fs::write(&ragged, "code,meaning\nA,b,c\n")?;
    for (query, lookup, says) in [
        (
            "lookup other code OUTPUT meaning",
            table_arg.clone(),
            "--lookup other=FILE",
        ),
        (
            "lookup errors nope OUTPUT meaning",
            table_arg.clone(),
            "no column `nope`",
        ),
        (
            "lookup errors code OUTPUT nope",
            table_arg.clone(),
            "no column `nope`",
        ),
        ("lookup errors code", table_arg.clone(), "OUTPUT"),
        (
            "lookup errors code OUTPUT meaning",
            format!("errors={}", ragged.display()),
            "ragged.csv",
        ),
        (
            "lookup errors code OUTPUT meaning",
            "errors=/no/such.csv".into(),
            "/no/such.csv",
        ),
        (
            "lookup errors code OUTPUT meaning",
            "bad-name=x.csv".into(),
            "letters, digits and _",
        ),
    ] {
        let out = run(query, &lookup);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(64), "{query} {lookup}: {err}");
        assert!(err.contains(says), "{query} {lookup}: {err}");
    }
    Ok(())
}

fn bad_input_exits_64() -> Result<(), Failed> {
    let cases: Vec<Vec<&str>> = vec![
        vec!["query", "run", "no-such-query", "--local", "-"],
        vec![
            "query",
            "run",
            "--text",
            "fields a | anomaly",
            "--local",
            "-",
        ],
        vec![
            "query",
            "run",
            "error-types",
            "--start",
            "yesterday",
            "--local",
            "-",
        ],
        vec![
            "query",
            "run",
            "error-types",
            "--start",
            "2026-11-22T11:00:00Z",
            "--end",
            "2026-11-22T10:00:00Z",
            "--local",
            "-",
        ],
        vec!["query", "run", "user-requests", "--local", "-"],
        vec!["query", "run", "error-types", "-p", "x=1", "--local", "-"],
        vec![
            "query",
            "run",
            "error-types",
            "-p",
            "novalue",
            "--local",
            "-",
        ],
        vec!["query", "show", "nope"],
        vec!["query", "run", "error-types", "--local", "/no/such/file"],
    ];
    for args in cases {
        let out = bare_cmd().args(&args).write_stdin("").output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(64), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error:"), "{args:?}: {stderr}");
    }
    let out = bare_cmd()
        .args([
            "query",
            "run",
            "--text",
            "fields a | anomaly",
            "--local",
            "-",
        ])
        .output()?;
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 1, column 12"),
        "the position of the problem"
    );
    let out = bare_cmd()
        .args(["query", "run", "no-such-query", "--local", "-"])
        .output()?;
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("error-types"),
        "lists what is valid"
    );
    Ok(())
}

fn injection_through_parameters_is_refused() -> Result<(), Failed> {
    for evil in [
        "x\" or 1=1",
        "00000000-0000-4000-8000-000000000001\" | stats count() as n by userId | filter n > \"0",
    ] {
        let out = bare_cmd()
            .args([
                "query",
                "run",
                "user-requests",
                "-p",
                &format!("userId={evil}"),
                "--local",
            ])
            .args(corpus())
            .output()?;
        assert_eq!(out.status.code(), Some(64), "{evil}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid uuid"));
    }
    let out = bare_cmd()
        .args([
            "query",
            "run",
            "slow-requests",
            "-p",
            "minDuration=1 or 1=1",
            "--local",
        ])
        .args(corpus())
        .output()?;
    assert_eq!(out.status.code(), Some(64));
    // `query show` prints the text as sent: the value is a quoted literal.
    let out = bare_cmd()
        .args([
            "query",
            "show",
            "user-requests",
            "-p",
            "userId=00000000-0000-4000-8000-000000000001",
            "-o",
            "json",
        ])
        .output()?;
    let shown: Value = serde_json::from_slice(&out.stdout)?;
    assert!(
        shown["rendered"]
            .as_str()
            .unwrap()
            .contains("filter userId = \"00000000-0000-4000-8000-000000000001\"")
    );
    Ok(())
}

fn sandbox_runs_queries_locally_over_fetched_events() -> Result<(), Failed> {
    let env = TestEnv::new("query_local");
    env.seed("incident");
    let (code, got) = env.json(&["query", "run", "error-types"]);
    assert_eq!(code, 0, "{got}");
    assert_eq!(got["engine"], "local");
    let rows = got["rows"].as_array().unwrap();
    assert_eq!(rows[0]["error.code"], "AUTHENTICATION_ERROR");
    assert_eq!(
        rows[0]["count"], 12.0,
        "the seeded burst: 12 authentication failures in the last hour"
    );
    // The same errors as patterns, against the hour before (fetched separately).
    let (code, diff) = env.json(&[
        "query",
        "run",
        "--text",
        "filter level = \"ERROR\" | diff",
        "--log-group",
        "task-generation",
    ]);
    assert_eq!(code, 0, "{diff}");
    let now: f64 = diff["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["@sampleCount"].as_f64().unwrap())
        .sum();
    let errors: f64 = rows.iter().map(|r| r["count"].as_f64().unwrap()).sum();
    assert_eq!(
        now, errors,
        "every error of the hour is in one pattern: {diff}"
    );
    assert!(
        diff["notes"].to_string().contains("diff: compared with"),
        "{diff}"
    );
    let counts: Vec<f64> = rows.iter().map(|r| r["count"].as_f64().unwrap()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "sorted by count: {counts:?}"
    );
    // One stuck process, traced across the handlers' and the worker's log groups.
    let stuck = env.sql("SELECT id::text FROM processing_state WHERE status = 'PROCESSING' AND execution_arn IS NOT NULL AND updated_at > now() - interval '1 day' ORDER BY updated_at LIMIT 1");
    let id = stuck[0]["id"].as_str().unwrap();
    let (code, trace) = env.json(&[
        "query",
        "run",
        "process-trace",
        "-p",
        &format!("processId={id}"),
    ]);
    assert_eq!(code, 0);
    let messages: Vec<&str> = trace["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["message"].as_str())
        .collect();
    assert!(
        messages.contains(&"AI生成処理を開始しました")
            && messages.contains(&"非同期処理を開始しました"),
        "{messages:?}"
    );
    Ok(())
}

fn sandbox_cloudwatch_engine_and_sync() -> Result<(), Failed> {
    let env = TestEnv::new("query_cw");
    env.seed("healthy");
    // The emulator runs StartQuery/GetQueryResults but evaluates no filter: the report says so.
    let run = env.run(&["query", "run", "error-types", "--engine", "cloudwatch"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("does not evaluate"), "{}", run.stdout);
    // The emulator lacks saved query definitions: a clear error and exit 69, no crash.
    let run = env.run(&["query", "sync"]);
    assert_eq!(run.code, 69, "{}", run.stderr);
    assert!(
        run.stderr.contains("not supported by this endpoint"),
        "{}",
        run.stderr
    );
    Ok(())
}

/// `SOURCE logGroups(...)` as the SOURCE page of the query syntax writes it: the groups it
/// selects are read as `--log-group` reads them; a selection of nothing, or two selections, is
/// bad input.
fn source_selects_the_log_groups_as_log_group_does() -> Result<(), Failed> {
    let env = TestEnv::new("query_source");
    env.seed("incident");
    let query = "stats count() as n, count_distinct(@logStream) as streams";
    let group = "/aws/lambda/goal-mandala-sandbox-task-generation";
    let (code, named) = env.json(&[
        "query",
        "run",
        "--text",
        query,
        "--log-group",
        group,
        "--since",
        "1d",
    ]);
    assert_eq!(code, 0, "{named}");
    let sourced = format!(
        "SOURCE logGroups(namePrefix: ['{}'])\n| {query}",
        &group[..group.len() - 5]
    );
    let (code, got) = env.json(&["query", "run", "--text", &sourced, "--since", "1d"]);
    assert_eq!(code, 0, "{got}");
    assert_eq!(got["log_groups"], serde_json::json!([group]));
    assert!(named["rows"][0]["n"].as_f64().unwrap() > 0.0, "{named}");
    assert_eq!(got["rows"], named["rows"]);
    // On CloudWatch the same groups are named to StartQuery.
    let (code, cw) = env.json(&[
        "query",
        "run",
        "--text",
        &sourced,
        "--since",
        "1d",
        "--engine",
        "cloudwatch",
    ]);
    assert_eq!(code, 0, "{cw}");
    assert_eq!(cw["log_groups"], serde_json::json!([group]));

    // A shorter prefix selects every group of the service's functions, each read as
    // --log-group reads it.
    let prefix = "/aws/lambda/goal-mandala-sandbox-";
    let (code, all) = env.json(&[
        "query",
        "run",
        "--text",
        &format!("SOURCE logGroups(namePrefix: ['{prefix}']) | stats count() as n by @log"),
        "--since",
        "1d",
    ]);
    assert_eq!(code, 0, "{all}");
    let groups = all["log_groups"].as_array().unwrap();
    assert!(groups.len() >= 2, "{all}");
    assert!(
        groups
            .iter()
            .all(|g| g.as_str().unwrap().starts_with(prefix)),
        "{all}"
    );
    let mine = all["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["@log"] == group)
        .expect("the task generation group is read");
    assert_eq!(mine["n"], named["rows"][0]["n"], "{all}");

    // Files given with --local are what is read: SOURCE is not applied, and says so.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app.jsonl");
    std::fs::write(&file, "{\"level\":\"ERROR\"}\n").unwrap();
    let (code, local) = env.json(&[
        "query",
        "run",
        "--text",
        &sourced,
        "--local",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{local}");
    assert_eq!(local["rows"][0]["n"], 1.0);
    assert!(
        local["notes"].to_string().contains("SOURCE not applied"),
        "{local}"
    );

    // A library query names its groups in its front matter; SOURCE there is refused.
    std::fs::write(
        dir.path().join("sourced.query"),
        "+++\nname = \"sourced\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"test\"\nlog_groups = [\"task-generation\"]\nsince = \"1h\"\n+++\nSOURCE logGroups() | stats count()\n",
    )
    .unwrap();
    let run = crate::support::Run::from(
        env.cmd()
            .env("MANDALA_QUERIES_DIR", dir.path())
            .args(["query", "run", "sourced"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert!(run.stderr.contains("front matter"), "{}", run.stderr);

    for (text, extra, says) in [
        (
            "SOURCE logGroups(namePrefix: ['/aws/lambda/nothing-here']) | stats count()",
            None,
            "selects no log group",
        ),
        // The emulator reports no log class, so every group is STANDARD there.
        (
            "SOURCE logGroups(class: ['INFREQUENT_ACCESS']) | stats count()",
            None,
            "INFREQUENT_ACCESS class",
        ),
        (
            "SOURCE logGroups(accountIdentifiers: ['111122223333']) | stats count()",
            None,
            "cross-account",
        ),
        (&sourced, Some(group), "both select log groups"),
        (
            "stats count()\n| SOURCE logGroups()",
            None,
            "line 2, column 3",
        ),
        (
            "SOURCE logGroups(namePrefix: ['a']) stats count()",
            None,
            "expected `|`",
        ),
        (
            "SOURCE logGroups(namePrefix: [a]) | stats count()",
            None,
            "column 31",
        ),
    ] {
        let mut args = vec!["query", "run", "--text", text];
        if let Some(g) = extra {
            args.extend(["--log-group", g]);
        }
        let run = env.run(&args);
        assert_eq!(run.code, 64, "{text}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{text}: {}", run.stderr);
    }
    Ok(())
}

/// The join and subqueries pages' shapes against the sandbox: the right side is fetched from
/// the log group `SOURCE` names, as written through PutLogEvents.
fn joins_and_subqueries_fetch_the_group_their_source_names() -> Result<(), Failed> {
    let env = TestEnv::new("query_join");
    env.seed("incident");
    let now = jiff::Timestamp::now().as_millisecond();
    env.put_logs(
        "/aws/lambda/goal-mandala-sandbox-task-generation",
        "join-api",
        &[
            (
                now - 90_000,
                r#"{"test":"join","requestId":"j1","status":502,"latency":900}"#,
            ),
            (
                now - 80_000,
                r#"{"test":"join","requestId":"j2","status":200,"latency":100}"#,
            ),
            (
                now - 70_000,
                r#"{"test":"join","requestId":"j3","status":500,"latency":1500}"#,
            ),
            (
                now - 60_000,
                r#"{"test":"join","requestId":"j4","status":503,"latency":700}"#,
            ),
        ],
    );
    env.put_logs(
        "/aws/lambda/ai-generation-worker",
        "join-worker",
        &[
            (
                now - 89_000,
                r#"{"test":"join","requestId":"j1","duration":850}"#,
            ),
            (
                now - 69_000,
                r#"{"test":"join","requestId":"j3","duration":1400}"#,
            ),
            (
                now - 50_000,
                r#"{"test":"join","requestId":"j9","duration":5}"#,
            ),
        ],
    );
    let run = |text: &str, extra: &[&str]| {
        let args = [
            &[
                "query",
                "run",
                "--text",
                text,
                "--log-group",
                "task-generation",
            ][..],
            extra,
        ]
        .concat();
        env.json(&args)
    };
    let join = r#"filter test = "join" and status >= 500
        | join type=inner left=api right=worker where api.requestId=worker.requestId
            (SOURCE 'ai-generation-worker' | filter test = "join")
        | fields api.requestId, api.latency, worker.duration
        | sort api.latency desc"#;
    let (code, got) = run(join, &[]);
    assert_eq!(code, 0, "{got}");
    assert_eq!(got["engine"], "local");
    assert_eq!(
        got["rows"],
        serde_json::json!([
            {"api.requestId": "j3", "api.latency": 1500.0, "worker.duration": 1400.0},
            {"api.requestId": "j1", "api.latency": 900.0, "worker.duration": 850.0},
        ]),
        "j4 has no worker record, j2 is not an error"
    );
    let within = r#"filter requestId in (SOURCE 'ai-generation-worker' | filter test = "join" | fields requestId)
        | fields requestId | sort requestId"#;
    let (code, got) = run(within, &[]);
    assert_eq!(code, 0, "{got}");
    assert_eq!(
        got["rows"],
        serde_json::json!([{"requestId": "j1"}, {"requestId": "j3"}])
    );
    // A SOURCE that names no log group is bad input, not an empty right side.
    let missing = join.replace("ai-generation-worker", "/aws/lambda/no-such-function");
    let (code, got) = run(&missing, &[]);
    assert_eq!(code, 64, "{got}");
    // Files for SOURCE belong to --local; CloudWatch reads the group itself.
    let (code, got) = run(join, &["--source", "ai-generation-worker=x.log"]);
    assert_eq!(code, 64, "{got}");
    Ok(())
}

/// With --local, a join's SOURCE reads the file --source gives it; a SOURCE without one, or a
/// --source nothing reads, is bad input before anything is read.
fn over_files_each_source_needs_its_file() -> Result<(), Failed> {
    let logs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/conformance/logs");
    let query = "filter status >= 500
        | join left=api right=fn where api.requestId=fn.requestId (SOURCE '/aws/lambda/my-function')
        | stats count() as n";
    let lambda = format!(
        "/aws/lambda/my-function={}",
        logs.join("lambda-app.log").display()
    );
    let run = |extra: &[&str]| {
        bare_cmd()
            .args(["query", "run", "--text", query, "-o", "json"])
            .args(extra)
            .arg("--local")
            .arg(logs.join("apigw-access.log"))
            .output()
    };
    let out = run(&["--source", &lambda])?;
    assert_eq!(out.status.code(), Some(0));
    let got: Value = serde_json::from_slice(&out.stdout)?;
    assert!(got["rows"][0]["n"].as_f64().unwrap() > 0.0, "{got}");
    for (extra, says) in [
        (
            vec![],
            "SOURCE '/aws/lambda/my-function' (line 2, column 68) reads another log group",
        ),
        (
            vec!["--source", &lambda, "--source", "/aws/lambda/other=x.log"],
            "--source /aws/lambda/other: the query has no SOURCE",
        ),
        (
            vec!["--source", "/aws/lambda/my-function=-"],
            "give a file or s3:// URL",
        ),
    ] {
        let out = run(&extra)?;
        let stderr = String::from_utf8(out.stderr)?;
        assert_eq!(out.status.code(), Some(64), "{extra:?}: {stderr}");
        assert!(stderr.contains(says), "{extra:?}: {stderr}");
    }
    Ok(())
}

//! What a person sees, snapshotted (insta): `--help` of every command, every kind of bad input
//! (exit 64 and its message), the README's flows on the seeded sandbox as tables, and the shape
//! of each documented `-o json`. The README is checked against the same runs, so the two cannot
//! drift: its commands parse, its numbers are the code's, its JSON keys exist.
//!
//! Snapshots live in `tests/cli/snapshots/`; after a deliberate change, review them with
//! `cargo insta review` (or run with `INSTA_UPDATE=always` and read the diff).

use crate::support::{Run, TestEnv, bare_cmd};
use clap::{CommandFactory, Parser};
use libtest_mimic::Failed;
use serde_json::{Map, Value};

tests![
    help_of_every_command,
    bad_input_exits_64_with_a_clear_message,
    readme_flows_on_the_incident,
    documented_json_shapes,
    readme_commands_parse_and_its_numbers_are_the_codes,
];

/// Ids, times, ports, accounts, databases and temporary paths vary from run to run.
fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"t_[a-z0-9_]+_\d{12}", "[db]"),
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[id]",
        ),
        (
            r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z| UTC|[+-]\d{2}:\d{2})?",
            "[time]",
        ),
        (r"\d{8}T\d{6}Z", "[time]"),
        (r"127\.0\.0\.1:\d+", "127.0.0.1:[port]"),
        (r":\d{12}:", ":[account]:"),
        (r"/tmp/[^\s│,)]+", "[path]"),
    ]
}

/// In tables, also the timings and ages that depend on when the test runs; and tables are
/// compacted (runs of padding and rule characters), so a value of another width does not move
/// every border.
fn table_filters() -> Vec<(&'static str, &'static str)> {
    let mut f = filters();
    f.extend([
        (
            r"(database\.connect\s+┆\s+\w+\s+┆\s+)[\d.]+ m?s",
            "${1}[latency]",
        ),
        // What pg_stat_statements recorded depends on what ran before, and how fast.
        (
            r"(database\.slow-statements\s+┆\s+\w+\s+┆\s+)[\d.]+ ms(\s+┆[^┆]+┆)[^┆]+┆",
            "${1}[ms]${2} [statements] ┆",
        ),
        // The server is shared by the tests running at once: its connection count is theirs too.
        (
            r"(database\.connections\s+┆\s+\w+\s+┆\s+)\d+",
            "${1}[connections]",
        ),
        (r"checks in [\d.]+ s", "checks in [secs] s"),
        (r"the oldest for [^(]+\(", "the oldest for [age] ("),
        (r"\b(\d+(months|days|h|m|s) ?)+\b", "[age]"),
        (r"[─═┄]{2,}", "──"),
        (r" {2,}", " "),
    ]);
    f
}

fn snapshot_with(name: &str, text: &str, filters: Vec<(&'static str, &'static str)>) {
    insta::with_settings!({filters => filters, prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, text);
    });
}

fn snapshot(name: &str, text: &str) {
    snapshot_with(name, text, filters());
}

fn snapshot_table(name: &str, text: &str) {
    snapshot_with(name, text, table_filters());
}

/// Every command path of the CLI (`query run`, `scale lambda`, …), from its own definition.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&mandala_ops::cli::Cli::command(), Vec::new(), &mut out);
    out
}

fn help_of_every_command() -> Result<(), Failed> {
    for path in command_paths() {
        let out = bare_cmd().args(&path).arg("--help").output()?;
        assert_eq!(out.status.code(), Some(0), "{path:?}");
        let name = if path.is_empty() {
            "help".to_string()
        } else {
            format!("help__{}", path.join("_"))
        };
        snapshot(&name, &String::from_utf8(out.stdout)?);
    }
    Ok(())
}

/// Bad input of every kind: an exit status of 64 and a message that says what is wrong.
fn bad_input_exits_64_with_a_clear_message() -> Result<(), Failed> {
    let env = TestEnv::new("docs_usage");
    let dir = tempfile::tempdir()?;
    let bad_config = dir.path().join("bad.toml");
    std::fs::write(
        &bad_config,
        "[thresholds.lambda]\nerror_rate_warn_pct = -5.0\n",
    )?;
    let deep = format!("fields {}x{}", "(".repeat(1000), ")".repeat(1000));
    let cases: Vec<Vec<&str>> = vec![
        vec!["--no-such-flag"],
        vec![
            "--database-url",
            "postgres://ops:Super@SuperSecret123@127.0.0.1:1/ops",
            "health",
        ],
        vec!["audit", "--journal", "--limit", "-5"],
        vec!["query", "run", "--text", &deep, "--local", "-"],
        vec!["query", "show", "slow-requests", "-p", "minDuration=1e-320"],
        vec![
            "query",
            "run",
            "--text",
            "stats count() by bin(99999999999999999999d)",
            "--local",
            "-",
        ],
        vec!["--env", "production", "config", "show"],
        vec!["--region", "", "config", "show"],
        vec!["--config", bad_config.to_str().unwrap(), "config", "show"],
        vec!["health", "--since", "soon"],
        vec!["health", "--check", "lambda.nope"],
        vec!["health", "--concurrency", "0"],
        vec!["query", "show", "nope"],
        vec![
            "query",
            "run",
            "error-types",
            "--since",
            "1h",
            "--start",
            "2026-01-01",
        ],
        vec!["query", "run", "error-types", "--start", "yesterday"],
        vec![
            "query",
            "run",
            "error-types",
            "--end",
            "2026-01-01T00:00:00Z",
        ],
        vec!["query", "run", "user-requests", "-p", "userId=42"],
        vec!["query", "run", "user-requests", "-p", "nope=1"],
        vec!["query", "run", "error-types", "-p", "a=1", "-p", "a=2"],
        vec!["query", "run", "--text", "stats count() by", "--local", "-"],
        vec!["query", "run", "--text", "fields x", "--log-group", ""],
        vec![
            "query",
            "run",
            "--text",
            "fields x",
            "--log-group",
            "../../etc/passwd",
        ],
        vec!["process", "show", "42"],
        vec!["process", "list", "--status", "STUCK"],
        vec!["process", "list", "--type", "goal"],
        vec!["scale", "lambda", "ai-processor", "--memory", "64"],
        vec!["scale", "lambda", "nope", "--reserved", "5"],
        vec!["scale", "db", "--min-acu", "4", "--max-acu", "2"],
        vec!["cleanup", "processing-state", "--older-than", "1h"],
        vec!["alarms", "--state", "RED"],
        vec!["runbook", "run", "nope"],
        vec!["runbook", "run", "stuck-processing", "--yes"],
        vec!["runbook", "run", "stuck-processing", "-p", "nope=1"],
        vec!["report", "daily", "-o", "csv"],
        vec!["replay", "run", "no-such-case"],
        vec!["sandbox", "up", "--pg-port", "0"],
        vec!["sandbox", "seed", "--scenario", "chaos"],
        vec!["completions"],
    ];
    let mut text = String::new();
    for args in cases {
        let run = Run::from(env.cmd().args(&args).output()?);
        assert_eq!(run.code, 64, "{args:?}:\n{}{}", run.stdout, run.stderr);
        // clap's own errors end with usage and a pointer to --help; the first line says it all.
        let message: String = run
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with("Usage:") && !l.contains("--help"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!run.stderr.contains("SuperSecret123"), "{}", run.stderr);
        let shown: Vec<&str> = args
            .iter()
            .map(|a| {
                if *a == deep {
                    "fields ((( …1000… )))"
                } else {
                    a
                }
            })
            .collect();
        text.push_str(&format!(
            "$ mandala-ops {}\n{message}\n\n",
            shlex::try_join(shown).unwrap()
        ));
    }
    snapshot("bad_input", &text);
    Ok(())
}

/// The README's flows as a person runs them on the seeded incident, as tables.
fn readme_flows_on_the_incident() -> Result<(), Failed> {
    let env = TestEnv::new("docs_flows");
    env.seed("incident");
    for (name, args, code) in [
        (
            "flow_health_database",
            &["health", "--check", "database"][..],
            2,
        ),
        (
            "flow_process_list",
            &["process", "list", "--status", "FAILED"][..],
            0,
        ),
        ("flow_process_repair", &["process", "repair"][..], 1),
        ("flow_scale_show", &["scale", "show"][..], 0),
        ("flow_cleanup", &["cleanup", "processing-state"][..], 0),
        ("flow_alarms", &["alarms", "--state", "ALARM"][..], 0),
        ("flow_query_list", &["query", "list"][..], 0),
        ("flow_runbook_list", &["runbook", "list"][..], 0),
        (
            "flow_runbook_for",
            &["runbook", "for", "AsyncProcessing-QueueDepth"][..],
            0,
        ),
    ] {
        let run = env.run(args);
        assert_eq!(run.code, code, "{args:?}:\n{}{}", run.stdout, run.stderr);
        snapshot_table(name, &run.stdout);
    }
    Ok(())
}

/// A JSON document's shape: every value replaced by its type, arrays by their first element.
fn shape(v: &Value) -> Value {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "bool".into(),
        Value::Number(_) => "number".into(),
        Value::String(_) => "string".into(),
        Value::Array(items) => Value::Array(items.iter().take(1).map(shape).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), shape(v)))
                .collect::<Map<_, _>>(),
        ),
    }
}

/// Every key anywhere in a JSON document.
fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        _ => {}
    }
}

/// The `-o json` documents the README describes, by command.
fn documented(env: &TestEnv) -> Vec<(&'static str, Value)> {
    // A recent one, whose log events are still in the groups.
    let process = env.sql("SELECT id::text FROM processing_state WHERE status = 'FAILED' AND created_at > now() - interval '1 day' ORDER BY created_at DESC LIMIT 1")
        [0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // An applied change, so the audit trail has an entry to show.
    let run = env.run(&["process", "repair", "--apply"]);
    assert!(run.code <= 2, "{}", run.stderr);
    let runs: Vec<(&'static str, Vec<String>)> = vec![
        (
            "health",
            vec!["health".into(), "--check".into(), "database".into()],
        ),
        // The incident's skewed priorities are flagged against the guide's ranges.
        (
            "query run",
            vec!["query".into(), "run".into(), "priority-share".into()],
        ),
        (
            "process logs",
            vec!["process".into(), "logs".into(), process],
        ),
        ("audit", vec!["audit".into()]),
        ("sandbox status", vec!["sandbox".into(), "status".into()]),
        (
            "cleanup processing-state",
            vec!["cleanup".into(), "processing-state".into()],
        ),
        ("config show", vec!["config".into(), "show".into()]),
        (
            "incident start",
            vec![
                "incident".into(),
                "start".into(),
                "--since".into(),
                "2h".into(),
            ],
        ),
        (
            "incident timeline",
            vec!["incident".into(), "timeline".into()],
        ),
        ("incident impact", vec!["incident".into(), "impact".into()]),
        (
            "logs archive",
            vec![
                "logs".into(),
                "archive".into(),
                "--since".into(),
                "2d".into(),
            ],
        ),
        (
            "incident report",
            vec![
                "incident".into(),
                "report".into(),
                "--format".into(),
                "json".into(),
            ],
        ),
        (
            "error",
            vec![
                "process".into(),
                "show".into(),
                "00000000-0000-4000-8000-000000000000".into(),
            ],
        ),
    ];
    let mut docs: Vec<(&'static str, Value)> = runs
        .into_iter()
        .map(|(name, args)| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (_, v) = env.json(&args);
            (name, v)
        })
        .collect();
    // `logs tail` prints one object per line: the first line's.
    let tail = env.run(&[
        "logs",
        "tail",
        "--since",
        "3h",
        "-o",
        "json",
        "--filter",
        "level = \"ERROR\"",
    ]);
    assert_eq!(tail.code, 0, "{}", tail.stderr);
    let first = tail.stdout.lines().next().unwrap();
    docs.push(("logs tail", serde_json::from_str(first).unwrap()));
    // The fleet view: each environment reads its own database, so DATABASE_URL is left out (the
    // sandbox's is its own; prod has none configured, a row of its own, and nothing is called).
    let fleet = env
        .cmd()
        .env_remove("DATABASE_URL")
        .args([
            "--env",
            "sandbox,prod",
            "health",
            "--check",
            "database.connect",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    docs.push((
        "health fleet",
        serde_json::from_slice(&fleet.stdout).unwrap(),
    ));
    docs
}

fn documented_json_shapes() -> Result<(), Failed> {
    let env = TestEnv::new("docs_json");
    env.seed("incident");
    for (name, value) in documented(&env) {
        let text = serde_json::to_string_pretty(&shape(&value))?;
        snapshot(&format!("json__{}", name.replace(' ', "_")), &text);
    }
    Ok(())
}

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The README's commands parse against the CLI, the numbers it quotes are the code's defaults,
/// and the JSON keys it documents are in the documents the commands print.
fn readme_commands_parse_and_its_numbers_are_the_codes() -> Result<(), Failed> {
    let text = readme();
    let mut in_code = false;
    let mut checked = 0;
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let Some(rest) = line.trim_start().strip_prefix("mandala-ops ") else {
            continue;
        };
        if !in_code {
            continue;
        }
        let words: Vec<String> = shlex::split(rest)
            .unwrap_or_default()
            .into_iter()
            .take_while(|w| !matches!(w.as_str(), "|" | ">" | ">>") && !w.starts_with('#'))
            .collect();
        let command = words.join(" ");
        let parsed = mandala_ops::cli::Cli::try_parse_from(
            std::iter::once("mandala-ops".to_string()).chain(words.clone()),
        );
        assert!(
            parsed.is_ok(),
            "README: `mandala-ops {command}`: {}",
            parsed.err().unwrap()
        );
        checked += 1;
    }
    assert!(
        checked > 5,
        "the README's command examples were found ({checked})"
    );

    // Defaults the README quotes come from the definitions.
    let cmd = mandala_ops::cli::Cli::command();
    let health = cmd.find_subcommand("health").unwrap();
    let default = |id: &str| {
        health
            .get_arguments()
            .find(|a| a.get_id() == id)
            .and_then(|a| a.get_default_values().first().cloned())
            .map(|v| v.to_string_lossy().into_owned())
            .unwrap()
    };
    let at_once = format!("{} at a time", default("concurrency"));
    assert!(text.contains(&at_once), "README must say `{at_once}`");
    let health_cli = mandala_ops::cli::Cli::try_parse_from(["mandala-ops", "health"]).unwrap();
    let thresholds = mandala_ops::config::Thresholds::default();
    let health_timeout = mandala_ops::settings::command(health_cli.command, &thresholds, None)
        .unwrap()
        .default_timeout();
    let timeout = format!(
        "{} by default",
        mandala_ops::time::format_duration(health_timeout)
    );
    assert!(text.contains(&timeout), "README must say `{timeout}`");

    // Keys the README documents exist in what the commands print.
    let env = TestEnv::new("docs_readme");
    env.seed("incident");
    let mut all = std::collections::BTreeSet::new();
    for (_, v) in documented(&env) {
        keys(&v, &mut all);
    }
    let mut documented_keys = std::collections::BTreeSet::new();
    for block in text.split("```json\n").skip(1) {
        let body = block.split("```").next().unwrap();
        let value: Value = serde_json::from_str(body)
            .unwrap_or_else(|e| panic!("a README JSON example does not parse ({e}):\n{body}"));
        keys(&value, &mut documented_keys);
    }
    // Inline shapes: `{"query", "engine", …}`.
    let quoted = regex::Regex::new(r#"\{"[a-z_]+"(, "[a-z_$]+")*"#).unwrap();
    let word = regex::Regex::new(r#""([a-z_$]+)""#).unwrap();
    for m in quoted.find_iter(&text) {
        for w in word.captures_iter(m.as_str()) {
            documented_keys.insert(w[1].to_string());
        }
    }
    let missing: Vec<&String> = documented_keys
        .iter()
        .filter(|k| !all.contains(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "the README documents keys no command prints: {missing:?}"
    );
    Ok(())
}

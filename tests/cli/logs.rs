//! `logs tail`: the functions' log groups as one stream, selected and followed (001
//! CloudWatch Logsの確認: `aws logs tail --follow`). `logs archive`: exported to S3 day by day
//! (000 ログの保持期間: S3にエクスポート), resumed after a kill.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;
use std::time::Duration;

tests![
    one_merged_stream_in_time_order_selected_by_filter_and_id,
    context_comes_from_the_matching_stream,
    follow_prints_new_events_once_until_interrupted,
    bad_selections_exit_64_and_an_empty_one_is_not_ok,
    archive_exports_each_day_once_and_a_killed_run_is_finished_by_the_next,
];

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn one_merged_stream_in_time_order_selected_by_filter_and_id() -> Result<(), Failed> {
    let env = TestEnv::new("tail");
    env.seed("incident");
    let run = env.run(&["logs", "tail", "--since", "3h", "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = lines(&run.stdout);
    let at: Vec<&str> = all.iter().map(|l| l["at"].as_str().unwrap()).collect();
    let mut sorted = at.clone();
    sorted.sort_by_key(|t| t.parse::<jiff::Timestamp>().unwrap());
    assert_eq!(at, sorted, "oldest first, across groups");
    let groups: std::collections::BTreeSet<&str> =
        all.iter().map(|l| l["group"].as_str().unwrap()).collect();
    for g in [
        "ai-generation-worker",
        "async-processing-handler",
        "status-check-handler",
    ] {
        assert!(groups.contains(g), "{g} missing from {groups:?}");
    }

    // The guide's AI_ERROR (004 エラー別対応), selected with the local engine's expression.
    let run = env.run(&[
        "logs",
        "tail",
        "--since",
        "3h",
        "-o",
        "json",
        "--filter",
        r#"level = "ERROR" and error.code = "AI_ERROR""#,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let errors = lines(&run.stdout);
    assert!(!errors.is_empty());
    for e in &errors {
        assert_eq!(e["event"]["error"]["code"], "AI_ERROR", "{e}");
        assert_eq!(e["context"], false);
    }

    // One process across the handlers and the worker.
    let id = errors[0]["event"]["processId"]
        .as_str()
        .unwrap()
        .to_string();
    let run = env.run(&[
        "logs",
        "tail",
        "--since",
        "3h",
        "-o",
        "json",
        "--process-id",
        &id,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let process = lines(&run.stdout);
    assert!(process.len() > 1, "{process:?}");
    for e in &process {
        assert_eq!(e["event"]["processId"], id.as_str(), "{e}");
    }

    // The table a person reads: time, function, level, the event in a few words.
    let run = env.run(&[
        "logs",
        "tail",
        "--since",
        "3h",
        "--process-id",
        &id,
        "--no-color",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut table = run.stdout.lines();
    assert_eq!(
        table.next().unwrap().split_whitespace().collect::<Vec<_>>(),
        ["time", "function", "level", "message"]
    );
    assert!(run.stdout.contains("AI_ERROR: "), "{}", run.stdout);
    Ok(())
}

fn context_comes_from_the_matching_stream() -> Result<(), Failed> {
    let env = TestEnv::new("tail_context");
    env.seed("healthy");
    let group = "/aws/lambda/ai-generation-worker";
    let t = |secs_ago: i64| jiff::Timestamp::now().as_millisecond() - secs_ago * 1000;
    // Two streams interleaved; the match is the third event of stream a.
    let needle = r#"{"level":"ERROR","message":"needle"}"#;
    env.put_logs(
        group,
        "ctx-a",
        &[
            (t(50), "a1"),
            (t(40), "a2"),
            (t(30), needle),
            (t(20), "a4"),
            (t(10), "a5"),
        ],
    );
    env.put_logs(
        group,
        "ctx-b",
        &[(t(49), "b1"), (t(39), "b2"), (t(29), "b3")],
    );
    let run = env.run(&[
        "logs",
        "tail",
        "ai-generation-worker",
        "--since",
        "2m",
        "-C",
        "1",
        "-o",
        "json",
        "--filter",
        r#"@message like "needle""#,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown: Vec<(String, bool)> = lines(&run.stdout)
        .iter()
        .map(|l| {
            (
                l["message"].as_str().unwrap().to_string(),
                l["context"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("a2".into(), true),
            ("needle".into(), false),
            ("a4".into(), true)
        ]
    );
    Ok(())
}

fn follow_prints_new_events_once_until_interrupted() -> Result<(), Failed> {
    use std::io::BufRead;
    let env = TestEnv::new("tail_follow");
    env.seed("healthy");
    let mut child = env.spawn(&[
        "logs",
        "tail",
        "--follow",
        "--interval",
        "1s",
        "--since",
        "1m",
        "-o",
        "json",
        "--filter",
        r#"message = "follow me""#,
    ]);
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    // Twice, so one arrives while following rather than in what was read first.
    let event = r#"{"level":"WARN","message":"follow me"}"#;
    env.put_logs(
        "/aws/lambda/async-processing-handler",
        "follow-1",
        &[(jiff::Timestamp::now().as_millisecond(), event)],
    );
    let first = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the first event");
    std::thread::sleep(Duration::from_secs(2));
    env.put_logs(
        "/aws/lambda/ai-generation-worker",
        "follow-2",
        &[(jiff::Timestamp::now().as_millisecond(), event)],
    );
    let second = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the second event");
    // A few polls more print nothing again.
    assert!(
        rx.recv_timeout(Duration::from_secs(4)).is_err(),
        "each event once"
    );
    let mut groups = [first, second].map(|l| {
        let v: Value = serde_json::from_str(&l).unwrap();
        assert_eq!(v["level"], "WARN", "{v}");
        v["group"].as_str().unwrap().to_string()
    });
    groups.sort();
    assert_eq!(groups, ["ai-generation-worker", "async-processing-handler"]);

    // Ctrl-C ends it: exit 0.
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The emulator's Live Tail sends one update and ends, so polling takes over.
    assert!(stderr.contains("polling instead"), "{stderr}");
    Ok(())
}

fn bad_selections_exit_64_and_an_empty_one_is_not_ok() -> Result<(), Failed> {
    let env = TestEnv::new("tail_bad");
    env.seed("healthy");
    for (args, says) in [
        (vec!["--filter", "level = "], "--filter: line 1, column 9"),
        (
            vec!["--filter", r#"level = "ERROR" | stats count()"#],
            "one filter expression",
        ),
        (vec!["--filter", " "], "--filter is empty"),
        (vec!["--user-id", r#"x" or "y"#], "is not an id"),
        (vec!["--process-id", "not-a-uuid"], "not-a-uuid"),
        (vec!["no-such-function"], "does not exist"),
        (vec!["../etc"], "is not a log group name"),
        (vec!["--since", "0s"], "zero"),
        (vec!["--interval", "1s"], "--follow"),
        (vec!["--follow", "-C", "1001"], "1001"),
    ] {
        let run = env.run(&[&["logs", "tail"][..], &args].concat());
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    // Nothing matched is said, and is not a plain ok.
    let run = env.run(&["logs", "tail", "--filter", r#"level = "NO SUCH LEVEL""#]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("no events matched since"),
        "{}",
        run.stderr
    );
    Ok(())
}

/// The environment's export tasks: destination prefix → how many.
fn export_tasks(env: &TestEnv) -> std::collections::BTreeMap<String, usize> {
    env.aws(async |sdk| {
        let logs = aws_sdk_cloudwatchlogs::Client::new(sdk);
        let mut count = std::collections::BTreeMap::new();
        let mut token = None;
        loop {
            let page = logs
                .describe_export_tasks()
                .set_next_token(token)
                .send()
                .await
                .unwrap();
            for t in page.export_tasks() {
                *count
                    .entry(t.destination_prefix().unwrap_or_default().to_string())
                    .or_insert(0) += 1;
            }
            match page.next_token() {
                Some(t) if !t.is_empty() => token = Some(t.to_string()),
                _ => break count,
            }
        }
    })
}

fn archive_exports_each_day_once_and_a_killed_run_is_finished_by_the_next() -> Result<(), Failed> {
    let env = TestEnv::new("logs_archive");
    // A bucket of its own: the emulator's bucket names are shared by its accounts.
    env.configure(&format!(
        "[environments.sandbox.archive]\nbucket = \"archive-{}\"\n",
        env.account
    ));
    env.seed("incident");
    // A dry run lists each function's days in the table's layout and starts nothing.
    let (code, dry) = env.json(&["logs", "archive", "--since", "3d"]);
    assert_eq!(code, 0, "{dry}");
    assert_eq!(dry["applied"], false);
    let days = dry["days"].as_array().unwrap();
    assert_eq!(days.len(), 8 * 3, "eight functions, three days");
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let yesterday = today.yesterday().unwrap();
    assert!(
        days.iter()
            .any(|d| d["prefix"] == format!("logs/sandbox/task-generation/dt={yesterday}")),
        "{dry}"
    );
    // The seed exported yesterday, as a nightly run would have.
    for d in days {
        let seeded = d["day"] == yesterday.to_string();
        assert_eq!(
            d["state"],
            if seeded { "exported" } else { "to export" },
            "{d}"
        );
    }
    assert_eq!(export_tasks(&env).len(), 8);

    // Killed once the first day is exported (the second is on record before it starts); the
    // next run finishes the rest.
    let mut child = env.spawn(&["logs", "archive", "--since", "20d", "--apply"]);
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(env.journal())
        .unwrap_or_default()
        .lines()
        .count()
        < 2
    {
        assert!(std::time::Instant::now() < deadline, "no day was exported");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (code, run) = env.json(&["logs", "archive", "--since", "20d", "--apply"]);
    assert_eq!(code, 0, "{run}");
    let days = run["days"].as_array().unwrap();
    assert_eq!(days.len(), 8 * 20);
    let before = days.iter().filter(|d| d["state"] == "exported").count();
    assert!(before > 8, "the killed run's days are kept: {run}");
    assert!(
        days.iter().any(|d| d["state"] == "exported now"),
        "the kill left days to export"
    );
    assert!(
        days.iter()
            .all(|d| ["exported", "exported now"].contains(&d["state"].as_str().unwrap()))
    );
    assert!(
        days.iter().all(|d| d["objects"].as_u64().unwrap() > 0),
        "{run}"
    );
    // No day was exported twice, and every one once.
    let tasks = export_tasks(&env);
    assert_eq!(tasks.len(), 8 * 20, "{tasks:?}");
    assert!(tasks.values().all(|n| *n == 1), "{tasks:?}");
    // Each day this test exported was on record before its export started (the seed exported
    // yesterday); a day the kill caught between its entry and its export may have two.
    let journal = std::fs::read_to_string(env.journal()).unwrap();
    let archived: Vec<Value> = journal
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|e| e["command"] == "logs archive")
        .collect();
    let distinct = |key: &str| -> std::collections::BTreeSet<String> {
        archived
            .iter()
            .map(|e| e[key].as_str().unwrap().to_string())
            .collect()
    };
    let audited = distinct("target_id");
    assert_eq!(audited.len(), 8 * 19);
    // One run id a run: the killed run's days, and the days of the run that finished.
    let runs = distinct("run_id");
    assert_eq!(runs.len(), 2, "{runs:?}");

    // Nothing is left to do.
    let (code, again) = env.json(&["logs", "archive", "--since", "20d"]);
    assert_eq!(code, 0);
    assert!(
        again["days"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["state"] == "exported")
    );

    // No bucket configured, or no whole day: refused before any call.
    let run = env.run(&["--env", "prod", "logs", "archive"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert!(run.stderr.contains("archive.bucket"), "{}", run.stderr);
    let run = env.run(&["logs", "archive", "--since", "0s"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    Ok(())
}

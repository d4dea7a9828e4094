//! What an adversarial run broke, each reproduced as it was found: hostile log input, deep
//! queries, spliced parameters, a hung dependency, races on the emergency stop, a sandbox that
//! fails half-way up.

use crate::support::{BIN, Run, TestEnv, bare_cmd, tmp_root};
use libtest_mimic::Failed;
use serde_json::Value;
use std::io::Write;
use std::time::Duration;

tests![
    hostile_log_lines_are_counted_never_fatal,
    hostile_text_never_acts_on_the_terminal,
    nested_events_from_cloudwatch_do_not_crash_queries_or_reports,
    a_filter_log_events_document_is_streamed_in_bounded_memory,
    parameters_are_spliced_never,
    a_hung_dependency_ends_within_the_timeout_and_is_named,
    unreachable_aws_says_so_in_words,
    concurrent_emergency_stops_apply_once,
    a_sandbox_that_cannot_start_leaves_nothing_running,
    log_groups_that_do_not_exist_are_bad_input,
];

/// One nested event per depth, and a normal one.
fn nested(depth: usize) -> String {
    format!(
        "{{\"level\":\"ERROR\",\"x\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

fn hostile_log_lines_are_counted_never_fatal() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("hostile.jsonl");
    let mut f = std::fs::File::create(&file)?;
    for line in [
        nested(55),
        nested(10_000),
        format!(
            "{{\"level\":\"ERROR\",\"pad\":\"{}\"}}",
            "x".repeat(5 << 20)
        ),
        "{\"level\":\"ERROR\"}".into(),
        "not json".into(),
        "{\"level\":\"INFO\"}".into(),
    ] {
        writeln!(f, "{line}")?;
    }
    drop(f);
    let out = bare_cmd()
        .args([
            "query",
            "run",
            "--text",
            "stats count() by level",
            "--local",
        ])
        .arg(&file)
        .args(["-o", "json"])
        .output()?;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout)?;
    // The nested and over-long lines are unreadable; the plain text line has no level.
    assert_eq!(report["unreadable_lines"], 3, "{report}");
    let notes = report["notes"].to_string();
    assert!(notes.contains("nested more than 32 levels"), "{notes}");
    assert!(notes.contains("longer than 4 MiB"), "{notes}");
    Ok(())
}

/// A log line is anyone's text: its escape sequences, carriage returns and right-to-left
/// overrides are shown, never sent to the terminal, and the tabs of Lambda's text format do not
/// break the table's columns. The same holds for an error that quotes what was typed.
fn hostile_text_never_acts_on_the_terminal() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("hostile.log");
    std::fs::write(
        &file,
        concat!(
            "2026-12-05T10:00:00.000Z\tc0ffee-1\tINFO\tgenerating sub-goals\n",
            "{\"level\":\"ERROR\",\"message\":\"\\u001b]0;pwned\\u0007\\u001b[2Jgone\\rover\\u202eevil\"}\n",
            "plain \u{1b}[31mred\u{9b}0m\n",
        ),
    )?;
    let out = bare_cmd()
        .args([
            "query",
            "run",
            "--text",
            "fields @message, message",
            "--local",
        ])
        .arg(&file)
        .output()?;
    let stdout = String::from_utf8(out.stdout)?;
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let acting = |t: &str| {
        t.chars()
            .any(|c| c != '\n' && (c.is_control() || c == '\u{202e}'))
    };
    assert!(!acting(&stdout), "{stdout:?}");
    for shown in [
        r"\u{1b}]0;pwned\u{7}\u{1b}[2Jgone\rover\u{202e}evil",
        r"plain \u{1b}[31mred\u{9b}0m",
        "2026-12-05T10:00:00.000Z c0ffee-1 INFO generating sub-goals",
    ] {
        assert!(stdout.contains(shown), "{shown} not in\n{stdout}");
    }
    // Every line of the table is as wide as its border.
    let widths: Vec<usize> = stdout
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '├', '└']))
        .map(|l| l.chars().count())
        .collect();
    assert!(
        widths.len() >= 5 && widths.iter().all(|w| *w == widths[0]),
        "{stdout}"
    );

    let out = bare_cmd()
        .args(["query", "run", "no-such\u{1b}[2J-query", "--local", "-"])
        .output()?;
    let stderr = String::from_utf8(out.stderr)?;
    assert_eq!(out.status.code(), Some(64), "{stderr}");
    assert!(
        !acting(&stderr) && stderr.contains(r"no-such\u{1b}[2J-query"),
        "{stderr:?}"
    );
    Ok(())
}

fn nested_events_from_cloudwatch_do_not_crash_queries_or_reports() -> Result<(), Failed> {
    let env = TestEnv::new("hostile_events");
    env.seed("incident");
    // The group error-types reads.
    let group = "/aws/lambda/goal-mandala-sandbox-task-generation";
    let now = jiff::Timestamp::now().as_millisecond();
    env.put_logs(group, "hostile", &[(now - 60_000, &nested(55))]);
    let (code, report) = env.json(&["query", "run", "error-types"]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report["unreadable_lines"].as_u64().unwrap() >= 1,
        "{report}"
    );
    let run = env.run(&["report", "daily"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = env.run(&["runbook", "run", "lambda-error-rate"]);
    assert!(run.code <= 2, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("summary"),
        "the transcript ran to the end"
    );
    Ok(())
}

/// Peak resident memory of a running process, in kB.
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}

fn a_filter_log_events_document_is_streamed_in_bounded_memory() -> Result<(), Failed> {
    let mut child = std::process::Command::new(BIN)
        .env("NO_COLOR", "1")
        .args([
            "query",
            "run",
            "--text",
            "stats count() by level",
            "--local",
            "-",
        ])
        .args(["-o", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    // 100 MB of events, written as the reader asks for them: never on disk, never in memory.
    let writer = std::thread::spawn(move || -> std::io::Result<u64> {
        let pad = "x".repeat(380);
        stdin.write_all(b"{\n  \"events\": [\n")?;
        let n = 250_000u64;
        for i in 0..n {
            let sep = if i + 1 < n { ",\n" } else { "\n" };
            write!(
                stdin,
                r#"{{"logStreamName":"s","timestamp":1700000000000,"message":"{{\"level\":\"ERROR\",\"pad\":\"{pad}\"}}","ingestionTime":1700000000001}}{sep}"#
            )?;
        }
        stdin.write_all(b"  ],\n  \"searchedLogStreams\": []\n}\n")?;
        Ok(n)
    });
    let mut peak = 0;
    while child.try_wait()?.is_none() {
        peak = peak.max(peak_kb(pid).unwrap_or(peak));
        std::thread::sleep(Duration::from_millis(20));
    }
    let events = writer.join().unwrap()?;
    let out = child.wait_with_output()?;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(report["rows"][0]["count()"].as_f64(), Some(events as f64));
    assert!(
        peak > 0 && peak < 150_000,
        "peak resident memory {peak} kB for 400 MB of input"
    );
    Ok(())
}

fn parameters_are_spliced_never() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("two-strings.query"),
        r#"+++
name = "two-strings"
title = "Two string parameters"
description = "A query with two string parameters, for the splicing test."
source = "test"
log_groups = ["ai-generation-worker"]
since = "1h"
[[params]]
name = "action"
type = "string"
description = "an action"
[[params]]
name = "note"
type = "string"
description = "a note"
+++
filter action = {{action}} | fields {{note}} as note
"#,
    )?;
    let (code, shown) = {
        let out = bare_cmd()
            .env("MANDALA_QUERIES_DIR", dir.path())
            .args(["query", "show", "two-strings", "-o", "json"])
            .args([
                "-p",
                "action={{note}}",
                "-p",
                "note= or ispresent(action) or ",
            ])
            .output()?;
        let v: Value = serde_json::from_slice(&out.stdout)?;
        (out.status.code(), v)
    };
    assert_eq!(code, Some(0), "{shown}");
    assert_eq!(
        shown["rendered"],
        "filter action = \"{{note}}\" | fields \" or ispresent(action) or \" as note",
        "a value is text, never read again as the query"
    );
    Ok(())
}

/// Accepts connections and never answers, until dropped.
struct Hung {
    port: u16,
    _stop: std::sync::mpsc::Sender<()>,
}

fn hung() -> Hung {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        while let Err(std::sync::mpsc::TryRecvError::Empty) = rx.try_recv() {
            if let Ok((c, _)) = listener.accept() {
                held.push(c);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    Hung { port, _stop: tx }
}

fn a_hung_dependency_ends_within_the_timeout_and_is_named() -> Result<(), Failed> {
    let h = hung();
    let endpoint = format!("http://127.0.0.1:{}", h.port);
    let prod = || {
        let mut cmd = bare_cmd();
        cmd.env("AWS_ENDPOINT_URL", &endpoint)
            .env("AWS_ACCESS_KEY_ID", "x")
            .env("AWS_SECRET_ACCESS_KEY", "y")
            .env("AWS_REGION", "ap-northeast-1")
            .env("MANDALA_STATE_DIR", tmp_root().join("hung-state"))
            .env(
                "DATABASE_URL",
                format!("postgres://u:p@127.0.0.1:{}/d", h.port),
            )
            // Were the deadline not kept, this would fail the test instead of hanging it.
            .timeout(Duration::from_secs(60));
        cmd
    };
    let run = Run::from(
        prod()
            .args(["--env", "prod", "health", "--timeout", "3s", "-o", "json"])
            .output()?,
    );
    let report: Value = serde_json::from_str(&run.stdout)?;
    let checks = report["checks"].as_array().unwrap();
    let waited: Vec<&Value> = checks
        .iter()
        .filter(|c| {
            c["message"]
                .as_str()
                .unwrap()
                .starts_with("no answer within 3s")
        })
        .collect();
    assert!(waited.len() > 10, "{report}");
    assert!(
        waited
            .iter()
            .any(|c| c["message"].as_str().unwrap().contains("AWS CloudWatch")),
        "the rows name what they waited on: {report}"
    );
    let run = Run::from(
        prod()
            .args(["--env", "prod", "scale", "show", "--timeout", "2s"])
            .output()?,
    );
    assert_eq!(run.code, 69, "{}", run.stderr);
    assert!(
        run.stderr.contains("AWS Lambda") && run.stderr.contains("no answer within 2s"),
        "{}",
        run.stderr
    );
    Ok(())
}

fn unreachable_aws_says_so_in_words() -> Result<(), Failed> {
    // Bound and closed again: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let run = Run::from(
        bare_cmd()
            .env("AWS_ENDPOINT_URL", format!("http://127.0.0.1:{port}"))
            .env("AWS_ACCESS_KEY_ID", "x")
            .env("AWS_SECRET_ACCESS_KEY", "y")
            .env("MANDALA_STATE_DIR", tmp_root().join("refused-state"))
            .args(["--env", "prod", "scale", "show"])
            .output()?,
    );
    assert_eq!(run.code, 69, "{}", run.stderr);
    assert!(run.stderr.contains("connection refused"), "{}", run.stderr);
    for dump in ["DispatchFailure", "ConnectorError", "{ "] {
        assert!(!run.stderr.contains(dump), "{}", run.stderr);
    }
    Ok(())
}

fn concurrent_emergency_stops_apply_once() -> Result<(), Failed> {
    let env = TestEnv::new("stop_race");
    env.seed("healthy");
    let stops: Vec<_> = (0..3)
        .map(|_| env.spawn(&["scale", "stop", "ai-processor", "--apply", "-o", "json"]))
        .collect();
    let mut applied = 0;
    for s in stops {
        let out = s.wait_with_output()?;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: Value = serde_json::from_slice(&out.stdout)?;
        applied += usize::from(r["applied"] == true);
    }
    assert_eq!(applied, 1, "one stop applies; the others find it stopped");
    let journal = std::fs::read_to_string(env.journal())?;
    assert_eq!(
        journal
            .lines()
            .filter(|l| l.contains("emergency-stop"))
            .count(),
        1,
        "{journal}"
    );
    let (_, shown) = env.json(&["scale", "resume", "ai-processor"]);
    assert_eq!(shown["functions"][0]["after"], "10", "{shown}");
    Ok(())
}

fn a_sandbox_that_cannot_start_leaves_nothing_running() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let taken = std::net::TcpListener::bind("127.0.0.1:0")?;
    let moto_port = taken.local_addr()?.port();
    let free = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let run = Run::from(
        bare_cmd()
            .arg("--sandbox-dir")
            .arg(dir.path())
            .args(["sandbox", "up", "--pg-port", &free.to_string()])
            .args(["--moto-port", &moto_port.to_string()])
            .output()?,
    );
    assert_eq!(run.code, 69, "{}", run.stderr);
    assert!(run.stderr.contains("in use"), "{}", run.stderr);
    // Checked before anything started: no cluster was made, nothing runs.
    assert!(!dir.path().join("pgdata").exists());
    let out = bare_cmd()
        .arg("--sandbox-dir")
        .arg(dir.path())
        .args(["sandbox", "status", "-o", "json"])
        .output()?;
    let status: Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(status["postgres_pid"], Value::Null, "{status}");
    assert!(std::net::TcpListener::bind(("127.0.0.1", free)).is_ok());
    Ok(())
}

fn log_groups_that_do_not_exist_are_bad_input() -> Result<(), Failed> {
    let env = TestEnv::new("no_group");
    env.seed("healthy");
    for args in [
        &[
            "query",
            "run",
            "--text",
            "fields @message",
            "--log-group",
            "/aws/lambda/nope",
        ][..],
        &["cleanup", "log-streams", "--log-group", "/aws/lambda/nope"][..],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    }
    Ok(())
}

//! `incident start/list/close`: the record the guides' incident flow keeps, with the severity
//! levels and response times of 003 アラート対応手順 / 緊急度レベル.

use crate::support::TestEnv;
use jiff::Timestamp;
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    start_sets_the_guides_level_and_deadline_and_the_team_shares_the_record,
    a_database_that_does_not_answer_keeps_the_record_here,
    the_timeline_tells_what_was_seeded_and_what_was_done,
    impact_counts_what_the_database_and_the_logs_hold,
    capture_keeps_the_evidence_whole_resumable_and_without_secrets,
    bad_input_exits_64,
];

fn at(v: &Value) -> Timestamp {
    v.as_str().unwrap().parse().unwrap()
}

fn minutes_to_respond(incident: &Value) -> i64 {
    (at(&incident["respond_by"]) - at(&incident["opened_at"]))
        .total(jiff::Unit::Minute)
        .unwrap() as i64
}

fn start_sets_the_guides_level_and_deadline_and_the_team_shares_the_record() -> Result<(), Failed> {
    let env = TestEnv::new("incident");
    env.seed("incident");
    // The incident scenario's error rates lie between 5% and 20%: the guide's level 2 (High),
    // respond within an hour.
    let (code, v) = env.json(&["incident", "start", "--since", "2h"]);
    assert_eq!(code, 0, "{v}");
    let i = &v["incident"];
    assert_eq!(i["severity"]["level"], 2, "{v}");
    assert_eq!(minutes_to_respond(i), 60);
    assert_eq!(i["status"], "open");
    let reasons = i["severity"]["reasons"].as_array().unwrap();
    assert!(
        reasons
            .iter()
            .any(|r| r.as_str().unwrap().contains("error rate")),
        "{reasons:?}"
    );
    let window = (at(&i["opened_at"]) - at(&i["since"]))
        .total(jiff::Unit::Hour)
        .unwrap();
    assert_eq!(window, 2.0);
    let id = i["id"].as_str().unwrap().to_string();
    let file = env.state_dir().join("incidents").join(format!("{id}.json"));
    assert!(file.exists(), "{v}");
    assert_eq!(
        env.sql("SELECT status FROM mandala_ops.incident")[0]["status"],
        "open"
    );
    assert!(
        v["wrote"][1]
            .as_str()
            .unwrap()
            .starts_with("mandala_ops.incident on ")
    );

    // A second engineer paged by the same alarms is pointed at the open incident.
    let run = env.run(&["incident", "start", "--severity", "1"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("incident {id}")),
        "{}",
        run.stderr
    );

    // Another machine (its own state folder) sees it through the database and closes it.
    let other = tempfile::tempdir().unwrap();
    let elsewhere = |args: &[&str]| {
        let out = env
            .cmd()
            .env("MANDALA_STATE_DIR", other.path())
            .args(args)
            .args(["-o", "json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (
            out.status.code().unwrap(),
            v,
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (code, list, err) = elsewhere(&["incident", "list"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(list["incidents"][0]["id"], id.as_str(), "{list}");
    let (code, closed, err) =
        elsewhere(&["incident", "close", "--resolution", "throttling relieved"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(closed["incident"]["status"], "closed");
    assert_eq!(closed["incident"]["resolution"], "throttling relieved");

    // The first machine's file still says open; the database's later record wins, and closing
    // twice is refused naming who closed it.
    let (_, list) = env.json(&["incident", "list"]);
    assert_eq!(list["incidents"][0]["status"], "closed", "{list}");
    let run = env.run(&["incident", "close", &id]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert!(run.stderr.contains("already closed by"), "{}", run.stderr);
    let run = env.run(&["incident", "close"]);
    assert_eq!(run.code, 64);
    assert!(run.stderr.contains("no incident is open"), "{}", run.stderr);

    // Level 1 is set by hand: fifteen minutes.
    let (code, v) = env.json(&[
        "incident",
        "start",
        "--severity",
        "1",
        "--title",
        "API down",
    ]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(minutes_to_respond(&v["incident"]), 15);
    assert_eq!(v["incident"]["title"], "API down");
    let table = env.run(&["incident", "list"]);
    assert!(
        table.stdout.contains("API down") && table.stdout.contains("1 Critical"),
        "{}",
        table.stdout
    );
    Ok(())
}

fn a_database_that_does_not_answer_keeps_the_record_here() -> Result<(), Failed> {
    let env = TestEnv::new("incident_nodb");
    let secret = "Sup3r-S3cret-pw";
    let url = format!("postgres://ops:{secret}@127.0.0.1:1/ops");
    let out = env
        .cmd()
        .env("DATABASE_URL", &url)
        .args([
            "incident",
            "start",
            "--severity",
            "4",
            "--title",
            "slow exports",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stdout.contains(secret) && !stderr.contains(secret));
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["wrote"].as_array().unwrap().len(), 1, "{v}");
    assert!(
        v["notes"].to_string().contains("not in the database"),
        "{v}"
    );
    // Level 4: one business day, never landing on a weekend.
    let due = at(&v["incident"]["respond_by"]).to_zoned(jiff::tz::TimeZone::system());
    assert!(!matches!(
        due.weekday(),
        jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
    ));
    assert!(minutes_to_respond(&v["incident"]) >= 24 * 60);
    let (code, list) = env.json(&["incident", "list"]);
    assert_eq!(code, 0);
    assert_eq!(list["incidents"][0]["title"], "slow exports", "{list}");
    Ok(())
}

fn bad_input_exits_64() -> Result<(), Failed> {
    let env = TestEnv::new("incident_bad");
    for args in [
        &["incident", "start", "--severity", "5"][..],
        &["incident", "start", "--severity", "0"],
        &["incident", "start", "--severity", "1", "--title", ""],
        &[
            "incident",
            "start",
            "--severity",
            "1",
            "--title",
            "two\nlines",
        ],
        &["incident", "start", "--severity", "1", "--since", "-1h"],
        &["incident", "close", "no such id"],
        &["incident", "close", "20991231-0000-ffff"],
        &["incident", "close"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    }
    Ok(())
}

fn the_timeline_tells_what_was_seeded_and_what_was_done() -> Result<(), Failed> {
    let env = TestEnv::new("incident_timeline");
    let run = env.run(&["incident", "timeline"]);
    assert_eq!(run.code, 64, "no incident yet: {}", run.stderr);
    env.seed("incident");
    let (code, started) = env.json(&["incident", "start", "--since", "3h"]);
    assert_eq!(code, 0, "{started}");
    let run = env.run(&["process", "repair", "--apply"]);
    assert!(run.code <= 2, "{}", run.stderr);
    let run = env.run(&["runbook", "run", "lambda-error-rate"]);
    assert!(run.code <= 2, "{}", run.stderr);

    let (code, t) = env.json(&["incident", "timeline"]);
    let entries = t["entries"].as_array().unwrap();
    let times: Vec<Timestamp> = entries.iter().map(|e| at(&e["at"])).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "time order");
    let of = |source: &str| -> Vec<String> {
        entries
            .iter()
            .filter(|e| e["source"] == source)
            .map(|e| {
                format!(
                    "{} | {}",
                    e["what"].as_str().unwrap(),
                    e["detail"].as_str().unwrap()
                )
            })
            .collect()
    };
    let id = started["incident"]["id"].as_str().unwrap();
    assert!(
        of("incident")
            .iter()
            .any(|w| w.starts_with(&format!("INCIDENT OPENED {id}"))),
        "{t}"
    );
    // The guide's error codes (004 エラーコード一覧) as the seeded worker logged them.
    let errors = of("error");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("first AI_ERROR in ai-generation-worker")),
        "{errors:?}"
    );
    // The repair, from the audit trail, and the runbook run, from its transcript.
    assert!(
        of("change")
            .iter()
            .any(|c| c.starts_with("process repair: ")),
        "{t}"
    );
    assert!(
        of("runbook")
            .iter()
            .any(|r| r.contains("lambda-error-rate")),
        "{t}"
    );
    // Health verdicts: at the opening, and at the start of each runbook run.
    let health = of("health");
    assert!(health.len() >= 2, "{health:?}");
    assert!(
        health
            .iter()
            .all(|h| h.starts_with("health: severity level")),
        "{health:?}"
    );
    assert!(
        !of("deploy").is_empty(),
        "the seeded functions were deployed in the window"
    );
    // The emulator has no DescribeAlarmHistory: the gap is named, the exit status says so, and
    // the alarms' current states stand in.
    assert_eq!(code, 1, "{t}");
    assert!(
        t["unread"][0]
            .as_str()
            .unwrap()
            .contains("DescribeAlarmHistory"),
        "{t}"
    );
    assert!(
        of("alarm")
            .iter()
            .any(|a| a.contains("→ ALARM (current state)")),
        "{t}"
    );
    // The postmortem draft follows the guide's flow, and the repair made within the hour met
    // level 2's deadline.
    let report = env.run(&["incident", "report"]);
    assert_eq!(report.code, 1, "the alarm history gap: {}", report.stderr);
    for section in [
        "検知",
        "初期対応",
        "影響範囲",
        "対応",
        "復旧確認",
        "事後対応",
    ] {
        assert!(
            report.stdout.contains(&format!(" {section} ")),
            "{section} missing:\n{}",
            report.stdout
        );
    }
    assert!(
        report.stdout.contains("- deadline: met"),
        "{}",
        report.stdout
    );
    let html = env.state_dir().join("postmortem.html");
    let run = env.run(&[
        "incident",
        "report",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = std::fs::read_to_string(&html)?;
    assert!(page.contains("<svg"), "the error chart is drawn");
    let (_, json) = env.json(&["incident", "report", "--format", "json"]);
    assert_eq!(json["response"]["met"], true, "{json}");
    for text in [&report.stdout, &page, &json.to_string()] {
        assert!(!text.contains(&env.password()));
    }

    // Everything but the incident's own marks lies in the window.
    let (from, to) = (at(&t["from"]), at(&t["to"]));
    for e in entries.iter().filter(|e| e["source"] != "incident") {
        let when = at(&e["at"]);
        assert!(from <= when && when <= to, "{e}");
    }
    Ok(())
}

/// The code of an error event as the guide writes it (004 エラーコード一覧: `error.code`).
fn code(event: &Value) -> String {
    ["/error/code", "/errorType", "/error/name"]
        .iter()
        .find_map(|p| event.pointer(p).and_then(Value::as_str))
        .unwrap_or("no code")
        .to_string()
}

fn impact_counts_what_the_database_and_the_logs_hold() -> Result<(), Failed> {
    let env = TestEnv::new("incident_impact");
    env.seed("incident");
    // A failed attempt that says what it used, as the guide's success events do (000
    // トークン使用量の監視: metadata.tokensUsed, metadata.estimatedCost).
    let now = Timestamp::now().as_millisecond();
    env.put_logs(
        "/aws/lambda/ai-generation-worker",
        "impact-1",
        &[(
            now - 60_000,
            r#"{"level":"ERROR","message":"AI生成処理に失敗しました","error":{"code":"QUALITY_ERROR"},"metadata":{"tokensUsed":1200,"estimatedCost":0.0002}}"#,
        )],
    );
    let (code_, started) = env.json(&["incident", "start", "--since", "1d", "--severity", "2"]);
    assert_eq!(code_, 0, "{started}");
    let (code_, v) = env.json(&["incident", "impact"]);
    assert_eq!(code_, 0, "{v}");

    // Processes: the definition applied here to every row, apart from the command's SQL.
    let from = at(&v["from"]);
    let to = at(&v["to"]);
    let rows = env.sql(
        r#"SELECT status, user_id::text AS user_id, coalesce(input->'params'->>'goalId', input->>'goalId') AS goal,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created,
         to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated,
         (input ? 'retryCount') AS retried FROM processing_state"#,
    );
    let ts = at;
    let stuck_before = Timestamp::now() - jiff::SignedDuration::from_mins(30);
    let mut total = 0;
    let mut affected = Vec::new();
    for r in &rows {
        let (created, updated) = (ts(&r["created"]), ts(&r["updated"]));
        if created > to || (updated < from && created < from) {
            continue;
        }
        total += 1;
        let status = r["status"].as_str().unwrap();
        let stuck = matches!(status, "PENDING" | "PROCESSING") && updated < stuck_before;
        if matches!(status, "FAILED" | "TIMEOUT") || stuck {
            affected.push(r);
        }
    }
    let p = &v["processes"];
    assert_eq!(p["total"], total, "{v}");
    assert_eq!(p["affected"], affected.len(), "{v}");
    let users: std::collections::BTreeSet<&str> = affected
        .iter()
        .map(|r| r["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(p["users"], users.len());
    let goals: std::collections::BTreeSet<&str> =
        affected.iter().filter_map(|r| r["goal"].as_str()).collect();
    assert_eq!(p["goals"], goals.len(), "{v}");
    assert!(!goals.is_empty());
    assert!(
        p["affected"].as_i64().unwrap() > 0,
        "the incident seeded failures"
    );

    // Failures: the same window's ERROR events as `logs tail` shows them, counted by code.
    let tail = env.run(&[
        "logs",
        "tail",
        "--since",
        "1d",
        "-o",
        "json",
        "--filter",
        r#"level = "ERROR""#,
    ]);
    assert_eq!(tail.code, 0, "{}", tail.stderr);
    let mut expected: std::collections::BTreeMap<String, u64> = Default::default();
    for l in tail.stdout.lines() {
        let line: Value = serde_json::from_str(l).unwrap();
        if at(&line["at"]) >= from {
            *expected.entry(code(&line["event"])).or_default() += 1;
        }
    }
    let got: std::collections::BTreeMap<String, u64> = v["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["events"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(v["tokens"]["on_failed_attempts"], 1200.0, "{v}");
    assert_eq!(v["tokens"]["events_with_tokens"], 1);

    // Without the database the processes are named as not read, never zero.
    let out = env
        .cmd()
        .env("DATABASE_URL", "postgres://ops:pw@127.0.0.1:1/ops")
        .args([
            "incident",
            "impact",
            started["incident"]["id"].as_str().unwrap(),
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout)?;
    assert!(v["processes"].is_null(), "{v}");
    assert!(
        v["unread"][0].as_str().unwrap().starts_with("processes"),
        "{v}"
    );
    Ok(())
}

/// Every file of a capture's manifest, checked against its SHA-256, as text (gzip inflated).
fn bundle_files(dir: &std::path::Path) -> Vec<(String, String)> {
    use sha2::Digest;
    use std::io::Read;
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut out = vec![("manifest.json".to_string(), manifest.to_string())];
    for f in manifest["files"].as_array().unwrap() {
        let rel = f["path"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(rel)).unwrap();
        assert_eq!(
            hex::encode(sha2::Sha256::digest(&bytes)),
            f["sha256"].as_str().unwrap(),
            "{rel}"
        );
        let mut text = String::new();
        if rel.ends_with(".gz") {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut text)
                .unwrap();
        } else {
            text = String::from_utf8(bytes).unwrap();
        }
        out.push((rel.to_string(), text));
    }
    out
}

/// A capture in the sandbox lacks exactly the metrics the emulator cannot compute, and says so
/// with exit 1.
fn assert_only_percentiles_missing(code: i32, manifest: &Value) {
    let missing = manifest["missing"].as_array().unwrap();
    assert_eq!(code, 1, "{manifest}");
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(
        missing
            .iter()
            .all(|m| m.as_str().unwrap().contains("(p95)")),
        "{missing:?}"
    );
}

fn capture_keeps_the_evidence_whole_resumable_and_without_secrets() -> Result<(), Failed> {
    let env = TestEnv::new("incident_capture");
    env.seed("incident");
    // What a careless handler logs when the database refuses it.
    let secret = "Pa55@word-42";
    let bearer = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    let event = format!(
        r#"{{"level":"ERROR","message":"DB connect failed","error":{{"code":"DATABASE_ERROR","message":"postgres://app:{secret}@db.internal:5432/mandala"}},"headers":{{"Authorization":"Bearer {bearer}"}}}}"#
    );
    env.put_logs(
        "/aws/lambda/goal-mandala-sandbox-task-generation",
        "capture-1",
        &[(Timestamp::now().as_millisecond() - 120_000, event.as_str())],
    );
    let (code, _) = env.json(&["incident", "start", "--since", "3h", "--severity", "2"]);
    assert_eq!(code, 0);
    assert!(env.run(&["runbook", "run", "lambda-error-rate"]).code <= 2);

    let dir = env.state_dir().join("bundle");
    let dir_arg = dir.to_str().unwrap();
    // Killed part-way (or not: the rerun must complete it either way).
    let mut child = env.spawn(&["incident", "capture", "--out", dir_arg]);
    std::thread::sleep(std::time::Duration::from_millis(400));
    let _ = child.kill();
    let _ = child.wait();
    let (code, v) = env.json(&["incident", "capture", "--out", dir_arg]);
    let m = &v["manifest"];
    assert!(m["completed_at"].is_string(), "{v}");
    // The only gap: the emulator computes no percentiles (the two p95 alarms' metrics).
    assert_only_percentiles_missing(code, m);
    let files = bundle_files(&dir);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "logs/task-generation.json.gz",
        "logs/ai-generation-worker.json.gz",
        "timeline.json",
        "impact.json",
        "health.json",
        "audit.json",
        "incident.json",
        "metrics.json",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("transcripts/lambda-error-rate-")),
        "{names:?}"
    );
    // The affected processes with their executions' histories (004 処理が完了しない Step 1-2).
    let processes: Vec<&(String, String)> = files
        .iter()
        .filter(|(n, _)| n.starts_with("processes/"))
        .collect();
    assert!(!processes.is_empty(), "{names:?}");
    let failed = processes
        .iter()
        .map(|(_, text)| serde_json::from_str::<Value>(text).unwrap())
        .find(|p| p["row"]["status"] == "FAILED" && p["execution"]["status"] == "FAILED")
        .expect("a failed process with its failed execution");
    assert!(
        !failed["history"].as_array().unwrap().is_empty(),
        "{failed}"
    );

    // No secret in any file; the event itself is kept.
    for (name, text) in &files {
        for s in [secret, "Pa55", bearer, &env.password()] {
            assert!(!text.contains(s), "{s} in {name}");
        }
    }
    let logs = &files
        .iter()
        .find(|(n, _)| n == "logs/task-generation.json.gz")
        .unwrap()
        .1;
    assert!(
        logs.contains("db.internal:5432/mandala") && logs.contains("****"),
        "the event is kept, redacted"
    );

    // The captured logs answer the guide's query with the live run's numbers over the window.
    let (from, to) = (m["from"].as_str().unwrap(), m["to"].as_str().unwrap());
    let (code, live) = env.json(&["query", "run", "error-types", "--start", from, "--end", to]);
    assert_eq!(code, 0, "{live}");
    let file = dir.join("logs/task-generation.json.gz");
    let (code, local) = env.json(&[
        "query",
        "run",
        "error-types",
        "--local",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{local}");
    let sorted = |v: &Value| {
        let mut rows: Vec<String> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::to_string)
            .collect();
        rows.sort();
        rows
    };
    assert!(!sorted(&live).is_empty());
    assert_eq!(sorted(&live), sorted(&local));

    // A damaged file is made again; the others are kept as they are.
    let worker = dir.join("logs/ai-generation-worker.json.gz");
    std::fs::write(&worker, b"damaged")?;
    std::fs::remove_file(dir.join("impact.json"))?;
    let (code, v) = env.json(&["incident", "capture", "--out", dir_arg]);
    assert_only_percentiles_missing(code, &v["manifest"]);
    let total = v["manifest"]["files"].as_array().unwrap().len() as u64;
    // Kept: all but the two damaged files, the record and the metrics, which every run reads
    // as they are now.
    assert_eq!(v["kept"].as_u64().unwrap(), total - 4, "{v}");
    bundle_files(&dir);

    // Copied to the log archive's bucket; a second copy writes nothing new.
    let bucket = "goal-mandala-sandbox-log-archive";
    let to = format!("s3://{bucket}/evidence");
    let (code, v) = env.json(&["incident", "capture", "--out", dir_arg, "--to", &to]);
    assert_only_percentiles_missing(code, &v["manifest"]);
    let files = v["manifest"]["files"].as_array().unwrap().clone();
    assert_eq!(
        v["uploaded"].as_u64().unwrap(),
        files.len() as u64 + 1,
        "{v}"
    );
    let (code, again) = env.json(&["incident", "capture", "--out", dir_arg, "--to", &to]);
    assert_only_percentiles_missing(code, &again["manifest"]);
    // The record and the manifest (its times) change on every capture; the evidence does not.
    assert!(again["uploaded"].as_u64().unwrap() <= 2, "{again}");
    let id = v["manifest"]["incident"].as_str().unwrap().to_string();
    let held = env.aws(async |sdk| {
        use sha2::Digest;
        let s3 = aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(sdk)
                .force_path_style(true)
                .build(),
        );
        let key = format!("evidence/incidents/{id}/logs/task-generation.json.gz");
        let body = s3
            .get_object()
            .bucket(bucket)
            .key(key)
            .send()
            .await
            .unwrap()
            .body;
        hex::encode(sha2::Sha256::digest(
            body.collect().await.unwrap().into_bytes(),
        ))
    });
    let want = files
        .iter()
        .find(|f| f["path"] == "logs/task-generation.json.gz")
        .unwrap()["sha256"]
        .clone();
    assert_eq!(held, want.as_str().unwrap());
    let run = env.run(&["incident", "capture", "--to", "s3://Not_A_Bucket"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    Ok(())
}

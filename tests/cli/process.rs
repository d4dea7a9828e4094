//! `process`: the repair of every problem the troubleshooting guide lists, row by row; races,
//! concurrent runs, a run killed mid-way; cancel and retry.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;
use std::collections::HashMap;

tests![
    repair_brings_every_row_to_the_guides_state,
    stop_running_handles_missing_and_overdue_executions,
    a_row_changed_between_plan_and_apply_is_skipped,
    a_second_run_exits_75_or_waits,
    a_killed_run_is_finished_by_the_next,
    cancel_stops_and_verifies,
    retry_only_retryable_errors,
    show_and_logs_give_execution_and_timeline,
    logs_follow_until_the_row_settles,
    bad_input_exits_64,
];

/// Every PROCESSING row with its execution's status (MISSING when it does not exist).
fn executions(env: &TestEnv) -> HashMap<String, String> {
    let rows = env.sql("SELECT id::text, execution_arn FROM processing_state WHERE status = 'PROCESSING' AND execution_arn IS NOT NULL");
    env.aws(async |sdk| {
        let sfn = aws_sdk_sfn::Client::new(sdk);
        let mut out = HashMap::new();
        for r in &rows {
            let status = match sfn
                .describe_execution()
                .execution_arn(r["execution_arn"].as_str().unwrap())
                .send()
                .await
            {
                Ok(d) => d.status().as_str().to_string(),
                Err(_) => "MISSING".into(),
            };
            out.insert(r["id"].as_str().unwrap().to_string(), status);
        }
        out
    })
}

fn row(env: &TestEnv, id: &str) -> Value {
    env.sql(&format!(
        "SELECT status, progress, error, completed_at FROM processing_state WHERE id = '{id}'"
    ))
    .remove(0)
}

fn audits(env: &TestEnv) -> i64 {
    env.sql("SELECT count(*) AS n FROM mandala_ops.audit WHERE target = 'processing_state'")[0]["n"]
        .as_i64()
        .unwrap()
}

fn repair_brings_every_row_to_the_guides_state() -> Result<(), Failed> {
    let env = TestEnv::new("repair");
    env.seed("incident");
    let before = executions(&env);
    let anomalies = env
        .sql("SELECT id::text, status FROM processing_state WHERE progress > 100 OR progress < 0");
    let (code, plan) = env.json(&["process", "repair"]);
    assert_eq!(
        code, 1,
        "rows with missing executions need a decision: {plan}"
    );
    assert_eq!(plan["applied"], false);
    let planned = plan["changes"].as_array().unwrap().len();
    assert!(planned >= 10, "{plan}");
    assert_eq!(
        row(&env, before.keys().next().unwrap())["status"],
        "PROCESSING",
        "a dry run changes nothing"
    );

    let (_, applied) = env.json(&["process", "repair", "--apply"]);
    assert_eq!(applied["changes"].as_array().unwrap().len(), planned);
    for (id, exec) in &before {
        let r = row(&env, id);
        let want = match exec.as_str() {
            "SUCCEEDED" => "COMPLETED",
            "FAILED" => "FAILED",
            "TIMED_OUT" => "TIMEOUT",
            "ABORTED" => "CANCELLED",
            // Still running within its limit, or missing without --stop-running: left for a person.
            _ => "PROCESSING",
        };
        assert_eq!(r["status"], want, "{id} ({exec}): {r}");
        if want == "COMPLETED" {
            assert_eq!(r["progress"], 100);
        }
        if want == "FAILED" {
            assert_eq!(
                r["error"]["code"], "ThrottlingException",
                "the execution's error: {r}"
            );
            assert!(
                r["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("Rate exceeded")
            );
        }
        if want != "PROCESSING" {
            assert!(!r["completed_at"].is_null(), "{id}: completed_at set");
        }
    }
    for a in &anomalies {
        let p = row(&env, a["id"].as_str().unwrap())["progress"]
            .as_i64()
            .unwrap();
        assert!((0..=100).contains(&p), "progress clamped");
    }
    assert_eq!(audits(&env), planned as i64, "one audit entry per change");
    let trail = env
        .sql("SELECT operator, command, before, after FROM mandala_ops.audit LIMIT 1")
        .remove(0);
    assert_eq!(trail["operator"], "tester@ci");
    assert_eq!(trail["command"], "process repair");
    assert!(trail["before"]["status"].is_string() && trail["after"]["status"].is_string());
    let (code, listed) = env.json(&["audit", "--command", "process", "--limit", "1000"]);
    assert_eq!(code, 0, "{listed}");
    assert_eq!(listed["entries"].as_array().unwrap().len(), planned);
    let one = listed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["before"]["status"] != e["after"]["status"])
        .unwrap();
    let target = one["target_id"].as_str().unwrap();
    let (_, alone) = env.json(&["audit", "--target", target]);
    assert_eq!(alone["entries"][0]["after"], one["after"]);
    let table = env.run(&["audit", "--target", target]);
    let moved = format!(
        "status {} → {}",
        one["before"]["status"].as_str().unwrap(),
        one["after"]["status"].as_str().unwrap()
    );
    assert!(table.stdout.contains(&moved), "{moved}: {}", table.stdout);

    let (_, again) = env.json(&["process", "repair", "--apply"]);
    assert_eq!(
        again["changes"].as_array().unwrap().len(),
        0,
        "a second run changes nothing: {again}"
    );
    assert_eq!(audits(&env), planned as i64);
    Ok(())
}

fn stop_running_handles_missing_and_overdue_executions() -> Result<(), Failed> {
    let env = TestEnv::new("repair_stop");
    env.seed("incident");
    // A one-second limit makes the still-running executions overdue.
    env.configure("[thresholds.targets]\nexecution_limit_secs = 1\n");
    std::thread::sleep(std::time::Duration::from_secs(2));
    let before = executions(&env);
    let (_, report) = env.json(&["process", "repair", "--apply", "--stop-running"]);
    assert!(
        report["attention"].as_array().unwrap().is_empty(),
        "{report}"
    );
    let stopped = report["executions_stopped"].as_array().unwrap().len();
    assert!(stopped >= 2, "{report}");
    for (id, exec) in &before {
        if exec == "RUNNING" || exec == "MISSING" {
            let r = row(&env, id);
            let stuck = env.sql(&format!("SELECT updated_at < now() - interval '15 minutes' AS stuck FROM processing_state WHERE id = '{id}'"));
            if stuck[0]["stuck"] == true || r["status"] != "PROCESSING" {
                assert_eq!(r["status"], "FAILED", "{id} ({exec}): {r}");
                assert_eq!(r["error"]["code"], "MANUAL_INTERVENTION");
            }
        }
    }
    let now_running: Vec<String> = executions(&env)
        .into_iter()
        .filter(|(_, s)| s == "RUNNING")
        .map(|(id, _)| id)
        .collect();
    let stopped_ids: Vec<String> = env
        .sql("SELECT target_id FROM mandala_ops.audit WHERE action = 'stop-execution'")
        .iter()
        .map(|r| r["target_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        stopped_ids.len(),
        stopped,
        "each stop recorded before it was made"
    );
    assert!(stopped_ids.iter().all(|id| !now_running.contains(id)));
    Ok(())
}

fn a_row_changed_between_plan_and_apply_is_skipped() -> Result<(), Failed> {
    let env = TestEnv::new("repair_race");
    env.seed("incident");
    let stuck = |exec: &str| -> Vec<String> {
        executions(&env)
            .into_iter()
            .filter(|(id, s)| s == exec && row(&env, id)["status"] == "PROCESSING")
            .map(|(id, _)| id)
            .collect()
    };
    let (succeeded, failed, timed_out) = (stuck("SUCCEEDED"), stuck("FAILED"), stuck("TIMED_OUT"));
    // Other writers (the worker, say) change the rows and have not committed yet: one moves
    // updated_at, the others change a column the repair writes without touching updated_at.
    let writes = [
        format!(
            "UPDATE processing_state SET progress = 97, updated_at = now() WHERE id = '{}'",
            succeeded[0]
        ),
        format!(
            "UPDATE processing_state SET error = '{{\"code\":\"AI_ERROR\"}}' WHERE id = '{}'",
            failed[0]
        ),
        format!(
            "UPDATE processing_state SET input = '{{\"changed\":true}}' WHERE id = '{}'",
            timed_out[0]
        ),
        format!(
            "UPDATE processing_state SET execution_arn = 'arn:aws:states:x:1:execution:y:z' WHERE id = '{}'",
            succeeded[1]
        ),
    ];
    let holder = env.hold(&writes.join("; "));
    let run = env.spawn(&["process", "repair", "--apply", "-o", "json"]);
    env.wait_for_lock_waiter();
    holder.commit();
    let out = run.wait_with_output()?;
    let report: Value = serde_json::from_slice(&out.stdout)?;
    let mut skipped: Vec<&str> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    skipped.sort();
    let mut expected =
        [&succeeded[0], &failed[0], &timed_out[0], &succeeded[1]].map(String::as_str);
    expected.sort();
    assert_eq!(skipped, expected, "{report}");
    let r = row(&env, &succeeded[0]);
    assert_eq!(
        (r["status"].as_str(), r["progress"].as_i64()),
        (Some("PROCESSING"), Some(97)),
        "left as the other writer made it"
    );
    assert_eq!(row(&env, &failed[0])["status"], "PROCESSING");
    let input = env.sql(&format!(
        "SELECT input FROM processing_state WHERE id = '{}'",
        timed_out[0]
    ));
    assert_eq!(input[0]["input"]["changed"], true);
    assert_eq!(
        out.status.code(),
        Some(1),
        "skipped rows are reported as a warning"
    );
    Ok(())
}

fn a_second_run_exits_75_or_waits() -> Result<(), Failed> {
    let env = TestEnv::new("repair_lock");
    env.seed("incident");
    let target = executions(&env)
        .into_iter()
        .find(|(_, s)| s == "SUCCEEDED")
        .unwrap()
        .0;
    // The first run blocks on a row lock while holding the advisory lock.
    let holder = env.hold(&format!(
        "SELECT * FROM processing_state WHERE id = '{target}' FOR UPDATE"
    ));
    let first = env.spawn(&["process", "repair", "--apply"]);
    env.wait_for_lock_waiter();
    let second = env.run(&["process", "repair", "--apply"]);
    assert_eq!(second.code, 75, "{}", second.stderr);
    assert!(
        second
            .stderr
            .contains("another run holds the `process-repair` lock"),
        "{}",
        second.stderr
    );
    let (waiting, _) = env.spawn_waiting_for_lock(&[
        "process",
        "repair",
        "--apply",
        "--wait-lock",
        "60s",
        "-o",
        "json",
    ]);
    holder.commit();
    let first = first.wait_with_output().expect("the first run ends");
    assert!(
        matches!(first.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let waited = waiting.wait_with_output()?;
    assert!(
        matches!(waited.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&waited.stderr)
    );
    let report: Value = serde_json::from_slice(&waited.stdout)?;
    assert_eq!(
        report["changes"].as_array().unwrap().len(),
        0,
        "the first run did it all"
    );
    Ok(())
}

fn a_killed_run_is_finished_by_the_next() -> Result<(), Failed> {
    let env = TestEnv::new("repair_kill");
    env.seed("incident");
    let done = executions(&env)
        .into_iter()
        .find(|(_, s)| s == "SUCCEEDED")
        .unwrap()
        .0;
    let arn = env.sql(&format!(
        "SELECT execution_arn FROM processing_state WHERE id = '{done}'"
    ))[0]["execution_arn"]
        .as_str()
        .unwrap()
        .to_string();
    // Three thousand stuck rows whose execution succeeded.
    env.execute(&format!(
        "INSERT INTO processing_state (id, user_id, type, status, progress, execution_arn, created_at, updated_at) \
         SELECT gen_random_uuid(), gen_random_uuid(), 'TASK_GENERATION', 'PROCESSING', 60, '{arn}', \
                now() - interval '2 hours', now() - interval '1 hour' FROM generate_series(1, 3000)"
    ));
    let total = env.sql(&format!("SELECT count(*) AS n FROM processing_state WHERE status = 'PROCESSING' AND execution_arn = '{arn}'"))[0]["n"].as_i64().unwrap();
    let mut child = env.spawn(&["process", "repair", "--apply", "--batch-size", "5"]);
    let mut seen = 0;
    for _ in 0..1000 {
        // The run creates the audit trail when it starts.
        if env.sql("SELECT to_regclass('mandala_ops.audit') IS NOT NULL AS ready")[0]["ready"]
            == true
        {
            seen = audits(&env);
        }
        if seen >= 100 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        seen > 0 && seen < total,
        "killed mid-way ({seen} of {total} done)"
    );
    // Every row is whole: untouched, or repaired with its audit entry; never half.
    let half = env.sql(&format!(
        "SELECT count(*) AS n FROM processing_state p WHERE execution_arn = '{arn}' AND \
           ((status = 'COMPLETED') <> (progress = 100 AND completed_at IS NOT NULL) OR \
            (status = 'COMPLETED') <> EXISTS (SELECT 1 FROM mandala_ops.audit a WHERE a.target_id = p.id::text))"
    ));
    assert_eq!(half[0]["n"], 0);
    let rerun = env.run(&["process", "repair", "--apply"]);
    assert!(matches!(rerun.code, 0 | 1), "{}", rerun.stderr);
    let left = env.sql(&format!("SELECT count(*) AS n FROM processing_state WHERE execution_arn = '{arn}' AND status <> 'COMPLETED'"));
    assert_eq!(left[0]["n"], 0, "the rerun finished the job");
    let duplicated = env.sql("SELECT count(*) AS n FROM (SELECT target_id FROM mandala_ops.audit WHERE target = 'processing_state' GROUP BY target_id HAVING count(*) > 1) d");
    assert_eq!(duplicated[0]["n"], 0, "no change was made twice");
    Ok(())
}

fn cancel_stops_and_verifies() -> Result<(), Failed> {
    let env = TestEnv::new("cancel");
    env.seed("incident");
    // A process that runs normally: updated a moment ago, its execution RUNNING.
    let running = env.sql("SELECT id::text FROM processing_state WHERE status = 'PROCESSING' AND progress BETWEEN 0 AND 100 AND updated_at > now() - interval '5 minutes' LIMIT 1");
    let id = running[0]["id"].as_str().unwrap().to_string();
    let (code, plan) = env.json(&["process", "cancel", &id]);
    assert_eq!(code, 0);
    assert_eq!(plan["applied"], false);
    assert_eq!(row(&env, &id)["status"], "PROCESSING");
    let (code, done) = env.json(&["process", "cancel", &id, "--apply"]);
    assert_eq!(code, 0, "{done}");
    assert_eq!(done["row_after"], "CANCELLED");
    assert_eq!(done["execution_after"], "ABORTED");
    assert!(done["mismatches"].as_array().unwrap().is_empty());
    let run = env.run(&["process", "cancel", &id, "--apply"]);
    assert_eq!(run.code, 64, "already cancelled: {}", run.stderr);
    Ok(())
}

fn retry_only_retryable_errors() -> Result<(), Failed> {
    let env = TestEnv::new("retry");
    env.seed("incident");
    let retryable = env.sql("SELECT id::text FROM processing_state WHERE status = 'FAILED' AND error->>'message' LIKE 'ThrottlingException%' AND execution_arn IS NOT NULL LIMIT 1");
    let id = retryable[0]["id"].as_str().unwrap().to_string();
    let (code, plan) = env.json(&["process", "retry", &id]);
    assert_eq!(code, 0, "{plan}");
    assert_eq!(plan["execution_name"], format!("{id}-retry-1"));
    let (code, done) = env.json(&["process", "retry", &id, "--apply"]);
    assert_eq!(code, 0, "{done}");
    let arn = done["execution_arn"].as_str().unwrap().to_string();
    let r = env.sql(&format!("SELECT status, execution_arn, input->>'retryCount' AS n FROM processing_state WHERE id = '{id}'")).remove(0);
    assert_eq!(r["status"], "PROCESSING");
    assert_eq!(r["execution_arn"], arn);
    assert_eq!(r["n"], "1");
    let status = env.aws(async |sdk| {
        let sfn = aws_sdk_sfn::Client::new(sdk);
        let d = sfn
            .describe_execution()
            .execution_arn(&arn)
            .send()
            .await
            .unwrap();
        (
            d.status().as_str().to_string(),
            d.input().unwrap_or_default().to_string(),
        )
    });
    assert!(
        status.1.contains("\"retryCount\":1"),
        "the original input with the attempt: {}",
        status.1
    );
    let not = env.sql("SELECT id::text FROM processing_state WHERE status = 'FAILED' AND error->>'code' = 'VALIDATION_ERROR' LIMIT 1");
    let run = env.run(&[
        "process",
        "retry",
        not[0]["id"].as_str().unwrap(),
        "--apply",
    ]);
    assert_eq!(run.code, 64);
    assert!(
        run.stderr.contains("not retryable") && run.stderr.contains("ThrottlingException"),
        "{}",
        run.stderr
    );
    Ok(())
}

fn show_and_logs_give_execution_and_timeline() -> Result<(), Failed> {
    let env = TestEnv::new("show");
    env.seed("incident");
    let failed = executions(&env)
        .into_iter()
        .find(|(_, s)| s == "FAILED")
        .unwrap()
        .0;
    let (code, shown) = env.json(&["process", "show", &failed]);
    assert_eq!(code, 0);
    assert_eq!(shown["execution"]["status"], "FAILED");
    assert_eq!(shown["execution"]["error"], "ThrottlingException");
    assert_eq!(shown["failing_state"], "BedrockThrottled");
    let logs = shown["logs"].as_array().unwrap();
    assert!(
        logs.iter().any(|l| l["group"] == "ai-generation-worker"),
        "{logs:?}"
    );
    assert!(
        logs.iter()
            .any(|l| l["group"] == "async-processing-handler"),
        "{logs:?}"
    );
    // `process logs` is the same timeline, each event whole.
    let (code, alone) = env.json(&["process", "logs", &failed]);
    assert_eq!(code, 0, "{alone}");
    assert_eq!(alone["logs"].as_array().unwrap().len(), logs.len());
    for l in logs {
        assert_eq!(l["event"]["processId"], failed.as_str(), "{l}");
    }
    let (code, listed) = env.json(&["process", "list", "--stuck-for", "30m"]);
    assert_eq!(code, 0);
    assert!(
        listed["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == failed.as_str() && r["mismatch"] == true)
    );
    Ok(())
}

fn logs_follow_until_the_row_settles() -> Result<(), Failed> {
    use std::io::BufRead;
    use std::time::Duration;
    let env = TestEnv::new("logs");
    env.seed("incident");
    // Following a failed process prints its timeline and exits 2 at once.
    let done = env.sql("SELECT id::text FROM processing_state WHERE status = 'FAILED' AND created_at > now() - interval '1 day' LIMIT 1")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = env.run(&["process", "logs", &done, "--follow", "-o", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.lines().count() > 1, "{}", run.stdout);

    // A running one: new events appear as they are written, and the follow ends when the row
    // completes.
    let running = env.sql(
        "SELECT id::text FROM processing_state WHERE status = 'PROCESSING' AND created_at > now() - interval '1 hour' LIMIT 1",
    )[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut child = env.spawn(&[
        "process",
        "logs",
        &running,
        "--follow",
        "--interval",
        "1s",
        "-o",
        "json",
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
    let first = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the timeline so far");
    assert!(first.contains(&running), "{first}");
    let message = format!(
        r#"{{"level":"INFO","action":"process_completed","processId":"{running}","status":"COMPLETED","progress":100,"message":"follow test"}}"#
    );
    env.put_logs(
        "/aws/lambda/ai-generation-worker",
        "follow-test",
        &[(jiff::Timestamp::now().as_millisecond(), &message)],
    );
    let mut lines = vec![first];
    let mut seen_new = false;
    while !seen_new {
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the new event, while the row still runs");
        seen_new = line.contains("follow test");
        lines.push(line);
    }
    env.execute(&format!(
        "UPDATE processing_state SET status = 'COMPLETED', progress = 100, completed_at = now() WHERE id = '{running}'"
    ));
    loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => lines.push(line),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            Err(e) => panic!("the follow did not end when the row completed: {e}"),
        }
    }
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let distinct: std::collections::HashSet<&String> = lines.iter().collect();
    assert_eq!(distinct.len(), lines.len(), "each event once: {lines:#?}");
    for l in &lines {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["event"]["processId"], running.as_str());
    }
    Ok(())
}

fn bad_input_exits_64() -> Result<(), Failed> {
    let env = TestEnv::new("process_bad");
    env.seed("healthy");
    for args in [
        vec!["process", "show", "not-a-uuid"],
        vec!["process", "logs", "not-a-uuid", "--follow"],
        vec![
            "process",
            "logs",
            "00000000-0000-4000-8000-000000000000",
            "--interval",
            "1s",
        ],
        vec!["process", "show", "00000000-0000-4000-8000-000000000000"],
        vec!["process", "list", "--status", "STUCK"],
        vec!["process", "list", "--type", "goal"],
        vec!["process", "repair", "--stuck-for", "soon"],
        vec!["process", "cancel", "xyz", "--apply"],
        vec![
            "process",
            "retry",
            "00000000-0000-4000-8000-000000000000",
            "--apply",
        ],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
    }
    let untouched = env.sql("SELECT to_regclass('mandala_ops.audit') IS NULL AS none");
    assert_eq!(untouched[0]["none"], true, "nothing was touched");
    Ok(())
}

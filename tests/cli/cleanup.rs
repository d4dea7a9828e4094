//! `cleanup`: seed 002's retention rule and seed 001's log-stream cleanup: dry runs count, apply
//! deletes exactly the rule's rows in audited batches, locked rows are skipped, a second run
//! waits or exits 75, a killed run is resumed.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    processing_state_deletes_exactly_the_rule,
    locked_rows_are_skipped_and_a_second_run_exits_75,
    a_killed_cleanup_is_resumed,
    log_streams_past_retention_are_deleted,
    bad_input_exits_64_and_deletes_nothing,
];

fn count(env: &TestEnv, condition: &str) -> i64 {
    env.sql(&format!(
        "SELECT count(*) AS n FROM processing_state WHERE {condition}"
    ))[0]["n"]
        .as_i64()
        .unwrap()
}

/// The seed's rule, as SQL (002 データクリーンアップ).
const RULE: &str = "status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT') AND completed_at < now() - interval '90 days'";

/// `n` rows per status, completed `days` ago.
fn insert(env: &TestEnv, n: i64, days: i64) {
    env.execute(&format!(
        "INSERT INTO processing_state (id, user_id, type, status, progress, created_at, updated_at, completed_at) \
         SELECT gen_random_uuid(), gen_random_uuid(), 'TASK_GENERATION', s, 100, \
                now() - interval '{days} days' - interval '1 hour', now() - interval '{days} days', now() - interval '{days} days' \
         FROM generate_series(1, {n}), unnest(ARRAY['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'PROCESSING', 'PENDING']) s"
    ));
}

fn processing_state_deletes_exactly_the_rule() -> Result<(), Failed> {
    let env = TestEnv::new("cleanup_rule");
    env.seed("healthy");
    insert(&env, 100, 120);
    insert(&env, 20, 89);
    let matched = count(&env, RULE);
    let total = count(&env, "true");
    assert!(matched >= 400);

    let (code, dry) = env.json(&["cleanup", "processing-state"]);
    assert_eq!(code, 0, "{dry}");
    assert_eq!(dry["matched"].as_i64(), Some(matched));
    assert_eq!(dry["applied"], false);
    assert_eq!(count(&env, "true"), total, "a dry run deletes nothing");

    let (code, done) = env.json(&[
        "cleanup",
        "processing-state",
        "--apply",
        "--batch-size",
        "37",
    ]);
    assert_eq!(code, 0, "{done}");
    assert_eq!(done["deleted"].as_i64(), Some(matched));
    assert_eq!(done["matched"].as_i64(), Some(matched));
    let batches = done["batches"].as_i64().unwrap();
    assert!(batches > 5, "small batches: {done}");
    assert!(done["seconds"].as_f64().is_some());
    assert_eq!(count(&env, RULE), 0);
    assert_eq!(
        count(&env, "true"),
        total - matched,
        "only the rule's rows went"
    );
    assert_eq!(
        count(
            &env,
            "status IN ('PROCESSING', 'PENDING') AND completed_at < now() - interval '90 days'"
        ),
        200,
        "old but not terminal: kept"
    );
    let audited = env.sql("SELECT count(*) AS n, sum((before->>'rows')::int) AS rows FROM mandala_ops.audit WHERE action = 'delete-batch'");
    assert_eq!(audited[0]["n"].as_i64(), Some(batches));
    assert_eq!(audited[0]["rows"].as_i64(), Some(matched));

    let (code, again) = env.json(&["cleanup", "processing-state", "--apply"]);
    assert_eq!((code, &again["deleted"]), (0, &Value::from(0)));
    Ok(())
}

fn locked_rows_are_skipped_and_a_second_run_exits_75() -> Result<(), Failed> {
    let env = TestEnv::new("cleanup_lock");
    env.seed("healthy");
    insert(&env, 50, 100);
    let victim = env.sql(&format!(
        "SELECT id::text FROM processing_state WHERE {RULE} ORDER BY id LIMIT 1 OFFSET 10"
    ))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Someone works on one old row: the cleanup must neither wait for it nor delete it.
    let holder = env.hold(&format!(
        "SELECT 1 FROM processing_state WHERE id = '{victim}' FOR UPDATE"
    ));
    // Another is taking a second one back into processing: once that commits, the row no
    // longer matches the rule, so no run may delete it.
    let revived = env.sql(&format!(
        "SELECT id::text FROM processing_state WHERE {RULE} ORDER BY id LIMIT 1 OFFSET 30"
    ))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reviver = env.hold(&format!(
        "UPDATE processing_state SET status = 'PROCESSING', completed_at = NULL WHERE id = '{revived}'"
    ));
    let (code, done) = env.json(&[
        "cleanup",
        "processing-state",
        "--apply",
        "--batch-size",
        "20",
    ]);
    assert_eq!(code, 0, "{done}");
    assert_eq!(
        count(&env, &format!("id = '{victim}'")),
        1,
        "the locked row is kept"
    );
    assert_eq!(count(&env, RULE), 2);
    assert_eq!(done["skipped_locked"], 2, "and reported: {done}");
    holder.commit();
    reviver.commit();
    assert_eq!(count(&env, RULE), 1);

    let key = mandala_ops::db::lock::lock_key("cleanup-processing-state");
    let lock = env.hold(&format!("SELECT pg_advisory_xact_lock({key})"));
    let run = env.run(&["cleanup", "processing-state", "--apply"]);
    assert_eq!(run.code, 75, "{}", run.stderr);
    assert!(run.stderr.contains("another run holds"), "{}", run.stderr);
    assert_eq!(count(&env, RULE), 1, "nothing was deleted");
    let (waiting, note) = env.spawn_waiting_for_lock(&[
        "cleanup",
        "processing-state",
        "--apply",
        "--wait-lock",
        "60s",
        "-o",
        "json",
    ]);
    assert!(note.contains("held by backend pid"), "{note}");
    lock.commit();
    let out = waiting.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        count(&env, RULE),
        0,
        "the waiting run deleted the row once it was free"
    );
    assert_eq!(
        count(&env, &format!("id = '{revived}' AND status = 'PROCESSING'")),
        1,
        "the row taken back into processing is still there"
    );
    Ok(())
}

fn a_killed_cleanup_is_resumed() -> Result<(), Failed> {
    let env = TestEnv::new("cleanup_kill");
    env.seed("healthy");
    // Enough blocks (one a batch) that each run is still going when it is killed.
    insert(&env, 15000, 100);
    let matched = count(&env, RULE);
    let batches = || {
        if env.sql("SELECT to_regclass('mandala_ops.audit') IS NOT NULL AS ready")[0]["ready"]
            != true
        {
            return 0;
        }
        env.sql("SELECT count(*) AS n FROM mandala_ops.audit WHERE action = 'delete-batch'")[0]["n"]
            .as_i64()
            .unwrap()
    };
    // Two runs, each killed after twenty batches of its own (counted from what the earlier run
    // had committed, so a busy machine cannot end the second run before it starts).
    for _ in 0..2 {
        let until = batches() + 20;
        let mut child = env.spawn(&[
            "cleanup",
            "processing-state",
            "--apply",
            "--batch-size",
            "10",
        ]);
        for _ in 0..2000 {
            if batches() >= until {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let _ = child.kill();
        let _ = child.wait();
        // The server ends the killed run's session a moment after its connection drops; until
        // then the session still holds the run's advisory lock and the next run would find the
        // work busy (exit 75) instead of resuming it.
        for _ in 0..1000 {
            let held = env.sql(
                "SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database \
                 WHERE l.locktype = 'advisory' AND d.datname = current_database()",
            )[0]["n"]
                .as_i64()
                .unwrap();
            if held == 0 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
    let left = count(&env, RULE);
    assert!(
        left > 0 && left < matched,
        "killed mid-way ({left} of {matched} left)"
    );
    // Every deleted row is in a committed, audited batch; the open batch rolled back.
    let deleted_by = |run: &str| {
        env.sql(&format!("SELECT coalesce(sum((before->>'rows')::int), 0) AS rows FROM mandala_ops.audit WHERE action = 'delete-batch' AND run_id = '{run}'"))[0]["rows"]
            .as_i64()
            .unwrap()
    };
    let killed: Vec<String> = env
        .sql(
            "SELECT run_id::text FROM mandala_ops.audit WHERE action = 'cleanup-start' ORDER BY at",
        )
        .iter()
        .map(|r| r["run_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(killed.len(), 2);
    let audited: i64 = killed.iter().map(|r| deleted_by(r)).sum();
    assert_eq!(matched - left, audited);

    let (code, rerun) = env.json(&["cleanup", "processing-state", "--apply"]);
    assert_eq!(code, 0, "{rerun}");
    // The rerun names every run it finishes, with what each had deleted.
    let resumed: Vec<(String, i64)> = rerun["resumed_runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["run_id"].as_str().unwrap().to_string(),
                r["deleted"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, i64)> = killed.iter().map(|r| (r.clone(), deleted_by(r))).collect();
    assert_eq!(resumed, expected, "{rerun}");
    assert_eq!(rerun["resumed"]["run_id"], killed[1].as_str());
    assert_eq!(rerun["deleted"].as_i64(), Some(left));
    assert_eq!(count(&env, RULE), 0);
    // A later run resumes nothing.
    let (_, again) = env.json(&["cleanup", "processing-state", "--apply"]);
    assert_eq!(
        again["resumed_runs"].as_array().unwrap().len(),
        0,
        "{again}"
    );
    Ok(())
}

fn log_streams_past_retention_are_deleted() -> Result<(), Failed> {
    let env = TestEnv::new("cleanup_streams");
    env.seed("healthy");
    let streams = |group: &str| {
        env.aws(async |sdk| {
            aws_sdk_cloudwatchlogs::Client::new(sdk)
                .describe_log_streams()
                .log_group_name(group)
                .send()
                .await
                .unwrap()
                .log_streams()
                .len()
        })
    };
    let group = "/aws/lambda/goal-mandala-sandbox-ai-processor";
    let before = streams(group);
    let (code, default) = env.json(&["cleanup", "log-streams"]);
    assert_eq!(code, 0, "{default}");
    assert_eq!(
        default["matched"],
        serde_json::json!([]),
        "nothing is 30 days old"
    );

    let (code, dry) = env.json(&[
        "cleanup",
        "log-streams",
        "--older-than",
        "7d",
        "--log-group",
        "ai-processor",
    ]);
    assert_eq!(code, 0, "{dry}");
    let matched = dry["matched"].as_array().unwrap().len();
    assert!(matched >= 5, "the seeded streams of last week: {dry}");
    assert_eq!(streams(group), before, "a dry run deletes nothing");

    let (code, done) = env.json(&[
        "cleanup",
        "log-streams",
        "--older-than",
        "7d",
        "--log-group",
        "ai-processor",
        "--apply",
    ]);
    assert_eq!(code, 0, "{done}");
    assert_eq!(done["deleted"].as_u64(), Some(matched as u64));
    assert_eq!(streams(group), before - matched);
    let journal = std::fs::read_to_string(env.journal()).unwrap();
    assert_eq!(
        journal.lines().count(),
        matched,
        "one audit entry per stream"
    );
    let (_, after) = env.json(&[
        "cleanup",
        "log-streams",
        "--older-than",
        "7d",
        "--log-group",
        "ai-processor",
    ]);
    assert_eq!(after["matched"], serde_json::json!([]));
    Ok(())
}

fn bad_input_exits_64_and_deletes_nothing() -> Result<(), Failed> {
    let env = TestEnv::new("cleanup_bad");
    env.seed("healthy");
    insert(&env, 10, 100);
    let total = count(&env, "true");
    for args in [
        &[
            "cleanup",
            "processing-state",
            "--older-than",
            "2h",
            "--apply",
        ][..],
        &[
            "cleanup",
            "processing-state",
            "--older-than",
            "soon",
            "--apply",
        ],
        &[
            "cleanup",
            "processing-state",
            "--batch-size",
            "0",
            "--apply",
        ],
        &["cleanup", "log-streams", "--older-than", "10m", "--apply"],
        &[
            "cleanup",
            "log-streams",
            "--log-group",
            "not-a-component",
            "--apply",
        ],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
    }
    assert_eq!(count(&env, "true"), total);
    Ok(())
}

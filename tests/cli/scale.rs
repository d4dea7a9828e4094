//! `scale`: show, change and verify Lambda and Aurora capacity; the emergency stop and its undo;
//! recommendations with their evidence; bad input changes nothing; emulator gaps are clear.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    show_lists_every_function_and_the_acu_range,
    lambda_dry_run_changes_nothing_and_apply_is_verified,
    stop_and_resume_restore_exactly_what_was_there,
    db_range_is_applied_and_verified,
    recommend_gives_evidence,
    bad_input_exits_64_and_changes_nothing,
    emulator_gaps_are_reported_clearly,
];

/// (reserved, memory, timeout, tags) of a function, read with the SDK.
fn settings(env: &TestEnv, function: &str) -> (Option<i32>, Option<i32>, Option<i32>, Vec<String>) {
    env.aws(async |sdk| {
        let lambda = aws_sdk_lambda::Client::new(sdk);
        let f = lambda
            .get_function()
            .function_name(function)
            .send()
            .await
            .unwrap();
        let c = lambda
            .get_function_concurrency()
            .function_name(function)
            .send()
            .await
            .unwrap();
        let conf = f.configuration().unwrap();
        let mut tags: Vec<String> = f
            .tags()
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default();
        tags.sort();
        (
            c.reserved_concurrent_executions(),
            conf.memory_size(),
            conf.timeout(),
            tags,
        )
    })
}

const AI: &str = "goal-mandala-sandbox-ai-processor";
const PROFILE: &str = "goal-mandala-sandbox-profile";

fn show_lists_every_function_and_the_acu_range() -> Result<(), Failed> {
    let env = TestEnv::new("scale_show");
    env.seed("healthy");
    let (code, v) = env.json(&["scale", "show"]);
    assert_eq!(code, 0, "{v}");
    let functions = v["functions"].as_array().unwrap();
    assert_eq!(functions.len(), 8);
    let ai = functions
        .iter()
        .find(|f| f["component"] == "ai-processor")
        .unwrap();
    assert_eq!(ai["settings"]["reserved"], 10);
    assert_eq!(ai["settings"]["timeout_secs"], 900);
    assert_eq!(
        ai["provisioned"],
        Value::Null,
        "the emulator has no provisioned concurrency"
    );
    let worker = functions
        .iter()
        .find(|f| f["component"] == "ai-generation-worker")
        .unwrap();
    assert_eq!(worker["guide_reserved"], "10 (target 20, max 100)");
    assert_eq!(v["acu_range"], serde_json::json!([0.5, 2.0]));
    assert!(
        v["notes"][0]
            .as_str()
            .unwrap()
            .contains("provisioned concurrency")
    );
    Ok(())
}

fn lambda_dry_run_changes_nothing_and_apply_is_verified() -> Result<(), Failed> {
    let env = TestEnv::new("scale_lambda");
    env.seed("healthy");
    let before = settings(&env, AI);
    let args = [
        "scale",
        "lambda",
        "ai-processor",
        "--reserved",
        "15",
        "--memory",
        "2048",
        "--function-timeout",
        "600",
    ];
    let (code, dry) = env.json(&args);
    assert_eq!(code, 0, "{dry}");
    assert_eq!(dry["applied"], false);
    let change = |r: &Value, s: &str| {
        let row = r["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["setting"] == s)
            .unwrap()
            .clone();
        (
            row["before"].as_str().unwrap().to_string(),
            row["after"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(change(&dry, "reserved"), ("10".into(), "15".into()));
    assert_eq!(change(&dry, "memory (MB)"), ("512".into(), "2048".into()));
    assert_eq!(settings(&env, AI), before, "a dry run changes nothing");
    assert!(!env.journal().exists(), "and records nothing");

    let (code, applied) = env.json(&[&args[..], &["--apply"]].concat());
    assert_eq!(code, 0, "{applied}");
    assert_eq!(applied["mismatches"], serde_json::json!([]));
    for row in applied["changes"].as_array().unwrap() {
        assert_eq!(row["verified"], row["after"], "read back: {row}");
    }
    let after = settings(&env, AI);
    assert_eq!(
        (after.0, after.1, after.2),
        (Some(15), Some(2048), Some(600))
    );
    let journal = std::fs::read_to_string(env.journal()).unwrap();
    assert_eq!(
        journal.lines().count(),
        3,
        "one entry per changed setting:\n{journal}"
    );
    let audited = env.sql("SELECT count(*) AS n, count(DISTINCT run_id) AS runs FROM mandala_ops.audit WHERE command = 'scale lambda' AND target_id = 'goal-mandala-sandbox-ai-processor'");
    assert_eq!(
        (&audited[0]["n"], &audited[0]["runs"]),
        (&3.into(), &1.into())
    );

    // Asking for what is already there changes nothing.
    let (code, again) = env.json(&[&args[..], &["--apply"]].concat());
    assert_eq!((code, &again["applied"]), (0, &Value::Bool(false)));
    Ok(())
}

fn stop_and_resume_restore_exactly_what_was_there() -> Result<(), Failed> {
    let env = TestEnv::new("scale_stop");
    env.seed("healthy");
    assert_eq!(settings(&env, AI).0, Some(10));
    assert_eq!(
        settings(&env, PROFILE).0,
        None,
        "profile has no reserved concurrency"
    );

    let (code, dry) = env.json(&["scale", "stop", "ai-processor", "profile"]);
    assert_eq!((code, &dry["applied"]), (0, &Value::Bool(false)));
    assert_eq!(settings(&env, AI).0, Some(10));

    let (code, stopped) = env.json(&["scale", "stop", "ai-processor", "profile", "--apply"]);
    assert_eq!(code, 0, "{stopped}");
    for f in [AI, PROFILE] {
        let s = settings(&env, f);
        assert_eq!(s.0, Some(0), "{f} stopped");
        assert!(
            s.3.contains(&"mandala-ops:stopped-from".to_string()),
            "{f}: {:?}",
            s.3
        );
    }
    // Stopping again keeps the record of what came before the first stop.
    let (code, _) = env.json(&["scale", "stop", "ai-processor", "--apply"]);
    assert_eq!(code, 0);
    // The journal and the audit table both answer "who stopped it, from what".
    for source in [&["--journal"][..], &[]] {
        let (code, trail) =
            env.json(&[&["audit", "--command", "scale", "--target", AI][..], source].concat());
        assert_eq!(code, 0, "{trail}");
        let entries = trail["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 1, "the second stop changed nothing: {trail}");
        let e = &entries[0];
        assert_eq!(
            (&e["command"], &e["operator"]),
            (&"scale stop".into(), &"tester@ci".into())
        );
        assert_eq!(e["before"]["reserved"], 10);
        assert_eq!(e["after"]["reserved"], 0);
    }

    let (code, resumed) = env.json(&["scale", "resume", "ai-processor", "profile", "--apply"]);
    assert_eq!(code, 0, "{resumed}");
    assert_eq!(settings(&env, AI).0, Some(10), "ai-processor back to 10");
    assert_eq!(
        settings(&env, PROFILE).0,
        None,
        "profile back to unreserved"
    );
    assert!(
        settings(&env, AI)
            .3
            .iter()
            .all(|t| !t.starts_with("mandala-ops:")),
        "the record is gone"
    );
    let audited = env.sql("SELECT action, count(*) AS n FROM mandala_ops.audit WHERE target = 'lambda' GROUP BY action ORDER BY action");
    assert_eq!(
        audited,
        vec![
            serde_json::json!({"action": "emergency-stop", "n": 2}),
            serde_json::json!({"action": "resume", "n": 2})
        ]
    );

    // No stop on record: resume refuses, changing nothing.
    let run = env.run(&["scale", "resume", "ai-processor", "--apply"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert!(
        run.stderr.contains("no record of an emergency stop"),
        "{}",
        run.stderr
    );
    Ok(())
}

fn db_range_is_applied_and_verified() -> Result<(), Failed> {
    let env = TestEnv::new("scale_db");
    env.seed("healthy");
    let (code, dry) = env.json(&["scale", "db", "--min-acu", "1", "--max-acu", "4"]);
    assert_eq!(code, 0);
    assert_eq!(dry["before"], serde_json::json!([0.5, 2.0]));
    let (code, applied) = env.json(&["scale", "db", "--min-acu", "1", "--max-acu", "4", "--apply"]);
    assert_eq!(code, 0, "{applied}");
    assert_eq!(applied["verified"], serde_json::json!([1.0, 4.0]));
    let (_, shown) = env.json(&["scale", "show"]);
    assert_eq!(shown["acu_range"], serde_json::json!([1.0, 4.0]));
    Ok(())
}

fn recommend_gives_evidence() -> Result<(), Failed> {
    let env = TestEnv::new("scale_recommend");
    env.seed("incident");
    let (code, v) = env.json(&["scale", "recommend", "--since", "7d"]);
    assert_eq!(code, 0, "{v}");
    let recs = v["recommendations"].as_array().unwrap();
    let find = |component: &str, setting: &str| {
        recs.iter()
            .find(|r| r["component"] == component && r["setting"] == setting)
            .cloned()
    };
    let evidence = v["evidence"].as_array().unwrap();
    let ai = evidence
        .iter()
        .find(|e| e["component"] == "ai-processor")
        .unwrap();
    let peak = ai["peak_concurrency"].as_f64().unwrap();
    let reserved =
        find("ai-processor", "reserved").expect("the incident's peak needs more headroom");
    assert_eq!(
        reserved["recommended"],
        ((peak * 1.5).ceil() as i64).to_string()
    );
    assert!(
        reserved["evidence"]
            .as_str()
            .unwrap()
            .contains("peak ConcurrentExecutions")
    );
    let memory = find("ai-processor", "memory (MB)")
        .expect("the incident's REPORT lines show memory pressure");
    assert!(ai["usage"]["max_memory_pct"].as_f64().unwrap() >= 80.0);
    assert_eq!(memory["recommended"], "1024");
    assert!(
        memory["command"]
            .as_str()
            .unwrap()
            .ends_with("scale lambda ai-processor --memory 1024")
    );
    assert!(
        find("task-generation", "memory (MB)").is_none(),
        "task-generation is within its lines"
    );
    Ok(())
}

fn bad_input_exits_64_and_changes_nothing() -> Result<(), Failed> {
    let env = TestEnv::new("scale_bad");
    env.seed("healthy");
    let before = settings(&env, AI);
    for args in [
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--memory",
            "64",
            "--apply",
        ][..],
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--memory",
            "20000",
            "--apply",
        ],
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--function-timeout",
            "0",
            "--apply",
        ],
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--function-timeout",
            "901",
            "--apply",
        ],
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--reserved",
            "-1",
            "--apply",
        ],
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--reserved",
            "5000",
            "--apply",
        ],
        &[
            "scale",
            "lambda",
            "ai-processor",
            "--provisioned",
            "2",
            "--apply",
        ],
        &["scale", "lambda", "ai-processor", "--apply"],
        &[
            "scale",
            "lambda",
            "no-such-function",
            "--memory",
            "256",
            "--apply",
        ],
        &[
            "scale",
            "stop",
            "ai-processor",
            "no-such-function",
            "--apply",
        ],
        &["scale", "db", "--min-acu", "4", "--max-acu", "2", "--apply"],
        &[
            "scale",
            "db",
            "--min-acu",
            "0.75",
            "--max-acu",
            "2",
            "--apply",
        ],
        &[
            "scale",
            "db",
            "--min-acu",
            "0.5",
            "--max-acu",
            "300",
            "--apply",
        ],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(settings(&env, AI), before, "nothing changed");
    let (_, shown) = env.json(&["scale", "show"]);
    assert_eq!(shown["acu_range"], serde_json::json!([0.5, 2.0]));
    assert!(!env.journal().exists());
    Ok(())
}

fn emulator_gaps_are_reported_clearly() -> Result<(), Failed> {
    let env = TestEnv::new("scale_gaps");
    env.seed("healthy");
    let run = env.run(&[
        "scale",
        "lambda",
        "ai-processor",
        "--provisioned",
        "2",
        "--qualifier",
        "live",
    ]);
    assert_eq!(run.code, 69, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not supported by this endpoint"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
    Ok(())
}

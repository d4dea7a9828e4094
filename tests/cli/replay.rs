//! `replay`: shipped cases offline, the logs a batch emits read back by the local query engine,
//! a process rebuilt from the database, bad input.

use crate::support::{TestEnv, bare_cmd};
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    batch_logs_give_the_task_quality_queries_its_values,
    run_exits_by_outcome_and_prints_every_stage,
    process_is_rebuilt_from_the_database,
];

fn json(args: &[&str]) -> (i32, Value) {
    let out = bare_cmd().args(args).args(["-o", "json"]).output().unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), v)
}

fn close(a: &Value, b: &Value) -> bool {
    (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-6
}

fn batch_logs_give_the_task_quality_queries_its_values() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let logs = dir.path().join("replay.jsonl");
    let logs = logs.to_str().unwrap();
    let (code, batch) = json(&["replay", "batch", "--emit-logs", logs]);
    assert_eq!(code, 0, "{batch}");
    assert_eq!(batch["unexpected"], 0);
    let tasks = &batch["tasks"];
    assert_eq!(tasks["generations"], 3);

    let query = |name: &str| {
        let (code, v) = json(&["query", "run", name, "--local", logs]);
        // 1: a value outside the guide's expected range is flagged, which is not a failure here.
        assert!(matches!(code, 0 | 1), "{name}: {v}");
        let rows = v["rows"].as_array().unwrap().clone();
        assert_eq!(rows.len(), 1, "{name}: one day: {v}");
        rows[0].clone()
    };
    let counts = query("task-count-distribution");
    assert!(
        close(&counts["avg_tasks"], &tasks["avg_tasks"]),
        "{counts} vs {tasks}"
    );
    let minutes = query("minutes-per-task");
    assert!(
        close(
            &minutes["avg_minutes_per_task"],
            &tasks["avg_minutes_per_task"]
        ),
        "{minutes} vs {tasks}"
    );
    let priorities = query("priority-distribution");
    for (q, b) in [
        ("avg_high", "avg_high"),
        ("avg_medium", "avg_medium"),
        ("avg_low", "avg_low"),
    ] {
        assert!(
            close(&priorities[q], &tasks[b]),
            "{q}: {priorities} vs {tasks}"
        );
    }
    // The injection attempt is what seed 000's detection query counts.
    let (_, injections) = json(&["query", "run", "prompt-injection", "--local", logs]);
    assert_eq!(
        injections["rows"].as_array().unwrap().len(),
        1,
        "{injections}"
    );
    // Warnings and retries are what the quality-warnings query lists.
    let (_, warnings) = json(&["query", "run", "quality-warnings", "--local", logs]);
    assert!(!warnings["rows"].as_array().unwrap().is_empty());
    Ok(())
}

fn run_exits_by_outcome_and_prints_every_stage() -> Result<(), Failed> {
    let out = bare_cmd()
        .args(["replay", "run", "task-retry-recovered"])
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    for stage in [
        "1. input validation",
        "2. attempt 1",
        "3. attempt 2",
        "raw response:",
        "error count:",
        "result",
        "2 high, 1 medium, 1 low",
    ] {
        assert!(text.contains(stage), "{stage} in:\n{text}");
    }
    let (code, v) = json(&["replay", "run", "task-quality-minutes"]);
    assert_eq!(code, 2);
    assert_eq!(v["outcome"]["code"], "QUALITY_ERROR");
    let (code, v) = json(&["replay", "run", "prompt-injection"]);
    assert_eq!(
        (code, &v["outcome"]["code"]),
        (2, &Value::from("VALIDATION_ERROR"))
    );
    assert_eq!(
        v["attempts"],
        serde_json::json!([]),
        "the model is never called"
    );

    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"name\": \"x\"}")?;
    for args in [
        &["replay", "run", "no-such-case"][..],
        &["replay", "run", bad.to_str().unwrap()],
        &[
            "replay",
            "batch",
            dir.path().join("missing").to_str().unwrap(),
        ],
        &["replay", "run", "task-success-toeic", "--model", "gpt"],
    ] {
        let out = bare_cmd().args(args).output()?;
        assert_eq!(
            out.status.code(),
            Some(64),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

fn process_is_rebuilt_from_the_database() -> Result<(), Failed> {
    let env = TestEnv::new("replay_process");
    env.seed("healthy");
    // The seeded goals hold what the shipped cases generated, so a process of every kind finds
    // its goal, sub-goal or action, and the prompt is built from it.
    for (kind, node, title, cassette) in [
        (
            "SUBGOAL",
            "SELECT title FROM goals WHERE id = (p.input->'params'->>'goalId')::uuid",
            "TOEICで800点を取る",
            "subgoal-success-toeic",
        ),
        (
            "ACTION",
            "SELECT title FROM sub_goals WHERE id = (p.input->'params'->>'subGoalId')::uuid",
            "月間走行距離を150kmにする",
            "action-success-marathon",
        ),
        (
            "TASK",
            "SELECT title FROM actions WHERE id = (p.input->'params'->>'actionId')::uuid",
            "公式問題集でPart3を演習する",
            "task-success-toeic",
        ),
    ] {
        let rows = env.sql(&format!(
            "SELECT p.id::text FROM processing_state p \
             WHERE type = '{kind}_GENERATION' AND ({node}) = '{title}' LIMIT 1"
        ));
        let id = rows
            .first()
            .and_then(|r| r["id"].as_str())
            .unwrap_or_else(|| panic!("no {kind} process on {title}"));
        let (code, v) = env.json(&["replay", "process", id, "--cassette", cassette]);
        assert_eq!(code, 0, "{kind}: {v}");
        assert_eq!(v["case"], format!("process-{id}"));
        assert!(
            v["attempts"][0]["prompt"]["text"]
                .as_str()
                .unwrap()
                .contains(title),
            "{kind}: the prompt is built from {title} in the database"
        );
    }
    let run = env.run(&[
        "replay",
        "process",
        "00000000-0000-0000-0000-000000000000",
        "--cassette",
        "subgoal-success-toeic",
    ]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    Ok(())
}

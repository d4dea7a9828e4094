//! `runbook`: every shipped runbook end to end against the incident scenario, with its
//! transcript; applying with and without confirmation; a failing step and `--from`.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    every_runbook_runs_end_to_end_on_the_incident,
    apply_needs_yes_when_unattended,
    a_failed_step_stops_the_run_and_from_resumes_it,
    alarms_lead_to_runbooks_and_bad_input_exits_64,
];

fn id_where(env: &TestEnv, condition: &str) -> String {
    env.sql(&format!(
        "SELECT id::text FROM processing_state WHERE {condition} ORDER BY updated_at LIMIT 1"
    ))[0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn outcomes(report: &Value) -> Vec<String> {
    report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["outcome"].as_str().unwrap().to_string())
        .collect()
}

fn every_runbook_runs_end_to_end_on_the_incident() -> Result<(), Failed> {
    let env = TestEnv::new("runbooks");
    env.seed("incident");
    let retryable = id_where(
        &env,
        "status = 'FAILED' AND error->>'message' LIKE 'ThrottlingException%'",
    );
    let processing = id_where(&env, "status = 'PROCESSING' AND execution_arn IS NOT NULL");
    let (code, list) = env.json(&["runbook", "list"]);
    assert_eq!(code, 0);
    let names: Vec<String> = list["runbooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.len() >= 15, "{names:?}");
    let mut skipped = 0;
    for name in &names {
        let param = match name.as_str() {
            "retry-failing" => format!("processId={retryable}"),
            "cancel-not-working" => format!("processId={processing}"),
            _ => String::new(),
        };
        let mut args = vec!["runbook", "run", name.as_str()];
        if !param.is_empty() {
            args.extend(["-p", param.as_str()]);
        }
        let (code, report) = env.json(&args);
        // 0-2: the findings of an incident; anything else is a failed run.
        assert!(code <= 2, "{name} exited {code}: {report:#}");
        assert_eq!(report["completed"], true, "{name}: {report:#}");
        assert_eq!(
            report["severity"]["level"], 2,
            "{name}: the incident is level 2"
        );
        let outcomes = outcomes(&report);
        assert!(
            !outcomes.iter().any(|o| o == "failed"),
            "{name}: {outcomes:?}"
        );
        assert!(
            !outcomes.iter().any(|o| o == "applied"),
            "{name} applied without --apply"
        );
        skipped += outcomes.iter().filter(|o| *o == "skipped").count();
        let transcript = std::fs::read_to_string(report["transcript"].as_str().unwrap()).unwrap();
        assert!(transcript.contains("severity level 2"), "{name}");
        for step in report["steps"].as_array().unwrap() {
            let heading = format!("## {}. {}", step["number"], step["title"].as_str().unwrap());
            assert!(transcript.contains(&heading), "{name}: {heading} missing");
        }
        let outcome = |id: &str| {
            report["steps"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == id)
                .map(|s| s["outcome"].as_str().unwrap().to_string())
                .unwrap_or_else(|| panic!("{name} has no step {id}"))
        };
        if name == "lambda-error-rate" {
            // The incident has AI_SERVICE_ERROR but no DATABASE_ERROR in the logs.
            assert_eq!(outcome("database"), "skipped", "{outcomes:?}");
            assert_eq!(outcome("bedrock"), "ran", "{outcomes:?}");
        }
        if [
            "lambda-error-rate",
            "lambda-duration",
            "profile-api-errors",
            "emergency-stop",
        ]
        .contains(&name.as_str())
        {
            // An investigation starts with what changed.
            assert_eq!(report["steps"][0]["id"], "deploys", "{name}");
            assert_eq!(outcome("deploys"), "ran", "{name}");
        }
    }
    assert!(skipped >= 1, "no condition ever skipped a step");
    Ok(())
}

fn apply_needs_yes_when_unattended() -> Result<(), Failed> {
    let env = TestEnv::new("runbook_apply");
    env.seed("incident");
    let stuck = "SELECT count(*) AS n FROM processing_state WHERE status = 'PROCESSING'";
    let before = env.sql(stuck)[0]["n"].as_i64().unwrap();
    // No terminal to confirm at: nothing is applied.
    let (_, report) = env.json(&["runbook", "run", "stuck-processing", "--apply"]);
    assert_eq!(outcomes(&report)[3], "not-confirmed", "{report:#}");
    assert_eq!(env.sql(stuck)[0]["n"].as_i64().unwrap(), before);

    let (code, report) = env.json(&["runbook", "run", "stuck-processing", "--apply", "--yes"]);
    assert!(code <= 2, "{report:#}");
    assert_eq!(outcomes(&report)[3], "applied", "{report:#}");
    assert_eq!(report["steps"][3]["output"]["applied"], true);
    let after = env.sql(stuck)[0]["n"].as_i64().unwrap();
    assert!(after < before, "{before} → {after}");
    let audits =
        env.sql("SELECT count(*) AS n FROM mandala_ops.audit WHERE target = 'processing_state'");
    assert!(audits[0]["n"].as_i64().unwrap() > 0);
    let transcript = std::fs::read_to_string(report["transcript"].as_str().unwrap()).unwrap();
    assert!(transcript.contains("applied:"), "{transcript}");
    Ok(())
}

const CUSTOM: &str = r#"+++
name = "custom"
title = "Custom"
summary = "A runbook whose second step fails for a process that does not exist."
source = ["test"]
[params.processId]
description = "a process"
+++

## Database

```mandala-ops id=db
mandala-ops health --check database.connect
```

## The process

```mandala-ops id=show
mandala-ops process show {processId}
```

## Failed ones, when the database answered

```mandala-ops id=failed when="db.checks[name=database.connect].status == 'ok'"
mandala-ops process list --status {show.row.status}
```
"#;

fn a_failed_step_stops_the_run_and_from_resumes_it() -> Result<(), Failed> {
    let env = TestEnv::new("runbook_resume");
    env.seed("incident");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("custom.md");
    std::fs::write(&file, CUSTOM).unwrap();
    let file = file.to_str().unwrap();
    let missing = "00000000-0000-4000-8000-000000000000";
    let run = env.run(&[
        "runbook",
        "run",
        file,
        "-p",
        &format!("processId={missing}"),
    ]);
    assert_eq!(run.code, 64, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("stopped at step 2"), "{}", run.stdout);
    assert!(run.stdout.contains("--from 2"), "{}", run.stdout);
    assert!(!run.stdout.contains("Step 3/3"), "{}", run.stdout);

    let real = id_where(&env, "status = 'FAILED'");
    let (code, report) = env.json(&[
        "runbook",
        "run",
        file,
        "--from",
        "show",
        "-p",
        &format!("processId={real}"),
    ]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(outcomes(&report), ["reused", "ran", "ran"]);
    // Step 3's condition read step 1's output from the first run; its command, step 2's.
    assert!(
        report["steps"][2]["command"]
            .as_str()
            .unwrap()
            .ends_with("--status FAILED")
    );
    let transcript = std::fs::read_to_string(report["transcript"].as_str().unwrap()).unwrap();
    assert_eq!(
        transcript.matches("## 2. The process").count(),
        2,
        "{transcript}"
    );
    assert!(transcript.contains("Resumed at step 2"), "{transcript}");
    assert!(transcript.contains("stopped at step 2"), "{transcript}");
    Ok(())
}

fn alarms_lead_to_runbooks_and_bad_input_exits_64() -> Result<(), Failed> {
    let env = TestEnv::new("runbook_input");
    let (code, found) = env.json(&["runbook", "for", "goal-mandala-prod-ai-processor-throttle"]);
    assert_eq!(code, 0);
    assert_eq!(found["name"], "lambda-throttling");
    assert_eq!(found["run"], "mandala-ops runbook run lambda-throttling");
    let show = env.run(&["runbook", "show", "retry-failing"]);
    assert_eq!(show.code, 0);
    assert!(
        show.stdout
            .contains("$ mandala-ops process retry {processId}"),
        "{}",
        show.stdout
    );
    assert!(show.stdout.contains("(required)"), "{}", show.stdout);
    for args in [
        &["runbook", "show", "nope"][..],
        &["runbook", "for", "SomeOtherAlarm"],
        &["runbook", "run", "retry-failing"],
        &["runbook", "run", "stuck-processing", "-p", "colour=red"],
        &["runbook", "run", "stuck-processing", "--from", "9"],
        &["runbook", "run", "stuck-processing", "--from", "2"],
        &["runbook", "run", "stuck-processing", "--yes"],
        &["runbook", "run", "stuck-processing", "-p", "stuckFor=soon"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 64, "{args:?}: {}\n{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("error"), "{args:?}: {}", run.stderr);
    }
    Ok(())
}

//! `health` against both scenarios and with the database down.

use crate::support::{TestEnv, bare_cmd};
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    healthy_scenario_exits_0,
    incident_scenario_names_every_seeded_problem,
    database_down_still_reports_aws_and_exits_2,
    no_environment_is_usage_error,
    selection_and_bad_names,
];

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {report}"))
}

fn healthy_scenario_exits_0() -> Result<(), Failed> {
    let env = TestEnv::new("health_ok");
    env.seed("healthy");
    let (code, report) = env.json(&["health"]);
    for c in report["checks"].as_array().unwrap() {
        let status = c["status"].as_str().unwrap();
        assert!(status == "ok" || status == "unknown", "{c}");
        // Every row says where its threshold comes from; unknown rows say why.
        assert!(!c["source"].as_str().unwrap().is_empty(), "{c}");
        if status == "unknown" {
            assert!(c["message"].as_str().unwrap().len() > 10, "{c}");
        }
        for key in ["name", "status", "value", "threshold", "message", "source"] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
    }
    assert_eq!(code, 0, "{report}");
    // Percentiles the emulator cannot compute are unknown with the reason, never a number.
    let p95 = check(&report, "lambda.task-generation.duration");
    assert_eq!(p95["status"], "unknown");
    assert!(p95["value"].is_null());
    assert!(
        p95["message"]
            .as_str()
            .unwrap()
            .contains("not supported by this endpoint")
    );
    // ...and with --strict they count as warnings.
    let run = env.run(&["health", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    Ok(())
}

fn incident_scenario_names_every_seeded_problem() -> Result<(), Failed> {
    let env = TestEnv::new("health_incident");
    env.seed("incident");
    let (code, report) = env.json(&["health"]);
    assert_eq!(code, 2, "{report}");
    assert_eq!(report["status"], "critical");
    let expect = [
        ("database.stuck-processing", "critical"),
        ("database.pending-queue", "warn"),
        ("database.progress-range", "warn"),
        ("lambda.ai-processor.throttles", "critical"),
        ("lambda.task-generation.errors", "critical"),
        ("lambda.ai-processor.concurrency", "warn"),
        ("lambda.ai-processor.duration", "warn"),
        ("async.queue-depth", "warn"),
        ("async.error-rate", "critical"),
        ("async.timeouts", "critical"),
        ("api.5xx", "critical"),
        ("stepfunctions.failed", "critical"),
        ("stepfunctions.timed-out", "warn"),
        ("logs.ai-generation-worker.errors", "warn"),
        ("logs.database-errors", "warn"),
        ("logs.transaction-failures", "warn"),
        ("aurora.capacity", "warn"),
        ("alarms.AsyncProcessing-QueueDepth", "critical"),
        (
            "alarms.goal-mandala-sandbox-ai-processor-throttle",
            "critical",
        ),
    ];
    for (name, status) in expect {
        let c = check(&report, name);
        assert_eq!(c["status"], status, "{c}");
    }
    assert_eq!(check(&report, "database.stuck-processing")["value"], "12");
    assert_eq!(check(&report, "database.pending-queue")["value"], "120");
    let run = env.run(&["health"]);
    assert!(!run.stdout.contains(&env.password()) && !run.stderr.contains(&env.password()));
    Ok(())
}

fn database_down_still_reports_aws_and_exits_2() -> Result<(), Failed> {
    let env = TestEnv::new("health_dbdown");
    env.seed("healthy");
    // Nothing listens on port 9 of loopback: as good as a stopped server.
    let out = env
        .cmd()
        .env("DATABASE_URL", "postgres://ops:secretpw@127.0.0.1:9/ops")
        .args(["health", "--db-timeout", "5s", "-o", "json"])
        .output()?;
    let report: Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(out.status.code(), Some(2), "{report}");
    for c in report["checks"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        if name.starts_with("database.") {
            assert_eq!(c["status"], "critical", "{c}");
            assert!(c["message"].as_str().unwrap().contains("database"), "{c}");
        }
    }
    assert_eq!(check(&report, "lambda.ai-processor.state")["status"], "ok");
    assert_eq!(check(&report, "api.5xx")["status"], "ok");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("secretpw"));
    Ok(())
}

fn no_environment_is_usage_error() -> Result<(), Failed> {
    let out = bare_cmd().arg("health").output()?;
    assert_eq!(out.status.code(), Some(64));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--env") && stderr.contains("sandbox up"),
        "{stderr}"
    );
    Ok(())
}

fn selection_and_bad_names() -> Result<(), Failed> {
    let env = TestEnv::new("health_select");
    env.seed("incident");
    let (code, report) = env.json(&[
        "health",
        "--check",
        "database",
        "--skip",
        "database.stuck-processing",
    ]);
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("database.")),
        "{names:?}"
    );
    assert!(!names.contains(&"database.stuck-processing"));
    assert_eq!(code, 1, "pending queue and progress are warnings: {report}");
    let run = env.run(&["health", "--check", "lambda.nope"]);
    assert_eq!(run.code, 64);
    assert!(
        run.stderr.contains("no health check is named"),
        "{}",
        run.stderr
    );
    Ok(())
}

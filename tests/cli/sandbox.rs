//! The sandbox: its own lifecycle, and the scenarios it seeds.

use crate::support::{self, TestEnv, bare_cmd, is_alive};
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    up_status_seed_down_twice_leaves_nothing_behind,
    incident_scenario_matches_the_troubleshooting_guide,
    healthy_scenario_is_calm,
    port_in_use_is_exit_69,
];

/// Its own sandbox folder and ports, so the shared test sandbox keeps running.
fn lifecycle_cmd(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = bare_cmd();
    cmd.arg("--sandbox-dir")
        .arg(dir)
        .timeout(std::time::Duration::from_secs(600));
    cmd
}

fn up_status_seed_down_twice_leaves_nothing_behind() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let mut pids = Vec::new();
    for round in 0..2 {
        for _ in 0..2 {
            let out = lifecycle_cmd(dir.path())
                .args([
                    "sandbox",
                    "up",
                    "--pg-port",
                    "25462",
                    "--moto-port",
                    "25463",
                ])
                .output()?;
            assert!(
                out.status.success(),
                "up (round {round}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let out = lifecycle_cmd(dir.path())
            .args(["sandbox", "status", "-o", "json"])
            .output()?;
        assert!(out.status.success());
        let status: Value = serde_json::from_slice(&out.stdout)?;
        for key in [
            "database_url",
            "aws_endpoint_url",
            "region",
            "postgres_pid",
            "moto_pid",
        ] {
            assert!(!status[key].is_null(), "status lacks {key}: {status}");
        }
        assert!(status["database_url"].as_str().unwrap().contains("****"));
        let (pg, moto) = (
            status["postgres_pid"].as_i64().unwrap(),
            status["moto_pid"].as_i64().unwrap(),
        );
        assert!(is_alive(pg) && is_alive(moto));
        pids.push((pg, moto));

        let out = lifecycle_cmd(dir.path())
            .env("MANDALA_CONFIG", "/dev/null")
            .args(["sandbox", "seed", "--scenario", "incident"])
            .output()?;
        assert!(
            out.status.success(),
            "seed: {}",
            String::from_utf8_lossy(&out.stderr)
        );

        for _ in 0..2 {
            let out = lifecycle_cmd(dir.path())
                .args(["sandbox", "down"])
                .output()?;
            assert!(
                out.status.success(),
                "down: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(!is_alive(pg), "PostgreSQL (pid {pg}) still runs after down");
        assert!(
            !is_alive(moto),
            "the emulator (pid {moto}) still runs after down"
        );
        let out = lifecycle_cmd(dir.path())
            .args(["sandbox", "status", "-o", "json"])
            .output()?;
        assert_eq!(out.status.code(), Some(69), "status of a stopped sandbox");
        let status: Value = serde_json::from_slice(&out.stdout)?;
        assert_eq!(status["running"], false);
    }
    Ok(())
}

fn count(rows: &[Value], label: &str) -> i64 {
    rows.iter()
        .find(|r| r["label"] == label)
        .and_then(|r| r["n"].as_i64())
        .unwrap_or(0)
}

fn incident_scenario_matches_the_troubleshooting_guide() -> Result<(), Failed> {
    let env = TestEnv::new("incident");
    env.seed("incident");
    // Every stuck row's execution ended the way its row says.
    let rows = env.sql("SELECT id, status, progress, execution_arn FROM processing_state WHERE status = 'PROCESSING'");
    let statuses: Vec<(String, String)> = env.aws(async |sdk| {
        let sfn = aws_sdk_sfn::Client::new(sdk);
        let mut out = Vec::new();
        for r in &rows {
            let arn = r["execution_arn"].as_str().unwrap().to_string();
            let status = match sfn.describe_execution().execution_arn(&arn).send().await {
                Ok(d) => d.status().as_str().to_string(),
                Err(_) => "MISSING".to_string(),
            };
            out.push((r["id"].as_str().unwrap().to_string(), status));
        }
        out
    });
    for want in [
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "ABORTED",
        "RUNNING",
        "MISSING",
    ] {
        assert!(
            statuses.iter().any(|(_, s)| s == want),
            "no PROCESSING row whose execution is {want}: {statuses:?}"
        );
    }
    let progress = env.sql("SELECT count(*) FILTER (WHERE progress > 100) AS high, count(*) FILTER (WHERE progress < 0) AS low, \
                                   count(*) FILTER (WHERE status = 'PENDING') AS pending FROM processing_state");
    assert!(progress[0]["high"].as_i64().unwrap() >= 1);
    assert!(progress[0]["low"].as_i64().unwrap() >= 1);
    assert!(progress[0]["pending"].as_i64().unwrap() > 100);
    // The alarms of seeds 001 and 003, some firing.
    let alarms: Vec<(String, String)> = env.aws(async |sdk| {
        let cw = aws_sdk_cloudwatch::Client::new(sdk);
        let out = cw.describe_alarms().send().await.unwrap();
        out.metric_alarms()
            .iter()
            .map(|a| {
                (
                    a.alarm_name().unwrap().to_string(),
                    a.state_value().unwrap().as_str().to_string(),
                )
            })
            .collect()
    });
    for name in [
        "goal-mandala-sandbox-ai-processor-error-rate",
        "ProfileAPI-HighErrorRate",
        "ProfileDB-HighConnections",
    ] {
        assert!(alarms.iter().any(|(n, _)| n == name), "no alarm {name}");
    }
    assert!(alarms.iter().any(|(_, s)| s == "ALARM"));
    // A day of structured logs, with an ERROR burst carrying every error code.
    let codes: Vec<String> = env.aws(async |sdk| {
        let logs = aws_sdk_cloudwatchlogs::Client::new(sdk);
        let out = logs
            .filter_log_events()
            .log_group_name("/aws/lambda/ai-generation-worker")
            .filter_pattern("ERROR")
            .send()
            .await
            .unwrap();
        out.events()
            .iter()
            .filter_map(|e| e.message().map(str::to_string))
            .collect()
    });
    for code in [
        "AI_ERROR",
        "DATABASE_ERROR",
        "TIMEOUT_ERROR",
        "VALIDATION_ERROR",
    ] {
        assert!(
            codes.iter().any(|m| m.contains(code)),
            "no {code} in the worker's log"
        );
    }
    let labels =
        env.sql("SELECT status AS label, count(*) AS n FROM processing_state GROUP BY status");
    assert!(count(&labels, "COMPLETED") > 0 && count(&labels, "FAILED") > 0);
    Ok(())
}

fn healthy_scenario_is_calm() -> Result<(), Failed> {
    let env = TestEnv::new("healthy");
    env.seed("healthy");
    let rows = env.sql("SELECT count(*) FILTER (WHERE progress NOT BETWEEN 0 AND 100) AS bad, \
                               count(*) FILTER (WHERE status = 'PENDING') AS pending FROM processing_state");
    assert_eq!(rows[0]["bad"], 0);
    assert!(rows[0]["pending"].as_i64().unwrap() < 100);
    let alarming: Vec<String> = env.aws(async |sdk| {
        let cw = aws_sdk_cloudwatch::Client::new(sdk);
        let out = cw.describe_alarms().send().await.unwrap();
        out.metric_alarms()
            .iter()
            .filter(|a| a.state_value().map(|s| s.as_str()) == Some("ALARM"))
            .map(|a| a.alarm_name().unwrap().to_string())
            .collect()
    });
    assert!(
        alarming.is_empty(),
        "alarms firing in the healthy scenario: {alarming:?}"
    );
    Ok(())
}

fn port_in_use_is_exit_69() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    // The shared test sandbox's PostgreSQL holds this port.
    let out = lifecycle_cmd(dir.path())
        .args([
            "sandbox",
            "up",
            "--pg-port",
            &support::PG_PORT.to_string(),
            "--moto-port",
            "25473",
        ])
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(69), "{stderr}");
    assert!(stderr.contains("in use"), "{stderr}");
    Ok(())
}

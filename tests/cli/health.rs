//! `health` against both scenarios and with the database down.

use crate::support::{TestEnv, bare_cmd, python_with, tmp_root};
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    healthy_scenario_exits_0,
    incident_scenario_names_every_seeded_problem,
    database_down_still_reports_aws_and_exits_2,
    no_environment_is_usage_error,
    selection_and_bad_names,
    drift_made_through_the_aws_api_is_found,
    configuration_it_cannot_use_is_bad_input_before_any_check,
    a_renamed_api_is_a_service_gone_dark,
    junit_report_is_valid_junit_with_a_case_per_check,
    a_threshold_in_the_config_file_moves_every_verdict_that_uses_it,
    fleet_view_runs_every_environment_of_the_config_side_by_side,
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
        // 003 クエリ実行時間, 004 データベースクエリの遅延, 000 DB接続エラー.
        ("aurora.read-latency", "warn"),
        ("aurora.freeable-memory", "warn"),
        ("database.index", "warn"),
        // 002 主要メトリクス, API認証; 004 進捗率の異常.
        ("async.completion-rate", "warn"),
        ("security.rate-limit", "warn"),
        ("logs.progress-decrease", "warn"),
        // Throttled, not refused: the quota, not the role (001 トラブルシューティング 2, 5).
        ("bedrock.throttles", "warn"),
        ("bedrock.access.ai-processor", "ok"),
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

/// A row's status and message, for assertions that name both.
fn finding(report: &Value, name: &str) -> (String, String) {
    let c = check(report, name);
    assert!(!c["source"].as_str().unwrap_or("").is_empty(), "{c}");
    (
        c["status"].as_str().unwrap().to_string(),
        c["message"].as_str().unwrap().to_string(),
    )
}

/// What a console click or a bad deploy does, made through the AWS API as a user would make it.
fn drift_made_through_the_aws_api_is_found() -> Result<(), Failed> {
    use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, Statistic};
    let env = TestEnv::new("health_drift");
    env.seed("healthy");
    let (code, report) = env.json(&["health"]);
    assert_eq!(code, 0, "{report}");

    // A console edit: the ai-processor's error alarm raised tenfold, its notification dropped.
    env.aws(async |sdk| {
        aws_sdk_cloudwatch::Client::new(sdk)
            .put_metric_alarm()
            .alarm_name("goal-mandala-sandbox-ai-processor-error-rate")
            .namespace("AWS/Lambda")
            .metric_name("Errors")
            .dimensions(
                Dimension::builder()
                    .name("FunctionName")
                    .value("goal-mandala-sandbox-ai-processor")
                    .build(),
            )
            .statistic(Statistic::Sum)
            .period(300)
            .evaluation_periods(1)
            .threshold(50.0)
            .comparison_operator(ComparisonOperator::GreaterThanOrEqualToThreshold)
            .send()
            .await
            .unwrap();
    });
    let (code, report) = env.json(&["health", "--check", "alarms"]);
    assert_eq!(code, 2, "{report}");
    let (status, message) = finding(
        &report,
        "alarms.config.goal-mandala-sandbox-ai-processor-error-rate",
    );
    assert_eq!(status, "critical");
    assert!(
        message.contains("notifies no one") && message.contains("threshold 50 (guide: 5)"),
        "{message}"
    );

    // Then the rest at once: every alarm deleted, a reservation removed, backups cut to a
    // day, a log group's retention removed, the worker switched to another model, the
    // execution role's Bedrock policy removed.
    env.aws(async |sdk| {
        let cw = aws_sdk_cloudwatch::Client::new(sdk);
        let names: Vec<String> = cw
            .describe_alarms()
            .send()
            .await
            .unwrap()
            .metric_alarms()
            .iter()
            .filter_map(|a| a.alarm_name().map(str::to_string))
            .collect();
        cw.delete_alarms()
            .set_alarm_names(Some(names))
            .send()
            .await
            .unwrap();
        let lambda = aws_sdk_lambda::Client::new(sdk);
        lambda
            .delete_function_concurrency()
            .function_name("goal-mandala-sandbox-ai-processor")
            .send()
            .await
            .unwrap();
        let worker = lambda
            .get_function_configuration()
            .function_name("ai-generation-worker")
            .send()
            .await
            .unwrap();
        let mut vars = worker
            .environment()
            .and_then(|e| e.variables())
            .cloned()
            .unwrap_or_default();
        vars.insert(
            "BEDROCK_MODEL_ID".into(),
            "anthropic.claude-3-haiku-20240307-v1:0".into(),
        );
        lambda
            .update_function_configuration()
            .function_name("ai-generation-worker")
            .environment(
                aws_sdk_lambda::types::Environment::builder()
                    .set_variables(Some(vars))
                    .build(),
            )
            .send()
            .await
            .unwrap();
        aws_sdk_rds::Client::new(sdk)
            .modify_db_cluster()
            .db_cluster_identifier("goal-mandala-sandbox-aurora")
            .backup_retention_period(1)
            .apply_immediately(true)
            .send()
            .await
            .unwrap();
        aws_sdk_cloudwatchlogs::Client::new(sdk)
            .delete_retention_policy()
            .log_group_name("/aws/lambda/ai-generation-worker")
            .send()
            .await
            .unwrap();
        aws_sdk_iam::Client::new(sdk)
            .delete_role_policy()
            .role_name("goal-mandala-sandbox-lambda-execution-role")
            .policy_name("BedrockInvoke")
            .send()
            .await
            .unwrap();
    });
    let (code, report) = env.json(&["health"]);
    assert_eq!(code, 2, "{report}");
    for (name, status, says) in [
        ("alarms", "critical", "no alarms"),
        (
            "alarms.config.goal-mandala-sandbox-ai-processor-throttle",
            "critical",
            "missing",
        ),
        (
            "alarms.config.ProfileAPI-HighErrorRate",
            "critical",
            "missing",
        ),
        (
            "lambda.ai-processor.settings",
            "warn",
            "no reserved concurrency (the guide reserves 10)",
        ),
        ("aurora.backup-retention", "warn", "kept 1 day"),
        (
            "logs.ai-generation-worker.retention",
            "warn",
            "no retention policy",
        ),
        (
            "lambda.ai-generation-worker.environment",
            "warn",
            "BEDROCK_MODEL_ID is anthropic.claude-3-haiku-20240307-v1:0 (expected amazon.nova-micro-v1:0)",
        ),
        (
            "bedrock.access.ai-processor",
            "critical",
            "no policy of goal-mandala-sandbox-lambda-execution-role allows bedrock:InvokeModel",
        ),
    ] {
        let (got, message) = finding(&report, name);
        assert_eq!(got, status, "{name}: {message}");
        assert!(message.contains(says), "{name}: {message}");
    }
    // The guide's value is beside the live one.
    assert_eq!(
        check(&report, "aurora.backup-retention")["threshold"],
        "7 days"
    );
    Ok(())
}

fn configuration_it_cannot_use_is_bad_input_before_any_check() -> Result<(), Failed> {
    let env = TestEnv::new("health_usage");
    for url in [
        "postgress://ops@127.0.0.1:25442/ops",
        "postgres://ops@127.0.0.1:99999/ops",
        "postgres//ops@127.0.0.1/ops",
    ] {
        let out = env
            .cmd()
            .env("DATABASE_URL", url)
            .args(["health", "-q"])
            .output()?;
        assert_eq!(out.status.code(), Some(64), "{url}");
        // Nothing is printed as ok: no report at all.
        assert!(out.stdout.is_empty(), "{url}: {:?}", out.stdout);
    }
    // Plain text to a remote host is refused, before any AWS call.
    let out = bare_cmd()
        .env(
            "DATABASE_URL",
            "postgres://ops:hunter22@db.example.com:5432/ops?sslmode=disable",
        )
        .args(["--env", "dev", "health"])
        .output()?;
    assert_eq!(out.status.code(), Some(64));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("hunter22"));
    for args in [
        &["health", "--check", "database", "--skip", "database"][..],
        &[
            "health",
            "--skip",
            "deploy,changes,lambda,api,traffic,stepfunctions,bedrock,async,database,aurora,alarms,logs,security",
        ],
        &["--region", "", "health"],
        &["alarms", "-o", "junit"],
        &["health", "--watch", "-o", "junit"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    Ok(())
}

/// An API renamed by a deploy: its metrics now arrive under another dimension, and the old
/// name has none. Every check that reads them says so; none passes on the silence.
fn a_renamed_api_is_a_service_gone_dark() -> Result<(), Failed> {
    let env = TestEnv::new("health_dark");
    env.seed("healthy");
    env.configure("[environments.sandbox.names]\napi = \"goal-mandala-sandbox-api-v2\"\n");
    let (code, report) = env.json(&["health", "--check", "traffic,api,deploy"]);
    assert_eq!(code, 2, "{report}");
    let (status, message) = finding(&report, "traffic.api-requests");
    assert_eq!(status, "critical");
    assert!(message.contains("no requests"), "{message}");
    let (status, message) = finding(&report, "api.5xx");
    assert_eq!(status, "warn");
    assert!(
        message.contains(
            "no datapoints of AWS/ApiGateway Count (ApiName=goal-mandala-sandbox-api-v2)"
        ),
        "{message}"
    );
    assert_eq!(finding(&report, "deploy.api").0, "critical");
    // The profile API, still publishing, is judged as before.
    assert_eq!(finding(&report, "traffic.profile-requests").0, "ok");
    Ok(())
}

fn junit_report_is_valid_junit_with_a_case_per_check() -> Result<(), Failed> {
    let env = TestEnv::new("health_junit");
    env.seed("incident");
    let run = env.run(&["health", "-q", "-o", "junit"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let xml = tmp_root().join(format!("health-{}.xml", std::process::id()));
    std::fs::write(&xml, &run.stdout)?;
    let python = python_with("xmlschema", &["xmlschema==3.4.3"]);
    let xsd = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/junit-10.xsd");
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(
            "import sys, xmlschema\n\
             schema = xmlschema.XMLSchema(sys.argv[1])\n\
             schema.validate(sys.argv[2])\n\
             doc = schema.to_dict(sys.argv[2])\n\
             suite = doc['testsuite'][0]\n\
             cases = suite['testcase']\n\
             print(len(cases), sum('failure' in c for c in cases), sum('skipped' in c for c in cases), suite['@failures'], suite['@skipped'])\n",
        )
        .arg(&xsd)
        .arg(&xml)
        .output()?;
    let _ = std::fs::remove_file(&xml);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counts: Vec<usize> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let (_, report) = env.json(&["health"]);
    let rows = report["checks"].as_array().unwrap();
    let with = |s: &[&str]| {
        rows.iter()
            .filter(|r| s.contains(&r["status"].as_str().unwrap()))
            .count()
    };
    assert_eq!(counts[0], rows.len());
    assert_eq!(counts[1], with(&["warn", "critical"]));
    assert_eq!(counts[2], with(&["unknown"]));
    assert_eq!((counts[3], counts[4]), (counts[1], counts[2]));
    Ok(())
}

/// One number of the threshold table, changed in the config file, moves the health row, the
/// alarm spec the deployed alarm is held to, and a query's expectation together.
fn a_threshold_in_the_config_file_moves_every_verdict_that_uses_it() -> Result<(), Failed> {
    let env = TestEnv::new("health_threshold");
    env.seed("healthy");
    let duration = "lambda.ai-processor.duration";
    let alarm = "alarms.config.goal-mandala-sandbox-ai-processor-duration";
    let (code, report) = env.json(&["health", "--check", duration, "--check", "alarms.config"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(check(&report, duration)["threshold"], "warn ≥ 60 s");

    env.configure(
        "[thresholds.lambda]\nai_processor_avg_duration_ms = 30000.0\n\
         [thresholds.security]\nforbidden_per_user = 2.0\n",
    );
    let (code, report) = env.json(&["health", "--check", duration, "--check", "alarms.config"]);
    assert_eq!(code, 1, "{report}");
    let row = check(&report, duration);
    assert_eq!(
        (&row["status"], &row["threshold"]),
        (&"warn".into(), &"warn ≥ 30 s".into()),
        "{row}"
    );
    let (status, message) = finding(&report, alarm);
    assert_eq!(status, "warn", "{message}");
    assert!(
        message.contains("threshold 60000 (guide: 30000)"),
        "{message}"
    );

    let (code, query) = env.json(&["query", "show", "forbidden-by-user"]);
    assert_eq!(code, 0, "{query}");
    assert_eq!(query["expect"][0]["max"], 2.0, "{query}");
    Ok(())
}

fn fleet_view_runs_every_environment_of_the_config_side_by_side() -> Result<(), Failed> {
    let env = TestEnv::new("health_fleet");
    env.seed("incident");
    // Each environment reads its own database through its secret (an RDS secret, as the guides'
    // stacks create it), made through the AWS API as an operator would.
    let pg: tokio_postgres::Config = env.database_url.parse()?;
    let host = match &pg.get_hosts()[0] {
        tokio_postgres::config::Host::Tcp(h) => h.clone(),
        other => panic!("a TCP host, not {other:?}"),
    };
    let secret = serde_json::json!({
        "username": pg.get_user().unwrap(),
        "password": env.password(),
        "host": host,
        "port": pg.get_ports()[0],
        "dbname": pg.get_dbname().unwrap(),
    });
    env.aws(async |sdk| {
        aws_sdk_secretsmanager::Client::new(sdk)
            .create_secret()
            .name("goal-mandala/sandbox/db")
            .secret_string(secret.to_string())
            .send()
            .await
            .unwrap();
    });
    env.configure(
        "[environments.sandbox]\ndb_secret_id = \"goal-mandala/sandbox/db\"\n[environments.prod]\n",
    );
    let fleet = |args: &[&str]| {
        let run = env
            .cmd()
            .env_remove("DATABASE_URL")
            .env_remove("MANDALA_ENV")
            .args(args)
            .output()
            .unwrap();
        (
            run.status.code().unwrap(),
            String::from_utf8_lossy(&run.stdout).into_owned(),
            String::from_utf8_lossy(&run.stderr).into_owned(),
        )
    };
    let (code, out, err) = fleet(&["health", "--all-envs", "--check", "database", "-o", "json"]);
    let report: Value = serde_json::from_str(&out).map_err(|e| format!("{e}: {out}{err}"))?;
    // The worst environment decides: the incident's stuck processes, and prod, which has no
    // database configured, is a finding of its own rather than a hole in the table.
    assert_eq!(code, 2, "{report}");
    let envs: Vec<&str> = report["environments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["environment"].as_str().unwrap())
        .collect();
    assert_eq!(envs, ["prod", "sandbox"]);
    let row = |environment: &str, name: &str| {
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["environment"] == environment && c["name"] == name)
            .unwrap_or_else(|| panic!("no {environment} {name} in {report}"))
            .clone()
    };
    assert_eq!(row("sandbox", "database.stuck-processing")["value"], "12");
    let prod = row("prod", "environment");
    assert_eq!(prod["status"], "critical");
    assert!(
        prod["message"]
            .as_str()
            .unwrap()
            .contains("no database configured"),
        "{prod}"
    );
    assert!(!out.contains(&env.password()));

    // The table has an environment column and a verdict per environment; JUnit a suite each.
    let (_, table, _) = fleet(&[
        "health",
        "--env",
        "sandbox,prod",
        "--check",
        "database.stuck-processing",
    ]);
    assert!(table.contains("environment"), "{table}");
    assert!(table.contains("the worst of 2 environments"), "{table}");
    let (_, xml, _) = fleet(&["health", "--all-envs", "--check", "database", "-o", "junit"]);
    assert_eq!(xml.matches("<testsuite ").count(), 2, "{xml}");

    // What cannot be a fleet run is refused before any check: one database for several
    // environments, a redraw of several, a command other than health, a config naming none.
    let refused = |cmd: &mut assert_cmd::Command, says: &str| {
        let run = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(64), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
    };
    refused(
        env.cmd().args(["--env", "sandbox,prod", "health"]),
        "DATABASE_URL",
    );
    refused(
        env.cmd()
            .env_remove("DATABASE_URL")
            .args(["--env", "sandbox,prod", "health", "--watch"]),
        "--watch",
    );
    refused(
        env.cmd()
            .env_remove("DATABASE_URL")
            .args(["--env", "sandbox,prod", "process", "list"]),
        "only `health`",
    );
    env.configure("");
    refused(
        env.cmd()
            .env_remove("DATABASE_URL")
            .args(["health", "--all-envs"]),
        "names no environment",
    );
    Ok(())
}

//! Creates a plan's AWS state on the emulator, through the same SDK clients every command uses.

use super::plan::{Datum, Execution, LogEvent, Plan, Process};
use crate::aws::metrics::Dimension;
use crate::aws::{Clients, from_timestamp};
use crate::config::thresholds::{Backup, Scaling, Thresholds};
use crate::config::{Component, Environment};
use crate::error::{Error, Result, aws_err};
use aws_sdk_cloudwatch::types::{Dimension as CwDimension, MetricDatum, StandardUnit};
use aws_sdk_cloudwatchlogs::types::InputLogEvent;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{FunctionCode, Runtime};
use futures::{StreamExt, TryStreamExt};
use jiff::SignedDuration;
use serde_json::json;
use std::collections::BTreeMap;
use std::time::Duration;

/// An empty zip archive: the emulator stores code without running it.
const EMPTY_ZIP: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

/// The account the emulator puts every resource in.
const EMULATOR_ACCOUNT: &str = "123456789012";

/// What was created, for the seed's summary.
#[derive(Debug, Default, serde::Serialize)]
pub struct Created {
    pub functions: usize,
    pub executions: BTreeMap<String, usize>,
    pub log_events: usize,
    pub log_streams: usize,
    pub metric_datapoints: usize,
    pub alarms: BTreeMap<String, usize>,
    pub state_machine_arn: String,
}

pub async fn apply(
    aws: &Clients,
    env: &Environment,
    t: &Thresholds,
    plan: &Plan,
) -> Result<(Created, BTreeMap<uuid::Uuid, String>)> {
    let role = ensure_role(aws, env).await?;
    let (
        functions,
        (state_machine_arn, mut arns),
        (log_events, log_streams),
        metric_datapoints,
        alarms,
        (),
        (),
    ) = tokio::try_join!(
        create_functions(aws, env, &t.scaling, &role),
        create_executions(aws, env, &role, &plan.processes),
        put_logs(aws, env, plan, t.retention.log_group_days),
        put_metrics(aws, env, &plan.metrics),
        put_alarms(aws, env, plan, t),
        create_cluster(aws, env, &t.backup),
        create_api(aws, env),
    )?;
    export_logs(aws, env, plan.now).await?;
    let executions = settle(aws, &state_machine_arn, &plan.processes, &mut arns).await?;
    Ok((
        Created {
            functions,
            executions,
            log_events,
            log_streams,
            metric_datapoints,
            alarms,
            state_machine_arn,
        },
        arns,
    ))
}

async fn ensure_role(aws: &Clients, env: &Environment) -> Result<String> {
    let arn = create_role(aws, env).await?;
    // 001 トラブルシューティング 5: the role may invoke the configured model, as deployed.
    let policy = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        "Resource": format!("arn:aws:bedrock:*::foundation-model/{}", env.bedrock_model)}]});
    aws.iam
        .put_role_policy()
        .role_name(crate::aws::iam::role_name(&arn))
        .policy_name("BedrockInvoke")
        .policy_document(policy.to_string())
        .send()
        .await
        .map_err(aws_err(
            "IAM",
            "PutRolePolicy",
            "letting the sandbox's role invoke Bedrock",
        ))?;
    Ok(arn)
}

async fn create_role(aws: &Clients, env: &Environment) -> Result<String> {
    // 001 認証エラー: goal-mandala-${ENVIRONMENT}-lambda-execution-role.
    let name = format!("goal-mandala-{}-lambda-execution-role", env.name);
    let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": ["lambda.amazonaws.com", "states.amazonaws.com"]}, "Action": "sts:AssumeRole"}]});
    match aws
        .iam
        .create_role()
        .role_name(&name)
        .assume_role_policy_document(trust.to_string())
        .send()
        .await
    {
        Ok(out) => Ok(out.role().map(|r| r.arn().to_string()).unwrap_or_default()),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_entity_already_exists_exception()) =>
        {
            let out = aws
                .iam
                .get_role()
                .role_name(&name)
                .send()
                .await
                .map_err(aws_err(
                    "IAM",
                    "GetRole",
                    "reading the sandbox's Lambda role",
                ))?;
            Ok(out.role().map(|r| r.arn().to_string()).unwrap_or_default())
        }
        Err(e) => Err(Error::aws(
            "IAM",
            "CreateRole",
            "creating the sandbox's Lambda role",
            e,
        )),
    }
}

/// Every function of the name table, with the memory, timeout and reserved concurrency the
/// guides give (see `config::thresholds::Scaling`).
async fn create_functions(
    aws: &Clients,
    env: &Environment,
    scaling: &Scaling,
    role: &str,
) -> Result<usize> {
    let specs: Vec<Component> = Component::functions().collect();
    futures::stream::iter(specs)
        .map(|component| async move {
            let name = env.names.get(component);
            let cap = scaling.capacity(component.id());
            let memory = cap.and_then(|c| c.memory_mb).unwrap_or(512);
            let timeout = cap.and_then(|c| c.timeout_secs).unwrap_or(30);
            let environment = aws_sdk_lambda::types::Environment::builder()
                .variables("ENVIRONMENT", env.name.as_str())
                .variables("BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0")
                .variables("BEDROCK_REGION", "ap-northeast-1")
                .variables("BEDROCK_MAX_RETRIES", "3")
                .variables("BEDROCK_TIMEOUT_MS", "300000")
                .build();
            let created = aws
                .lambda
                .create_function()
                .function_name(name)
                .runtime(Runtime::Nodejs20x)
                .role(role)
                .handler("index.handler")
                .code(
                    FunctionCode::builder()
                        .zip_file(Blob::new(EMPTY_ZIP))
                        .build(),
                )
                .memory_size(memory)
                .timeout(timeout)
                .environment(environment)
                .tags("Application", "goal-mandala")
                .tags("Environment", env.name.as_str())
                .send()
                .await;
            match created {
                Ok(_) => {}
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_conflict_exception()) =>
                {
                    aws.lambda
                        .update_function_configuration()
                        .function_name(name)
                        .memory_size(memory)
                        .timeout(timeout)
                        .send()
                        .await
                        .map_err(aws_err(
                            "Lambda",
                            "UpdateFunctionConfiguration",
                            format!("updating {name}"),
                        ))?;
                }
                Err(e) => {
                    return Err(Error::aws(
                        "Lambda",
                        "CreateFunction",
                        &format!("creating {name}"),
                        e,
                    ));
                }
            }
            match cap.and_then(|c| c.reserved) {
                Some(reserved) => {
                    aws.lambda
                        .put_function_concurrency()
                        .function_name(name)
                        .reserved_concurrent_executions(reserved)
                        .send()
                        .await
                        .map_err(aws_err(
                            "Lambda",
                            "PutFunctionConcurrency",
                            format!("reserving concurrency for {name}"),
                        ))?;
                }
                None => {
                    aws.lambda
                        .delete_function_concurrency()
                        .function_name(name)
                        .send()
                        .await
                        .map_err(aws_err(
                            "Lambda",
                            "DeleteFunctionConcurrency",
                            format!("clearing concurrency of {name}"),
                        ))?;
                }
            }
            Ok::<_, Error>(())
        })
        .buffer_unordered(4)
        .try_collect::<Vec<()>>()
        .await
        .map(|v| v.len())
}

/// The sandbox's AIGenerationStateMachine routes on `$.sandbox.route` so each execution ends as
/// its row needs; a retry (input with `retryCount`, seed 004 "リトライ") goes through.
fn definition(timeout_secs: Option<u32>) -> String {
    let mut def = json!({
        "Comment": "mandala-ops sandbox: stands in for the AI generation workflow; routes on $.sandbox.route",
        "StartAt": "Route",
        "States": {
            "Route": {"Type": "Choice", "Choices": [
                {"Variable": "$.retryCount", "IsPresent": true, "Next": "GenerateWithBedrock"},
                {"Variable": "$.sandbox.route", "StringEquals": "succeed", "Next": "GenerateWithBedrock"},
                {"And": [{"Variable": "$.sandbox.route", "StringEquals": "fail"},
                         {"Variable": "$.sandbox.error", "StringEquals": "VALIDATION_ERROR"}], "Next": "ValidationFailed"},
                {"Variable": "$.sandbox.route", "StringEquals": "fail", "Next": "BedrockThrottled"}
            ], "Default": "WaitForBedrock"},
            "GenerateWithBedrock": {"Type": "Pass", "End": true},
            "BedrockThrottled": {"Type": "Fail", "Error": "ThrottlingException", "Cause": "Bedrock InvokeModel: Rate exceeded (AI_ERROR)"},
            "ValidationFailed": {"Type": "Fail", "Error": "VALIDATION_ERROR", "Cause": "入力値が不正です"},
            "WaitForBedrock": {"Type": "Wait", "Seconds": 86400, "Next": "GenerateWithBedrock"}
        }
    });
    if let Some(t) = timeout_secs {
        def["TimeoutSeconds"] = t.into();
    }
    def.to_string()
}

async fn state_machine(
    aws: &Clients,
    env: &Environment,
    role: &str,
    definition: String,
) -> Result<String> {
    let name = env.names.get(Component::StateMachine);
    let existing = crate::aws::sfn::find_state_machine(aws, name).await?;
    match existing {
        Some(arn) => {
            aws.sfn
                .update_state_machine()
                .state_machine_arn(&arn)
                .definition(definition)
                .send()
                .await
                .map_err(aws_err(
                    "Step Functions",
                    "UpdateStateMachine",
                    format!("updating {name}"),
                ))?;
            Ok(arn)
        }
        None => Ok(aws
            .sfn
            .create_state_machine()
            .name(name)
            .definition(definition)
            .role_arn(role)
            .send()
            .await
            .map_err(aws_err(
                "Step Functions",
                "CreateStateMachine",
                format!("creating {name}"),
            ))?
            .state_machine_arn()
            .to_string()),
    }
}

/// Starts each row's execution, named by its process id. Executions that must time out start
/// while the definition has a one-second TimeoutSeconds; the definition then loses it, as after
/// a deploy, and keeps running ones running.
async fn create_executions(
    aws: &Clients,
    env: &Environment,
    role: &str,
    processes: &[Process],
) -> Result<(String, BTreeMap<uuid::Uuid, String>)> {
    let arn = state_machine(aws, env, role, definition(Some(1))).await?;
    let mut arns = BTreeMap::new();
    let (timeouts, others): (Vec<&Process>, Vec<&Process>) = processes
        .iter()
        .partition(|p| p.execution == Execution::TimeOut);
    arns.extend(start_all(aws, &arn, &timeouts, "").await?);
    state_machine(aws, env, role, definition(None)).await?;
    arns.extend(start_all(aws, &arn, &others, "").await?);
    // A row whose execution is missing names one that was never started.
    for p in processes
        .iter()
        .filter(|p| p.execution == Execution::Missing)
    {
        arns.insert(
            p.id,
            format!("{}:{}", arn.replace(":stateMachine:", ":execution:"), p.id),
        );
    }
    Ok((arn, arns))
}

/// Starts the executions of `rows`, each named by its process id plus `suffix`.
async fn start_all(
    aws: &Clients,
    arn: &str,
    rows: &[&Process],
    suffix: &str,
) -> Result<Vec<(uuid::Uuid, String)>> {
    futures::stream::iter(rows.iter().filter(|p| p.execution.final_status().is_some()))
        .map(|p| async move {
            let mut input = p.input.clone();
            input["sandbox"] = json!({
                "route": p.execution.route(),
                "error": match &p.execution { Execution::Fail { error, .. } => error.as_str(), _ => "" },
            });
            let out = aws
                .sfn
                .start_execution()
                .state_machine_arn(arn)
                .name(format!("{}{suffix}", p.id))
                .input(input.to_string())
                .send()
                .await
                .map_err(aws_err("Step Functions", "StartExecution", format!("starting the execution of {}", p.id)))?;
            Ok::<_, Error>((p.id, out.execution_arn().to_string()))
        })
        .buffer_unordered(8)
        .try_collect()
        .await
}

/// Waits until every execution reached the status its row needs. The emulator runs each
/// execution on a thread of its own that parses the definition; on a loaded machine one can
/// stall in RUNNING, so an execution whose route ends at once (succeed, fail) and is still
/// running after `RESTART_AFTER` is started again under a new name. Timed-out ones cannot be
/// restarted: their definition has changed since. A row that must be aborted is stopped each
/// time it is seen running: a stop that lands before the emulator's thread starts is
/// overwritten by it (seen in CI as RUNNING, or FAILED, instead of ABORTED), so one that
/// ended any other way is started again and stopped in turn.
async fn settle(
    aws: &Clients,
    state_machine: &str,
    processes: &[Process],
    arns: &mut BTreeMap<uuid::Uuid, String>,
) -> Result<BTreeMap<String, usize>> {
    const DEADLINE: Duration = Duration::from_secs(60);
    const RESTART_AFTER: Duration = Duration::from_secs(10);
    let started = tokio::time::Instant::now();
    let mut restarts = 0;
    let mut abort_restarts = 0;
    loop {
        let statuses: Vec<(&Process, String, &'static str)> = futures::stream::iter(
            processes
                .iter()
                .filter_map(|p| p.execution.final_status().map(|want| (p, want))),
        )
        .map(|(p, want)| {
            let arn = arns[&p.id].clone();
            async move {
                let out = aws
                    .sfn
                    .describe_execution()
                    .execution_arn(arn)
                    .send()
                    .await
                    .map_err(aws_err(
                        "Step Functions",
                        "DescribeExecution",
                        "checking a seeded execution",
                    ))?;
                Ok::<_, Error>((p, out.status().as_str().to_string(), want))
            }
        })
        .buffer_unordered(8)
        .try_collect()
        .await?;
        let wrong: Vec<&(&Process, String, &str)> = statuses
            .iter()
            .filter(|(_, got, want)| got != want)
            .collect();
        if wrong.is_empty() {
            let mut counts = BTreeMap::new();
            for (_, got, _) in statuses {
                *counts.entry(got).or_insert(0) += 1;
            }
            return Ok(counts);
        }
        let waited = started.elapsed();
        if waited > DEADLINE {
            let wrong: Vec<String> = wrong
                .iter()
                .map(|(p, got, want)| format!("{} {got} instead of {want}", p.id))
                .collect();
            return Err(Error::failed(format!(
                "seeded executions did not settle within {} s: {}",
                DEADLINE.as_secs(),
                wrong.join(", ")
            )));
        }
        let aborts: Vec<&(&Process, String, &str)> = wrong
            .iter()
            .copied()
            .filter(|(p, _, _)| p.execution == Execution::Abort)
            .collect();
        for (p, _, _) in aborts.iter().filter(|(_, got, _)| got == "RUNNING") {
            // The seed's cancelled rows, stopped as 004 キャンセルが効かない stops them.
            crate::aws::sfn::stop_execution(
                aws,
                &arns[&p.id],
                "ManualCancellation",
                "手動でキャンセルされました",
            )
            .await?;
        }
        let ended: Vec<&Process> = aborts
            .iter()
            .filter(|(_, got, _)| got != "RUNNING")
            .map(|(p, _, _)| *p)
            .collect();
        if !ended.is_empty() {
            abort_restarts += 1;
            let suffix = format!("-a{abort_restarts}");
            arns.extend(start_all(aws, state_machine, &ended, &suffix).await?);
        }
        if waited > RESTART_AFTER * (restarts + 1) {
            restarts += 1;
            let stalled: Vec<&Process> = wrong
                .iter()
                .filter(|(p, got, _)| {
                    got == "RUNNING"
                        && matches!(p.execution, Execution::Succeed | Execution::Fail { .. })
                })
                .map(|(p, _, _)| *p)
                .collect();
            let suffix = format!("-r{restarts}");
            arns.extend(start_all(aws, state_machine, &stalled, &suffix).await?);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// One stream per function and hour, named as Lambda names them; plus streams of last week,
/// which `cleanup log-streams --older-than 7d` finds (the emulator, like AWS, refuses events
/// older than 14 days).
async fn put_logs(
    aws: &Clients,
    env: &Environment,
    plan: &Plan,
    retention_days: i32,
) -> Result<(usize, usize)> {
    let mut streams: BTreeMap<(Component, String), Vec<&LogEvent>> = BTreeMap::new();
    for e in &plan.logs {
        let hour = e.timestamp.strftime("%Y/%m/%d/%H").to_string();
        streams.entry((e.component, hour)).or_default().push(e);
    }
    let old: Vec<LogEvent> = [Component::AiGenerationWorker, Component::AiProcessor]
        .into_iter()
        .flat_map(|c| {
            (8..=12).map(move |days| LogEvent {
                component: c,
                timestamp: plan
                    .now
                    .checked_sub(SignedDuration::from_hours(24 * days))
                    .expect("in range"),
                message:
                    json!({"level": "INFO", "message": "AI生成処理を開始しました", "timestamp": ""})
                        .to_string(),
            })
        })
        .collect();
    for e in &old {
        let hour = e.timestamp.strftime("%Y/%m/%d/%H").to_string();
        streams.entry((e.component, hour)).or_default().push(e);
    }
    for component in Component::functions() {
        let group = env.names.log_group(component);
        match aws
            .logs
            .create_log_group()
            .log_group_name(&group)
            .send()
            .await
        {
            Ok(_) => {}
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_already_exists_exception()) => {}
            Err(e) => {
                return Err(Error::aws(
                    "CloudWatch Logs",
                    "CreateLogGroup",
                    &format!("creating {group}"),
                    e,
                ));
            }
        }
        aws.logs
            .put_retention_policy()
            .log_group_name(&group)
            .retention_in_days(retention_days)
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "PutRetentionPolicy",
                format!("setting the retention of {group}"),
            ))?;
    }
    let count = streams.len();
    let events: usize = futures::stream::iter(streams)
        .map(|((component, hour), mut events)| async move {
            let group = env.names.log_group(component);
            let stream = format!(
                "{}/[$LATEST]{:032x}",
                &hour[..10],
                fnv(&format!("{group}{hour}"))
            );
            match aws
                .logs
                .create_log_stream()
                .log_group_name(&group)
                .log_stream_name(&stream)
                .send()
                .await
            {
                Ok(_) => {}
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_already_exists_exception()) => {}
                Err(e) => {
                    return Err(Error::aws(
                        "CloudWatch Logs",
                        "CreateLogStream",
                        &format!("creating {stream}"),
                        e,
                    ));
                }
            }
            events.sort_by_key(|e| e.timestamp);
            let n = events.len();
            for chunk in events.chunks(5000) {
                aws.logs
                    .put_log_events()
                    .log_group_name(&group)
                    .log_stream_name(&stream)
                    .set_log_events(Some(
                        chunk
                            .iter()
                            .map(|e| {
                                InputLogEvent::builder()
                                    .timestamp(e.timestamp.as_millisecond())
                                    .message(&e.message)
                                    .build()
                                    .expect("timestamp and message are set")
                            })
                            .collect(),
                    ))
                    .send()
                    .await
                    .map_err(aws_err(
                        "CloudWatch Logs",
                        "PutLogEvents",
                        format!("writing {group}"),
                    ))?;
            }
            Ok::<_, Error>(n)
        })
        .buffer_unordered(6)
        .try_fold(0, |acc, n| async move { Ok(acc + n) })
        .await?;
    Ok((events, count))
}

fn fnv(text: &str) -> u128 {
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in text.bytes() {
        h ^= b as u128;
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    h
}

fn dimensions(env: &Environment, d: Dimension) -> Vec<CwDimension> {
    d.resolve(env)
        .map(|(name, value)| vec![CwDimension::builder().name(name).value(value).build()])
        .unwrap_or_default()
}

async fn put_metrics(aws: &Clients, env: &Environment, metrics: &[Datum]) -> Result<usize> {
    let mut by_namespace: BTreeMap<String, Vec<&Datum>> = BTreeMap::new();
    for d in metrics {
        by_namespace
            .entry(d.namespace.resolve(env))
            .or_default()
            .push(d);
    }
    let batches: Vec<(String, Vec<&Datum>)> = by_namespace
        .into_iter()
        .flat_map(|(ns, data)| {
            data.chunks(200)
                .map(|c| (ns.clone(), c.to_vec()))
                .collect::<Vec<_>>()
        })
        .collect();
    futures::stream::iter(batches)
        .map(|(namespace, data)| async move {
            let datums = data
                .iter()
                .map(|d| {
                    MetricDatum::builder()
                        .metric_name(d.metric)
                        .set_dimensions(Some(dimensions(env, d.dimension)))
                        .timestamp(from_timestamp(d.timestamp))
                        .value(d.value)
                        .unit(StandardUnit::from(d.unit))
                        .build()
                })
                .collect();
            aws.cloudwatch
                .put_metric_data()
                .namespace(&namespace)
                .set_metric_data(Some(datums))
                .send()
                .await
                .map_err(aws_err(
                    "CloudWatch",
                    "PutMetricData",
                    format!("writing {namespace} metrics"),
                ))?;
            Ok::<_, Error>(data.len())
        })
        .buffer_unordered(4)
        .try_fold(0, |acc, n| async move { Ok(acc + n) })
        .await
}

/// The catalogue's alarms, with the states the plan evaluated (the emulator evaluates none).
async fn put_alarms(
    aws: &Clients,
    env: &Environment,
    plan: &Plan,
    t: &Thresholds,
) -> Result<BTreeMap<String, usize>> {
    let mut counts = BTreeMap::new();
    // The operations team's topic (003 CloudWatchアラーム設定: SNS通知: 運用チームSlackチャンネル),
    // in the emulator's account.
    let topic = format!(
        "arn:aws:sns:{}:{EMULATOR_ACCOUNT}:goal-mandala-{}-alerts",
        env.region, env.name
    );
    for a in &plan.alarms {
        let spec = a.spec;
        let name = spec.resolved_name(env);
        let runbook = format!(" (runbook: mandala-ops runbook run {})", spec.runbook);
        let mut put = aws
            .cloudwatch
            .put_metric_alarm()
            .alarm_name(&name)
            .alarm_description(format!("{}{runbook}", spec.source))
            .namespace(spec.namespace.resolve(env))
            .metric_name(spec.metric)
            .set_dimensions(Some(dimensions(env, spec.dimension)))
            .period(spec.period_secs)
            .evaluation_periods(spec.evaluation_periods)
            .threshold((spec.threshold)(t))
            .comparison_operator(spec.operator())
            .actions_enabled(true)
            .alarm_actions(&topic)
            .set_statistic(spec.plain_statistic());
        if spec.is_extended() {
            put = put.extended_statistic(spec.statistic);
        }
        put.send().await.map_err(aws_err(
            "CloudWatch",
            "PutMetricAlarm",
            format!("creating the alarm {name}"),
        ))?;
        aws.cloudwatch
            .set_alarm_state()
            .alarm_name(&name)
            .state_value(aws_sdk_cloudwatch::types::StateValue::from(a.state))
            .state_reason(&a.reason)
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch",
                "SetAlarmState",
                format!("setting the state of {name}"),
            ))?;
        *counts.entry(a.state.to_string()).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The Aurora Serverless v2 cluster with the guide's capacity range (000 Aurora Serverless
/// V2のスケーリング: 最小ACU = 0.5、最大ACU = 2) and backups (002 データベースバックアップ). The
/// emulator's endpoints are fake: the database itself is the sandbox's PostgreSQL.
async fn create_cluster(aws: &Clients, env: &Environment, backup: &Backup) -> Result<()> {
    let start = backup.window_start()?;
    let window = format!(
        "{}-{}",
        start.strftime("%H:%M"),
        start
            .wrapping_add(SignedDuration::from_mins(30))
            .strftime("%H:%M")
    );
    let id = env.names.get(Component::AuroraCluster);
    let scaling = aws_sdk_rds::types::ServerlessV2ScalingConfiguration::builder()
        .min_capacity(0.5)
        .max_capacity(2.0)
        .build();
    match aws
        .rds
        .create_db_cluster()
        .db_cluster_identifier(id)
        .engine("aurora-postgresql")
        .engine_version("15.4")
        .master_username("postgres")
        .master_user_password(uuid::Uuid::new_v4().simple().to_string())
        .serverless_v2_scaling_configuration(scaling)
        .backup_retention_period(backup.retention_days)
        .preferred_backup_window(window)
        .send()
        .await
    {
        Ok(_) => {}
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_db_cluster_already_exists_fault()) =>
        {
            return Ok(());
        }
        Err(e) => {
            return Err(Error::aws(
                "RDS",
                "CreateDBCluster",
                &format!("creating {id}"),
                e,
            ));
        }
    }
    aws.rds
        .create_db_instance()
        .db_instance_identifier(format!("{id}-instance-1"))
        .db_instance_class("db.serverless")
        .engine("aurora-postgresql")
        .db_cluster_identifier(id)
        .send()
        .await
        .map_err(aws_err(
            "RDS",
            "CreateDBInstance",
            format!("creating the instance of {id}"),
        ))?;
    Ok(())
}

/// The REST API with a deployed stage named for the environment (001 デプロイ後の確認).
async fn create_api(aws: &Clients, env: &Environment) -> Result<()> {
    let name = env.names.get(Component::Api);
    let doing = format!("creating {name}");
    let api = aws
        .apigateway
        .create_rest_api()
        .name(name)
        .send()
        .await
        .map_err(aws_err("API Gateway", "CreateRestApi", doing.as_str()))?;
    let id = api.id().unwrap_or_default();
    let root = aws
        .apigateway
        .get_resources()
        .rest_api_id(id)
        .send()
        .await
        .map_err(aws_err("API Gateway", "GetResources", doing.as_str()))?;
    let root = root
        .items()
        .iter()
        .find(|r| r.path() == Some("/"))
        .and_then(|r| r.id())
        .unwrap_or_default();
    aws.apigateway
        .put_method()
        .rest_api_id(id)
        .resource_id(root)
        .http_method("GET")
        .authorization_type("NONE")
        .send()
        .await
        .map_err(aws_err("API Gateway", "PutMethod", doing.as_str()))?;
    aws.apigateway
        .put_integration()
        .rest_api_id(id)
        .resource_id(root)
        .http_method("GET")
        .r#type(aws_sdk_apigateway::types::IntegrationType::Mock)
        .send()
        .await
        .map_err(aws_err("API Gateway", "PutIntegration", doing.as_str()))?;
    aws.apigateway
        .create_deployment()
        .rest_api_id(id)
        .stage_name(env.name.as_str())
        .send()
        .await
        .map_err(aws_err("API Gateway", "CreateDeployment", doing.as_str()))?;
    Ok(())
}

/// Yesterday's logs of every function exported to the archive bucket, in the layout
/// `<prefix>/<env>/<component>/dt=YYYY-MM-DD/` (000 ログの保持期間: S3にエクスポート). CloudWatch
/// runs one export task at a time per account; the emulator finishes each at once.
async fn export_logs(aws: &Clients, env: &Environment, now: jiff::Timestamp) -> Result<()> {
    let Some(archive) = &env.archive else {
        return Ok(());
    };
    let bucket = &archive.bucket;
    let created = aws
        .s3
        .create_bucket()
        .bucket(bucket)
        .create_bucket_configuration(
            aws_sdk_s3::types::CreateBucketConfiguration::builder()
                .location_constraint(aws_sdk_s3::types::BucketLocationConstraint::from(
                    env.region.as_str(),
                ))
                .build(),
        )
        .send()
        .await;
    if let Err(e) = created
        && !e
            .as_service_error()
            .is_some_and(|s| s.is_bucket_already_owned_by_you() || s.is_bucket_already_exists())
    {
        return Err(Error::aws(
            "S3",
            "CreateBucket",
            &format!("creating {bucket}"),
            e,
        ));
    }
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let day = today
        .yesterday()
        .map_err(|e| Error::internal(e.to_string()))?;
    let at = |d: jiff::civil::Date| {
        d.to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp().as_millisecond())
            .map_err(|e| Error::internal(e.to_string()))
    };
    let (from, to) = (at(day)?, at(today)?);
    for c in Component::functions() {
        let group = env.names.log_group(c);
        aws.logs
            .create_export_task()
            .log_group_name(&group)
            .from(from)
            .to(to)
            .destination(bucket)
            .destination_prefix(archive.day_prefix(env.name.as_str(), c, day))
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "CreateExportTask",
                format!("exporting {group}"),
            ))?;
    }
    Ok(())
}

/// Clears the emulator (it keeps metric data forever) and sets it up again.
pub async fn reset(endpoint: &str) -> Result<()> {
    let url = format!("{endpoint}/moto-api/reset");
    tokio::task::spawn_blocking(move || {
        ureq::post(&url)
            .send_empty()
            .map(|_| ())
            .map_err(|e| Error::unavailable("AWS emulator", "resetting it", e.to_string()))
    })
    .await
    .map_err(|e| Error::internal(e.to_string()))??;
    crate::sandbox::moto::configure(endpoint).await
}

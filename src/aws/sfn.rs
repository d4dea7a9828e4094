//! Step Functions lookups shared by `health`, `process` and the sandbox.

use crate::aws::{Clients, to_timestamp};
use crate::config::{Component, Environment};
use crate::error::{Error, Result, aws_err};
use aws_sdk_sfn::types::ExecutionStatus;
use jiff::Timestamp;
use std::time::Duration;

/// The state machine's ARN, found by name (`AIGenerationStateMachine`, 002 監視方法 / Step Functions).
pub async fn find_state_machine(aws: &Clients, name: &str) -> Result<Option<String>> {
    let mut pages = aws.sfn.list_state_machines().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "Step Functions",
            "ListStateMachines",
            "looking up the state machine",
        ))?;
        if let Some(sm) = page.state_machines().iter().find(|s| s.name() == name) {
            return Ok(Some(sm.state_machine_arn().to_string()));
        }
    }
    Ok(None)
}

/// The environment's state machine, or a clear error naming it.
pub async fn state_machine(aws: &Clients, env: &Environment) -> Result<String> {
    let name = env.names.get(Component::StateMachine);
    find_state_machine(aws, name)
        .await?
        .ok_or_else(|| not_found(env))
}

/// The environment's state machine does not exist.
pub fn not_found(env: &Environment) -> Error {
    Error::failed(format!(
        "the state machine {} does not exist in {}",
        env.names.get(Component::StateMachine),
        env.region
    ))
    .with_hint("check the name (`mandala-ops config show`) and the region")
}

/// What DescribeStateMachine says about a state machine.
#[derive(Debug, Clone)]
pub struct Described {
    pub arn: String,
    pub status: String,
    /// The revision of its configuration (absent where an endpoint keeps none).
    pub revision: Option<String>,
    pub created: Option<Timestamp>,
    /// The definition's TimeoutSeconds: how long an execution may run.
    pub timeout: Option<Duration>,
}

pub async fn describe(aws: &Clients, arn: &str) -> Result<Described> {
    let out = aws
        .sfn
        .describe_state_machine()
        .state_machine_arn(arn)
        .send()
        .await
        .map_err(aws_err(
            "Step Functions",
            "DescribeStateMachine",
            "reading the state machine",
        ))?;
    let timeout = serde_json::from_str::<serde_json::Value>(out.definition())
        .ok()
        .and_then(|d| d.get("TimeoutSeconds").and_then(|t| t.as_u64()));
    Ok(Described {
        arn: arn.to_string(),
        status: out
            .status()
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "ACTIVE".into()),
        revision: out.revision_id().map(str::to_string),
        created: to_timestamp(out.creation_date()),
        timeout: timeout.map(Duration::from_secs),
    })
}

/// The newest published version of a state machine and when it was published
/// (ListStateMachineVersions lists the newest first); `None` when none is published.
pub async fn newest_version(
    aws: &Clients,
    arn: &str,
) -> Result<Option<(String, Option<Timestamp>)>> {
    let out = aws
        .sfn
        .list_state_machine_versions()
        .state_machine_arn(arn)
        .max_results(1)
        .send()
        .await
        .map_err(aws_err(
            "Step Functions",
            "ListStateMachineVersions",
            "listing the state machine's versions",
        ))?;
    Ok(out.state_machine_versions().first().map(|v| {
        let arn = v.state_machine_version_arn();
        let number = arn.rsplit(':').next().unwrap_or(arn).to_string();
        (number, to_timestamp(v.creation_date()))
    }))
}

#[derive(Debug, Clone)]
pub struct ExecutionItem {
    pub arn: String,
    pub name: String,
    pub status: String,
    pub start: Option<Timestamp>,
    pub stop: Option<Timestamp>,
}

/// Executions with `status`, newest first, back to those started before `since` (AWS lists the
/// most recent first, so paging stops there).
pub async fn list_executions(
    aws: &Clients,
    state_machine: &str,
    status: ExecutionStatus,
    since: Option<Timestamp>,
) -> Result<Vec<ExecutionItem>> {
    let mut items = Vec::new();
    let mut pages = aws
        .sfn
        .list_executions()
        .state_machine_arn(state_machine)
        .status_filter(status.clone())
        .max_results(1000)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "Step Functions",
            "ListExecutions",
            format!("listing {status} executions"),
        ))?;
        let mut older = false;
        for e in page.executions() {
            let start = to_timestamp(e.start_date());
            older |= matches!((since, start), (Some(s), Some(t)) if t < s);
            items.push(ExecutionItem {
                arn: e.execution_arn().to_string(),
                name: e.name().to_string(),
                status: e.status().as_str().to_string(),
                start,
                stop: e.stop_date().and_then(to_timestamp),
            });
        }
        if older {
            break;
        }
    }
    Ok(items)
}

/// Stops an execution with the error and cause its history will show (004 キャンセルが効かない
/// / Step 1: `stop-execution --error ManualCancellation`).
pub async fn stop_execution(aws: &Clients, arn: &str, error: &str, cause: &str) -> Result<()> {
    aws.sfn
        .stop_execution()
        .execution_arn(arn)
        .error(error)
        .cause(cause)
        .send()
        .await
        .map_err(aws_err(
            "Step Functions",
            "StopExecution",
            format!("stopping {arn}"),
        ))?;
    Ok(())
}

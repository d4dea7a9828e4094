//! After a deploy: the REST API exists with a deployed stage, and every function and the state
//! machine exist (001 デプロイ手順 / デプロイ後の確認).

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new("deploy.api", s::DEPLOY, Order::Describe, run!(api)),
        Check::new(
            "deploy.functions",
            s::DEPLOY,
            Order::Describe,
            run!(functions),
        ),
        Check::new(
            "deploy.state-machine",
            s::DEPLOY,
            Order::Describe,
            run!(state_machine),
        ),
    ]
}

async fn api(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let name = p.env.names.get(Component::Api);
    let apis = crate::aws::apigateway::find(p.ctx.aws().await?, name).await?;
    let threshold = "exists with a deployed stage";
    let deployed: Vec<String> = apis
        .iter()
        .flat_map(|a| {
            a.stages.iter().filter(|s| s.deployment.is_some()).map(|s| {
                let at = s
                    .updated
                    .map(|t| format!(", updated {}", t.strftime("%Y-%m-%d %H:%M UTC")))
                    .unwrap_or_default();
                format!("{} ({}{at})", s.name, a.id)
            })
        })
        .collect();
    let (status, value, message) = match (apis.len(), deployed.is_empty()) {
        (0, _) => (
            Status::Critical,
            "missing".to_string(),
            format!("no REST API is named {name}: requests have nowhere to go"),
        ),
        (_, true) => (
            Status::Critical,
            "no deployed stage".to_string(),
            format!("{name} exists but no stage serves a deployment"),
        ),
        (1, false) => (
            Status::Ok,
            format!("{} deployed", deployed.len()),
            format!("{name}: stages {}", deployed.join(", ")),
        ),
        (n, false) => (
            Status::Warn,
            format!("{n} APIs"),
            format!(
                "{n} REST APIs are named {name}, so which one serves is unclear: stages {}",
                deployed.join(", ")
            ),
        ),
    };
    Ok(k.row(status, message)
        .with_value(value)
        .with_threshold(threshold))
}

async fn functions(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let all: Vec<Component> = Component::functions().collect();
    let found = futures::future::try_join_all(all.iter().map(|c| p.function(*c))).await?;
    let missing: Vec<&str> = all
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(c, _)| p.env.names.get(*c))
        .collect();
    let value = format!("{} of {}", all.len() - missing.len(), all.len());
    Ok(if missing.is_empty() {
        k.row(Status::Ok, "every function of the service exists")
    } else {
        k.row(Status::Critical, format!("missing: {}", missing.join(", ")))
    }
    .with_value(value)
    .with_threshold("all exist"))
}

async fn state_machine(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let name = p.env.names.get(Component::StateMachine);
    Ok(match p.state_machine().await? {
        None => k
            .row(
                Status::Critical,
                format!("{name} does not exist: no generation can start"),
            )
            .with_value("missing"),
        Some(d) => {
            let status = if d.status == "ACTIVE" {
                Status::Ok
            } else {
                Status::Critical
            };
            k.row(status, name.to_string()).with_value(d.status.clone())
        }
    }
    .with_threshold("ACTIVE"))
}

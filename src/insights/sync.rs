//! `query sync`: the library as CloudWatch Logs saved query definitions, in a folder per
//! environment (`mandala-ops/<env>/<query>`), so the console shows the same queries. Changed
//! definitions are updated; definitions in the folder that the library no longer has are
//! reported as drift and left alone.

use super::library::{Library, QueryDef};
use crate::aws::Clients;
use crate::config::Environment;
use crate::error::{Result, aws_err};
use crate::output::{Cell, Doc, Render, Table, Tone};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    Unchanged,
    /// In the folder, not in the library.
    Extra,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub name: String,
    pub action: Action,
    pub changes: Vec<String>,
    #[serde(skip)]
    id: Option<String>,
    #[serde(skip)]
    text: String,
    #[serde(skip)]
    groups: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SyncReport {
    pub folder: String,
    pub applied: bool,
    pub items: Vec<Item>,
}

pub fn folder(env: &Environment) -> String {
    format!("mandala-ops/{}/", env.name)
}

/// Compares the library with the saved definitions of the environment's folder.
pub async fn plan(aws: &Clients, env: &Environment, library: &Library) -> Result<Vec<Item>> {
    let prefix = folder(env);
    let mut remote = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let out = aws
            .logs
            .describe_query_definitions()
            .query_definition_name_prefix(&prefix)
            .set_next_token(token.take())
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "DescribeQueryDefinitions",
                "reading the saved queries",
            ))?;
        remote.extend(out.query_definitions().iter().cloned());
        match out.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => break,
        }
    }
    let mut items = Vec::new();
    for q in &library.queries {
        let name = format!("{prefix}{}", q.name());
        let (text, groups) = definition(q, env)?;
        let existing = remote.iter().find(|d| d.name() == Some(name.as_str()));
        let (action, changes, id) = match existing {
            None => (Action::Create, vec!["new".into()], None),
            Some(d) => {
                let mut changes = Vec::new();
                if d.query_string().map(str::trim) != Some(text.trim()) {
                    changes.push("query text".to_string());
                }
                let mut theirs: Vec<&str> =
                    d.log_group_names().iter().map(String::as_str).collect();
                let mut ours: Vec<&str> = groups.iter().map(String::as_str).collect();
                theirs.sort();
                ours.sort();
                if theirs != ours {
                    changes.push("log groups".to_string());
                }
                let action = if changes.is_empty() {
                    Action::Unchanged
                } else {
                    Action::Update
                };
                (action, changes, d.query_definition_id().map(str::to_string))
            }
        };
        items.push(Item {
            name,
            action,
            changes,
            id,
            text,
            groups,
        });
    }
    for d in &remote {
        let name = d.name().unwrap_or_default();
        if !items.iter().any(|i| i.name == name) {
            items.push(Item {
                name: name.to_string(),
                action: Action::Extra,
                changes: vec!["not in the library (left alone)".into()],
                id: d.query_definition_id().map(str::to_string),
                text: String::new(),
                groups: Vec::new(),
            });
        }
    }
    Ok(items)
}

/// The saved form of a query: parameters filled with their examples or defaults.
fn definition(q: &QueryDef, env: &Environment) -> Result<(String, Vec<String>)> {
    let header = format!(
        "# {} — {} (mandala-ops query {})\n",
        q.head.title,
        q.head.source,
        q.name()
    );
    Ok((format!("{header}{}", q.example_text()?), q.log_groups(env)))
}

/// Creates and updates what the plan says.
pub async fn apply(aws: &Clients, items: &[Item]) -> Result<()> {
    for item in items
        .iter()
        .filter(|i| matches!(i.action, Action::Create | Action::Update))
    {
        aws.logs
            .put_query_definition()
            .name(&item.name)
            .set_query_definition_id(item.id.clone())
            .query_string(&item.text)
            .set_log_group_names(Some(item.groups.clone()))
            .send()
            .await
            .map_err(aws_err(
                "CloudWatch Logs",
                "PutQueryDefinition",
                format!("saving {}", item.name),
            ))?;
    }
    Ok(())
}

impl Render for SyncReport {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(["saved query", "action", "changes"]);
        for i in &self.items {
            let tone = match i.action {
                Action::Unchanged => Tone::Dim,
                Action::Extra => Tone::Warn,
                _ => Tone::Plain,
            };
            let action = match (i.action, self.applied) {
                (Action::Create, true) => "created",
                (Action::Update, true) => "updated",
                (Action::Create, false) => "would create",
                (Action::Update, false) => "would update",
                (Action::Unchanged, _) => "unchanged",
                (Action::Extra, _) => "drift",
            };
            t.row([
                Cell::new(&i.name),
                Cell::toned(action, tone),
                Cell::new(i.changes.join(", ")),
            ]);
        }
        doc.table(t);
        if !self.applied
            && self
                .items
                .iter()
                .any(|i| matches!(i.action, Action::Create | Action::Update))
        {
            doc.note(
                Tone::Dim,
                "dry run: nothing was saved; run again with --apply",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EnvName;
    use crate::testkit::Mocks;
    use aws_sdk_cloudwatchlogs::Client;
    use aws_sdk_cloudwatchlogs::operation::describe_query_definitions::DescribeQueryDefinitionsOutput;
    use aws_sdk_cloudwatchlogs::operation::put_query_definition::PutQueryDefinitionOutput;
    use aws_sdk_cloudwatchlogs::types::QueryDefinition;
    use aws_smithy_mocks::mock;

    fn env() -> Environment {
        Environment::defaults(EnvName::Prod)
    }

    #[tokio::test]
    async fn creates_updates_and_reports_drift() {
        let library = Library::load(None, &crate::config::Thresholds::default()).unwrap();
        let env = env();
        let error_types = library.get("error-types").unwrap();
        let (text, groups) = definition(error_types, &env).unwrap();
        let remote = vec![
            QueryDefinition::builder()
                .name("mandala-ops/prod/error-types")
                .query_definition_id("id-1")
                .query_string(text)
                .set_log_group_names(Some(groups))
                .build(),
            QueryDefinition::builder()
                .name("mandala-ops/prod/token-usage-hourly")
                .query_definition_id("id-2")
                .query_string("fields old")
                .log_group_names("/aws/lambda/goal-mandala-prod-task-generation")
                .build(),
            QueryDefinition::builder()
                .name("mandala-ops/prod/retired-query")
                .query_definition_id("id-3")
                .query_string("fields x")
                .build(),
        ];
        let describe = mock!(Client::describe_query_definitions)
            .match_requests(|r| r.query_definition_name_prefix() == Some("mandala-ops/prod/"))
            .then_output(move || {
                DescribeQueryDefinitionsOutput::builder()
                    .set_query_definitions(Some(remote.clone()))
                    .build()
            });
        let put = mock!(Client::put_query_definition).then_output(|| {
            PutQueryDefinitionOutput::builder()
                .query_definition_id("new")
                .build()
        });
        let updates = mock!(Client::put_query_definition)
            .match_requests(|r| r.query_definition_id() == Some("id-2"))
            .then_output(|| {
                PutQueryDefinitionOutput::builder()
                    .query_definition_id("id-2")
                    .build()
            });
        let aws = Mocks {
            logs: vec![describe, updates.clone(), put.clone()],
            ..Default::default()
        }
        .clients();
        let items = plan(&aws, &env, &library).await.unwrap();
        let action = |n: &str| {
            items
                .iter()
                .find(|i| i.name == format!("mandala-ops/prod/{n}"))
                .map(|i| i.action)
        };
        assert_eq!(action("error-types"), Some(Action::Unchanged));
        assert_eq!(action("token-usage-hourly"), Some(Action::Update));
        assert_eq!(action("retired-query"), Some(Action::Extra));
        assert_eq!(action("daily-tokens"), Some(Action::Create));
        apply(&aws, &items).await.unwrap();
        assert_eq!(updates.num_calls(), 1);
        assert_eq!(
            put.num_calls(),
            library.queries.len() - 2,
            "every new definition, nothing for unchanged or extra"
        );
    }

    #[tokio::test]
    async fn the_emulator_gap_is_reported_clearly() {
        let describe = mock!(Client::describe_query_definitions).then_http_response(|| {
            aws_smithy_runtime_api::http::Response::new(
                aws_smithy_runtime_api::http::StatusCode::try_from(500).unwrap(),
                aws_smithy_types::body::SdkBody::from("<html>500 Internal Server Error</html>"),
            )
        });
        let aws = Mocks {
            logs: vec![describe],
            ..Default::default()
        }
        .clients();
        let err = plan(
            &aws,
            &env(),
            &Library::load(None, &crate::config::Thresholds::default()).unwrap(),
        )
        .await
        .unwrap_err();
        assert_eq!(err.status(), crate::exit::ExitStatus::Unavailable);
        assert!(
            err.to_string().contains("not supported by this endpoint"),
            "{err}"
        );
    }
}

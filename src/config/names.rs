//! The one table that maps logical components to AWS resource names. Everything else in the code
//! refers to a [`Component`], never to a literal name, so a site with other names changes only its
//! config file (`[environments.<env>.names]`).

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Component {
    AiProcessor,
    TaskGeneration,
    Profile,
    AsyncProcessingHandler,
    StatusCheckHandler,
    RetryHandler,
    CancelHandler,
    AiGenerationWorker,
    StateMachine,
    Api,
    AuroraCluster,
    AsyncMetrics,
    ProfileMetrics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Function,
    StateMachine,
    RestApi,
    DbCluster,
    MetricNamespace,
}

/// One row of the table: the default name (with `${ENVIRONMENT}` expanded per environment) and
/// where it comes from.
pub struct Spec {
    pub component: Component,
    pub id: &'static str,
    pub kind: Kind,
    pub default: &'static str,
    pub source: &'static str,
    pub role: &'static str,
}

pub const TABLE: &[Spec] = &[
    Spec {
        component: Component::AiProcessor,
        id: "ai-processor",
        kind: Kind::Function,
        default: "goal-mandala-${ENVIRONMENT}-ai-processor",
        source: "001 デプロイ手順 / デプロイ後の確認",
        role: "Bedrock (Nova Micro) generation",
    },
    Spec {
        component: Component::TaskGeneration,
        id: "task-generation",
        kind: Kind::Function,
        // Seed 000 names the endpoint (POST /api/ai/generate/tasks) and the CDK construct
        // (TaskGenerationFunction), not the deployed name; this follows seed 001's pattern.
        default: "goal-mandala-${ENVIRONMENT}-task-generation",
        source: "000 スケーリング / 同時実行数の調整 (name follows 001's pattern)",
        role: "task generation API",
    },
    Spec {
        component: Component::Profile,
        id: "profile",
        kind: Kind::Function,
        default: "goal-mandala-${ENVIRONMENT}-profile",
        source: "003 Lambda関数メトリクス (name follows 001's pattern)",
        role: "profile management API",
    },
    Spec {
        component: Component::AsyncProcessingHandler,
        id: "async-processing-handler",
        kind: Kind::Function,
        default: "async-processing-handler",
        source: "002 監視方法 / ログの確認方法",
        role: "starts asynchronous processing",
    },
    Spec {
        component: Component::StatusCheckHandler,
        id: "status-check-handler",
        kind: Kind::Function,
        default: "status-check-handler",
        source: "002 監視方法 / ログの確認方法",
        role: "processing status",
    },
    Spec {
        component: Component::RetryHandler,
        id: "retry-handler",
        kind: Kind::Function,
        default: "retry-handler",
        source: "002 監視方法 / ログの確認方法",
        role: "retries processing",
    },
    Spec {
        component: Component::CancelHandler,
        id: "cancel-handler",
        kind: Kind::Function,
        default: "cancel-handler",
        source: "002 監視方法 / ログの確認方法",
        role: "cancels processing",
    },
    Spec {
        component: Component::AiGenerationWorker,
        id: "ai-generation-worker",
        kind: Kind::Function,
        default: "ai-generation-worker",
        source: "002 監視方法 / ログの確認方法",
        role: "AI generation worker (Step Functions task)",
    },
    Spec {
        component: Component::StateMachine,
        id: "state-machine",
        kind: Kind::StateMachine,
        default: "AIGenerationStateMachine",
        source: "002 監視方法 / Step Functions",
        role: "generation workflow",
    },
    Spec {
        component: Component::Api,
        id: "api",
        kind: Kind::RestApi,
        default: "goal-mandala-${ENVIRONMENT}-api",
        source: "001 デプロイ手順 / デプロイ後の確認",
        role: "API Gateway REST API",
    },
    Spec {
        component: Component::AuroraCluster,
        id: "aurora-cluster",
        kind: Kind::DbCluster,
        // The seeds call it "Aurora Serverless v2" (000 スケーリング) without a name.
        default: "goal-mandala-${ENVIRONMENT}-aurora",
        source: "000 データベースのスケーリング (name follows 001's pattern)",
        role: "Aurora PostgreSQL Serverless v2",
    },
    Spec {
        component: Component::AsyncMetrics,
        id: "async-metrics",
        kind: Kind::MetricNamespace,
        default: "AsyncProcessing",
        source: "002 CloudWatch Metrics / メトリクスの確認方法",
        role: "custom metrics of asynchronous processing",
    },
    Spec {
        component: Component::ProfileMetrics,
        id: "profile-metrics",
        kind: Kind::MetricNamespace,
        // Seed 003 names the metrics (ProfileAPIRequests, ...) but not their namespace.
        default: "ProfileAPI",
        source: "003 APIメトリクス (namespace assumed)",
        role: "custom metrics of the profile API",
    },
];

impl Component {
    pub fn spec(self) -> &'static Spec {
        TABLE
            .iter()
            .find(|s| s.component == self)
            .expect("every component has a row in TABLE")
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    pub fn from_id(id: &str) -> Option<Component> {
        TABLE.iter().find(|s| s.id == id).map(|s| s.component)
    }

    /// Every Lambda function of the service, in table order.
    pub fn functions() -> impl Iterator<Item = Component> {
        TABLE
            .iter()
            .filter(|s| s.kind == Kind::Function)
            .map(|s| s.component)
    }

    /// The functions that call Bedrock and so carry its settings: the ai-processor
    /// (001 環境変数の設定), task generation (000 Bedrockメトリクス) and the AI generation worker
    /// (002 システム概要 / 主要コンポーネント: AIGenerationWorker AI生成実行).
    pub fn calls_bedrock(self) -> bool {
        matches!(
            self,
            Component::AiProcessor | Component::TaskGeneration | Component::AiGenerationWorker
        )
    }

    pub fn valid_ids() -> String {
        TABLE.iter().map(|s| s.id).collect::<Vec<_>>().join(", ")
    }
}

/// Resource names resolved for one environment.
#[derive(Debug, Clone, Serialize)]
pub struct Names {
    names: BTreeMap<Component, String>,
}

impl Names {
    /// Defaults for `env`, with `overrides` (component id → name, `${ENVIRONMENT}` allowed) on top.
    pub fn resolve(env: &str, overrides: &BTreeMap<String, String>) -> Result<Names> {
        let mut names: BTreeMap<Component, String> = TABLE
            .iter()
            .map(|s| (s.component, expand(s.default, env)))
            .collect();
        for (id, name) in overrides {
            let component = Component::from_id(id).ok_or_else(|| {
                Error::usage(format!(
                    "unknown component `{id}` in the config file's names"
                ))
                .with_hint(format!("valid components: {}", Component::valid_ids()))
            })?;
            if name.trim().is_empty() {
                return Err(Error::usage(format!(
                    "the name of `{id}` is empty in the config file"
                )));
            }
            names.insert(component, expand(name, env));
        }
        Ok(Names { names })
    }

    pub fn get(&self, component: Component) -> &str {
        &self.names[&component]
    }

    /// CloudWatch Logs group of a Lambda function (`/aws/lambda/<name>`, seeds 001 and 002).
    pub fn log_group(&self, component: Component) -> String {
        format!("/aws/lambda/{}", self.get(component))
    }

    /// The component a function name belongs to, if it is one of ours.
    pub fn function_by_name(&self, name: &str) -> Option<Component> {
        Component::functions().find(|c| self.get(*c) == name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (Component, &str)> {
        self.names.iter().map(|(c, n)| (*c, n.as_str()))
    }
}

fn expand(template: &str, env: &str) -> String {
    template.replace("${ENVIRONMENT}", env)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_seeds() {
        let names = Names::resolve("prod", &BTreeMap::new()).unwrap();
        assert_eq!(
            names.get(Component::AiProcessor),
            "goal-mandala-prod-ai-processor"
        );
        assert_eq!(
            names.get(Component::AiGenerationWorker),
            "ai-generation-worker"
        );
        assert_eq!(
            names.get(Component::StateMachine),
            "AIGenerationStateMachine"
        );
        assert_eq!(names.get(Component::Api), "goal-mandala-prod-api");
        assert_eq!(
            names.log_group(Component::AiProcessor),
            "/aws/lambda/goal-mandala-prod-ai-processor"
        );
        assert_eq!(Component::functions().count(), 8);
    }

    #[test]
    fn overrides_replace_and_expand() {
        let mut o = BTreeMap::new();
        o.insert(
            "ai-generation-worker".to_string(),
            "${ENVIRONMENT}-worker".to_string(),
        );
        let names = Names::resolve("stg", &o).unwrap();
        assert_eq!(names.get(Component::AiGenerationWorker), "stg-worker");
        assert_eq!(
            names.function_by_name("stg-worker"),
            Some(Component::AiGenerationWorker)
        );
    }

    #[test]
    fn unknown_override_is_usage_error() {
        let mut o = BTreeMap::new();
        o.insert("nope".to_string(), "x".to_string());
        let err = Names::resolve("dev", &o).unwrap_err();
        assert_eq!(err.status(), crate::exit::ExitStatus::Usage);
        assert!(err.hint().unwrap().contains("ai-processor"));
    }
}

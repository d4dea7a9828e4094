//! The alarms the guides define. Seeds 001 and 003 name theirs; seeds 000 and 002 describe
//! alerts without names, so those follow the same patterns (noted per entry).

use crate::aws::metrics::{Dimension, Namespace};
use crate::config::{Component, Environment, Thresholds};
use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize)]
pub struct AlarmSpec {
    /// `${ENVIRONMENT}` is replaced by the environment's name.
    pub name: &'static str,
    pub namespace: Namespace,
    pub metric: &'static str,
    pub dimension: Dimension,
    /// `Sum`, `Average`, `Maximum`, or a percentile such as `p95`.
    pub statistic: &'static str,
    pub period_secs: i32,
    pub evaluation_periods: i32,
    /// From the threshold table, so a config file's value changes the spec too.
    #[serde(skip)]
    pub threshold: fn(&Thresholds) -> f64,
    /// `>=` or `>`.
    pub comparison: &'static str,
    pub source: &'static str,
    /// The runbook that answers it (`runbooks/NAME.md`).
    pub runbook: &'static str,
}

pub const ALARMS: &[AlarmSpec] = &[
    // 001 監視方法 / CloudWatch アラーム: four alarms of the ai-processor function.
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-ai-processor-error-rate",
        namespace: Namespace::Lambda,
        metric: "Errors",
        dimension: Dimension::Function(Component::AiProcessor),
        statistic: "Sum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.lambda.ai_processor_errors_per_5min,
        comparison: ">=",
        source: "001 CloudWatch アラーム: 5分間で5回以上のエラー",
        runbook: "lambda-error-rate",
    },
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-ai-processor-duration",
        namespace: Namespace::Lambda,
        metric: "Duration",
        dimension: Dimension::Function(Component::AiProcessor),
        statistic: "Average",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.lambda.ai_processor_avg_duration_ms,
        comparison: ">=",
        source: "001 CloudWatch アラーム: 平均実行時間が60秒以上",
        runbook: "lambda-duration",
    },
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-ai-processor-throttle",
        namespace: Namespace::Lambda,
        metric: "Throttles",
        dimension: Dimension::Function(Component::AiProcessor),
        statistic: "Sum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.lambda.throttles,
        comparison: ">=",
        source: "001 CloudWatch アラーム: スロットリングが1回でも発生",
        runbook: "lambda-throttling",
    },
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-ai-processor-concurrent-executions",
        namespace: Namespace::Lambda,
        metric: "ConcurrentExecutions",
        dimension: Dimension::Function(Component::AiProcessor),
        statistic: "Maximum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: ai_processor_concurrency,
        comparison: ">=",
        source: "001 CloudWatch アラーム: 同時実行数が8以上",
        runbook: "lambda-throttling",
    },
    // 000 アラート対応手順: the task generation API's alerts (names follow 001's pattern).
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-task-generation-error-rate",
        namespace: Namespace::Lambda,
        metric: "Errors",
        dimension: Dimension::Function(Component::TaskGeneration),
        // Lambda reports Errors 0 or 1 per invocation, so the average is the error rate.
        statistic: "Average",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.lambda.error_rate_warn_pct / 100.0,
        comparison: ">",
        source: "000 アラート対応手順 / エラー率上昇アラート: エラー率が5%を超える",
        runbook: "lambda-error-rate",
    },
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-task-generation-duration",
        namespace: Namespace::Lambda,
        metric: "Duration",
        dimension: Dimension::Function(Component::TaskGeneration),
        statistic: "p95",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.lambda.task_generation_p95_warn_ms,
        comparison: ">",
        source: "000 アラート対応手順 / 処理時間超過アラート: p95が25秒を超える",
        runbook: "lambda-duration",
    },
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-task-generation-throttle",
        namespace: Namespace::Lambda,
        metric: "Throttles",
        dimension: Dimension::Function(Component::TaskGeneration),
        statistic: "Sum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.lambda.throttles,
        comparison: ">=",
        source: "000 アラート対応手順 / スロットリング発生アラート",
        runbook: "lambda-throttling",
    },
    AlarmSpec {
        name: "goal-mandala-${ENVIRONMENT}-task-generation-database-errors",
        namespace: Namespace::Logs,
        metric: "DatabaseErrors",
        dimension: Dimension::None,
        statistic: "Sum",
        period_secs: 3600,
        evaluation_periods: 1,
        threshold: |t| t.logs.database_errors_per_hour,
        comparison: ">=",
        source: "000 アラート対応手順 / データベース接続エラーアラート: 5件/時間以上",
        runbook: "database-connections",
    },
    // 002 アラート対応 / アラート一覧 (names follow the AsyncProcessing namespace).
    AlarmSpec {
        name: "AsyncProcessing-ErrorRate",
        namespace: Namespace::Custom(Component::AsyncMetrics),
        metric: "ErrorRate",
        dimension: Dimension::None,
        statistic: "Average",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.async_processing.error_rate_pct,
        comparison: ">",
        source: "002 アラート一覧 / 1. エラー率アラート: エラー率 > 5% (5分間)",
        runbook: "async-error-rate",
    },
    AlarmSpec {
        name: "AsyncProcessing-Timeouts",
        namespace: Namespace::Custom(Component::AsyncMetrics),
        metric: "AsyncProcessingTimeout",
        dimension: Dimension::None,
        statistic: "Sum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.async_processing.timeouts_per_5min,
        comparison: ">",
        source: "002 アラート一覧 / 2. タイムアウト率アラート; 主要メトリクス: > 10/5分",
        runbook: "async-timeouts",
    },
    AlarmSpec {
        name: "AsyncProcessing-ProcessingDuration",
        namespace: Namespace::Custom(Component::AsyncMetrics),
        metric: "ProcessingDuration",
        dimension: Dimension::None,
        statistic: "Average",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.async_processing.processing_duration_ms,
        comparison: ">",
        source: "002 アラート一覧 / 3. 処理時間アラート: 平均処理時間 > 5分",
        runbook: "async-processing-duration",
    },
    AlarmSpec {
        name: "AsyncProcessing-QueueDepth",
        namespace: Namespace::Custom(Component::AsyncMetrics),
        metric: "QueueDepth",
        dimension: Dimension::None,
        statistic: "Maximum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.async_processing.queue_depth,
        comparison: ">",
        source: "002 アラート一覧 / 4. 待機中処理数アラート: 待機中の処理数 > 100",
        runbook: "queue-depth",
    },
    // 003 CloudWatchアラーム設定: the profile API's four alarms.
    AlarmSpec {
        name: "ProfileAPI-HighErrorRate",
        namespace: Namespace::Custom(Component::ProfileMetrics),
        metric: "ProfileAPIErrors",
        dimension: Dimension::None,
        statistic: "Average",
        period_secs: 300,
        evaluation_periods: 2,
        threshold: |t| t.profile.error_rate_warn_pct,
        comparison: ">",
        source: "003 CloudWatchアラーム設定 / 1. エラー率アラーム",
        runbook: "profile-api-errors",
    },
    AlarmSpec {
        name: "ProfileAPI-HighLatency",
        namespace: Namespace::Custom(Component::ProfileMetrics),
        metric: "ProfileAPILatency",
        dimension: Dimension::None,
        statistic: "p95",
        period_secs: 300,
        evaluation_periods: 2,
        threshold: |t| t.profile.latency_p95_ms,
        comparison: ">",
        source: "003 CloudWatchアラーム設定 / 2. レスポンス時間アラーム",
        runbook: "profile-api-latency",
    },
    AlarmSpec {
        name: "ProfileLambda-Errors",
        namespace: Namespace::Lambda,
        metric: "Errors",
        dimension: Dimension::Function(Component::Profile),
        statistic: "Sum",
        period_secs: 300,
        evaluation_periods: 1,
        threshold: |t| t.profile.lambda_errors_per_5min,
        comparison: ">",
        source: "003 CloudWatchアラーム設定 / 3. Lambda エラーアラーム",
        runbook: "profile-api-errors",
    },
    AlarmSpec {
        name: "ProfileDB-HighConnections",
        namespace: Namespace::Rds,
        metric: "DatabaseConnections",
        dimension: Dimension::Cluster,
        statistic: "Maximum",
        period_secs: 300,
        evaluation_periods: 2,
        threshold: |t| t.database.connections_warn,
        comparison: ">",
        source: "003 CloudWatchアラーム設定 / 4. データベース接続アラーム",
        runbook: "database-connections",
    },
];

/// 8 or more concurrent executions: 80% of the ai-processor's reserved 10
/// (001 CloudWatch アラーム: 同時実行数が8以上; 000 同時実行数: 予約済み同時実行数10の80%).
fn ai_processor_concurrency(t: &Thresholds) -> f64 {
    let reserved = t
        .scaling
        .capacity(Component::AiProcessor.id())
        .and_then(|c| c.reserved)
        .unwrap_or(10);
    (reserved as f64 * t.lambda.concurrency_warn_ratio).ceil()
}

impl AlarmSpec {
    pub fn resolved_name(&self, env: &Environment) -> String {
        self.name.replace("${ENVIRONMENT}", env.name.as_str())
    }

    /// The spec an alarm is named after in any environment (`${ENVIRONMENT}` matching a name
    /// without dashes).
    pub fn matching(alarm: &str) -> Option<&'static AlarmSpec> {
        ALARMS
            .iter()
            .find(|a| match a.name.split_once("${ENVIRONMENT}") {
                None => a.name == alarm,
                Some((pre, post)) => {
                    alarm.len() > pre.len() + post.len()
                        && alarm.starts_with(pre)
                        && alarm.ends_with(post)
                        && !alarm[pre.len()..alarm.len() - post.len()].contains('-')
                }
            })
    }

    /// The spec an alarm name belongs to in `env`.
    pub fn find(env: &Environment, alarm_name: &str) -> Option<&'static AlarmSpec> {
        ALARMS.iter().find(|a| a.resolved_name(env) == alarm_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_any_environment() {
        let p = "goal-mandala-prod-ai-processor-error-rate";
        assert_eq!(
            AlarmSpec::matching(p).map(|a| a.name),
            Some("goal-mandala-${ENVIRONMENT}-ai-processor-error-rate")
        );
        assert!(AlarmSpec::matching("goal-mandala-sandbox-ai-processor-error-rate").is_some());
        assert!(AlarmSpec::matching("goal-mandala--ai-processor-error-rate").is_none());
        assert!(AlarmSpec::matching("goal-mandala-a-b-ai-processor-error-rate").is_none());
        assert!(AlarmSpec::matching("AsyncProcessing-ErrorRate").is_some());
    }
    use crate::config::EnvName;

    #[test]
    fn every_alarm_belongs_to_its_environment() {
        let env = Environment::defaults(EnvName::Prod);
        for a in ALARMS {
            assert!(env.owns_alarm(&a.resolved_name(&env)), "{}", a.name);
        }
        assert!(AlarmSpec::find(&env, "goal-mandala-prod-ai-processor-throttle").is_some());
    }
}

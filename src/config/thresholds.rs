//! Every threshold, expected range and setting of the five operations guides, with the guides'
//! values as defaults. A config file may override any of them under `[thresholds.<group>]`.
//! Seeds are cited as `NNN heading / subheading` (file `../shared/seeds/NNN_*.txt`); the same
//! citations are in [`sources`], which `health` and `report` print next to the values.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Citations printed by commands, one per guide section they take values from.
pub mod sources {
    pub const LAMBDA_DURATION: &str = "000 監視項目 / 実行時間（Duration）";
    pub const LAMBDA_ERRORS: &str = "000 監視項目 / エラー率（Errors）";
    pub const LAMBDA_THROTTLES: &str = "000 監視項目 / スロットリング（Throttles）";
    pub const LAMBDA_CONCURRENCY: &str = "000 監視項目 / 同時実行数（ConcurrentExecutions）";
    pub const AI_PROCESSOR_ALARMS: &str = "001 監視方法 / CloudWatch アラーム";
    pub const API_4XX: &str = "000 監視項目 / 4XXエラー（4XXError）";
    pub const API_5XX: &str = "000 監視項目 / 5XXエラー（5XXError）";
    pub const API_LATENCY: &str = "000 監視項目 / レイテンシ（Latency）";
    pub const PROFILE_ERRORS: &str = "003 監視項目 / エラー率";
    pub const PROFILE_LATENCY: &str = "003 監視項目 / レスポンス時間";
    pub const PROFILE_LAMBDA_ERRORS: &str = "003 CloudWatchアラーム設定 / Lambda エラーアラーム";
    pub const PROFILE_ERROR_LOGS: &str = "003 監視項目 / ログ監視";
    pub const ASYNC_METRICS: &str = "002 CloudWatch Metrics / 主要メトリクス";
    pub const ASYNC_TIMEOUT_ALERT: &str = "002 アラート対応 / タイムアウト率アラート";
    pub const STEP_FUNCTIONS: &str = "002 監視方法 / Step Functions";
    pub const DB_CONNECTIONS: &str = "003 CloudWatchアラーム設定 / データベース接続アラーム";
    pub const DB_LATENCY: &str = "003 監視項目 / クエリ実行時間";
    pub const DB_CONNECTION_ALERT: &str = "000 アラート対応手順 / データベース接続エラーアラート";
    pub const DB_CAPACITY: &str = "002 キャパシティプランニング / データベース容量";
    pub const PROFILE_DURATION: &str = "003 Lambda関数メトリクス / 実行時間";
    pub const PROFILE_SEVERITY: &str =
        "003 アラート対応手順 / 緊急度レベル (レスポンス時間が通常の2倍, 3倍以上)";
    pub const RATE_LIMIT: &str =
        "002 セキュリティ管理 / API認証: レート制限 20リクエスト/分/ユーザー";
    pub const PROGRESS_DOWN: &str = "004 データ整合性問題 / 進捗率の異常: 進捗率が減少する";
    pub const BEDROCK_METRICS: &str =
        "004 エラー別対応 / AI_ERROR; 001 トラブルシューティング 2. スロットリングエラー";
    pub const BEDROCK_QUOTA: &str = "001 トラブルシューティング 2: Bedrockのクォータを確認";
    pub const BEDROCK_ACCESS: &str =
        "001 トラブルシューティング 5. Bedrockモデルにアクセスできない";
    pub const SLOW_QUERIES: &str = "004 パフォーマンス問題 / データベースクエリの遅延";
    pub const PROCESSING_STATS: &str = "002 付録 / データベースクエリ";
    pub const DB_DIAGNOSIS: &str = "004 エラー別対応 / DATABASE_ERROR";
    pub const DB_HEALTH: &str = "004 診断ツール / ヘルスチェックスクリプト";
    pub const STUCK_PROCESSING: &str = "004 よくある問題 / 1. 処理が完了しない";
    pub const PROGRESS_RANGE: &str = "004 データ整合性問題 / 進捗率の異常";
    pub const QUEUE_DEPTH: &str = "002 アラート対応 / 待機中処理数アラート";
    pub const DB_LOG_ERRORS: &str = "000 監視項目 / データベースメトリクス";
    pub const ERROR_LOGS: &str = "004 診断ツール / ヘルスチェックスクリプト (5. エラー率)";
    pub const AURORA: &str = "000 スケーリング / Aurora Serverless V2のスケーリング";
    pub const ALARMS: &str = "001 監視方法 / アラーム状態の確認";
    pub const GRANULARITY: &str = "000 タスク粒度調整の仕組み";
    pub const PRIORITY: &str = "000 優先度設定の仕組み";
    pub const SECURITY: &str = "000 セキュリティ監視";
    pub const SCALING: &str = "000 スケーリング / Lambda関数のスケーリング";
    pub const CAPACITY: &str = "002 パフォーマンス管理 / キャパシティプランニング";
    pub const RETENTION: &str = "002 データ管理 / データクリーンアップ";
    pub const LOG_RETENTION: &str = "001 メンテナンス / 月次メンテナンス";
    pub const RETRY: &str = "004 エラー別対応 / AI_ERROR";
    pub const RETRYABLE: &str = "004 よくある問題 / 4. リトライが失敗する";
    pub const BEDROCK: &str = "001 デプロイ手順 / 環境変数の設定";
    pub const COST: &str = "002 パフォーマンス管理 / コスト管理";
    pub const SEVERITY: &str = "003 アラート対応手順 / 緊急度レベル";
    pub const TARGETS: &str = "002 パフォーマンス管理 / パフォーマンス指標";
    pub const BACKUP: &str = "002 データ管理 / バックアップ / データベースバックアップ";
    pub const RECOVERY: &str = "002 データ管理 / バックアップ / 災害復旧";
    pub const LOG_GROUP_RETENTION: &str =
        "000 ログ管理 / ログの保持期間; 002 データ管理 / データ保持ポリシー";
    pub const LOG_EXPORT: &str =
        "000 ログ管理 / ログの保持期間: 長期保存 S3にエクスポート（90日間）";
    pub const DEPLOY: &str = "001 デプロイ手順 / デプロイ後の確認";
    pub const REQUESTS: &str = "003 監視項目 / リクエスト数";
    pub const INVOCATIONS: &str =
        "001 監視方法 / CloudWatch メトリクス: Invocations（呼び出し回数）";
    pub const ALARM_SPECS: &str =
        "001 CloudWatch アラーム; 003 CloudWatchアラーム設定; 002 アラート一覧";
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    pub lambda: Lambda,
    pub api: Api,
    pub profile: Profile,
    pub async_processing: AsyncProcessing,
    pub database: Database,
    pub logs: Logs,
    pub quality: Quality,
    pub security: Security,
    pub scaling: Scaling,
    pub retention: Retention,
    pub retry: Retry,
    pub bedrock: Bedrock,
    pub cost: Cost,
    pub severity: Severity,
    pub targets: Targets,
    pub backup: Backup,
    pub traffic: Traffic,
}

impl Thresholds {
    /// Every value usable: numbers finite and not negative, percentages at most 100, shares and
    /// ratios at most 1, ranges not inverted, a warning level not past its critical one. A
    /// config file that breaks one is bad input naming the key, before anything runs.
    pub fn validate(&self) -> Result<()> {
        let value = serde_json::to_value(self)
            .map_err(|e| Error::internal(format!("reading the thresholds: {e}")))?;
        check_value(&value, "thresholds")?;
        let s = &self.severity;
        if !(s.level1_error_pct >= s.level2_error_pct && s.level2_error_pct >= s.level3_error_pct) {
            return Err(bad(
                "thresholds.severity",
                "level1_error_pct ≥ level2_error_pct ≥ level3_error_pct must hold",
            ));
        }
        self.backup.window_start()?;
        for c in &self.scaling.functions {
            let steps = [c.reserved, c.reserved_target, c.reserved_max];
            let given: Vec<i32> = steps.into_iter().flatten().collect();
            if given.windows(2).any(|w| w[0] > w[1]) {
                return Err(bad(
                    &format!("thresholds.scaling.functions ({})", c.component),
                    "reserved ≤ reserved_target ≤ reserved_max must hold",
                ));
            }
        }
        Ok(())
    }
}

impl Thresholds {
    /// The value at a dotted key (`quality.target_minutes`, `lambda.error_rate_warn_pct`), as
    /// query files and runbooks name thresholds.
    pub fn lookup(&self, key: &str) -> Option<serde_json::Value> {
        let mut v = serde_json::to_value(self).ok()?;
        for part in key.split('.') {
            v = match v {
                // A list of per-component settings is indexed by the component's id.
                serde_json::Value::Array(items) => items
                    .into_iter()
                    .find(|i| i.get("component").and_then(|c| c.as_str()) == Some(part))?,
                mut other => other.get_mut(part)?.take(),
            };
        }
        Some(v)
    }
}

fn bad(key: &str, why: &str) -> Error {
    Error::usage(format!("{key} in the config file: {why}"))
        .with_hint("`mandala-ops config show -o json` lists every threshold with its default")
}

fn check_value(v: &serde_json::Value, key: &str) -> Result<()> {
    use serde_json::Value;
    match v {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            let leaf = key.rsplit('.').next().unwrap_or(key);
            if !x.is_finite() || x < 0.0 {
                return Err(bad(key, &format!("{x} is negative or not a number")));
            }
            if (leaf.ends_with("_pct") || leaf.contains("_pct_")) && x > 100.0 {
                return Err(bad(key, &format!("{x} is over 100%")));
            }
            if (leaf.ends_with("_ratio") || leaf.ends_with("_share")) && x > 1.0 {
                return Err(bad(
                    key,
                    &format!("{x} is over 1 (a share, not a percentage)"),
                ));
            }
            Ok(())
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| check_value(item, &format!("{key}[{i}]"))),
        Value::Object(map) => {
            for (k, item) in map {
                check_value(item, &format!("{key}.{k}"))?;
            }
            if let (Some(min), Some(max)) = (
                map.get("min").and_then(Value::as_f64),
                map.get("max").and_then(Value::as_f64),
            ) && min > max
            {
                return Err(bad(key, &format!("min {min} is above max {max}")));
            }
            // A warning level past its critical one (or its maximum) could never warn.
            for (k, warn) in map {
                let Some(warn) = warn.as_f64() else { continue };
                for upper in [k.replace("warn", "critical"), k.replace("warn", "max")] {
                    if upper != *k
                        && let Some(limit) = map.get(&upper).and_then(Value::as_f64)
                        && warn > limit
                    {
                        return Err(bad(
                            &format!("{key}.{k}"),
                            &format!("{warn} is above {upper} ({limit})"),
                        ));
                    }
                }
            }
            for (k, low) in map {
                let (Some(stem), Some(low)) = (k.strip_suffix("_min"), low.as_f64()) else {
                    continue;
                };
                if let Some(high) = map.get(&format!("{stem}_max")).and_then(Value::as_f64)
                    && low > high
                {
                    return Err(bad(
                        &format!("{key}.{k}"),
                        &format!("{low} is above {stem}_max ({high})"),
                    ));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lambda {
    /// Error rate warning, % (000 監視項目 / エラー率（Errors）: 警告 5% 以上).
    pub error_rate_warn_pct: f64,
    /// Error rate critical, % (000 監視項目 / エラー率（Errors）: エラー 10% 以上).
    pub error_rate_critical_pct: f64,
    /// Task generation p95 duration warning, ms (000 監視項目 / 実行時間（Duration）: p95 > 25秒).
    pub task_generation_p95_warn_ms: f64,
    /// Task generation p95 duration critical, ms (000 監視項目 / 実行時間（Duration）: p95 > 30秒).
    pub task_generation_p95_critical_ms: f64,
    /// ai-processor average duration alarm, ms (001 CloudWatch アラーム: 平均実行時間が60秒以上).
    pub ai_processor_avg_duration_ms: f64,
    /// ai-processor errors per 5 minutes (001 CloudWatch アラーム: 5分間で5回以上のエラー).
    pub ai_processor_errors_per_5min: f64,
    /// Throttles that raise an alert (000 監視項目 / スロットリング: 1件以上; 001: 1回でも).
    pub throttles: f64,
    /// Concurrent executions as a share of reserved concurrency
    /// (000 監視項目 / 同時実行数: 8以上（予約済み同時実行数10の80%）).
    pub concurrency_warn_ratio: f64,
    /// Memory use that calls for more memory, % of the configured size
    /// (000 スケーリング / メモリサイズの調整: メモリ使用率が高い（80%以上）; 002 メモリサイズの調整).
    pub memory_use_warn_pct: f64,
}

impl Default for Lambda {
    fn default() -> Self {
        Lambda {
            error_rate_warn_pct: 5.0,
            error_rate_critical_pct: 10.0,
            task_generation_p95_warn_ms: 25_000.0,
            task_generation_p95_critical_ms: 30_000.0,
            ai_processor_avg_duration_ms: 60_000.0,
            ai_processor_errors_per_5min: 5.0,
            throttles: 1.0,
            concurrency_warn_ratio: 0.8,
            memory_use_warn_pct: 80.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Api {
    /// 4XX share of requests, % (000 監視項目 / 4XXエラー: 10% 以上).
    pub client_error_pct: f64,
    /// 5XX share of requests, % (000 監視項目 / 5XXエラー: 5% 以上).
    pub server_error_pct: f64,
    /// p95 latency, ms (000 監視項目 / レイテンシ: p95 > 35秒).
    pub latency_p95_ms: f64,
}

impl Default for Api {
    fn default() -> Self {
        Api {
            client_error_pct: 10.0,
            server_error_pct: 5.0,
            latency_p95_ms: 35_000.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Error rate alarm, % (003 CloudWatchアラーム設定 / エラー率アラーム: > 5%).
    pub error_rate_warn_pct: f64,
    /// Error rate that needs urgent action, % (003 監視項目 / エラー率: 10%以上: 緊急対応が必要).
    pub error_rate_critical_pct: f64,
    /// p95 latency alarm, ms (003 CloudWatchアラーム設定 / レスポンス時間アラーム: P95 > 2秒).
    pub latency_p95_ms: f64,
    /// p99 latency that is a serious problem, ms (003 監視項目 / レスポンス時間: P99 > 5秒).
    pub latency_p99_critical_ms: f64,
    /// Lambda errors per 5 minutes (003 CloudWatchアラーム設定 / Lambda エラーアラーム: > 10/5分).
    pub lambda_errors_per_5min: f64,
    /// ERROR log events per 5 minutes (003 監視項目 / ログ監視: ERRORログ > 10/5分).
    pub error_logs_per_5min: f64,
    /// Normal requests per hour, low end (003 監視項目 / リクエスト数: 通常時 100-1000).
    pub requests_per_hour_min: f64,
    /// Normal requests per hour, high end (003 監視項目 / リクエスト数: 通常時 100-1000).
    pub requests_per_hour_max: f64,
    /// Requests per hour at the busiest (003 監視項目 / リクエスト数: ピーク時 最大5000).
    pub requests_per_hour_peak: f64,
    /// GET /profile duration, ms (003 Lambda関数メトリクス / 実行時間: 正常値 GET < 500ms).
    pub get_ms: f64,
    /// PUT /profile duration, ms (003 実行時間: PUT < 1秒).
    pub put_ms: f64,
    /// DELETE /profile duration, ms (003 実行時間: DELETE < 2秒).
    pub delete_ms: f64,
    /// An execution longer than this timed out, ms (003 実行時間: タイムアウト発生: 10秒を超える実行).
    pub timeout_ms: f64,
    /// Duration this many times a week earlier's is a sudden rise (003 実行時間: 実行時間の急増:
    /// 通常の2倍以上; 003 緊急度レベル / レベル3: レスポンス時間が通常の2倍).
    pub slowdown_warn_factor: f64,
    /// Response time this many times a week earlier's is level 2 (003 緊急度レベル / レベル2:
    /// レスポンス時間が通常の3倍以上).
    pub slowdown_critical_factor: f64,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            error_rate_warn_pct: 5.0,
            error_rate_critical_pct: 10.0,
            latency_p95_ms: 2_000.0,
            latency_p99_critical_ms: 5_000.0,
            lambda_errors_per_5min: 10.0,
            error_logs_per_5min: 10.0,
            requests_per_hour_min: 100.0,
            requests_per_hour_max: 1_000.0,
            requests_per_hour_peak: 5_000.0,
            get_ms: 500.0,
            put_ms: 1_000.0,
            delete_ms: 2_000.0,
            timeout_ms: 10_000.0,
            slowdown_warn_factor: 2.0,
            slowdown_critical_factor: 3.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AsyncProcessing {
    /// AsyncProcessingFailed per 5 minutes (002 主要メトリクス: > 5/5分).
    pub failed_per_5min: f64,
    /// AsyncProcessingTimeout per 5 minutes (002 主要メトリクス: > 10/5分).
    pub timeouts_per_5min: f64,
    /// ProcessingDuration, ms (002 主要メトリクス: > 300000 (5分)).
    pub processing_duration_ms: f64,
    /// QueueDepth (002 主要メトリクス: > 100).
    pub queue_depth: f64,
    /// ErrorRate, % (002 主要メトリクス: > 5%).
    pub error_rate_pct: f64,
    /// Timeout rate, % (002 アラート対応 / タイムアウト率アラート: > 10% (5分間)).
    pub timeout_rate_pct: f64,
}

impl Default for AsyncProcessing {
    fn default() -> Self {
        AsyncProcessing {
            failed_per_5min: 5.0,
            timeouts_per_5min: 10.0,
            processing_duration_ms: 300_000.0,
            queue_depth: 100.0,
            error_rate_pct: 5.0,
            timeout_rate_pct: 10.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Database {
    /// Connections that raise the alarm (003 データベース接続アラーム: 接続数 > 80).
    pub connections_warn: f64,
    /// Connection ceiling (003 監視項目 / 接続数: 最大 100接続).
    pub connections_max: f64,
    /// Aurora ReadLatency that points at an index problem, ms (003 監視項目 / クエリ実行時間:
    /// 読み取り 正常 < 10ms, > 100ms インデックスの問題).
    pub read_latency_warn_ms: f64,
    /// Aurora WriteLatency that points at lock contention, ms (003 監視項目 / クエリ実行時間:
    /// 書き込み 正常 < 50ms, > 500ms ロック競合の可能性).
    pub write_latency_warn_ms: f64,
    /// FreeableMemory below this share of the capacity's memory is a finding (000 データベース接続
    /// エラーアラート: メモリ使用率の確認; the guides give no number, 10% is this tool's choice).
    pub freeable_memory_min_share: f64,
    /// The database's size in the capacity plan, GB (002 キャパシティプランニング / データベース
    /// 容量: 現在 10GB).
    pub size_plan_gb: f64,
    /// Planned growth, GB a month (002 データベース容量: 月間増加 約1GB).
    pub growth_gb_per_month: f64,
    /// The plan is reviewed this often, months: a size past plan + growth × this is a finding
    /// (002 データベース容量: 容量計画 6ヶ月ごとに見直し).
    pub plan_review_months: f64,
    /// Age after which a PROCESSING row counts as stuck, seconds. The guide gives no number
    /// (004 処理が完了しない: 完了予定時刻を過ぎても完了しない); twice the slowest target average
    /// completion time (002 パフォーマンス指標: タスク 10-15分) is used.
    pub stuck_after_secs: u64,
    /// PENDING rows that count as a backlog (002 待機中処理数アラート: > 100).
    pub pending_queue_depth: f64,
    /// Active queries older than this are reported, seconds. Seed 004 (DATABASE_ERROR) lists
    /// active queries by duration without a limit; 30 s is this tool's choice.
    pub long_query_secs: f64,
}

impl Default for Database {
    fn default() -> Self {
        Database {
            connections_warn: 80.0,
            connections_max: 100.0,
            read_latency_warn_ms: 100.0,
            write_latency_warn_ms: 500.0,
            freeable_memory_min_share: 0.10,
            size_plan_gb: 10.0,
            growth_gb_per_month: 1.0,
            plan_review_months: 6.0,
            stuck_after_secs: 30 * 60,
            pending_queue_depth: 100.0,
            long_query_secs: 30.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Logs {
    /// "DatabaseError" events per hour (000 データベースメトリクス / 接続エラー: 5件/時間以上).
    pub database_errors_per_hour: f64,
    /// "transaction failed" events per hour (000 データベースメトリクス / トランザクションエラー: 3件/時間以上).
    pub transaction_failures_per_hour: f64,
    /// ERROR events per function in any 5 minutes (003 監視項目 / ログ監視: ERRORログ > 10/5分).
    pub error_events_per_5min: f64,
}

impl Default for Logs {
    fn default() -> Self {
        Logs {
            database_errors_per_hour: 5.0,
            transaction_failures_per_hour: 3.0,
            error_events_per_5min: 10.0,
        }
    }
}

/// A closed range of expected values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    pub const fn new(min: f64, max: f64) -> Self {
        Range { min, max }
    }

    pub fn contains(&self, v: f64) -> bool {
        v >= self.min && v <= self.max
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.min, self.max)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Quality {
    /// Target minutes per task (000 タスク粒度調整 / 推定所要時間: 目標範囲 30-60分).
    pub target_minutes: Range,
    /// Allowed minutes per task (000 タスク粒度調整 / 推定所要時間: 許容範囲 15-120分).
    pub allowed_minutes: Range,
    /// Minutes when the estimate is unclear (000 タスク粒度調整 / 推定所要時間: デフォルト値 45分).
    pub default_minutes: u32,
    /// Tasks per EXECUTION action (000 タスク粒度調整 / タスク数の目安: 実行アクション 1-5個).
    pub tasks_per_execution_action: Range,
    /// Tasks per HABIT action (000 タスク粒度調整 / タスク数の目安: 習慣アクション 1-3個).
    pub tasks_per_habit_action: Range,
    /// Generation attempts before QUALITY_ERROR (000 タスク粒度調整 / 粒度調整のプロセス: 最大3回).
    pub max_attempts: u32,
    /// Sub-goals per goal and actions per sub-goal: the mandala's 8 × 8 (DESIGN.md, seed 004 プロンプト例).
    pub items_per_level: u32,
    /// Descriptions shorter than this are warned about (000 ログ管理 / 警告ログ: 説明が短すぎる（20文字未満）).
    pub description_min_chars: u32,
    /// Goal title length (004 VALIDATION_ERROR: タイトルは1文字以上200文字以内).
    pub title_chars: Range,
    /// Goal description length (004 VALIDATION_ERROR: description min(1).max(2000)).
    pub description_chars: Range,
    /// Average minutes per task (000 粒度の監視 / 期待値: 平均 40-50分/タスク).
    pub minutes_per_task_avg: Range,
    /// p95 minutes per task (000 粒度の監視 / 期待値: p95 60分/タスク; 異常 p95 > 90分).
    pub minutes_per_task_p95_max: f64,
    /// Average tasks per generation (000 タスク数分布 / 期待値: 平均2-4個).
    pub tasks_avg: Range,
    /// Largest task count expected (000 タスク数分布 / 期待値: 最大10個程度).
    pub tasks_max: f64,
    /// Average tasks per generation for HABIT actions (000 タスク数分布の確認: 習慣アクション 平均1-2個).
    pub habit_tasks_avg: Range,
    /// Average total minutes per generation (000 推定時間分布 / 期待値: 平均90-180分).
    pub total_minutes_avg: Range,
    /// HIGH share, % (000 優先度レベル: 20-30%).
    pub high_pct: Range,
    /// MEDIUM share, % (000 優先度レベル: 50-60%).
    pub medium_pct: Range,
    /// LOW share, % (000 優先度レベル: 10-20%).
    pub low_pct: Range,
    /// Anomalies (000 優先度分布の監視 / 異常パターン: HIGH > 50%, MEDIUM < 40%, LOW > 30%).
    pub high_pct_anomaly: f64,
    pub medium_pct_anomaly: f64,
    pub low_pct_anomaly: f64,
}

impl Default for Quality {
    fn default() -> Self {
        Quality {
            target_minutes: Range::new(30.0, 60.0),
            allowed_minutes: Range::new(15.0, 120.0),
            default_minutes: 45,
            tasks_per_execution_action: Range::new(1.0, 5.0),
            tasks_per_habit_action: Range::new(1.0, 3.0),
            max_attempts: 3,
            items_per_level: 8,
            description_min_chars: 20,
            title_chars: Range::new(1.0, 200.0),
            description_chars: Range::new(1.0, 2000.0),
            minutes_per_task_avg: Range::new(40.0, 50.0),
            minutes_per_task_p95_max: 90.0,
            tasks_avg: Range::new(2.0, 4.0),
            tasks_max: 10.0,
            habit_tasks_avg: Range::new(1.0, 2.0),
            total_minutes_avg: Range::new(90.0, 180.0),
            high_pct: Range::new(20.0, 30.0),
            medium_pct: Range::new(50.0, 60.0),
            low_pct: Range::new(10.0, 20.0),
            high_pct_anomaly: 50.0,
            medium_pct_anomaly: 40.0,
            low_pct_anomaly: 30.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    /// AUTHENTICATION_ERROR per hour worth investigating (000 認証エラーの監視: 10件/時間以上).
    pub auth_errors_per_hour: f64,
    /// FORBIDDEN per user worth investigating (000 認可エラーの監視: 同一ユーザーから5件以上).
    pub forbidden_per_user: f64,
    /// Requests per minute and user the API allows (002 API認証: レート制限 20リクエスト/分/ユーザー);
    /// a user turned away this many times in the window is named.
    pub rate_limit_per_minute: f64,
}

impl Default for Security {
    fn default() -> Self {
        Security {
            auth_errors_per_hour: 10.0,
            forbidden_per_user: 5.0,
            rate_limit_per_minute: 20.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scaling {
    /// Reserved concurrency = peak × this (000 同時実行数の調整: ピーク時の1.5倍程度).
    pub reserved_headroom: f64,
    /// Aurora Serverless v2 minimum ACU (000 Aurora Serverless V2のスケーリング: 最小ACU = 0.5).
    pub aurora_min_acu: f64,
    /// Aurora Serverless v2 maximum ACU (000 Aurora Serverless V2のスケーリング: 最大ACU = 2).
    pub aurora_max_acu: f64,
    /// CPU use that calls for more ACU, % (000 Aurora Serverless V2のスケーリング: CPU使用率が高い（80%以上）).
    pub aurora_cpu_pct: f64,
    /// Account concurrent-execution limit used to validate reserved concurrency (AWS default 1000).
    pub account_concurrency_limit: i32,
    /// Per function: the guides' current, target and maximum settings.
    pub functions: Vec<Capacity>,
}

/// Recommended settings of one function, as far as the guides give them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    pub component: String,
    pub reserved: Option<i32>,
    pub reserved_target: Option<i32>,
    pub reserved_max: Option<i32>,
    pub memory_mb: Option<i32>,
    pub timeout_secs: Option<i32>,
    pub source: String,
}

impl Default for Scaling {
    fn default() -> Self {
        let cap = |component: &str,
                   reserved: Option<i32>,
                   reserved_target: Option<i32>,
                   reserved_max: Option<i32>,
                   memory_mb: Option<i32>,
                   timeout_secs: Option<i32>,
                   source: &str| Capacity {
            component: component.into(),
            reserved,
            reserved_target,
            reserved_max,
            memory_mb,
            timeout_secs,
            source: source.into(),
        };
        Scaling {
            reserved_headroom: 1.5,
            aurora_min_acu: 0.5,
            aurora_max_acu: 2.0,
            aurora_cpu_pct: 80.0,
            account_concurrency_limit: 1000,
            functions: vec![
                // 000 スケーリング: 予約済み同時実行数 = 10, メモリ 1024MB; 処理時間超過アラート: タイムアウト 60秒.
                cap(
                    "task-generation",
                    Some(10),
                    None,
                    None,
                    Some(1024),
                    Some(60),
                    "000 スケーリング; 000 処理時間超過アラート",
                ),
                // 001 CloudWatch アラーム: 予約済み同時実行数10; トラブルシューティング 2: 20 when
                // throttled; トラブルシューティング 1: 15分 (900 s).
                cap(
                    "ai-processor",
                    Some(10),
                    Some(20),
                    None,
                    None,
                    Some(900),
                    "001 CloudWatch アラーム; 001 トラブルシューティング 1, 2",
                ),
                // 002 キャパシティプランニング: 50 / 100 / 500; メモリ 512MB; タイムアウト 30秒.
                cap(
                    "async-processing-handler",
                    Some(50),
                    Some(100),
                    Some(500),
                    Some(512),
                    Some(30),
                    "002 キャパシティプランニング; 002 Lambda関数の最適化",
                ),
                // 002 キャパシティプランニング: 10 / 20 / 100; メモリ 1024MB; タイムアウト 300秒.
                cap(
                    "ai-generation-worker",
                    Some(10),
                    Some(20),
                    Some(100),
                    Some(1024),
                    Some(300),
                    "002 キャパシティプランニング; 002 Lambda関数の最適化",
                ),
                // 003 Lambda関数メトリクス / 実行時間: タイムアウト発生: 10秒を超える実行.
                cap(
                    "profile",
                    None,
                    None,
                    None,
                    None,
                    Some(10),
                    "003 Lambda関数メトリクス / 実行時間",
                ),
            ],
        }
    }
}

impl Capacity {
    /// The guide's reservation: `10`, or `50 (target 100, max 500)`.
    pub fn reserved_text(&self) -> Option<String> {
        match (self.reserved, self.reserved_target, self.reserved_max) {
            (Some(now), Some(target), Some(max)) => {
                Some(format!("{now} (target {target}, max {max})"))
            }
            (Some(now), Some(target), None) => Some(format!("{now} (target {target})")),
            (Some(now), _, _) => Some(now.to_string()),
            _ => None,
        }
    }
}

impl Scaling {
    pub fn capacity(&self, component_id: &str) -> Option<&Capacity> {
        self.functions.iter().find(|c| c.component == component_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retention {
    /// processing_state rows in a terminal status older than this are deleted, days
    /// (002 データ管理 / データクリーンアップ: 90日以上前; データ保持ポリシー: 処理状態レコード 90日).
    pub processing_state_days: u64,
    /// Log streams whose last event is older than this are deleted, days
    /// (001 メンテナンス / 月次メンテナンス: 30日以上前; 002 データ保持ポリシー: CloudWatch Logs 30日).
    pub log_stream_days: u64,
    /// Every function's log group keeps its events this long, days
    /// (000 ログの保持期間: CloudWatch Logs 30日間; 002 データ保持ポリシー: CloudWatch Logs 30日).
    pub log_group_days: i32,
    /// The newest successful export of a log group may end this long ago, hours. The guides
    /// give no schedule; a daily `logs archive` is this tool's choice. A day is exported once
    /// it ended 12 hours ago (CloudWatch: log data can take up to 12 hours to become available
    /// for export), so just before the next daily run the newest exported day ended up to
    /// 12 + 24 + 24 = 60 hours ago.
    pub export_max_age_hours: f64,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            processing_state_days: 90,
            log_stream_days: 30,
            log_group_days: 30,
            export_max_age_hours: 60.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Backup {
    /// Automated backups are kept this long, days (002 データベースバックアップ: 保持期間 7日).
    pub retention_days: i32,
    /// The backup window starts at this time, JST (002 データベースバックアップ: バックアップ時刻 3:00 JST).
    pub window_start_jst: String,
    /// Recovery point objective, hours (002 災害復旧: RPO（目標復旧時点）24時間).
    pub rpo_hours: f64,
    /// The newest automated snapshot may be this old, hours (002 データベースバックアップ: 頻度 日次;
    /// a day plus two hours for the window and the snapshot to finish, this tool's margin).
    pub snapshot_max_age_hours: f64,
}

impl Default for Backup {
    fn default() -> Self {
        Backup {
            retention_days: 7,
            window_start_jst: "03:00".into(),
            rpo_hours: 24.0,
            snapshot_max_age_hours: 26.0,
        }
    }
}

impl Backup {
    /// The window's start as RDS states it (UTC `HH:MM`; JST is UTC+9 all year).
    pub fn window_start(&self) -> Result<jiff::civil::Time> {
        let jst = jiff::civil::Time::strptime("%H:%M", &self.window_start_jst).map_err(|_| {
            bad(
                "thresholds.backup.window_start_jst",
                &format!("`{}` is not a time such as 03:00", self.window_start_jst),
            )
        })?;
        Ok(jst.wrapping_sub(jiff::SignedDuration::from_hours(9)))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Traffic {
    /// Requests at this many times the same hour a week earlier may be an attack
    /// (003 リクエスト数 / 異常値の判断: 急激な増加（通常の3倍以上）: DDoS攻撃の可能性).
    pub surge_factor: f64,
    /// Requests at this fraction or less of the same hour a week earlier may be an outage
    /// (003 リクエスト数 / 異常値の判断: 急激な減少（通常の1/3以下）: システム障害の可能性), as the divisor.
    pub drop_factor: f64,
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            surge_factor: 3.0,
            drop_factor: 3.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retry {
    /// Attempts in all (004 AI_ERROR: RETRY_CONFIG maxAttempts: 3).
    pub max_attempts: u32,
    /// Backoff multiplier (004 AI_ERROR: backoffRate: 2).
    pub backoff_rate: f64,
    /// First backoff, ms (004 AI_ERROR: initialInterval: 1000).
    pub initial_interval_ms: u64,
    /// Backoff cap, ms. Seed 004 (リトライが失敗する) caps with `maxInterval` without a value;
    /// 20 s is this tool's choice.
    pub max_interval_ms: u64,
    /// Errors worth retrying (004 リトライが失敗する: isRetryableError).
    pub retryable_errors: Vec<String>,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            max_attempts: 3,
            backoff_rate: 2.0,
            initial_interval_ms: 1000,
            max_interval_ms: 20_000,
            retryable_errors: [
                "ThrottlingException",
                "ServiceUnavailableException",
                "DatabaseConnectionError",
                "NetworkError",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

impl Retry {
    /// Seed 004's `isRetryableError`: the error's name contains one of the listed names.
    pub fn is_retryable(&self, error_name: &str) -> bool {
        self.retryable_errors
            .iter()
            .any(|e| error_name.contains(e.as_str()))
    }

    /// Backoff before retry number `retry` (0-based): initial × rate^retry, capped
    /// (004 リトライが失敗する: min(initialInterval * backoffRate^retryCount, maxInterval)).
    pub fn backoff(&self, retry: u32) -> std::time::Duration {
        let ms = self.initial_interval_ms as f64 * self.backoff_rate.powi(retry as i32);
        std::time::Duration::from_millis(ms.min(self.max_interval_ms as f64) as u64)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bedrock {
    /// 001 環境変数の設定: BEDROCK_MODEL_ID=amazon.nova-micro-v1:0.
    pub model_id: String,
    /// 001 環境変数の設定: BEDROCK_REGION=ap-northeast-1.
    pub region: String,
    /// 001 環境変数の設定: BEDROCK_MAX_RETRIES=3.
    pub max_retries: u32,
    /// 001 環境変数の設定: BEDROCK_TIMEOUT_MS=300000.
    pub timeout_ms: u64,
    /// Invocation error rate worth acting on, % (000 監視項目 / 3. Bedrockメトリクス /
    /// モデル呼び出し成功率: 閾値 エラー率 > 5%).
    pub error_rate_pct: f64,
    /// The model's name in Service Quotas, whose per-minute quotas are checked (001
    /// トラブルシューティング 2: Bedrockのクォータを確認).
    pub quota_model_name: String,
    /// Use at this share of a limit is a finding: a per-minute quota at peak, the slowest call
    /// against the timeout (the 80% of 000 同時実行数, applied to Bedrock's limits).
    pub quota_warn_ratio: f64,
}

impl Default for Bedrock {
    fn default() -> Self {
        Bedrock {
            model_id: "amazon.nova-micro-v1:0".into(),
            region: "ap-northeast-1".into(),
            max_retries: 3,
            timeout_ms: 300_000,
            error_rate_pct: 5.0,
            quota_model_name: "Amazon Nova Micro".into(),
            quota_warn_ratio: 0.8,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cost {
    /// Monthly budget, USD (002 コスト管理: 月次予算 $500).
    pub monthly_budget_usd: f64,
    /// Shares of the budget (002 コスト管理 / 主要コスト: Lambda実行 40%, Bedrock API 30%,
    /// Aurora 20%, その他 10%).
    pub lambda_share: f64,
    pub bedrock_share: f64,
    pub aurora_share: f64,
    pub other_share: f64,
    /// Amazon Nova Micro on-demand price per 1,000 input tokens, USD (AWS's published price list;
    /// not in the seeds, so a setting).
    pub input_per_1k_tokens_usd: f64,
    /// Amazon Nova Micro on-demand price per 1,000 output tokens, USD (as above).
    pub output_per_1k_tokens_usd: f64,
    /// Amazon Athena's price per TB scanned, USD (AWS's published price; a setting).
    pub athena_per_tb_usd: f64,
}

impl Default for Cost {
    fn default() -> Self {
        Cost {
            monthly_budget_usd: 500.0,
            lambda_share: 0.40,
            bedrock_share: 0.30,
            aurora_share: 0.20,
            other_share: 0.10,
            input_per_1k_tokens_usd: 0.000035,
            output_per_1k_tokens_usd: 0.00014,
            athena_per_tb_usd: 5.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Severity {
    /// Level 1 (Critical) above this error rate, % (003 緊急度レベル / レベル1: エラー率 > 50%).
    pub level1_error_pct: f64,
    /// Level 2 (High) from this error rate, % (003 緊急度レベル / レベル2: エラー率 5-20%).
    pub level2_error_pct: f64,
    /// Level 3 (Medium) from this error rate, % (003 緊急度レベル / レベル3: エラー率 1-5%).
    pub level3_error_pct: f64,
    /// Response times per level, minutes (003: 15分以内 / 1時間以内 / 4時間以内 / 1営業日以内).
    pub response_minutes: [u32; 4],
}

impl Default for Severity {
    fn default() -> Self {
        Severity {
            level1_error_pct: 50.0,
            level2_error_pct: 5.0,
            level3_error_pct: 1.0,
            response_minutes: [15, 60, 240, 8 * 60],
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Targets {
    /// Average completion time per generation kind, minutes (002 パフォーマンス指標 / 目標値:
    /// サブ目標 3-5分, アクション 5-10分, タスク 10-15分).
    pub subgoal_minutes: Range,
    pub action_minutes: Range,
    pub task_minutes: Range,
    /// Error rate target, % (002 パフォーマンス指標 / 目標値: < 1%).
    pub error_rate_pct: f64,
    /// Timeout rate target, % (002 パフォーマンス指標 / 目標値: < 5%).
    pub timeout_rate_pct: f64,
    /// A RUNNING execution older than this is past its limit when the state machine sets no
    /// TimeoutSeconds, seconds (001 トラブルシューティング 1: Lambda関数が15分でタイムアウトする).
    pub execution_limit_secs: u64,
    /// p95 response time of starting a process, ms (002 パフォーマンス指標: API応答時間（処理開始）
    /// 95%ile < 1秒).
    pub start_p95_ms: f64,
    /// p95 response time of a status check, ms (002 パフォーマンス指標: API応答時間（状態取得）
    /// 95%ile < 500ms).
    pub status_p95_ms: f64,
    /// Completions per start below this share is a finding, % (002 主要メトリクス:
    /// AsyncProcessingStarted / AsyncProcessingCompleted; 100 minus the error and timeout
    /// targets, < 1% and < 5%).
    pub completion_rate_min_pct: f64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            subgoal_minutes: Range::new(3.0, 5.0),
            action_minutes: Range::new(5.0, 10.0),
            task_minutes: Range::new(10.0, 15.0),
            error_rate_pct: 1.0,
            timeout_rate_pct: 5.0,
            execution_limit_secs: 15 * 60,
            start_p95_ms: 1_000.0,
            status_p95_ms: 500.0,
            completion_rate_min_pct: 94.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_override_keeps_other_defaults() {
        let t: Thresholds = toml::from_str("[lambda]\nerror_rate_warn_pct = 4.0\n").unwrap();
        assert_eq!(t.lambda.error_rate_warn_pct, 4.0);
        assert_eq!(t.lambda.error_rate_critical_pct, 10.0);
        assert_eq!(t.api.server_error_pct, 5.0);
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(toml::from_str::<Thresholds>("[lambda]\nerror_rate = 4.0\n").is_err());
    }

    #[test]
    fn the_guides_defaults_are_valid() {
        Thresholds::default().validate().unwrap();
    }

    #[test]
    fn negative_inverted_and_out_of_range_values_name_their_key() {
        for (toml, key) in [
            (
                "[lambda]\nerror_rate_warn_pct = -1.0\n",
                "thresholds.lambda.error_rate_warn_pct",
            ),
            (
                "[lambda]\nerror_rate_warn_pct = 20.0\n",
                "thresholds.lambda.error_rate_warn_pct",
            ),
            (
                "[api]\nserver_error_pct = 150.0\n",
                "thresholds.api.server_error_pct",
            ),
            (
                "[cost]\nbedrock_share = 30.0\n",
                "thresholds.cost.bedrock_share",
            ),
            (
                "[quality]\ntarget_minutes = { min = 60.0, max = 30.0 }\n",
                "thresholds.quality.target_minutes",
            ),
            (
                "[profile]\nrequests_per_hour_min = 5000.0\n",
                "thresholds.profile.requests_per_hour_min",
            ),
            (
                "[database]\nconnections_warn = 120.0\n",
                "thresholds.database.connections_warn",
            ),
            (
                "[severity]\nlevel3_error_pct = 60.0\n",
                "thresholds.severity",
            ),
        ] {
            let t: Thresholds = toml::from_str(toml).unwrap();
            let e = t.validate().unwrap_err();
            assert_eq!(e.status(), crate::exit::ExitStatus::Usage, "{toml}");
            assert!(e.to_string().starts_with(key), "{toml}: {e}");
        }
    }

    #[test]
    fn backoff_follows_seed_004() {
        let r = Retry::default();
        assert_eq!(r.backoff(0).as_millis(), 1000);
        assert_eq!(r.backoff(1).as_millis(), 2000);
        assert_eq!(r.backoff(2).as_millis(), 4000);
        assert_eq!(r.backoff(10).as_millis(), 20_000);
    }

    #[test]
    fn retryable_errors_match_by_name() {
        let r = Retry::default();
        assert!(r.is_retryable("ThrottlingException"));
        assert!(r.is_retryable("Lambda.ServiceUnavailableException"));
        assert!(!r.is_retryable("VALIDATION_ERROR"));
        assert!(!r.is_retryable("AI_ERROR"));
    }

    /// The text of every file under `dir` with one of `exts`.
    fn read_tree(dir: &std::path::Path, exts: &[&str], skip: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                read_tree(&path, exts, skip, out);
            } else if path != skip
                && path
                    .extension()
                    .is_some_and(|e| exts.contains(&e.to_str().unwrap_or_default()))
            {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    /// A threshold nothing reads is a number the config file accepts for nothing: each key is
    /// read as a field (`.key`) in the code or by its dotted name in a query or runbook.
    #[test]
    fn every_threshold_is_read_by_something() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let this = root.join("src/config/thresholds.rs");
        let mut code = String::new();
        read_tree(&root.join("src"), &["rs"], &this, &mut code);
        // This file's own methods read some (`self.backoff_rate`); its tests do not count.
        let own = std::fs::read_to_string(&this).unwrap();
        code.push_str(own.split("#[cfg(test)]").next().unwrap());
        let mut files = String::new();
        for dir in ["queries", "runbooks"] {
            read_tree(&root.join(dir), &["query", "md"], &this, &mut files);
        }
        let read = |section: &str, key: &str| {
            let field = format!(".{key}");
            code.match_indices(&field).any(|(i, _)| {
                !code[i + field.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            }) || files.contains(&format!("{section}.{key}"))
        };
        let table = serde_json::to_value(Thresholds::default()).unwrap();
        let mut unread = Vec::new();
        for (section, keys) in table.as_object().unwrap() {
            for key in keys.as_object().unwrap().keys() {
                if !read(section, key) {
                    unread.push(format!("{section}.{key}"));
                }
            }
        }
        assert!(unread.is_empty(), "thresholds nothing reads: {unread:?}");
    }
}

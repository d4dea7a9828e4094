//! The guides' checklists per period, in the guides' order: each item names what it reads to be
//! checked. Defined here once; collecting, judging, rendering and the tests all follow it.

use super::Period;

/// What an item reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Look {
    /// The health checks whose names match these patterns (`*` any run of characters).
    Checks(&'static [&'static str]),
    /// Library queries that measure: no rows is "not available".
    Measures(&'static [&'static str]),
    /// Library queries that hunt for something bad: no rows is "none found".
    Hunts(&'static [&'static str]),
    /// processing_state in the period: counts by status and type, error and timeout rates and
    /// completion time by type against 002's targets.
    Processing,
    /// The processes to expect tomorrow: the last day's volume and the backlog.
    Forecast,
    /// The AsyncProcessing metrics (002 主要メトリクス) as series.
    AsyncSeries,
    /// Task generation: requests and duration percentiles per day, and their series.
    Performance,
    /// ERROR events by code, and per day.
    Errors,
    /// The profile API (003 監視項目): requests and error rate (its metrics), latency
    /// percentiles (its request logs) as series.
    Profile,
    /// Bedrock tokens as a series.
    Tokens,
    /// The actual spend (Cost Explorer) against the budget and its shares.
    Cost,
    /// Every alarm that changed state in the period.
    AlarmHistory,
    /// `scale recommend`'s evidence and recommendations.
    Capacity,
    /// Incident records of the period.
    Incidents,
    /// processing_state rows past the retention period (`cleanup processing-state`).
    Retention,
    /// Something mandala-ops cannot read: what to check by hand.
    Manual(&'static str),
}

#[derive(Debug)]
pub struct ItemSpec {
    pub title: &'static str,
    pub source: &'static str,
    pub looks: &'static [Look],
}

#[derive(Debug)]
pub struct SectionSpec {
    pub title: &'static str,
    pub source: &'static str,
    pub items: &'static [ItemSpec],
}

use Look::*;

// Groups of health checks, by what the guides look at.
const PROCESSING_CHECKS: Look = Checks(&[
    "async.completion-rate",
    "async.completion-time",
    "async.duration",
    "async.failed",
    "database.processing-state",
    "database.stuck-processing",
    "database.progress-range",
    "logs.progress-decrease",
]);
const QUEUE_CHECKS: Look = Checks(&["database.pending-queue", "async.queue-depth"]);
const SFN_CHECKS: Look = Checks(&["stepfunctions.*"]);
const ERROR_CHECKS: Look = Checks(&[
    "logs.*.errors",
    "logs.database-errors",
    "logs.transaction-failures",
    "lambda.*.errors",
    "api.4xx",
    "api.5xx",
    "bedrock.errors",
    "bedrock.throttles",
]);
const RATE_CHECKS: Look = Checks(&[
    "async.error-rate",
    "async.timeouts",
    "stepfunctions.timed-out",
    "lambda.*.duration",
    "lambda.profile.timeout",
]);
const PERFORMANCE_CHECKS: Look = Checks(&[
    "lambda.*.duration",
    "lambda.*.concurrency",
    "lambda.*.throttles",
    "api.latency",
    "async.start-latency",
    "async.status-latency",
    "bedrock.latency",
    "aurora.capacity",
    "aurora.read-latency",
    "aurora.write-latency",
    "aurora.freeable-memory",
    "database.connections",
    "database.waiting-locks",
    "database.long-queries",
    "database.slow-statements",
    "database.index",
]);
const PROFILE_CHECKS: Look = Checks(&["api.profile-*", "lambda.profile.*", "traffic.*"]);
const ALARM_CHECKS: Look = Checks(&["alarms.*"]);
const CAPACITY_CHECKS: Look = Checks(&[
    "database.size",
    "database.connections",
    "aurora.capacity",
    "aurora.freeable-memory",
    "lambda.*.concurrency",
    "lambda.*.settings",
]);
const LOG_RETENTION_CHECKS: Look = Checks(&["logs.*.retention", "logs.export.*"]);
const ACCESS_CHECKS: Look = Checks(&["security.rate-limit"]);
const IAM_CHECKS: Look = Checks(&["bedrock.access.*"]);
const QUALITY_GRANULARITY: Look = Measures(&["minutes-per-task", "task-count-distribution"]);
const QUALITY_PRIORITY: Look = Measures(&["priority-share"]);
const SECURITY_LOGS: Look = Hunts(&[
    "authentication-errors",
    "forbidden-by-user",
    "profile-unauthorized",
    "prompt-injection",
]);

const DAILY: &[SectionSpec] = &[
    SectionSpec {
        title: "Morning (9:00) 朝",
        source: "002 日常運用 / 日次チェック / 朝（9:00）",
        items: &[
            ItemSpec {
                title: "The previous day's processing 前日の処理状況",
                source: "002 日次チェック / 朝（9:00）: CloudWatchダッシュボードで前日の処理状況を確認",
                looks: &[Processing, AsyncSeries, PROCESSING_CHECKS],
            },
            ItemSpec {
                title: "Error logs エラーログ",
                source: "002 日次チェック / 朝（9:00）: エラーログを確認; 003 日次タスク / 2. エラーログ確認; 000 定期メンテナンス / 日次タスク: エラーログの確認",
                looks: &[Errors, ERROR_CHECKS, Hunts(&["profile-error-logs"])],
            },
            ItemSpec {
                title: "Processes waiting 待機中の処理数",
                source: "002 日次チェック / 朝（9:00）: 待機中の処理数を確認",
                looks: &[QUEUE_CHECKS],
            },
            ItemSpec {
                title: "Step Functions executions Step Functionsの実行状態",
                source: "002 日次チェック / 朝（9:00）: Step Functionsの実行状態を確認",
                looks: &[SFN_CHECKS],
            },
        ],
    },
    SectionSpec {
        title: "Evening (17:00) 夕方",
        source: "002 日常運用 / 日次チェック / 夕方（17:00）",
        items: &[
            ItemSpec {
                title: "The day's processing 当日の処理状況",
                source: "002 日次チェック / 夕方（17:00）: 当日の処理状況を確認",
                looks: &[Checks(&[
                    "async.completion-rate",
                    "async.completion-time",
                    "async.start-latency",
                    "async.status-latency",
                ])],
            },
            ItemSpec {
                title: "Error and timeout rates エラー率、タイムアウト率",
                source: "002 日次チェック / 夕方（17:00）: エラー率、タイムアウト率を確認",
                looks: &[RATE_CHECKS],
            },
            ItemSpec {
                title: "Processes expected tomorrow 翌日の予定処理数",
                source: "002 日次チェック / 夕方（17:00）: 翌日の予定処理数を確認",
                looks: &[Forecast],
            },
        ],
    },
    SectionSpec {
        title: "Dashboard ダッシュボード確認",
        source: "003 日常運用タスク / 日次タスク / 1. ダッシュボード確認",
        items: &[
            ItemSpec {
                title: "Profile API requests, error rate and response time リクエスト数・エラー率・レスポンス時間の推移",
                source: "003 日次タスク / 1. ダッシュボード確認 / 確認項目",
                looks: &[Profile, PROFILE_CHECKS],
            },
            ItemSpec {
                title: "Alarms アラート発生状況",
                source: "003 日次タスク / 1. ダッシュボード確認 / 確認項目: アラート発生状況",
                looks: &[ALARM_CHECKS, AlarmHistory],
            },
        ],
    },
    SectionSpec {
        title: "Daily tasks 日次タスク",
        source: "000 定期メンテナンス / 日次タスク",
        items: &[
            ItemSpec {
                title: "Performance metrics パフォーマンスメトリクスの確認",
                source: "000 定期メンテナンス / 日次タスク: パフォーマンスメトリクスの確認",
                looks: &[Performance, PERFORMANCE_CHECKS],
            },
            ItemSpec {
                title: "Token usage トークン使用量の確認",
                source: "000 定期メンテナンス / 日次タスク: トークン使用量の確認",
                looks: &[Tokens, Checks(&["bedrock.quota", "bedrock.throttles"])],
            },
            ItemSpec {
                title: "Cost コストの確認",
                source: "000 定期メンテナンス / 日次タスク: コストの確認; 002 コスト管理",
                looks: &[Cost],
            },
            ItemSpec {
                title: "Task granularity タスク粒度分布の確認",
                source: "000 定期メンテナンス / 日次タスク: タスク粒度分布の確認",
                looks: &[QUALITY_GRANULARITY],
            },
            ItemSpec {
                title: "Priorities 優先度分布の確認",
                source: "000 定期メンテナンス / 日次タスク: 優先度分布の確認",
                looks: &[QUALITY_PRIORITY],
            },
        ],
    },
    SectionSpec {
        title: "Security (daily) セキュリティ監査",
        source: "002 セキュリティ管理 / セキュリティ監査 / 日次",
        items: &[
            ItemSpec {
                title: "Authentication failures 認証失敗ログ",
                source: "002 セキュリティ監査 / 日次: 認証失敗ログを確認",
                looks: &[Hunts(&["authentication-errors"])],
            },
            ItemSpec {
                title: "Unauthorized access attempts 不正アクセス試行",
                source: "002 セキュリティ監査 / 日次: 不正アクセス試行を確認",
                looks: &[Hunts(&["forbidden-by-user", "prompt-injection"])],
            },
            ItemSpec {
                title: "Rate-limit rejections レート制限超過",
                source: "002 セキュリティ監査 / 日次: レート制限超過を確認",
                looks: &[ACCESS_CHECKS],
            },
        ],
    },
];

const WEEKLY: &[SectionSpec] = &[
    SectionSpec {
        title: "Monday 月曜日",
        source: "002 日常運用 / 週次チェック / 月曜日",
        items: &[
            ItemSpec {
                title: "Last week's processing 前週の処理統計",
                source: "002 週次チェック / 月曜日: 前週の処理統計を確認",
                looks: &[
                    Processing,
                    AsyncSeries,
                    PROCESSING_CHECKS,
                    QUEUE_CHECKS,
                    SFN_CHECKS,
                ],
            },
            ItemSpec {
                title: "Error trend エラー傾向",
                source: "002 週次チェック / 月曜日: エラー傾向を分析",
                looks: &[Errors, ERROR_CHECKS, RATE_CHECKS],
            },
            ItemSpec {
                title: "Performance パフォーマンス指標",
                source: "002 週次チェック / 月曜日: パフォーマンス指標を確認; 000 週次タスク: パフォーマンストレンドの分析",
                looks: &[Performance, PERFORMANCE_CHECKS],
            },
            ItemSpec {
                title: "Capacity plan 容量計画",
                source: "002 週次チェック / 月曜日: 容量計画を見直し; 002 キャパシティプランニング",
                looks: &[Capacity, CAPACITY_CHECKS],
            },
        ],
    },
    SectionSpec {
        title: "Weekly tasks 週次タスク",
        source: "000 定期メンテナンス / 週次タスク; 003 日常運用タスク / 週次タスク",
        items: &[
            ItemSpec {
                title: "Alarm history アラート履歴の確認",
                source: "000 定期メンテナンス / 週次タスク: アラート履歴の確認",
                looks: &[AlarmHistory, ALARM_CHECKS],
            },
            ItemSpec {
                title: "Profile API performance review パフォーマンスレビュー",
                source: "003 週次タスク / 1. パフォーマンスレビュー",
                looks: &[Profile, PROFILE_CHECKS],
            },
            ItemSpec {
                title: "Security logs セキュリティログの確認",
                source: "000 定期メンテナンス / 週次タスク: セキュリティログの確認; 003 週次タスク / 2. セキュリティログ確認",
                looks: &[SECURITY_LOGS, ACCESS_CHECKS],
            },
            ItemSpec {
                title: "Task granularity accuracy タスク粒度調整精度の確認",
                source: "000 定期メンテナンス / 週次タスク: タスク粒度調整精度の確認",
                looks: &[QUALITY_GRANULARITY],
            },
            ItemSpec {
                title: "Priority accuracy 優先度設定精度の確認",
                source: "000 定期メンテナンス / 週次タスク: 優先度設定精度の確認",
                looks: &[QUALITY_PRIORITY],
            },
        ],
    },
    SectionSpec {
        title: "Security audit (weekly) セキュリティ監査",
        source: "002 セキュリティ管理 / セキュリティ監査 / 週次",
        items: &[
            ItemSpec {
                title: "IAM role permissions IAMロールの権限",
                source: "002 セキュリティ監査 / 週次: IAMロールの権限を確認",
                looks: &[IAM_CHECKS],
            },
            ItemSpec {
                title: "Security groups セキュリティグループの設定",
                source: "002 セキュリティ監査 / 週次: セキュリティグループの設定を確認",
                looks: &[Manual(
                    "mandala-ops does not read VPC security groups: review the Lambda and Aurora groups in the VPC console",
                )],
            },
            ItemSpec {
                title: "Leaked secrets 機密情報の漏洩",
                source: "002 セキュリティ監査 / 週次: 機密情報の漏洩がないか確認",
                looks: &[Manual(
                    "not searched for by mandala-ops: `incident capture` redacts secrets, it does not report them",
                )],
            },
        ],
    },
    SectionSpec {
        title: "Maintenance (Sunday 2:00-4:00) 定期メンテナンス",
        source: "002 定期メンテナンス / 週次（日曜日 2:00-4:00）",
        items: &[
            ItemSpec {
                title: "Old processing records 古い処理レコードのクリーンアップ",
                source: "002 定期メンテナンス / 週次: 古い処理レコードのクリーンアップ（90日以上前）",
                looks: &[Retention],
            },
            ItemSpec {
                title: "Database indexes データベースインデックスの最適化",
                source: "002 定期メンテナンス / 週次: データベースインデックスの最適化",
                looks: &[Checks(&["database.index", "database.slow-statements"])],
            },
            ItemSpec {
                title: "Log archive ログの圧縮とアーカイブ",
                source: "002 定期メンテナンス / 週次: ログの圧縮とアーカイブ",
                looks: &[LOG_RETENTION_CHECKS],
            },
        ],
    },
];

const MONTHLY: &[SectionSpec] = &[
    SectionSpec {
        title: "First of the month 月初",
        source: "002 日常運用 / 月次チェック / 月初; 003 月次タスク / 1. 月次レポート作成",
        items: &[
            ItemSpec {
                title: "Last month's processing 前月の処理統計",
                source: "002 月次チェック / 月初: 前月の処理統計レポートを作成",
                looks: &[
                    Processing,
                    AsyncSeries,
                    PROCESSING_CHECKS,
                    QUEUE_CHECKS,
                    SFN_CHECKS,
                ],
            },
            ItemSpec {
                title: "Requests and error rate リクエスト数・エラー率の推移",
                source: "003 月次タスク / 1. 月次レポート作成: リクエスト数の推移, エラー率の推移",
                looks: &[Profile, Errors, PROFILE_CHECKS, ERROR_CHECKS, RATE_CHECKS],
            },
            ItemSpec {
                title: "Performance パフォーマンスメトリクス",
                source: "003 月次タスク / 1. 月次レポート作成: パフォーマンスメトリクス; 001 月次メンテナンス / 3. パフォーマンスレビュー",
                looks: &[Performance, PERFORMANCE_CHECKS],
            },
            ItemSpec {
                title: "Incidents インシデント一覧",
                source: "003 月次タスク / 1. 月次レポート作成: インシデント一覧",
                looks: &[Incidents, AlarmHistory, ALARM_CHECKS],
            },
            ItemSpec {
                title: "Cost analysis and budget コスト分析と予算確認",
                source: "002 月次チェック / 月初: コスト分析を実施; 000 月次タスク: コスト分析と予算確認; 003 月次タスク / 2. コスト分析; 001 コスト監視",
                looks: &[Cost],
            },
            ItemSpec {
                title: "Performance improvement plan パフォーマンス改善計画",
                source: "002 月次チェック / 月初: パフォーマンス改善計画を策定; 000 月次タスク: パフォーマンス最適化の検討",
                looks: &[
                    Capacity,
                    Checks(&[
                        "database.slow-statements",
                        "database.index",
                        "database.size",
                    ]),
                ],
            },
        ],
    },
    SectionSpec {
        title: "Security audit (monthly) セキュリティ監査",
        source: "002 セキュリティ管理 / セキュリティ監査 / 月次; 000 月次タスク: セキュリティ監査",
        items: &[
            ItemSpec {
                title: "Access log audit アクセスログの監査",
                source: "002 セキュリティ監査 / 月次: アクセスログの監査",
                looks: &[SECURITY_LOGS, ACCESS_CHECKS, IAM_CHECKS],
            },
            ItemSpec {
                title: "Vulnerabilities and patches 脆弱性スキャン・セキュリティパッチ",
                source: "002 セキュリティ監査 / 月次: 脆弱性スキャンを実施, セキュリティパッチの適用状況を確認",
                looks: &[Manual(
                    "mandala-ops runs no vulnerability scanner: use the account's scanner (such as Amazon Inspector) and the dependency updates of 001 四半期メンテナンス",
                )],
            },
        ],
    },
    SectionSpec {
        title: "Logic review ロジックの見直し",
        source: "000 定期メンテナンス / 月次タスク",
        items: &[
            ItemSpec {
                title: "Task granularity logic タスク粒度調整ロジックの見直し",
                source: "000 定期メンテナンス / 月次タスク: タスク粒度調整ロジックの見直し",
                looks: &[Measures(&[
                    "minutes-per-task",
                    "task-count-distribution",
                    "estimated-minutes-distribution",
                ])],
            },
            ItemSpec {
                title: "Priority logic 優先度設定ロジックの見直し",
                source: "000 定期メンテナンス / 月次タスク: 優先度設定ロジックの見直し",
                looks: &[Measures(&["priority-share", "priority-by-action-type"])],
            },
        ],
    },
    SectionSpec {
        title: "Maintenance (first Sunday 2:00-6:00) 定期メンテナンス",
        source: "002 定期メンテナンス / 月次（第1日曜日 2:00-6:00）; 001 メンテナンス / 月次メンテナンス",
        items: &[
            ItemSpec {
                title: "Database backups データベースバックアップの検証",
                source: "002 定期メンテナンス / 月次: データベースバックアップの検証",
                looks: &[Checks(&[
                    "aurora.backup-*",
                    "aurora.restorable",
                    "aurora.snapshot",
                ])],
            },
            ItemSpec {
                title: "Disaster recovery drill 災害復旧手順のテスト",
                source: "002 定期メンテナンス / 月次: 災害復旧手順のテスト",
                looks: &[Manual(
                    "a restore drill is done by people; `aurora.restorable` under backups shows how far back a restore can go",
                )],
            },
            ItemSpec {
                title: "Logs and cleanup ログの確認とクリーンアップ",
                source: "001 月次メンテナンス / 1. ログの確認とクリーンアップ",
                looks: &[LOG_RETENTION_CHECKS, Retention],
            },
        ],
    },
];

/// The checklist of `period`.
pub fn sections(period: Period) -> &'static [SectionSpec] {
    match period {
        Period::Daily => DAILY,
        Period::Weekly => WEEKLY,
        Period::Monthly => MONTHLY,
    }
}

/// Every look of the period's checklist.
pub fn looks(period: Period) -> impl Iterator<Item = &'static Look> {
    sections(period)
        .iter()
        .flat_map(|s| s.items)
        .flat_map(|i| i.looks)
}

/// Whether the period's checklist reads `look` (compared by kind, not by content).
pub fn reads(period: Period, look: Look) -> bool {
    looks(period).any(|l| std::mem::discriminant(l) == std::mem::discriminant(&look))
}

/// Every library query the period's checklist names.
pub fn queries(period: Period) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = looks(period)
        .flat_map(|l| match l {
            Measures(q) | Hunts(q) => q.iter().copied(),
            _ => [].iter().copied(),
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether a health check named `name` belongs to one of the period's items.
pub fn covers(period: Period, name: &str) -> bool {
    looks(period).any(|l| matches!(l, Checks(p) if matches_any(p, name)))
}

pub fn matches_any(patterns: &[&str], name: &str) -> bool {
    patterns
        .iter()
        .any(|p| wildmatch::WildMatch::new(p).matches(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_named_is_in_the_library() {
        let lib =
            crate::insights::library::Library::load(None, &crate::config::Thresholds::default())
                .unwrap();
        for period in [Period::Daily, Period::Weekly, Period::Monthly] {
            for name in queries(period) {
                assert!(lib.get(name).is_ok(), "{name}");
            }
        }
    }

    #[test]
    fn every_pattern_matches_a_health_check() {
        let names: Vec<String> = crate::health::catalogue()
            .iter()
            .map(|c| c.name.clone())
            .collect();
        for period in [Period::Daily, Period::Weekly, Period::Monthly] {
            for look in looks(period) {
                if let Checks(patterns) = look {
                    for p in *patterns {
                        // A check may give a row per resource, named below its own name.
                        assert!(
                            names.iter().any(|n| matches_any(&[p], n)
                                || matches_any(&[p], &format!("{n}.resource"))),
                            "{p} matches no health check"
                        );
                    }
                }
            }
        }
    }
}

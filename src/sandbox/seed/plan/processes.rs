//! The processing_state rows of a scenario, each kind of row spelled out with what it shows.

use super::{Execution, Process, Scenario, mins};
use crate::config::thresholds::Targets;
use crate::pipeline::domain::Kind;
use crate::sandbox::seed::mandala::{self, Goal};
use jiff::Timestamp;
use serde_json::json;
use uuid::Uuid;

struct RowSpec {
    status: &'static str,
    execution: Execution,
    count: usize,
    /// Minutes since the row was created and since it was last updated.
    created_min: (i64, i64),
    updated_min: (i64, i64),
    progress: (i32, i32),
    error: Option<(&'static str, &'static str)>,
    label: &'static str,
}

pub fn processes(
    scenario: Scenario,
    now: Timestamp,
    goals: &[Goal],
    targets: &Targets,
    rng: &mut fastrand::Rng,
) -> Vec<Process> {
    use Execution::*;
    let throttled = || Fail {
        error: "ThrottlingException".into(),
        cause: "Bedrock InvokeModel: Rate exceeded (AI_ERROR)".into(),
    };
    let day = 24 * 60;
    let mut specs = vec![
        RowSpec {
            status: "COMPLETED",
            execution: Succeed,
            count: 36,
            created_min: (30, day),
            updated_min: (0, 0),
            progress: (100, 100),
            error: None,
            label: "completed in the last day",
        },
        RowSpec {
            status: "PROCESSING",
            execution: Run,
            count: 3,
            created_min: (2, 6),
            updated_min: (0, 1),
            progress: (20, 70),
            error: None,
            label: "processing normally",
        },
        // Past the 90-day retention (002 データクリーンアップ); executions expired with them.
        RowSpec {
            status: "COMPLETED",
            execution: NotStarted,
            count: 24,
            created_min: (95 * day, 180 * day),
            updated_min: (0, 0),
            progress: (100, 100),
            error: None,
            label: "older than the retention period",
        },
        RowSpec {
            status: "FAILED",
            execution: NotStarted,
            count: 4,
            created_min: (100 * day, 150 * day),
            updated_min: (0, 0),
            progress: (40, 60),
            error: Some(("AI_ERROR", "Bedrock APIでエラーが発生しました")),
            label: "older than the retention period",
        },
        RowSpec {
            status: "CANCELLED",
            execution: NotStarted,
            count: 2,
            created_min: (100 * day, 150 * day),
            updated_min: (0, 0),
            progress: (30, 30),
            error: None,
            label: "older than the retention period",
        },
        RowSpec {
            status: "TIMEOUT",
            execution: NotStarted,
            count: 2,
            created_min: (100 * day, 150 * day),
            updated_min: (0, 0),
            progress: (80, 80),
            error: Some(("TIMEOUT_ERROR", "処理時間が制限を超えました")),
            label: "older than the retention period",
        },
    ];
    match scenario {
        Scenario::Healthy => {
            specs.push(RowSpec {
                status: "PENDING",
                execution: NotStarted,
                count: 5,
                created_min: (0, 3),
                updated_min: (0, 0),
                progress: (0, 0),
                error: None,
                label: "waiting to start",
            });
            specs.push(RowSpec {
                status: "CANCELLED",
                execution: Abort,
                count: 1,
                created_min: (60, 90),
                updated_min: (0, 0),
                progress: (30, 30),
                error: None,
                label: "cancelled by the user",
            });
        }
        Scenario::Incident => {
            // 004 処理が完了しない / 処理状態とStep Functionsの不一致: rows stuck in PROCESSING whose
            // executions ended, or still run.
            specs.extend([
                RowSpec {
                    status: "PROCESSING",
                    execution: Succeed,
                    count: 2,
                    created_min: (150, 200),
                    updated_min: (100, 130),
                    progress: (85, 95),
                    error: None,
                    label: "stuck: execution SUCCEEDED",
                },
                RowSpec {
                    status: "PROCESSING",
                    execution: throttled(),
                    count: 2,
                    created_min: (150, 200),
                    updated_min: (100, 130),
                    progress: (40, 60),
                    error: None,
                    label: "stuck: execution FAILED",
                },
                RowSpec {
                    status: "PROCESSING",
                    execution: TimeOut,
                    count: 2,
                    created_min: (150, 200),
                    updated_min: (100, 130),
                    progress: (50, 70),
                    error: None,
                    label: "stuck: execution TIMED_OUT",
                },
                // 004 キャンセルが効かない: the execution was stopped, the row never updated.
                RowSpec {
                    status: "PROCESSING",
                    execution: Abort,
                    count: 2,
                    created_min: (150, 200),
                    updated_min: (100, 130),
                    progress: (20, 40),
                    error: None,
                    label: "stuck: execution ABORTED",
                },
                RowSpec {
                    status: "PROCESSING",
                    execution: Run,
                    count: 2,
                    created_min: (90, 120),
                    updated_min: (45, 60),
                    progress: (30, 50),
                    error: None,
                    label: "stuck: execution still RUNNING",
                },
                RowSpec {
                    status: "PROCESSING",
                    execution: Missing,
                    count: 1,
                    created_min: (240, 260),
                    updated_min: (200, 220),
                    progress: (10, 10),
                    error: None,
                    label: "stuck: execution missing",
                },
                // 004 進捗率の異常.
                RowSpec {
                    status: "COMPLETED",
                    execution: Succeed,
                    count: 1,
                    created_min: (60, 70),
                    updated_min: (0, 0),
                    progress: (130, 130),
                    error: None,
                    label: "progress above 100",
                },
                RowSpec {
                    status: "PROCESSING",
                    execution: Run,
                    count: 1,
                    created_min: (3, 4),
                    updated_min: (0, 1),
                    progress: (-10, -10),
                    error: None,
                    label: "progress below 0",
                },
                // 002 待機中処理数アラート: more than 100 PENDING.
                RowSpec {
                    status: "PENDING",
                    execution: NotStarted,
                    count: 120,
                    created_min: (0, 30),
                    updated_min: (0, 0),
                    progress: (0, 0),
                    error: None,
                    label: "waiting to start (backlog)",
                },
                // Retry candidates: retryable (004 isRetryableError) and not.
                RowSpec {
                    status: "FAILED",
                    execution: throttled(),
                    count: 3,
                    created_min: (30, 50),
                    updated_min: (0, 0),
                    progress: (40, 60),
                    error: Some(("AI_ERROR", "ThrottlingException: Rate exceeded")),
                    label: "failed: retryable",
                },
                RowSpec {
                    status: "FAILED",
                    execution: Fail {
                        error: "VALIDATION_ERROR".into(),
                        cause: "入力値が不正です".into(),
                    },
                    count: 2,
                    created_min: (30, 50),
                    updated_min: (0, 0),
                    progress: (0, 0),
                    error: Some(("VALIDATION_ERROR", "入力値が不正です")),
                    label: "failed: not retryable",
                },
                RowSpec {
                    status: "TIMEOUT",
                    execution: TimeOut,
                    count: 2,
                    created_min: (40, 55),
                    updated_min: (0, 0),
                    progress: (70, 80),
                    error: Some(("TIMEOUT_ERROR", "処理時間が制限を超えました")),
                    label: "timed out: retryable",
                },
                // Outside the retention period but not terminal: cleanup must keep it.
                RowSpec {
                    status: "PROCESSING",
                    execution: Missing,
                    count: 1,
                    created_min: (100 * day, 100 * day),
                    updated_min: (100 * day, 100 * day),
                    progress: (50, 50),
                    error: None,
                    label: "stuck for 100 days",
                },
            ]);
        }
    }
    let kinds = [
        Kind::SubgoalGeneration,
        Kind::ActionGeneration,
        Kind::TaskGeneration,
    ]
    .map(|kind| {
        // Each kind finishes within its target time (002 パフォーマンス指標 / 目標値).
        let took = match kind {
            Kind::SubgoalGeneration => targets.subgoal_minutes,
            Kind::ActionGeneration => targets.action_minutes,
            Kind::TaskGeneration => targets.task_minutes,
        };
        (kind.as_str(), mandala::targets(goals, kind), took)
    });
    let mut rows = Vec::new();
    for s in specs {
        for _ in 0..s.count {
            let (kind, targets, took) = &kinds[rng.usize(..kinds.len())];
            let target = &targets[rng.usize(..targets.len())];
            let created_min = rng.i64(s.created_min.0..=s.created_min.1);
            let created_at = now - mins(created_min);
            let terminal = matches!(s.status, "COMPLETED" | "FAILED" | "CANCELLED" | "TIMEOUT");
            let updated_at = if terminal {
                let took = rng.i64(took.min as i64..=took.max as i64).min(created_min);
                now - mins(created_min - took)
            } else {
                now - mins(rng.i64(s.updated_min.0..=s.updated_min.1).min(created_min))
            };
            let id = Uuid::new_v4();
            let input = json!({
                "processId": id,
                "userId": target.user_id,
                "type": kind,
                "params": target.params,
            });
            let mut result = target.params.clone();
            result["generated"] = target.generated.into();
            rows.push(Process {
                id,
                user_id: target.user_id,
                kind,
                status: s.status,
                progress: rng.i32(s.progress.0..=s.progress.1),
                result: (s.status == "COMPLETED").then_some(result),
                error: s
                    .error
                    .map(|(code, message)| json!({"code": code, "message": message})),
                input,
                created_at,
                updated_at,
                completed_at: terminal.then_some(updated_at),
                execution: s.execution.clone(),
                label: s.label,
            });
        }
    }
    rows
}

//! What a scenario contains, computed before anything is written: goals and what the pipeline
//! generated for them, processing rows and the executions they belong to, a day of structured
//! logs, metrics and alarm states. Pure and deterministic apart from ids and the current time,
//! so it is tested without any server.

use super::mandala::{self, Goal};
use crate::alarms::catalog::{ALARMS, AlarmSpec};
use crate::aws::metrics::{Dimension, Namespace};
use crate::config::{Component, Thresholds};
use crate::pipeline::Ids;
use crate::pipeline::case::{self, Case};
use crate::pipeline::domain::Kind;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Scenario {
    /// Normal traffic: every check passes
    Healthy,
    /// Every problem of the troubleshooting guide at once
    Incident,
}

/// How the Step Functions execution of a row ends up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Execution {
    Succeed,
    Fail {
        error: String,
        cause: String,
    },
    TimeOut,
    Run,
    Abort,
    /// The row names an execution that does not exist.
    Missing,
    /// No execution (PENDING rows, and old rows whose history has expired).
    NotStarted,
}

impl Execution {
    /// The routing value the sandbox's state machine reads from the execution input.
    pub fn route(&self) -> &'static str {
        match self {
            Execution::Succeed => "succeed",
            Execution::Fail { .. } => "fail",
            Execution::TimeOut => "timeout",
            Execution::Run | Execution::Abort => "run",
            Execution::Missing | Execution::NotStarted => "none",
        }
    }

    /// The status the execution settles in.
    pub fn final_status(&self) -> Option<&'static str> {
        match self {
            Execution::Succeed => Some("SUCCEEDED"),
            Execution::Fail { .. } => Some("FAILED"),
            Execution::TimeOut => Some("TIMED_OUT"),
            Execution::Run => Some("RUNNING"),
            Execution::Abort => Some("ABORTED"),
            Execution::Missing | Execution::NotStarted => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Process {
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: &'static str,
    pub status: &'static str,
    pub progress: i32,
    pub input: Value,
    pub result: Option<Value>,
    pub error: Option<Value>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub completed_at: Option<Timestamp>,
    pub execution: Execution,
    /// What the row demonstrates, for the seed's summary.
    pub label: &'static str,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: &'static str,
    pub industry: &'static str,
    pub job_title: &'static str,
}

#[derive(Debug, Clone)]
pub struct LogEvent {
    pub component: Component,
    pub timestamp: Timestamp,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Datum {
    pub namespace: Namespace,
    pub metric: &'static str,
    pub dimension: Dimension,
    pub timestamp: Timestamp,
    pub value: f64,
    pub unit: &'static str,
}

#[derive(Debug, Clone)]
pub struct AlarmState {
    pub spec: &'static AlarmSpec,
    pub state: &'static str,
    pub reason: String,
}

pub struct Plan {
    pub scenario: Scenario,
    pub now: Timestamp,
    pub users: Vec<User>,
    pub goals: Vec<Goal>,
    pub processes: Vec<Process>,
    pub logs: Vec<LogEvent>,
    pub metrics: Vec<Datum>,
    pub alarms: Vec<AlarmState>,
}

const NAMES: [(&str, &str, &str); 8] = [
    ("佐藤 美咲", "IT・通信", "エンジニア"),
    ("鈴木 健太", "製造", "営業"),
    ("高橋 由美", "金融", "企画"),
    ("田中 翔", "医療・福祉", "看護師"),
    ("伊藤 愛", "教育", "教員"),
    ("渡辺 大輔", "小売", "店長"),
    ("山本 彩", "IT・通信", "デザイナー"),
    ("中村 拓海", "建設", "施工管理"),
];

fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

pub async fn plan(scenario: Scenario, now: Timestamp, t: &Thresholds) -> Plan {
    let mut rng = fastrand::Rng::with_seed(match scenario {
        Scenario::Healthy => 2025,
        Scenario::Incident => 2026,
    });
    let users: Vec<User> = NAMES
        .iter()
        .enumerate()
        .map(|(i, (name, industry, job))| User {
            id: Uuid::new_v4(),
            email: format!("user{}@example.com", i + 1),
            display_name: name,
            industry,
            job_title: job,
        })
        .collect();
    let user_ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
    let cases = case::shipped();
    let goals = mandala::build(&cases, &user_ids, t).await;
    let processes = processes(scenario, now, &goals, &mut rng);
    let mut logs = Vec::new();
    for p in &processes {
        logs.extend(process_events(p, now, &mut rng));
    }
    let mut plays = task_generations(&users, &mut rng);
    logs.extend(handler_events(scenario, now, &processes, &mut rng));
    logs.extend(profile_events(scenario, now, &users, &mut rng));
    if scenario == Scenario::Incident {
        logs.extend(incident_burst(now, &users, &processes, &mut rng));
        plays.extend(incident_generations(&users, &mut rng));
    }
    logs.extend(replay_all(&cases, plays, now, t, &mut rng).await);
    logs.sort_by_key(|e| e.timestamp);
    let metrics = metrics(scenario, now, &mut rng);
    let alarms = alarm_states(&metrics, now);
    Plan {
        scenario,
        now,
        users,
        goals,
        processes,
        logs,
        metrics,
        alarms,
    }
}

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

fn processes(
    scenario: Scenario,
    now: Timestamp,
    goals: &[Goal],
    rng: &mut fastrand::Rng,
) -> Vec<Process> {
    use Execution::*;
    let throttled = || Fail {
        error: "ThrottlingException".into(),
        cause: "Bedrock InvokeModel: Rate exceeded (AI_ERROR)".into(),
    };
    let spec =
        |status, execution, count, created_min, updated_min, progress, error, label| RowSpec {
            status,
            execution,
            count,
            created_min,
            updated_min,
            progress,
            error,
            label,
        };
    let day = 24 * 60;
    let mut specs = vec![
        spec(
            "COMPLETED",
            Succeed,
            36,
            (30, day),
            (0, 0),
            (100, 100),
            None,
            "completed in the last day",
        ),
        spec(
            "PROCESSING",
            Run,
            3,
            (2, 6),
            (0, 1),
            (20, 70),
            None,
            "processing normally",
        ),
        // Past the 90-day retention (002 データクリーンアップ); executions expired with them.
        spec(
            "COMPLETED",
            NotStarted,
            24,
            (95 * day, 180 * day),
            (0, 0),
            (100, 100),
            None,
            "older than the retention period",
        ),
        spec(
            "FAILED",
            NotStarted,
            4,
            (100 * day, 150 * day),
            (0, 0),
            (40, 60),
            Some(("AI_ERROR", "Bedrock APIでエラーが発生しました")),
            "older than the retention period",
        ),
        spec(
            "CANCELLED",
            NotStarted,
            2,
            (100 * day, 150 * day),
            (0, 0),
            (30, 30),
            None,
            "older than the retention period",
        ),
        spec(
            "TIMEOUT",
            NotStarted,
            2,
            (100 * day, 150 * day),
            (0, 0),
            (80, 80),
            Some(("TIMEOUT_ERROR", "処理時間が制限を超えました")),
            "older than the retention period",
        ),
    ];
    match scenario {
        Scenario::Healthy => {
            specs.push(spec(
                "PENDING",
                NotStarted,
                5,
                (0, 3),
                (0, 0),
                (0, 0),
                None,
                "waiting to start",
            ));
            specs.push(spec(
                "CANCELLED",
                Abort,
                1,
                (60, 90),
                (0, 0),
                (30, 30),
                None,
                "cancelled by the user",
            ));
        }
        Scenario::Incident => {
            // 004 処理が完了しない / 処理状態とStep Functionsの不一致: rows stuck in PROCESSING whose
            // executions ended, or still run.
            specs.extend([
                spec(
                    "PROCESSING",
                    Succeed,
                    2,
                    (150, 200),
                    (100, 130),
                    (85, 95),
                    None,
                    "stuck: execution SUCCEEDED",
                ),
                spec(
                    "PROCESSING",
                    throttled(),
                    2,
                    (150, 200),
                    (100, 130),
                    (40, 60),
                    None,
                    "stuck: execution FAILED",
                ),
                spec(
                    "PROCESSING",
                    TimeOut,
                    2,
                    (150, 200),
                    (100, 130),
                    (50, 70),
                    None,
                    "stuck: execution TIMED_OUT",
                ),
                // 004 キャンセルが効かない: the execution was stopped, the row never updated.
                spec(
                    "PROCESSING",
                    Abort,
                    2,
                    (150, 200),
                    (100, 130),
                    (20, 40),
                    None,
                    "stuck: execution ABORTED",
                ),
                spec(
                    "PROCESSING",
                    Run,
                    2,
                    (90, 120),
                    (45, 60),
                    (30, 50),
                    None,
                    "stuck: execution still RUNNING",
                ),
                spec(
                    "PROCESSING",
                    Missing,
                    1,
                    (240, 260),
                    (200, 220),
                    (10, 10),
                    None,
                    "stuck: execution missing",
                ),
                // 004 進捗率の異常.
                spec(
                    "COMPLETED",
                    Succeed,
                    1,
                    (60, 70),
                    (0, 0),
                    (130, 130),
                    None,
                    "progress above 100",
                ),
                spec(
                    "PROCESSING",
                    Run,
                    1,
                    (3, 4),
                    (0, 1),
                    (-10, -10),
                    None,
                    "progress below 0",
                ),
                // 002 待機中処理数アラート: more than 100 PENDING.
                spec(
                    "PENDING",
                    NotStarted,
                    120,
                    (0, 30),
                    (0, 0),
                    (0, 0),
                    None,
                    "waiting to start (backlog)",
                ),
                // Retry candidates: retryable (004 isRetryableError) and not.
                spec(
                    "FAILED",
                    throttled(),
                    3,
                    (30, 50),
                    (0, 0),
                    (40, 60),
                    Some(("AI_ERROR", "ThrottlingException: Rate exceeded")),
                    "failed: retryable",
                ),
                spec(
                    "FAILED",
                    Fail {
                        error: "VALIDATION_ERROR".into(),
                        cause: "入力値が不正です".into(),
                    },
                    2,
                    (30, 50),
                    (0, 0),
                    (0, 0),
                    Some(("VALIDATION_ERROR", "入力値が不正です")),
                    "failed: not retryable",
                ),
                spec(
                    "TIMEOUT",
                    TimeOut,
                    2,
                    (40, 55),
                    (0, 0),
                    (70, 80),
                    Some(("TIMEOUT_ERROR", "処理時間が制限を超えました")),
                    "timed out: retryable",
                ),
                // Outside the retention period but not terminal: cleanup must keep it.
                spec(
                    "PROCESSING",
                    Missing,
                    1,
                    (100 * day, 100 * day),
                    (100 * day, 100 * day),
                    (50, 50),
                    None,
                    "stuck for 100 days",
                ),
            ]);
        }
    }
    let kinds = [
        Kind::SubgoalGeneration,
        Kind::ActionGeneration,
        Kind::TaskGeneration,
    ]
    .map(|kind| (kind.as_str(), mandala::targets(goals, kind)));
    let mut rows = Vec::new();
    for s in specs {
        for _ in 0..s.count {
            let (kind, targets) = &kinds[rng.usize(..kinds.len())];
            let target = &targets[rng.usize(..targets.len())];
            let created_min = rng.i64(s.created_min.0..=s.created_min.1);
            let created_at = now - mins(created_min);
            let terminal = matches!(s.status, "COMPLETED" | "FAILED" | "CANCELLED" | "TIMEOUT");
            let updated_at = if terminal {
                // Finished 3-15 minutes after it started (002 パフォーマンス指標).
                let took = rng.i64(3..=15).min(created_min);
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

fn iso(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn event(component: Component, timestamp: Timestamp, body: Value) -> LogEvent {
    let mut body = body;
    if let Some(obj) = body.as_object_mut() {
        obj.insert("timestamp".into(), Value::String(iso(timestamp)));
    }
    LogEvent {
        component,
        timestamp,
        message: body.to_string(),
    }
}

fn random_uuid(rng: &mut fastrand::Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes()).into_uuid()
}

fn request_id(rng: &mut fastrand::Rng) -> String {
    random_uuid(rng).to_string()
}

/// Lambda's platform lines for one invocation (`REPORT` gives Logs Insights `@duration`,
/// `@maxMemoryUsed` and `@memorySize`).
fn platform(
    component: Component,
    at: Timestamp,
    duration_ms: f64,
    memory_mb: u32,
    used_mb: u32,
    rng: &mut fastrand::Rng,
) -> Vec<LogEvent> {
    let id = request_id(rng);
    let end = at
        .checked_add(SignedDuration::from_millis(duration_ms as i64))
        .expect("in range");
    vec![
        LogEvent {
            component,
            timestamp: at,
            message: format!("START RequestId: {id} Version: $LATEST"),
        },
        LogEvent {
            component,
            timestamp: end,
            message: format!("END RequestId: {id}"),
        },
        LogEvent {
            component,
            timestamp: end,
            message: format!(
                "REPORT RequestId: {id}\tDuration: {duration_ms:.2} ms\tBilled Duration: {} ms\tMemory Size: {memory_mb} MB\tMax Memory Used: {used_mb} MB",
                duration_ms.ceil() as u64
            ),
        },
    ]
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "SUBGOAL_GENERATION" => "サブ目標",
        "ACTION_GENERATION" => "アクション",
        _ => "タスク",
    }
}

/// The AI generation worker's log of one process (002 ログフォーマット).
fn process_events(p: &Process, now: Timestamp, rng: &mut fastrand::Rng) -> Vec<LogEvent> {
    // PENDING work has not reached the worker; logs of old rows are gone
    // (002 データ保持ポリシー: CloudWatch Logs 30日).
    if p.status == "PENDING" || p.created_at < now - SignedDuration::from_hours(24 * 30) {
        return Vec::new();
    }
    let w = Component::AiGenerationWorker;
    let base = json!({"processId": p.id, "userId": p.user_id, "type": p.kind});
    let with = |extra: Value| {
        let mut v = base.clone();
        for (k, val) in extra.as_object().expect("object") {
            v[k] = val.clone();
        }
        v
    };
    let request = request_id(rng);
    let mut events = vec![event(
        w,
        p.created_at,
        with(
            json!({"level": "INFO", "action": "process_started", "requestId": request, "status": "PROCESSING", "progress": 0, "message": "AI生成処理を開始しました"}),
        ),
    )];
    let total_ms = p.updated_at.duration_since(p.created_at).as_millis() as i64;
    let half = p
        .created_at
        .checked_add(SignedDuration::from_millis(total_ms / 2))
        .expect("in range");
    events.push(event(
        w,
        half,
        with(json!({"level": "INFO", "action": "process_progress", "requestId": request, "status": "PROCESSING", "progress": 50, "message": "AI生成処理が50%完了しました", "duration": total_ms / 2})),
    ));
    match p.status {
        "COMPLETED" => events.push(event(
            w,
            p.updated_at,
            with(json!({"level": "INFO", "action": "process_completed", "requestId": request, "status": "COMPLETED", "progress": 100,
                         "message": format!("{}の生成が完了しました", kind_label(p.kind)), "duration": total_ms})),
        )),
        "FAILED" | "TIMEOUT" => {
            let error = p.error.clone().unwrap_or_else(|| json!({"code": "AI_ERROR", "message": "Bedrock APIでエラーが発生しました"}));
            events.push(event(
                w,
                p.updated_at,
                with(json!({"level": "ERROR", "action": "process_failed", "requestId": request, "status": p.status, "progress": p.progress,
                             "message": "AI生成処理に失敗しました", "duration": total_ms, "error": error})),
            ));
        }
        _ => {
            if let Execution::Fail { error, cause } = &p.execution {
                events.push(event(
                    w,
                    p.updated_at,
                    with(json!({"level": "ERROR", "action": "process_failed", "requestId": request, "status": "PROCESSING", "progress": p.progress,
                                 "message": "AI生成処理に失敗しました", "duration": total_ms,
                                 "error": {"code": "AI_ERROR", "message": format!("{error}: {cause}")}})),
                ));
            }
        }
    }
    events.extend(platform(
        w,
        p.created_at,
        (total_ms as f64).min(300_000.0),
        1024,
        rng.u32(300..700),
        rng,
    ));
    events
}

/// The task generation API's log of a shipped case replayed at `at` for `user`: the pipeline's
/// own events (000 ログ管理, in the shape `queries/` read) and the invocation's platform lines.
async fn replayed(
    case: &Case,
    user: Uuid,
    at: Timestamp,
    t: &Thresholds,
    rng: &mut fastrand::Rng,
) -> Vec<LogEvent> {
    let c = Component::TaskGeneration;
    let ids = Ids {
        request_id: random_uuid(rng),
        user_id: user,
        action_id: random_uuid(rng),
        started: at,
    };
    let run = case.replay_recorded(t, &ids).await;
    let mut events: Vec<LogEvent> = run
        .logs
        .iter()
        .map(|v| LogEvent {
            component: c,
            timestamp: v["timestamp"]
                .as_str()
                .and_then(|s| s.parse().ok())
                .unwrap_or(at),
            message: v.to_string(),
        })
        .collect();
    let overhead = rng.f64() * 400.0 + 100.0;
    events.extend(platform(
        c,
        at,
        run.metadata.duration_ms as f64 + overhead,
        1024,
        rng.u32(200..450),
        rng,
    ));
    events
}

/// A shipped case to replay: minutes ago, its name, the user.
type Play = (i64, &'static str, Uuid);

/// The logs of every play.
async fn replay_all(
    cases: &[Case],
    plays: Vec<Play>,
    now: Timestamp,
    t: &Thresholds,
    rng: &mut fastrand::Rng,
) -> Vec<LogEvent> {
    let mut events = Vec::new();
    for (minutes, name, user) in plays {
        let case = cases
            .iter()
            .find(|c| c.name == name)
            .expect("a shipped case (tested)");
        let at = now - SignedDuration::from_secs(minutes * 60 + rng.i64(0..60));
        events.extend(replayed(case, user, at, t, rng).await);
    }
    events
}

/// A day of task generations (000 ログ管理 and the queries of 000 監視項目), six an hour:
/// mostly first-time successes, a habit action in four, a recovered retry in twelve; and a
/// quiet day's few errors, hours ago.
fn task_generations(users: &[User], rng: &mut fastrand::Rng) -> Vec<Play> {
    let mut plays = Vec::new();
    for i in 0..(24 * 6) {
        let case = match rng.u8(0..12) {
            0 => "task-retry-recovered",
            1..=3 => "task-success-habit",
            _ => "task-success-toeic",
        };
        plays.push((i * 10, case, users[rng.usize(..users.len())].id));
    }
    plays.push((300, "invalid-input", users[0].id));
    plays.push((480, "task-quality-count", users[0].id));
    plays
}

/// The incident's generation failures, from the shipped cases: quality errors (000 エラーコード別の
/// 対応), Bedrock throttling (000 Bedrockメトリクス), and one user's prompt-injection attempts
/// (000 セキュリティ監視).
fn incident_generations(users: &[User], rng: &mut fastrand::Rng) -> Vec<Play> {
    let mut plays = Vec::new();
    for (i, case) in [
        "task-quality-count",
        "task-quality-minutes",
        "task-quality-duplicate",
    ]
    .into_iter()
    .enumerate()
    {
        plays.push((10 + 7 * i as i64, case, users[rng.usize(..users.len())].id));
    }
    for i in 0..4 {
        plays.push((
            8 + i * 6,
            "task-bedrock-throttled",
            users[rng.usize(..users.len())].id,
        ));
    }
    let suspicious = users[users.len() - 1].id;
    for i in 0..3 {
        plays.push((25 + i * 6, "prompt-injection", suspicious));
    }
    plays
}

/// The asynchronous handlers' logs: starts, status checks, retries, cancels.
fn handler_events(
    scenario: Scenario,
    now: Timestamp,
    processes: &[Process],
    rng: &mut fastrand::Rng,
) -> Vec<LogEvent> {
    let mut events = Vec::new();
    let recent = now - SignedDuration::from_hours(24);
    for p in processes.iter().filter(|p| p.created_at > recent) {
        let base = json!({"processId": p.id, "userId": p.user_id, "type": p.kind});
        let mut start = base.clone();
        start["level"] = "INFO".into();
        start["action"] = "async_processing_started".into();
        start["status"] = "PENDING".into();
        start["message"] = "非同期処理を開始しました".into();
        start["duration"] = rng.u32(80..400).into();
        events.push(event(
            Component::AsyncProcessingHandler,
            p.created_at,
            start,
        ));
        events.extend(platform(
            Component::AsyncProcessingHandler,
            p.created_at,
            rng.f64() * 300.0 + 80.0,
            512,
            rng.u32(90..160),
            rng,
        ));
        let mut check = base.clone();
        check["level"] = "INFO".into();
        check["action"] = "status_checked".into();
        check["status"] = p.status.into();
        check["progress"] = p.progress.into();
        check["duration"] = rng.u32(20..200).into();
        events.push(event(
            Component::StatusCheckHandler,
            p.updated_at.max(p.created_at),
            check,
        ));
        if p.status == "CANCELLED" || p.execution == Execution::Abort {
            let mut cancel = base.clone();
            cancel["level"] = "INFO".into();
            cancel["action"] = "process_cancel_requested".into();
            cancel["message"] = "キャンセルを受け付けました".into();
            events.push(event(Component::CancelHandler, p.updated_at, cancel));
        }
        if p.label == "failed: retryable" && scenario == Scenario::Incident {
            let mut retry = base.clone();
            retry["level"] = "WARN".into();
            retry["action"] = "process_retry_failed".into();
            retry["message"] = "リトライに失敗しました".into();
            retry["error"] =
                json!({"code": "AI_ERROR", "message": "ThrottlingException: Rate exceeded"});
            events.push(event(Component::RetryHandler, p.updated_at, retry));
        }
    }
    events
}

/// The profile API (003 ログ監視): requests, and the occasional error.
fn profile_events(
    scenario: Scenario,
    now: Timestamp,
    users: &[User],
    rng: &mut fastrand::Rng,
) -> Vec<LogEvent> {
    let c = Component::Profile;
    let mut events = Vec::new();
    for i in 0..(24 * 12) {
        let at = now - mins(i * 5 + rng.i64(0..5));
        let user = &users[rng.usize(..users.len())];
        let (method, ms) = match rng.u8(0..10) {
            0 => ("PUT", rng.u32(200..900)),
            1 => ("DELETE", rng.u32(400..1500)),
            _ => ("GET", rng.u32(40..400)),
        };
        events.push(event(
            c,
            at,
            json!({"level": "INFO", "action": "profile_request", "method": method, "path": "/api/profile",
                   "userId": user.id, "requestId": request_id(rng), "statusCode": 200, "duration": ms}),
        ));
    }
    let _ = scenario;
    events
}

/// The incident: a burst of errors with every code of the guides in the last hour.
fn incident_burst(
    now: Timestamp,
    users: &[User],
    processes: &[Process],
    rng: &mut fastrand::Rng,
) -> Vec<LogEvent> {
    let mut events = Vec::new();
    let worker = Component::AiGenerationWorker;
    let tg = Component::TaskGeneration;
    let mut error = |component: Component,
                     at_min: i64,
                     code: &str,
                     message: &str,
                     extra: Value,
                     rng: &mut fastrand::Rng| {
        let p = &processes[rng.usize(..processes.len())];
        let mut body = json!({"level": "ERROR", "action": "generation_error", "requestId": request_id(rng),
                              "processId": p.id, "userId": p.user_id, "type": p.kind,
                              "message": message, "error": {"code": code, "message": message}});
        for (k, v) in extra.as_object().expect("object") {
            body[k] = v.clone();
        }
        events.push(event(
            component,
            now - SignedDuration::from_secs(at_min * 60 + rng.i64(0..60)),
            body,
        ));
    };
    // 004 エラー別対応: AI_ERROR, DATABASE_ERROR, TIMEOUT_ERROR, VALIDATION_ERROR; twelve of them
    // within five minutes (003 ログ監視: ERRORログ > 10/5分).
    for i in 0..6 {
        error(
            worker,
            4 + i % 3,
            "AI_ERROR",
            "ThrottlingException: Rate exceeded",
            json!({}),
            rng,
        );
    }
    for i in 0..6 {
        error(
            worker,
            5 + i % 2,
            "DATABASE_ERROR",
            "DatabaseError: Connection pool exhausted",
            json!({}),
            rng,
        );
    }
    for i in 0..4 {
        error(
            worker,
            20 + i * 5,
            "DATABASE_ERROR",
            "transaction failed: could not serialize access",
            json!({}),
            rng,
        );
    }
    for i in 0..5 {
        error(
            worker,
            30 + i * 3,
            "TIMEOUT_ERROR",
            "処理時間が制限を超えました",
            json!({}),
            rng,
        );
    }
    for i in 0..3 {
        error(
            worker,
            40 + i * 4,
            "VALIDATION_ERROR",
            "入力値が不正です",
            json!({"error": {"code": "VALIDATION_ERROR", "message": "入力値が不正です",
                               "details": [{"field": "params.title", "message": "タイトルは1文字以上200文字以内で入力してください"}]}}),
            rng,
        );
    }
    // 000 アラート対応手順 / エラーコード別の対応 (the quality errors are replayed cases).
    for i in 0..2 {
        error(
            tg,
            15 + i * 9,
            "AI_SERVICE_ERROR",
            "Bedrockサービスが応答しません",
            json!({"action": "task_generation_error"}),
            rng,
        );
    }
    // 000 セキュリティ監視: authentication failures (>= 10/hour) and one user FORBIDDEN five
    // times and more (their prompt-injection attempts are replayed cases).
    for i in 0..12 {
        error(
            tg,
            2 + i * 4,
            "AUTHENTICATION_ERROR",
            "認証トークンが無効です",
            json!({"action": "authentication_failed"}),
            rng,
        );
    }
    let suspicious = users[users.len() - 1].id;
    for i in 0..6 {
        let mut body = json!({"level": "ERROR", "action": "authorization_failed", "requestId": request_id(rng), "userId": suspicious,
                              "message": "他のユーザーのリソースにはアクセスできません",
                              "error": {"code": "FORBIDDEN", "message": "他のユーザーのリソースにはアクセスできません"}});
        body["actionId"] = Value::String(Uuid::new_v4().to_string());
        events.push(event(tg, now - mins(12 + i * 5), body));
    }
    // 003 週次タスク / セキュリティログ確認: UNAUTHORIZED on the profile API.
    for i in 0..4 {
        events.push(event(
            Component::Profile,
            now - mins(7 + i * 11),
            json!({"level": "ERROR", "action": "profile_request", "method": "GET", "path": "/api/profile", "userId": suspicious,
                   "requestId": request_id(rng), "statusCode": 401,
                   "message": "認証に失敗しました", "error": {"code": "UNAUTHORIZED", "message": "認証に失敗しました"}}),
        ));
    }
    // Slow invocations of the ai-processor (001 CloudWatch アラーム: 平均実行時間が60秒以上).
    for i in 0..6 {
        events.extend(platform(
            Component::AiProcessor,
            now - mins(5 + i * 8),
            61_000.0 + rng.f64() * 9_000.0,
            1024,
            rng.u32(850..990),
            rng,
        ));
    }
    events
}

/// Five-minute datapoints over the last three hours. The incident's last hour crosses the
/// guides' thresholds; the healthy scenario stays well inside them.
fn metrics(scenario: Scenario, now: Timestamp, rng: &mut fastrand::Rng) -> Vec<Datum> {
    let incident = scenario == Scenario::Incident;
    let mut data = Vec::new();
    let mut push = |namespace, metric, dimension, timestamp, value: f64, unit| {
        data.push(Datum {
            namespace,
            metric,
            dimension,
            timestamp,
            value,
            unit,
        })
    };
    for bucket in 0..36 {
        let at = now - mins(bucket * 5 + 1);
        let hot = incident && bucket < 12;
        let jitter = |rng: &mut fastrand::Rng, base: f64| base * (0.85 + 0.3 * rng.f64());
        for c in Component::functions() {
            let (invocations, reserved, duration_ms): (f64, f64, f64) = match c {
                Component::TaskGeneration => (30.0, 10.0, 12_000.0),
                Component::AiProcessor => (20.0, 10.0, 40_000.0),
                Component::AiGenerationWorker => (12.0, 10.0, 150_000.0),
                Component::AsyncProcessingHandler => (15.0, 50.0, 250.0),
                Component::Profile => (60.0, 0.0, 300.0),
                _ => (10.0, 0.0, 120.0),
            };
            let inv = jitter(rng, invocations).round();
            let error_rate = if hot
                && matches!(
                    c,
                    Component::TaskGeneration
                        | Component::AiGenerationWorker
                        | Component::AiProcessor
                ) {
                0.15
            } else {
                0.005
            };
            let errors = (inv * error_rate).round();
            let throttles =
                if hot && matches!(c, Component::AiProcessor | Component::TaskGeneration) {
                    3.0
                } else {
                    0.0
                };
            let concurrency = if reserved > 0.0 {
                if hot && reserved <= 10.0 {
                    reserved - 1.0
                } else {
                    (reserved * 0.3).round()
                }
            } else {
                2.0
            };
            let duration = if hot && c == Component::AiProcessor {
                65_000.0
            } else if hot && c == Component::TaskGeneration {
                28_000.0
            } else {
                jitter(rng, duration_ms)
            };
            let fd = Dimension::Function(c);
            push(Namespace::Lambda, "Invocations", fd, at, inv, "Count");
            push(Namespace::Lambda, "Errors", fd, at, errors, "Count");
            push(Namespace::Lambda, "Throttles", fd, at, throttles, "Count");
            push(
                Namespace::Lambda,
                "Duration",
                fd,
                at,
                duration,
                "Milliseconds",
            );
            push(
                Namespace::Lambda,
                "ConcurrentExecutions",
                fd,
                at,
                concurrency,
                "Count",
            );
        }
        let count = jitter(rng, 100.0).round();
        let api = Dimension::Api;
        push(Namespace::ApiGateway, "Count", api, at, count, "Count");
        push(
            Namespace::ApiGateway,
            "4XXError",
            api,
            at,
            (count * if hot { 0.12 } else { 0.03 }).round(),
            "Count",
        );
        push(
            Namespace::ApiGateway,
            "5XXError",
            api,
            at,
            (count * if hot { 0.08 } else { 0.005 }).round(),
            "Count",
        );
        push(
            Namespace::ApiGateway,
            "Latency",
            api,
            at,
            if hot { 20_000.0 } else { jitter(rng, 4_000.0) },
            "Milliseconds",
        );
        let asy = Namespace::Custom(Component::AsyncMetrics);
        let none = Dimension::None;
        push(asy, "AsyncProcessingStarted", none, at, 10.0, "Count");
        push(
            asy,
            "AsyncProcessingCompleted",
            none,
            at,
            if hot { 4.0 } else { 10.0 },
            "Count",
        );
        push(
            asy,
            "AsyncProcessingFailed",
            none,
            at,
            if hot { 12.0 } else { 0.0 },
            "Count",
        );
        push(
            asy,
            "AsyncProcessingTimeout",
            none,
            at,
            if hot { 14.0 } else { 0.0 },
            "Count",
        );
        push(
            asy,
            "ProcessingDuration",
            none,
            at,
            if hot {
                320_000.0
            } else {
                jitter(rng, 180_000.0)
            },
            "Milliseconds",
        );
        push(
            asy,
            "QueueDepth",
            none,
            at,
            if hot { 120.0 } else { 5.0 },
            "Count",
        );
        push(
            asy,
            "ErrorRate",
            none,
            at,
            if hot { 9.0 } else { 0.5 },
            "Percent",
        );
        let prof = Namespace::Custom(Component::ProfileMetrics);
        push(
            prof,
            "ProfileAPIRequests",
            none,
            at,
            jitter(rng, 40.0).round(),
            "Count",
        );
        push(
            prof,
            "ProfileAPIErrors",
            none,
            at,
            if hot { 4.0 } else { 0.5 },
            "Percent",
        );
        push(
            prof,
            "ProfileAPILatency",
            none,
            at,
            jitter(rng, 300.0),
            "Milliseconds",
        );
        let rds = Dimension::Cluster;
        push(
            Namespace::Rds,
            "DatabaseConnections",
            rds,
            at,
            if hot { 85.0 } else { 12.0 },
            "Count",
        );
        push(
            Namespace::Rds,
            "CPUUtilization",
            rds,
            at,
            if hot { 85.0 } else { 25.0 },
            "Percent",
        );
        push(
            Namespace::Rds,
            "ServerlessDatabaseCapacity",
            rds,
            at,
            if hot { 2.0 } else { 0.5 },
            "Count",
        );
        push(
            Namespace::Logs,
            "DatabaseErrors",
            none,
            at,
            if hot { 1.0 } else { 0.0 },
            "Count",
        );
    }
    data
}

/// The emulator never evaluates alarms, so the sandbox does: each alarm of the catalogue is
/// evaluated over its latest period of the seeded data. Percentile alarms get no data, as the
/// emulator cannot compute percentiles.
fn alarm_states(metrics: &[Datum], now: Timestamp) -> Vec<AlarmState> {
    ALARMS
        .iter()
        .map(|spec| {
            if spec.statistic.starts_with('p') {
                return AlarmState {
                    spec,
                    state: "INSUFFICIENT_DATA",
                    reason: "Insufficient Data: percentile statistics are not available".into(),
                };
            }
            let since = now - SignedDuration::from_secs(spec.period_secs as i64);
            let values_of = |metric: &str| -> Vec<f64> {
                metrics
                    .iter()
                    .filter(|d| {
                        d.namespace == spec.namespace
                            && d.metric == metric
                            && d.dimension == spec.dimension
                            && d.timestamp >= since
                    })
                    .map(|d| d.value)
                    .collect()
            };
            let values = values_of(spec.metric);
            if values.is_empty() {
                return AlarmState {
                    spec,
                    state: "INSUFFICIENT_DATA",
                    reason: "Insufficient Data: no datapoints".into(),
                };
            }
            let value = match spec.statistic {
                // Lambda publishes Errors as 0 or 1 per invocation, so their Average is the error
                // rate; the plan's datapoints are counts per minute.
                "Average" if spec.namespace == Namespace::Lambda && spec.metric == "Errors" => {
                    let invocations: f64 = values_of("Invocations").iter().sum();
                    values.iter().sum::<f64>() / invocations.max(1.0)
                }
                "Sum" => values.iter().sum(),
                "Maximum" => values.iter().cloned().fold(f64::MIN, f64::max),
                _ => values.iter().sum::<f64>() / values.len() as f64,
            };
            let breach = match spec.comparison {
                ">=" => value >= spec.threshold,
                _ => value > spec.threshold,
            };
            AlarmState {
                spec,
                state: if breach { "ALARM" } else { "OK" },
                reason: format!(
                    "Threshold {}: 1 datapoint [{}] was {}{} the threshold ({})",
                    if breach { "Crossed" } else { "not crossed" },
                    (value * 1e4).round() / 1e4,
                    if breach { "" } else { "not " },
                    if spec.comparison == ">=" {
                        "greater than or equal to"
                    } else {
                        "greater than"
                    },
                    spec.threshold
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(plan: &Plan, label: &str) -> usize {
        plan.processes.iter().filter(|p| p.label == label).count()
    }

    #[tokio::test]
    async fn incident_has_every_problem_of_the_troubleshooting_guide() {
        let plan = plan(Scenario::Incident, Timestamp::now(), &Thresholds::default()).await;
        for label in [
            "stuck: execution SUCCEEDED",
            "stuck: execution FAILED",
            "stuck: execution TIMED_OUT",
            "stuck: execution ABORTED",
            "stuck: execution still RUNNING",
            "stuck: execution missing",
            "progress above 100",
            "progress below 0",
        ] {
            assert!(count(&plan, label) > 0, "{label}");
        }
        assert!(
            plan.processes
                .iter()
                .filter(|p| p.status == "PENDING")
                .count()
                > 100
        );
        assert!(plan.processes.iter().any(|p| p.progress > 100));
        assert!(plan.processes.iter().any(|p| p.progress < 0));
        for code in [
            "AI_ERROR",
            "DATABASE_ERROR",
            "TIMEOUT_ERROR",
            "VALIDATION_ERROR",
            "QUALITY_ERROR",
            "AI_SERVICE_ERROR",
        ] {
            assert!(
                plan.logs
                    .iter()
                    .any(|e| e.message.contains(&format!("\"code\":\"{code}\""))),
                "{code}"
            );
        }
        assert!(
            plan.metrics
                .iter()
                .any(|d| d.metric == "Throttles" && d.value > 0.0)
        );
        let alarmed: Vec<&str> = plan
            .alarms
            .iter()
            .filter(|a| a.state == "ALARM")
            .map(|a| a.spec.name)
            .collect();
        assert!(
            alarmed.contains(&"goal-mandala-${ENVIRONMENT}-ai-processor-throttle"),
            "{alarmed:?}"
        );
        assert!(alarmed.contains(&"AsyncProcessing-QueueDepth"));
        let rate = plan
            .alarms
            .iter()
            .find(|a| a.spec.name == "goal-mandala-${ENVIRONMENT}-task-generation-error-rate")
            .unwrap();
        assert_eq!(rate.state, "ALARM", "{}", rate.reason);
        assert!(
            rate.reason.contains("[0."),
            "a rate, not a count: {}",
            rate.reason
        );
    }

    #[tokio::test]
    async fn healthy_is_inside_every_threshold() {
        let plan = plan(Scenario::Healthy, Timestamp::now(), &Thresholds::default()).await;
        assert!(
            plan.alarms.iter().all(|a| a.state != "ALARM"),
            "{:?}",
            plan.alarms
                .iter()
                .filter(|a| a.state == "ALARM")
                .map(|a| a.spec.name)
                .collect::<Vec<_>>()
        );
        assert!(
            plan.processes
                .iter()
                .all(|p| (0..=100).contains(&p.progress))
        );
        assert!(
            plan.processes
                .iter()
                .filter(|p| p.status == "PENDING")
                .count()
                < 100
        );
        assert!(
            !plan
                .metrics
                .iter()
                .any(|d| d.metric == "Throttles" && d.value > 0.0)
        );
        let hour_ago = plan.now - SignedDuration::from_hours(1);
        assert!(
            !plan
                .logs
                .iter()
                .any(|e| e.timestamp > hour_ago && e.message.contains("\"level\":\"ERROR\""))
        );
    }

    #[tokio::test]
    async fn log_messages_are_json_or_platform_lines() {
        let plan = plan(Scenario::Incident, Timestamp::now(), &Thresholds::default()).await;
        for e in &plan.logs {
            let platform = ["START ", "END ", "REPORT "]
                .iter()
                .any(|p| e.message.starts_with(p));
            assert!(
                platform || serde_json::from_str::<Value>(&e.message).is_ok(),
                "{}",
                e.message
            );
        }
    }
}

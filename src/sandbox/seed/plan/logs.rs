//! A scenario's day of logs: each process's events, the handlers', the profile API's, the
//! incident's burst, Lambda platform lines, and the task generations the shipped replay cases
//! emit when run through the pipeline.

use super::{Execution, LogEvent, Process, Scenario, User, mins};
use crate::config::{Component, Thresholds};
use crate::pipeline::Ids;
use crate::pipeline::case::Case;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use uuid::Uuid;

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
pub fn process_events(p: &Process, now: Timestamp, rng: &mut fastrand::Rng) -> Vec<LogEvent> {
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
pub async fn replay_all(
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
pub fn task_generations(users: &[User], rng: &mut fastrand::Rng) -> Vec<Play> {
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
pub fn incident_generations(users: &[User], rng: &mut fastrand::Rng) -> Vec<Play> {
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

/// Every function is invoked through the day, as a live service's are: one sampled invocation's
/// platform lines every ten minutes over the last three hours, so each log group has events in
/// any recent window.
pub fn invocations(now: Timestamp, rng: &mut fastrand::Rng) -> Vec<LogEvent> {
    let mut events = Vec::new();
    for c in Component::functions() {
        let (duration_ms, memory_mb) = match c {
            Component::TaskGeneration => (12_000.0, 1024),
            Component::AiProcessor => (40_000.0, 512),
            Component::AiGenerationWorker => (150_000.0, 1024),
            Component::AsyncProcessingHandler => (250.0, 512),
            Component::Profile => (300.0, 512),
            _ => (120.0, 512),
        };
        for i in 0..18 {
            let at = now
                - mins(i * 10 + rng.i64(1..10))
                - SignedDuration::from_millis(duration_ms as i64);
            let duration = duration_ms * (0.8 + 0.4 * rng.f64());
            let used = memory_mb * rng.u32(40..70) / 100;
            events.extend(platform(c, at, duration, memory_mb, used, rng));
        }
    }
    events
}

/// The asynchronous handlers' logs: starts, status checks, retries, cancels.
pub fn handler_events(
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
pub fn profile_events(
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
    if scenario == Scenario::Incident {
        // One user hammering the API past 20 requests a minute (002 API認証: レート制限), turned
        // away with 429 for a minute and a half.
        let user = &users[0];
        for i in 0..30 {
            events.push(event(
                c,
                now - SignedDuration::from_secs(20 * 60 - i * 3),
                json!({"level": "WARN", "action": "profile_request", "method": "GET", "path": "/api/profile",
                       "userId": user.id, "requestId": request_id(rng), "statusCode": 429,
                       "error": {"code": "RATE_LIMIT_EXCEEDED", "message": "リクエスト数が上限を超えました"}}),
            ));
        }
    }
    events
}

/// The incident: a burst of errors with every code of the guides in the last hour.
pub fn incident_burst(
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

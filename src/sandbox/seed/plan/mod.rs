//! What a scenario contains, computed before anything is written: goals and what the pipeline
//! generated for them, processing rows and the executions they belong to, a day of structured
//! logs, metrics and alarm states. Pure and deterministic apart from ids and the current time,
//! so it is tested without any server.

mod alarms;
mod logs;
mod metrics;
mod processes;

use super::mandala::{self, Goal};
use crate::alarms::catalog::AlarmSpec;
use crate::aws::metrics::{Dimension, Namespace};
use crate::config::{Component, Thresholds};
use crate::pipeline::case;
use jiff::{SignedDuration, Timestamp};
use serde_json::Value;
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
    let processes = processes::processes(scenario, now, &goals, &t.targets, &mut rng);
    let mut logs = Vec::new();
    for p in &processes {
        logs.extend(logs::process_events(p, now, &mut rng));
    }
    let mut plays = logs::task_generations(&users, &mut rng);
    logs.extend(logs::handler_events(scenario, now, &processes, &mut rng));
    logs.extend(logs::invocations(now, &mut rng));
    logs.extend(logs::profile_events(scenario, now, &users, &mut rng));
    if scenario == Scenario::Incident {
        logs.extend(logs::incident_burst(now, &users, &processes, &mut rng));
        plays.extend(logs::incident_generations(&users, &mut rng));
    }
    logs.extend(logs::replay_all(&cases, plays, now, t, &mut rng).await);
    logs.sort_by_key(|e| e.timestamp);
    let metrics = metrics::metrics(scenario, now, &mut rng);
    let alarms = alarms::alarm_states(&metrics, now, t);
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

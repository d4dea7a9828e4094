//! `process`: processing_state against the Step Functions executions it belongs to. Finds
//! stuck work, shows one process end to end, and repairs what the troubleshooting guide lists
//! (004 処理が完了しない, キャンセルが効かない, 処理状態とStep Functionsの不一致, 進捗率の異常).

mod cancel;
mod list;
mod logs;
mod repair;
mod retry;
mod show;
mod write;

pub use cancel::{CancelReport, cancel};
pub use list::{ListOptions, ListReport, list};
pub use logs::{LogsReport, follow, logs};
pub use repair::{RepairOptions, RepairReport, repair};
pub use retry::{RetryReport, retry};
pub use show::{ShowReport, show};

use crate::aws::{Clients, to_timestamp};
use crate::db::Db;
use crate::error::{Error, Result, aws_err, db_err};
use futures::StreamExt;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use uuid::Uuid;

/// A processing_state status (002 処理状態の管理).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
    Timeout,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Pending,
        Status::Processing,
        Status::Completed,
        Status::Failed,
        Status::Cancelled,
        Status::Timeout,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "PENDING",
            Status::Processing => "PROCESSING",
            Status::Completed => "COMPLETED",
            Status::Failed => "FAILED",
            Status::Cancelled => "CANCELLED",
            Status::Timeout => "TIMEOUT",
        }
    }

    /// A status in any case (`processing`, `PROCESSING`).
    pub fn parse(text: &str) -> Result<Status> {
        let up = text.trim().to_ascii_uppercase();
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == up)
            .ok_or_else(|| {
                let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                Error::usage(format!("`{text}` is not a status"))
                    .with_hint(format!("statuses: {}", all.join(", ")))
            })
    }
}

/// Rows in these statuses are finished: nothing will change them but a person.
pub const TERMINAL: [&str; 4] = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"];

/// A processing_state type (002 処理状態の管理).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Subgoal,
    Action,
    Task,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Subgoal, Kind::Action, Kind::Task];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Subgoal => "SUBGOAL_GENERATION",
            Kind::Action => "ACTION_GENERATION",
            Kind::Task => "TASK_GENERATION",
        }
    }

    /// A type with or without `_GENERATION`, in any case (`task`, `TASK_GENERATION`).
    pub fn parse(text: &str) -> Result<Kind> {
        let up = text.trim().to_ascii_uppercase();
        let full = if up.ends_with("_GENERATION") {
            up
        } else {
            format!("{up}_GENERATION")
        };
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == full)
            .ok_or_else(|| {
                let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                Error::usage(format!("`{text}` is not a process type")).with_hint(format!(
                    "types: {} (or subgoal, action, task)",
                    all.join(", ")
                ))
            })
    }
}

/// `process cancel` and `process retry`: one process, a dry run unless `apply`.
#[derive(Debug, Clone)]
pub struct ChangeOptions {
    pub id: Uuid,
    pub apply: bool,
    /// Wait this long for another run's lock instead of exiting 75.
    pub wait_lock: Option<std::time::Duration>,
}

/// Describe calls in flight at once (Step Functions' DescribeExecution quota is generous; this
/// keeps a repair of thousands of rows well inside it).
const DESCRIBE_CONCURRENCY: usize = 16;

/// A processing_state row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: Uuid,
    pub user_id: Uuid,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub progress: i32,
    pub input: Option<Value>,
    pub result: Option<Value>,
    pub error: Option<Value>,
    pub execution_arn: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub completed_at: Option<Timestamp>,
}

pub const COLUMNS: &str = "id, user_id, type, status, progress, input, result, error, execution_arn, created_at, updated_at, completed_at";

impl Row {
    pub fn from_pg(r: &tokio_postgres::Row) -> Row {
        Row {
            id: r.get("id"),
            user_id: r.get("user_id"),
            kind: r.get("type"),
            status: r.get("status"),
            progress: r.get("progress"),
            input: r.get("input"),
            result: r.get("result"),
            error: r.get("error"),
            execution_arn: r.get("execution_arn"),
            created_at: r.get("created_at"),
            updated_at: r.get("updated_at"),
            completed_at: r.get("completed_at"),
        }
    }

    pub fn is_terminal(&self) -> bool {
        TERMINAL.contains(&self.status.as_str())
    }

    /// The fields a repair may change, as they are now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            status: self.status.clone(),
            progress: self.progress,
            error: self.error.clone(),
            completed_at: self.completed_at,
            execution_arn: self.execution_arn.clone(),
            input: self.input.clone(),
        }
    }
}

/// The repairable part of a row, before and after a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    pub status: String,
    pub progress: i32,
    pub error: Option<Value>,
    pub completed_at: Option<Timestamp>,
    pub execution_arn: Option<String>,
    pub input: Option<Value>,
}

/// One row by id, or a usage error naming it.
pub async fn load(db: &Db, id: Uuid) -> Result<Row> {
    db.query_opt(
        &format!("SELECT {COLUMNS} FROM processing_state WHERE id = $1"),
        &[&id],
    )
    .await
    .map_err(db_err(format!("reading process {id}")))?
    .map(|r| Row::from_pg(&r))
    .ok_or_else(|| Error::usage(format!("no process {id} in processing_state")))
}

pub fn parse_id(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim()).map_err(|_| {
        Error::usage(format!(
            "`{text}` is not a process id (a UUID such as 660e8400-e29b-41d4-a716-446655440000)"
        ))
    })
}

/// What Step Functions says about an execution.
#[derive(Debug, Clone, Serialize)]
pub struct Execution {
    pub arn: String,
    /// SUCCEEDED, FAILED, TIMED_OUT, ABORTED, RUNNING, or MISSING when it does not exist.
    pub status: String,
    pub start: Option<Timestamp>,
    pub stop: Option<Timestamp>,
    pub error: Option<String>,
    pub cause: Option<String>,
    #[serde(skip)]
    pub input: Option<String>,
}

impl Execution {
    pub fn missing(arn: &str) -> Execution {
        Execution {
            arn: arn.to_string(),
            status: "MISSING".into(),
            start: None,
            stop: None,
            error: None,
            cause: None,
            input: None,
        }
    }
}

pub async fn describe(aws: &Clients, arn: &str) -> Result<Execution> {
    match aws.sfn.describe_execution().execution_arn(arn).send().await {
        Ok(d) => Ok(Execution {
            arn: arn.to_string(),
            status: d.status().as_str().to_string(),
            start: to_timestamp(d.start_date()),
            stop: d.stop_date().and_then(to_timestamp),
            error: d.error().map(str::to_string),
            cause: d.cause().map(str::to_string),
            input: d.input().map(str::to_string),
        }),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_execution_does_not_exist()) =>
        {
            Ok(Execution::missing(arn))
        }
        Err(e) => Err(aws_err(
            "Step Functions",
            "DescribeExecution",
            format!("reading {arn}"),
        )(e)),
    }
}

/// The executions of many rows, described concurrently, each once.
pub async fn describe_all(aws: &Clients, rows: &[Row]) -> Result<HashMap<String, Execution>> {
    let mut arns: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.execution_arn.as_deref())
        .collect();
    arns.sort_unstable();
    arns.dedup();
    futures::stream::iter(arns)
        .map(|arn| async move { describe(aws, arn).await.map(|e| (arn.to_string(), e)) })
        .buffer_unordered(DESCRIBE_CONCURRENCY)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_parsing() {
        assert!(parse_id("660e8400-e29b-41d4-a716-446655440000").is_ok());
        assert_eq!(
            parse_id("42").unwrap_err().status(),
            crate::exit::ExitStatus::Usage
        );
        assert_eq!(Status::parse("processing").unwrap(), Status::Processing);
        assert!(
            Status::parse("STUCK")
                .unwrap_err()
                .hint()
                .unwrap()
                .contains("PENDING")
        );
        assert_eq!(Kind::parse("task").unwrap(), Kind::Task);
        assert_eq!(Kind::parse("ACTION_GENERATION").unwrap(), Kind::Action);
        assert!(Kind::parse("goal").is_err());
    }
}

//! `process retry`: a new execution for a FAILED or TIMEOUT process, with its original input,
//! when its error is one seed 004 retries (よくある問題 / 4. リトライが失敗する: isRetryableError).

use super::write::{self, Change};
use super::{describe, load};
use crate::context::Context;
use crate::db::lock::Lock;
use crate::error::{Error, Result, aws_err};
use crate::output::{Cell, Doc, Render, Tone};
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Debug, Serialize)]
pub struct RetryReport {
    pub id: Uuid,
    pub applied: bool,
    pub error: String,
    pub attempt: u64,
    pub execution_name: String,
    pub execution_arn: Option<String>,
    pub input: Value,
}

pub async fn retry(ctx: &Context, opts: &super::ChangeOptions) -> Result<RetryReport> {
    let super::ChangeOptions {
        id,
        apply,
        wait_lock,
    } = *opts;
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let mut db = ctx.db().await?;
    let row = load(&db, id).await?;
    if !matches!(row.status.as_str(), "FAILED" | "TIMEOUT") {
        return Err(Error::usage(format!(
            "process {id} is {}; only FAILED and TIMEOUT processes are retried",
            row.status
        )));
    }
    let original = match &row.execution_arn {
        Some(arn) => Some(describe(aws, arn).await?),
        None => None,
    };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let names = [
        text(row.error.as_ref().and_then(|e| e.get("code"))),
        text(row.error.as_ref().and_then(|e| e.get("message"))),
        original
            .as_ref()
            .and_then(|e| e.error.clone())
            .unwrap_or_default(),
        original
            .as_ref()
            .and_then(|e| e.cause.clone())
            .unwrap_or_default(),
    ];
    let retry = &ctx.thresholds.retry;
    let error = names
        .iter()
        .find(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| "no error recorded".into());
    if !names.iter().any(|n| !n.is_empty() && retry.is_retryable(n)) {
        return Err(Error::usage(format!(
            "process {id} failed with {error}, which is not retryable"
        ))
        .with_hint(format!(
            "retryable errors (004 isRetryableError): {}",
            retry.retryable_errors.join(", ")
        )));
    }
    // The original input: the execution's, or the row's when the execution's history has expired.
    let mut input: Value = original
        .as_ref()
        .and_then(|e| e.input.as_deref())
        .and_then(|i| serde_json::from_str(i).ok())
        .or(row.input.clone())
        .unwrap_or_else(|| json!({"processId": id, "userId": row.user_id, "type": row.kind}));
    // Named by the attempt, so running the same retry again finds its execution, never a second.
    let attempt = row
        .input
        .as_ref()
        .and_then(|i| i.get("retryCount"))
        .and_then(Value::as_u64)
        .unwrap_or(0)
        + 1;
    if let Some(obj) = input.as_object_mut() {
        obj.insert("retryCount".into(), json!(attempt));
    }
    let name = format!("{id}-retry-{attempt}");
    let mut report = RetryReport {
        id,
        applied: apply,
        error,
        attempt,
        execution_name: name.clone(),
        execution_arn: None,
        input: input.clone(),
    };
    if !apply {
        return Ok(report);
    }
    let lock = Lock::acquire(&db, &format!("process:{id}"), wait_lock, &ctx.out).await?;
    crate::audit::ensure_schema(&mut db).await?;
    let state_machine = crate::aws::sfn::state_machine(aws, env).await?;
    let arn = match aws
        .sfn
        .start_execution()
        .state_machine_arn(&state_machine)
        .name(&name)
        .input(input.to_string())
        .send()
        .await
    {
        Ok(out) => out.execution_arn().to_string(),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_execution_already_exists()) =>
        {
            format!(
                "{}:{name}",
                state_machine.replace(":stateMachine:", ":execution:")
            )
        }
        Err(e) => {
            return Err(aws_err(
                "Step Functions",
                "StartExecution",
                format!("retrying process {id}"),
            )(e));
        }
    };
    let mut after = row.snapshot();
    after.status = "PROCESSING".into();
    after.progress = 0;
    after.error = None;
    after.completed_at = None;
    after.execution_arn = Some(arn.clone());
    after.input = Some(input);
    let change = Change {
        id,
        kind: row.kind.clone(),
        seen_updated_at: row.updated_at,
        before: row.snapshot(),
        after,
        action: "retried",
        reason: format!(
            "retry {attempt} of a {} process ({})",
            row.status, report.error
        ),
    };
    let written = write::apply_one(&mut db, change, &ctx.operator, "process retry").await?;
    lock.release(&db).await?;
    if !written {
        return Err(Error::failed(format!("process {id} changed while it was being retried; the new execution {arn} runs, the row was left alone"))
            .with_hint("check it with `mandala-ops process show`"));
    }
    report.execution_arn = Some(arn);
    Ok(report)
}

impl Render for RetryReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(if self.applied {
            format!("Retried process {}", self.id)
        } else {
            format!(
                "Plan to retry process {} (dry run: nothing changes without --apply)",
                self.id
            )
        });
        doc.fields([
            ("error", Cell::new(&self.error)),
            ("attempt", Cell::new(self.attempt.to_string())),
            (
                "execution",
                Cell::new(
                    self.execution_arn
                        .clone()
                        .unwrap_or_else(|| self.execution_name.clone()),
                ),
            ),
        ]);
        if self.applied {
            doc.note(
                Tone::Good,
                "started; the row is PROCESSING with the new execution",
            );
        }
    }
}

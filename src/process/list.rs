//! `process list`: processing rows with their age, progress and the state of their execution.

use super::{COLUMNS, Execution, Row, describe_all};
use crate::context::Context;
use crate::error::{Error, Result, db_err};
use crate::output::{Cell, Doc, Render, Table, Tone};
use crate::time::age;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::HashMap;
use std::time::Duration;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct ListOptions {
    pub statuses: Vec<super::Status>,
    pub kind: Option<super::Kind>,
    pub user: Option<Uuid>,
    /// Only non-terminal rows not updated for this long (of any age).
    pub stuck_for: Option<Duration>,
    /// Rows updated within this window (ignored with `stuck_for`).
    pub since: Duration,
    pub limit: usize,
}

#[derive(Debug, Serialize)]
pub struct ListReport {
    pub rows: Vec<Listed>,
    pub truncated: bool,
}

#[derive(Debug, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub row: Row,
    pub execution: Option<Execution>,
    /// The row and its execution disagree (a row still running whose execution ended).
    pub mismatch: bool,
}

pub async fn list(ctx: &Context, opts: &ListOptions) -> Result<ListReport> {
    let aws = ctx.aws().await?;
    let db = ctx.db().await?;
    let now = Timestamp::now();
    let back = |d: Duration| -> Result<Timestamp> {
        let d = jiff::SignedDuration::try_from(d).map_err(|e| Error::usage(e.to_string()))?;
        now.checked_sub(d)
            .map_err(|_| Error::usage("the duration reaches too far back"))
    };
    let (stuck_before, since) = match opts.stuck_for {
        Some(d) => (Some(back(d)?), None),
        None => (None, Some(back(opts.since)?)),
    };
    let statuses: Option<Vec<&str>> =
        (!opts.statuses.is_empty()).then(|| opts.statuses.iter().map(|s| s.as_str()).collect());
    let kind = opts.kind.map(super::Kind::as_str);
    let limit = opts.limit as i64 + 1;
    let rows: Vec<Row> = db
        .query(
            &format!(
                "SELECT {COLUMNS} FROM processing_state \
                 WHERE ($1::text[] IS NULL OR status = ANY($1)) \
                   AND ($2::text IS NULL OR type = $2) \
                   AND ($3::uuid IS NULL OR user_id = $3) \
                   AND ($4::timestamptz IS NULL OR (status IN ('PENDING', 'PROCESSING') AND updated_at < $4)) \
                   AND ($5::timestamptz IS NULL OR updated_at >= $5) \
                 ORDER BY updated_at DESC LIMIT $6"
            ),
            &[&statuses, &kind, &opts.user, &stuck_before, &since, &limit],
        )
        .await
        .map_err(db_err("listing processes"))?
        .iter()
        .map(Row::from_pg)
        .collect();
    let truncated = rows.len() > opts.limit;
    let rows: Vec<Row> = rows.into_iter().take(opts.limit).collect();
    let mut executions: HashMap<String, Execution> = describe_all(aws, &rows).await?;
    Ok(ListReport {
        rows: rows
            .into_iter()
            .map(|row| {
                let execution = row
                    .execution_arn
                    .as_ref()
                    .and_then(|a| executions.remove(a));
                let mismatch =
                    !row.is_terminal() && execution.as_ref().is_some_and(|e| e.status != "RUNNING");
                Listed {
                    row,
                    execution,
                    mismatch,
                }
            })
            .collect(),
        truncated,
    })
}

impl Render for ListReport {
    fn render(&self, doc: &mut Doc) {
        let now = Timestamp::now();
        let mut t = Table::new([
            "process",
            "type",
            "status",
            "progress",
            "age",
            "idle",
            "execution",
        ]);
        for l in &self.rows {
            let r = &l.row;
            let exec = l
                .execution
                .as_ref()
                .map(|e| e.status.clone())
                .unwrap_or_else(|| "-".into());
            t.row([
                Cell::new(r.id.to_string()),
                Cell::new(r.kind.trim_end_matches("_GENERATION")),
                Cell::new(&r.status),
                if (0..=100).contains(&r.progress) {
                    Cell::new(r.progress.to_string())
                } else {
                    Cell::toned(r.progress.to_string(), Tone::Warn)
                },
                Cell::new(age(now, r.created_at)),
                Cell::new(age(now, r.updated_at)),
                if l.mismatch {
                    Cell::toned(exec, Tone::Warn)
                } else {
                    Cell::new(exec)
                },
            ]);
        }
        doc.table(t);
        let mismatched = self.rows.iter().filter(|l| l.mismatch).count();
        doc.note(
            Tone::Dim,
            format!(
                "{} processes{}",
                self.rows.len(),
                if self.truncated {
                    " (more: raise --limit)"
                } else {
                    ""
                }
            ),
        );
        if mismatched > 0 {
            doc.note(Tone::Warn, format!("{mismatched} rows disagree with their execution; `process repair` reconciles them"));
        }
    }
}

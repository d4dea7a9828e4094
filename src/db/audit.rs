//! The audit trail: who changed what, when, from what to what, and why. Database changes write
//! their entry in the same transaction as the change, so a change never exists without its entry.

use super::Db;
use crate::error::{Result, db_err};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio_postgres::GenericClient;

/// The schema mandala-ops keeps its own tables in, apart from the service's.
pub const SCHEMA: &str = "mandala_ops";

const DDL: &str = "
CREATE SCHEMA IF NOT EXISTS mandala_ops;
CREATE TABLE IF NOT EXISTS mandala_ops.audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    run_id      uuid NOT NULL,
    operator    text NOT NULL,
    command     text NOT NULL,
    target      text NOT NULL,
    target_id   text NOT NULL,
    action      text NOT NULL,
    reason      text NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX IF NOT EXISTS audit_target_idx ON mandala_ops.audit (target, target_id, at);
CREATE INDEX IF NOT EXISTS audit_run_idx ON mandala_ops.audit (run_id);
";

/// One applied change.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub run_id: uuid::Uuid,
    pub operator: String,
    pub command: String,
    pub target: String,
    pub target_id: String,
    pub action: String,
    pub reason: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Creates mandala-ops' own tables if missing. Serialised by a transaction-level advisory lock,
/// because concurrent `CREATE ... IF NOT EXISTS` can still collide in the catalogue.
pub async fn ensure_schema(db: &mut Db) -> Result<()> {
    let doing = "creating the mandala_ops schema (audit trail)";
    let tx = db.transaction().await.map_err(db_err(doing))?;
    tx.execute(
        "SELECT pg_advisory_xact_lock($1)",
        &[&super::lock::lock_key("schema")],
    )
    .await
    .map_err(db_err(doing))?;
    tx.batch_execute(DDL).await.map_err(db_err(doing))?;
    tx.commit().await.map_err(db_err(doing))?;
    Ok(())
}

/// Records one change; call inside the transaction that makes it.
pub async fn record(client: &impl GenericClient, entry: &Entry) -> Result<()> {
    client
        .execute(
            "INSERT INTO mandala_ops.audit \
             (run_id, operator, command, target, target_id, action, reason, before, after) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &entry.run_id,
                &entry.operator,
                &entry.command,
                &entry.target,
                &entry.target_id,
                &entry.action,
                &entry.reason,
                &entry.before,
                &entry.after,
            ],
        )
        .await
        .map_err(db_err(format!(
            "writing the audit entry for {} {}",
            entry.target, entry.target_id
        )))?;
    Ok(())
}

/// Who is running this: `MANDALA_OPERATOR`, else `user@host`.
pub fn operator() -> String {
    if let Ok(op) = std::env::var("MANDALA_OPERATOR")
        && !op.trim().is_empty()
    {
        return op;
    }
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| {
            nix::unistd::User::from_uid(nix::unistd::geteuid())
                .ok()
                .flatten()
                .map(|u| u.name)
                .unwrap_or_else(|| "unknown".into())
        });
    let host = nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .unwrap_or_else(|| "localhost".into());
    format!("{user}@{host}")
}

/// Records changes made outside the database (AWS settings) before they are made. The local
/// journal always gets a copy, so an emergency stop made while the database is down is still on
/// record; the environment's audit table gets one too when its database answers. Returns where
/// the entries went.
pub async fn record_outside(
    ctx: &crate::context::Context,
    entries: &[Entry],
) -> Result<Vec<String>> {
    let journal = &ctx.audit_journal;
    append_journal(journal, entries)?;
    let mut wrote = vec![journal.display().to_string()];
    let in_db = async {
        let mut db = ctx.db().await?;
        ensure_schema(&mut db).await?;
        for e in entries {
            record(&db.client, e).await?;
        }
        Ok::<_, crate::error::Error>(db.label.clone())
    };
    match in_db.await {
        Ok(label) => wrote.push(format!("{SCHEMA}.audit on {label}")),
        Err(e) => ctx.out.warn(format!(
            "audit entries kept in {} only: {e}",
            journal.display()
        )),
    }
    Ok(wrote)
}

/// `MANDALA_AUDIT_JOURNAL`, else `audit.jsonl` in mandala-ops' state folder.
pub fn journal_path() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("MANDALA_AUDIT_JOURNAL").filter(|p| !p.is_empty()) {
        return p.into();
    }
    crate::sandbox::state::home().join("audit.jsonl")
}

fn append_journal(path: &std::path::Path, entries: &[Entry]) -> Result<()> {
    use std::io::Write;
    let fail = |e: std::io::Error| {
        crate::error::Error::failed(format!(
            "cannot write the audit journal {}: {e}; nothing was changed",
            path.display()
        ))
        .with_hint("set MANDALA_AUDIT_JOURNAL to a writable file")
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let at = jiff::Timestamp::now().to_string();
    let mut text = String::new();
    for e in entries {
        let mut v =
            serde_json::to_value(e).map_err(|e| crate::error::Error::internal(e.to_string()))?;
        v["at"] = at.clone().into();
        text.push_str(&v.to_string());
        text.push('\n');
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(fail)?;
    f.write_all(text.as_bytes()).map_err(fail)?;
    f.sync_data().map_err(fail)
}

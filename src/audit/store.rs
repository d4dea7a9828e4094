//! The audit store: who changed what, when, from what to what, and why. Database changes write
//! their entry in the same transaction as the change, so a change never exists without its entry.

use crate::db::Db;
use crate::error::{Result, db_err};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio_postgres::GenericClient;

pub use crate::db::OWN_SCHEMA as SCHEMA;

const DDL: &str = "
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

/// Creates the audit table if missing.
pub async fn ensure_schema(db: &mut Db) -> Result<()> {
    crate::db::ensure_tables(db, "the audit trail", DDL).await
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

/// Records changes made outside the database (AWS settings) before they are made. The local
/// journal always gets a copy, so an emergency stop made while the database is down is still on
/// record; the environment's audit table gets one too when its database answers. Returns where
/// the entries went.
pub async fn record_outside(
    ctx: &crate::context::Context,
    entries: &[Entry],
) -> Result<Vec<String>> {
    Outside::new(ctx).record(entries).await
}

/// [`record_outside`] for a run that records change after change (`logs archive`, a day at a
/// time): one database connection serves them all, where a connection each cost more than the
/// change itself.
pub struct Outside<'c> {
    ctx: &'c crate::context::Context,
    db: Option<Db>,
}

impl<'c> Outside<'c> {
    pub fn new(ctx: &'c crate::context::Context) -> Self {
        Outside { ctx, db: None }
    }

    /// Journals `entries`, then writes them to the audit table; where they went.
    pub async fn record(&mut self, entries: &[Entry]) -> Result<Vec<String>> {
        let journal = &self.ctx.audit_journal;
        super::journal::append(journal, entries)?;
        let mut wrote = vec![journal.display().to_string()];
        match self.in_db(entries).await {
            Ok(label) => wrote.push(format!("{SCHEMA}.audit on {label}")),
            Err(e) => {
                // A connection that failed once is not trusted again; the next entry reconnects.
                self.db = None;
                self.ctx.out.warn(format!(
                    "audit entries kept in {} only: {e}",
                    journal.display()
                ))
            }
        }
        Ok(wrote)
    }

    async fn in_db(&mut self, entries: &[Entry]) -> Result<String> {
        let db = match &mut self.db {
            Some(db) => db,
            None => {
                let mut db = self.ctx.db().await?;
                ensure_schema(&mut db).await?;
                self.db.insert(db)
            }
        };
        for e in entries {
            record(&db.client, e).await?;
        }
        Ok(db.label.clone())
    }
}

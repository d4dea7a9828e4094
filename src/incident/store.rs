//! Where incident records live: one JSON file each in the state folder (always, so an incident
//! opened while the database is down is still on record), and the environment's
//! `mandala_ops.incident` table when its database answers, so the whole on-call team sees them.

use super::Incident;
use crate::context::Context;
use crate::db::Db;
use crate::error::{Error, Result, db_err};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const DDL: &str = "
CREATE TABLE IF NOT EXISTS mandala_ops.incident (
    id          text PRIMARY KEY,
    environment text NOT NULL,
    status      text NOT NULL,
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    record      jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_env_idx ON mandala_ops.incident (environment, opened_at);
";

fn file(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.json"))
}

/// What the records say, and what could not be read.
pub struct Loaded {
    pub incidents: Vec<Incident>,
    pub notes: Vec<String>,
}

/// Every incident of the environment `env`, newest first: the state folder's and the database's,
/// the later update winning where both hold one.
pub async fn load(ctx: &Context, env: &str) -> Result<Loaded> {
    let dir = ctx.state.incidents();
    let mut notes = Vec::new();
    let mut by_id: BTreeMap<String, Incident> = BTreeMap::new();
    let mut keep = |i: Incident| {
        if i.environment == env
            && by_id
                .get(&i.id)
                .is_none_or(|held| held.updated_at < i.updated_at)
        {
            by_id.insert(i.id.clone(), i);
        }
    };
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut unreadable = 0;
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().is_none_or(|x| x != "json") {
                    continue;
                }
                match std::fs::read(&path)
                    .ok()
                    .and_then(|b| serde_json::from_slice::<Incident>(&b).ok())
                {
                    Some(i) => keep(i),
                    None => unreadable += 1,
                }
            }
            if unreadable > 0 {
                notes.push(format!(
                    "{unreadable} files in {} could not be read",
                    dir.display()
                ));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(Error::failed(format!(
                "cannot read the incidents folder {}: {e}",
                dir.display()
            )));
        }
    }
    match from_db(ctx, env).await {
        Ok(rows) => rows.into_iter().for_each(&mut keep),
        Err(e) => notes.push(format!(
            "only this machine's records ({}): {e}",
            dir.display()
        )),
    }
    let mut incidents: Vec<Incident> = by_id.into_values().collect();
    incidents.sort_by(|a, b| b.opened_at.cmp(&a.opened_at).then(b.id.cmp(&a.id)));
    Ok(Loaded { incidents, notes })
}

async fn from_db(ctx: &Context, env: &str) -> Result<Vec<Incident>> {
    let db = ctx.db().await?;
    let doing = "reading the incident records";
    let exists: bool = db
        .query_one(
            "SELECT to_regclass('mandala_ops.incident') IS NOT NULL",
            &[],
        )
        .await
        .map_err(db_err(doing))?
        .get(0);
    if !exists {
        return Ok(Vec::new());
    }
    let rows = db
        .query(
            "SELECT record FROM mandala_ops.incident WHERE environment = $1",
            &[&env],
        )
        .await
        .map_err(db_err(doing))?;
    Ok(rows
        .iter()
        .filter_map(|r| serde_json::from_value(r.get(0)).ok())
        .collect())
}

/// Where a record was written.
pub struct Saved {
    pub wrote: Vec<String>,
    pub notes: Vec<String>,
}

/// Writes `incident` to the state folder, then to the database when it answers. A record the
/// database already holds as closed is never reopened or rewritten there: that is an error
/// naming who closed it (the state folder is left as it was).
pub async fn save(ctx: &Context, incident: &Incident) -> Result<Saved> {
    let mut saved = Saved {
        wrote: Vec::new(),
        notes: Vec::new(),
    };
    match ctx.db().await {
        Ok(mut db) => match to_db(&mut db, incident).await {
            Ok(()) => saved
                .wrote
                .push(format!("mandala_ops.incident on {}", db.label)),
            Err(e @ Error::Usage { .. }) => return Err(e),
            Err(e) => saved.notes.push(format!("not in the database: {e}")),
        },
        Err(e) => saved.notes.push(format!("not in the database: {e}")),
    }
    let path = file(&ctx.state.incidents(), &incident.id);
    crate::state::write_json(&path, incident, true).map_err(|e| {
        Error::failed(format!(
            "cannot write the incident record {}: {e}",
            path.display()
        ))
        .with_hint("set MANDALA_STATE_DIR to a folder you can write to")
    })?;
    saved.wrote.insert(0, path.display().to_string());
    Ok(saved)
}

async fn to_db(db: &mut Db, i: &Incident) -> Result<()> {
    crate::db::ensure_tables(db, "incident records", DDL).await?;
    let record = serde_json::to_value(i).map_err(|e| Error::internal(e.to_string()))?;
    let written = db
        .execute(
            "INSERT INTO mandala_ops.incident (id, environment, status, opened_at, updated_at, record) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, \
               updated_at = EXCLUDED.updated_at, record = EXCLUDED.record \
             WHERE mandala_ops.incident.status = 'open'",
            &[
                &i.id,
                &i.environment,
                &i.status.name(),
                &i.opened_at,
                &i.updated_at,
                &record,
            ],
        )
        .await
        .map_err(db_err("writing the incident record"))?;
    if written == 0 {
        let held: serde_json::Value = db
            .query_one(
                "SELECT record FROM mandala_ops.incident WHERE id = $1",
                &[&i.id],
            )
            .await
            .map_err(db_err("reading the incident record"))?
            .get(0);
        let by = held["closed_by"].as_str().unwrap_or("someone");
        let at = held["closed_at"].as_str().unwrap_or("");
        return Err(Error::usage(format!(
            "incident {} was already closed by {by} at {at}",
            i.id
        ))
        .with_hint("`incident list` shows every incident and its state"));
    }
    Ok(())
}

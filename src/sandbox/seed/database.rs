//! Writes a plan's rows: the service's schema from scratch, then profiles, goals and
//! processing_state, in one transaction.

use super::plan::{Plan, Process};
use crate::db::Db;
use crate::error::{Result, db_err};
use jiff::Timestamp;
use serde_json::Value;
use uuid::Uuid;

const SCHEMA: &str = include_str!("schema.sql");

pub async fn apply(
    db: &mut Db,
    plan: &Plan,
    execution_arn: impl Fn(&Process) -> Option<String>,
) -> Result<()> {
    let doing = "seeding the sandbox database";
    let tx = db.transaction().await.map_err(db_err(doing))?;
    tx.batch_execute(SCHEMA).await.map_err(db_err(doing))?;

    let ids: Vec<Uuid> = plan.users.iter().map(|_| Uuid::new_v4()).collect();
    let user_ids: Vec<Uuid> = plan.users.iter().map(|u| u.id).collect();
    let emails: Vec<&str> = plan.users.iter().map(|u| u.email.as_str()).collect();
    let names: Vec<&str> = plan.users.iter().map(|u| u.display_name).collect();
    let industries: Vec<&str> = plan.users.iter().map(|u| u.industry).collect();
    let jobs: Vec<&str> = plan.users.iter().map(|u| u.job_title).collect();
    tx.execute(
        "INSERT INTO profiles (id, user_id, email, display_name, industry, job_title) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])",
        &[&ids, &user_ids, &emails, &names, &industries, &jobs],
    )
    .await
    .map_err(db_err(doing))?;

    let goal_ids: Vec<Uuid> = plan.goals.iter().map(|g| g.id).collect();
    let goal_users: Vec<Uuid> = plan.goals.iter().map(|g| g.user_id).collect();
    let titles: Vec<&str> = plan.goals.iter().map(|g| g.title).collect();
    let descriptions: Vec<&str> = plan.goals.iter().map(|g| g.description).collect();
    let backgrounds: Vec<&str> = plan.goals.iter().map(|g| g.background).collect();
    let deadlines: Vec<i64> = plan.goals.iter().map(|g| g.deadline_days).collect();
    tx.execute(
        "INSERT INTO goals (id, user_id, title, description, background, deadline) \
         SELECT g.id, g.user_id, g.title, g.description, g.background, current_date + g.days::int \
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[]) \
              AS g(id, user_id, title, description, background, days)",
        &[
            &goal_ids,
            &goal_users,
            &titles,
            &descriptions,
            &backgrounds,
            &deadlines,
        ],
    )
    .await
    .map_err(db_err(doing))?;

    let p = &plan.processes;
    let ids: Vec<Uuid> = p.iter().map(|r| r.id).collect();
    let users: Vec<Uuid> = p.iter().map(|r| r.user_id).collect();
    let kinds: Vec<&str> = p.iter().map(|r| r.kind).collect();
    let statuses: Vec<&str> = p.iter().map(|r| r.status).collect();
    let progress: Vec<i32> = p.iter().map(|r| r.progress).collect();
    let inputs: Vec<Value> = p.iter().map(|r| r.input.clone()).collect();
    let results: Vec<Option<Value>> = p.iter().map(|r| r.result.clone()).collect();
    let errors: Vec<Option<Value>> = p.iter().map(|r| r.error.clone()).collect();
    let arns: Vec<Option<String>> = p.iter().map(&execution_arn).collect();
    let created: Vec<Timestamp> = p.iter().map(|r| r.created_at).collect();
    let updated: Vec<Timestamp> = p.iter().map(|r| r.updated_at).collect();
    let completed: Vec<Option<Timestamp>> = p.iter().map(|r| r.completed_at).collect();
    tx.execute(
        "INSERT INTO processing_state \
           (id, user_id, type, status, progress, input, result, error, execution_arn, created_at, updated_at, completed_at) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], \
                              $8::jsonb[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])",
        &[&ids, &users, &kinds, &statuses, &progress, &inputs, &results, &errors, &arns, &created, &updated, &completed],
    )
    .await
    .map_err(db_err(doing))?;
    tx.commit().await.map_err(db_err(doing))?;
    Ok(())
}

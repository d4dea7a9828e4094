//! Writes a plan's rows: the service's schema from scratch, then profiles, the goal hierarchy
//! (goals, sub-goals, actions, tasks) and processing_state, in one transaction.

use super::mandala::{Action, SubGoal};
use super::plan::{Plan, Process};
use crate::db::Db;
use crate::error::{Result, db_err};
use crate::pipeline::domain::{Priority, Task};
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

    let goals = &plan.goals;
    let goal_ids: Vec<Uuid> = goals.iter().map(|g| g.id).collect();
    let goal_users: Vec<Uuid> = goals.iter().map(|g| g.user_id).collect();
    let titles: Vec<&str> = goals.iter().map(|g| g.goal.title.as_str()).collect();
    let descriptions: Vec<&str> = goals.iter().map(|g| g.goal.description.as_str()).collect();
    let deadlines: Vec<Option<&str>> = goals.iter().map(|g| g.goal.deadline.as_deref()).collect();
    let backgrounds: Vec<Option<&str>> =
        goals.iter().map(|g| g.goal.background.as_deref()).collect();
    let constraints: Vec<Option<&str>> = goals
        .iter()
        .map(|g| g.goal.constraints.as_deref())
        .collect();
    tx.execute(
        "INSERT INTO goals (id, user_id, title, description, deadline, background, constraints) \
         SELECT id, user_id, title, description, deadline::date, background, constraints \
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) \
              AS g(id, user_id, title, description, deadline, background, constraints)",
        &[&goal_ids, &goal_users, &titles, &descriptions, &deadlines, &backgrounds, &constraints],
    )
    .await
    .map_err(db_err(doing))?;

    let subs: Vec<(Uuid, usize, &SubGoal)> = goals
        .iter()
        .flat_map(|g| g.sub_goals.iter().enumerate().map(|(i, s)| (g.id, i, s)))
        .collect();
    tx.execute(
        "INSERT INTO sub_goals (id, goal_id, position, title, description, background) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[])",
        &[
            &subs.iter().map(|s| s.2.id).collect::<Vec<_>>(),
            &subs.iter().map(|s| s.0).collect::<Vec<_>>(),
            &subs.iter().map(|s| s.1 as i32).collect::<Vec<_>>(),
            &subs.iter().map(|s| s.2.sub_goal.title.as_str()).collect::<Vec<_>>(),
            &subs.iter().map(|s| s.2.sub_goal.description.as_str()).collect::<Vec<_>>(),
            &subs.iter().map(|s| s.2.sub_goal.background.as_deref()).collect::<Vec<_>>(),
        ],
    )
    .await
    .map_err(db_err(doing))?;

    let actions: Vec<(Uuid, usize, &Action)> = subs
        .iter()
        .flat_map(|(_, _, s)| s.actions.iter().enumerate().map(|(i, a)| (s.id, i, a)))
        .collect();
    tx.execute(
        "INSERT INTO actions (id, sub_goal_id, position, title, description, background, type) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])",
        &[
            &actions.iter().map(|a| a.2.id).collect::<Vec<_>>(),
            &actions.iter().map(|a| a.0).collect::<Vec<_>>(),
            &actions.iter().map(|a| a.1 as i32).collect::<Vec<_>>(),
            &actions.iter().map(|a| a.2.action.title.as_str()).collect::<Vec<_>>(),
            &actions.iter().map(|a| a.2.action.description.as_str()).collect::<Vec<_>>(),
            &actions.iter().map(|a| a.2.action.background.as_deref()).collect::<Vec<_>>(),
            &actions.iter().map(|a| a.2.action.kind.as_str()).collect::<Vec<_>>(),
        ],
    )
    .await
    .map_err(db_err(doing))?;

    let tasks: Vec<(&Action, Uuid, &Task)> = actions
        .iter()
        .flat_map(|(_, _, a)| a.tasks.iter().map(move |(id, t)| (*a, *id, t)))
        .collect();
    // Dependencies name other tasks of the same action by title; the table keeps their ids.
    let dependencies: Vec<Value> = tasks
        .iter()
        .map(|(action, _, t)| {
            t.dependencies
                .iter()
                .filter_map(|title| action.tasks.iter().find(|(_, o)| &o.title == title))
                .map(|(id, _)| Value::String(id.to_string()))
                .collect()
        })
        .collect();
    tx.execute(
        "INSERT INTO tasks (id, action_id, title, description, estimated_minutes, priority, dependencies) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::jsonb[])",
        &[
            &tasks.iter().map(|t| t.1).collect::<Vec<_>>(),
            &tasks.iter().map(|t| t.0.id).collect::<Vec<_>>(),
            &tasks.iter().map(|t| t.2.title.as_str()).collect::<Vec<_>>(),
            &tasks.iter().map(|t| t.2.description.as_str()).collect::<Vec<_>>(),
            // The pipeline's quality step has filled in the defaults; NOT NULL catches a gap.
            &tasks.iter().map(|t| t.2.estimated_minutes.map(|m| m as i32)).collect::<Vec<_>>(),
            &tasks.iter().map(|t| t.2.priority.map(Priority::as_str)).collect::<Vec<_>>(),
            &dependencies,
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
    if plan.scenario == super::plan::Scenario::Incident {
        // 004 データベースクエリの遅延: the index a user's process list needs is gone.
        tx.batch_execute("DROP INDEX idx_processing_state_user_created")
            .await
            .map_err(db_err(doing))?;
    }
    tx.commit().await.map_err(db_err(doing))?;
    Ok(())
}

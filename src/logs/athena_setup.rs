//! `logs athena-setup`: the Athena database and table over the log archive, with partition
//! projection by component and day ([`crate::insights::sql::table_ddl`]), so the days `logs
//! archive` writes are queryable as they land and no partition is ever added by hand. Dry run
//! by default: the DDL is printed; with `--apply` each statement runs in the workgroup.

use crate::audit::{self, Entry};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Doc, Render, Tone};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SetupReport {
    pub database: String,
    pub table: String,
    pub workgroup: String,
    pub location: String,
    pub statements: Vec<String>,
    pub applied: bool,
    /// Athena's query execution ids, one a statement, when applied.
    pub executions: Vec<String>,
    pub audit: Vec<String>,
}

pub async fn setup(ctx: &Context, apply: bool) -> Result<SetupReport> {
    let env = ctx.env()?;
    let name = env.name.as_str();
    let archive = env.archive.as_ref().ok_or_else(|| {
        Error::usage(format!("{name} has no log archive bucket")).with_hint(format!(
            "name it as environments.{name}.archive.bucket in the config file"
        ))
    })?;
    let mut report = SetupReport {
        database: archive.database.clone(),
        table: archive.table(name),
        workgroup: archive.workgroup.clone(),
        location: archive.location(name),
        statements: crate::insights::sql::table_ddl(archive, name),
        applied: apply,
        executions: Vec::new(),
        audit: Vec::new(),
    };
    if !apply {
        return Ok(report);
    }
    let _held = crate::locks::hold(ctx, vec!["athena-setup".into()]).await?;
    let aws = ctx.aws().await?;
    let spinner = ctx.out.spinner("creating the Athena table");
    for sql in &report.statements {
        let answer = crate::aws::athena::run(
            aws,
            &crate::aws::athena::Request {
                sql,
                // The database may not exist before the first statement makes it.
                database: "default",
                workgroup: &archive.workgroup,
                output: archive.output.as_deref(),
            },
            &spinner,
            std::pin::pin!(std::future::pending()),
        )
        .await;
        let answer = match answer {
            Ok(a) => a,
            Err(e) => {
                spinner.finish_and_clear();
                return Err(e);
            }
        };
        report.executions.push(answer.id);
    }
    spinner.finish_and_clear();
    let entry = Entry {
        run_id: uuid::Uuid::new_v4(),
        operator: ctx.operator.clone(),
        command: "logs athena-setup".into(),
        target: "athena-table".into(),
        target_id: format!("{}.{}", report.database, report.table),
        action: "create-or-update".into(),
        reason: "the log archive queryable on Athena".into(),
        before: None,
        after: Some(serde_json::json!({
            "location": report.location,
            "workgroup": report.workgroup,
            "executions": report.executions,
        })),
    };
    report.audit = audit::record_outside(ctx, &[entry]).await?;
    Ok(report)
}

impl Render for SetupReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!(
            "Athena table {}.{} over {} ({})",
            self.database,
            self.table,
            self.location,
            if self.applied { "applied" } else { "dry run" }
        ));
        for sql in &self.statements {
            doc.code(format!("{sql};"));
        }
        if self.applied {
            doc.note(
                Tone::Good,
                format!(
                    "{} statements ran in workgroup {} ({})",
                    self.executions.len(),
                    self.workgroup,
                    self.executions.join(", ")
                ),
            );
        } else {
            doc.note(Tone::Dim, "dry run: --apply runs these statements");
        }
    }
}

//! `config show`: what this run resolved from the flags, the environment and the config file,
//! so an on-call engineer can check names, paths and thresholds before acting. The context
//! fills it in (`Context::config_report`).

use super::names::{Component, TABLE};
use super::{Environment, Thresholds};
use crate::output::{Cell, Doc, Render, Table, Tone};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ConfigReport {
    pub config_file: Option<String>,
    pub environment: Option<Environment>,
    /// Where this run keeps and reads its files.
    pub paths: Paths,
    pub operator: String,
    /// The database this run would connect to, without its password (`null` when none is set).
    pub database: Option<String>,
    pub db_timeout: String,
    pub components: Vec<ComponentRow>,
    pub thresholds: Thresholds,
}

#[derive(Debug, Serialize)]
pub struct Paths {
    pub state_dir: String,
    pub sandbox_dir: String,
    pub audit_journal: String,
    /// `null`: the shipped library.
    pub queries_dir: Option<String>,
    pub runbooks_dir: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ComponentRow {
    pub id: &'static str,
    pub kind: super::names::Kind,
    pub name: Option<String>,
    pub default: &'static str,
    pub source: &'static str,
}

/// The table of components and their names in `env` (the defaults without one).
pub fn components(env: Option<&Environment>) -> Vec<ComponentRow> {
    TABLE
        .iter()
        .map(|s| ComponentRow {
            id: s.id,
            kind: s.kind,
            name: env.map(|e| e.names.get(s.component).to_string()),
            default: s.default,
            source: s.source,
        })
        .collect()
}

impl Render for ConfigReport {
    fn render(&self, doc: &mut Doc) {
        let env = self.environment.as_ref();
        doc.fields([
            (
                "environment",
                env.map(|e| e.name.to_string())
                    .unwrap_or_else(|| "(none: pass --env)".into()),
            ),
            (
                "region",
                env.map(|e| e.region.clone()).unwrap_or_else(|| "-".into()),
            ),
            (
                "profile",
                env.and_then(|e| e.profile.clone())
                    .unwrap_or_else(|| "(default chain)".into()),
            ),
            (
                "endpoint",
                env.and_then(|e| e.endpoint_url.clone())
                    .unwrap_or_else(|| "AWS".into()),
            ),
            (
                "config file",
                self.config_file.clone().unwrap_or_else(|| "(none)".into()),
            ),
            (
                "database",
                self.database
                    .clone()
                    .unwrap_or_else(|| "(none: DATABASE_URL or a secret)".into()),
            ),
            ("operator", self.operator.clone()),
            ("state folder", self.paths.state_dir.clone()),
            ("sandbox folder", self.paths.sandbox_dir.clone()),
            ("audit journal", self.paths.audit_journal.clone()),
            (
                "queries",
                self.paths
                    .queries_dir
                    .clone()
                    .unwrap_or_else(|| "(shipped)".into()),
            ),
            (
                "runbooks",
                self.paths
                    .runbooks_dir
                    .clone()
                    .unwrap_or_else(|| "(shipped)".into()),
            ),
        ]);
        let mut t = Table::new(["component", "name", "source"]);
        for row in &self.components {
            let name = match &row.name {
                Some(n) => Cell::new(n),
                None => Cell::toned(row.default, Tone::Dim),
            };
            t.row([Cell::new(row.id), name, Cell::toned(row.source, Tone::Dim)]);
        }
        doc.heading("Resource names");
        doc.table(t);
        if let Some(env) = env {
            let groups: Vec<String> = Component::functions()
                .map(|c| env.names.log_group(c))
                .collect();
            doc.heading("Log groups");
            doc.text(groups.join("\n"));
        }
        doc.note(
            Tone::Dim,
            "thresholds: `mandala-ops config show -o json` lists every value and its default",
        );
    }
}

//! `health --env dev,stg,prod` / `--all-envs`: every environment's checks side by side, within
//! the one deadline, as one report whose exit status is the worst environment's.

use super::{COLUMNS, Options, Report, Row, Status, catalogue, run, select, tone};
use crate::config::Environment;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::output::junit::Suite;
use crate::output::{Cell, Doc, Render, Table};
use serde::{Serialize, Serializer};
use std::time::Instant;

/// One report per environment, in the order they were named.
#[derive(Debug)]
pub struct Fleet {
    pub reports: Vec<Report>,
    strict: bool,
    since: String,
    took_ms: u64,
}

impl Fleet {
    pub fn status(&self) -> Status {
        self.reports
            .iter()
            .map(|r| r.status)
            .max()
            .unwrap_or(Status::Ok)
    }

    pub fn exit_status(&self) -> ExitStatus {
        self.reports
            .iter()
            .map(Report::exit_status)
            .fold(ExitStatus::Ok, ExitStatus::merge)
    }
}

/// Runs the checks on every environment at once. A selection that leaves nothing is bad input
/// for all of them; an environment that cannot be used (no sandbox running, no credentials) is a
/// critical row of its own, never a hole in the table.
pub async fn fleet(ctx: &Context, envs: &[Environment], opts: &Options) -> Result<Fleet> {
    select(catalogue(), &opts.checks, &opts.skip)?;
    let started = Instant::now();
    let runs = envs.iter().map(|env| async move {
        let report = match ctx.for_env(env.clone()) {
            Ok(child) => run(&child, opts).await,
            Err(e) => Err(e),
        };
        report.unwrap_or_else(|e| unusable(env, opts, &e))
    });
    Ok(Fleet {
        reports: futures::future::join_all(runs).await,
        strict: opts.strict,
        since: crate::time::format_duration(opts.since),
        took_ms: started.elapsed().as_millis() as u64,
    })
}

/// The report of an environment no check could look at.
fn unusable(env: &Environment, opts: &Options, err: &Error) -> Report {
    let message = match err.hint() {
        Some(hint) => format!("{err} ({hint})"),
        None => err.to_string(),
    };
    Report {
        status: Status::Critical,
        environment: env.name.to_string(),
        since: crate::time::format_duration(opts.since),
        strict: opts.strict,
        took_ms: 0,
        checks: vec![Row::new(
            "environment",
            "DESIGN.md: a check that could not look is never a pass",
            Status::Critical,
            message,
        )],
    }
}

impl Render for Fleet {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(std::iter::once("environment").chain(COLUMNS));
        for r in &self.reports {
            for row in &r.checks {
                t.row(std::iter::once(Cell::new(&r.environment)).chain(row.cells()));
            }
        }
        doc.table(t);
        for r in &self.reports {
            doc.note(tone(r.status), r.summary());
        }
        let worst: Vec<&str> = self
            .reports
            .iter()
            .filter(|r| r.status == self.status())
            .map(|r| r.environment.as_str())
            .collect();
        doc.note(
            tone(self.status()),
            format!(
                "{}: the worst of {} environments ({}) in {:.1} s",
                self.status().as_str(),
                self.reports.len(),
                worst.join(", "),
                self.took_ms as f64 / 1000.0
            ),
        );
    }

    fn status(&self) -> ExitStatus {
        self.exit_status()
    }

    fn suites(&self) -> Vec<Suite> {
        self.reports.iter().map(Report::suite).collect()
    }
}

/// The one-environment document with an environment on each check and a summary per
/// environment: `{"status", "strict", "since", "took_ms", "environments": [...], "checks": [...]}`.
impl Serialize for Fleet {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Env<'a> {
            environment: &'a str,
            status: Status,
            took_ms: u64,
            checks: usize,
        }
        #[derive(Serialize)]
        struct Check<'a> {
            environment: &'a str,
            #[serde(flatten)]
            row: &'a Row,
        }
        #[derive(Serialize)]
        struct Document<'a> {
            status: Status,
            strict: bool,
            since: &'a str,
            took_ms: u64,
            environments: Vec<Env<'a>>,
            checks: Vec<Check<'a>>,
        }
        Document {
            status: self.status(),
            strict: self.strict,
            since: &self.since,
            took_ms: self.took_ms,
            environments: self
                .reports
                .iter()
                .map(|r| Env {
                    environment: &r.environment,
                    status: r.status,
                    took_ms: r.took_ms,
                    checks: r.checks.len(),
                })
                .collect(),
            checks: self
                .reports
                .iter()
                .flat_map(|r| {
                    r.checks.iter().map(|row| Check {
                        environment: &r.environment,
                        row,
                    })
                })
                .collect(),
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(env: &str, status: Status, strict: bool) -> Report {
        Report {
            status,
            environment: env.into(),
            since: "1h".into(),
            strict,
            took_ms: 5,
            checks: vec![Row::new("deploy.api", "001", status, "x")],
        }
    }

    fn fleet(reports: Vec<Report>) -> Fleet {
        Fleet {
            reports,
            strict: false,
            since: "1h".into(),
            took_ms: 7,
        }
    }

    #[test]
    fn the_exit_status_is_the_worst_environments() {
        let f = fleet(vec![
            report("dev", Status::Critical, false),
            report("prod", Status::Ok, false),
        ]);
        assert_eq!(f.exit_status(), ExitStatus::Critical);
        let f = fleet(vec![
            report("dev", Status::Ok, false),
            report("stg", Status::Unknown, true),
        ]);
        assert_eq!(f.exit_status(), ExitStatus::Warn);
        assert_eq!(f.status(), Status::Unknown);
    }

    #[test]
    fn json_puts_the_environment_on_every_check() {
        let f = fleet(vec![
            report("dev", Status::Warn, false),
            report("prod", Status::Ok, false),
        ]);
        let v = serde_json::to_value(&f).unwrap();
        assert_eq!(v["status"], "warn");
        assert_eq!(v["environments"][1]["environment"], "prod");
        assert_eq!(v["checks"][0]["environment"], "dev");
        assert_eq!(v["checks"][0]["name"], "deploy.api");
        assert_eq!(v["checks"][1]["status"], "ok");
    }

    #[test]
    fn an_unusable_environment_is_a_critical_row() {
        let env = Environment::resolve(
            crate::config::EnvName::Stg,
            &Default::default(),
            None,
            None,
            None,
            None,
        )
        .unwrap();
        let r = unusable(
            &env,
            &Options::default(),
            &Error::usage("the sandbox is not running").with_hint("mandala-ops sandbox up"),
        );
        assert_eq!(r.status, Status::Critical);
        assert_eq!(r.environment, "stg");
        assert!(r.checks[0].message.contains("sandbox up"));
    }
}

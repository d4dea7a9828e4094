//! The settings layer: the parsed command line, the process environment and the config file
//! become one run's [`Setup`] and a typed, validated [`Command`]. It is the only place that reads
//! environment variables or the config file, and everything it refuses is refused before any
//! work starts (exit 64).
//!
//! Precedence, highest first: command-line flags, environment variables (`MANDALA_ENV`,
//! `DATABASE_URL`, ...), the config file (`--config`, else the per-user file), the guides'
//! defaults.

mod command;
mod files;

pub use command::{Command, command};

use crate::cli::{Cli, Global};
use crate::config::{EnvName, Environment};
use crate::context::Setup;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::state::StateDir;
use crate::state::sandbox::{Dir, PgSearch};
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::io::IsTerminal;
use std::path::PathBuf;

/// The environment variables mandala-ops reads itself (clap reads the ones its flags name).
const VARS: &[&str] = &[
    "MANDALA_STATE_DIR",
    "MANDALA_AUDIT_JOURNAL",
    "MANDALA_OPERATOR",
    "MANDALA_QUERIES_DIR",
    "MANDALA_RUNBOOKS_DIR",
    "MANDALA_MOTO_VENV",
    "MANDALA_PG_BIN",
    "NO_COLOR",
    "AWS_REGION",
    "AWS_ACCESS_KEY_ID",
    "USER",
    "LOGNAME",
    "PATH",
];

/// The process environment, read once; empty values count as unset.
#[derive(Debug, Clone, Default)]
pub struct Vars {
    values: BTreeMap<&'static str, OsString>,
}

impl Vars {
    pub fn read() -> Vars {
        Vars::from_iter(VARS.iter().filter_map(|k| Some((*k, std::env::var_os(k)?))))
    }

    fn get(&self, name: &str) -> Option<&OsStr> {
        self.values
            .get(name)
            .map(OsString::as_os_str)
            .filter(|v| !v.is_empty())
    }

    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|v| v.to_string_lossy().into_owned())
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        self.get(name).map(PathBuf::from)
    }
}

impl FromIterator<(&'static str, OsString)> for Vars {
    fn from_iter<I: IntoIterator<Item = (&'static str, OsString)>>(iter: I) -> Vars {
        Vars {
            values: iter.into_iter().collect(),
        }
    }
}

/// Whether stdin, stdout and stderr are terminals.
pub fn terminals() -> [bool; 3] {
    [
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
        std::io::stderr().is_terminal(),
    ]
}

/// The printer `global` asks for; usable before anything else resolves, so errors in the rest
/// of the settings print in the format asked for.
pub fn output(global: &Global, vars: &Vars, ttys: [bool; 3]) -> Output {
    // Colour only on a terminal, never with `--no-color` or `NO_COLOR` (https://no-color.org).
    let color = !global.no_color && vars.get("NO_COLOR").is_none() && ttys[1];
    Output::new(global.output, color, global.quiet, ttys)
}

/// A context and command from command-line words, resolved as the binary resolves them, with no
/// terminal: for benchmarks and tools that drive the library.
pub fn from_args<I, T>(args: I) -> Result<(crate::context::Context, Command)>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::Parser;
    let cli = Cli::try_parse_from(args).map_err(|e| Error::usage(e.to_string()))?;
    let vars = Vars::read();
    let out = output(&cli.global, &vars, [false; 3]);
    let (setup, command) = resolve(cli, &vars, out)?;
    Ok((crate::context::Context::new(setup)?, command))
}

/// The whole command line resolved: the run's setup and its command.
pub fn resolve(cli: Cli, vars: &Vars, out: Output) -> Result<(Setup, Command)> {
    let all_envs = matches!(&cli.command, crate::cli::Command::Health(a) if a.all_envs);
    let (setup, fleet) = setup(&cli.global, all_envs, vars, out)?;
    let mut command = command(cli.command, &setup.thresholds, setup.timeout)?;
    if !fleet.is_empty() {
        match &mut command {
            Command::Health {
                fleet: f,
                watch: None,
                ..
            } => *f = fleet,
            Command::Health { .. } => {
                return Err(Error::usage("--watch redraws one environment")
                    .with_hint("give one --env to watch, or drop --watch for the fleet view"));
            }
            _ => {
                return Err(
                    Error::usage("only `health` runs on several environments at once")
                        .with_hint("give this command one --env"),
                );
            }
        }
    }
    if setup.out.format == crate::output::Format::Junit
        && !matches!(command, Command::Health { watch: None, .. })
    {
        return Err(Error::usage(
            "-o junit is for one `health` run: its checks are the test cases",
        )
        .with_hint("use -o json or -o table here (and drop --watch for junit)"));
    }
    if matches!(command, Command::Report { .. }) && setup.out.format == crate::output::Format::Csv {
        return Err(
            Error::usage("a report is a document, not one table: it has no CSV form")
                .with_hint("use --format markdown|html|json, or -o json for its data"),
        );
    }
    Ok((setup, command))
}

/// The run's setup, and the environments of a fleet run (`health --env dev,stg,prod`,
/// `--all-envs`; else empty, and the one environment is the setup's).
fn setup(
    g: &Global,
    all_envs: bool,
    vars: &Vars,
    out: Output,
) -> Result<(Setup, Vec<Environment>)> {
    let (file, config_path) = files::locate(g.config.as_deref())?;
    file.thresholds.validate()?;
    if g.region.as_deref().is_some_and(|r| r.trim().is_empty()) {
        return Err(Error::usage("--region is empty")
            .with_hint("give a region such as ap-northeast-1, or leave the flag out"));
    }
    let region_var = vars.text("AWS_REGION");
    let resolve = |name: EnvName| {
        Environment::resolve(
            name,
            &file,
            g.region.as_deref(),
            region_var.as_deref(),
            g.profile.as_deref(),
            g.db_secret_id.as_deref(),
        )
    };
    let mut names: Vec<EnvName> = if all_envs {
        file.environments
            .keys()
            .filter_map(|k| <EnvName as clap::ValueEnum>::from_str(k, false).ok())
            .collect()
    } else {
        g.env.clone()
    };
    if all_envs && names.is_empty() {
        return Err(Error::usage("--all-envs: the config file names no environment")
            .with_hint("add [environments.<env>] sections to the config file, or list them: --env dev,stg,prod"));
    }
    // In the order the names are declared (dev, stg, prod, sandbox), each once.
    let order = |n: &EnvName| {
        <EnvName as clap::ValueEnum>::value_variants()
            .iter()
            .position(|v| v == n)
    };
    if all_envs {
        names.sort_by_key(order);
    }
    let mut seen = Vec::new();
    names.retain(|n| {
        !seen.contains(n) && {
            seen.push(*n);
            true
        }
    });
    let mut envs = names.into_iter().map(resolve).collect::<Result<Vec<_>>>()?;
    let fleet = if all_envs || envs.len() > 1 {
        std::mem::take(&mut envs)
    } else {
        Vec::new()
    };
    let env = envs.pop();
    let sandbox_env = resolve(EnvName::Sandbox)?;
    let state = StateDir::new(
        vars.path("MANDALA_STATE_DIR")
            .unwrap_or_else(files::default_state_root),
    );
    let audit_journal = vars
        .path("MANDALA_AUDIT_JOURNAL")
        .unwrap_or_else(|| state.journal());
    crate::state::check_file_path(&audit_journal, "the audit journal (MANDALA_AUDIT_JOURNAL)")?;
    let sandbox_root = g.sandbox_dir.clone().unwrap_or_else(|| state.sandbox());
    if sandbox_root.exists() && !sandbox_root.is_dir() {
        return Err(Error::usage(format!(
            "the sandbox folder {} is not a folder",
            sandbox_root.display()
        ))
        .with_hint("choose another with --sandbox-dir"));
    }
    let sandbox_dir = Dir::new(
        sandbox_root,
        vars.path("MANDALA_MOTO_VENV"),
        PgSearch {
            bin: vars.path("MANDALA_PG_BIN"),
            path: vars
                .get("PATH")
                .map(|p| std::env::split_paths(p).collect())
                .unwrap_or_default(),
        },
    );
    let database_url = g.database_url.clone().filter(|u| !u.trim().is_empty());
    if !fleet.is_empty() && (database_url.is_some() || g.db_secret_id.is_some()) {
        // One database for several environments would report one as all of them.
        return Err(Error::usage(
            "DATABASE_URL and --db-secret-id name one database, and this run covers several environments",
        )
        .with_hint("unset DATABASE_URL (or drop --db-secret-id): each environment reads its own db_secret_id from the config file"));
    }
    if let (Some(url), Some(env)) = (&database_url, &env) {
        // A URL that cannot be used is bad input now, not a row of failed checks later.
        crate::db::Target::from_url(url, env.db_ca_file.as_deref())?;
    }
    let setup = Setup {
        out,
        env,
        sandbox_env,
        thresholds: file.thresholds,
        config_path,
        sandbox_dir,
        audit_journal,
        queries_dir: vars.path("MANDALA_QUERIES_DIR"),
        runbooks_dir: vars.path("MANDALA_RUNBOOKS_DIR"),
        operator: operator(vars),
        database_url,
        db_timeout: g.db_timeout,
        aws_credentials_given: vars.get("AWS_ACCESS_KEY_ID").is_some(),
        timeout: g.timeout,
        state,
    };
    Ok((setup, fleet))
}

/// Who is running this: `MANDALA_OPERATOR`, else `user@host`.
fn operator(vars: &Vars) -> String {
    if let Some(op) = vars
        .text("MANDALA_OPERATOR")
        .filter(|o| !o.trim().is_empty())
    {
        return op;
    }
    let user = vars
        .text("USER")
        .or_else(|| vars.text("LOGNAME"))
        .unwrap_or_else(|| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn resolve_args(args: &[&str], vars: Vars) -> Result<(Setup, Command)> {
        let cli = Cli::try_parse_from(std::iter::once("mandala-ops").chain(args.iter().copied()))
            .unwrap();
        let out = output(&cli.global, &vars, [false; 3]);
        resolve(cli, &vars, out)
    }

    fn vars(pairs: &[(&'static str, &str)]) -> Vars {
        Vars::from_iter(pairs.iter().map(|(k, v)| (*k, OsString::from(v))))
    }

    #[test]
    fn the_environment_is_read_through_vars_only() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let (setup, _) = resolve_args(
            &["--env", "prod", "config", "show"],
            vars(&[
                ("MANDALA_STATE_DIR", state.to_str().unwrap()),
                ("MANDALA_OPERATOR", "alice@ops"),
                ("AWS_REGION", "eu-west-1"),
                ("NO_COLOR", "1"),
            ]),
        )
        .unwrap();
        assert_eq!(setup.operator, "alice@ops");
        assert_eq!(setup.audit_journal, state.join("audit.jsonl"));
        assert_eq!(setup.sandbox_dir.root, state.join("sandbox"));
        assert_eq!(setup.env.unwrap().region, "eu-west-1");
        assert!(!setup.out.color);
    }

    #[test]
    fn unusable_settings_are_usage_errors_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let usage = |args: &[&str], v: Vars| {
            let e = resolve_args(args, v).expect_err("refused");
            assert_eq!(e.status(), crate::exit::ExitStatus::Usage, "{e}");
            e.to_string()
        };
        let msg = usage(
            &["--env", "prod", "--region", "", "health"],
            Vars::default(),
        );
        assert!(msg.contains("--region"), "{msg}");
        let msg = usage(
            &["--env", "prod", "health"],
            vars(&[("MANDALA_AUDIT_JOURNAL", dir.path().to_str().unwrap())]),
        );
        assert!(msg.contains("is a folder"), "{msg}");
        let file = dir.path().join("f");
        std::fs::write(&file, "").unwrap();
        let msg = usage(
            &["--sandbox-dir", file.to_str().unwrap(), "sandbox", "status"],
            Vars::default(),
        );
        assert!(msg.contains("not a folder"), "{msg}");
    }
}

//! A runbook step's command against the real CLI definition: parsed by the same clap parser
//! and resolved by the same settings layer as the command line, so a runbook can only say what a
//! person could type.

use crate::cli::{Cli, Global};
use crate::config::Thresholds;
use crate::error::{Error, Result};
use crate::settings::{self, Command};
use clap::{CommandFactory, FromArgMatches, Parser, parser::ValueSource};

/// A step's command, ready to run.
#[derive(Debug)]
pub struct Step {
    pub command: Command,
    /// The command takes `--apply`: it changes something when applied.
    pub mutating: bool,
}

/// Parses `args` (without the leading `mandala-ops`), with `--apply` added when `apply` and the
/// command takes it. Global options are refused: a step runs with the runbook run's environment,
/// never another one written into the file. `--apply` written in the step is refused too: the
/// run decides what is applied.
pub fn parse(
    args: &[String],
    apply: bool,
    thresholds: &Thresholds,
    timeout: Option<std::time::Duration>,
) -> Result<Step> {
    let line = args.join(" ");
    let mut argv = vec!["mandala-ops".to_string()];
    argv.extend(args.iter().cloned());
    let matches = Cli::command().try_get_matches_from(&argv).map_err(|e| {
        let first = e.render().to_string();
        let first = first
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ");
        Error::usage(format!("`mandala-ops {line}`: {first}"))
    })?;
    let global_ids: Vec<String> = <Global as clap::Args>::augment_args(clap::Command::new("g"))
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    // Global options propagate to the leaf's matches: check there.
    let mut def = Cli::command();
    let mut leaf = &matches;
    while let Some((name, sub)) = leaf.subcommand() {
        def = def
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| Error::internal(format!("no subcommand {name}")))?;
        leaf = sub;
    }
    for id in &global_ids {
        let given = [&matches, leaf]
            .iter()
            .any(|m| m.value_source(id) == Some(ValueSource::CommandLine));
        if given {
            return Err(Error::usage(format!(
                "`mandala-ops {line}`: steps inherit the run's global options; remove --{}",
                id.replace('_', "-")
            )));
        }
    }
    let mutating = def.get_arguments().any(|a| a.get_id() == "apply");
    if mutating && leaf.value_source("apply") == Some(ValueSource::CommandLine) {
        return Err(Error::usage(format!(
            "`mandala-ops {line}`: steps are written as dry runs; `runbook run --apply` applies them"
        )));
    }
    let cli = if apply && mutating {
        argv.push("--apply".into());
        Cli::try_parse_from(&argv)
            .map_err(|e| Error::usage(format!("`mandala-ops {line} --apply`: {e}")))?
    } else {
        Cli::from_arg_matches(&matches)
            .map_err(|e| Error::usage(format!("`mandala-ops {line}`: {e}")))?
    };
    let command = settings::command(cli.command, thresholds, timeout)
        .map_err(|e| Error::usage(format!("`mandala-ops {line}`: {e}")))?;
    if let Some(why) = command.refused_as_step() {
        return Err(Error::usage(format!("`mandala-ops {line}`: {why}")));
    }
    Ok(Step { command, mutating })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        shlex::split(line).unwrap()
    }

    fn step(line: &str, apply: bool) -> Result<Step> {
        parse(&args(line), apply, &Thresholds::default(), None)
    }

    #[test]
    fn reads_mutating_and_diagnostic_commands() {
        assert!(!step("health --check database", false).unwrap().mutating);
        assert!(
            step("process repair --stuck-for 15m", false)
                .unwrap()
                .mutating
        );
        match step("process repair", true).unwrap().command {
            Command::ProcessRepair(o) => assert!(o.apply),
            other => panic!("{other:?}"),
        }
        match step("process repair", false).unwrap().command {
            Command::ProcessRepair(o) => assert!(!o.apply),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_what_a_step_must_not_say() {
        for (line, why) in [
            ("health --env prod", "remove --env"),
            ("--env prod health", "remove --env"),
            ("process list -o json", "remove --output"),
            ("process repair --apply", "dry runs"),
            ("runbook list", "cannot run runbooks"),
            ("health --watch", "never ends"),
            (
                "process logs 00000000-0000-0000-0000-000000000000 -f",
                "--follow waits",
            ),
            ("sandbox up", "not a step"),
            ("process shw", "process shw"),
            ("health --since soon", "not a duration"),
            ("process show 42", "not a process id"),
        ] {
            let err = step(line, false).unwrap_err();
            assert_eq!(err.status(), crate::exit::ExitStatus::Usage);
            assert!(err.to_string().contains(why), "{line}: {err}");
        }
    }

    #[test]
    fn every_shipped_runbook_step_parses_against_the_cli() {
        for rb in crate::runbook::library(None, &Thresholds::default()).unwrap() {
            assert!(!rb.head.source.is_empty(), "{} cites no seed", rb.head.name);
            for step in rb.steps.iter().filter(|s| s.command.is_some()) {
                // Placeholders stand for a value of the right shape.
                let args: Vec<String> = step
                    .args
                    .iter()
                    .map(|a| {
                        let mut a = a.clone();
                        for name in crate::runbook::parse::placeholders(&a.clone()) {
                            let default = rb.head.params.get(name).and_then(|p| p.default.clone());
                            let value = match name {
                                _ if default.is_some() => default.clone().unwrap_or_default(),
                                n if n.ends_with("id") || n.ends_with("Id") => {
                                    "5f0c3c5e-0000-4000-8000-000000000001".to_string()
                                }
                                _ => "1".to_string(),
                            };
                            a = a.replace(&format!("{{{name}}}"), &value);
                        }
                        a
                    })
                    .collect();
                if let Err(e) = parse(&args, false, &Thresholds::default(), None) {
                    panic!("{} step {}: {e}", rb.head.name, step.number);
                }
            }
        }
    }
}

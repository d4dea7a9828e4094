//! A step's command against the real CLI definition: parsed by the same clap parser as the
//! command line, so a runbook can only say what a person could type.

use crate::cli::{Cli, Command, Global, ProcessCommand};
use crate::error::{Error, Result};
use clap::{CommandFactory, FromArgMatches, Parser, parser::ValueSource};

/// A step's command, ready to run.
#[derive(Debug)]
pub struct Parsed {
    pub command: Command,
    /// The command takes `--apply`: it changes something when applied.
    pub mutating: bool,
}

/// Parses `args` (without the leading `mandala-ops`). Global options are refused: a step runs
/// with the runbook run's environment, never another one written into the file. `--apply` is
/// refused too: the run decides what is applied.
pub fn parse(args: &[String], apply: bool) -> Result<Parsed> {
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
    let cli = Cli::from_arg_matches(&matches)
        .map_err(|e| Error::usage(format!("`mandala-ops {line}`: {e}")))?;
    let refused = match &cli.command {
        Command::Runbook(_) => Some("a runbook cannot run runbooks"),
        Command::Sandbox(_) | Command::Demo(_) => Some("the sandbox is not a step"),
        Command::Completions(_) | Command::Man => Some("this prints help, not a finding"),
        Command::Health(h) if h.watch.is_some() => Some("--watch never ends"),
        Command::Process(ProcessCommand::Logs(l)) if l.follow => {
            Some("--follow waits for the process; a step shows the logs as they are")
        }
        Command::Report(r) if r.out.is_some() => {
            Some("a report step prints; it does not write files")
        }
        _ => None,
    };
    if let Some(why) = refused {
        return Err(Error::usage(format!("`mandala-ops {line}`: {why}")));
    }
    let command = if apply && mutating {
        let mut argv = argv;
        argv.push("--apply".into());
        Cli::try_parse_from(&argv)
            .map_err(|e| Error::usage(format!("`mandala-ops {line} --apply`: {e}")))?
            .command
    } else {
        cli.command
    };
    Ok(Parsed { command, mutating })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        shlex::split(line).unwrap()
    }

    #[test]
    fn reads_mutating_and_diagnostic_commands() {
        assert!(
            !parse(&args("health --check database"), false)
                .unwrap()
                .mutating
        );
        assert!(
            parse(&args("process repair --stuck-for 15m"), false)
                .unwrap()
                .mutating
        );
        match parse(&args("process repair"), true).unwrap().command {
            Command::Process(crate::cli::ProcessCommand::Repair(a)) => assert!(a.apply),
            other => panic!("{other:?}"),
        }
        match parse(&args("process repair"), false).unwrap().command {
            Command::Process(crate::cli::ProcessCommand::Repair(a)) => assert!(!a.apply),
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
        ] {
            let err = parse(&args(line), false).unwrap_err();
            assert_eq!(err.status(), crate::exit::ExitStatus::Usage);
            assert!(err.to_string().contains(why), "{line}: {err}");
        }
    }
}

//! Keeps `docs/coverage.md` in step with the product: every command in its table parses
//! against the CLI, and the health checks, queries and runbooks it names exist.

use super::{Cli, Command, QueryCommand, RunbookCommand};
use crate::config::Thresholds;
use clap::Parser;

fn commands(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("mandala-ops "))
        .map(str::to_string)
        .collect()
}

#[test]
fn coverage_table_names_what_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("docs/coverage.md")).unwrap();
    let t = Thresholds::default();
    let queries = crate::insights::library::Library::load(None, &t).unwrap();
    let runbooks = crate::runbook::library(None, &t).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| 00")).collect();
    assert!(rows.len() > 80, "the table lost rows: {}", rows.len());
    for row in rows {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
        assert_eq!(cells.len(), 3, "{row}");
        let found = commands(cells[2]);
        assert!(
            !found.is_empty() || cells[2].trim_start().starts_with("person:"),
            "a row neither automated nor given to a person: {row}"
        );
        for line in found {
            let args = shlex::split(&line).unwrap();
            let cli = Cli::try_parse_from(&args).unwrap_or_else(|e| panic!("{line}: {e}"));
            match cli.command {
                Command::Health(h) => {
                    crate::health::select(crate::health::catalogue(), &h.checks, &h.skip)
                        .unwrap_or_else(|e| panic!("{line}: {e}"));
                }
                Command::Query(QueryCommand::Run(q)) => {
                    let name = q.name.unwrap_or_default();
                    assert!(queries.get(&name).is_ok(), "{line}: no query {name}");
                }
                Command::Runbook(RunbookCommand::Show(r)) => assert!(
                    runbooks.iter().any(|rb| rb.head.name == r.name),
                    "{line}: no runbook {}",
                    r.name
                ),
                _ => {}
            }
        }
    }
}

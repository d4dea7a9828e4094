//! The conformance suite: AWS's published sample queries (tests/data/conformance/queries/, each
//! citing where it is published), run by the local engine over logs in the shapes they read
//! (make_logs.py; a `# with: GROUP=LOG` line gives a join or subquery's SOURCE its logs),
//! compared with values computed by hand in plain Python (expected.py).

use crate::support::{bare_cmd, rows_differ};
use libtest_mimic::Failed;
use serde_json::Value;
use std::path::PathBuf;

tests![every_published_sample_query_matches_independent_values];

fn suite() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/conformance")
}

fn every_published_sample_query_matches_independent_values() -> Result<(), Failed> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(suite().join("expected.json"))?)?;
    let expected = expected
        .as_object()
        .ok_or("expected.json holds an object")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(suite().join("queries"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    assert!(files.len() >= 25, "the suite lost queries: {files:?}");
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_stem().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(file)?;
        let by_input = expected[name]
            .as_object()
            .unwrap_or_else(|| panic!("no expected values for {name}: run expected.py"));
        let mut sources = Vec::new();
        for with in text.lines().filter_map(|l| l.strip_prefix("# with: ")) {
            let (group, log) = with.split_once('=').ok_or("# with: GROUP=LOG")?;
            sources.push("--source".to_string());
            sources.push(format!(
                "{group}={}",
                suite().join("logs").join(log).display()
            ));
        }
        for (log, want) in by_input {
            let out = bare_cmd()
                .args(["query", "run", "--text", &text, "-o", "json"])
                .args(&sources)
                .arg("--local")
                .arg(suite().join("logs").join(log))
                .output()?;
            let got: Value = match serde_json::from_slice(&out.stdout) {
                Ok(v) => v,
                Err(_) => {
                    failures.push(format!(
                        "{name} over {log}: exit {:?}: {}",
                        out.status.code(),
                        String::from_utf8_lossy(&out.stderr).trim()
                    ));
                    continue;
                }
            };
            if got["unreadable"].as_u64().unwrap_or(0) != 0 {
                failures.push(format!("{name} over {log}: unreadable lines: {got}"));
            }
            let rows = got["rows"].as_array().cloned().unwrap_or_default();
            if let Some(d) = rows_differ(&rows, want.as_array().unwrap()) {
                failures.push(format!("{name} over {log}: {d}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}

//! Embeds the query library (`queries/*.query`) and the runbooks (`runbooks/*.md`) in the binary,
//! so an installed `mandala-ops` carries them wherever it runs.

use std::fmt::Write;
use std::path::Path;

fn embed(out: &mut String, constant: &str, dir: &str, extension: &str) {
    println!("cargo:rerun-if-changed={dir}");
    let root = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == extension))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    writeln!(out, "pub const {constant}: &[(&str, &str)] = &[").unwrap();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let mut out = String::new();
    embed(&mut out, "QUERIES", "queries", "query");
    embed(&mut out, "RUNBOOKS", "runbooks", "md");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

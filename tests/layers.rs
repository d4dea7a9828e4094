//! The layers point down (DESIGN.md "Layers"): the graph of the crate's top-level modules, by
//! their `crate::` paths, has no cycle, and only the binary's own layers (command line,
//! settings, dispatcher) name the command-line definitions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level module of every source file, and the top-level modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let path = regex::Regex::new(r"crate::([a-z_]+)").unwrap();
    let group = regex::Regex::new(r"use crate::\{([^}]*)\}").unwrap();
    let word = regex::Regex::new(r"(?:^|[\s,{])([a-z_]+)(?:::|[\s,}]|$)").unwrap();
    let mut modules = BTreeSet::new();
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                files.push(p);
            }
        }
    }
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap();
        let top = rel
            .iter()
            .next()
            .unwrap()
            .to_string_lossy()
            .replace(".rs", "");
        modules.insert(top);
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap();
        let top = rel
            .iter()
            .next()
            .unwrap()
            .to_string_lossy()
            .replace(".rs", "");
        if top == "main" || top == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        // Tests may reach anywhere; comments name things without using them.
        let code = text.split("#[cfg(test)]").next().unwrap();
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        let mut named: BTreeSet<String> = path
            .captures_iter(&code)
            .map(|c| c[1].to_string())
            .collect();
        for g in group.captures_iter(&code) {
            named.extend(word.captures_iter(&g[1]).map(|c| c[1].to_string()));
        }
        let entry = edges.entry(top.clone()).or_default();
        entry.extend(
            named
                .into_iter()
                .filter(|m| *m != top && modules.contains(m)),
        );
    }
    edges
}

#[test]
fn the_module_graph_has_no_cycle() {
    let edges = graph();
    // Depth-first search for a back edge.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(i) = path.iter().position(|p| p == m) {
            panic!("an import circle: {} → {m}", path[i..].join(" → "));
        }
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flatten() {
            visit(next, edges, path, done);
        }
        path.pop();
        done.insert(m.to_string());
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        visit(m, &edges, &mut Vec::new(), &mut done);
    }
}

#[test]
fn only_the_binarys_layers_name_the_command_line() {
    let upper = ["cli", "settings", "dispatch"];
    for (module, named) in graph() {
        if upper.contains(&module.as_str()) {
            continue;
        }
        for u in upper {
            assert!(
                !named.contains(u),
                "`{module}` imports `{u}`: library modules take typed options from the settings layer"
            );
        }
    }
}

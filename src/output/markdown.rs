//! A document as Markdown: readable in a terminal, pasteable into a ticket or wiki, with
//! sparklines for the time series. Runbook transcripts and reports both come out of here.

use super::chart::sparkline;
use super::{Block, Doc};
use crate::output::number;

/// A Markdown table; `|` inside cells is escaped.
fn table(t: &super::Table) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut md = format!("| {} |\n", t.headers.join(" | "));
    md.push_str(&format!("|{}\n", " --- |".repeat(t.headers.len())));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| esc(&c.text)).collect();
        md.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if t.rows.is_empty() {
        md.push_str(&format!(
            "| (none){} |\n",
            " |".repeat(t.headers.len().max(1) - 1)
        ));
    }
    md
}

/// Verbatim text in a fence longer than any backtick run inside it, so it cannot close early.
pub fn fenced(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let body = text.trim_end_matches('\n');
    format!("{fence}text\n{body}\n{fence}\n")
}

pub fn render(doc: &Doc) -> String {
    let mut md = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                md.push_str(&format!("{} {text}\n\n", "#".repeat(*level as usize)));
            }
            Block::Table(t) => {
                md.push_str(&table(t));
                md.push('\n');
            }
            Block::Fields(fields) => {
                for (k, v) in fields {
                    md.push_str(&format!("- {k}: {}\n", v.text));
                }
                md.push('\n');
            }
            Block::Text(text) => {
                md.push_str(text.trim_end_matches('\n'));
                md.push_str("\n\n");
            }
            Block::Note(_, text) => {
                md.push_str(&format!("_{}_\n\n", text.trim()));
            }
            Block::Items(items) => {
                for item in items {
                    md.push_str(&format!("- {}\n", item.text));
                }
                md.push('\n');
            }
            Block::Code(text) => {
                md.push_str(&fenced(text));
                md.push('\n');
            }
            Block::Chart(s) => {
                let values: Vec<f64> = s.points.iter().map(|p| p.1).collect();
                let max = values.iter().copied().reduce(f64::max);
                md.push_str(&format!(
                    "- {} ({}): `{}` max {}\n\n",
                    s.title,
                    s.unit,
                    sparkline(&values),
                    max.map(|m| number(m.round())).unwrap_or("-".into())
                ));
            }
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Cell, Table};

    #[test]
    fn tables_escape_pipes_and_show_empty() {
        let mut t = Table::new(["a", "b"]);
        t.row([Cell::new("x|y"), Cell::new("1")]);
        assert_eq!(table(&t), "| a | b |\n| --- | --- |\n| x\\|y | 1 |\n");
        assert!(table(&Table::new(["a", "b"])).contains("(none)"));
    }

    #[test]
    fn fences_outlast_backticks_inside() {
        assert_eq!(fenced("a\n"), "```text\na\n```\n");
        assert!(fenced("x ```` y").starts_with("`````text"));
    }

    #[test]
    fn headings_by_level() {
        let mut doc = Doc::default();
        doc.title("T").heading("S").subheading("s").text("p");
        assert_eq!(render(&doc), "# T\n\n## S\n\n### s\n\np\n\n");
    }
}

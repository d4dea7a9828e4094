//! The report as Markdown: readable in a terminal, pasteable into a ticket or wiki, with
//! sparklines for the time series.

use super::{Data, Grid, Section, sparkline};
use crate::insights::engine::value::format_number;

/// A Markdown table; `|` inside cells is escaped.
fn table(g: &Grid) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut md = format!("| {} |\n", g.headers.join(" | "));
    md.push_str(&format!("|{}\n", " --- |".repeat(g.headers.len())));
    for row in &g.rows {
        let cells: Vec<String> = row.iter().map(|c| esc(c)).collect();
        md.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if g.rows.is_empty() {
        md.push_str(&format!(
            "| (none){} |\n",
            " |".repeat(g.headers.len().max(1) - 1)
        ));
    }
    md
}

fn sections(md: &mut String, sections: &[Section]) {
    for s in sections {
        md.push_str(&format!("### {} (`{}`)\n\n", s.title, s.query));
        if s.columns.is_empty() {
            md.push_str("No data in the period.\n");
        } else {
            md.push_str(&table(&s.grid()));
        }
        for f in &s.flagged {
            md.push_str(&format!("\n- ⚠ {f}"));
        }
        md.push_str(&format!("\n\n_Source: {}_\n\n", s.source));
    }
}

pub fn render(d: &Data) -> String {
    let mut md = format!("# {}\n\n{}\n\n", d.title(), d.window());
    md.push_str(&format!(
        "**Status: {}** · {}\n\n## Needs attention\n\n",
        d.status.as_str(),
        d.severity.headline()
    ));
    if d.attention.is_empty() {
        md.push_str("Nothing: every check and expected range is met.\n");
    }
    for a in &d.attention {
        md.push_str(&format!(
            "- **{}** {} _({})_\n",
            a.status.as_str(),
            a.what,
            a.source
        ));
    }
    md.push_str(&format!(
        "\n## Health\n\n{}\n\n## Trends\n\n",
        d.health_text()
    ));
    let trends = Grid {
        headers: vec!["series".into(), "trend".into(), "max".into()],
        rows: d
            .series
            .iter()
            .map(|s| {
                let values: Vec<f64> = s.points.iter().map(|p| p.1).collect();
                let max = values.iter().copied().reduce(f64::max);
                vec![
                    format!("{} ({})", s.title, s.unit),
                    format!("`{}`", sparkline(&values)),
                    max.map(|m| format_number(m.round())).unwrap_or("-".into()),
                ]
            })
            .collect(),
    };
    md.push_str(&table(&trends));
    md.push_str(&format!(
        "\n## Requests and duration\n\n{} requests in the period.\n\n{}",
        format_number(d.performance.requests),
        table(&d.performance_grid())
    ));
    md.push_str(&format!(
        "\n## Errors by code\n\n{}",
        table(&d.errors_grid())
    ));
    md.push_str(&format!(
        "\n## Tokens and cost\n\n{} _Source: {}_\n\n## Task quality\n\n",
        d.cost_text(),
        d.cost.source
    ));
    sections(&mut md, &d.quality);
    md.push_str("## Security\n\n");
    sections(&mut md, &d.security);
    md.push_str(&format!("## Alarms\n\n{}", table(&d.alarms_grid())));
    if !d.notes.is_empty() {
        md.push_str("\n## Notes\n\n");
        for n in &d.notes {
            md.push_str(&format!("- {n}\n"));
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_escape_pipes_and_show_empty() {
        let g = |rows| Grid {
            headers: vec!["a".into(), "b".into()],
            rows,
        };
        let t = table(&g(vec![vec!["x|y".into(), "1".into()]]));
        assert_eq!(t, "| a | b |\n| --- | --- |\n| x\\|y | 1 |\n");
        assert!(table(&g(vec![])).contains("(none)"));
    }
}

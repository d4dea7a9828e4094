//! The report as one self-contained HTML page: inline CSS, inline SVG charts, nothing fetched.

use super::{Data, Grid, Section, chart};
use crate::health::Status;
use crate::insights::engine::value::format_number;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn table(g: &Grid) -> String {
    let mut h = String::from("<table><thead><tr>");
    for c in &g.headers {
        h.push_str(&format!("<th>{}</th>", esc(c)));
    }
    h.push_str("</tr></thead><tbody>");
    for row in &g.rows {
        h.push_str("<tr>");
        for c in row {
            h.push_str(&format!("<td>{}</td>", esc(c)));
        }
        h.push_str("</tr>");
    }
    if g.rows.is_empty() {
        h.push_str(&format!(
            "<tr><td colspan=\"{}\" class=\"dim\">(none)</td></tr>",
            g.headers.len()
        ));
    }
    h.push_str("</tbody></table>\n");
    h
}

fn class(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Unknown => "unknown",
        Status::Warn => "warn",
        Status::Critical => "critical",
    }
}

fn sections(h: &mut String, sections: &[Section]) {
    for s in sections {
        h.push_str(&format!(
            "<h3>{} <code>{}</code></h3>\n",
            esc(&s.title),
            esc(&s.query)
        ));
        if s.columns.is_empty() {
            h.push_str("<p class=\"dim\">No data in the period.</p>\n");
        } else {
            h.push_str(&table(&s.grid()));
        }
        for f in &s.flagged {
            h.push_str(&format!("<p class=\"warn\">⚠ {}</p>\n", esc(f)));
        }
        h.push_str(&format!(
            "<p class=\"dim\">Source: {}</p>\n",
            esc(&s.source)
        ));
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;\
color:#222}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;\
padding:.25em .6em;text-align:left}th{background:#f3f3f3}.ok{color:#1a7f37}.warn{color:#9a6700}\
.critical{color:#cf222e}.unknown{color:#8250df}.dim{color:#777}.chart{margin:.5em 0}\
code{background:#f3f3f3;padding:0 .2em}";

pub fn render(d: &Data) -> String {
    let title = esc(&d.title());
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>{STYLE}</style></head><body>\n<h1>{title}</h1>\n<p>{}</p>\n",
        esc(&d.window())
    );
    h.push_str(&format!(
        "<p><strong class=\"{}\">Status: {}</strong> · {}</p>\n<h2>Needs attention</h2>\n<ul>\n",
        class(d.status),
        d.status.as_str(),
        esc(&d.severity.headline())
    ));
    if d.attention.is_empty() {
        h.push_str("<li class=\"ok\">Nothing: every check and expected range is met.</li>\n");
    }
    for a in &d.attention {
        h.push_str(&format!(
            "<li><strong class=\"{}\">{}</strong> {} <span class=\"dim\">({})</span></li>\n",
            class(a.status),
            a.status.as_str(),
            esc(&a.what),
            esc(&a.source)
        ));
    }
    h.push_str(&format!(
        "</ul>\n<h2>Health</h2>\n<p class=\"{}\">{}</p>\n<h2>Trends</h2>\n",
        class(d.health.status),
        esc(&d.health_text())
    ));
    for s in &d.series {
        match chart::svg(s) {
            Ok(svg) if !s.points.is_empty() => {
                h.push_str(&format!("<div class=\"chart\">{svg}</div>\n"));
            }
            Ok(_) => h.push_str(&format!(
                "<p class=\"dim\">{}: no data in the period.</p>\n",
                esc(&s.title)
            )),
            Err(e) => h.push_str(&format!(
                "<p class=\"warn\">{}: the chart could not be drawn: {}</p>\n",
                esc(&s.title),
                esc(&e)
            )),
        }
    }
    h.push_str(&format!(
        "<h2>Requests and duration</h2>\n<p>{} requests in the period.</p>\n{}",
        format_number(d.performance.requests),
        table(&d.performance_grid())
    ));
    h.push_str(&format!(
        "<h2>Errors by code</h2>\n{}",
        table(&d.errors_grid())
    ));
    h.push_str(&format!(
        "<h2>Tokens and cost</h2>\n<p>{}</p>\n<p class=\"dim\">Source: {}</p>\n<h2>Task quality</h2>\n",
        esc(&d.cost_text()),
        esc(d.cost.source)
    ));
    sections(&mut h, &d.quality);
    h.push_str("<h2>Security</h2>\n");
    sections(&mut h, &d.security);
    h.push_str(&format!("<h2>Alarms</h2>\n{}", table(&d.alarms_grid())));
    if !d.notes.is_empty() {
        h.push_str("<h2>Notes</h2>\n<ul>\n");
        for n in &d.notes {
            h.push_str(&format!("<li>{}</li>\n", esc(n)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped() {
        let t = table(&Grid {
            headers: vec!["a".into()],
            rows: vec![vec!["<script>&".into()]],
        });
        assert!(t.contains("&lt;script&gt;&amp;"));
        assert!(!t.contains("<script>"));
    }
}

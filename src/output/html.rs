//! A document as one self-contained HTML page: inline CSS, inline SVG charts, nothing fetched.

use super::{Block, Doc, Tone, chart, style};

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn class(tone: Tone) -> String {
    match style::of(tone).css {
        "" => String::new(),
        c => format!(" class=\"{c}\""),
    }
}

fn table(t: &super::Table) -> String {
    let mut h = String::from("<table><thead><tr>");
    for c in &t.headers {
        h.push_str(&format!("<th>{}</th>", esc(c)));
    }
    h.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        h.push_str("<tr>");
        for c in row {
            h.push_str(&format!("<td{}>{}</td>", class(c.tone), esc(&c.text)));
        }
        h.push_str("</tr>");
    }
    if t.rows.is_empty() {
        h.push_str(&format!(
            "<tr><td colspan=\"{}\" class=\"dim\">(none)</td></tr>",
            t.headers.len()
        ));
    }
    h.push_str("</tbody></table>\n");
    h
}

/// The page's title: the document's first level-1 heading.
fn title(doc: &Doc) -> String {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "mandala-ops".into())
}

pub fn render(doc: &Doc) -> String {
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{}</style></head><body>\n",
        esc(&title(doc)),
        style::CSS
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                h.push_str(&format!("<h{level}>{}</h{level}>\n", esc(text)));
            }
            Block::Table(t) => h.push_str(&table(t)),
            Block::Fields(fields) => {
                h.push_str("<table>");
                for (k, v) in fields {
                    h.push_str(&format!(
                        "<tr><th>{}</th><td{}>{}</td></tr>",
                        esc(k),
                        class(v.tone),
                        esc(&v.text)
                    ));
                }
                h.push_str("</table>\n");
            }
            Block::Text(text) => {
                for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
                    h.push_str(&format!("<p>{}</p>\n", esc(para.trim())));
                }
            }
            Block::Note(tone, text) => {
                h.push_str(&format!("<p{}>{}</p>\n", class(*tone), esc(text.trim())));
            }
            Block::Items(items) => {
                h.push_str("<ul>\n");
                for item in items {
                    h.push_str(&format!(
                        "<li{}>{}</li>\n",
                        class(item.tone),
                        esc(&item.text)
                    ));
                }
                h.push_str("</ul>\n");
            }
            Block::Code(text) => {
                h.push_str(&format!("<pre>{}</pre>\n", esc(text.trim_end())));
            }
            Block::Chart(s) => match chart::svg(s) {
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
            },
        }
    }
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Cell, Table};

    #[test]
    fn cells_are_escaped_and_toned() {
        let mut t = Table::new(["a"]);
        t.row([Cell::toned("<script>&", Tone::Bad)]);
        let h = table(&t);
        assert!(h.contains("<td class=\"critical\">&lt;script&gt;&amp;</td>"));
        assert!(!h.contains("<script>"));
    }

    #[test]
    fn the_page_is_titled_by_its_first_heading() {
        let mut doc = Doc::default();
        doc.title("Weekly <report>").text("a\n\nb");
        let page = render(&doc);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>Weekly &lt;report&gt;</title>"));
        assert!(page.contains("<p>a</p>\n<p>b</p>"));
    }
}

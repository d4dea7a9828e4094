//! Rows printed as they arrive (`process logs --follow`): aligned lines for a terminal, one JSON
//! object per line, or CSV with its header once.

use super::{Cell, Format, Output, Tone};
use crate::error::{Error, Result};
use serde::Serialize;
use std::io::Write;

pub struct RowStream<'a> {
    out: &'a Output,
    headers: Vec<String>,
    widths: Vec<usize>,
    started: bool,
}

impl Output {
    pub fn row_stream<'a>(&'a self, headers: &[&str]) -> RowStream<'a> {
        RowStream {
            out: self,
            headers: headers.iter().map(|h| h.to_string()).collect(),
            widths: headers.iter().map(|h| h.chars().count()).collect(),
            started: false,
        }
    }
}

impl RowStream<'_> {
    /// Prints one row: `cells` for a table or CSV, `json` for `-o json`.
    pub fn push(&mut self, cells: &[Cell], json: &impl Serialize) -> Result<()> {
        let text = self.format(cells, json)?;
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth reporting.
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
        Ok(())
    }

    fn format(&mut self, cells: &[Cell], json: &impl Serialize) -> Result<String> {
        let first = !self.started;
        self.started = true;
        match self.out.format {
            Format::Json => serde_json::to_string(json)
                .map(|s| s + "\n")
                .map_err(|e| Error::internal(format!("serialising a row: {e}"))),
            Format::Junit => Err(Error::usage("-o junit is for `health` only")),
            Format::Csv => {
                let header = first.then(|| self.headers.iter().map(String::as_str).collect());
                let row = cells.iter().map(|c| c.text.as_str()).collect();
                super::csv_records(header.into_iter().chain(std::iter::once(row)))
            }
            Format::Table => {
                for (w, c) in self.widths.iter_mut().zip(cells) {
                    *w = (*w).max(shown_width(&c.text));
                }
                let mut text = String::new();
                if first {
                    let header: Vec<Cell> = self
                        .headers
                        .iter()
                        .map(|h| Cell::toned(h, Tone::Dim))
                        .collect();
                    text.push_str(&self.line(&header));
                }
                text.push_str(&self.line(cells));
                Ok(text)
            }
        }
    }

    fn line(&self, cells: &[Cell]) -> String {
        let last = cells.len().saturating_sub(1);
        let mut line = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = if i < last {
                " ".repeat(self.widths[i].saturating_sub(shown_width(&c.text)) + 2)
            } else {
                String::new()
            };
            line.push_str(&self.out.paint(&c.text, c.tone, false));
            line.push_str(&pad);
        }
        line.push('\n');
        line
    }
}

/// How many characters a cell takes once made printable (`paint`).
fn shown_width(text: &str) -> usize {
    super::printable::cell(text).chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_prints_rows_as_they_come() {
        let row = |a: &str, b: &str| [Cell::new(a), Cell::new(b)];
        let json = serde_json::json!({"a": 1});
        let table = Output::plain(Format::Table);
        let mut s = table.row_stream(&["time", "message"]);
        assert_eq!(
            s.format(&row("12:00", "started"), &json).unwrap(),
            "time   message\n12:00  started\n"
        );
        assert_eq!(
            s.format(&row("12:00:01", "done, ok"), &json).unwrap(),
            "12:00:01  done, ok\n"
        );
        let csv = Output::plain(Format::Csv);
        let mut s = csv.row_stream(&["time", "message"]);
        assert_eq!(
            s.format(&row("12:00", "a, b"), &json).unwrap(),
            "time,message\n12:00,\"a, b\"\n"
        );
        assert_eq!(s.format(&row("12:01", "c"), &json).unwrap(), "12:01,c\n");
        let j = Output::plain(Format::Json);
        let mut s = j.row_stream(&["time", "message"]);
        assert_eq!(s.format(&row("x", "y"), &json).unwrap(), "{\"a\":1}\n");
    }
}

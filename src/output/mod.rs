//! All user-facing output: reports on stdout (table, JSON or CSV), notes and progress on stderr.

mod doc;
mod stream;

pub use doc::{Block, Cell, Doc, Render, Report, Table, Tone};
pub use stream::RowStream;

use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use comfy_table::{Attribute, Color, ContentArrangement, presets};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// Decides what goes where, and how it looks.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub color: bool,
    pub quiet: bool,
    stderr_tty: bool,
}

impl Output {
    /// Colour only on a terminal, never with `--no-color` or `NO_COLOR` (https://no-color.org).
    pub fn new(format: Format, no_color: bool, quiet: bool) -> Self {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            format,
            color: !no_color && !no_color_env && std::io::stdout().is_terminal(),
            quiet,
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }

    /// For tests and for composing commands (runbooks capture a step's output).
    pub fn plain(format: Format) -> Self {
        Output {
            format,
            color: false,
            quiet: false,
            stderr_tty: false,
        }
    }

    /// Prints a report on stdout. With `-q`, a table report is printed only when its status is
    /// not ok, so cron mails output only when something needs attention; JSON and CSV were asked
    /// for explicitly and are always printed.
    pub fn print(&self, report: &dyn Report) -> Result<()> {
        let text = self.format_report(report)?;
        if self.quiet && self.format == Format::Table && report.status() == ExitStatus::Ok {
            return Ok(());
        }
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth reporting.
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
        Ok(())
    }

    /// The report as it would be printed.
    pub fn format_report(&self, report: &dyn Report) -> Result<String> {
        match self.format {
            Format::Json => {
                let value = report
                    .to_json()
                    .map_err(|e| Error::internal(format!("serialising the report: {e}")))?;
                let mut text = serde_json::to_string_pretty(&value)
                    .map_err(|e| Error::internal(format!("serialising the report: {e}")))?;
                text.push('\n');
                Ok(text)
            }
            Format::Csv => {
                let mut doc = Doc::default();
                report.render(&mut doc);
                csv_text(doc.primary_table())
            }
            Format::Table => {
                let mut doc = Doc::default();
                report.render(&mut doc);
                Ok(self.doc_text(&doc))
            }
        }
    }

    fn doc_text(&self, doc: &Doc) -> String {
        let mut out = String::new();
        for block in &doc.blocks {
            match block {
                Block::Heading(text) => {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&self.paint(text, Tone::Plain, true));
                    out.push('\n');
                }
                Block::Table(table) => {
                    out.push_str(&self.table_text(table));
                    out.push('\n');
                }
                Block::Fields(fields) => {
                    let width = fields
                        .iter()
                        .map(|(k, _)| k.chars().count())
                        .max()
                        .unwrap_or(0);
                    for (key, cell) in fields {
                        let pad = width - key.chars().count();
                        out.push_str(&format!(
                            "{key}:{} {}\n",
                            " ".repeat(pad),
                            self.paint(&cell.text, cell.tone, false)
                        ));
                    }
                }
                Block::Text(text) => {
                    out.push_str(text);
                    if !text.ends_with('\n') {
                        out.push('\n');
                    }
                }
                Block::Note(tone, text) => {
                    out.push_str(&self.paint(text, *tone, false));
                    out.push('\n');
                }
            }
        }
        out
    }

    fn table_text(&self, table: &Table) -> String {
        let mut t = comfy_table::Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED);
        if self.color {
            t.enforce_styling();
            t.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            t.force_no_tty();
        }
        t.set_header(table.headers.iter().map(|h| {
            let c = comfy_table::Cell::new(h);
            if self.color {
                c.add_attribute(Attribute::Bold)
            } else {
                c
            }
        }));
        for row in &table.rows {
            t.add_row(row.iter().map(|cell| {
                let c = comfy_table::Cell::new(&cell.text);
                match (self.color, tone_color(cell.tone)) {
                    (true, Some(color)) => c.fg(color),
                    _ => c,
                }
            }));
        }
        if table.rows.is_empty() {
            return format!("{t}\n(none)");
        }
        t.to_string()
    }

    /// `text` in the tone's colour when colour is on.
    pub fn paint(&self, text: &str, tone: Tone, bold: bool) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match tone {
            Tone::Good => "32",
            Tone::Warn => "33",
            Tone::Bad => "31",
            Tone::Unknown => "35",
            Tone::Dim => "2",
            Tone::Plain => "",
        };
        match (code, bold) {
            ("", false) => text.to_string(),
            ("", true) => format!("\x1b[1m{text}\x1b[0m"),
            (c, true) => format!("\x1b[1;{c}m{text}\x1b[0m"),
            (c, false) => format!("\x1b[{c}m{text}\x1b[0m"),
        }
    }

    /// An informational line on stderr; silent with `-q`.
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", text.as_ref());
        }
    }

    /// A warning on stderr; printed even with `-q`.
    pub fn warn(&self, text: impl AsRef<str>) {
        eprintln!("warning: {}", text.as_ref());
    }

    /// A spinner on stderr, drawn only on a terminal and never with `-q`.
    pub fn spinner(&self, message: impl Into<String>) -> ProgressBar {
        let bar = ProgressBar::with_draw_target(None, self.draw_target());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("valid template"),
        );
        bar.set_message(message.into());
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }

    /// A progress bar on stderr, drawn only on a terminal and never with `-q`.
    pub fn progress(&self, len: u64, message: impl Into<String>) -> ProgressBar {
        let bar = ProgressBar::with_draw_target(Some(len), self.draw_target());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({per_sec}, eta {eta})")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar.set_message(message.into());
        bar
    }

    fn draw_target(&self) -> ProgressDrawTarget {
        if self.stderr_tty && !self.quiet {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        }
    }
}

fn tone_color(tone: Tone) -> Option<Color> {
    match tone {
        Tone::Plain => None,
        Tone::Good => Some(Color::Green),
        Tone::Warn => Some(Color::Yellow),
        Tone::Bad => Some(Color::Red),
        Tone::Unknown => Some(Color::Magenta),
        Tone::Dim => Some(Color::DarkGrey),
    }
}

fn csv_text(table: Option<&Table>) -> Result<String> {
    let Some(table) = table else {
        return Ok(String::new());
    };
    let header = table.headers.iter().map(String::as_str).collect();
    let rows = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| c.text.as_str()).collect());
    csv_records(std::iter::once(header).chain(rows))
}

/// Records as CSV text, quoted where needed.
fn csv_records<'a>(records: impl IntoIterator<Item = Vec<&'a str>>) -> Result<String> {
    let csv_err = |e: csv::Error| Error::internal(format!("writing CSV: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer.write_record(record).map_err(csv_err)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::internal(format!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::internal(format!("writing CSV: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Sample {
        name: String,
    }

    impl Render for Sample {
        fn render(&self, doc: &mut Doc) {
            doc.heading("Sample");
            let mut t = Table::new(["name", "note"]);
            t.row([
                Cell::new(&self.name),
                Cell::toned("a, \"quoted\" value", Tone::Warn),
            ]);
            doc.table(t);
            doc.note(Tone::Dim, "footer");
        }
    }

    #[test]
    fn csv_prints_the_primary_table_with_quoting() {
        let out = Output::plain(Format::Csv);
        let text = out.format_report(&Sample { name: "x".into() }).unwrap();
        assert_eq!(text, "name,note\nx,\"a, \"\"quoted\"\" value\"\n");
    }

    #[test]
    fn json_is_the_serialised_report() {
        let out = Output::plain(Format::Json);
        let text = out.format_report(&Sample { name: "x".into() }).unwrap();
        assert_eq!(text, "{\n  \"name\": \"x\"\n}\n");
    }

    #[test]
    fn table_has_no_escape_codes_without_colour() {
        let out = Output::plain(Format::Table);
        let text = out.format_report(&Sample { name: "x".into() }).unwrap();
        assert!(text.starts_with("Sample\n"));
        assert!(text.contains("footer"));
        assert!(!text.contains('\x1b'));
    }
}

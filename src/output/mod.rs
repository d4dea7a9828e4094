//! The one printer: every byte a user sees goes through here. Reports on stdout (a terminal
//! table, JSON, CSV, or a Markdown/HTML document), errors, notes, progress and the live lines of
//! a runbook run on stderr or stdout as the contract says, and the `[y/N]` prompt.

pub mod chart;
mod doc;
pub mod html;
pub mod junit;
pub mod markdown;
pub mod printable;
mod stream;
mod style;

pub use chart::Series;
pub use doc::{Block, Cell, Doc, DocFormat, Outcome, Render, Report, Table, Tone};
pub use stream::RowStream;

use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use comfy_table::{Attribute, ContentArrangement, presets};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    Junit,
}

/// Decides what goes where, and how it looks. Built by the settings layer, which knows whether
/// stdout and stderr are terminals and whether colour is wanted.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub color: bool,
    pub quiet: bool,
    /// Standard output is a terminal (a `--watch` redraw clears the screen only there).
    pub stdout_tty: bool,
    stderr_tty: bool,
    stdin_tty: bool,
}

/// A number as reports print it: whole numbers without a fraction, others to six places with
/// trailing zeros dropped.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A measurement as tables print it: whole numbers without a fraction, others to two places.
pub fn rounded(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Output {
    pub fn new(format: Format, color: bool, quiet: bool, ttys: [bool; 3]) -> Self {
        let [stdin_tty, stdout_tty, stderr_tty] = ttys;
        Output {
            format,
            color,
            quiet,
            stdout_tty,
            stderr_tty,
            stdin_tty,
        }
    }

    /// No colour, no terminal: for tests and for composing commands (a runbook captures each
    /// step's output as text).
    pub fn plain(format: Format) -> Self {
        Output::new(format, false, false, [false; 3])
    }

    fn write_stdout(text: &str) {
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth reporting.
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
    }

    /// Prints what a command produced and returns the exit status.
    pub fn finish(&self, result: Result<Outcome>) -> ExitStatus {
        let printed = match result {
            Ok(Outcome::Report(r)) => self.print(r.as_ref()).map(|()| r.status()),
            Ok(Outcome::Document { report, format, to }) => self
                .print_document(report.as_ref(), format, to.as_deref())
                .map(|()| report.status()),
            Ok(Outcome::Text(text)) => {
                Self::write_stdout(&text);
                Ok(ExitStatus::Ok)
            }
            Ok(Outcome::Done(status)) => Ok(status),
            Err(e) => Err(e),
        };
        printed.unwrap_or_else(|e| self.error(&e))
    }

    /// Prints an error: `error:` and `hint:` lines on stderr, and with `-o json` also
    /// `{"error": {"message", "hint", "exit_status"}}` on stdout, so scripts that parse stdout
    /// see it. Returns its exit status.
    pub fn error(&self, e: &Error) -> ExitStatus {
        let mut text = format!("error: {e}\n");
        if let Some(hint) = e.hint() {
            text.push_str(&format!("hint: {hint}\n"));
        }
        if self.verbose_detail()
            && let Some(detail) = e.detail()
        {
            text.push_str(&format!("detail: {detail}\n"));
        }
        let _ = std::io::stderr().write_all(printable::text(&text).as_bytes());
        if self.format == Format::Json {
            let value = serde_json::json!({
                "error": {"message": e.to_string(), "hint": e.hint(), "exit_status": e.status().code()}
            });
            Self::write_stdout(&format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            ));
        }
        e.status()
    }

    /// The SDK's own account of a failure is shown with `-v` only.
    fn verbose_detail(&self) -> bool {
        tracing::enabled!(tracing::Level::INFO)
    }

    /// Prints a report on stdout. With `-q`, a table report is printed only when its status is
    /// not ok, so cron mails output only when something needs attention; JSON and CSV were asked
    /// for explicitly and are always printed.
    pub fn print(&self, report: &dyn Report) -> Result<()> {
        let text = self.format_report(report)?;
        if self.quiet && self.format == Format::Table && report.status() == ExitStatus::Ok {
            return Ok(());
        }
        Self::write_stdout(&text);
        Ok(())
    }

    /// A report as a document: `-o json` still prints the data; otherwise Markdown, HTML or
    /// JSON on stdout, or written to `to` with a line saying where.
    pub fn print_document(
        &self,
        report: &dyn Report,
        format: DocFormat,
        to: Option<&std::path::Path>,
    ) -> Result<()> {
        let text = match (self.format, format) {
            (Format::Json, _) | (_, DocFormat::Json) => json_text(report)?,
            (_, DocFormat::Markdown) => {
                printable::text(&markdown::render(&doc_of(report))).into_owned()
            }
            (_, DocFormat::Html) => html::render(&doc_of(report)),
        };
        match to {
            None => Self::write_stdout(&text),
            Some(path) => {
                std::fs::write(path, &text).map_err(|e| {
                    Error::usage(format!("cannot write {}: {e}", path.display()))
                        .with_hint("choose a path in a folder you can write to")
                })?;
                if !self.quiet || report.status() != ExitStatus::Ok {
                    Self::write_stdout(&format!(
                        "wrote {} ({})\n",
                        path.display(),
                        report.status().name()
                    ));
                }
            }
        }
        Ok(())
    }

    /// The report as it would be printed.
    pub fn format_report(&self, report: &dyn Report) -> Result<String> {
        match self.format {
            Format::Json => json_text(report),
            Format::Csv => csv_text(&doc_of(report)),
            Format::Junit => match report.suites().as_slice() {
                [] => Err(Error::usage("only `health` reports in JUnit XML")
                    .with_hint("use -o json or -o table")),
                suites => junit::render(suites),
            },
            Format::Table => Ok(self.doc_text(&doc_of(report))),
        }
    }

    /// One frame of a command that repeats (`health --watch`): a table redrawn in place on a
    /// terminal, else printed after the last; JSON as one object per line.
    pub fn frame(&self, report: &dyn Report) -> Result<()> {
        match self.format {
            Format::Json => {
                let value = report
                    .to_json()
                    .map_err(|e| Error::internal(format!("serialising the report: {e}")))?;
                Self::write_stdout(&format!("{value}\n"));
                Ok(())
            }
            Format::Junit => Err(Error::usage("-o junit is one report, not a stream of them")
                .with_hint("drop --watch, or use -o json for one object per line")),
            Format::Table if self.stdout_tty => {
                Self::write_stdout("\x1b[2J\x1b[H");
                self.print(report)
            }
            _ => {
                self.print(report)?;
                Self::write_stdout("\n");
                Ok(())
            }
        }
    }

    fn doc_text(&self, doc: &Doc) -> String {
        let mut out = String::new();
        for block in &doc.blocks {
            match block {
                Block::Heading(level, text) => {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    let text = if *level >= 3 {
                        format!("── {text}")
                    } else {
                        text.clone()
                    };
                    out.push_str(&self.paint(&text, Tone::Plain, true));
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
                Block::Text(text) | Block::Code(text) => {
                    out.push_str(&printable::text(text));
                    if !text.ends_with('\n') {
                        out.push('\n');
                    }
                }
                Block::Note(tone, text) => {
                    out.push_str(&self.paint(text, *tone, false));
                    out.push('\n');
                }
                Block::Items(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", self.paint(&item.text, item.tone, false)));
                    }
                }
                Block::Chart(s) => {
                    let values: Vec<f64> = s.points.iter().map(|p| p.1).collect();
                    let max = values.iter().copied().reduce(f64::max);
                    out.push_str(&format!(
                        "{} ({}): {} max {}\n",
                        s.title,
                        s.unit,
                        chart::sparkline(&values),
                        max.map(|m| number(m.round())).unwrap_or("-".into())
                    ));
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
            let c = comfy_table::Cell::new(printable::cell(h));
            if self.color {
                c.add_attribute(Attribute::Bold)
            } else {
                c
            }
        }));
        for row in &table.rows {
            t.add_row(row.iter().map(|cell| {
                let c = comfy_table::Cell::new(printable::cell(&cell.text));
                match (self.color, style::of(cell.tone).table) {
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

    /// `text` in the tone's colour when colour is on, with nothing in it that acts on a terminal.
    pub fn paint(&self, text: &str, tone: Tone, bold: bool) -> String {
        let text = printable::cell(text);
        if self.color {
            style::paint(&text, tone, bold)
        } else {
            text.into_owned()
        }
    }

    /// An informational line on stderr; silent with `-q`.
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", printable::text(text.as_ref()));
        }
    }

    /// A warning on stderr; printed even with `-q`.
    pub fn warn(&self, text: impl AsRef<str>) {
        eprintln!("warning: {}", printable::text(text.as_ref()));
    }

    /// Live lines of a long command (a runbook's steps as they run) on stdout, for a person at
    /// a table: JSON and `-q` print only the final report.
    pub fn live(&self, doc: &Doc) {
        if self.format == Format::Table && !self.quiet {
            Self::write_stdout(&self.doc_text(doc));
        }
    }

    /// Asks `question [y/N]` on stderr and reads the answer from a terminal; without one the
    /// answer is no.
    pub async fn confirm(&self, question: &str) -> bool {
        if !self.stdin_tty {
            return false;
        }
        let _ = write!(std::io::stderr(), "{question} [y/N] ");
        let _ = std::io::stderr().flush();
        tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).ok();
            matches!(line.trim(), "y" | "Y" | "yes" | "YES" | "Yes")
        })
        .await
        .unwrap_or(false)
    }

    /// Whether a person could answer [`Output::confirm`].
    pub fn can_confirm(&self) -> bool {
        self.stdin_tty
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

fn doc_of(report: &dyn Report) -> Doc {
    let mut doc = Doc::default();
    report.render(&mut doc);
    doc
}

fn json_text(report: &dyn Report) -> Result<String> {
    let value = report
        .to_json()
        .map_err(|e| Error::internal(format!("serialising the report: {e}")))?;
    let mut text = serde_json::to_string_pretty(&value)
        .map_err(|e| Error::internal(format!("serialising the report: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// The document's first table; a report without one prints its key/value pairs as `key,value`
/// rows; one with neither cannot be CSV.
fn csv_text(doc: &Doc) -> Result<String> {
    if let Some(table) = doc.primary_table() {
        let header = table.headers.iter().map(String::as_str).collect();
        let rows = table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| c.text.as_str()).collect());
        return csv_records(std::iter::once(header).chain(rows));
    }
    let fields = doc.all_fields();
    if fields.is_empty() {
        return Err(
            Error::usage("this command's report has no table to print as CSV")
                .with_hint("use -o json or -o table"),
        );
    }
    let rows = fields
        .iter()
        .map(|(k, v)| vec![k.as_str(), v.text.as_str()]);
    csv_records(std::iter::once(vec!["key", "value"]).chain(rows))
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

    #[derive(Serialize)]
    struct Fields;

    impl Render for Fields {
        fn render(&self, doc: &mut Doc) {
            doc.fields([("report", "daily"), ("written to", "x.html")]);
        }
    }

    #[derive(Serialize)]
    struct Prose;

    impl Render for Prose {
        fn render(&self, doc: &mut Doc) {
            doc.text("only words");
        }
    }

    #[test]
    fn csv_prints_the_primary_table_with_quoting() {
        let out = Output::plain(Format::Csv);
        let text = out.format_report(&Sample { name: "x".into() }).unwrap();
        assert_eq!(text, "name,note\nx,\"a, \"\"quoted\"\" value\"\n");
    }

    #[test]
    fn csv_of_a_report_without_a_table_is_key_value_rows_or_refused() {
        let out = Output::plain(Format::Csv);
        assert_eq!(
            out.format_report(&Fields).unwrap(),
            "key,value\nreport,daily\nwritten to,x.html\n"
        );
        let err = out.format_report(&Prose).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
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

    #[test]
    fn numbers_drop_needless_fractions() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(rounded(12.0), "12");
        assert_eq!(rounded(12.345), "12.35");
        assert_eq!(rounded(0.5), "0.5");
    }
}

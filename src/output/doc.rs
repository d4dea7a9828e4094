//! What a report looks like before it is printed: headings, tables, key/value lists, notes,
//! bullet lists, verbatim text and charts. Reports describe themselves once, in
//! [`Render::render`]; the renderers turn that into a terminal table, CSV, Markdown or HTML, and
//! the report's `Serialize` implementation into JSON.

use super::chart::Series;
use crate::exit::ExitStatus;
use serde::Serialize;

/// How a cell should stand out. Colours are applied only when the terminal wants them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Good,
    Warn,
    Bad,
    Unknown,
    Dim,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::new(text)
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Self {
        Cell::new(text.clone())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new<I, S>(headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row<I, C>(&mut self, cells: I)
    where
        I: IntoIterator<Item = C>,
        C: Into<Cell>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A heading: level 1 is the document's title, 2 a section, 3 a subsection.
    Heading(u8, String),
    Table(Table),
    Fields(Vec<(String, Cell)>),
    /// Prose, printed as it is.
    Text(String),
    Note(Tone, String),
    /// A bullet list.
    Items(Vec<Cell>),
    /// Verbatim text such as a command's output: fenced in Markdown, `<pre>` in HTML.
    Code(String),
    /// A time series: a sparkline in a terminal and in Markdown, a line chart in HTML.
    Chart(Series),
}

/// A rendered report, in order. The first table is the one CSV output prints.
#[derive(Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    /// The document's title (Markdown `#`).
    pub fn title(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(1, text.into()));
        self
    }

    /// A section heading (Markdown `##`).
    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(2, text.into()));
        self
    }

    /// A subsection heading (Markdown `###`).
    pub fn subheading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(3, text.into()));
        self
    }

    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }

    pub fn fields<I, K, V>(&mut self, fields: I) -> &mut Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Cell>,
    {
        self.blocks.push(Block::Fields(
            fields
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        ));
        self
    }

    pub fn text(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Text(text.into()));
        self
    }

    pub fn note(&mut self, tone: Tone, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Note(tone, text.into()));
        self
    }

    pub fn items<I, C>(&mut self, items: I) -> &mut Self
    where
        I: IntoIterator<Item = C>,
        C: Into<Cell>,
    {
        self.blocks
            .push(Block::Items(items.into_iter().map(Into::into).collect()));
        self
    }

    pub fn code(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Code(text.into()));
        self
    }

    pub fn chart(&mut self, series: Series) -> &mut Self {
        self.blocks.push(Block::Chart(series));
        self
    }

    /// The table CSV output prints.
    pub fn primary_table(&self) -> Option<&Table> {
        self.blocks.iter().find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// The key/value pairs of the document, for CSV output of a report without a table.
    pub fn all_fields(&self) -> Vec<&(String, Cell)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Fields(f) => Some(f.iter()),
                _ => None,
            })
            .flatten()
            .collect()
    }
}

/// Implemented by every command's report.
pub trait Render {
    fn render(&self, doc: &mut Doc);

    /// The exit status the report implies (a health check that found a critical problem is 2).
    fn status(&self) -> ExitStatus {
        ExitStatus::Ok
    }

    /// The report as JUnit test suites, for reports that are lists of checks (none: it has no
    /// JUnit form).
    fn suites(&self) -> Vec<super::junit::Suite> {
        Vec::new()
    }
}

/// A report the output layer can print in every format.
pub trait Report: Render {
    fn to_json(&self) -> serde_json::Result<serde_json::Value>;
}

impl<T: Render + Serialize> Report for T {
    fn to_json(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::to_value(self)
    }
}

/// A document format for reports meant to be kept: pasted into a ticket, mailed, archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    /// Readable in a terminal, pasteable into a ticket or wiki
    #[default]
    Markdown,
    /// One self-contained page with charts
    Html,
    /// The report's data
    Json,
}

/// What a command produced, for the printer.
pub enum Outcome {
    Report(Box<dyn Report>),
    /// A report as a document (`report --format html`), on stdout or written to a file.
    Document {
        report: Box<dyn Report>,
        format: DocFormat,
        to: Option<std::path::PathBuf>,
    },
    /// Raw text for stdout (completion scripts, the man page).
    Text(String),
    /// Already printed as it happened (`health --watch`, `process logs --follow`); only the
    /// exit status is left.
    Done(ExitStatus),
}

impl Outcome {
    pub fn report(r: impl Report + 'static) -> Outcome {
        Outcome::Report(Box::new(r))
    }
}

//! What a report looks like before it is printed: headings, tables, key/value lists and notes.
//! Reports describe themselves once, in [`Render::render`]; the output layer turns that into a
//! terminal table or CSV, and the report's `Serialize` implementation into JSON.

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
    Heading(String),
    Table(Table),
    Fields(Vec<(String, Cell)>),
    Text(String),
    Note(Tone, String),
}

/// A rendered report, in order. The first table is the one CSV output prints.
#[derive(Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(text.into()));
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

    /// The table CSV output prints.
    pub fn primary_table(&self) -> Option<&Table> {
        self.blocks.iter().find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

/// Implemented by every command's report.
pub trait Render {
    fn render(&self, doc: &mut Doc);

    /// The exit status the report implies (a health check that found a critical problem is 2).
    fn status(&self) -> ExitStatus {
        ExitStatus::Ok
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

//! Lookup tables for the `lookup` command: CSV with a header row (the lookup page: "The file
//! must include a header row with column names, use UTF-8 encoding, and not exceed 10 MB"),
//! given to the local engine by name.

use std::collections::HashMap;
use std::sync::Arc;

/// The largest table the service takes (lookup page).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Tables by the name queries give them.
pub type Tables = HashMap<String, Table>;

impl Table {
    /// A table from CSV text: a header row, then rows of as many cells.
    pub fn from_csv(text: &[u8]) -> Result<Table, String> {
        if text.len() > MAX_BYTES {
            return Err(format!(
                "{} bytes, more than a lookup table's {MAX_BYTES}",
                text.len()
            ));
        }
        let mut reader = csv::ReaderBuilder::new().from_reader(text);
        let columns: Vec<String> = reader
            .headers()
            .map_err(|e| e.to_string())?
            .iter()
            .map(str::to_string)
            .collect();
        if columns.iter().all(String::is_empty) {
            return Err("no header row with column names".into());
        }
        let rows = reader
            .records()
            .map(|r| {
                r.map(|r| r.iter().map(str::to_string).collect())
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<_, _>>()?;
        Ok(Table { columns, rows })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The table keyed on `keys` (its first row of each key wins), for a query's `lookup`.
    pub fn index(&self, name: &str, keys: &[&str]) -> Result<Arc<Index>, String> {
        let at = keys
            .iter()
            .map(|k| {
                self.column(k).ok_or_else(|| {
                    format!(
                        "lookup table `{name}` has no column `{k}` (it has {})",
                        self.columns.join(", ")
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            let key: Vec<String> = at.iter().map(|c| row[*c].clone()).collect();
            rows.entry(key).or_insert(i);
        }
        Ok(Arc::new(Index {
            table: self.clone(),
            rows,
        }))
    }

    /// Where `column` is, or why it cannot be read.
    pub fn output(&self, name: &str, column: &str) -> Result<usize, String> {
        self.column(column).ok_or_else(|| {
            format!(
                "lookup table `{name}` has no column `{column}` (it has {})",
                self.columns.join(", ")
            )
        })
    }
}

#[derive(Debug)]
pub struct Index {
    pub table: Table,
    pub rows: HashMap<Vec<String>, usize>,
}

impl Index {
    /// The row whose keys are `key`, matched exactly and case-sensitively (lookup page).
    pub fn row(&self, key: &[String]) -> Option<&[String]> {
        self.rows.get(key).map(|i| self.table.rows[*i].as_slice())
    }
}

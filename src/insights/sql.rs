//! A query's parsed form as SQL over the log archive's table: one row per exported line
//! (`<ISO time> <message>`, as CloudWatch exports them), partitioned by component and day (the
//! layout `logs archive` writes). For Amazon Athena (Trino) and, for the differential tests,
//! DuckDB. The semantics are the local engine's (docs/local-engine.md): a missing field is null,
//! comparisons with null are false, aggregates skip nulls, a condition summed counts where it
//! holds, groups come in key order unless the query sorts, 10,000 rows unless it limits. What
//! cannot be said in SQL is refused, with its line and column, before anything is sent.

use super::engine::DEFAULT_ROWS;
use super::engine::ast::{Agg, BinOp, Command, Expr, Func, Lit, Matcher, Named, Query};
use super::engine::error::Pos;
use jiff::Timestamp;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Athena,
    DuckDb,
}

/// What the query reads: the table, the components (its log groups) and the time range.
#[derive(Debug, Clone)]
pub struct Scope {
    pub table: String,
    pub components: Vec<String>,
    pub from: Timestamp,
    pub to: Timestamp,
}

/// A part of the query SQL cannot express.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub pos: Pos,
    pub message: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.pos.line, self.pos.column, self.message
        )
    }
}

/// What a value is in SQL, so comparisons and arithmetic cast it the way the engine reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text (a parse, a literal): a number where it reads as one.
    Text,
    /// A JSON scalar as text: a number where it reads as one, `true` 1 and `false` 0.
    Json,
    Num,
    Bool,
    Time,
}

#[derive(Debug, Clone)]
struct Col {
    name: String,
    kind: Kind,
}

/// The Lambda platform fields of a `REPORT` line (text): the pattern that reads each and what
/// it is multiplied by (Logs Insights gives the memory fields in bytes; the line says MB).
const REPORT_FIELDS: [(&str, &str, &str); 5] = [
    ("@duration", r"\tDuration: ([0-9.]+) ms", ""),
    ("@billedDuration", r"Billed Duration: ([0-9.]+) ms", ""),
    ("@memorySize", r"Memory Size: ([0-9]+) MB", " * 1000000"),
    (
        "@maxMemoryUsed",
        r"Max Memory Used: ([0-9]+) MB",
        " * 1000000",
    ),
    ("@initDuration", r"Init Duration: ([0-9.]+) ms", ""),
];

/// The statements that create (or bring up to date) the archive's database and table: one
/// column, the exported line; partitions by component and day projected from the layout
/// (`Archive::day_prefix`), so no partition is ever added by hand.
pub fn table_ddl(archive: &crate::config::Archive, env: &str) -> Vec<String> {
    let table = format!("`{}`.`{}`", archive.database, archive.table(env));
    let location = archive.location(env);
    let components: Vec<&str> = crate::config::Component::functions()
        .map(|c| c.id())
        .collect();
    let properties = format!(
        "  'projection.enabled' = 'true',
  'projection.component.type' = 'enum',
  'projection.component.values' = '{}',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2020-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = '{location}${{component}}/dt=${{dt}}/'",
        components.join(",")
    );
    vec![
        format!("CREATE DATABASE IF NOT EXISTS `{}`", archive.database),
        format!(
            "CREATE EXTERNAL TABLE IF NOT EXISTS {table} (
  `line` string
)
PARTITIONED BY (`component` string, `dt` string)
ROW FORMAT DELIMITED LINES TERMINATED BY '\\n'
STORED AS TEXTFILE
LOCATION '{location}'
TBLPROPERTIES (
{properties}
)"
        ),
        // A table made by an earlier version or by hand is brought to this layout.
        format!("ALTER TABLE {table} SET LOCATION '{location}'"),
        format!("ALTER TABLE {table} SET TBLPROPERTIES (\n{properties}\n)"),
    ]
}

pub fn translate(query: &Query, d: Dialect, scope: &Scope) -> Result<String, Refusal> {
    let mut t = Tx {
        d,
        ctes: Vec::new(),
        cols: vec![
            col("@timestamp", Kind::Time),
            col("@message", Kind::Text),
            col("@log", Kind::Text),
        ],
        shown: Vec::new(),
        display: None,
        fallback: vec!["@timestamp".into(), "@message".into()],
        order: Vec::new(),
        groups: Vec::new(),
        limit: None,
        pos: Pos { line: 1, column: 1 },
        stats: false,
    };
    t.base(scope);
    for (i, c) in query.commands.iter().enumerate() {
        t.pos = query.at.get(i).copied().unwrap_or(t.pos);
        t.command(c)?;
    }
    Ok(t.finish())
}

fn col(name: &str, kind: Kind) -> Col {
    Col {
        name: name.into(),
        kind,
    }
}

/// `"name"`, quotes doubled.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `'text'`, quotes doubled.
fn string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n:?}")
    }
}

struct Tx {
    d: Dialect,
    ctes: Vec<String>,
    cols: Vec<Col>,
    /// What `fields` and `parse` named; `display` replaces it; without either, `fallback`.
    shown: Vec<String>,
    display: Option<Vec<String>>,
    fallback: Vec<String>,
    order: Vec<String>,
    /// The stats group keys in order: ties of a later sort keep it, as the engine's stable sort.
    groups: Vec<String>,
    limit: Option<usize>,
    pos: Pos,
    stats: bool,
}

impl Tx {
    fn refuse<T>(&self, message: impl Into<String>) -> Result<T, Refusal> {
        Err(Refusal {
            pos: self.pos,
            message: message.into(),
        })
    }

    fn prev(&self) -> String {
        format!("s{}", self.ctes.len() - 1)
    }

    fn column_list(&self) -> String {
        self.cols
            .iter()
            .map(|c| ident(&c.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The exported lines of the range's days and components, with their time and message.
    fn base(&mut self, s: &Scope) {
        let day = |t: Timestamp| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
        let (time, message) = match self.d {
            Dialect::Athena => (
                "try(from_iso8601_timestamp(substr(line, 1, 24)))",
                "substr(line, 26)",
            ),
            Dialect::DuckDb => (
                "TRY_CAST(substr(line, 1, 23) AS TIMESTAMP)",
                "substr(line, 26)",
            ),
        };
        let components = s
            .components
            .iter()
            .map(|c| string(c))
            .collect::<Vec<_>>()
            .join(", ");
        self.ctes.push(format!(
            "SELECT {time} AS \"@timestamp\", {message} AS \"@message\", component AS \"@log\"\n  FROM {}\n  WHERE component IN ({components}) AND dt BETWEEN {} AND {}",
            s.table,
            string(&day(s.from)),
            string(&day(s.to)),
        ));
        let (from, to) = (self.time(s.from), self.time(s.to));
        let prev = self.prev();
        self.ctes.push(format!(
            "SELECT * FROM {prev}\n  WHERE \"@timestamp\" >= {from} AND \"@timestamp\" <= {to}"
        ));
    }

    fn time(&self, t: Timestamp) -> String {
        match self.d {
            Dialect::Athena => format!(
                "from_iso8601_timestamp({})",
                string(&t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
            ),
            Dialect::DuckDb => format!(
                "TIMESTAMP {}",
                string(&t.strftime("%Y-%m-%d %H:%M:%S%.3f").to_string())
            ),
        }
    }

    fn command(&mut self, c: &Command) -> Result<(), Refusal> {
        match c {
            Command::Fields(items) => self.fields(items),
            Command::Display(names) => {
                self.display = Some(names.clone());
                Ok(())
            }
            Command::Filter(e) => {
                let (cond, kind) = self.expr(e, &[])?;
                if kind != Kind::Bool {
                    return self.refuse("filter needs a condition");
                }
                let prev = self.prev();
                let cols = self.column_list();
                self.ctes
                    .push(format!("SELECT {cols} FROM {prev}\n  WHERE {cond}"));
                Ok(())
            }
            Command::Parse {
                field,
                pattern,
                names,
            } => {
                let (src, _) = self.expr(field, &[])?;
                let re = &self.regex(pattern.as_str());
                let named: Vec<Option<&str>> = pattern.capture_names().collect();
                let mut items = Vec::new();
                for (i, name) in names.iter().enumerate() {
                    // A regex names its groups; a glob's are in order.
                    let group = named
                        .iter()
                        .position(|n| *n == Some(name.as_str()))
                        .unwrap_or(i + 1);
                    let extract = format!("regexp_extract({src}, {}, {group})", string(re));
                    let sql = match self.d {
                        Dialect::Athena => extract,
                        // DuckDB gives '' where the pattern does not match; the engine, null.
                        Dialect::DuckDb => format!(
                            "CASE WHEN regexp_matches({src}, {}) THEN {extract} END",
                            string(re)
                        ),
                    };
                    items.push((name.clone(), sql, Kind::Text));
                }
                for (name, _, _) in &items {
                    self.shown.push(name.clone());
                }
                self.assign(items);
                Ok(())
            }
            Command::Stats { aggs, by } => self.stats_command(aggs, by),
            Command::Sort(keys) => {
                let mut order = Vec::new();
                for k in keys {
                    let (sql, _) = self.expr(&k.expr, &[])?;
                    order.push(format!(
                        "{sql} {} NULLS LAST",
                        if k.desc { "DESC" } else { "ASC" }
                    ));
                }
                order.extend(self.groups.iter().cloned());
                self.order = order;
                // A later limit cuts after this order; a later stats or filter keeps it.
                self.limit = None;
                Ok(())
            }
            Command::Limit(n) => {
                self.limit = Some(self.limit.map_or(*n, |l| l.min(*n)));
                // Cut here, so later commands see only these rows.
                let prev = self.prev();
                let cols = self.column_list();
                let order = self.order_clause();
                self.ctes
                    .push(format!("SELECT {cols} FROM {prev}{order}\n  LIMIT {n}"));
                Ok(())
            }
            Command::Dedup(_) => self.refuse("dedup is not translated to SQL"),
            Command::Unnest { .. } => self.refuse("unnest is not translated to SQL"),
            Command::Lookup { .. } => self.refuse("lookup is not translated to SQL"),
            Command::Pattern(_) | Command::Diff(_) => {
                self.refuse("pattern and diff are not translated to SQL")
            }
            Command::AddTotals(_) => self.refuse("addtotals is not translated to SQL"),
            Command::Join(_) => self.refuse("join is not translated to SQL"),
        }
    }

    /// A new stage: the columns so far, with `items` added (a name already held is replaced).
    fn assign(&mut self, items: Vec<(String, String, Kind)>) {
        let prev = self.prev();
        let mut select: Vec<String> = self
            .cols
            .iter()
            .filter(|c| !items.iter().any(|(n, _, _)| *n == c.name))
            .map(|c| ident(&c.name))
            .collect();
        for (name, sql, kind) in items {
            select.push(format!("{sql} AS {}", ident(&name)));
            self.cols.retain(|c| c.name != name);
            self.cols.push(col(&name, kind));
        }
        self.ctes
            .push(format!("SELECT {} FROM {prev}", select.join(", ")));
    }

    fn fields(&mut self, items: &[Named]) -> Result<(), Refusal> {
        let mut new = Vec::new();
        for n in items {
            self.shown.push(n.name.clone());
            let held = self.cols.iter().any(|c| c.name == n.name);
            if held && matches!(&n.expr, Expr::Field(f) if *f == n.name) {
                continue;
            }
            let (sql, kind) = self.expr(&n.expr, &[])?;
            new.push((n.name.clone(), sql, kind));
        }
        if !new.is_empty() {
            self.assign(new);
        }
        Ok(())
    }

    fn stats_command(&mut self, aggs: &[Named], by: &[Named]) -> Result<(), Refusal> {
        if self.stats {
            return self.refuse("a second stats is not translated to SQL");
        }
        let mut select = Vec::new();
        let mut cols = Vec::new();
        let mut groups = Vec::new();
        for (i, n) in by.iter().enumerate() {
            let (sql, kind) = self.expr(&n.expr, &[])?;
            select.push(format!("{sql} AS {}", ident(&n.name)));
            cols.push(col(&n.name, kind));
            groups.push((i + 1).to_string());
        }
        // Items may use earlier items' aliases: their SQL is put in place.
        let mut earlier: Vec<(String, String, Kind)> = Vec::new();
        for n in aggs {
            let (sql, kind) = self.agg_expr(&n.expr, &earlier)?;
            select.push(format!("{sql} AS {}", ident(&n.name)));
            cols.push(col(&n.name, kind));
            earlier.push((n.name.clone(), sql, kind));
        }
        let prev = self.prev();
        let group_by = if groups.is_empty() {
            String::new()
        } else {
            format!("\n  GROUP BY {}", groups.join(", "))
        };
        self.ctes.push(format!(
            "SELECT {} FROM {prev}{group_by}",
            select.join(", ")
        ));
        // One stats a query (a second is refused above): after it, only its columns.
        self.stats = true;
        // Groups come in key order unless the query sorts.
        self.groups = by
            .iter()
            .map(|n| format!("{} ASC NULLS LAST", ident(&n.name)))
            .collect();
        self.order = self.groups.clone();
        self.limit = None;
        // `fields` after stats chooses among its columns; without one, all are shown.
        self.fallback = cols.iter().map(|c| c.name.clone()).collect();
        self.shown.clear();
        self.display = None;
        self.cols = cols;
        Ok(())
    }

    fn order_clause(&self) -> String {
        if self.order.is_empty() {
            String::new()
        } else {
            format!("\n  ORDER BY {}", self.order.join(", "))
        }
    }

    fn finish(self) -> String {
        let shown = self.display.clone().unwrap_or_else(|| self.shown.clone());
        let mut names: Vec<String> = Vec::new();
        for n in if shown.is_empty() {
            self.fallback.clone()
        } else {
            shown
        } {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let select: Vec<String> = names
            .iter()
            .map(|n| match self.cols.iter().find(|c| c.name == *n) {
                Some(c) if c.kind == Kind::Time => {
                    format!("{} AS {}", self.format_time(&ident(n)), ident(n))
                }
                Some(_) => ident(n),
                // A field nothing defined: read from the message, as the engine does.
                None => match self.cols.iter().any(|c| c.name == "@message") {
                    true => format!("{} AS {}", self.json_display(n), ident(n)),
                    false => format!("NULL AS {}", ident(n)),
                },
            })
            .collect();
        let mut sql = String::from("WITH ");
        for (i, body) in self.ctes.iter().enumerate() {
            if i > 0 {
                sql.push_str(",\n");
            }
            let _ = write!(sql, "s{i} AS (\n  {body}\n)");
        }
        let limit = self.limit.unwrap_or(DEFAULT_ROWS).min(DEFAULT_ROWS);
        let _ = write!(
            sql,
            "\nSELECT {}\nFROM {}{}\nLIMIT {limit}",
            select.join(", "),
            self.prev(),
            self.order_clause()
        );
        sql
    }

    fn format_time(&self, sql: &str) -> String {
        match self.d {
            Dialect::Athena => format!("format_datetime({sql}, 'yyyy-MM-dd HH:mm:ss.SSS')"),
            Dialect::DuckDb => format!("strftime({sql}, '%Y-%m-%d %H:%M:%S.%g')"),
        }
    }

    /// The JSON path of a field name (`error.code` is `$.error.code`); `None` for names a path
    /// cannot spell.
    fn path(name: &str) -> Option<String> {
        let ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        name.split('.').all(ok).then(|| format!("$.{name}"))
    }

    fn json_scalar(&self, path: &str) -> String {
        match self.d {
            Dialect::Athena => format!("json_extract_scalar(\"@message\", {})", string(path)),
            // DuckDB raises on text that is not JSON; Athena, as the engine, reads null.
            Dialect::DuckDb => format!(
                "json_extract_string(CASE WHEN json_valid(\"@message\") THEN \"@message\" END, {})",
                string(path)
            ),
        }
    }

    /// The JSON value at `path`, objects and arrays included (for presence and counts).
    fn json_value(&self, path: &str) -> String {
        match self.d {
            Dialect::Athena => format!("json_extract(\"@message\", {})", string(path)),
            Dialect::DuckDb => format!(
                "json_extract(CASE WHEN json_valid(\"@message\") THEN \"@message\" END, {})",
                string(path)
            ),
        }
    }

    /// A field as shown: a scalar's text, an object or array as JSON.
    fn json_display(&self, name: &str) -> String {
        let Some(path) = Self::path(name) else {
            return "NULL".into();
        };
        match self.d {
            Dialect::Athena => format!(
                "coalesce(json_extract_scalar(\"@message\", {p}), json_format(json_extract(\"@message\", {p})))",
                p = string(&path)
            ),
            Dialect::DuckDb => self.json_scalar(&path),
        }
    }

    fn field(&self, name: &str) -> Result<(String, Kind), Refusal> {
        if let Some(c) = self.cols.iter().find(|c| c.name == name) {
            return Ok((ident(&c.name), c.kind));
        }
        if self.stats {
            // After stats only its columns exist.
            return Ok(("NULL".into(), Kind::Text));
        }
        if let Some((_, re, scale)) = REPORT_FIELDS.iter().find(|(f, _, _)| *f == name) {
            return Ok((
                format!(
                    "CASE WHEN \"@message\" LIKE 'REPORT %' THEN TRY_CAST(regexp_extract(\"@message\", {}, 1) AS DOUBLE){scale} END",
                    string(re)
                ),
                Kind::Num,
            ));
        }
        match name {
            "@type" => return Ok((
                "CASE WHEN \"@message\" LIKE 'REPORT %' THEN 'REPORT' WHEN \"@message\" LIKE 'START %' THEN 'START' WHEN \"@message\" LIKE 'END %' THEN 'END' END".into(),
                Kind::Text,
            )),
            "@requestId" => return Ok((
                "CASE WHEN regexp_like(\"@message\", '^(START|END|REPORT) RequestId: ') THEN regexp_extract(\"@message\", 'RequestId: ([^ \\t]+)', 1) END"
                    .replace("regexp_like", self.regexp_like_name()),
                Kind::Text,
            )),
            _ => {}
        }
        if name.starts_with('@') {
            return self.refuse(format!("{name} is not in the archive's exported lines"));
        }
        match Self::path(name) {
            Some(path) => Ok((self.json_scalar(&path), Kind::Json)),
            None => self.refuse(format!(
                "the field name `{name}` is not a JSON path SQL can read"
            )),
        }
    }

    /// A pattern as the dialect writes named groups: `(?<n>…)` in Athena (Java), `(?P<n>…)` in
    /// DuckDB (RE2).
    fn regex(&self, re: &str) -> String {
        match self.d {
            Dialect::Athena => re.replace("(?P<", "(?<"),
            Dialect::DuckDb => re
                .replace("(?<", "(?P<")
                .replace("(?P<=", "(?<=")
                .replace("(?P<!", "(?<!"),
        }
    }

    fn regexp_like_name(&self) -> &'static str {
        match self.d {
            Dialect::Athena => "regexp_like",
            Dialect::DuckDb => "regexp_matches",
        }
    }

    fn num(&self, (sql, kind): (String, Kind)) -> Result<String, Refusal> {
        match kind {
            Kind::Num => Ok(sql),
            Kind::Text => Ok(format!("TRY_CAST({sql} AS DOUBLE)")),
            // A JSON string `"true"` reads as 1 here, as none in the engine (docs/local-engine.md).
            Kind::Json => Ok(format!(
                "TRY_CAST(CASE {sql} WHEN 'true' THEN '1' WHEN 'false' THEN '0' ELSE {sql} END AS DOUBLE)"
            )),
            Kind::Bool => Ok(format!("CASE WHEN {sql} THEN 1 WHEN NOT {sql} THEN 0 END")),
            Kind::Time => self.refuse("time values are not used as numbers in SQL"),
        }
    }

    fn text(&self, (sql, kind): (String, Kind)) -> String {
        match kind {
            Kind::Text | Kind::Json => sql,
            _ => format!("CAST({sql} AS VARCHAR)"),
        }
    }

    /// An expression; `earlier` holds the SQL of a stats item's earlier aliases.
    fn expr(
        &self,
        e: &Expr,
        earlier: &[(String, String, Kind)],
    ) -> Result<(String, Kind), Refusal> {
        match e {
            Expr::Field(name) => match earlier.iter().find(|(n, _, _)| n == name) {
                Some((_, sql, kind)) => Ok((format!("({sql})"), *kind)),
                None => self.field(name),
            },
            Expr::Lit(l) => Ok(match l {
                Lit::Null => ("NULL".into(), Kind::Text),
                Lit::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.into(), Kind::Bool),
                Lit::Num(n) => (number(*n), Kind::Num),
                Lit::Str(s) => (string(s), Kind::Text),
            }),
            Expr::Neg(inner) => {
                let v = self.expr(inner, earlier)?;
                Ok((format!("(-{})", self.num(v)?), Kind::Num))
            }
            Expr::Not(inner) => {
                let (sql, kind) = self.expr(inner, earlier)?;
                if kind != Kind::Bool {
                    return self.refuse("`not` needs a condition");
                }
                Ok((format!("(NOT {sql})"), Kind::Bool))
            }
            Expr::Binary(op, a, b) => self.binary(*op, a, b, earlier),
            Expr::Like {
                expr,
                matcher,
                negated,
            } => {
                let v = self.expr(expr, earlier)?;
                let v = self.text(v);
                let test = match matcher {
                    Matcher::Contains(t) => format!("strpos({v}, {}) > 0", string(t)),
                    Matcher::Regex(re) => {
                        format!("{}({v}, {})", self.regexp_like_name(), string(re.as_str()))
                    }
                };
                let test = format!("coalesce({test}, FALSE)");
                Ok((
                    if *negated {
                        format!("(NOT {test})")
                    } else {
                        test
                    },
                    Kind::Bool,
                ))
            }
            Expr::InQuery { .. } => self.refuse("subqueries are not translated to SQL"),
            Expr::In {
                expr,
                list,
                negated,
            } => {
                let v = self.expr(expr, earlier)?;
                let items = list
                    .iter()
                    .map(|x| self.expr(x, earlier))
                    .collect::<Result<Vec<_>, _>>()?;
                let numeric = items.iter().any(|(_, k)| *k == Kind::Num);
                let v = if numeric { self.num(v)? } else { self.text(v) };
                let items = items
                    .into_iter()
                    .map(|x| {
                        if numeric {
                            self.num(x)
                        } else {
                            Ok(self.text(x))
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((
                    format!(
                        "{}coalesce({v} IN ({}), FALSE)",
                        if *negated { "NOT " } else { "" },
                        items.join(", ")
                    ),
                    Kind::Bool,
                ))
            }
            Expr::Call(f, args) => self.call(*f, args, earlier),
            Expr::Agg(..) => self.refuse("an aggregate function belongs in stats"),
            Expr::TimeBin(ms) => self.bin(*ms),
            Expr::Duration(_) => self.refuse("a duration is only an argument of datefloor or bin"),
        }
    }

    fn bin(&self, ms: i64) -> Result<(String, Kind), Refusal> {
        if ms < 1000 || ms % 1000 != 0 {
            return self.refuse("bin() below a second is not translated to SQL");
        }
        let secs = ms / 1000;
        Ok((
            match self.d {
                Dialect::Athena => {
                    format!("from_unixtime(floor(to_unixtime(\"@timestamp\") / {secs}) * {secs})")
                }
                Dialect::DuckDb => format!(
                    "make_timestamp(CAST(floor(epoch_us(\"@timestamp\") / {us}) * {us} AS BIGINT))",
                    us = secs * 1_000_000
                ),
            },
            Kind::Time,
        ))
    }

    fn binary(
        &self,
        op: BinOp,
        a: &Expr,
        b: &Expr,
        earlier: &[(String, String, Kind)],
    ) -> Result<(String, Kind), Refusal> {
        let (x, y) = (self.expr(a, earlier)?, self.expr(b, earlier)?);
        let sym = match op {
            BinOp::Or | BinOp::And => {
                if x.1 != Kind::Bool || y.1 != Kind::Bool {
                    return self.refuse("`and` and `or` join conditions");
                }
                let word = if op == BinOp::Or { "OR" } else { "AND" };
                return Ok((format!("({} {word} {})", x.0, y.0), Kind::Bool));
            }
            BinOp::Eq => "=",
            BinOp::Ne => "<>",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Pow => {
                let (x, y) = (self.num(x)?, self.num(y)?);
                let sql = match op {
                    BinOp::Add => format!("({x} + {y})"),
                    BinOp::Sub => format!("({x} - {y})"),
                    BinOp::Mul => format!("({x} * {y})"),
                    // Division by zero is null, as in the engine.
                    BinOp::Div => format!("({x} / NULLIF({y}, 0))"),
                    BinOp::Mod => match self.d {
                        Dialect::Athena => format!("mod({x}, NULLIF({y}, 0))"),
                        Dialect::DuckDb => format!("fmod({x}, NULLIF({y}, 0))"),
                    },
                    _ => format!("power({x}, {y})"),
                };
                return Ok((sql, Kind::Num));
            }
        };
        let (l, r) = match (x.1, y.1) {
            (Kind::Time, Kind::Time) | (Kind::Bool, Kind::Bool) => (x.0, y.0),
            (Kind::Time, _) | (_, Kind::Time) => {
                return self.refuse("@timestamp is compared with times only in SQL");
            }
            (Kind::Num, _) | (_, Kind::Num) => (self.num(x)?, self.num(y)?),
            _ => (self.text(x), self.text(y)),
        };
        // A comparison with null is false, not unknown (so `not` and sums of it count it), and
        // `!=` with null true, as in the engine.
        let missing = if op == BinOp::Ne { "TRUE" } else { "FALSE" };
        Ok((format!("coalesce({l} {sym} {r}, {missing})"), Kind::Bool))
    }

    fn call(
        &self,
        f: Func,
        args: &[Expr],
        earlier: &[(String, String, Kind)],
    ) -> Result<(String, Kind), Refusal> {
        // Presence is of the JSON value, objects included.
        if let (Func::IsPresent, [Expr::Field(name)]) = (f, args)
            && !self.cols.iter().any(|c| c.name == *name)
            && !name.starts_with('@')
            && let Some(path) = Self::path(name)
        {
            return Ok((
                format!(
                    "(json_extract(\"@message\", {}) IS NOT NULL)",
                    string(&path)
                ),
                Kind::Bool,
            ));
        }
        let vals = args
            .iter()
            .map(|a| self.expr(a, earlier))
            .collect::<Result<Vec<_>, _>>()?;
        let texts = || {
            vals.iter()
                .cloned()
                .map(|v| self.text(v))
                .collect::<Vec<_>>()
        };
        let nums = || {
            vals.iter()
                .cloned()
                .map(|v| self.num(v))
                .collect::<Result<Vec<_>, _>>()
        };
        let one = |name: &str| -> Result<(String, Kind), Refusal> {
            Ok((format!("{name}({})", nums()?.join(", ")), Kind::Num))
        };
        match f {
            Func::IsPresent => Ok((format!("({} IS NOT NULL)", vals[0].0), Kind::Bool)),
            Func::IsEmpty => {
                let v = &texts()[0];
                Ok((format!("({v} IS NULL OR {v} = '')"), Kind::Bool))
            }
            Func::IsBlank => {
                let v = &texts()[0];
                Ok((format!("({v} IS NULL OR trim({v}) = '')"), Kind::Bool))
            }
            Func::Coalesce => {
                if vals.iter().all(|v| v.1 == Kind::Num) {
                    Ok((format!("coalesce({})", nums()?.join(", ")), Kind::Num))
                } else {
                    Ok((format!("coalesce({})", texts().join(", ")), Kind::Text))
                }
            }
            Func::Strlen => Ok((format!("length({})", texts()[0]), Kind::Num)),
            Func::ToUpper => Ok((format!("upper({})", texts()[0]), Kind::Text)),
            Func::ToLower => Ok((format!("lower({})", texts()[0]), Kind::Text)),
            Func::Concat => Ok((format!("concat({})", texts().join(", ")), Kind::Text)),
            Func::Abs => one("abs"),
            Func::Ceil => one("ceil"),
            Func::Floor => one("floor"),
            // What has no real answer is null, as in the engine (not NaN or -Infinity).
            Func::Sqrt => {
                let x = &nums()?[0];
                Ok((format!("CASE WHEN {x} >= 0 THEN sqrt({x}) END"), Kind::Num))
            }
            Func::Log => {
                let x = &nums()?[0];
                Ok((format!("CASE WHEN {x} > 0 THEN ln({x}) END"), Kind::Num))
            }
            // Arguments that are not numbers are left out, as in the engine.
            Func::Greatest | Func::Least => {
                let list = nums()?.join(", ");
                let max = f == Func::Greatest;
                Ok((
                    match self.d {
                        Dialect::Athena => format!(
                            "{}(filter(ARRAY[{list}], x -> x IS NOT NULL))",
                            if max { "array_max" } else { "array_min" }
                        ),
                        // DuckDB's greatest and least skip nulls already.
                        Dialect::DuckDb => {
                            format!("{}({list})", if max { "greatest" } else { "least" })
                        }
                    },
                    Kind::Num,
                ))
            }
            // 1 or 0, a number that can be summed, as documented.
            Func::StrContains => {
                let t = texts();
                Ok((
                    format!(
                        "CASE WHEN {a} IS NULL OR {b} IS NULL THEN NULL WHEN strpos({a}, {b}) > 0 THEN 1 ELSE 0 END",
                        a = t[0],
                        b = t[1]
                    ),
                    Kind::Num,
                ))
            }
            Func::StartsWith => {
                let t = texts();
                Ok((format!("starts_with({}, {})", t[0], t[1]), Kind::Bool))
            }
            Func::EndsWith => {
                let t = texts();
                Ok((
                    format!(
                        "(substr({a}, length({a}) - length({b}) + 1) = {b})",
                        a = t[0],
                        b = t[1]
                    ),
                    Kind::Bool,
                ))
            }
            Func::Trim | Func::LTrim | Func::RTrim if vals.len() == 1 => {
                let name = match f {
                    Func::Trim => "trim",
                    Func::LTrim => "ltrim",
                    _ => "rtrim",
                };
                Ok((format!("{name}({})", texts()[0]), Kind::Text))
            }
            // Characters counted from 0 here, from 1 in SQL; a start or length below 0 is 0 and
            // a fraction is cut, as in the engine.
            Func::Substr => {
                let t = &texts()[0];
                let n = nums()?;
                // Not `greatest`: DuckDB's skips a null, where a null position must give null.
                let whole = |x: &String| {
                    format!("CAST(floor(CASE WHEN {x} < 0 THEN 0 ELSE {x} END) AS BIGINT)")
                };
                let start = format!("{} + 1", whole(&n[1]));
                Ok((
                    match n.get(2) {
                        Some(len) => format!("substr({t}, {start}, {})", whole(len)),
                        None => format!("substr({t}, {start})"),
                    },
                    Kind::Text,
                ))
            }
            // Every occurrence; an empty search text changes nothing, as in the engine (SQL would
            // put the replacement between every two characters).
            Func::Replace => {
                let t = texts();
                let (text, from, to) = (&t[0], &t[1], &t[2]);
                Ok((
                    format!(
                        "CASE WHEN {to} IS NULL THEN NULL WHEN {from} = '' THEN {text} ELSE replace({text}, {from}, {to}) END"
                    ),
                    Kind::Text,
                ))
            }
            // Epoch milliseconds of a time; a number is cut to a whole one, as in the engine.
            Func::ToMillis => Ok((
                match (&vals[0], self.d) {
                    ((t, Kind::Time), Dialect::Athena) => format!("round(to_unixtime({t}) * 1000)"),
                    ((t, Kind::Time), Dialect::DuckDb) => format!("CAST(epoch_ms({t}) AS DOUBLE)"),
                    (v, _) => {
                        let x = self.num(v.clone())?;
                        format!("CASE WHEN {x} < 0 THEN ceil({x}) ELSE floor({x}) END")
                    }
                },
                Kind::Num,
            )),
            // Lowercase hex digests of the UTF-8 text.
            Func::Md5 | Func::Sha256 => {
                let t = &texts()[0];
                let name = if f == Func::Md5 { "md5" } else { "sha256" };
                Ok((
                    match self.d {
                        Dialect::Athena => format!("lower(to_hex({name}(to_utf8({t}))))"),
                        Dialect::DuckDb => format!("{name}({t})"),
                    },
                    Kind::Text,
                ))
            }
            Func::DateFloor => match args {
                [Expr::Field(t), Expr::Duration(ms)] if t == "@timestamp" => self.bin(*ms),
                _ => self.refuse("datefloor is translated for @timestamp and a duration"),
            },
            other => self.refuse(format!(
                "{} is not translated to SQL",
                format!("{other:?}").to_lowercase()
            )),
        }
    }

    /// A stats item: aggregates, and arithmetic and functions over them.
    fn agg_expr(
        &self,
        e: &Expr,
        earlier: &[(String, String, Kind)],
    ) -> Result<(String, Kind), Refusal> {
        match e {
            Expr::Agg(agg, arg) => self.agg(*agg, arg.as_deref()),
            Expr::Binary(op, a, b) if !matches!(op, BinOp::And | BinOp::Or) => {
                let x = self.agg_expr(a, earlier)?;
                let y = self.agg_expr(b, earlier)?;
                let lifted = Expr::Binary(
                    *op,
                    Box::new(Expr::Field("\u{0}x".into())),
                    Box::new(Expr::Field("\u{0}y".into())),
                );
                let scope = [
                    ("\u{0}x".to_string(), x.0, x.1),
                    ("\u{0}y".to_string(), y.0, y.1),
                ];
                self.expr(&lifted, &scope)
            }
            Expr::Neg(inner) => {
                let v = self.agg_expr(inner, earlier)?;
                Ok((format!("(-{})", self.num(v)?), Kind::Num))
            }
            Expr::Field(name) => match earlier.iter().find(|(n, _, _)| n == name) {
                Some((_, sql, kind)) => Ok((format!("({sql})"), *kind)),
                None => self.refuse(format!(
                    "`{name}` in stats must be inside an aggregate function or an earlier alias"
                )),
            },
            Expr::Lit(_) => self.expr(e, earlier),
            Expr::Call(f, args) => {
                let vals = args
                    .iter()
                    .map(|a| self.agg_expr(a, earlier))
                    .collect::<Result<Vec<_>, _>>()?;
                let scope: Vec<(String, String, Kind)> = vals
                    .into_iter()
                    .enumerate()
                    .map(|(i, (sql, kind))| (format!("\u{0}{i}"), sql, kind))
                    .collect();
                let lifted: Vec<Expr> = (0..args.len())
                    .map(|i| Expr::Field(format!("\u{0}{i}")))
                    .collect();
                self.call(*f, &lifted, &scope)
            }
            _ => self.refuse("this stats item is not translated to SQL"),
        }
    }

    fn agg(&self, agg: Agg, arg: Option<&Expr>) -> Result<(String, Kind), Refusal> {
        let Some(arg) = arg else {
            return Ok(("count(*)".into(), Kind::Num));
        };
        // Presence of a JSON field counts objects too.
        let counted = |tx: &Tx| -> Result<String, Refusal> {
            if let Expr::Field(name) = arg
                && !tx.cols.iter().any(|c| c.name == *name)
                && !name.starts_with('@')
                && let Some(path) = Self::path(name)
            {
                return Ok(self.json_value(&path));
            }
            Ok(tx.expr(arg, &[])?.0)
        };
        let v = self.expr(arg, &[])?;
        let sql = match agg {
            Agg::Count => format!("count({})", counted(self)?),
            Agg::CountDistinct => format!("count(DISTINCT {})", self.text(v)),
            Agg::Sum => format!("sum({})", self.num(v)?),
            Agg::Avg => format!("avg({})", self.num(v)?),
            Agg::Min => format!("min({})", self.num(v)?),
            Agg::Max => format!("max({})", self.num(v)?),
            Agg::Stddev => format!("stddev_samp({})", self.num(v)?),
            Agg::Pct(p) => match self.d {
                Dialect::Athena => {
                    format!("approx_percentile({}, {})", self.num(v)?, number(p / 100.0))
                }
                Dialect::DuckDb => {
                    format!("quantile_cont({}, {})", self.num(v)?, number(p / 100.0))
                }
            },
            // SQL's min() orders numbers and text apart; `sort` puts numbers before text.
            Agg::SortsFirst | Agg::SortsLast => {
                return self.refuse("sortsFirst and sortsLast are not translated to SQL");
            }
            Agg::Earliest | Agg::Latest => {
                let by = if agg == Agg::Earliest {
                    "min_by"
                } else {
                    "max_by"
                };
                let kind = v.1;
                return Ok((format!("{by}({}, \"@timestamp\")", v.0), kind));
            }
        };
        Ok((sql, Kind::Num))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(text: &str) -> Result<String, Refusal> {
        let q = super::super::engine::prepare(text).unwrap().query;
        translate(
            &q,
            Dialect::Athena,
            &Scope {
                table: "\"mandala_ops\".\"logs_prod\"".into(),
                components: vec!["task-generation".into()],
                from: "2026-11-04T00:00:00Z".parse().unwrap(),
                to: "2026-12-04T00:00:00Z".parse().unwrap(),
            },
        )
    }

    #[test]
    fn partitions_come_from_the_range_and_the_log_groups() {
        let s = sql("filter level = \"ERROR\" | stats count() by bin(1h)").unwrap();
        assert!(
            s.contains(
                "component IN ('task-generation') AND dt BETWEEN '2026-11-04' AND '2026-12-04'"
            ),
            "{s}"
        );
        assert!(
            s.contains("json_extract_scalar(\"@message\", '$.level') = 'ERROR'"),
            "{s}"
        );
        assert!(s.contains("GROUP BY 1"), "{s}");
    }

    #[test]
    fn what_sql_cannot_say_is_refused_at_its_place() {
        let e = sql("fields a\n| dedup a").unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (2, 3));
        assert!(e.to_string().contains("dedup"), "{e}");
        let e = sql("filter @logStream = \"x\"").unwrap_err();
        assert!(e.message.contains("@logStream"), "{e}");
        for (q, what) in [
            ("fields @message as j | unnest j into x", "unnest"),
            ("stats count() as n by a | stats max(n)", "second stats"),
            ("fields jsonParse(@message) as j", "jsonparse"),
            ("stats sortsLast(a)", "sortsLast"),
            (
                "join left=a right=b where a.k=b.k (SOURCE 'g') | fields b.x",
                "join",
            ),
            ("filter k in (SOURCE 'g' | fields k)", "subqueries"),
        ] {
            let e = sql(q).unwrap_err();
            assert!(e.message.contains(what), "{q}: {e}");
        }
    }

    #[test]
    fn text_functions_in_athena_sql() {
        let s = sql("fields md5(a) as m, sha256(a) as h, substr(a, 2) as s").unwrap();
        for part in [
            "lower(to_hex(md5(to_utf8(json_extract_scalar(",
            "lower(to_hex(sha256(to_utf8(",
            "CAST(floor(CASE WHEN 2 < 0 THEN 0 ELSE 2 END) AS BIGINT) + 1)",
        ] {
            assert!(s.contains(part), "{part} not in {s}");
        }
    }

    #[test]
    fn quotes_in_values_and_names_cannot_close_the_sql() {
        let s = sql("filter msg = \"it's'; DROP TABLE x; --\"").unwrap();
        assert!(s.contains("'it''s''; DROP TABLE x; --'"), "{s}");
        // A name no JSON path can spell is refused, not pasted.
        assert!(sql("fields `we\"ird`").is_err());
    }
}

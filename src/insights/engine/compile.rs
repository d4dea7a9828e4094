//! From the parsed query to a plan the executor runs: field names become slots of a record;
//! source fields become JSON paths or Lambda's discovered `@` fields.
//!
//! Semantics, where Logs Insights' documentation is silent: a comparison with a missing value
//! is false (`!=` is its negation, so true); arithmetic with a missing value is missing;
//! aggregates skip missing values; `sum()` of a condition counts where it holds.

use super::ast::*;
use super::error::{ParseError, Pos};
use super::subquery::Found;
use super::value::{Owned, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Where a source field comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A JSON path into a structured message (`error.code` → `["error", "code"]`).
    Json(Vec<String>),
    Timestamp,
    Message,
    LogStream,
    Log,
    IngestionTime,
    /// Lambda `REPORT` lines (Logs Insights' discovered fields; sizes in bytes).
    Duration,
    BilledDuration,
    MemorySize,
    MaxMemoryUsed,
    InitDuration,
    RequestId,
    Type,
}

impl Source {
    fn of(name: &str) -> Source {
        match name {
            "@timestamp" => Source::Timestamp,
            "@message" => Source::Message,
            "@logStream" => Source::LogStream,
            "@log" => Source::Log,
            "@ingestionTime" => Source::IngestionTime,
            "@duration" => Source::Duration,
            "@billedDuration" => Source::BilledDuration,
            "@memorySize" => Source::MemorySize,
            "@maxMemoryUsed" => Source::MaxMemoryUsed,
            "@initDuration" => Source::InitDuration,
            "@requestId" => Source::RequestId,
            "@type" => Source::Type,
            _ => Source::Json(name.split('.').map(str::to_string).collect()),
        }
    }
}

/// A compiled expression over record slots.
#[derive(Debug, Clone)]
pub enum CExpr {
    Slot(usize),
    Const(Owned),
    Neg(Box<CExpr>),
    Not(Box<CExpr>),
    Binary(BinOp, Box<CExpr>, Box<CExpr>),
    Like {
        expr: Box<CExpr>,
        matcher: Matcher,
        negated: bool,
    },
    In {
        expr: Box<CExpr>,
        list: Vec<CExpr>,
        negated: bool,
    },
    Call(Func, Vec<CExpr>),
    TimeBin {
        ms: i64,
        timestamp: usize,
    },
    /// Into a map or list that `jsonParse` made: `js.accounts[0].id`.
    Path(Box<CExpr>, Vec<PathStep>),
    /// `expr in (SOURCE ...)`: the value is a key of the subquery's results.
    InFound {
        expr: Box<CExpr>,
        found: Arc<Found>,
        negated: bool,
    },
}

/// One step into a map or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

#[derive(Debug, Clone)]
pub enum Step {
    Assign(usize, CExpr),
    Filter(CExpr),
    Parse {
        input: CExpr,
        pattern: regex::Regex,
        slots: Vec<usize>,
    },
    /// One record per item of `input`, the item in `slot`.
    Unnest {
        input: CExpr,
        slot: usize,
    },
    /// The table's row whose keys equal `keys`: its columns into slots, or missing.
    Lookup {
        keys: Vec<CExpr>,
        index: std::sync::Arc<super::lookup::Index>,
        /// (the table's column, the slot)
        outputs: Vec<(usize, usize)>,
    },
    /// One record per row of the right side whose key equals `key`, its columns into slots;
    /// with `keep_unmatched`, a record without one goes on with them missing.
    Join {
        key: CExpr,
        found: Arc<Found>,
        /// (the right side's column, the slot)
        outputs: Vec<(usize, usize)>,
        keep_unmatched: bool,
    },
}

#[derive(Debug, Clone)]
pub struct AggSpec {
    pub agg: Agg,
    pub arg: Option<CExpr>,
}

/// Commands run on collected rows (after `stats`, or the tail of a query without it).
#[derive(Debug, Clone)]
pub enum RowOp {
    Steps(Vec<Step>),
    Sort(Vec<(CExpr, bool)>),
    Limit(usize),
    Dedup(Vec<usize>),
    /// A second `stats`, over the rows of the first.
    Stats(Stats),
    /// `count`'s share of its total over all rows, into `into` (`pattern`'s `@ratio`).
    Share {
        count: usize,
        into: usize,
    },
    /// `addtotals`: the numbers of `sum` added up into `into` a row, and with `col` a last row
    /// of each column's total.
    AddTotals {
        sum: Vec<usize>,
        into: Option<usize>,
        col: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Stats {
    pub by: Vec<CExpr>,
    pub aggs: Vec<AggSpec>,
    /// The record slot of `@timestamp`, for `earliest` and `latest`.
    pub timestamp: usize,
    /// Where each group key, then each aggregate, goes in the rows it makes.
    pub slots: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// Slots `0..sources.len()` hold source fields.
    pub sources: Vec<Source>,
    pub record_slots: usize,
    /// Row-local commands, run in parallel on every record.
    pub steps: Vec<Step>,
    pub stats: Option<Stats>,
    /// Row space after `stats` (its columns), or the record space without `stats`.
    pub rows_slots: usize,
    pub ops: Vec<RowOp>,
    /// Columns shown: (name, slot in the row space).
    pub output: Vec<(String, usize)>,
    /// Text every matching raw line must contain (from the first filters), to skip the rest
    /// without parsing them.
    pub prefilter: Vec<String>,
    /// Does the query choose its columns (`fields`, `display`, `stats`...), rather than show
    /// its events' `@timestamp` and `@message`?
    pub chooses: bool,
}

/// Rows a query returns unless it says otherwise: "If you omit limit, the query defaults to
/// returning up to 10,000 log events" (Logs Insights query syntax, `limit`).
pub const DEFAULT_LIMIT: usize = 10_000;
/// The largest `limit` Logs Insights accepts (same page).
pub const MAX_LIMIT: usize = 100_000;
/// `unnest` commands a query may hold: each multiplies the records, and each is a level of
/// recursion when records are expanded.
const MAX_UNNEST: usize = 8;

#[derive(Clone)]
struct Space {
    names: Vec<String>,
    index: HashMap<String, usize>,
    /// The results of the query's subqueries, by number.
    found: Arc<[Arc<Found>]>,
}

impl Space {
    fn new(found: Arc<[Arc<Found>]>) -> Space {
        Space {
            names: Vec::new(),
            index: HashMap::new(),
            found,
        }
    }

    fn define(&mut self, name: &str) -> usize {
        let slot = self.names.len();
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), slot);
        slot
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }
}

fn is_row_local(c: &Command) -> bool {
    matches!(
        c,
        Command::Fields(_)
            | Command::Filter(_)
            | Command::Parse { .. }
            | Command::Display(_)
            | Command::Unnest { .. }
            | Command::Lookup { .. }
            | Command::Join(_)
    )
}

/// The defined name a field is inside and the steps from it (`js.accounts[0].id` is `js`,
/// then `.accounts`, `[0]`, `.id`), the longest defined name first.
fn under(name: &str, defined: impl Fn(&str) -> bool) -> Option<(&str, Vec<PathStep>)> {
    let cuts = name
        .char_indices()
        .filter(|(i, c)| *i > 0 && matches!(c, '.' | '['))
        .map(|(i, _)| i);
    let cut = cuts.rev().find(|i| defined(&name[..*i]))?;
    let mut rest = &name[cut..];
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            steps.push(PathStep::Key(r[..end].to_string()));
            rest = &r[end..];
        } else {
            let r = rest.strip_prefix('[')?;
            let end = r.find(']')?;
            steps.push(PathStep::Index(r[..end].parse().ok()?));
            rest = &r[end + 1..];
        }
    }
    Some((&name[..cut], steps))
}

/// Is `name` defined, or inside a defined map or list?
fn is_defined(name: &str, defined: &[&str]) -> bool {
    defined.contains(&name) || under(name, |n| defined.contains(&n)).is_some()
}

/// Columns a query shows: the last `display`, else what `fields`, `parse` and `unnest` named,
/// else the last `stats`'s columns.
#[derive(Default, Clone)]
struct Shown {
    names: Vec<String>,
    display: Option<Vec<String>>,
    stats: Option<Vec<String>>,
}

impl Shown {
    fn resolve(self, fallback: Vec<String>, space: &mut Space) -> Vec<(String, usize)> {
        let mut names = self.display.unwrap_or(self.names);
        if names.is_empty() {
            names = self.stats.unwrap_or(fallback);
        }
        let mut seen = Vec::new();
        names.retain(|n| {
            let fresh = !seen.contains(n);
            seen.push(n.clone());
            fresh
        });
        names
            .into_iter()
            .map(|n| {
                let slot = slot_or_null(space, &n);
                (n, slot)
            })
            .collect()
    }
}

/// The plan of `query`, whose subqueries found `found` (by number; empty rows to plan it
/// before they run).
pub fn compile(
    query: &Query,
    tables: &super::lookup::Tables,
    found: &[Arc<Found>],
) -> Result<Plan, ParseError> {
    let found: Arc<[Arc<Found>]> = match found.len() == query.subqueries.len() {
        true => found.into(),
        false => query
            .subqueries
            .iter()
            .map(|s| Arc::new(Found::new(s.wanted.clone(), Vec::new())))
            .collect(),
    };
    let unnests = query
        .commands
        .iter()
        .filter(|c| matches!(c, Command::Unnest { .. }))
        .count();
    if unnests > MAX_UNNEST {
        return Err(unsupported(&format!(
            "more than {MAX_UNNEST} `unnest` commands in a query"
        )));
    }
    // The first `stats` (or `pattern`) groups records; any later one groups its rows.
    let stats_at = query
        .commands
        .iter()
        .position(|c| matches!(c, Command::Stats { .. } | Command::Pattern(_)));
    if let Some(at) = stats_at
        && let Some(bad) = query.commands[..at].iter().find(|c| !is_row_local(c))
    {
        return Err(unsupported(&format!("`{}` before `stats`", bad.name())));
    }
    let prefix_end = stats_at.unwrap_or_else(|| {
        query
            .commands
            .iter()
            .position(|c| !is_row_local(c))
            .unwrap_or(query.commands.len())
    });

    // The record space: source fields first (every name read before anything defines it),
    // then what the commands define.
    let mut space = Space::new(found.clone());
    let mut sources = Vec::new();
    let record_commands = match stats_at {
        Some(at) => &query.commands[..=at],
        None => &query.commands[..],
    };
    for name in source_names(record_commands) {
        space.define(name);
        sources.push(Source::of(name));
    }
    for (name, source) in [
        ("@timestamp", Source::Timestamp),
        ("@message", Source::Message),
    ] {
        if space.get(name).is_none() && (name == "@timestamp" || stats_at.is_none()) {
            space.define(name);
            sources.push(source);
        }
    }
    let timestamp = space.get("@timestamp").expect("defined above");
    let mut shown = Shown::default();
    let mut steps = Vec::new();
    for c in &query.commands[..prefix_end] {
        steps.extend(row_command(c, &mut space, timestamp, &mut shown, tables)?);
    }
    let prefilter = prefilter(query, prefix_end);

    let Some(at) = stats_at else {
        let fallback = vec!["@timestamp".into(), "@message".into()];
        let ops = row_ops(
            &query.commands[prefix_end..],
            &mut space,
            timestamp,
            (&mut shown, &fallback),
            tables,
        )?;
        let chooses = shown.display.is_some() || !shown.names.is_empty();
        let output = shown.resolve(fallback, &mut space);
        return Ok(Plan {
            sources,
            record_slots: space.names.len(),
            steps,
            stats: None,
            rows_slots: space.names.len(),
            ops,
            output,
            prefilter,
            chooses,
        });
    };
    let pattern = match &query.commands[at] {
        Command::Pattern(e) => Some(pattern_stats(e)),
        _ => None,
    };
    let (aggs, by) = match (&query.commands[at], &pattern) {
        (Command::Stats { aggs, by }, _) => (aggs, by),
        (_, Some((aggs, by))) => (aggs, by),
        _ => unreachable!("stats_at points at stats or pattern"),
    };
    let mut rows = Space::new(found);
    let first = stats(aggs, by, &space, timestamp, &mut rows)?;
    // `fields` after `stats` chooses the columns shown.
    let mut after = Shown::default();
    let mut ops = row_ops(
        &query.commands[at + 1..],
        &mut rows,
        usize::MAX,
        (&mut after, &first.columns),
        tables,
    )?;
    if pattern.is_some() {
        let slot = |name: &str| rows.get(name).expect("pattern_stats defines it");
        let count = slot("@sampleCount");
        ops.splice(
            0..0,
            [
                RowOp::Share {
                    count,
                    into: slot("@ratio"),
                },
                RowOp::Sort(vec![
                    (CExpr::Slot(count), true),
                    (CExpr::Slot(slot("@pattern")), false),
                ]),
            ],
        );
    }
    if !first.post.is_empty() {
        ops.insert(0, RowOp::Steps(first.post));
    }
    let output = after.resolve(first.columns, &mut rows);
    Ok(Plan {
        sources,
        record_slots: space.names.len(),
        steps,
        stats: Some(first.stats),
        rows_slots: rows.names.len(),
        ops,
        output,
        prefilter,
        chooses: true,
    })
}

/// `pattern expr` as the `stats` it is: a row a pattern, with the fields the `pattern` page
/// lists (`@pattern`, `@ratio`, `@sampleCount`, `@severityLabel`), most frequent first.
/// `@ratio` is filled in once every group is counted ([`RowOp::Share`]).
fn pattern_stats(e: &Expr) -> (Vec<Named>, Vec<Named>) {
    let named = |expr: Expr, name: &str| Named {
        expr,
        name: name.to_string(),
    };
    let aggs = vec![
        named(Expr::Lit(Lit::Null), "@ratio"),
        named(Expr::Agg(Agg::Count, None), "@sampleCount"),
        named(
            Expr::Call(Func::SeverityOf, vec![Expr::Field("@pattern".into())]),
            "@severityLabel",
        ),
    ];
    let by = vec![named(
        Expr::Call(Func::PatternOf, vec![e.clone()]),
        "@pattern",
    )];
    (aggs, by)
}

/// A `stats` compiled: its grouping, the steps that compute items over its aggregates once
/// the groups are complete, and its columns.
struct Compiled {
    stats: Stats,
    post: Vec<Step>,
    columns: Vec<String>,
}

/// `stats` over the records (or rows) of `input`, defining its columns in `out`.
fn stats(
    aggs: &[Named],
    by: &[Named],
    input: &Space,
    timestamp: usize,
    out: &mut Space,
) -> Result<Compiled, ParseError> {
    let by_c = by
        .iter()
        .map(|n| expr(&n.expr, input, timestamp))
        .collect::<Result<Vec<_>, _>>()?;
    // Each aggregate function is one accumulator. An item that is only an aggregate is its
    // column; arithmetic and functions over aggregates and earlier aliases are computed on
    // each group's row once the groups are complete, from hidden columns for its aggregates.
    type Spec = (String, Agg, Result<Option<CExpr>, ParseError>);
    let mut specs: Vec<Spec> = Vec::new();
    let mut computed: Vec<(String, Expr)> = Vec::new();
    for n in aggs {
        let mut lift = |agg: Agg, arg: Option<&Expr>| -> Expr {
            let hidden = format!("\u{0}stats {}", specs.len());
            let arg = arg.map(|a| expr(a, input, timestamp)).transpose();
            specs.push((hidden.clone(), agg, arg));
            Expr::Field(hidden)
        };
        match &n.expr {
            Expr::Agg(agg, arg) => {
                lift(*agg, arg.as_deref());
                specs.last_mut().expect("just pushed").0 = n.name.clone();
            }
            other => computed.push((n.name.clone(), other.lift_aggregates(&mut lift))),
        }
    }
    if timestamp == usize::MAX
        && specs
            .iter()
            .any(|(_, a, _)| matches!(a, Agg::Earliest | Agg::Latest))
    {
        return Err(unsupported("earliest() and latest() in a second `stats`"));
    }
    let specs = specs
        .into_iter()
        .map(|(name, agg, arg)| Ok((name, AggSpec { agg, arg: arg? })))
        .collect::<Result<Vec<_>, ParseError>>()?;
    // The rows it makes: group keys, accumulators, computed items.
    let slots = by
        .iter()
        .map(|n| &n.name)
        .chain(specs.iter().map(|(n, _)| n))
        .map(|name| out.define(name))
        .collect();
    for (name, _) in &computed {
        out.define(name);
    }
    let post = computed
        .iter()
        .map(|(name, e)| {
            Ok(Step::Assign(
                out.get(name).expect("defined"),
                expr(e, out, usize::MAX)?,
            ))
        })
        .collect::<Result<Vec<_>, ParseError>>()?;
    Ok(Compiled {
        stats: Stats {
            by: by_c,
            aggs: specs.into_iter().map(|(_, s)| s).collect(),
            timestamp,
            slots,
        },
        post,
        columns: by.iter().chain(aggs).map(|n| n.name.clone()).collect(),
    })
}

/// Names read before anything defines them, in order.
fn source_names<'a>(commands: &'a [Command]) -> Vec<&'a str> {
    let mut defined: Vec<&'a str> = Vec::new();
    let mut sources: Vec<&'a str> = Vec::new();
    let mut read = |names: Vec<&'a str>, defined: &Vec<&'a str>| {
        for n in names {
            if !is_defined(n, defined) && !sources.contains(&n) {
                sources.push(n);
            }
        }
    };
    for c in commands {
        let mut names = Vec::new();
        match c {
            // An item may read the aliases of the items before it.
            Command::Fields(items) => {
                for i in items {
                    let mut names = Vec::new();
                    i.expr.fields(&mut names);
                    read(names, &defined);
                    if !matches!(&i.expr, Expr::Field(f) if f == &i.name) {
                        defined.push(i.name.as_str());
                    }
                }
            }
            Command::Parse {
                field, names: out, ..
            } => {
                field.fields(&mut names);
                read(names, &defined);
                defined.extend(out.iter().map(String::as_str));
            }
            Command::Filter(e) | Command::Pattern(e) => {
                e.fields(&mut names);
                read(names, &defined);
            }
            Command::Unnest { list, into } => {
                list.fields(&mut names);
                read(names, &defined);
                defined.push(into.as_str());
            }
            Command::Lookup { keys, outputs, .. } => {
                read(keys.iter().map(|(_, f)| f.as_str()).collect(), &defined);
                defined.extend(outputs.iter().map(String::as_str));
            }
            Command::Stats { aggs, by } => {
                // Outside its aggregates, a stats item reads its own columns, not records.
                aggs.iter()
                    .for_each(|i| i.expr.reads(Reads::InAggregates, &mut names));
                by.iter().for_each(|i| i.expr.fields(&mut names));
                read(names, &defined);
            }
            Command::Sort(keys) => {
                keys.iter().for_each(|k| k.expr.fields(&mut names));
                read(names, &defined);
            }
            Command::Display(list) | Command::Dedup(list) => {
                read(list.iter().map(String::as_str).collect(), &defined)
            }
            Command::AddTotals(t) => {
                read(t.fields.iter().map(String::as_str).collect(), &defined);
                defined.push(t.fieldname.as_str());
            }
            // The left alias's fields are the record's own; the right alias's come with it.
            Command::Join(j) => {
                let left = j.left_reads.iter().filter_map(|n| Join::strip(&j.left, n));
                read(left.chain([j.left_key.as_str()]).collect(), &defined);
                defined.extend(j.defines());
            }
            Command::Limit(_) | Command::Diff(_) => {}
        }
    }
    sources
}

/// `shown` is what the commands so far show, with the columns shown when they name none.
fn row_ops(
    commands: &[Command],
    space: &mut Space,
    timestamp: usize,
    (shown, fallback): (&mut Shown, &[String]),
    tables: &super::lookup::Tables,
) -> Result<Vec<RowOp>, ParseError> {
    let mut ops = Vec::new();
    for c in commands {
        if let Command::Pattern(_) = c {
            return Err(unsupported("`pattern` after `stats` or `pattern`"));
        }
        if let Command::Stats { aggs, by } = c {
            // A second `stats` groups the first's rows; its columns are what is shown next.
            let input = space.clone();
            let second = stats(aggs, by, &input, timestamp, space)?;
            *shown = Shown {
                stats: Some(second.columns),
                ..Shown::default()
            };
            ops.push(RowOp::Stats(second.stats));
            if !second.post.is_empty() {
                ops.push(RowOp::Steps(second.post));
            }
            continue;
        }
        ops.push(match c {
            Command::Sort(keys) => RowOp::Sort(
                keys.iter()
                    .map(|k| Ok((expr(&k.expr, space, timestamp)?, k.desc)))
                    .collect::<Result<_, ParseError>>()?,
            ),
            Command::Limit(n) => RowOp::Limit(*n),
            Command::Dedup(names) => {
                RowOp::Dedup(names.iter().map(|n| slot_or_null(space, n)).collect())
            }
            // "If omitted, all numeric fields are summed": the fields shown at this point.
            Command::AddTotals(t) => {
                let current: Vec<String> = shown
                    .clone()
                    .resolve(fallback.to_vec(), space)
                    .into_iter()
                    .map(|(name, _)| name)
                    .collect();
                let summed = if t.fields.is_empty() {
                    &current
                } else {
                    &t.fields
                };
                let sum = summed.iter().map(|n| slot_or_null(space, n)).collect();
                let into = t.row.then(|| {
                    let slot = space.define(&t.fieldname);
                    match &mut shown.display {
                        Some(display) => display.push(t.fieldname.clone()),
                        None => shown.names = [current, vec![t.fieldname.clone()]].concat(),
                    }
                    slot
                });
                RowOp::AddTotals {
                    sum,
                    into,
                    col: t.col,
                }
            }
            other => RowOp::Steps(row_command(other, space, timestamp, shown, tables)?),
        });
    }
    Ok(ops)
}

/// The slot a shown name reads: its own, a new one holding what it names inside a map or list,
/// or a new one that stays missing.
fn column(space: &mut Space, name: &str, steps: &mut Vec<Step>) -> usize {
    if let Some(slot) = space.get(name) {
        return slot;
    }
    let path = field(name, space);
    let slot = space.define(name);
    if matches!(path, CExpr::Path(..)) {
        steps.push(Step::Assign(slot, path));
    }
    slot
}

/// A field read: its slot, a path into a defined map or list, or missing.
fn field(name: &str, space: &Space) -> CExpr {
    if let Some(slot) = space.get(name) {
        return CExpr::Slot(slot);
    }
    match under(name, |n| space.get(n).is_some()) {
        Some((head, steps)) => {
            let base = CExpr::Slot(space.get(head).expect("found"));
            CExpr::Path(Box::new(base), steps)
        }
        None => CExpr::Const(Value::Null),
    }
}

fn slot_or_null(space: &mut Space, name: &str) -> usize {
    // A name nothing defines reads as missing.
    space.get(name).unwrap_or_else(|| space.define(name))
}

fn unsupported(what: &str) -> ParseError {
    ParseError::new(
        Pos { line: 1, column: 1 },
        format!("the local engine does not support {what}"),
    )
}

fn row_command(
    c: &Command,
    space: &mut Space,
    timestamp: usize,
    shown: &mut Shown,
    tables: &super::lookup::Tables,
) -> Result<Vec<Step>, ParseError> {
    Ok(match c {
        Command::Fields(items) => {
            let mut steps = Vec::new();
            for item in items {
                shown.names.push(item.name.clone());
                if let Expr::Field(f) = &item.expr
                    && f == &item.name
                {
                    column(space, f, &mut steps);
                    continue;
                }
                let e = expr(&item.expr, space, timestamp)?;
                let slot = space.define(&item.name);
                steps.push(Step::Assign(slot, e));
            }
            steps
        }
        Command::Filter(e) => vec![Step::Filter(expr(e, space, timestamp)?)],
        Command::Parse {
            field,
            pattern,
            names,
        } => {
            let input = expr(field, space, timestamp)?;
            let slots = names.iter().map(|n| space.define(n)).collect();
            shown.names.extend(names.iter().cloned());
            vec![Step::Parse {
                input,
                pattern: pattern.clone(),
                slots,
            }]
        }
        Command::Display(list) => {
            let mut steps = Vec::new();
            for n in list {
                column(space, n, &mut steps);
            }
            shown.display = Some(list.clone());
            steps
        }
        Command::Unnest { list, into } => {
            let input = expr(list, space, timestamp)?;
            let slot = space.define(into);
            shown.names.push(into.clone());
            vec![Step::Unnest { input, slot }]
        }
        Command::Lookup {
            table,
            keys,
            outputs,
        } => {
            let t = tables.get(table).ok_or_else(|| {
                unsupported(&format!(
                    "lookup table `{table}` here: give its CSV with --lookup {table}=FILE"
                ))
            })?;
            let columns: Vec<&str> = keys.iter().map(|(c, _)| c.as_str()).collect();
            let index = t.index(table, &columns).map_err(|e| unsupported(&e))?;
            let key_exprs = keys
                .iter()
                .map(|(_, field)| expr(&Expr::Field(field.clone()), space, timestamp))
                .collect::<Result<_, _>>()?;
            let outputs = outputs
                .iter()
                .map(|o| {
                    let column = t.output(table, o).map_err(|e| unsupported(&e))?;
                    shown.names.push(o.clone());
                    Ok((column, space.define(o)))
                })
                .collect::<Result<_, ParseError>>()?;
            vec![Step::Lookup {
                keys: key_exprs,
                index,
                outputs,
            }]
        }
        Command::Join(j) => {
            let found = space.found[j.source].clone();
            let mut steps = Vec::new();
            // `api.status` is the record's `status`, read before the join adds the right side.
            for name in &j.left_reads {
                let inner = Join::strip(&j.left, name).expect("read through the alias");
                let value = expr(&Expr::Field(inner.to_string()), space, timestamp)?;
                steps.push(Step::Assign(space.define(name), value));
            }
            let key = expr(&Expr::Field(j.left_key.clone()), space, timestamp)?;
            let outputs = j
                .right_reads
                .iter()
                .map(|name| {
                    let inner = Join::strip(&j.right, name).expect("read through the alias");
                    let column = found
                        .column(inner)
                        .expect("the subquery returns what is read");
                    (column, space.define(name))
                })
                .collect();
            steps.push(Step::Join {
                key,
                found,
                outputs,
                keep_unmatched: j.keep_unmatched,
            });
            steps
        }
        other => return Err(unsupported(&format!("`{}` here", other.name()))),
    })
}

fn expr(e: &Expr, space: &Space, timestamp: usize) -> Result<CExpr, ParseError> {
    let sub = |e: &Expr| expr(e, space, timestamp).map(Box::new);
    Ok(match e {
        Expr::Field(name) => field(name, space),
        Expr::Lit(l) => CExpr::Const(match l {
            Lit::Null => Value::Null,
            Lit::Bool(b) => Value::Bool(*b),
            Lit::Num(n) => Value::Num(*n),
            Lit::Str(s) => Value::Str(Cow::Owned(s.clone())),
        }),
        Expr::Duration(ms) => CExpr::Const(Value::Num(*ms as f64)),
        Expr::Neg(a) => CExpr::Neg(sub(a)?),
        Expr::Not(a) => CExpr::Not(sub(a)?),
        Expr::Binary(op, a, b) => CExpr::Binary(*op, sub(a)?, sub(b)?),
        Expr::Like {
            expr: a,
            matcher,
            negated,
        } => CExpr::Like {
            expr: sub(a)?,
            matcher: matcher.clone(),
            negated: *negated,
        },
        Expr::In {
            expr: a,
            list,
            negated,
        } => CExpr::In {
            expr: sub(a)?,
            list: list
                .iter()
                .map(|e| expr(e, space, timestamp))
                .collect::<Result<_, _>>()?,
            negated: *negated,
        },
        Expr::InQuery {
            expr: a,
            id,
            negated,
        } => CExpr::InFound {
            expr: sub(a)?,
            found: space.found[*id].clone(),
            negated: *negated,
        },
        Expr::Call(f, args) => CExpr::Call(
            *f,
            args.iter()
                .map(|e| expr(e, space, timestamp))
                .collect::<Result<_, _>>()?,
        ),
        Expr::TimeBin(ms) => {
            if timestamp == usize::MAX {
                return Err(unsupported("bin() after stats"));
            }
            CExpr::TimeBin { ms: *ms, timestamp }
        }
        Expr::Agg(..) => return Err(unsupported("aggregates outside `stats`")),
    })
}

/// Literal text every matching line must contain: from `field = "text"` and
/// `field like "text"` conditions ANDed in the first filters on source fields. Only plain
/// ASCII text qualifies, which JSON never escapes.
fn prefilter(query: &Query, prefix_end: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut defined: Vec<&str> = Vec::new();
    for c in &query.commands[..prefix_end] {
        match c {
            Command::Filter(e) => collect_required(e, &defined, &mut out),
            Command::Fields(items) => defined.extend(items.iter().map(|i| i.name.as_str())),
            Command::Parse { names, .. } => defined.extend(names.iter().map(String::as_str)),
            Command::Unnest { into, .. } => defined.push(into.as_str()),
            Command::Lookup { outputs, .. } => defined.extend(outputs.iter().map(String::as_str)),
            Command::Join(j) => defined.extend(j.defines()),
            _ => {}
        }
    }
    out
}

fn collect_required(e: &Expr, defined: &[&str], out: &mut Vec<String>) {
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.' | ':'))
    };
    let source = |f: &str| !f.starts_with('@') && !is_defined(f, defined);
    match e {
        Expr::Binary(BinOp::And, a, b) => {
            collect_required(a, defined, out);
            collect_required(b, defined, out);
        }
        Expr::Binary(BinOp::Eq, a, b) => {
            if let (Expr::Field(f), Expr::Lit(Lit::Str(s)))
            | (Expr::Lit(Lit::Str(s)), Expr::Field(f)) = (a.as_ref(), b.as_ref())
                && source(f)
                && plain(s)
            {
                out.push(s.clone());
            }
        }
        Expr::Like {
            expr,
            matcher: Matcher::Contains(s),
            negated: false,
        } => {
            if let Expr::Field(f) = expr.as_ref()
                && source(f)
                && plain(s)
            {
                out.push(s.clone());
            }
        }
        _ => {}
    }
}

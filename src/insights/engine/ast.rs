//! The parsed query.

use regex::Regex;

#[derive(Debug, Clone)]
pub struct Query {
    pub commands: Vec<Command>,
    /// Where each command starts in the text.
    pub at: Vec<super::error::Pos>,
    /// The `(SOURCE 'group' | ...)` queries that joins and `in (...)` read, by their `id`.
    pub subqueries: Vec<Subquery>,
}

/// `(SOURCE 'group' | commands)`: a query over another log group, run to its results before the
/// query that reads them ("Results are materialized before being used by the outer query",
/// Logs Insights query syntax, subqueries).
#[derive(Debug, Clone)]
pub struct Subquery {
    pub group: String,
    /// Its commands; none reads the group's events as they are.
    pub query: Query,
    /// Where its `SOURCE` is written.
    pub at: super::error::Pos,
    /// A join's right side (`true`) or the list of `in (...)`.
    pub joined: bool,
    /// The fields the outer query reads of its results: a join's key and the right alias's
    /// fields; the field `in` compares (none when an expression is compared).
    pub wanted: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Command {
    Fields(Vec<Named>),
    Display(Vec<String>),
    Filter(Expr),
    Stats {
        aggs: Vec<Named>,
        by: Vec<Named>,
    },
    Sort(Vec<SortKey>),
    Limit(usize),
    Dedup(Vec<String>),
    Parse {
        field: Expr,
        pattern: Regex,
        names: Vec<String>,
    },
    /// `unnest list into item`: one record per item of the list.
    Unnest {
        list: Expr,
        into: String,
    },
    /// `lookup table key as field, ... OUTPUT column, ...`: the columns of the table's row
    /// whose keys equal the record's fields.
    Lookup {
        table: String,
        /// (the table's column, the record's field)
        keys: Vec<(String, String)>,
        outputs: Vec<String>,
    },
    /// `pattern expr`: the records grouped by the pattern of `expr`'s text
    /// (`super::pattern`), one row a pattern.
    Pattern(Expr),
    /// `diff [previousDay|previousWeek|previousMonth]`: the patterns against an earlier range
    /// (`super::diff`); last in a query.
    Diff(super::diff::Previous),
    /// `addtotals [fieldname=Name] [row=bool] [col=bool] [field, ...]`: each row's numeric
    /// fields summed into a column, and with `col=true` a summary row of column totals
    /// (Logs Insights query syntax, addtotals).
    AddTotals(AddTotals),
    /// `join [type=inner|left] left=L right=R where L.key=R.key (SOURCE 'group' ...)`: each
    /// record with the right side's results whose key equals its own (Logs Insights query
    /// syntax, join).
    Join(Join),
}

#[derive(Debug, Clone)]
pub struct Join {
    /// `type=left`: a record without a match is kept, its right fields missing.
    pub keep_unmatched: bool,
    pub left: String,
    pub right: String,
    /// The key, as each side names it (without its alias).
    pub left_key: String,
    pub right_key: String,
    /// The subquery of the right side.
    pub source: usize,
    /// The names read through each alias after the join (`api.status`, `lambda.duration`).
    pub left_reads: Vec<String>,
    pub right_reads: Vec<String>,
}

impl Join {
    /// The names the join defines: those read through either alias after it.
    pub fn defines(&self) -> impl Iterator<Item = &str> {
        self.left_reads
            .iter()
            .chain(&self.right_reads)
            .map(String::as_str)
    }

    /// `alias.rest` as `rest`.
    pub fn strip<'n>(alias: &str, name: &'n str) -> Option<&'n str> {
        name.strip_prefix(alias)?.strip_prefix('.')
    }
}

#[derive(Debug, Clone)]
pub struct AddTotals {
    /// The row total's column: `Total` unless `fieldname=` names another.
    pub fieldname: String,
    pub row: bool,
    pub col: bool,
    /// The fields summed; empty for every numeric field shown.
    pub fields: Vec<String>,
}

impl Command {
    pub fn name(&self) -> &'static str {
        match self {
            Command::Fields(_) => "fields",
            Command::Display(_) => "display",
            Command::Filter(_) => "filter",
            Command::Stats { .. } => "stats",
            Command::Sort(_) => "sort",
            Command::Limit(_) => "limit",
            Command::Dedup(_) => "dedup",
            Command::Parse { .. } => "parse",
            Command::Unnest { .. } => "unnest",
            Command::Lookup { .. } => "lookup",
            Command::Pattern(_) => "pattern",
            Command::Diff(_) => "diff",
            Command::AddTotals(_) => "addtotals",
            Command::Join(_) => "join",
        }
    }

    /// Every field name the command reads or defines.
    pub fn mentions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Command::Fields(items) => items.iter().for_each(|i| {
                i.expr.fields(out);
                out.push(&i.name);
            }),
            Command::Stats { aggs, by } => aggs.iter().chain(by).for_each(|i| {
                i.expr.fields(out);
                out.push(&i.name);
            }),
            Command::Display(names) | Command::Dedup(names) => {
                out.extend(names.iter().map(String::as_str))
            }
            Command::Filter(e) | Command::Pattern(e) => e.fields(out),
            Command::Sort(keys) => keys.iter().for_each(|k| k.expr.fields(out)),
            Command::Parse { field, names, .. } => {
                field.fields(out);
                out.extend(names.iter().map(String::as_str));
            }
            Command::Unnest { list, into } => {
                list.fields(out);
                out.push(into);
            }
            Command::Lookup { keys, outputs, .. } => {
                out.extend(keys.iter().map(|(_, f)| f.as_str()));
                out.extend(outputs.iter().map(String::as_str));
            }
            Command::AddTotals(t) => {
                out.extend(t.fields.iter().map(String::as_str));
                out.push(&t.fieldname);
            }
            Command::Join(j) => out.extend(j.defines()),
            Command::Limit(_) | Command::Diff(_) => {}
        }
    }
}

/// An expression and the column name it gets: its alias, else its text.
#[derive(Debug, Clone)]
pub struct Named {
    pub expr: Expr,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct SortKey {
    pub expr: Expr,
    pub desc: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
}

#[derive(Debug, Clone)]
pub enum Matcher {
    /// `like "text"`: the text appears in the value.
    Contains(String),
    /// `like /re/` and `=~ /re/`: the expression matches somewhere in the value.
    Regex(Regex),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    IsPresent,
    IsEmpty,
    IsBlank,
    Coalesce,
    Strlen,
    ToUpper,
    ToLower,
    Concat,
    Abs,
    Ceil,
    Floor,
    DateFloor,
    FromMillis,
    Substr,
    Replace,
    StrContains,
    StartsWith,
    EndsWith,
    Trim,
    LTrim,
    RTrim,
    Greatest,
    Least,
    Sqrt,
    Log,
    DateCeil,
    ToMillis,
    Md5,
    Sha256,
    IsValidIp,
    IsValidIpV4,
    IsValidIpV6,
    IsIpInSubnet,
    IsIpv4InSubnet,
    IsIpv6InSubnet,
    JsonParse,
    JsonStringify,
    /// What `pattern` groups by and labels with; not callable by name.
    PatternOf,
    SeverityOf,
}

/// The functions callable by name, as the function reference spells them: (name, function,
/// fewest arguments, most arguments). Names match case-insensitively.
pub const FUNCTIONS: &[(&str, Func, usize, usize)] = &[
    ("ispresent", Func::IsPresent, 1, 1),
    ("isempty", Func::IsEmpty, 1, 1),
    ("isblank", Func::IsBlank, 1, 1),
    ("coalesce", Func::Coalesce, 1, usize::MAX),
    ("strlen", Func::Strlen, 1, 1),
    ("toupper", Func::ToUpper, 1, 1),
    ("tolower", Func::ToLower, 1, 1),
    ("concat", Func::Concat, 1, usize::MAX),
    ("abs", Func::Abs, 1, 1),
    ("ceil", Func::Ceil, 1, 1),
    ("floor", Func::Floor, 1, 1),
    ("datefloor", Func::DateFloor, 2, 2),
    ("fromMillis", Func::FromMillis, 1, 1),
    ("substr", Func::Substr, 2, 3),
    ("replace", Func::Replace, 3, 3),
    ("strcontains", Func::StrContains, 2, 2),
    ("startsWith", Func::StartsWith, 2, 2),
    ("endsWith", Func::EndsWith, 2, 2),
    ("trim", Func::Trim, 1, 2),
    ("ltrim", Func::LTrim, 1, 2),
    ("rtrim", Func::RTrim, 1, 2),
    ("greatest", Func::Greatest, 1, usize::MAX),
    ("least", Func::Least, 1, usize::MAX),
    ("sqrt", Func::Sqrt, 1, 1),
    ("log", Func::Log, 1, 1),
    ("dateceil", Func::DateCeil, 2, 2),
    ("toMillis", Func::ToMillis, 1, 1),
    ("md5", Func::Md5, 1, 1),
    ("sha256", Func::Sha256, 1, 1),
    ("isValidIp", Func::IsValidIp, 1, 1),
    ("isValidIpV4", Func::IsValidIpV4, 1, 1),
    ("isValidIpV6", Func::IsValidIpV6, 1, 1),
    ("isIpInSubnet", Func::IsIpInSubnet, 2, 2),
    ("isIpv4InSubnet", Func::IsIpv4InSubnet, 2, 2),
    ("isIpv6InSubnet", Func::IsIpv6InSubnet, 2, 2),
    ("jsonParse", Func::JsonParse, 1, 1),
    ("jsonStringify", Func::JsonStringify, 1, 1),
];

impl Func {
    pub fn lookup(name: &str) -> Option<(Func, usize, usize)> {
        FUNCTIONS
            .iter()
            .find(|(n, ..)| n.eq_ignore_ascii_case(name))
            .map(|&(_, f, min, max)| (f, min, max))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Agg {
    Count,
    CountDistinct,
    Sum,
    Avg,
    Min,
    Max,
    /// `pct(x, p)`: the p-th percentile, 0-100.
    Pct(f64),
    Stddev,
    Earliest,
    Latest,
    /// `sortsFirst(x)` / `sortsLast(x)`: the value `sort x` puts first / last (the stats
    /// command's non-aggregation functions).
    SortsFirst,
    SortsLast,
}

/// The `stats` functions, as the reference spells them. The time-series functions whose meaning
/// is documented are, per `by bin()` group, "Counts log events" and "Sums field values".
pub const AGGREGATES: &[(&str, Agg)] = &[
    ("count", Agg::Count),
    ("count_over_time", Agg::Count),
    ("count_distinct", Agg::CountDistinct),
    ("sum", Agg::Sum),
    ("sum_over_time", Agg::Sum),
    ("avg", Agg::Avg),
    ("min", Agg::Min),
    ("max", Agg::Max),
    ("pct", Agg::Pct(0.0)),
    ("percentile", Agg::Pct(0.0)),
    ("stddev", Agg::Stddev),
    ("earliest", Agg::Earliest),
    ("latest", Agg::Latest),
    ("sortsFirst", Agg::SortsFirst),
    ("sortsLast", Agg::SortsLast),
];

impl Agg {
    pub fn lookup(name: &str) -> Option<Agg> {
        AGGREGATES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, a)| a)
    }
}

#[derive(Debug, Clone)]
pub enum Expr {
    Field(String),
    Lit(Lit),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Like {
        expr: Box<Expr>,
        matcher: Matcher,
        negated: bool,
    },
    In {
        expr: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
    },
    /// `expr in (SOURCE 'group' | ...)`: the value is among a subquery's results.
    InQuery {
        expr: Box<Expr>,
        /// The subquery (`Query::subqueries`).
        id: usize,
        negated: bool,
    },
    Call(Func, Vec<Expr>),
    /// An aggregate; only `stats` accepts these. `None` argument is `count()` / `count(*)`.
    Agg(Agg, Option<Box<Expr>>),
    /// `bin(period)`: `@timestamp` floored to the period, in milliseconds.
    TimeBin(i64),
    /// A duration literal such as `1h` (the second argument of `datefloor`).
    Duration(i64),
}

/// Which of an expression's field reads to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    All,
    /// Inside aggregate functions only: what `stats` reads from records.
    InAggregates,
    /// Outside aggregate functions only: what a `stats` item reads from its own columns.
    OutsideAggregates,
}

impl Expr {
    /// Every field name the expression reads.
    pub fn fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        self.reads(Reads::All, out);
    }

    /// The field names the expression reads, in `scope`.
    pub fn reads<'a>(&'a self, scope: Reads, out: &mut Vec<&'a str>) {
        let inside = scope == Reads::InAggregates;
        match self {
            Expr::Field(f) if !inside => out.push(f),
            Expr::TimeBin(_) if !inside => out.push("@timestamp"),
            Expr::Field(_) | Expr::TimeBin(_) | Expr::Lit(_) | Expr::Duration(_) => {}
            Expr::Neg(e) | Expr::Not(e) => e.reads(scope, out),
            Expr::Binary(_, a, b) => {
                a.reads(scope, out);
                b.reads(scope, out);
            }
            Expr::Like { expr, .. } | Expr::InQuery { expr, .. } => expr.reads(scope, out),
            Expr::In { expr, list, .. } => {
                expr.reads(scope, out);
                list.iter().for_each(|e| e.reads(scope, out));
            }
            Expr::Call(_, args) => args.iter().for_each(|e| e.reads(scope, out)),
            Expr::Agg(_, _) if scope == Reads::OutsideAggregates => {}
            Expr::Agg(agg, arg) => {
                if matches!(agg, Agg::Earliest | Agg::Latest) {
                    out.push("@timestamp");
                }
                if let Some(a) = arg {
                    a.reads(Reads::All, out);
                }
            }
        }
    }

    /// The expression with each aggregate function replaced by what `lift` makes of it (the
    /// column that holds its value, for arithmetic over aggregates in `stats`).
    pub fn lift_aggregates(&self, lift: &mut impl FnMut(Agg, Option<&Expr>) -> Expr) -> Expr {
        fn sub(e: &Expr, lift: &mut impl FnMut(Agg, Option<&Expr>) -> Expr) -> Box<Expr> {
            Box::new(e.lift_aggregates(lift))
        }
        match self {
            Expr::Agg(agg, arg) => lift(*agg, arg.as_deref()),
            Expr::Neg(e) => Expr::Neg(sub(e, lift)),
            Expr::Not(e) => Expr::Not(sub(e, lift)),
            Expr::Binary(op, a, b) => {
                let a = sub(a, lift);
                Expr::Binary(*op, a, sub(b, lift))
            }
            Expr::Like {
                expr,
                matcher,
                negated,
            } => Expr::Like {
                expr: sub(expr, lift),
                matcher: matcher.clone(),
                negated: *negated,
            },
            Expr::In {
                expr,
                list,
                negated,
            } => Expr::In {
                expr: sub(expr, lift),
                list: list.iter().map(|e| e.lift_aggregates(lift)).collect(),
                negated: *negated,
            },
            Expr::InQuery { expr, id, negated } => Expr::InQuery {
                expr: sub(expr, lift),
                id: *id,
                negated: *negated,
            },
            Expr::Call(f, args) => {
                Expr::Call(*f, args.iter().map(|e| e.lift_aggregates(lift)).collect())
            }
            Expr::Field(_) | Expr::Lit(_) | Expr::TimeBin(_) | Expr::Duration(_) => self.clone(),
        }
    }
}

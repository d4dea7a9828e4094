//! A recursive-descent parser for the Logs Insights language. Anything it does not implement is
//! rejected with its position and a reason, never ignored.

use super::ast::*;
use super::compile::MAX_LIMIT;
use super::error::{ParseError, Pos};
use super::lexer::{Lexer, Tok};
use regex::Regex;

/// How deep expressions may nest: parentheses, function calls, `not`, unary `-`, and each
/// operator of a chain (`a + b + c` is two deep), counted along any path. Deeper queries are
/// refused rather than risking the stack; real queries stay far below.
pub const MAX_DEPTH: usize = 50;

/// The longest period `bin()` and `datefloor()` round time to.
const MAX_PERIOD_MS: i64 = 365 * 86_400_000;

pub fn parse(text: &str) -> Result<Query, ParseError> {
    let mut p = Parser {
        lex: Lexer::new(text),
        depth: 0,
        subqueries: Vec::new(),
        inner: false,
    };
    let mut query = p.commands()?;
    match p.next(false)? {
        Tok::Eof => {}
        other => {
            return Err(p.error_here(format!(
                "expected `|` or the end of the query, found {}",
                other.describe()
            )));
        }
    }
    query.subqueries = p.subqueries;
    aliases(&mut query);
    Ok(query)
}

/// What each join's aliases read in the commands after it, and so what its right side's
/// results must hold: its key and those fields.
fn aliases(query: &mut Query) {
    for i in 0..query.commands.len() {
        let Command::Join(j) = &query.commands[i] else {
            continue;
        };
        let mut names = Vec::new();
        query.commands[i + 1..]
            .iter()
            .for_each(|c| c.mentions(&mut names));
        let reads = |alias: &str| {
            let mut out: Vec<String> = Vec::new();
            for n in &names {
                if Join::strip(alias, n).is_some_and(|f| !f.is_empty())
                    && !out.iter().any(|o| o == n)
                {
                    out.push(n.to_string());
                }
            }
            out
        };
        let (left_reads, right_reads) = (reads(&j.left), reads(&j.right));
        let mut wanted = vec![j.right_key.clone()];
        for n in &right_reads {
            let field = Join::strip(&j.right, n)
                .expect("picked by its alias")
                .to_string();
            if !wanted.contains(&field) {
                wanted.push(field);
            }
        }
        query.subqueries[j.source].wanted = wanted;
        if let Command::Join(j) = &mut query.commands[i] {
            j.left_reads = left_reads;
            j.right_reads = right_reads;
        }
    }
}

struct Parser<'a> {
    lex: Lexer<'a>,
    /// Nesting so far along the current path (see [`MAX_DEPTH`]).
    depth: usize,
    /// The subqueries met so far, in order.
    subqueries: Vec<Subquery>,
    /// Inside a subquery, where another is refused.
    inner: bool,
}

const UNSUPPORTED_COMMANDS: &[&str] = &["unmask", "anomaly"];

impl<'a> Parser<'a> {
    fn next(&mut self, regex: bool) -> Result<Tok, ParseError> {
        self.lex.next(regex)
    }

    fn peek(&mut self, regex: bool) -> Result<Tok, ParseError> {
        self.lex.peek(regex).map(|(t, _)| t)
    }

    fn error_here(&self, message: String) -> ParseError {
        ParseError::new(self.lex.pos_at(self.lex.offset()), message)
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> ParseError {
        ParseError::new(self.lex.pos_at(offset), message)
    }

    fn expect(&mut self, want: Tok, what: &str) -> Result<(), ParseError> {
        let (got, at) = self.lex.peek(false)?;
        if got == want {
            self.next(false)?;
            Ok(())
        } else {
            Err(self.error_at(at, format!("expected {what}, found {}", got.describe())))
        }
    }

    /// One level deeper, or the query is refused.
    fn deeper(&mut self) -> Result<(), ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_here(format!(
                "the expression nests deeper than {MAX_DEPTH} levels"
            )));
        }
        self.depth += 1;
        Ok(())
    }

    /// `f` one level deeper.
    fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, ParseError>,
    ) -> Result<T, ParseError> {
        self.deeper()?;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn eat_word(&mut self, word: &str) -> Result<bool, ParseError> {
        if self.peek(false)?.is_word(word) {
            self.next(false)?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Commands separated by `|`, up to what cannot continue them.
    fn commands(&mut self) -> Result<Query, ParseError> {
        let mut commands = Vec::new();
        let mut at = Vec::new();
        loop {
            let (_, start) = self.lex.peek(false)?;
            at.push(Pos::at(self.lex.source(), start));
            commands.push(self.command()?);
            if self.peek(false)? != Tok::Pipe {
                return Ok(Query {
                    commands,
                    at,
                    subqueries: Vec::new(),
                });
            }
            self.next(false)?;
        }
    }

    /// `(SOURCE 'group' [| commands])`, as the next subquery; its number.
    fn subquery(&mut self, joined: bool, wanted: Vec<String>) -> Result<usize, ParseError> {
        let (_, open) = self.lex.peek(false)?;
        if self.inner {
            return Err(self.error_at(
                open,
                "subqueries do not nest: a subquery holds no join or subquery (Logs Insights query syntax, subqueries)",
            ));
        }
        self.expect(Tok::LParen, "`(SOURCE '...')`")?;
        let (tok, at) = self.lex.peek(false)?;
        if !tok.is_word("source") {
            return Err(self.error_at(
                at,
                format!(
                    "a subquery starts with SOURCE and a log group in quotes, as in (SOURCE '/aws/lambda/name' | ...); found {}",
                    tok.describe()
                ),
            ));
        }
        self.next(false)?;
        let (tok, group_at) = self.lex.peek(false)?;
        let group = match tok {
            Tok::Str(g) if is_log_group_name(&g) => g,
            other => {
                return Err(self.error_at(
                    group_at,
                    format!(
                        "expected a log group name in quotes after SOURCE, found {}",
                        other.describe()
                    ),
                ));
            }
        };
        self.next(false)?;
        let query = if self.peek(false)? == Tok::Pipe {
            self.next(false)?;
            self.inner = true;
            let q = self.commands();
            self.inner = false;
            q?
        } else {
            Query {
                commands: Vec::new(),
                at: Vec::new(),
                subqueries: Vec::new(),
            }
        };
        self.expect(Tok::RParen, "`|` or `)` closing the subquery")?;
        self.subqueries.push(Subquery {
            group,
            query,
            at: Pos::at(self.lex.source(), at),
            joined,
            wanted,
        });
        Ok(self.subqueries.len() - 1)
    }

    /// `join [type=inner|left] left=L right=R where L.key=R.key (SOURCE 'group' ...)`.
    fn join(&mut self) -> Result<Command, ParseError> {
        let (mut kind, mut left, mut right) = (None, None, None);
        loop {
            let (tok, at) = self.lex.peek(false)?;
            let key = match &tok {
                Tok::Ident(w) => w.to_ascii_lowercase(),
                _ => break,
            };
            let slot = match key.as_str() {
                "type" => &mut kind,
                "left" => &mut left,
                "right" => &mut right,
                _ => break,
            };
            if slot.is_some() {
                return Err(self.error_at(at, format!("{key}= is given twice")));
            }
            self.next(false)?;
            self.expect(Tok::Op("="), &format!("`=` after {key}"))?;
            *slot = Some(self.name()?);
        }
        let keep_unmatched = match kind.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("inner") => false,
            Some("left") => true,
            Some(other) => {
                return Err(
                    self.error_here(format!("a join's type is inner or left, not `{other}`"))
                );
            }
        };
        let (Some(left), Some(right)) = (left, right) else {
            return Err(self.error_here(
                "a join names both sides: join left=a right=b where a.key=b.key (SOURCE '...')"
                    .into(),
            ));
        };
        if left == right {
            return Err(self.error_here(format!(
                "both sides of the join are called `{left}`: give them different aliases"
            )));
        }
        if !self.eat_word("where")? {
            return Err(self.error_here(format!(
                "expected `where {left}.key={right}.key` after the aliases"
            )));
        }
        let (_, keys_at) = self.lex.peek(false)?;
        let a = self.name()?;
        self.expect(Tok::Op("="), "`=` between the two keys")?;
        let b = self.name()?;
        let side = |alias: &str, name: &str| {
            Join::strip(alias, name)
                .filter(|f| !f.is_empty())
                .map(str::to_string)
        };
        let (left_key, right_key) = match (side(&left, &a), side(&right, &b)) {
            (Some(l), Some(r)) => (l, r),
            _ => match (side(&left, &b), side(&right, &a)) {
                (Some(l), Some(r)) => (l, r),
                _ => {
                    return Err(self.error_at(
                        keys_at,
                        format!(
                            "a join's keys are written {left}.field={right}.field, not {a}={b}"
                        ),
                    ));
                }
            },
        };
        let source = self.subquery(true, Vec::new())?;
        Ok(Command::Join(Join {
            keep_unmatched,
            left,
            right,
            left_key,
            right_key,
            source,
            left_reads: Vec::new(),
            right_reads: Vec::new(),
        }))
    }

    fn command(&mut self) -> Result<Command, ParseError> {
        let (tok, at) = self.lex.peek(false)?;
        let Tok::Ident(word) = tok else {
            return Err(self.error_at(
                at,
                format!(
                    "expected a command (fields, filter, stats, ...), found {}",
                    tok.describe()
                ),
            ));
        };
        self.next(false)?;
        match word.to_ascii_lowercase().as_str() {
            "fields" => Ok(Command::Fields(self.named_list(false)?)),
            "display" => Ok(Command::Display(self.name_list()?)),
            // `where` is documented as a synonym of `filter`.
            "filter" | "where" => Ok(Command::Filter(self.expr()?)),
            "stats" => self.stats(),
            "sort" => self.sort(),
            "limit" => {
                // `limit any N` may stop at any N matches; the first N are such N.
                self.eat_word("any")?;
                let (tok, at) = self.lex.peek(false)?;
                self.next(false)?;
                match tok {
                    Tok::Num(n) if n >= 1.0 && n.fract() == 0.0 && n <= MAX_LIMIT as f64 => {
                        Ok(Command::Limit(n as usize))
                    }
                    _ => Err(self.error_at(
                        at,
                        format!("limit takes a whole number from 1 to {MAX_LIMIT}"),
                    )),
                }
            }
            "dedup" => Ok(Command::Dedup(self.name_list()?)),
            "parse" => self.parse_command(),
            // Files have no field indexes; read as if every field were indexed, filterIndex
            // keeps the events whose field holds one of the values (filterIndex page).
            "filterindex" => {
                let (_, cond_at) = self.lex.peek(false)?;
                let cond = self.expr()?;
                let literal = |e: &Expr| matches!(e, Expr::Lit(Lit::Str(_) | Lit::Num(_)));
                match &cond {
                    Expr::Binary(BinOp::Eq, a, b)
                        if matches!(a.as_ref(), Expr::Field(_)) && literal(b) => {}
                    Expr::In { expr, list, negated: false }
                        if matches!(expr.as_ref(), Expr::Field(_)) && list.iter().all(literal) => {}
                    _ => {
                        return Err(self.error_at(
                            cond_at,
                            "filterIndex takes `field = value` or `field in [values]`",
                        ));
                    }
                }
                Ok(Command::Filter(cond))
            }
            "lookup" => {
                let table = self.name()?;
                let mut keys = Vec::new();
                loop {
                    let column = self.name()?;
                    let field = if self.eat_word("as")? {
                        self.name()?
                    } else {
                        column.clone()
                    };
                    keys.push((column, field));
                    if self.peek(false)? != Tok::Comma {
                        break;
                    }
                    self.next(false)?;
                }
                if !self.eat_word("output")? {
                    return Err(self.error_here(
                        "expected OUTPUT and the table's columns: lookup table key as field OUTPUT column, ...".into(),
                    ));
                }
                Ok(Command::Lookup { table, keys, outputs: self.name_list()? })
            }
            "pattern" => Ok(Command::Pattern(self.expr()?)),
            "addtotals" => self.addtotals(),
            "join" => self.join(),
            "diff" => {
                let (tok, at) = self.lex.peek(false)?;
                match tok {
                    Tok::Ident(w) => match super::diff::Previous::named(&w) {
                        Some(previous) => {
                            self.next(false)?;
                            Ok(Command::Diff(previous))
                        }
                        None => Err(self.error_at(at, format!("`diff` compares with previousDay, previousWeek or previousMonth (or, alone, the range just before), not `{w}`"))),
                    },
                    _ => Ok(Command::Diff(super::diff::Previous::Period)),
                }
            }
            "unnest" => {
                let list = self.expr()?;
                if !self.eat_word("into")? {
                    return Err(self.error_here("expected `into` and a name: unnest list into item".into()));
                }
                Ok(Command::Unnest { list, into: self.name()? })
            }
            // A leading SOURCE is split off before parsing (`source::split`).
            "source" => Err(self.error_at(at, "SOURCE selects log groups: it comes first, and only in `query run --text` (a library query names its log groups in its front matter)")),
            w if UNSUPPORTED_COMMANDS.contains(&w) => {
                Err(self.error_at(at, format!("the `{word}` command is not supported by the local engine; CloudWatch runs it (`--engine cloudwatch`)")))
            }
            _ => Err(self.error_at(at, format!("unknown command `{word}` (commands: fields, display, filter, filterIndex, stats, sort, limit, dedup, parse, unnest, lookup, pattern, diff, addtotals, join)"))),
        }
    }

    /// `expr [as name], ...`; `aggregates` allows aggregate functions (in `stats`).
    fn named_list(&mut self, aggregates: bool) -> Result<Vec<Named>, ParseError> {
        let mut out = Vec::new();
        loop {
            out.push(self.named(aggregates)?);
            if self.peek(false)? == Tok::Comma {
                self.next(false)?;
            } else {
                return Ok(out);
            }
        }
    }

    fn named(&mut self, aggregates: bool) -> Result<Named, ParseError> {
        let (_, start) = self.lex.peek(false)?;
        let expr = self.expr()?;
        let end = self.lex.offset();
        if !aggregates && contains_agg(&expr) {
            return Err(self.error_at(start, "aggregate functions belong in `stats`"));
        }
        let name = if self.eat_word("as")? {
            self.name()?
        } else if let Expr::Field(f) = &expr {
            f.clone()
        } else {
            canonical(&self.lex.source()[start..end])
        };
        Ok(Named { expr, name })
    }

    fn name(&mut self) -> Result<String, ParseError> {
        let (tok, at) = self.lex.peek(false)?;
        match tok {
            Tok::Ident(n) | Tok::Quoted(n) => {
                self.next(false)?;
                Ok(n)
            }
            other => Err(self.error_at(
                at,
                format!("expected a field name, found {}", other.describe()),
            )),
        }
    }

    /// `addtotals [fieldname=Name] [row=bool] [col=bool] [field1, field2, ...]`, the options
    /// before the fields as the syntax page writes them.
    fn addtotals(&mut self) -> Result<Command, ParseError> {
        let mut totals = AddTotals {
            fieldname: "Total".into(),
            row: true,
            col: false,
            fields: Vec::new(),
        };
        while !matches!(self.peek(false)?, Tok::Pipe | Tok::Eof) {
            let (_, at) = self.lex.peek(false)?;
            let name = self.name()?;
            if totals.fields.is_empty() && self.peek(false)? == Tok::Op("=") {
                self.next(false)?;
                match name.to_ascii_lowercase().as_str() {
                    "fieldname" => totals.fieldname = self.name()?,
                    option @ ("row" | "col") => {
                        let on = if self.eat_word("true")? {
                            true
                        } else if self.eat_word("false")? {
                            false
                        } else {
                            return Err(self.error_here(format!("`{option}=` takes true or false")));
                        };
                        if option == "row" {
                            totals.row = on;
                        } else {
                            totals.col = on;
                        }
                    }
                    _ => {
                        return Err(self.error_at(
                            at,
                            format!("addtotals takes fieldname=, row= and col=, not `{name}=`"),
                        ));
                    }
                }
                continue;
            }
            totals.fields.push(name);
            if self.peek(false)? != Tok::Comma {
                break;
            }
            self.next(false)?;
            // A comma promises another field.
            if matches!(self.peek(false)?, Tok::Pipe | Tok::Eof) {
                return Err(self.error_here("expected a field name after `,`".into()));
            }
        }
        Ok(Command::AddTotals(totals))
    }

    fn name_list(&mut self) -> Result<Vec<String>, ParseError> {
        let mut out = vec![self.name()?];
        while self.peek(false)? == Tok::Comma {
            self.next(false)?;
            out.push(self.name()?);
        }
        Ok(out)
    }

    fn stats(&mut self) -> Result<Command, ParseError> {
        let mut aggs = Vec::new();
        loop {
            let (_, at) = self.lex.peek(false)?;
            let named = self.named(true)?;
            // Outside its aggregates, an item reads only the aliases before it in this `stats`:
            // `(avg(x) / max(y)) * 100 as pct`, `provisioned - used as over`.
            let mut outside = Vec::new();
            named.expr.reads(Reads::OutsideAggregates, &mut outside);
            if let Some(field) = outside
                .iter()
                .find(|f| !aggs.iter().any(|a: &Named| a.name == **f))
            {
                return Err(self.error_at(
                    at,
                    format!("`{field}` is read outside an aggregate function: a `stats` item is built from aggregates (count, sum, avg, min, max, pct, ...) and the aliases before it"),
                ));
            }
            if !contains_agg(&named.expr) && outside.is_empty() {
                return Err(self.error_at(
                    at,
                    "`stats` needs an aggregate function (count, sum, avg, min, max, pct, ...)",
                ));
            }
            aggs.push(named);
            if self.peek(false)? == Tok::Comma {
                self.next(false)?;
            } else {
                break;
            }
        }
        let by = if self.eat_word("by")? {
            self.named_list(false)?
        } else {
            Vec::new()
        };
        Ok(Command::Stats { aggs, by })
    }

    fn sort(&mut self) -> Result<Command, ParseError> {
        // `sort by x desc`, as the published Lambda queries write it, is `sort x desc`.
        self.eat_word("by")?;
        let mut keys = Vec::new();
        loop {
            let expr = self.expr()?;
            let desc = if self.eat_word("desc")? {
                true
            } else {
                self.eat_word("asc")?;
                false
            };
            keys.push(SortKey { expr, desc });
            if self.peek(false)? == Tok::Comma {
                self.next(false)?;
            } else {
                return Ok(Command::Sort(keys));
            }
        }
    }

    fn parse_command(&mut self) -> Result<Command, ParseError> {
        let field = self.unary()?;
        let (tok, at) = self.lex.peek(true)?;
        self.next(true)?;
        match tok {
            Tok::Regex(re) => {
                let regex = self.regex(&re, at)?;
                let names: Vec<String> = regex
                    .capture_names()
                    .flatten()
                    .map(str::to_string)
                    .collect();
                if names.is_empty() {
                    return Err(
                        self.error_at(at, "a parse regex needs named groups such as (?<name>...)")
                    );
                }
                if self.peek(false)?.is_word("as") {
                    return Err(self.error_here(
                        "a parse regex names its fields with (?<name>...), not `as`".into(),
                    ));
                }
                Ok(Command::Parse {
                    field,
                    pattern: regex,
                    names,
                })
            }
            Tok::Str(glob) => {
                let stars = glob.matches('*').count();
                if stars == 0 {
                    return Err(self.error_at(at, "a parse pattern needs `*` where the values are"));
                }
                if !self.eat_word("as")? {
                    return Err(self.error_here(format!(
                        "name the {stars} values of the pattern: `as name1, name2, ...`"
                    )));
                }
                let names = self.name_list()?;
                if names.len() != stars {
                    return Err(self.error_at(
                        at,
                        format!(
                            "the pattern has {stars} `*` but {} names follow `as`",
                            names.len()
                        ),
                    ));
                }
                Ok(Command::Parse {
                    field,
                    pattern: glob_regex(&glob),
                    names,
                })
            }
            other => Err(self.error_at(
                at,
                format!(
                    "expected a pattern in quotes or a /regex/, found {}",
                    other.describe()
                ),
            )),
        }
    }

    fn regex(&self, pattern: &str, at: usize) -> Result<Regex, ParseError> {
        Regex::new(pattern)
            .map_err(|e| self.error_at(at, format!("invalid regular expression: {e}")))
    }

    fn expr(&mut self) -> Result<Expr, ParseError> {
        self.nested(|p| p.chain(&[("or", BinOp::Or)], Self::and))
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        self.chain(&[("and", BinOp::And)], Self::not)
    }

    /// `operand (op operand)*`, left-associative; each operator is one level deeper.
    fn chain(
        &mut self,
        ops: &[(&str, BinOp)],
        operand: fn(&mut Self) -> Result<Expr, ParseError>,
    ) -> Result<Expr, ParseError> {
        let start = self.depth;
        let result = (|| {
            let mut left = operand(self)?;
            loop {
                let (tok, _) = self.lex.peek(false)?;
                let Some(op) = ops.iter().find_map(|(word, op)| {
                    let matched = match &tok {
                        Tok::Op(o) => o == word,
                        other => other.is_word(word),
                    };
                    matched.then_some(*op)
                }) else {
                    return Ok(left);
                };
                self.next(false)?;
                self.deeper()?;
                left = Expr::Binary(op, Box::new(left), Box::new(operand(self)?));
            }
        })();
        self.depth = start;
        result
    }

    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.eat_word("not")? {
            return self.nested(|p| Ok(Expr::Not(Box::new(p.not()?))));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ParseError> {
        let left = self.additive()?;
        let (tok, _) = self.lex.peek(false)?;
        let op = match &tok {
            // `==` is how many people write equality; Logs Insights accepts it too.
            Tok::Op("=" | "==") => Some(BinOp::Eq),
            Tok::Op("!=") => Some(BinOp::Ne),
            Tok::Op("<") => Some(BinOp::Lt),
            Tok::Op("<=") => Some(BinOp::Le),
            Tok::Op(">") => Some(BinOp::Gt),
            Tok::Op(">=") => Some(BinOp::Ge),
            _ => None,
        };
        if let Some(op) = op {
            self.next(false)?;
            return Ok(Expr::Binary(op, Box::new(left), Box::new(self.additive()?)));
        }
        if tok == Tok::Op("=~") {
            self.next(false)?;
            let (tok, at) = self.lex.peek(true)?;
            self.next(true)?;
            return match tok {
                Tok::Regex(re) => Ok(Expr::Like {
                    expr: Box::new(left),
                    matcher: Matcher::Regex(self.regex(&re, at)?),
                    negated: false,
                }),
                other => Err(self.error_at(
                    at,
                    format!("`=~` needs a /regex/, found {}", other.describe()),
                )),
            };
        }
        let negated = if tok.is_word("not") {
            let save = self.lex.offset();
            self.next(false)?;
            let follows = self.peek(false)?;
            if follows.is_word("like") || follows.is_word("in") {
                true
            } else {
                return Err(self.error_at(save, "expected `like` or `in` after `not`"));
            }
        } else {
            false
        };
        if self.eat_word("like")? {
            let (tok, at) = self.lex.peek(true)?;
            self.next(true)?;
            let matcher = match tok {
                Tok::Str(s) => Matcher::Contains(s),
                Tok::Regex(re) => Matcher::Regex(self.regex(&re, at)?),
                other => {
                    return Err(self.error_at(
                        at,
                        format!(
                            "`like` needs \"text\" or a /regex/, found {}",
                            other.describe()
                        ),
                    ));
                }
            };
            return Ok(Expr::Like {
                expr: Box::new(left),
                matcher,
                negated,
            });
        }
        if self.eat_word("in")? {
            if self.peek(false)? == Tok::LParen {
                let wanted = match &left {
                    Expr::Field(f) => vec![f.clone()],
                    _ => Vec::new(),
                };
                let id = self.subquery(false, wanted)?;
                return Ok(Expr::InQuery {
                    expr: Box::new(left),
                    id,
                    negated,
                });
            }
            self.expect(Tok::LBracket, "`[` or `(SOURCE ...)` after `in`")?;
            let mut list = Vec::new();
            if self.peek(false)? != Tok::RBracket {
                loop {
                    list.push(self.additive()?);
                    if self.peek(false)? == Tok::Comma {
                        self.next(false)?;
                    } else {
                        break;
                    }
                }
            }
            self.expect(Tok::RBracket, "`]` closing the list")?;
            return Ok(Expr::In {
                expr: Box::new(left),
                list,
                negated,
            });
        }
        Ok(left)
    }

    fn additive(&mut self) -> Result<Expr, ParseError> {
        self.chain(
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            Self::multiplicative,
        )
    }

    fn multiplicative(&mut self) -> Result<Expr, ParseError> {
        self.chain(
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("%", BinOp::Mod)],
            Self::unary,
        )
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.peek(false)? == Tok::Op("-") {
            self.next(false)?;
            return self.nested(|p| Ok(Expr::Neg(Box::new(p.unary()?))));
        }
        let base = self.primary()?;
        if self.peek(false)? == Tok::Op("^") {
            self.next(false)?;
            return self.nested(|p| {
                Ok(Expr::Binary(
                    BinOp::Pow,
                    Box::new(base),
                    Box::new(p.unary()?),
                ))
            });
        }
        Ok(base)
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let (tok, at) = self.lex.peek(false)?;
        self.next(false)?;
        match tok {
            Tok::Num(n) => Ok(Expr::Lit(Lit::Num(n))),
            Tok::Str(s) => Ok(Expr::Lit(Lit::Str(s))),
            Tok::Duration(ms) => Ok(Expr::Duration(ms)),
            Tok::LParen => {
                let e = self.expr()?;
                self.expect(Tok::RParen, "`)`")?;
                Ok(e)
            }
            Tok::Quoted(name) => Ok(Expr::Field(name)),
            Tok::Ident(name) => {
                if self.peek(false)? == Tok::LParen {
                    self.next(false)?;
                    return self.call(&name, at);
                }
                match name.to_ascii_lowercase().as_str() {
                    "true" => Ok(Expr::Lit(Lit::Bool(true))),
                    "false" => Ok(Expr::Lit(Lit::Bool(false))),
                    "null" => Ok(Expr::Lit(Lit::Null)),
                    _ => self.indexed(name),
                }
            }
            other => Err(self.error_at(
                at,
                format!(
                    "expected a value, a field or a function, found {}",
                    other.describe()
                ),
            )),
        }
    }

    /// List access after a name: `list[0]`, `map.list[1].key` (structure types). The index is
    /// kept in the name, which the compiler resolves against the value `jsonParse` made.
    fn indexed(&mut self, mut name: String) -> Result<Expr, ParseError> {
        while self.lex.eat('[') {
            let (tok, at) = self.lex.peek(false)?;
            self.next(false)?;
            match tok {
                Tok::Num(n) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => {
                    name.push_str(&format!("[{n}]"));
                }
                other => {
                    return Err(self.error_at(
                        at,
                        format!("a list index is a whole number, found {}", other.describe()),
                    ));
                }
            }
            self.expect(Tok::RBracket, "`]`")?;
            if self.lex.eat('.') {
                match self.next(false)? {
                    Tok::Ident(key) | Tok::Quoted(key) => {
                        name.push('.');
                        name.push_str(&key);
                    }
                    other => {
                        return Err(self.error_here(format!(
                            "expected a key after `.`, found {}",
                            other.describe()
                        )));
                    }
                }
            }
        }
        Ok(Expr::Field(name))
    }

    /// After `name(`.
    fn call(&mut self, name: &str, at: usize) -> Result<Expr, ParseError> {
        let lower = name.to_ascii_lowercase();
        if lower == "bin" {
            let (tok, arg_at) = self.lex.peek(false)?;
            self.next(false)?;
            let Tok::Duration(ms) = tok else {
                return Err(self.error_at(arg_at, "bin() takes a period such as 5m, 1h or 1d"));
            };
            self.check_period(ms, arg_at, "bin()")?;
            self.expect(Tok::RParen, "`)`")?;
            return Ok(Expr::TimeBin(ms));
        }
        // "The time that query processing was started, in epoch seconds" (Logs Insights
        // datetime functions): this query is read once, when it starts, so it is a constant.
        if lower == "now" {
            if self.peek(false)? != Tok::RParen {
                return Err(self.error_at(at, "`now` takes no arguments"));
            }
            self.next(false)?;
            return Ok(Expr::Lit(Lit::Num(
                jiff::Timestamp::now().as_second() as f64
            )));
        }
        if let Some(agg) = Agg::lookup(&lower) {
            return self.aggregate(agg, name, at);
        }
        let Some((func, min, max)) = Func::lookup(&lower) else {
            return Err(self.error_at(at, unknown_function(name)));
        };
        let mut args = Vec::new();
        if self.peek(false)? != Tok::RParen {
            loop {
                args.push(self.expr()?);
                if self.peek(false)? == Tok::Comma {
                    self.next(false)?;
                } else {
                    break;
                }
            }
        }
        self.expect(Tok::RParen, "`)`")?;
        if args.len() < min || args.len() > max {
            return Err(self.error_at(
                at,
                format!(
                    "`{name}` takes {} argument{}",
                    if min == max {
                        min.to_string()
                    } else {
                        format!("at least {min}")
                    },
                    if min == 1 && max == 1 { "" } else { "s" }
                ),
            ));
        }
        if matches!(func, Func::DateFloor | Func::DateCeil) {
            let what = format!("{}()", lower);
            let Expr::Duration(ms) = args[1] else {
                return Err(self.error_at(
                    at,
                    format!("{what} takes a timestamp and a period such as 1h"),
                ));
            };
            self.check_period(ms, at, &what)?;
        }
        Ok(Expr::Call(func, args))
    }

    /// A period to round time to: more than nothing, at most a year.
    fn check_period(&self, ms: i64, at: usize, what: &str) -> Result<(), ParseError> {
        if ms <= 0 {
            return Err(self.error_at(at, format!("{what} needs a positive period")));
        }
        if ms > MAX_PERIOD_MS {
            return Err(self.error_at(at, format!("{what} takes a period of at most 365d")));
        }
        Ok(())
    }

    fn aggregate(&mut self, agg: Agg, name: &str, at: usize) -> Result<Expr, ParseError> {
        if agg == Agg::Count {
            match self.peek(false)? {
                Tok::RParen => {
                    self.next(false)?;
                    return Ok(Expr::Agg(Agg::Count, None));
                }
                Tok::Op("*") => {
                    self.next(false)?;
                    self.expect(Tok::RParen, "`)`")?;
                    return Ok(Expr::Agg(Agg::Count, None));
                }
                _ => {}
            }
        }
        if self.peek(false)? == Tok::RParen {
            return Err(self.error_at(at, format!("`{name}` needs a field or an expression")));
        }
        let arg = self.expr()?;
        if contains_agg(&arg) {
            return Err(self.error_at(at, "aggregates cannot be nested"));
        }
        let agg = if let Agg::Pct(_) = agg {
            self.expect(
                Tok::Comma,
                "`,` and the percentile, as in pct(duration, 95)",
            )?;
            let (tok, p_at) = self.lex.peek(false)?;
            self.next(false)?;
            match tok {
                Tok::Num(p) if (0.0..=100.0).contains(&p) => Agg::Pct(p),
                _ => return Err(self.error_at(p_at, "the percentile is a number from 0 to 100")),
            }
        } else {
            agg
        };
        self.expect(Tok::RParen, "`)`")?;
        Ok(Expr::Agg(agg, Some(Box::new(arg))))
    }
}

fn contains_agg(e: &Expr) -> bool {
    match e {
        Expr::Agg(..) => true,
        Expr::Field(_) | Expr::Lit(_) | Expr::TimeBin(_) | Expr::Duration(_) => false,
        Expr::Neg(e) | Expr::Not(e) => contains_agg(e),
        Expr::Binary(_, a, b) => contains_agg(a) || contains_agg(b),
        Expr::Like { expr, .. } | Expr::InQuery { expr, .. } => contains_agg(expr),
        Expr::In { expr, list, .. } => contains_agg(expr) || list.iter().any(contains_agg),
        Expr::Call(_, args) => args.iter().any(contains_agg),
    }
}

/// Log group names: 1 to 512 of letters, digits, `_`, `-`, `/`, `.` and `#` (CreateLogGroup).
fn is_log_group_name(name: &str) -> bool {
    (1..=512).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'/' | b'.' | b'#'))
}

/// The column name of an unaliased expression: its text, whitespace collapsed.
fn canonical(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `parse ... "a=*, b=*"`: the literal text must appear in order; each `*` takes the shortest
/// text up to the next literal, the last one the rest.
fn glob_regex(glob: &str) -> Regex {
    let parts: Vec<&str> = glob.split('*').collect();
    let mut re = String::from("(?s)");
    for (i, part) in parts.iter().enumerate() {
        re.push_str(&regex::escape(part));
        if i + 1 < parts.len() {
            re.push_str(if i + 2 == parts.len() && parts[i + 1].is_empty() {
                "(.*)"
            } else {
                "(.*?)"
            });
        }
    }
    Regex::new(&re).expect("escaped literals and groups form a valid regex")
}

/// Why `name` is refused, with the nearest name that would run when it looks misspelt.
fn unknown_function(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let typos = (lower.chars().count() / 4).max(1);
    let nearest = FUNCTIONS
        .iter()
        .map(|f| f.0)
        .chain(AGGREGATES.iter().map(|a| a.0))
        .chain(["bin"])
        .map(|known| {
            (
                strsim::damerau_levenshtein(&lower, &known.to_ascii_lowercase()),
                known,
            )
        })
        .filter(|(distance, _)| *distance <= typos)
        .min_by_key(|(distance, _)| *distance);
    let mut message = format!(
        "unknown function `{name}`: not in the Logs Insights function reference this engine \
         follows (docs/local-engine.md)"
    );
    if let Some((_, known)) = nearest {
        message.push_str(&format!("; did you mean `{known}`?"));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(q: &str) -> ParseError {
        parse(q).expect_err(q)
    }

    #[test]
    fn every_command() {
        let q = parse(
            "fields @timestamp, error.code as code, duration / 1000 as secs
             | display code
             | filter level = \"ERROR\" and not (code in [\"A\", \"B\"]) or @message like /x\\/y/
             | parse @message \"user=*, action=*\" as user, action
             | parse metadata.priorityDistribution /(?<high>\\d+) high/
             | stats count() as n, sum(error.code = \"X\") as xs, pct(duration, 95) by bin(5m), code
             | sort n desc, code
             | limit 10",
        )
        .unwrap();
        let names: Vec<&str> = q.commands.iter().map(Command::name).collect();
        assert_eq!(
            names,
            [
                "fields", "display", "filter", "parse", "parse", "stats", "sort", "limit"
            ]
        );
        let Command::Stats { aggs, by } = &q.commands[5] else {
            panic!()
        };
        assert_eq!(aggs[2].name, "pct(duration, 95)");
        assert!(matches!(aggs[2].expr, Expr::Agg(Agg::Pct(p), _) if p == 95.0));
        assert_eq!(by[0].name, "bin(5m)");
        assert!(matches!(by[0].expr, Expr::TimeBin(300_000)));
    }

    #[test]
    fn division_is_not_a_regex() {
        let q = parse("fields a / b / 2 as x").unwrap();
        let Command::Fields(f) = &q.commands[0] else {
            panic!()
        };
        assert!(matches!(f[0].expr, Expr::Binary(BinOp::Div, _, _)));
    }

    #[test]
    fn comments_and_backquotes() {
        let q = parse("# a comment\nfields `bin(5m)`, `my field` # trailing\n| limit 5").unwrap();
        let Command::Fields(f) = &q.commands[0] else {
            panic!()
        };
        assert_eq!(f[0].name, "bin(5m)");
        assert!(matches!(&f[1].expr, Expr::Field(n) if n == "my field"));
    }

    #[test]
    fn bin_units_by_their_documented_names() {
        let period = |q: &str| match &parse(q).unwrap().commands[0] {
            Command::Stats { by, .. } => match by[0].expr {
                Expr::TimeBin(ms) => ms,
                _ => panic!("{q}"),
            },
            _ => panic!("{q}"),
        };
        for unit in [
            "5m",
            "5min",
            "5mins",
            "5minute",
            "5minutes",
            "300s",
            "300secs",
            "300000ms",
            "300000msec",
        ] {
            assert_eq!(
                period(&format!("stats count() by bin({unit})")),
                300_000,
                "{unit}"
            );
        }
        assert_eq!(period("stats count() by bin(2hrs)"), 7_200_000);
        assert_eq!(period("stats count() by bin(1week)"), 604_800_000);
        // Calendar periods have no fixed length: refused, saying so.
        assert!(
            err("stats count() by bin(1mo)")
                .message
                .contains("calendar")
        );
        assert!(
            err("stats count() by bin(1years)")
                .message
                .contains("calendar")
        );
    }

    #[test]
    fn rejects_with_positions() {
        let e = err("fields a\n| anomaly");
        assert_eq!((e.pos.line, e.pos.column), (2, 3));
        assert!(e.message.contains("not supported"));
        assert!(
            err("stats percentile(x)")
                .message
                .contains("pct(duration, 95)")
        );
        assert!(err("filter x = \"open").message.contains("not closed"));
        assert!(err("filter x =~ \"not a regex\"").message.contains("regex"));
        // Outside its aggregates a stats item reads only earlier aliases.
        assert!(
            err("stats avg(x) + y")
                .message
                .contains("`y` is read outside")
        );
        assert!(err("stats b * 2 as c, avg(x) as b").message.contains("`b`"));
        assert!(err("stats x by y").message.contains("aggregate"));
        assert!(err("fields count()").message.contains("stats"));
        assert!(err("limit 0").message.contains("whole number"));
        assert!(err("limit 100001").message.contains("100000"));
        for q in ["limit 100000", "limit any 5"] {
            assert!(parse(q).is_ok(), "{q}");
        }
        assert!(err("fields frobnicate(x)").message.contains("unknown"));
        // A misspelt name is offered the one it resembles; a name from another language is
        // only refused, with where the functions that run are listed.
        let typo = err("stats percentil(x, 95)").message;
        assert!(typo.ends_with("did you mean `percentile`?"), "{typo}");
        assert!(err("stats sortFirst(x)").message.contains("`sortsFirst`"));
        let other = err("fields regexReplace(x, \"a\", \"b\")").message;
        assert!(other.contains("docs/local-engine.md") && !other.contains("did you mean"));
        assert!(err("parse @message \"a=*\"").message.contains("as"));
        assert!(err("parse @message \"a=* b=*\" as x").message.contains("2"));
        assert!(
            err("stats count() by bin(5parsecs)")
                .message
                .contains("unit")
        );
        assert!(err("fields a |").message.contains("command"));
        assert!(
            err("stats count() by bin(99999999999999999999d)")
                .message
                .contains("too long")
        );
        assert!(
            err("stats count() by bin(400d)")
                .message
                .contains("at most")
        );
        assert!(
            err("fields datefloor(@timestamp, 0s)")
                .message
                .contains("positive")
        );
        assert!(err("filter a = 1 b").message.contains("expected"));
    }

    #[test]
    fn nesting_is_refused_past_the_limit_never_overflowing() {
        let deep = |open: &str, close: &str, n: usize| {
            format!("fields {}x{}", open.repeat(n), close.repeat(n))
        };
        for q in [
            deep("(", ")", 1000),
            deep("abs(", ")", 1000),
            format!("filter {}x", "not ".repeat(10_000)),
            format!("fields {}x", "-".repeat(10_000)),
            format!("fields {}", vec!["x"; 10_000].join(" + ")),
            format!("filter {}", vec!["x = 1"; 10_000].join(" or ")),
            format!("fields {}", vec!["x"; 10_000].join(" ^ ")),
        ] {
            let e = parse(&q).unwrap_err();
            assert!(e.message.contains("nests deeper than 50"), "{}", e.message);
        }
        // Well inside the limit, nesting parses.
        assert!(parse(&deep("(", ")", 40)).is_ok());
        assert!(parse(&format!("fields {}", vec!["x"; 50].join(" + "))).is_ok());
    }

    #[test]
    fn globs() {
        let re = glob_regex("user=*, action=*");
        let caps = re.captures("x user=ann, action=login now").unwrap();
        assert_eq!(&caps[1], "ann");
        assert_eq!(&caps[2], "login now");
    }
}

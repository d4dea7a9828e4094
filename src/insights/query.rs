//! The `query` commands: the library's catalogue, one query, running a query on CloudWatch
//! Logs Insights or locally, and publishing the library as saved queries.

use super::engine::{self, Feed, Input, OwnedEvent};
use super::library::{Library, QueryDef, resolve_group};
use super::results::{QueryReport, Statistics};
use super::sync::{self, SyncReport};
use crate::aws::insights as cloudwatch;
use crate::config::Environment;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Cell, Doc, Render, Table, Tone};
use crate::time::{RangeSpec, TimeRange};
use futures::StreamExt;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// At most this many events are fetched for `--engine local` (about a gigabyte of logs).
const MAX_FETCHED_EVENTS: usize = 2_000_000;

/// The library this run uses: the context's `MANDALA_QUERIES_DIR`, else the shipped one.
pub fn library(ctx: &Context) -> Result<Library> {
    Library::load(ctx.queries_dir.as_deref(), &ctx.thresholds)
}

#[derive(Serialize)]
pub struct ListReport {
    pub queries: Vec<ListItem>,
}

#[derive(Serialize)]
pub struct ListItem {
    pub name: String,
    pub title: String,
    pub source: String,
    pub log_groups: Vec<String>,
    pub params: Vec<String>,
}

pub fn list(lib: &Library) -> ListReport {
    ListReport {
        queries: lib
            .queries
            .iter()
            .map(|q| ListItem {
                name: q.name().to_string(),
                title: q.head.title.clone(),
                source: q.head.source.clone(),
                log_groups: q.head.log_groups.clone(),
                params: q.head.params.iter().map(|p| p.name.clone()).collect(),
            })
            .collect(),
    }
}

impl Render for ListReport {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(["query", "title", "parameters", "source"]);
        for q in &self.queries {
            t.row([
                Cell::new(&q.name),
                Cell::new(&q.title),
                Cell::new(q.params.join(", ")),
                Cell::toned(&q.source, Tone::Dim),
            ]);
        }
        doc.table(t);
        doc.note(
            Tone::Dim,
            format!(
                "{} queries; `mandala-ops query show NAME` shows one",
                self.queries.len()
            ),
        );
    }
}

#[derive(Serialize)]
pub struct ShowReport {
    #[serde(flatten)]
    pub query: QueryDef,
    pub log_group_names: Vec<String>,
    /// The text as it would be sent, when every parameter has a value.
    pub rendered: Option<String>,
    /// With `--engine athena`: the SQL over the archive for the query's default range.
    pub sql: Option<String>,
}

pub fn show(
    lib: &Library,
    env: Option<&Environment>,
    name: &str,
    given: &BTreeMap<String, String>,
    engine: Option<Engine>,
) -> Result<ShowReport> {
    let q = lib.get(name)?;
    let rendered = match q.render(given) {
        Ok(text) => Some(text),
        Err(e) if given.is_empty() && e.to_string().contains("needs the parameter") => None,
        Err(e) => return Err(e),
    };
    let sql = match engine {
        Some(Engine::Athena) => {
            let env =
                env.ok_or_else(|| Error::usage("--engine athena needs an environment (--env)"))?;
            let text = rendered.as_deref().ok_or_else(|| {
                Error::usage(format!("give the parameters with -p: {}", q.params_hint()))
            })?;
            let range = RangeSpec::Default.resolve(q.default_since(), jiff::Timestamp::now())?;
            Some(athena_sql(env, text, &q.log_groups(env), range)?.0)
        }
        _ => None,
    };
    Ok(ShowReport {
        query: q.clone(),
        log_group_names: match env {
            Some(env) => q.log_groups(env),
            None => q.head.log_groups.clone(),
        },
        rendered,
        sql,
    })
}

/// The archive's components (its layout's folders) among `groups`: component ids, or the
/// environment's log group names of the functions.
fn components_of(groups: &[String], env: Option<&Environment>) -> Vec<String> {
    crate::config::Component::functions()
        .filter(|c| {
            groups
                .iter()
                .any(|g| g == c.id() || env.is_some_and(|e| e.names.log_group(*c) == *g))
        })
        .map(|c| c.id().to_string())
        .collect()
}

/// The `--lookup` tables, read and checked before anything runs.
fn lookup_tables(files: &BTreeMap<String, PathBuf>) -> Result<engine::lookup::Tables> {
    files
        .iter()
        .map(|(name, file)| {
            let why = |e: String| Error::usage(format!("--lookup {name}={}: {e}", file.display()));
            let size = std::fs::metadata(file)
                .map_err(|e| why(e.to_string()))?
                .len();
            if size > engine::lookup::MAX_BYTES as u64 {
                return Err(why(format!(
                    "{size} bytes, more than a lookup table's {}",
                    engine::lookup::MAX_BYTES
                )));
            }
            let text = std::fs::read(file).map_err(|e| why(e.to_string()))?;
            Ok((
                name.clone(),
                engine::lookup::Table::from_csv(&text).map_err(why)?,
            ))
        })
        .collect()
}

/// The query as Athena SQL over the environment's archive, and the archive.
fn athena_sql<'e>(
    env: &'e Environment,
    text: &str,
    groups: &[String],
    range: TimeRange,
) -> Result<(String, &'e crate::config::Archive)> {
    let archive = env.archive.as_ref().ok_or_else(|| {
        Error::usage(format!("{} has no log archive for Athena to read", env.name)).with_hint(
            format!(
                "name it as environments.{}.archive.bucket in the config file, then `logs archive --apply` and `logs athena-setup --apply`",
                env.name
            ),
        )
    })?;
    let prepared = engine::prepare(text)
        .map_err(|e| Error::usage(format!("the query cannot be translated for Athena: {e}")))?;
    let components = components_of(groups, Some(env));
    if components.is_empty() {
        return Err(Error::usage(format!(
            "the archive holds the functions' log groups; none of {} is one",
            groups.join(", ")
        )));
    }
    let scope = super::sql::Scope {
        table: format!(
            "\"{}\".\"{}\"",
            archive.database,
            archive.table(env.name.as_str())
        ),
        components,
        from: range.start,
        to: range.end,
    };
    let sql = super::sql::translate(&prepared.query, super::sql::Dialect::Athena, &scope)
        .map_err(|e| Error::usage(format!("the query cannot run on Athena: {e}")))?;
    Ok((sql, archive))
}

impl Render for ShowReport {
    fn render(&self, doc: &mut Doc) {
        let h = &self.query.head;
        doc.heading(format!("{} — {}", h.name, h.title));
        doc.text(h.description.clone());
        let mut fields = vec![
            ("source", Cell::new(&h.source)),
            ("log groups", Cell::new(self.log_group_names.join(", "))),
            ("default range", Cell::new(format!("last {}", h.since))),
        ];
        if let Some(fix) = &h.fix {
            fields.push(("fixed from the guide", Cell::toned(fix, Tone::Warn)));
        }
        doc.fields(fields);
        if !h.params.is_empty() {
            let mut t = Table::new(["parameter", "type", "default", "description"]);
            for p in &h.params {
                t.row([
                    Cell::new(&p.name),
                    Cell::new(format!("{:?}", p.kind).to_lowercase()),
                    Cell::new(p.default.clone().unwrap_or_else(|| "(required)".into())),
                    Cell::new(&p.description),
                ]);
            }
            doc.table(t);
        }
        if !h.expect.is_empty() {
            let mut t = Table::new(["expected", "range", "source"]);
            for e in &h.expect {
                let range = e.describe();
                let field = match &e.when {
                    Some(w) => format!("{} when {} = {}", e.field, w.field, w.equals),
                    None => e.field.clone(),
                };
                t.row([
                    Cell::new(field),
                    Cell::new(range),
                    Cell::toned(&e.source, Tone::Dim),
                ]);
            }
            doc.table(t);
        }
        doc.heading(if self.rendered.is_some() {
            "Query (as sent)"
        } else {
            "Query (give the parameters with -p to see it as sent)"
        });
        doc.text(
            self.rendered
                .clone()
                .unwrap_or_else(|| self.query.text.clone()),
        );
        if let Some(sql) = &self.sql {
            doc.heading("Athena SQL (the default range, over the log archive)");
            doc.code(sql.clone());
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// CloudWatch Logs Insights
    Cloudwatch,
    /// Fetch the events from CloudWatch Logs and evaluate here
    Local,
    /// Amazon Athena over the S3 log archive (`logs archive`, `logs athena-setup`)
    Athena,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Cloudwatch => "cloudwatch",
            Engine::Local => "local",
            Engine::Athena => "athena",
        }
    }
}

#[derive(Debug, Default)]
pub struct RunOptions {
    pub name: Option<String>,
    pub text: Option<String>,
    pub params: BTreeMap<String, String>,
    pub range: RangeSpec,
    pub log_groups: Vec<String>,
    pub limit: Option<usize>,
    pub engine: Option<Engine>,
    /// Log files to evaluate (`-` for stdin) instead of asking CloudWatch.
    pub local: Vec<PathBuf>,
    /// Lookup tables for the local engine, by name: CSV files.
    pub lookups: BTreeMap<String, PathBuf>,
    /// With `local`: the logs of the log groups that joins and subqueries name in `SOURCE`.
    pub sources: BTreeMap<String, PathBuf>,
}

pub async fn run(ctx: &Context, lib: &Library, opts: RunOptions) -> Result<QueryReport> {
    let started = Instant::now();
    let def = opts.name.as_deref().map(|n| lib.get(n)).transpose()?;
    let text = match (def, &opts.text) {
        (Some(q), None) => q.render(&opts.params)?,
        (None, Some(t)) if opts.params.is_empty() => t.clone(),
        (None, Some(_)) => {
            return Err(Error::usage(
                "-p parameters belong to library queries, not --text",
            ));
        }
        (Some(_), Some(_)) => return Err(Error::usage("give a query name or --text, not both")),
        (None, None) => {
            return Err(Error::usage(
                "name a query (`mandala-ops query list`) or give one with --text",
            ));
        }
    };
    let (source, text) = engine::source::split(&text)
        .map_err(|e| Error::usage(format!("the query's SOURCE: {e}")))?;
    let tables = lookup_tables(&opts.lookups)?;
    let parsed = engine::prepare_with(&text, &tables);
    let local = !opts.local.is_empty();
    let env = if local {
        ctx.env().ok()
    } else {
        Some(ctx.env()?)
    };
    let engine_kind = match (local, opts.engine) {
        (true, Some(e @ (Engine::Cloudwatch | Engine::Athena))) => {
            return Err(Error::usage(format!(
                "--local evaluates files here; it does not go with --engine {}",
                e.name()
            )));
        }
        (true, _) => Engine::Local,
        (false, Some(e)) => e,
        // The emulator cannot evaluate queries (DESIGN.md), so the sandbox evaluates them here.
        (false, None) if env.is_some_and(Environment::is_sandbox) => Engine::Local,
        (false, None) => Engine::Cloudwatch,
    };
    if !opts.lookups.is_empty() && engine_kind != Engine::Local {
        return Err(Error::usage(format!(
            "--lookup gives tables to the local engine; {} reads its own lookup tables",
            engine_kind.name()
        )));
    }
    if !opts.sources.is_empty() && !local {
        return Err(Error::usage(
            "--source gives the logs of a join or subquery's SOURCE to --local; the other engines read the log group itself",
        ));
    }
    let prepared = match (&parsed, engine_kind) {
        (Err(e), Engine::Local) => {
            return Err(Error::usage(format!("the query cannot run locally: {e}")));
        }
        _ => parsed.as_ref().ok(),
    };
    let explicit_range = opts.range != RangeSpec::Default;
    let default_since = def
        .map(QueryDef::default_since)
        .unwrap_or(Duration::from_secs(3600));
    let range = opts.range.resolve(default_since, jiff::Timestamp::now())?;
    let mut notes = Vec::new();
    let named = match &source {
        None => opts.log_groups.clone(),
        Some(_) if def.is_some() => {
            return Err(Error::usage(
                "a library query names its log groups in its front matter (log_groups), not with SOURCE",
            ));
        }
        Some(_) if !opts.log_groups.is_empty() => {
            return Err(Error::usage(
                "the query's SOURCE and --log-group both select log groups: give one",
            ));
        }
        Some(_) if local => {
            notes.push("SOURCE not applied: the files given are what is read".to_string());
            Vec::new()
        }
        Some(s) => source_groups(ctx, s).await?,
    };
    let groups: Vec<String> = match (&named, def, env) {
        (g, _, Some(env)) if !g.is_empty() => g.iter().map(|g| resolve_group(env, g)).collect(),
        (g, _, None) if !g.is_empty() => g.clone(),
        (_, Some(q), Some(env)) => q.log_groups(env),
        (_, Some(q), None) => q.head.log_groups.clone(),
        (_, None, _) if local => Vec::new(),
        (_, None, _) => {
            return Err(Error::usage(
                "an ad-hoc query needs --log-group (a component such as ai-generation-worker, or a log group name)",
            ));
        }
    };
    let mut report = QueryReport {
        query: def.map(|q| q.name().to_string()),
        engine: engine_kind.name(),
        log_groups: groups.clone(),
        range: Some(range),
        status: "Complete".into(),
        statistics: Statistics::default(),
        took_ms: 0,
        columns: Vec::new(),
        rows: Vec::new(),
        flagged: Vec::new(),
        unreadable_lines: 0,
        cost_usd: None,
        notes,
    };
    let limit = opts.limit.unwrap_or(engine::DEFAULT_ROWS);
    if local {
        let prepared = prepared.expect("checked above").clone();
        // Checked before anything is read.
        let source_files = source_files(&prepared, &opts.sources)?;
        let read = |range| local_inputs(ctx, &opts.local, &groups, env, range);
        let (inputs, archived) = read(range).await?;
        report.notes.extend(archived.iter().cloned());
        let mut sources = Vec::new();
        for (group, file) in source_files {
            let (inputs, streamed) =
                local_inputs(ctx, &[file], std::slice::from_ref(&group), env, range).await?;
            report.notes.extend(streamed);
            sources.push(inputs);
        }
        // Exports hold whatever days they hold: only an explicit range filters them; the
        // archive is read for the range, so its days are filtered to it too.
        let filter = (explicit_range || !archived.is_empty()).then(|| range.millis());
        let earlier = match prepared.diff() {
            None => None,
            Some(_) if filter.is_none() => {
                return Err(Error::usage(
                    "`diff` compares the range with an earlier one: give --since or --start/--end",
                ));
            }
            Some(_) if opts.local.iter().any(|p| p.as_os_str() == "-") => {
                return Err(Error::usage(
                    "`diff` reads its input once for each range: give files, not stdin",
                ));
            }
            Some(previous) => {
                let before = earlier_range(previous, range)?;
                Some((read(before).await?.0, before))
            }
        };
        let (outcome, compared) = tokio::task::spawn_blocking(move || {
            let feeds: Vec<Feed> = sources.iter().map(|i| Feed::Inputs(i)).collect();
            let now = prepared.run(Feed::Inputs(&inputs), &feeds, filter)?;
            match earlier {
                None => Ok((now, None)),
                Some((inputs, before)) => {
                    let then = prepared.run_inputs(&inputs, Some(before.millis()))?;
                    let note = compared_note(before, &then);
                    Ok((engine::diff::join(now, then), Some(note)))
                }
            }
        })
        .await
        .map_err(|e| Error::internal(e.to_string()))?
        .map_err(|e: engine::RunError| Error::usage(e.0))?;
        report.notes.extend(compared);
        if filter.is_none() {
            report.range = None;
        }
        fill_local(&mut report, outcome, limit);
    } else if engine_kind == Engine::Athena {
        let env = ctx.env()?;
        let (sql, archive) = athena_sql(env, &text, &groups, range)?;
        let aws = ctx.aws().await?;
        let spinner = ctx.out.spinner("starting the Athena query");
        let cancel = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let answer = crate::aws::athena::run(
            aws,
            &crate::aws::athena::Request {
                sql: &sql,
                database: &archive.database,
                workgroup: &archive.workgroup,
                output: archive.output.as_deref(),
            },
            &spinner,
            std::pin::pin!(cancel),
        )
        .await;
        spinner.finish_and_clear();
        let answer = answer?;
        report.columns = answer.columns;
        report.rows = answer.rows;
        report.statistics.bytes_scanned = answer.bytes_scanned as f64;
        // Athena bills the bytes scanned, at least 10 MB a query.
        let billed = (answer.bytes_scanned as f64).max(10_000_000.0);
        let price = ctx.thresholds.cost.athena_per_tb_usd;
        let cost = billed / 1e12 * price;
        report.cost_usd = Some(cost);
        report.notes.push(format!(
            "Athena scanned {} bytes: ${cost:.6} at ${price}/TB, 10 MB at least (query execution {})",
            answer.bytes_scanned, answer.id
        ));
        if env.is_sandbox() {
            report.notes.push("the local emulator runs no SQL: these rows are whatever it was set to answer, not the query's; `--local s3://…` reads the sandbox's archive".into());
        }
    } else if engine_kind == Engine::Local {
        let prepared = prepared.expect("checked above");
        if !opts.log_groups.is_empty() {
            let env = ctx.env()?;
            crate::aws::logs::check_groups_exist(ctx.aws().await?, &groups, &env.region).await?;
        }
        let before = prepared
            .diff()
            .map(|previous| earlier_range(previous, range))
            .transpose()?;
        let now = over_fetched(ctx, &groups, prepared, range, &mut report.notes).await?;
        let outcome = match before {
            None => now,
            Some(before) => {
                let earlier =
                    over_fetched(ctx, &groups, prepared, before, &mut report.notes).await?;
                report.notes.push(compared_note(before, &earlier));
                engine::diff::join(now, earlier)
            }
        };
        fill_local(&mut report, outcome, limit);
    } else {
        let aws = ctx.aws().await?;
        if !opts.log_groups.is_empty() {
            let region = &ctx.env()?.region;
            crate::aws::logs::check_groups_exist(aws, &groups, region).await?;
        }
        let runner = &ctx.insights;
        let req = cloudwatch::Request {
            text: &text,
            log_groups: &groups,
            range,
            limit,
            aggregates: prepared
                .map(engine::Prepared::aggregates)
                .unwrap_or_else(|| text.contains("stats")),
            newest_first: prepared.is_some_and(engine::Prepared::newest_first),
        };
        let spinner = ctx.out.spinner("starting the Logs Insights query");
        let cancel = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let raw = runner
            .run(aws, &req, &spinner, std::pin::pin!(cancel))
            .await;
        spinner.finish_and_clear();
        let raw = raw?;
        report.columns = raw.columns;
        report.rows = raw.rows;
        report.statistics = raw.statistics;
        report.notes.extend(raw.notes);
        if raw.queries > 1 {
            report.notes.push(format!(
                "the time range was split into {} queries to get past the 10,000-row cap",
                raw.queries
            ));
        }
        if env.is_some_and(Environment::is_sandbox) {
            report.notes.push("the local emulator does not evaluate filter, stats or parse: these results are not the query's; use --engine local".into());
        }
    }
    if let Some(q) = def {
        report.flag(&q.head.expect);
    }
    report.took_ms = started.elapsed().as_millis() as u64;
    Ok(report)
}

/// The inputs for `range`: files as given, or the archive's export objects for its days; the
/// second part says what was streamed from an archive (nothing for files).
async fn local_inputs(
    ctx: &Context,
    paths: &[PathBuf],
    groups: &[String],
    env: Option<&Environment>,
    range: TimeRange,
) -> Result<(Vec<Input>, Vec<String>)> {
    let mut inputs = Vec::new();
    let mut streamed = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if let Some(url) = p.to_str().filter(|_| super::archive_input::is_url(p)) {
            let utc = jiff::tz::TimeZone::UTC;
            let days = (
                range.start.to_zoned(utc.clone()).date(),
                range.end.to_zoned(utc).date(),
            );
            let components = components_of(groups, env);
            let (input, objects) = super::archive_input::input(ctx, url, &components, days).await?;
            if objects == 0 {
                return Err(Error::usage(format!(
                    "nothing under {url} for {} to {} of {}",
                    days.0,
                    days.1,
                    if components.is_empty() {
                        "any component".into()
                    } else {
                        components.join(", ")
                    }
                ))
                .with_hint(
                    "`logs archive --apply` exports the days; check the URL with `logs archive`",
                ));
            }
            streamed.push(format!("{objects} export objects streamed from {url}"));
            inputs.push(input);
        } else {
            inputs.push(Input::Path(p.clone()));
        }
    }
    Ok((inputs, streamed))
}

/// `prepared` over the events of `groups` in `range`, fetched from CloudWatch Logs.
async fn over_fetched(
    ctx: &Context,
    groups: &[String],
    prepared: &engine::Prepared,
    range: TimeRange,
    notes: &mut Vec<String>,
) -> Result<engine::Outcome> {
    let events = fetch(ctx, groups, range, notes).await?;
    let mut sources = Vec::new();
    if !prepared.subqueries().is_empty() {
        let env = ctx.env()?;
        for s in prepared.subqueries() {
            let group = resolve_group(env, &s.group);
            crate::aws::logs::check_groups_exist(
                ctx.aws().await?,
                std::slice::from_ref(&group),
                &env.region,
            )
            .await?;
            sources.push(fetch(ctx, &[group], range, notes).await?);
        }
    }
    let feeds: Vec<Feed> = sources.iter().map(|e| Feed::Events(e)).collect();
    prepared
        .run(Feed::Events(&events), &feeds, Some(range.millis()))
        .map_err(|e| Error::usage(e.0))
}

/// The file each subquery's `SOURCE` reads, in order, from `--source`: every SOURCE needs one
/// and every one given must be read, or the answer would silently leave logs out.
fn source_files(
    prepared: &engine::Prepared,
    given: &BTreeMap<String, PathBuf>,
) -> Result<Vec<(String, PathBuf)>> {
    let subqueries = prepared.subqueries();
    if let Some(unread) = given
        .keys()
        .find(|g| !subqueries.iter().any(|s| &&s.group == g))
    {
        return Err(Error::usage(format!(
            "--source {unread}: the query has no SOURCE '{unread}'"
        )));
    }
    subqueries
        .iter()
        .map(|s| match given.get(&s.group) {
            Some(file) => Ok((s.group.clone(), file.clone())),
            None => Err(Error::usage(format!(
                "the query's SOURCE '{}' (line {}, column {}) reads another log group: give its logs with --source '{}=FILE'",
                s.group, s.at.line, s.at.column, s.group
            ))),
        })
        .collect()
}

/// The range a `diff` compares `range` with.
fn earlier_range(previous: engine::diff::Previous, range: TimeRange) -> Result<TimeRange> {
    let at = |ms: i64| jiff::Timestamp::from_millisecond(ms).ok();
    previous
        .range(range.millis())
        .and_then(|(start, end)| {
            Some(TimeRange {
                start: at(start)?,
                end: at(end)?,
            })
        })
        .ok_or_else(|| Error::usage("the range `diff` compares with is out of range"))
}

/// Which range `diff` compared with; one that held nothing makes every pattern new, which the
/// note says rather than leave a reader to take them for a change.
fn compared_note(before: TimeRange, earlier: &engine::Outcome) -> String {
    let mut note = format!("diff: compared with {} to {}", before.start, before.end);
    if earlier.records_matched == 0 {
        note.push_str(": it held no records, so every pattern shows as new");
    }
    note
}

fn fill_local(report: &mut QueryReport, outcome: engine::Outcome, limit: usize) {
    report.columns = outcome.columns.clone();
    report.rows = outcome
        .rows
        .iter()
        .take(limit)
        .map(|r| {
            outcome
                .columns
                .iter()
                .cloned()
                .zip(r.iter().map(engine::value::Value::to_json))
                .collect()
        })
        .collect();
    report.statistics = Statistics {
        records_matched: outcome.records_matched as f64,
        records_scanned: outcome.records_scanned as f64,
        bytes_scanned: outcome.bytes_scanned as f64,
    };
    report.unreadable_lines = outcome.unreadable;
    report.notes.extend(outcome.notes.iter().cloned());
    if outcome.unreadable > 0 {
        report.notes.push(format!(
            "{} lines could not be read and were skipped (first: {})",
            outcome.unreadable,
            outcome.unreadable_examples.join(", ")
        ));
    }
}

/// The log groups a query's `SOURCE logGroups(...)` selects, as `--log-group` would name them;
/// selecting none is bad input, as is selecting more than a query reads (StartQuery's 50).
async fn source_groups(ctx: &Context, source: &engine::source::Source) -> Result<Vec<String>> {
    if !source.accounts.is_empty() {
        return Err(Error::usage(
            "SOURCE accountIdentifiers reads other accounts through cross-account observability, which mandala-ops does not query",
        )
        .with_hint("run it with the source account's credentials, or name the log groups with --log-group"));
    }
    let env = ctx.env()?;
    let found = crate::aws::logs::groups_by_prefix(ctx.aws().await?, &source.prefixes).await?;
    let groups: Vec<String> = found
        .into_iter()
        .filter(|(_, class)| source.reads_class(class))
        .map(|(name, _)| name)
        .collect();
    let what = match source.prefixes.is_empty() {
        true => "any name".to_string(),
        false => format!("a name starting {}", source.prefixes.join(" or ")),
    };
    let classes = match source.classes.is_empty() {
        true => "STANDARD".to_string(),
        false => source.classes.join(" or "),
    };
    match groups.len() {
        0 => Err(Error::usage(format!(
            "SOURCE selects no log group in {}: none with {what} in the {classes} class",
            env.region
        ))
        .with_hint("`mandala-ops config show` lists the service's log groups")),
        n if n > cloudwatch::MAX_GROUPS => Err(Error::usage(format!(
            "SOURCE selects {n} log groups ({what}); a query reads at most {}",
            cloudwatch::MAX_GROUPS
        ))
        .with_hint("give longer name prefixes")),
        _ => Ok(groups),
    }
}

/// The events of `groups` in `range`, from CloudWatch Logs; a note says when there were too
/// many to fetch them all.
async fn fetch(
    ctx: &Context,
    groups: &[String],
    range: TimeRange,
    notes: &mut Vec<String>,
) -> Result<Vec<OwnedEvent>> {
    let aws = ctx.aws().await?;
    let spinner = ctx.out.spinner(format!(
        "fetching the events of {} log groups",
        groups.len()
    ));
    // FilterLogEvents allows 5 calls a second per account.
    let fetched: Vec<Result<Vec<crate::aws::logs::Event>>> = futures::stream::iter(groups)
        .map(|g| crate::aws::logs::filter(aws, g, None, range.start, range.end, MAX_FETCHED_EVENTS))
        .buffer_unordered(4)
        .collect()
        .await;
    spinner.finish_and_clear();
    let mut events = Vec::new();
    for batch in fetched {
        events.extend(batch?.into_iter().map(|e| OwnedEvent {
            message: e.message,
            timestamp: Some(e.timestamp),
            stream: Some(e.stream),
            log: Some(e.group),
            ingestion: None,
        }));
    }
    if events.len() >= MAX_FETCHED_EVENTS {
        notes.push(format!("stopped fetching {} at {MAX_FETCHED_EVENTS} events; narrow the time range for complete results", groups.join(", ")));
    }
    events.truncate(MAX_FETCHED_EVENTS);
    Ok(events)
}

pub async fn sync(ctx: &Context, lib: &Library, apply: bool) -> Result<SyncReport> {
    let env = ctx.env()?;
    let aws = ctx.aws().await?;
    let items = sync::plan(aws, env, lib).await?;
    if apply {
        sync::apply(aws, &items).await?;
    }
    Ok(SyncReport {
        folder: sync::folder(env),
        applied: apply,
        items,
    })
}

//! Judging the checklist over what was read: each item's looks give findings and evidence. An
//! item is as bad as its worst finding; "not available" when something it needs could not be
//! read; never ok with nothing read.

use super::Period;
use super::checklist::{self, ItemSpec, Look, SectionSpec};
use super::collect::{
    ERROR_TREND, ERRORS, Fetched, HOURLY, Named, PERFORMANCE, PROFILE_LATENCY, Sources,
    TOKENS_HOURLY, bin_column, series_of,
};
use super::data::{ChecklistSection, Cost, Evidence, Finding, Item};
use crate::config::thresholds::sources as s;
use crate::context::Context;
use crate::health::{Row, Status};
use crate::insights::results::QueryReport;
use crate::output::{number, rounded};
use jiff::Timestamp;

pub fn sections(ctx: &Context, src: &Sources, cost: &Cost) -> Vec<ChecklistSection> {
    let mut out: Vec<ChecklistSection> = checklist::sections(src.period)
        .iter()
        .map(|spec| section(ctx, src, cost, spec))
        .collect();
    // A problem no item of the period reads is still reported, under its own heading.
    let outside: Vec<Finding> = src
        .health
        .problems()
        .filter(|r| !checklist::covers(src.period, &r.name))
        .map(check_finding)
        .collect();
    if !outside.is_empty() {
        let item = item_of(
            "Other health findings",
            "mandala-ops health",
            outside,
            Vec::new(),
        );
        out.push(ChecklistSection {
            title: "Outside the checklists".into(),
            source: "mandala-ops health".into(),
            status: item.status,
            items: vec![item],
        });
    }
    out
}

fn section(ctx: &Context, src: &Sources, cost: &Cost, spec: &SectionSpec) -> ChecklistSection {
    let items: Vec<Item> = spec.items.iter().map(|i| item(ctx, src, cost, i)).collect();
    ChecklistSection {
        title: spec.title.into(),
        source: spec.source.into(),
        status: items
            .iter()
            .map(|i| i.status)
            .max()
            .unwrap_or(Status::Unknown),
        items,
    }
}

fn item(ctx: &Context, src: &Sources, cost: &Cost, spec: &ItemSpec) -> Item {
    let mut findings = Vec::new();
    let mut evidence = Vec::new();
    for look in spec.looks {
        let mut r = Reading {
            ctx,
            src,
            findings: &mut findings,
            evidence: &mut evidence,
            source: spec.source,
        };
        r.look(look, cost);
    }
    item_of(spec.title, spec.source, findings, evidence)
}

fn item_of(title: &str, source: &str, mut findings: Vec<Finding>, evidence: Vec<Evidence>) -> Item {
    if findings.is_empty() {
        findings.push(Finding {
            status: Status::Unknown,
            text: "nothing could be read for this item".into(),
            source: source.into(),
        });
    }
    let status = findings
        .iter()
        .map(|f| f.status)
        .max()
        .unwrap_or(Status::Unknown);
    Item {
        title: title.into(),
        source: source.into(),
        status,
        verdict: verdict(status),
        findings,
        evidence,
    }
}

/// The checklist's words for a status.
pub fn verdict(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Unknown => "not available",
        Status::Warn | Status::Critical => "needs attention",
    }
}

fn check_finding(r: &Row) -> Finding {
    let detail = match (&r.value, &r.threshold) {
        (Some(v), Some(t)) => format!(" ({v}; threshold {t})"),
        (Some(v), None) => format!(" ({v})"),
        _ => String::new(),
    };
    let text = if r.status == Status::Unknown {
        format!("{}: not available: {}", r.name, r.message)
    } else {
        format!("{}: {}{detail}", r.name, r.message)
    };
    Finding {
        status: r.status,
        text,
        source: r.source.clone(),
    }
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn usd(v: f64) -> String {
    format!("${v:.2}")
}

fn when(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M").to_string()
}

/// One item's findings and evidence as its looks are read.
struct Reading<'a> {
    ctx: &'a Context,
    src: &'a Sources,
    findings: &'a mut Vec<Finding>,
    evidence: &'a mut Vec<Evidence>,
    source: &'static str,
}

impl<'a> Reading<'a> {
    fn say(&mut self, status: Status, text: impl Into<String>, source: &str) {
        self.findings.push(Finding {
            status,
            text: text.into(),
            source: source.into(),
        });
    }

    /// What a source gave, or nothing after saying why it could not be read.
    fn got<T>(&mut self, fetched: &'a Fetched<T>, what: &str, source: &str) -> Option<&'a T> {
        match fetched {
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => {
                self.say(Status::Unknown, format!("{what}: {e}"), source);
                None
            }
            None => None,
        }
    }

    fn table(&mut self, title: impl Into<String>, columns: Vec<String>, rows: Vec<Vec<String>>) {
        self.evidence.push(Evidence::Table {
            title: title.into(),
            columns,
            rows,
        });
    }

    /// A chart when the series has a line to draw, else why not.
    fn chart(&mut self, named: &Named) {
        match &named.1 {
            Ok(series) if series.points.len() > 1 => self.evidence.push(Evidence::Chart {
                series: series.clone(),
            }),
            Ok(_) => self.say(
                Status::Unknown,
                format!(
                    "{}: fewer than two datapoints in the period, no trend",
                    named.0
                ),
                self.source,
            ),
            Err(e) => self.say(Status::Unknown, format!("{}: {e}", named.0), self.source),
        }
    }

    fn look(&mut self, look: &Look, cost: &Cost) {
        match look {
            Look::Checks(patterns) => self.checks(patterns),
            Look::Measures(names) => self.queries(names, false),
            Look::Hunts(names) => self.queries(names, true),
            Look::Processing => self.processing(),
            Look::Forecast => self.forecast(),
            Look::AsyncSeries => {
                self.series_list(&self.src.async_series, "AsyncProcessing metrics")
            }
            Look::Performance => self.performance(),
            Look::Errors => self.errors(),
            Look::Profile => self.profile(),
            Look::Tokens => self.tokens(cost),
            Look::Cost => self.cost(cost),
            Look::AlarmHistory => self.alarm_history(),
            Look::Capacity => self.capacity(),
            Look::Incidents => self.incidents(),
            Look::Retention => self.retention(),
            Look::Manual(what) => self.say(Status::Unknown, *what, self.source),
        }
    }

    fn checks(&mut self, patterns: &[&str]) {
        let rows: Vec<&Row> = self
            .src
            .health
            .checks
            .iter()
            .filter(|r| checklist::matches_any(patterns, &r.name))
            .collect();
        if rows.is_empty() {
            self.say(
                Status::Unknown,
                format!("no health check matching {} ran", patterns.join(", ")),
                self.source,
            );
            return;
        }
        let ok: Vec<&str> = rows
            .iter()
            .filter(|r| r.status == Status::Ok)
            .map(|r| r.name.as_str())
            .collect();
        for r in rows.iter().filter(|r| r.status != Status::Ok) {
            self.findings.push(check_finding(r));
        }
        if !ok.is_empty() {
            let shown = 6;
            let more = ok
                .len()
                .checked_sub(shown)
                .filter(|n| *n > 0)
                .map(|n| format!(" and {n} more"))
                .unwrap_or_default();
            let names = ok[..ok.len().min(shown)].join(", ");
            self.say(
                Status::Ok,
                format!("ok: {names}{more}"),
                "mandala-ops health",
            );
        }
    }

    fn report(&self, name: &str) -> Result<&'a QueryReport, String> {
        match self.src.queries.get(name) {
            Some(Ok(r)) => Ok(r),
            Some(Err(e)) => Err(e.clone()),
            None => Err("not run".into()),
        }
    }

    fn queries(&mut self, names: &[&str], hunt: bool) {
        for name in names {
            let def = self.src.lib.get(name).ok();
            let title = def
                .map(|d| d.head.title.clone())
                .unwrap_or(name.to_string());
            let source = def.map(|d| d.head.source.clone()).unwrap_or_default();
            let r = match self.report(name) {
                Ok(r) => r,
                Err(e) => {
                    self.say(Status::Unknown, format!("{title} (`{name}`): {e}"), &source);
                    continue;
                }
            };
            let section = super::collect::section(&self.src.lib, name, r);
            if r.rows.is_empty() {
                if hunt {
                    self.say(Status::Ok, format!("{title}: none in the period"), &source);
                } else {
                    self.say(
                        Status::Unknown,
                        format!("{title} (`{name}`): no data in the period"),
                        &source,
                    );
                }
                continue;
            }
            for f in &section.flagged {
                self.say(Status::Warn, format!("{name}: {f}"), &source);
            }
            if section.flagged.is_empty() {
                let what = if def.is_some_and(|d| !d.head.expect.is_empty()) {
                    "within the expected ranges"
                } else {
                    "rows to review"
                };
                self.say(
                    Status::Ok,
                    format!("{title}: {} {what}", r.rows.len()),
                    &source,
                );
            }
            self.table(format!("{title} (`{name}`)"), section.columns, section.rows);
        }
    }

    fn processing(&mut self) {
        let t = &self.ctx.thresholds.targets;
        let Some(st) = self.got(
            &self.src.processing,
            "processing_state",
            s::PROCESSING_STATS,
        ) else {
            return;
        };
        if st.counts.is_empty() {
            return self.say(
                Status::Unknown,
                "no processes were created in the period: nothing shows how processing went",
                s::PROCESSING_STATS,
            );
        }
        let statuses: Vec<&str> = crate::process::Status::ALL
            .iter()
            .map(|s| s.as_str())
            .collect();
        let mut header = vec!["type".to_string()];
        header.extend(statuses.iter().map(|s| s.to_string()));
        let rows = crate::process::Kind::ALL
            .iter()
            .map(|k| {
                let mut row = vec![k.as_str().to_string()];
                row.extend(statuses.iter().map(|s| {
                    st.counts
                        .iter()
                        .filter(|c| c.kind == k.as_str() && c.status == *s)
                        .map(|c| c.count)
                        .sum::<i64>()
                        .to_string()
                }));
                row
            })
            .collect();
        self.table(
            "Processes created in the period, by type and status",
            header,
            rows,
        );
        let finished = (st.total("COMPLETED") + st.total("FAILED") + st.total("TIMEOUT")) as f64;
        if finished > 0.0 {
            for (status, target, what) in [
                ("FAILED", t.error_rate_pct, "error rate"),
                ("TIMEOUT", t.timeout_rate_pct, "timeout rate"),
            ] {
                let pct = st.total(status) as f64 / finished * 100.0;
                let over = pct >= target;
                self.say(
                    if over { Status::Warn } else { Status::Ok },
                    format!(
                        "{what} {}% ({} {status} of {} finished; target < {target}%)",
                        rounded(pct),
                        st.total(status),
                        finished
                    ),
                    s::TARGETS,
                );
            }
        } else {
            self.say(
                Status::Unknown,
                "no process finished in the period: no error or timeout rate",
                s::TARGETS,
            );
        }
        let mut rows = Vec::new();
        for c in &st.completion {
            let label = c.kind.trim_end_matches("_GENERATION");
            let (Some(avg), true) = (c.avg_minutes, c.completed > 0) else {
                self.say(
                    Status::Unknown,
                    format!("no {label} completed in the period: its completion time is not known"),
                    s::TARGETS,
                );
                continue;
            };
            let over = avg > c.target_minutes.max;
            if over {
                self.say(
                    Status::Warn,
                    format!(
                        "{label} took {} min on average, over the {} min target",
                        rounded(avg),
                        c.target_minutes
                    ),
                    s::TARGETS,
                );
            }
            rows.push(vec![
                label.to_string(),
                c.completed.to_string(),
                rounded(avg),
                c.p95_minutes.map(rounded).unwrap_or_default(),
                c.target_minutes.to_string(),
            ]);
        }
        if !rows.is_empty() {
            self.table(
                "Completion time by type, minutes (002 パフォーマンス指標 / 目標値)",
                columns(&["type", "completed", "avg", "p95", "target"]),
                rows,
            );
        }
    }

    fn forecast(&mut self) {
        let source = self.source;
        if let Some(st) = self.got(&self.src.processing, "processing_state", source) {
            self.say(
                Status::Ok,
                format!(
                    "about {} processes tomorrow at the last day's rate; {} waiting to start now",
                    st.created_last_day, st.pending_now
                ),
                source,
            );
        }
    }

    fn series_list(&mut self, fetched: &'a Fetched<Vec<Named>>, what: &str) {
        let source = self.source;
        let Some(list) = self.got(fetched, what, source) else {
            return;
        };
        let drawn = list
            .iter()
            .filter(|n| n.1.as_ref().is_ok_and(|s| s.points.len() > 1))
            .count();
        for n in list {
            self.chart(n);
        }
        if drawn > 0 {
            self.say(
                Status::Ok,
                format!("{what}: {drawn} series charted"),
                source,
            );
        }
    }

    /// A query's column as a named series.
    fn query_series(&self, name: &str, field: &str, title: &str, unit: &str) -> Named {
        let series = self.report(name).and_then(|r| {
            if bin_column(r).is_none() {
                return Err(format!("`{name}` has no time bins"));
            }
            Ok(series_of(r, field, title, unit))
        });
        (title.to_string(), series)
    }

    fn performance(&mut self) {
        match self.report(PERFORMANCE) {
            Ok(r) if !r.rows.is_empty() => {
                let perf = super::collect::performance(r);
                let p95 = perf
                    .days
                    .iter()
                    .filter_map(|d| d.p95_ms)
                    .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
                self.say(
                    Status::Ok,
                    format!(
                        "{} task generations; worst daily p95 {}",
                        number(perf.requests),
                        p95.map(|v| format!("{} ms", number(v.round())))
                            .unwrap_or("-".into())
                    ),
                    "000 パフォーマンス監視 / 処理時間の分析 / 日次レポート",
                );
                self.evidence.push(super::data::performance_table(&perf));
            }
            Ok(_) => self.say(
                Status::Unknown,
                "no task generation in the period: no duration to judge",
                "000 パフォーマンス監視 / 処理時間の分析 / 日次レポート",
            ),
            Err(e) => self.say(
                Status::Unknown,
                format!("`{PERFORMANCE}`: {e}"),
                self.source,
            ),
        }
        let (name, per) = if self.src.period == Period::Daily {
            (HOURLY, "per hour")
        } else {
            (PERFORMANCE, "per day")
        };
        let (requests, p95) = if name == HOURLY {
            ("requests", "p95_duration")
        } else {
            ("total_requests", "p95_duration")
        };
        let a = self.query_series(name, requests, "Task generations", per);
        let b = self.query_series(name, p95, "Task generation p95 duration", "ms");
        self.chart(&a);
        self.chart(&b);
    }

    fn errors(&mut self) {
        match self.report(ERRORS) {
            Ok(r) => {
                let total: f64 = r
                    .rows
                    .iter()
                    .filter_map(|row| row.get("count").and_then(crate::insights::results::number))
                    .sum();
                self.say(
                    Status::Ok,
                    format!(
                        "{} ERROR events of task generation by {} codes",
                        number(total),
                        r.rows.len()
                    ),
                    "000 アラート対応手順 / エラー率上昇アラート / 1. エラーの種類を特定",
                );
                let section = super::collect::section(&self.src.lib, ERRORS, r);
                self.table(
                    "Errors by code (`error-types`)",
                    section.columns,
                    section.rows,
                );
            }
            Err(e) => self.say(Status::Unknown, format!("`{ERRORS}`: {e}"), self.source),
        }
        let trend = self.query_series(
            ERROR_TREND,
            "errors",
            "ERROR events, every function",
            "per hour",
        );
        self.chart(&trend);
    }

    fn profile(&mut self) {
        self.series_list(&self.src.profile_series, "Profile API metrics");
        match self.report(PROFILE_LATENCY) {
            Ok(r) if !r.rows.is_empty() => {
                for (field, title) in [
                    ("p50_duration", "Profile API p50 response time"),
                    ("p95_duration", "Profile API p95 response time"),
                    ("p99_duration", "Profile API p99 response time"),
                ] {
                    let named = self.query_series(PROFILE_LATENCY, field, title, "ms");
                    self.chart(&named);
                }
            }
            Ok(_) => self.say(
                Status::Unknown,
                "no profile API request logs in the period: no response-time percentiles",
                s::PROFILE_LATENCY,
            ),
            Err(e) => self.say(
                Status::Unknown,
                format!("`{PROFILE_LATENCY}`: {e}"),
                s::PROFILE_LATENCY,
            ),
        }
    }

    fn tokens(&mut self, cost: &Cost) {
        match self.report(TOKENS_HOURLY) {
            Ok(r) if !r.rows.is_empty() => {
                self.say(
                    Status::Ok,
                    format!("{} tokens in the period", number(cost.tokens.round())),
                    "000 監視項目 / 3. Bedrockメトリクス / トークン使用量",
                );
                let named = self.query_series(TOKENS_HOURLY, "total_tokens", "Tokens", "per hour");
                self.chart(&named);
            }
            Ok(_) => self.say(
                Status::Unknown,
                "no token usage logged in the period",
                "000 監視項目 / 3. Bedrockメトリクス / トークン使用量",
            ),
            Err(e) => self.say(
                Status::Unknown,
                format!("`{TOKENS_HOURLY}`: {e}"),
                self.source,
            ),
        }
    }

    fn cost(&mut self, cost: &Cost) {
        let estimate_over = cost.projected_month_usd > cost.bedrock_budget_usd;
        self.say(
            if estimate_over { Status::Warn } else { Status::Ok },
            format!(
                "the service's logs estimate {} of Bedrock in the period, {} a month at this rate, against its {} share of the budget",
                usd(cost.estimated_usd),
                usd(cost.projected_month_usd),
                usd(cost.bedrock_budget_usd)
            ),
            s::COST,
        );
        const CE: &str = "001 監視方法 / コスト監視 (Cost Explorer)";
        let Some(fetched) = &self.src.spend else {
            return;
        };
        let (start, end) = super::cost::range(self.src.from, self.src.to);
        let a = match (fetched, &cost.actual) {
            (Err(e), _) => {
                return self.say(
                    Status::Unknown,
                    format!("actual spend not available: {e}"),
                    CE,
                );
            }
            (Ok(None), _) | (Ok(Some(_)), None) => {
                return self.say(
                    Status::Unknown,
                    format!(
                        "actual spend not available: Cost Explorer has no figures from {start} to {end} (an endpoint without cost data, such as the local emulator)"
                    ),
                    CE,
                );
            }
            (Ok(Some(_)), Some(a)) => a,
        };
        let budget = self.ctx.thresholds.cost.monthly_budget_usd;
        match a.projected_month_usd() {
            Some(p) => self.say(
                if p > budget { Status::Warn } else { Status::Ok },
                format!(
                    "{} spent this month to {}, projected {} for the month against the {} budget",
                    usd(a.month_to_date_usd()),
                    a.end,
                    usd(p),
                    usd(budget)
                ),
                s::COST,
            ),
            None => self.say(
                Status::Ok,
                format!(
                    "the month began today: no projection yet; last month {}",
                    usd(a.previous_month_usd())
                ),
                s::COST,
            ),
        }
        for c in &a.categories {
            if let Some(p) = c.projected_month_usd.filter(|p| *p > c.budget_usd) {
                self.say(
                    Status::Warn,
                    format!(
                        "{} projects {} this month, over its {}% share ({})",
                        c.name,
                        usd(p),
                        rounded(c.share * 100.0),
                        usd(c.budget_usd)
                    ),
                    s::COST,
                );
            }
        }
        let previous = a.previous_month_usd();
        if let Some(p) = a.projected_month_usd().filter(|_| previous > 0.0) {
            self.say(
                Status::Ok,
                format!(
                    "month over month: {} last month, this month projects {}{}%",
                    usd(previous),
                    if p >= previous { "+" } else { "" },
                    rounded((p - previous) / previous * 100.0)
                ),
                "003 月次タスク / 2. コスト分析: 前月比較を実施",
            );
        }
        if let Some(b) = a.bedrock() {
            self.say(
                Status::Ok,
                format!(
                    "Bedrock from {}: Cost Explorer {}, the logs' estimate {} (difference {}). The logs hold the estimatedCost of successful generations at the configured token prices; Cost Explorer bills every call (retries, failures, other callers of the model) by UTC day and runs up to a day behind",
                    a.period_start,
                    usd(b.period_usd),
                    usd(cost.estimated_usd),
                    usd(b.period_usd - cost.estimated_usd)
                ),
                CE,
            );
        }
        if a.estimated {
            self.say(
                Status::Ok,
                "the open month's figures are Cost Explorer's estimates",
                CE,
            );
        }
        let rows = a
            .categories
            .iter()
            .map(|c| {
                vec![
                    c.name.to_string(),
                    format!("{}%", rounded(c.share * 100.0)),
                    usd(c.budget_usd),
                    usd(c.period_usd),
                    usd(c.month_to_date_usd),
                    usd(c.previous_month_usd),
                    c.projected_month_usd.map(usd).unwrap_or("-".into()),
                ]
            })
            .collect();
        self.table(
            format!("Spend by category (Cost Explorer, BlendedCost, {start} to {end})"),
            columns(&[
                "category",
                "share",
                "budget",
                "period",
                "month to date",
                "previous month",
                "projected",
            ]),
            rows,
        );
    }

    fn alarm_history(&mut self) {
        const SOURCE: &str = "000 定期メンテナンス / 週次タスク: アラート履歴の確認";
        let Some(all) = self.got(
            &self.src.alarm_history,
            "alarm history not available",
            SOURCE,
        ) else {
            return;
        };
        if all.is_empty() {
            return self.say(Status::Ok, "no alarm changed state in the period", SOURCE);
        }
        let mut names: Vec<&str> = all.iter().map(|t| t.alarm.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let mut rows = Vec::new();
        for name in names {
            let mine: Vec<&crate::alarms::Transition> =
                all.iter().filter(|t| t.alarm == name).collect();
            let in_alarm = time_in_alarm(&mine, self.src.from, self.src.to);
            let last = mine.iter().filter_map(|t| t.at).max();
            if in_alarm.as_secs() > 0 {
                self.say(
                    Status::Warn,
                    format!(
                        "{name}: {} state changes, {} in ALARM in the period",
                        mine.len(),
                        crate::time::format_duration(in_alarm)
                    ),
                    SOURCE,
                );
            }
            rows.push(vec![
                name.to_string(),
                mine.len().to_string(),
                crate::time::format_duration(in_alarm),
                last.map(when).unwrap_or_default(),
            ]);
        }
        self.table(
            "Alarms that changed state in the period",
            columns(&["alarm", "changes", "time in ALARM", "last change"]),
            rows,
        );
    }

    fn capacity(&mut self) {
        let Some(r) = self.got(&self.src.capacity, "scale recommend", s::CAPACITY) else {
            return;
        };
        for note in &r.notes {
            self.say(
                Status::Unknown,
                format!("scale recommend: {note}"),
                s::CAPACITY,
            );
        }
        for rec in &r.recommendations {
            self.say(
                Status::Warn,
                format!(
                    "{} {}: {} → {} ({}): `{}`",
                    rec.component,
                    rec.setting,
                    rec.current,
                    rec.recommended,
                    rec.evidence,
                    rec.command
                ),
                rec.source,
            );
        }
        if r.recommendations.is_empty() {
            self.say(
                Status::Ok,
                "every function is within the guides' lines (`scale recommend`)",
                s::CAPACITY,
            );
        }
        let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
        let rows = r
            .evidence
            .iter()
            .map(|e| {
                vec![
                    e.component.to_string(),
                    opt(e.reserved.map(|v| v.to_string())),
                    opt(e.peak_concurrency.map(rounded)),
                    opt(e.memory_mb.map(|v| v.to_string())),
                    e.usage.invocations.to_string(),
                    opt(e.usage.p95_duration_ms.map(|v| number(v.round()))),
                    opt(e.usage.max_memory_pct.map(rounded)),
                ]
            })
            .collect();
        self.table(
            "Lambda capacity (`scale recommend`)",
            columns(&[
                "function",
                "reserved",
                "peak concurrency",
                "memory MB",
                "invocations",
                "p95 ms",
                "max memory %",
            ]),
            rows,
        );
    }

    fn incidents(&mut self) {
        const SOURCE: &str = "003 月次タスク / 1. 月次レポート作成: インシデント一覧";
        let Some(listing) = self.got(&self.src.incidents, "incident records", SOURCE) else {
            return;
        };
        for note in &listing.notes {
            self.say(Status::Unknown, format!("incident records: {note}"), SOURCE);
        }
        let (from, to) = (self.src.from, self.src.to);
        let within: Vec<&crate::incident::Incident> = listing
            .incidents
            .iter()
            .filter(|i| i.opened_at <= to && i.closed_at.is_none_or(|c| c >= from))
            .collect();
        if within.is_empty() {
            return self.say(
                Status::Ok,
                "no incident recorded in the period (`incident start` records one)",
                SOURCE,
            );
        }
        self.say(
            Status::Ok,
            format!("{} incidents in the period", within.len()),
            SOURCE,
        );
        for i in within.iter().filter(|i| i.closed_at.is_none()) {
            self.say(
                Status::Warn,
                format!(
                    "incident {} ({}) is still open since {}",
                    i.id,
                    i.title,
                    when(i.opened_at)
                ),
                SOURCE,
            );
        }
        let rows = within
            .iter()
            .map(|i| {
                vec![
                    i.id.clone(),
                    i.title.clone(),
                    format!("level {} {}", i.severity.level, i.severity.label),
                    when(i.opened_at),
                    i.closed_at.map(when).unwrap_or_else(|| "open".into()),
                    i.resolution.clone().unwrap_or_default(),
                ]
            })
            .collect();
        self.table(
            "Incidents",
            columns(&["id", "title", "severity", "opened", "closed", "resolution"]),
            rows,
        );
    }

    fn retention(&mut self) {
        let Some(r) = self.got(
            &self.src.retention,
            "processing_state retention",
            s::RETENTION,
        ) else {
            return;
        };
        let days = rounded(r.older_than_days);
        if r.matched == 0 {
            return self.say(
                Status::Ok,
                format!("no finished process older than {days} days"),
                s::RETENTION,
            );
        }
        self.say(
            Status::Warn,
            format!(
                "{} finished processes are older than the {days}-day retention{}: `mandala-ops cleanup processing-state --apply`",
                r.matched,
                r.oldest.map(|t| format!(" (the oldest finished {})", when(t))).unwrap_or_default()
            ),
            s::RETENTION,
        );
        self.table(
            "Past retention, by status",
            vec!["status".into(), "rows".into()],
            r.by_status
                .iter()
                .map(|(k, v)| vec![k.clone(), v.to_string()])
                .collect(),
        );
    }
}

/// How long an alarm was in ALARM within `[from, to]`, from its transitions (oldest first): the
/// state before the first is that transition's `from`.
fn time_in_alarm(
    transitions: &[&crate::alarms::Transition],
    from: Timestamp,
    to: Timestamp,
) -> std::time::Duration {
    let mut state = transitions.first().map(|t| t.from.as_str()).unwrap_or("");
    let mut since = from;
    let mut total = jiff::SignedDuration::ZERO;
    for t in transitions {
        let Some(at) = t.at else { continue };
        let at = at.clamp(from, to);
        if state == "ALARM" {
            total += at.duration_since(since);
        }
        state = t.to.as_str();
        since = at;
    }
    if state == "ALARM" {
        total += to.duration_since(since);
    }
    std::time::Duration::try_from(total).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alarms::Transition;
    use crate::config::EnvName;
    use crate::testkit::Mocks;
    use aws_sdk_costexplorer::Client;
    use aws_sdk_costexplorer::operation::get_cost_and_usage::GetCostAndUsageOutput;
    use aws_sdk_costexplorer::types::{DateInterval, Group, MetricValue, ResultByTime};
    use aws_smithy_mocks::{Rule, mock};

    const NOW: &str = "2026-12-11T09:00:00Z";

    fn day(date: &str, services: &[(&str, &str)]) -> ResultByTime {
        let next = date
            .parse::<jiff::civil::Date>()
            .unwrap()
            .tomorrow()
            .unwrap();
        let mut r = ResultByTime::builder()
            .time_period(
                DateInterval::builder()
                    .start(date)
                    .end(next.to_string())
                    .build()
                    .unwrap(),
            )
            .estimated(true);
        for (service, amount) in services {
            r = r.groups(
                Group::builder()
                    .keys(*service)
                    .metrics(
                        "BlendedCost",
                        MetricValue::builder().amount(*amount).unit("USD").build(),
                    )
                    .build(),
            );
        }
        r.build()
    }

    /// The cost item of a weekly report whose Cost Explorer answers from `rules`.
    async fn cost_item(rules: Vec<Rule>, logged_usd: f64) -> Item {
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cost: rules,
                ..Default::default()
            }
            .clients(),
        );
        let to: Timestamp = NOW.parse().unwrap();
        let from = to - jiff::SignedDuration::from_hours(7 * 24);
        let mut src = Sources::empty(Period::Weekly, from, to);
        src.spend = Some(
            super::super::collect::spend(&ctx, from, to)
                .await
                .map_err(|e| e.to_string()),
        );
        let mut cost = Cost {
            estimated_usd: logged_usd,
            monthly_budget_usd: 500.0,
            bedrock_budget_usd: 150.0,
            ..Cost::default()
        };
        if let Some(Ok(Some(spend))) = &src.spend {
            cost.actual = Some(super::super::cost::actual(
                spend,
                from,
                to,
                &ctx.thresholds.cost,
            ));
        }
        let spec = ItemSpec {
            title: "Cost",
            source: "test",
            looks: &[Look::Cost],
        };
        item(&ctx, &src, &cost, &spec)
    }

    #[tokio::test]
    async fn alarm_history_covers_every_alarm_of_the_environment_that_changed() {
        use aws_sdk_cloudwatch::operation::describe_alarm_history::DescribeAlarmHistoryOutput;
        use aws_sdk_cloudwatch::types::AlarmHistoryItem;
        let change = |alarm: &str, at: &str, from: &str, to: &str| {
            AlarmHistoryItem::builder()
                .alarm_name(alarm)
                .timestamp(aws_smithy_types::DateTime::from_secs(
                    at.parse::<Timestamp>().unwrap().as_second(),
                ))
                .history_data(format!(
                    r#"{{"oldState":{{"stateValue":"{from}"}},"newState":{{"stateValue":"{to}"}}}}"#
                ))
                .build()
        };
        // One request for every alarm (no name), state updates only, over the period.
        let rule = mock!(aws_sdk_cloudwatch::Client::describe_alarm_history)
            .match_requests(|r| {
                r.alarm_name().is_none()
                    && r.history_item_type()
                        == Some(&aws_sdk_cloudwatch::types::HistoryItemType::StateUpdate)
            })
            .then_output(move || {
                DescribeAlarmHistoryOutput::builder()
                    .alarm_history_items(change(
                        "goal-mandala-prod-ai-processor-throttle",
                        "2026-12-10T10:00:00Z",
                        "OK",
                        "ALARM",
                    ))
                    .alarm_history_items(change(
                        "goal-mandala-prod-ai-processor-throttle",
                        "2026-12-10T12:30:00Z",
                        "ALARM",
                        "OK",
                    ))
                    .alarm_history_items(change(
                        "another-teams-alarm",
                        "2026-12-10T10:00:00Z",
                        "OK",
                        "ALARM",
                    ))
                    .build()
            });
        let ctx = Context::for_tests(
            EnvName::Prod,
            Mocks {
                cloudwatch: vec![rule],
                ..Default::default()
            }
            .clients(),
        );
        let to: Timestamp = NOW.parse().unwrap();
        let from = to - jiff::SignedDuration::from_hours(7 * 24);
        let mut src = Sources::empty(Period::Weekly, from, to);
        src.alarm_history = Some(
            super::super::collect::alarm_history(&ctx, from, to)
                .await
                .map_err(|e| e.to_string()),
        );
        let spec = ItemSpec {
            title: "Alarm history",
            source: "test",
            looks: &[Look::AlarmHistory],
        };
        let item = item(&ctx, &src, &Cost::default(), &spec);
        assert_eq!(item.status, Status::Warn);
        assert_eq!(
            item.findings[0].text,
            "goal-mandala-prod-ai-processor-throttle: 2 state changes, 2h 30m in ALARM in the period"
        );
        let Evidence::Table { rows, .. } = &item.evidence[0] else {
            panic!("a table")
        };
        assert_eq!(
            rows.len(),
            1,
            "another environment's alarm is left out: {rows:?}"
        );
    }

    #[tokio::test]
    async fn cost_explorer_spend_is_judged_against_the_budget_and_its_shares() {
        // Two pages, as Cost Explorer pages a long daily range; asked for by service.
        let first = mock!(Client::get_cost_and_usage)
            .match_requests(|r| {
                r.next_page_token().is_none()
                    && r.granularity() == Some(&aws_sdk_costexplorer::types::Granularity::Daily)
                    && r.group_by()[0].key() == Some("SERVICE")
                    && r.metrics() == ["BlendedCost"]
                    && r.time_period().map(|p| (p.start(), p.end()))
                        == Some(("2026-11-01", "2026-12-11"))
            })
            .then_output(|| {
                GetCostAndUsageOutput::builder()
                    .results_by_time(day(
                        "2026-11-20",
                        &[("AWS Lambda", "300"), ("Amazon Bedrock", "50")],
                    ))
                    .results_by_time(day("2026-12-02", &[("AWS Lambda", "100")]))
                    .next_page_token("page-2")
                    .build()
            });
        let second = mock!(Client::get_cost_and_usage)
            .match_requests(|r| r.next_page_token() == Some("page-2"))
            .then_output(|| {
                GetCostAndUsageOutput::builder()
                    .results_by_time(day(
                        "2026-12-08",
                        &[
                            ("Amazon Bedrock", "60"),
                            ("Amazon Relational Database Service", "20"),
                            ("AmazonCloudWatch", "5"),
                        ],
                    ))
                    .build()
            });
        let item = cost_item(vec![first, second], 12.5).await;
        let text: Vec<&str> = item.findings.iter().map(|f| f.text.as_str()).collect();
        // 185 in ten days of a 31-day month: 573.50, over the $500 budget; Lambda 310 over its
        // 200, Bedrock 186 over its 150.
        assert_eq!(item.status, Status::Warn, "{text:#?}");
        assert!(
            text.iter()
                .any(|t| t.contains("$185.00 spent this month") && t.contains("projected $573.50")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("Lambda projects $310.00")
                    && t.contains("40% share ($200.00)")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("Bedrock projects $186.00")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("$350.00 last month") && t.contains("+63.86%")),
            "{text:#?}"
        );
        // The log-based estimate beside Cost Explorer's Bedrock figure for the period.
        assert!(
            text.iter().any(|t| t
                .contains("Cost Explorer $60.00, the logs' estimate $12.50 (difference $47.50)")),
            "{text:#?}"
        );
        assert!(text.iter().any(|t| t.contains("estimates")), "{text:#?}");
        let Evidence::Table { rows, .. } = &item.evidence[0] else {
            panic!("a table")
        };
        let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(names, ["Lambda", "Bedrock", "Aurora", "Other"]);
    }

    #[tokio::test]
    async fn no_cost_data_or_no_cost_explorer_is_not_available_never_zero() {
        let empty = mock!(Client::get_cost_and_usage)
            .then_output(|| GetCostAndUsageOutput::builder().build());
        let item = cost_item(vec![empty], 1.0).await;
        assert_eq!(item.status, Status::Unknown);
        assert_eq!(item.verdict, "not available");
        assert!(
            item.findings
                .iter()
                .any(|f| f.text.contains("Cost Explorer has no figures"))
        );
        assert!(item.evidence.is_empty(), "no table of zeros");

        let denied = mock!(Client::get_cost_and_usage).then_http_response(|| {
            aws_smithy_runtime_api::http::Response::new(
                aws_smithy_runtime_api::http::StatusCode::try_from(400).unwrap(),
                aws_smithy_types::body::SdkBody::from(
                    r#"{"__type":"AccessDeniedException","message":"User is not authorized to perform: ce:GetCostAndUsage"}"#,
                ),
            )
        });
        let item = cost_item(vec![denied], 1.0).await;
        assert_eq!(item.status, Status::Unknown);
        let why: Vec<&str> = item.findings.iter().map(|f| f.text.as_str()).collect();
        assert!(
            why.iter()
                .any(|t| t.starts_with("actual spend not available")
                    && t.contains("GetCostAndUsage")),
            "{why:#?}"
        );
    }

    fn t(at: &str, from: &str, to: &str) -> Transition {
        Transition {
            alarm: "a".into(),
            at: Some(at.parse().unwrap()),
            from: from.into(),
            to: to.into(),
            summary: String::new(),
        }
    }

    #[test]
    fn time_in_alarm_counts_from_the_window_and_to_its_end() {
        let from: Timestamp = "2026-12-01T00:00:00Z".parse().unwrap();
        let to: Timestamp = "2026-12-02T00:00:00Z".parse().unwrap();
        // In ALARM when the window opens, OK at 01:00, ALARM again at 23:00 until the end.
        let list = [
            t("2026-12-01T01:00:00Z", "ALARM", "OK"),
            t("2026-12-01T23:00:00Z", "OK", "ALARM"),
        ];
        let refs: Vec<&Transition> = list.iter().collect();
        assert_eq!(time_in_alarm(&refs, from, to).as_secs(), 2 * 3600);
        assert_eq!(time_in_alarm(&[], from, to).as_secs(), 0);
    }
}

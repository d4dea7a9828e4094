//! `incident impact`: the incident in the service's own terms (影響範囲の特定, 003 レベル1-2
//! 対応手順) — the processes, users and goals it touched, the generations that failed and were
//! retried, and what the failed attempts cost in Bedrock tokens — from the database and the
//! logs of the window. What could not be read is named, never counted as zero.

use super::Incident;
use crate::context::Context;
use crate::error::{Result, db_err};
use crate::exit::ExitStatus;
use crate::output::{Cell, Doc, Render, Series, Table, Tone};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Serialize)]
pub struct Impact {
    pub incident: Incident,
    pub from: Timestamp,
    pub to: Timestamp,
    /// processing_state rows created or updated in the window; `None` when unread.
    pub processes: Option<Processes>,
    /// ERROR events of the window by error code.
    pub failures: Vec<Failure>,
    pub tokens: Tokens,
    /// ERROR events per bin across the window (24 bins, whole minutes).
    pub errors_over_time: Series,
    pub unread: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Processes {
    pub total: i64,
    pub by_status: BTreeMap<String, i64>,
    /// PENDING or PROCESSING without an update for the guide's stuck time.
    pub stuck: i64,
    /// FAILED, TIMEOUT or stuck.
    pub affected: i64,
    pub users: i64,
    pub goals: i64,
    /// Affected rows whose input names no goal (not counted in `goals`).
    pub without_goal: i64,
    /// Rows started again by a retry (`input.retryCount`), and those of them affected again.
    pub retried: i64,
    pub retried_affected: i64,
}

#[derive(Debug, Serialize)]
pub struct Failure {
    pub code: String,
    pub events: usize,
    pub functions: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Tokens {
    /// Error events that say what they used (`metadata.tokensUsed`).
    pub events_with_tokens: usize,
    /// Tokens and estimated cost (USD) of the failed attempts; `None` when no error event
    /// carries them.
    pub on_failed_attempts: Option<f64>,
    pub cost_usd: Option<f64>,
}

pub async fn impact(ctx: &Context, id: Option<&str>) -> Result<Impact> {
    let (incident, notes) = super::find(ctx, id).await?;
    let (from, to) = incident.window();
    let (processes, errors) =
        futures::join!(processes(ctx, from, to), super::errors::read(ctx, from, to));
    Ok(assemble(incident, notes, (from, to), processes, &errors))
}

/// The impact from the window's rows and error events.
pub(super) fn assemble(
    incident: Incident,
    mut notes: Vec<String>,
    (from, to): (Timestamp, Timestamp),
    processes: Result<Processes>,
    errors: &super::errors::Read,
) -> Impact {
    let mut unread = errors.unread.clone();
    notes.extend(errors.notes.iter().cloned());
    let processes = processes
        .map_err(|e| unread.push(format!("processes (processing_state): {e}")))
        .ok();

    let mut by_code: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    let (mut with_tokens, mut tokens, mut cost) = (0, 0.0, None::<f64>);
    for line in &errors.lines {
        let slot = by_code.entry(super::errors::code(line)).or_default();
        slot.0 += 1;
        slot.1.insert(&line.group);
        let number = |p: &str| line.event.pointer(p).and_then(serde_json::Value::as_f64);
        if let Some(t) = number("/metadata/tokensUsed") {
            with_tokens += 1;
            tokens += t;
            if let Some(c) = number("/metadata/estimatedCost") {
                *cost.get_or_insert(0.0) += c;
            }
        }
    }
    let mut failures: Vec<Failure> = by_code
        .into_iter()
        .map(|(code, (events, functions))| Failure {
            code: code.to_string(),
            events,
            functions: functions.into_iter().map(str::to_string).collect(),
        })
        .collect();
    failures.sort_by(|a, b| b.events.cmp(&a.events).then(a.code.cmp(&b.code)));
    if with_tokens == 0 && !errors.lines.is_empty() {
        notes.push(
            "no error event says what it used (metadata.tokensUsed): the guides log tokens on \
             successful generations (000 トークン使用量の監視), so the failed attempts' tokens are \
             not known"
                .into(),
        );
    }
    let errors_over_time = per_bin(from, to, errors.lines.iter().map(|l| l.at));
    Impact {
        incident,
        from,
        to,
        errors_over_time,
        processes,
        failures,
        tokens: Tokens {
            events_with_tokens: with_tokens,
            on_failed_attempts: (with_tokens > 0).then_some(tokens),
            cost_usd: cost,
        },
        unread,
        notes,
    }
}

/// How many of `times` fall in each of 24 equal bins of `[from, to]` (whole minutes each).
fn per_bin(from: Timestamp, to: Timestamp, times: impl Iterator<Item = Timestamp>) -> Series {
    const BINS: i64 = 24;
    let span = (to.as_second() - from.as_second()).max(60);
    let width = ((span + BINS * 60 - 1) / (BINS * 60)).max(1) * 60;
    let mut counts = vec![0.0; (span / width + 1) as usize];
    for t in times {
        let i = (t.as_second() - from.as_second()).div_euclid(width);
        if let Some(c) = usize::try_from(i).ok().and_then(|i| counts.get_mut(i)) {
            *c += 1.0;
        }
    }
    Series {
        title: format!("ERROR events per {} min", width / 60),
        unit: "events".into(),
        points: counts
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let at = Timestamp::from_second(from.as_second() + i as i64 * width).ok()?;
                Some((at, c))
            })
            .collect(),
    }
}

/// The rows created or updated in `[$1, $2]` (`w`) and the affected ones among them (`a`):
/// FAILED, TIMEOUT, or PENDING/PROCESSING without an update for `$3` seconds.
const WINDOW: &str = "WITH w AS ( \
     SELECT *, status IN ('PENDING', 'PROCESSING') \
               AND updated_at < now() - make_interval(secs => $3) AS stuck \
     FROM processing_state \
     WHERE created_at <= $2 AND (updated_at >= $1 OR created_at >= $1)), \
   a AS (SELECT * FROM w WHERE status IN ('FAILED', 'TIMEOUT') OR stuck)";

/// Stuck: seed 004 処理が進まない (the threshold table's stuck time).
fn stuck_secs(ctx: &Context) -> f64 {
    ctx.thresholds.database.stuck_after_secs as f64
}

/// The affected processes of the window, most recently updated first, at most `limit`, and
/// how many there are in all.
pub async fn affected(
    ctx: &Context,
    from: Timestamp,
    to: Timestamp,
    limit: i64,
) -> Result<(Vec<uuid::Uuid>, i64)> {
    let db = ctx.db().await?;
    let rows = db
        .query(
            &format!(
                "{WINDOW} SELECT id, count(*) OVER () AS total FROM a \
                 ORDER BY updated_at DESC LIMIT $4"
            ),
            &[&from, &to, &stuck_secs(ctx), &limit],
        )
        .await
        .map_err(db_err("listing the window's affected processes"))?;
    let total = rows.first().map_or(0, |r| r.get("total"));
    Ok((rows.iter().map(|r| r.get("id")).collect(), total))
}

pub(super) async fn processes(ctx: &Context, from: Timestamp, to: Timestamp) -> Result<Processes> {
    let db = ctx.db().await?;
    let doing = "reading the window's processing_state rows";
    let stuck_secs = stuck_secs(ctx);
    // The service's process input names its goal under `params` (the handlers' StartExecution
    // input); older rows at the top level.
    let goal = "coalesce(input->'params'->>'goalId', input->>'goalId')";
    let row = db
        .query_one(
            &format!(
                "{WINDOW} SELECT \
                   (SELECT count(*) FROM w) AS total, \
                   (SELECT count(*) FROM w WHERE stuck) AS stuck, \
                   (SELECT count(*) FROM a) AS affected, \
                   (SELECT count(DISTINCT user_id) FROM a) AS users, \
                   (SELECT count(DISTINCT {goal}) FROM a) AS goals, \
                   (SELECT count(*) FROM a WHERE {goal} IS NULL) AS without_goal, \
                   (SELECT count(*) FROM w WHERE input ? 'retryCount') AS retried, \
                   (SELECT count(*) FROM a WHERE input ? 'retryCount') AS retried_affected"
            ),
            &[&from, &to, &stuck_secs],
        )
        .await
        .map_err(db_err(doing))?;
    let statuses = db
        .query(
            &format!("{WINDOW} SELECT status, count(*) FROM w GROUP BY status"),
            &[&from, &to, &stuck_secs],
        )
        .await
        .map_err(db_err(doing))?;
    Ok(Processes {
        total: row.get("total"),
        by_status: statuses.iter().map(|r| (r.get(0), r.get(1))).collect(),
        stuck: row.get("stuck"),
        affected: row.get("affected"),
        users: row.get("users"),
        goals: row.get("goals"),
        without_goal: row.get("without_goal"),
        retried: row.get("retried"),
        retried_affected: row.get("retried_affected"),
    })
}

impl Render for Impact {
    fn render(&self, doc: &mut Doc) {
        let i = &self.incident;
        doc.heading(format!(
            "Impact of incident {}: {} ({})",
            i.id,
            i.title,
            super::span(self.from, self.to)
        ));
        self.body(doc);
    }

    /// Exit 1 when a source could not be read: the impact is missing part of the count.
    fn status(&self) -> ExitStatus {
        super::complete(&self.unread)
    }
}

impl Impact {
    /// The impact without its heading, for a report that gives it its own.
    pub fn body(&self, doc: &mut Doc) {
        let unknown = || Cell::toned("not read", Tone::Unknown);
        let mut fields: Vec<(String, Cell)> = Vec::new();
        match &self.processes {
            Some(p) => {
                let statuses: Vec<String> = p
                    .by_status
                    .iter()
                    .map(|(s, n)| format!("{s} {n}"))
                    .collect();
                fields.push((
                    "processes in the window".into(),
                    Cell::new(format!("{} ({})", p.total, statuses.join(", "))),
                ));
                fields.push((
                    "affected".into(),
                    Cell::toned(
                        format!(
                            "{} processes (failed, timed out or {} stuck), {} users, {} goals{}",
                            p.affected,
                            p.stuck,
                            p.users,
                            p.goals,
                            match p.without_goal {
                                0 => String::new(),
                                n => format!(" ({n} name no goal)"),
                            }
                        ),
                        if p.affected > 0 {
                            Tone::Bad
                        } else {
                            Tone::Plain
                        },
                    ),
                ));
                fields.push((
                    "retried".into(),
                    Cell::new(format!(
                        "{} processes, {} of them affected again",
                        p.retried, p.retried_affected
                    )),
                ));
            }
            None => fields.push(("processes".into(), unknown())),
        }
        let failed: usize = self.failures.iter().map(|f| f.events).sum();
        fields.push((
            "failed generations (ERROR events)".into(),
            Cell::new(failed.to_string()),
        ));
        fields.push((
            "Bedrock tokens on failed attempts".into(),
            match self.tokens.on_failed_attempts {
                Some(t) => Cell::new(format!(
                    "{} from {} events{}",
                    crate::output::number(t),
                    self.tokens.events_with_tokens,
                    self.tokens
                        .cost_usd
                        .map(|c| format!(", ${c:.4} estimated"))
                        .unwrap_or_default()
                )),
                None => unknown(),
            },
        ));
        doc.fields(fields);
        if !self.failures.is_empty() {
            doc.chart(self.errors_over_time.clone());
            let mut t = Table::new(["error code", "events", "functions"]);
            for f in &self.failures {
                t.row([
                    Cell::new(&f.code),
                    Cell::new(f.events.to_string()),
                    Cell::new(f.functions.join(", ")),
                ]);
            }
            doc.table(t);
        }
        for u in &self.unread {
            doc.note(Tone::Warn, format!("not read: {u}"));
        }
        for n in &self.notes {
            doc.note(Tone::Dim, n.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_fall_into_whole_minute_bins_across_the_window() {
        let from: Timestamp = "2026-12-04T00:00:00Z".parse().unwrap();
        let to: Timestamp = "2026-12-04T02:00:00Z".parse().unwrap();
        let at = |m: i64| from + jiff::SignedDuration::from_mins(m);
        let s = per_bin(
            from,
            to,
            [at(0), at(4), at(5), at(119), at(200)].into_iter(),
        );
        assert_eq!(s.title, "ERROR events per 5 min");
        assert_eq!(s.points.len(), 25);
        assert_eq!(s.points[0], (from, 2.0));
        assert_eq!(s.points[1].1, 1.0);
        assert_eq!(s.points[23].1, 1.0);
        let total: f64 = s.points.iter().map(|p| p.1).sum();
        assert_eq!(total, 4.0, "outside the window is not counted");
    }
}

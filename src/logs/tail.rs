//! `logs tail`: every function's log group (or the named ones) as one time-ordered stream, the
//! way 001 CloudWatch Logsの確認 reads them with `aws logs tail --follow`, but merged, filtered
//! with the local engine's expressions and with context around each match.
//!
//! Following uses CloudWatch Live Tail where the account allows it, and polls FilterLogEvents
//! with backoff where it does not, when it is throttled or when the session breaks.

use super::line::{HEADERS, LogLine};
use super::select::{Matcher, Selector, Shown};
use crate::aws::Clients;
use crate::aws::logs::{Event, LIVE_TAIL_GROUPS, LiveTail, LiveUpdate};
use crate::config::Component;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::exit::ExitStatus;
use crate::insights::engine::Prepared;
use crate::insights::library::resolve_group;
use crate::output::RowStream;
use futures::StreamExt;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

/// Events read from one group for one range at most; more is a note, not a silent cut.
const GROUP_LIMIT: usize = 10_000;
/// Events can arrive in CloudWatch some seconds after their timestamp: each poll looks back
/// this far again, and what it already showed is skipped.
const LATE: SignedDuration = SignedDuration::from_secs(30);
/// Polling slows down to this after repeated failures (throttling), and resets on success.
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// Live Tail sends an update every second; a session silent this long is taken as broken.
const LIVE_SILENCE: Duration = Duration::from_secs(30);

#[derive(Debug)]
pub struct Options {
    /// Component ids or log group names; empty: every function's group.
    pub groups: Vec<String>,
    /// A local-engine query of `filter` commands (`--filter`).
    pub filter: Option<Prepared>,
    /// Text every shown event contains (`--request-id`, `--process-id`, `--user-id`).
    pub ids: Vec<String>,
    /// Events of the same stream shown before and after each match (`-C`).
    pub context: usize,
    pub since: Duration,
    pub follow: Option<Follow>,
}

#[derive(Debug, Clone, Copy)]
pub struct Follow {
    /// How often to poll when Live Tail is not used.
    pub interval: Duration,
    /// Try Live Tail first (`--poll` turns it off: it is billed by the minute).
    pub live: bool,
}

/// A group to read: its name and, for Live Tail, its ARN.
struct Group {
    name: String,
    arn: Option<String>,
}

/// One printed line: the event and whether it is context around a match.
#[derive(Serialize)]
struct TailLine<'a> {
    #[serde(flatten)]
    line: &'a LogLine,
    context: bool,
}

pub async fn tail(ctx: &Context, o: &Options) -> Result<ExitStatus> {
    let mut selector = Selector::new(Matcher::new(o.filter.clone(), o.ids.clone()), o.context);
    let aws = ctx.aws().await?;
    let groups = groups(ctx, aws, &o.groups).await?;
    let start = crate::time::before(Timestamp::now(), o.since, "--since")?;
    let pattern = selector.pattern();
    let mut printer = Printer {
        stream: ctx.out.row_stream(&HEADERS),
        seen: HashMap::new(),
        shown: 0,
    };

    // A session opened before the backlog is read leaves no gap between the two.
    let mut live = match o.follow {
        Some(f) if f.live => start_live(ctx, aws, &groups, pattern.as_deref()).await,
        _ => None,
    };
    let now = Timestamp::now();
    let (events, failed) = fetch(ctx, aws, &groups, pattern.as_deref(), start, now).await;
    printer.print(&mut selector, events)?;

    let Some(follow) = o.follow else {
        if printer.shown == 0 {
            ctx.out.warn(format!(
                "no events {} since {}",
                if failed { "could be read" } else { "matched" },
                start.strftime("%Y-%m-%d %H:%M:%S UTC")
            ));
        }
        return Ok(if failed {
            ExitStatus::Critical
        } else if printer.shown == 0 {
            ExitStatus::Warn
        } else {
            ExitStatus::Ok
        });
    };

    let mut from = now - LATE;
    let mut delay = follow.interval;
    let mut sampling = false;
    // One listener for the whole follow: a Ctrl-C that comes while events are being fetched is
    // kept for the next wait (a listener made afresh for each wait would miss it and run on).
    let mut interrupted = std::pin::pin!(tokio::signal::ctrl_c());
    loop {
        if let Some(session) = live.as_mut() {
            let update = tokio::select! {
                u = tokio::time::timeout(LIVE_SILENCE, session.next()) => u,
                _ = &mut interrupted => return Ok(ExitStatus::Ok),
            };
            match update {
                Ok(LiveUpdate::Events { events, sampled }) => {
                    if sampled && !sampling {
                        sampling = true;
                        ctx.out.warn(
                            "Live Tail is sampling (over 500 events a second): some events are not shown",
                        );
                    }
                    let events = events
                        .into_iter()
                        .filter(|e| e.timestamp >= start.as_millisecond())
                        .collect();
                    printer.print(&mut selector, events)?;
                    // Live Tail sends each event once, as it arrives.
                    printer.forget_before(Timestamp::now() - LATE * 10);
                }
                // AWS ends a session after 3 hours: the next one continues it.
                Ok(LiveUpdate::TimedOut) => {
                    live = start_live(ctx, aws, &groups, pattern.as_deref()).await;
                }
                Ok(LiveUpdate::Ended(why)) => {
                    ctx.out
                        .warn(format!("Live Tail stopped ({why}); polling instead"));
                    live = None;
                }
                Err(_) => {
                    ctx.out.warn(format!(
                        "Live Tail sent nothing for {}s; polling instead",
                        LIVE_SILENCE.as_secs()
                    ));
                    live = None;
                }
            }
            if live.is_none() {
                from = Timestamp::now() - LATE;
            }
            continue;
        }
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = &mut interrupted => return Ok(ExitStatus::Ok),
        }
        let now = Timestamp::now();
        let (events, failed) = fetch(ctx, aws, &groups, pattern.as_deref(), from, now).await;
        printer.print(&mut selector, events)?;
        printer.forget_before(from);
        if failed {
            delay = (delay * 2).min(MAX_BACKOFF.max(follow.interval));
        } else {
            delay = follow.interval;
            from = (now - LATE).max(from);
        }
    }
}

/// The groups to read: the named ones, each of which must exist (a typo is exit 64); or every
/// function's, where a function that never logged has no group yet (a note).
async fn groups(ctx: &Context, aws: &Clients, named: &[String]) -> Result<Vec<Group>> {
    let env = ctx.env()?;
    let wanted: Vec<String> = if named.is_empty() {
        Component::functions()
            .map(|c| env.names.log_group(c))
            .collect()
    } else {
        let mut names: Vec<String> = named.iter().map(|g| resolve_group(env, g)).collect();
        names.sort();
        names.dedup();
        names
    };
    let found: Vec<(String, Result<Option<_>>)> = futures::stream::iter(wanted)
        .map(|name| async move {
            let group = crate::aws::logs::find_group(aws, &name).await;
            (name, group)
        })
        .buffered(8)
        .collect()
        .await;
    let mut groups = Vec::new();
    for (name, group) in found {
        match group? {
            Some(g) => groups.push(Group {
                arn: g
                    .log_group_arn()
                    .or(g.arn().map(|a| a.trim_end_matches(":*")))
                    .map(str::to_string),
                name,
            }),
            None if named.is_empty() => {
                ctx.out.note(format!(
                    "{name}: no log group yet (the function has not logged)"
                ));
            }
            None => {
                return Err(Error::usage(format!(
                    "the log group {name} does not exist in {}",
                    env.region
                ))
                .with_hint(
                    "check the name (`mandala-ops config show` lists the service's log groups) and the region",
                ));
            }
        }
    }
    if groups.is_empty() {
        return Err(Error::failed(format!(
            "none of the service's log groups exist in {}",
            env.region
        ))
        .with_hint("check --env, the region and the function names (`mandala-ops config show`)"));
    }
    Ok(groups)
}

/// A Live Tail session on every group, or `None` with a note saying why polling is used.
async fn start_live(
    ctx: &Context,
    aws: &Clients,
    groups: &[Group],
    pattern: Option<&str>,
) -> Option<LiveTail> {
    let arns: Option<Vec<String>> = groups.iter().map(|g| g.arn.clone()).collect();
    let why = match arns {
        None => "a log group's ARN is unknown".to_string(),
        Some(a) if a.len() > LIVE_TAIL_GROUPS => {
            format!("Live Tail follows at most {LIVE_TAIL_GROUPS} log groups")
        }
        Some(arns) => match crate::aws::logs::live_tail(aws, &arns, pattern).await {
            Ok(session) => return Some(session),
            Err(e) => e.to_string(),
        },
    };
    ctx.out.note(format!(
        "Live Tail is not available ({why}); polling instead"
    ));
    None
}

/// Every group's events in `[start, end]`, merged in time order; whether any group could not
/// be read (each such group is a warning naming it).
async fn fetch(
    ctx: &Context,
    aws: &Clients,
    groups: &[Group],
    pattern: Option<&str>,
    start: Timestamp,
    end: Timestamp,
) -> (Vec<Event>, bool) {
    let fetched: Vec<(&str, Result<Vec<Event>>)> = futures::stream::iter(groups)
        .map(|g| async move {
            let events =
                crate::aws::logs::filter(aws, &g.name, pattern, start, end, GROUP_LIMIT).await;
            (g.name.as_str(), events)
        })
        .buffered(8)
        .collect()
        .await;
    let mut all = Vec::new();
    let mut failed = false;
    for (name, events) in fetched {
        match events {
            Ok(events) => {
                if events.len() >= GROUP_LIMIT {
                    ctx.out.warn(format!(
                        "{name}: more than {GROUP_LIMIT} events in the range, only the first \
                         {GROUP_LIMIT} are shown; narrow --since or select with --filter or an id"
                    ));
                }
                all.extend(events);
            }
            Err(e) => {
                failed = true;
                ctx.out.warn(format!("{name}: {e}"));
            }
        }
    }
    all.sort_by(|a, b| (a.timestamp, &a.group, &a.stream).cmp(&(b.timestamp, &b.group, &b.stream)));
    (all, failed)
}

struct Printer<'a> {
    stream: RowStream<'a>,
    /// Events already printed (a hash of each, by its timestamp), so overlapping reads print
    /// each event once.
    seen: HashMap<u64, i64>,
    shown: usize,
}

impl Printer<'_> {
    fn print(&mut self, selector: &mut Selector, events: Vec<Event>) -> Result<()> {
        let new: Vec<Event> = events
            .into_iter()
            .filter(|e| self.seen.insert(key(e), e.timestamp).is_none())
            .collect();
        for Shown { event, matched } in selector.select(new) {
            let Some(line) = LogLine::from_event(&event) else {
                continue;
            };
            let row = TailLine {
                line: &line,
                context: !matched,
            };
            self.stream.push(&line.cells(!matched), &row)?;
            self.shown += 1;
        }
        Ok(())
    }

    /// Events before `from` are never read again: forget them.
    fn forget_before(&mut self, from: Timestamp) {
        let from = from.as_millisecond();
        self.seen.retain(|_, t| *t >= from);
    }
}

fn key(e: &Event) -> u64 {
    let mut h = DefaultHasher::new();
    (&e.group, &e.stream, e.timestamp, &e.message).hash(&mut h);
    h.finish()
}

//! Which events a tail shows: those that pass its `--filter` and contain its ids, with `-C N`
//! events of the same log stream before and after each (as `grep -C`).

use crate::aws::logs::Event;
use crate::error::{Error, Result};
use crate::insights::engine::{OwnedEvent, Prepared};
use std::collections::{HashMap, VecDeque};

/// `--filter EXPR`: what follows `filter` in a query, and nothing else (a `|` would start a
/// second command). Errors point into EXPR itself.
pub fn parse_filter(expr: &str) -> Result<Prepared> {
    const PREFIX: &str = "filter ";
    if expr.trim().is_empty() {
        return Err(Error::usage("--filter is empty").with_hint(
            r#"give a filter expression such as `level = "ERROR"` or `@message like /Throttl/`"#,
        ));
    }
    let prepared =
        crate::insights::engine::prepare(&format!("{PREFIX}{expr}")).map_err(|mut e| {
            if e.pos.line == 1 {
                e.pos.column = e.pos.column.saturating_sub(PREFIX.len()).max(1);
            }
            Error::usage(format!("--filter: {e}"))
        })?;
    if !prepared.subqueries().is_empty() {
        return Err(Error::usage(
            "--filter reads the events tailed; a subquery reads another log group",
        )
        .with_hint("run it with `query run --text`"));
    }
    if !prepared.filters_only() {
        return Err(
            Error::usage("--filter takes one filter expression, not further commands").with_hint(
                "join conditions with `and`; for fields, stats or sort use `query run --text`",
            ),
        );
    }
    Ok(prepared)
}

pub struct Matcher {
    /// A local-engine query of `filter` commands only.
    filter: Option<Prepared>,
    /// Text every match contains (`--request-id`, `--process-id`, `--user-id`).
    ids: Vec<String>,
}

impl Matcher {
    pub fn new(filter: Option<Prepared>, ids: Vec<String>) -> Matcher {
        Matcher { filter, ids }
    }

    /// A CloudWatch filter pattern that every match satisfies, so the service sends less: the
    /// ids as quoted terms, all of which must appear (FilterAndPatternSyntax, "exact phrases").
    /// The ids are checked to hold no quote, so a pattern can never change meaning.
    pub fn pattern(&self) -> Option<String> {
        (!self.ids.is_empty()).then(|| {
            self.ids
                .iter()
                .map(|id| format!("\"{id}\""))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    /// Which of `events` match, in order. Endpoints that ignore patterns are covered: the ids
    /// are checked here too.
    pub fn matches(&self, events: &[Event]) -> Vec<bool> {
        let by_ids = events
            .iter()
            .map(|e| self.ids.iter().all(|id| e.message.contains(id.as_str())));
        match &self.filter {
            None => by_ids.collect(),
            Some(filter) => {
                let owned: Vec<OwnedEvent> = events
                    .iter()
                    .map(|e| OwnedEvent {
                        message: e.message.clone(),
                        timestamp: Some(e.timestamp),
                        stream: Some(e.stream.clone()),
                        log: Some(e.group.clone()),
                        ingestion: None,
                    })
                    .collect();
                by_ids
                    .zip(filter.matching(&owned))
                    .map(|(a, b)| a && b)
                    .collect()
            }
        }
    }
}

/// An event to show: a match, or context around one.
#[derive(Debug)]
pub struct Shown {
    pub event: Event,
    pub matched: bool,
}

/// What a log stream has shown and holds: the last `context` events not shown (the context
/// before a next match), and how many events after the last match are still to come.
#[derive(Default)]
struct Stream {
    before: VecDeque<Event>,
    after: usize,
}

/// Selects across batches (a follow's polls), so context crosses them.
pub struct Selector {
    matcher: Matcher,
    context: usize,
    streams: HashMap<(String, String), Stream>,
}

impl Selector {
    pub fn new(matcher: Matcher, context: usize) -> Selector {
        Selector {
            matcher,
            context,
            streams: HashMap::new(),
        }
    }

    pub fn pattern(&self) -> Option<String> {
        // Context needs the events around a match, which a pattern would leave out.
        (self.context == 0)
            .then(|| self.matcher.pattern())
            .flatten()
    }

    /// The events of `batch` (in time order) to show, in time order: the matches and their
    /// context. Context before a match may come from an earlier batch.
    pub fn select(&mut self, batch: Vec<Event>) -> Vec<Shown> {
        let matches = self.matcher.matches(&batch);
        let mut shown = Vec::new();
        for (event, matched) in batch.into_iter().zip(matches) {
            if self.context == 0 {
                if matched {
                    shown.push(Shown { event, matched });
                }
                continue;
            }
            let key = (event.group.clone(), event.stream.clone());
            let stream = self.streams.entry(key).or_default();
            if matched {
                shown.extend(stream.before.drain(..).map(|event| Shown {
                    event,
                    matched: false,
                }));
                shown.push(Shown { event, matched });
                stream.after = self.context;
            } else if stream.after > 0 {
                stream.after -= 1;
                shown.push(Shown { event, matched });
            } else {
                stream.before.push_back(event);
                if stream.before.len() > self.context {
                    stream.before.pop_front();
                }
            }
        }
        shown.sort_by_key(|s| s.event.timestamp);
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(stream: &str, t: i64, message: &str) -> Event {
        Event {
            group: "/aws/lambda/w".into(),
            stream: stream.into(),
            timestamp: t,
            message: message.into(),
        }
    }

    fn shown(s: &[Shown]) -> Vec<(i64, bool)> {
        s.iter().map(|s| (s.event.timestamp, s.matched)).collect()
    }

    #[test]
    fn a_filter_is_one_expression_and_its_errors_point_into_it() {
        assert!(parse_filter(r#"level = "ERROR" and progress < 50"#).is_ok());
        assert!(parse_filter("@message like /Throttl/").is_ok());
        let piped = parse_filter(r#"level = "ERROR" | stats count()"#).unwrap_err();
        assert!(
            piped.to_string().contains("one filter expression"),
            "{piped}"
        );
        let bad = parse_filter("level = ").unwrap_err().to_string();
        assert!(bad.starts_with("--filter: line 1, column "), "{bad}");
        assert!(parse_filter("  ").is_err());
    }

    #[test]
    fn context_comes_from_the_same_stream_and_crosses_batches() {
        let m = Matcher::new(None, vec!["boom".into()]);
        let mut s = Selector::new(m, 1);
        assert_eq!(s.pattern(), None, "context needs the unmatched events");
        let first = s.select(vec![
            ev("a", 1, "one"),
            ev("b", 2, "other stream"),
            ev("a", 3, "two"),
        ]);
        assert!(first.is_empty());
        let second = s.select(vec![
            ev("b", 4, "x"),
            ev("a", 5, "boom"),
            ev("b", 6, "y"),
            ev("a", 7, "after"),
            ev("a", 8, "later"),
        ]);
        assert_eq!(shown(&second), [(3, false), (5, true), (7, false)]);
    }

    #[test]
    fn a_filter_is_one_expression_over_the_events_tailed() {
        for (expr, says) in [
            ("x = 1 | stats count()", "not further commands"),
            (
                "requestId in (SOURCE 'g' | fields requestId)",
                "another log group",
            ),
        ] {
            let e = parse_filter(expr).map(|_| ()).unwrap_err().to_string();
            assert!(e.contains(says), "{expr}: {e}");
        }
    }

    #[test]
    fn ids_and_filter_must_both_hold_and_ids_make_the_pattern() {
        let filter = crate::insights::engine::prepare(r#"filter level = "ERROR""#).unwrap();
        let m = Matcher::new(Some(filter), vec!["p-1".into(), "u-2".into()]);
        assert_eq!(m.pattern().as_deref(), Some(r#""p-1" "u-2""#));
        let events = [
            ev(
                "a",
                1,
                r#"{"level":"ERROR","processId":"p-1","userId":"u-2"}"#,
            ),
            ev(
                "a",
                2,
                r#"{"level":"INFO","processId":"p-1","userId":"u-2"}"#,
            ),
            ev("a", 3, r#"{"level":"ERROR","processId":"p-1"}"#),
            ev("a", 4, "not json p-1 u-2"),
        ];
        assert_eq!(m.matches(&events), [true, false, false, false]);
        let mut s = Selector::new(m, 0);
        assert_eq!(shown(&s.select(events.to_vec())), [(1, true)]);
    }
}

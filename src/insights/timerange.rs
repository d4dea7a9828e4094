//! Time ranges: `--since 24h`, or `--start` (and `--end`) as RFC 3339 timestamps or local
//! date-times. The resolved range is always printed, so a local time is never ambiguous.

use crate::error::{Error, Result};
use jiff::{SignedDuration, Timestamp, civil, tz::TimeZone};
use serde::Serialize;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimeRange {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl TimeRange {
    pub fn millis(&self) -> (i64, i64) {
        (self.start.as_millisecond(), self.end.as_millisecond())
    }

    /// The two halves, for splitting a query whose results hit the row cap.
    pub fn halves(&self) -> Option<(TimeRange, TimeRange)> {
        let span = self.end.duration_since(self.start);
        if span < SignedDuration::from_secs(2) {
            return None;
        }
        let mid = self.start.checked_add(span / 2).ok()?;
        Some((
            TimeRange {
                start: self.start,
                end: mid,
            },
            TimeRange {
                start: mid,
                end: self.end,
            },
        ))
    }
}

impl std::fmt::Display for TimeRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fmt = |t: Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        write!(f, "{} to {}", fmt(self.start), fmt(self.end))
    }
}

/// `now - age`; an age past the calendar's range is bad input naming `flag`.
pub fn ago(now: Timestamp, age: Duration, flag: &str) -> Result<Timestamp> {
    SignedDuration::try_from(age)
        .ok()
        .and_then(|d| now.checked_sub(d).ok())
        .ok_or_else(|| Error::usage(format!("{flag} is too long")))
}

/// Parses a point in time: RFC 3339 (`2026-11-22T10:00:00Z`, `...+09:00`), or a local date-time
/// (`2026-11-22 10:00`, `2026-11-22T10:00:30`, `2026-11-22`) in the system time zone.
pub fn parse_instant(text: &str, tz: &TimeZone) -> Result<Timestamp> {
    let text = text.trim();
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(t);
    }
    let civil = text
        .parse::<civil::DateTime>()
        .or_else(|_| text.replace(' ', "T").parse::<civil::DateTime>())
        .or_else(|_| {
            text.parse::<civil::Date>()
                .map(|d| d.to_datetime(civil::Time::midnight()))
        });
    let dt = civil.map_err(|_| {
        Error::usage(format!("`{text}` is not a time")).with_hint(
            "use RFC 3339 (2026-11-22T10:00:00Z or 2026-11-22T19:00:00+09:00) or a local time (2026-11-22 19:00)",
        )
    })?;
    dt.to_zoned(tz.clone()).map(|z| z.timestamp()).map_err(|e| {
        Error::usage(format!(
            "`{text}` does not exist in the local time zone: {e}"
        ))
    })
}

/// The range a command asked for; with neither `since` nor `start`, the default.
pub fn resolve(
    since: Option<Duration>,
    start: Option<&str>,
    end: Option<&str>,
    default: Duration,
    now: Timestamp,
) -> Result<TimeRange> {
    resolve_in(since, start, end, default, now, &TimeZone::system())
}

pub fn resolve_in(
    since: Option<Duration>,
    start: Option<&str>,
    end: Option<&str>,
    default: Duration,
    now: Timestamp,
    tz: &TimeZone,
) -> Result<TimeRange> {
    if since.is_some() && (start.is_some() || end.is_some()) {
        return Err(Error::usage(
            "give either --since or --start/--end, not both",
        ));
    }
    let back = |d: Duration| -> Result<Timestamp> {
        let d = SignedDuration::try_from(d).map_err(|e| Error::usage(e.to_string()))?;
        now.checked_sub(d)
            .map_err(|_| Error::usage("the time range reaches too far back"))
    };
    let range = match (start, end) {
        (None, Some(_)) => return Err(Error::usage("--end needs --start")),
        (Some(s), e) => TimeRange {
            start: parse_instant(s, tz)?,
            end: e.map(|e| parse_instant(e, tz)).transpose()?.unwrap_or(now),
        },
        (None, None) => TimeRange {
            start: back(since.unwrap_or(default))?,
            end: now,
        },
    };
    if range.start >= range.end {
        return Err(Error::usage(format!("the range is empty: {range}"))
            .with_hint("--start must come before --end"));
    }
    if range.start > now {
        return Err(Error::usage(format!(
            "the range starts in the future: {range}"
        )));
    }
    Ok(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-22T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn ago_names_the_flag_when_too_long() {
        assert_eq!(
            ago(now(), Duration::from_secs(86_400), "--since").unwrap(),
            "2026-11-21T12:00:00Z".parse::<Timestamp>().unwrap()
        );
        let e = ago(now(), Duration::from_secs(u64::MAX / 2), "--older-than").unwrap_err();
        assert_eq!(e.to_string(), "--older-than is too long");
    }

    fn tokyo() -> TimeZone {
        TimeZone::get("Asia/Tokyo").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(9)))
    }

    #[test]
    fn since_and_default() {
        let r = resolve_in(
            Some(Duration::from_secs(3600)),
            None,
            None,
            Duration::from_secs(60),
            now(),
            &tokyo(),
        )
        .unwrap();
        assert_eq!(
            r.to_string(),
            "2026-11-22T11:00:00Z to 2026-11-22T12:00:00Z"
        );
        let r = resolve_in(
            None,
            None,
            None,
            Duration::from_secs(86400),
            now(),
            &tokyo(),
        )
        .unwrap();
        assert_eq!(r.start.to_string(), "2026-11-21T12:00:00Z");
    }

    #[test]
    fn explicit_ranges_in_utc_and_local_time() {
        let r = resolve_in(
            None,
            Some("2026-11-22T10:00:00Z"),
            Some("2026-11-22T11:00:00+00:00"),
            Duration::ZERO,
            now(),
            &tokyo(),
        )
        .unwrap();
        assert_eq!(
            r.to_string(),
            "2026-11-22T10:00:00Z to 2026-11-22T11:00:00Z"
        );
        // 19:00 in Tokyo is 10:00 UTC.
        let r = resolve_in(
            None,
            Some("2026-11-22 19:00"),
            None,
            Duration::ZERO,
            now(),
            &tokyo(),
        )
        .unwrap();
        assert_eq!(
            r.to_string(),
            "2026-11-22T10:00:00Z to 2026-11-22T12:00:00Z"
        );
        let r = resolve_in(
            None,
            Some("2026-11-22"),
            Some("2026-11-22T20:00"),
            Duration::ZERO,
            now(),
            &tokyo(),
        )
        .unwrap();
        assert_eq!(
            r.to_string(),
            "2026-11-21T15:00:00Z to 2026-11-22T11:00:00Z"
        );
    }

    #[test]
    fn bad_ranges_are_usage_errors() {
        let tz = tokyo();
        let bad = |s: Option<Duration>, a: Option<&str>, b: Option<&str>| {
            resolve_in(s, a, b, Duration::ZERO, now(), &tz).unwrap_err()
        };
        assert!(
            bad(None, Some("yesterday"), None)
                .hint()
                .unwrap()
                .contains("RFC 3339")
        );
        assert!(
            bad(None, None, Some("2026-11-22T10:00:00Z"))
                .to_string()
                .contains("--end needs --start")
        );
        assert!(
            bad(
                None,
                Some("2026-11-22T11:00:00Z"),
                Some("2026-11-22T10:00:00Z")
            )
            .to_string()
            .contains("empty")
        );
        assert!(
            bad(
                None,
                Some("2027-01-01T00:00:00Z"),
                Some("2027-01-02T00:00:00Z")
            )
            .to_string()
            .contains("future")
        );
        assert!(
            bad(
                Some(Duration::from_secs(60)),
                Some("2026-11-22T10:00:00Z"),
                None
            )
            .to_string()
            .contains("either")
        );
    }

    #[test]
    fn halves() {
        let r = resolve_in(
            Some(Duration::from_secs(7200)),
            None,
            None,
            Duration::ZERO,
            now(),
            &tokyo(),
        )
        .unwrap();
        let (a, b) = r.halves().unwrap();
        assert_eq!(a.end, b.start);
        assert_eq!(a.end.to_string(), "2026-11-22T11:00:00Z");
    }
}

//! Time, in one place: durations as the command line writes them (`90s`, `15m`, `7d`), points in
//! time (RFC 3339 or a local date-time), ranges (`--since 24h`, or `--start`/`--end`; the
//! resolved range is always printed, so a local time is never ambiguous), "now minus an age",
//! and ages as the tables print them.

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

/// Durations such as `90s`, `15m`, `24h`, `7d` (a zero duration is refused).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text.trim())
        .map_err(|e| format!("`{text}` is not a duration ({e}); use e.g. 30s, 15m, 24h, 7d"))?;
    if d.is_zero() {
        return Err(format!("`{text}` is zero; give a positive duration"));
    }
    Ok(d)
}

/// A duration as the tables print it (`1h 30m`, `45s`).
pub fn format_duration(d: Duration) -> String {
    humantime::format_duration(d).to_string()
}

/// How long ago `t` was, as the tables print it: to the second under an hour, to the minute
/// above (`3m 12s`, `2h 5m`).
pub fn age(now: Timestamp, t: Timestamp) -> String {
    let secs = now.duration_since(t).as_secs().max(0) as u64;
    let rounded = if secs >= 3600 { secs / 60 * 60 } else { secs };
    format_duration(Duration::from_secs(rounded))
}

/// `now - age`; an age past the calendar's range is bad input naming `flag`.
pub fn before(now: Timestamp, age: Duration, flag: &str) -> Result<Timestamp> {
    SignedDuration::try_from(age)
        .ok()
        .and_then(|d| now.checked_sub(d).ok())
        .ok_or_else(|| Error::usage(format!("{flag} is too long")))
}

/// The same time of day `days` weekdays after `t` in `tz`: the guide's response time of
/// "1営業日以内" (003 アラート対応手順 / 緊急度レベル / レベル4) does not run over a weekend.
pub fn after_weekdays(t: Timestamp, days: u32, tz: &TimeZone) -> Timestamp {
    use jiff::civil::Weekday::{Saturday, Sunday};
    let mut z = t.to_zoned(tz.clone());
    let mut left = days;
    while left > 0 {
        let Ok(next) = z.tomorrow() else { break };
        z = next;
        if !matches!(z.weekday(), Saturday | Sunday) {
            left -= 1;
        }
    }
    z.timestamp()
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

/// A time range as a command asked for it, before "now" is known: the command's own default,
/// `--since`, or `--start` (and `--end`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RangeSpec {
    #[default]
    Default,
    Since(Duration),
    Between {
        start: Timestamp,
        end: Option<Timestamp>,
    },
}

impl RangeSpec {
    /// From the flags; local date-times are in the system time zone.
    pub fn parse(since: Option<Duration>, start: Option<&str>, end: Option<&str>) -> Result<Self> {
        Self::parse_in(since, start, end, &TimeZone::system())
    }

    pub fn parse_in(
        since: Option<Duration>,
        start: Option<&str>,
        end: Option<&str>,
        tz: &TimeZone,
    ) -> Result<Self> {
        if since.is_some() && (start.is_some() || end.is_some()) {
            return Err(Error::usage(
                "give either --since or --start/--end, not both",
            ));
        }
        Ok(match (since, start, end) {
            (_, None, Some(_)) => return Err(Error::usage("--end needs --start")),
            (_, Some(s), e) => RangeSpec::Between {
                start: parse_instant(s, tz)?,
                end: e.map(|e| parse_instant(e, tz)).transpose()?,
            },
            (Some(d), None, None) => RangeSpec::Since(d),
            (None, None, None) => RangeSpec::Default,
        })
    }

    /// The range at `now`; `default` is the command's own length back from now.
    pub fn resolve(&self, default: Duration, now: Timestamp) -> Result<TimeRange> {
        let back = |d: Duration| -> Result<Timestamp> {
            let d = SignedDuration::try_from(d).map_err(|e| Error::usage(e.to_string()))?;
            now.checked_sub(d)
                .map_err(|_| Error::usage("the time range reaches too far back"))
        };
        let range = match *self {
            RangeSpec::Between { start, end } => TimeRange {
                start,
                end: end.unwrap_or(now),
            },
            RangeSpec::Since(d) => TimeRange {
                start: back(d)?,
                end: now,
            },
            RangeSpec::Default => TimeRange {
                start: back(default)?,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-22T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn before_names_the_flag_when_too_long() {
        assert_eq!(
            before(now(), Duration::from_secs(86_400), "--since").unwrap(),
            "2026-11-21T12:00:00Z".parse::<Timestamp>().unwrap()
        );
        let e = before(now(), Duration::from_secs(u64::MAX / 2), "--older-than").unwrap_err();
        assert_eq!(e.to_string(), "--older-than is too long");
    }

    /// `--since`/`--start`/`--end` and a default, resolved at [`now`] in `tz`.
    fn range(
        since: Option<Duration>,
        start: Option<&str>,
        end: Option<&str>,
        default: Duration,
        now: Timestamp,
        tz: &TimeZone,
    ) -> Result<TimeRange> {
        RangeSpec::parse_in(since, start, end, tz)?.resolve(default, now)
    }

    #[test]
    fn weekdays_skip_the_weekend() {
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        // 2026-12-04 is a Friday: 18:00 JST plus one business day is Monday 18:00 JST.
        let friday = at("2026-12-04T09:00:00Z");
        assert_eq!(
            after_weekdays(friday, 1, &tokyo()),
            at("2026-12-07T09:00:00Z")
        );
        let tuesday = at("2026-12-01T09:00:00Z");
        assert_eq!(
            after_weekdays(tuesday, 1, &tokyo()),
            at("2026-12-02T09:00:00Z")
        );
        assert_eq!(after_weekdays(tuesday, 0, &tokyo()), tuesday);
    }

    fn tokyo() -> TimeZone {
        TimeZone::get("Asia/Tokyo").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(9)))
    }

    #[test]
    fn since_and_default() {
        let r = range(
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
        let r = range(
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
        let r = range(
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
        let r = range(
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
        let r = range(
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
            range(s, a, b, Duration::ZERO, now(), &tz).unwrap_err()
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
    fn durations() {
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(
            parse_duration("7d").unwrap(),
            Duration::from_secs(7 * 86400)
        );
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0s").is_err());
    }

    #[test]
    fn halves() {
        let r = range(
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

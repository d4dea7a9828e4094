//! From log lines and events to records: structured JSON messages (only the paths the query
//! reads are extracted, in one pass), CloudWatch Logs S3-export lines (a timestamp, a space, the
//! message), Lambda's platform lines (`REPORT RequestId: … Duration: …`), and events fetched from
//! CloudWatch or printed by `aws logs filter-log-events`.

use super::compile::{Plan, Source};
use super::json;
use super::value::Value;
use std::borrow::Cow;

/// One log event before field extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Event<'a> {
    pub message: &'a str,
    pub timestamp: Option<i64>,
    pub stream: Option<&'a str>,
    pub log: Option<&'a str>,
    pub ingestion: Option<i64>,
}

/// A line of a log file: a JSON message, an S3-export line, or plain text.
pub fn event_from_line<'a>(line: &'a str, log: Option<&'a str>) -> Event<'a> {
    if let Some((ts, rest)) = split_export_prefix(line) {
        return Event {
            message: rest,
            timestamp: Some(ts),
            log,
            ..Event::default()
        };
    }
    Event {
        message: line,
        log,
        ..Event::default()
    }
}

/// `2026-11-22T10:00:00.000Z message` → (epoch ms, message).
fn split_export_prefix(line: &str) -> Option<(i64, &str)> {
    let b = line.as_bytes();
    if b.len() < 21 || !b[0].is_ascii_digit() || b[4] != b'-' || b[10] != b'T' {
        return None;
    }
    let space = memchr::memchr(b' ', b)?;
    let stamp = &line[..space];
    let ms = iso_millis(stamp).or_else(|| {
        stamp
            .parse::<jiff::Timestamp>()
            .ok()
            .map(|t| t.as_millisecond())
    })?;
    Some((ms, &line[space + 1..]))
}

/// Fills a record's source slots.
pub struct Extractor {
    paths: json::Paths,
    /// (slot, index into what `json::find` finds) of each JSON source.
    json: Vec<(usize, usize)>,
    /// Index into what `json::find` finds of `timestamp`, for messages with no external
    /// timestamp.
    json_timestamp: Option<usize>,
    specials: Vec<(usize, Source)>,
    needs_report: bool,
}

/// Why a line gave no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    BrokenJson,
    /// Nested deeper than [`MAX_JSON_DEPTH`].
    TooDeep,
}

impl Unreadable {
    pub fn describe(self) -> &'static str {
        match self {
            Unreadable::BrokenJson => "broken JSON",
            Unreadable::TooDeep => "nested more than 32 levels",
        }
    }
}

/// How deep a log event's JSON may nest. The reader walks nested values recursively, so deeper
/// lines are counted as unreadable rather than risking the stack; service logs nest a few levels.
pub const MAX_JSON_DEPTH: usize = 32;

/// Whether `line`'s arrays and objects nest at most `max` deep. Lines with at most `max` opening
/// brackets in all (nearly every line) are passed on a count the compiler vectorises (byte lanes,
/// 255 bytes at a time so none overflows; a fifth faster than stopping at each bracket); the rest
/// are scanned, skipping strings.
pub fn nesting_within(line: &[u8], max: usize) -> bool {
    let opening: usize = line
        .chunks(255)
        .map(|c| {
            c.iter()
                .fold(0u8, |n, &b| n + u8::from(matches!(b, b'[' | b'{'))) as usize
        })
        .sum();
    if opening <= max {
        return true;
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in line {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

impl Extractor {
    pub fn new(plan: &Plan) -> Extractor {
        let mut paths = json::Paths::default();
        let mut json = Vec::new();
        let mut specials = Vec::new();
        for (slot, source) in plan.sources.iter().enumerate() {
            match source {
                Source::Json(path) => {
                    let path: Vec<&str> = path.iter().map(String::as_str).collect();
                    json.push((slot, paths.add(&path)));
                }
                other => specials.push((slot, other.clone())),
            }
        }
        let needs_timestamp = specials.iter().any(|(_, s)| *s == Source::Timestamp);
        let json_timestamp = needs_timestamp.then(|| paths.add(&["timestamp"]));
        let needs_report = specials.iter().any(|(_, s)| {
            matches!(
                s,
                Source::Duration
                    | Source::BilledDuration
                    | Source::MemorySize
                    | Source::MaxMemoryUsed
                    | Source::InitDuration
                    | Source::RequestId
                    | Source::Type
            )
        });
        Extractor {
            paths,
            json,
            json_timestamp,
            specials,
            needs_report,
        }
    }

    pub fn fill<'a>(&self, ev: &Event<'a>, row: &mut [Value<'a>]) -> Result<(), Unreadable> {
        let message = ev.message;
        let mut timestamp = ev.timestamp;
        let structured = message.starts_with('{');
        if structured
            && (!self.json.is_empty() || (timestamp.is_none() && self.json_timestamp.is_some()))
        {
            if !nesting_within(message.as_bytes(), MAX_JSON_DEPTH) {
                return Err(Unreadable::TooDeep);
            }
            // The fields are found lazily, without reading past the last one asked for: a line
            // cut short after them (a truncated event) would pass. An object ends with `}`.
            if !message.trim_end().ends_with('}') {
                return Err(Unreadable::BrokenJson);
            }
            let ts = FOUND.with_borrow_mut(|found| {
                found.resize(self.paths.len(), None);
                json::find(message, &self.paths, found).map_err(|_| Unreadable::BrokenJson)?;
                for (slot, i) in &self.json {
                    row[*slot] = match found[*i] {
                        Some(f) => json_value(message, f)?,
                        None => Value::Null,
                    };
                }
                Ok(self
                    .json_timestamp
                    .and_then(|i| found[i])
                    .map(|f| json_value(message, f))
                    .transpose()?
                    .and_then(|v| parse_timestamp(&v)))
            })?;
            timestamp = timestamp.or(ts);
        } else {
            for (slot, _) in &self.json {
                row[*slot] = Value::Null;
            }
        }
        let report = if !self.needs_report {
            None
        } else if message.starts_with("REPORT ") {
            Some(Report::parse(message))
        } else if structured && message.contains("\"platform.report\"") {
            Report::from_json(message)
        } else {
            None
        };
        for (slot, source) in &self.specials {
            row[*slot] = match source {
                Source::Timestamp => timestamp.map(Value::Time).unwrap_or(Value::Null),
                Source::Message => Value::str(message),
                Source::LogStream => ev.stream.map(Value::str).unwrap_or(Value::Null),
                Source::Log => ev.log.map(Value::str).unwrap_or(Value::Null),
                Source::IngestionTime => ev.ingestion.map(Value::Time).unwrap_or(Value::Null),
                Source::Json(_) => unreachable!("JSON sources are not special"),
                lambda => report
                    .as_ref()
                    .map(|r| r.field(lambda))
                    .unwrap_or(Value::Null),
            };
        }
        Ok(())
    }
}

thread_local! {
    /// What `json::find` found in the current line, kept for the next.
    static FOUND: std::cell::RefCell<Vec<Option<json::Found>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A found JSON value as a record value: text is borrowed from the line unless it holds
/// escapes; objects and arrays show as their JSON text, as in Logs Insights.
fn json_value(line: &str, f: json::Found) -> Result<Value<'_>, Unreadable> {
    let text = f.text(line);
    Ok(match f.kind {
        json::Kind::Null => Value::Null,
        json::Kind::Bool(b) => Value::Bool(b),
        // The JSON number grammar is narrower than what f64 parses; what matters is that what
        // is not a finite number is not read as one.
        json::Kind::Num => match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Value::Num(n),
            _ => return Err(Unreadable::BrokenJson),
        },
        json::Kind::Str { escaped: false } | json::Kind::Structure => Value::str(text),
        json::Kind::Str { escaped: true } => Value::Str(Cow::Owned(
            serde_json::from_str::<String>(&line[f.start - 1..f.end + 1])
                .map_err(|_| Unreadable::BrokenJson)?,
        )),
    })
}

fn parse_timestamp(v: &Value<'_>) -> Option<i64> {
    match v {
        Value::Num(n) if *n > 1e11 => Some(*n as i64),
        Value::Num(n) => Some((*n * 1000.0) as i64),
        Value::Str(s) => iso_millis(s).or_else(|| {
            s.parse::<jiff::Timestamp>()
                .ok()
                .map(|t| t.as_millisecond())
        }),
        _ => None,
    }
}

thread_local! {
    /// The last minute `iso_millis` read (`YYYY-MM-DDTHH:MM`) and its epoch milliseconds: log
    /// lines come in time order, so most share the minute of the line before.
    static MINUTE: std::cell::Cell<Option<([u8; 16], i64)>> = const { std::cell::Cell::new(None) };
}

/// The services log `YYYY-MM-DDTHH:MM:SS[.fff]Z`; reading that shape directly is several times
/// faster than a general RFC 3339 parser, which still handles every other shape.
fn iso_millis(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits(&b[r]);
    let prefix: [u8; 16] = b[..16].try_into().expect("sixteen bytes");
    let minute = match MINUTE.get() {
        Some((p, ms)) if p == prefix => ms,
        _ => {
            let ms = minute_millis(&prefix)?;
            MINUTE.set(Some((prefix, ms)));
            ms
        }
    };
    let ss = num(17..19)?;
    let millis = match &b[19..] {
        [b'Z'] => 0,
        [b'.', frac @ .., b'Z'] if !frac.is_empty() && frac.iter().all(u8::is_ascii_digit) => frac
            .iter()
            .chain(std::iter::repeat(&b'0'))
            .take(3)
            .fold(0, |n, c| n * 10 + i64::from(c - b'0')),
        _ => return None,
    };
    (ss <= 59).then_some(minute + ss * 1000 + millis)
}

/// The decimal number `b` spells, if it is all digits.
fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// `YYYY-MM-DDTHH:MM` as epoch milliseconds, if it is a real minute.
fn minute_millis(b: &[u8; 16]) -> Option<i64> {
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits(&b[r]);
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm) = (num(11..13)?, num(14..16)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] || hh > 23 || mm > 59 {
        return None;
    }
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 24 + hh) * 60 + mm) * 60_000)
}

/// Lambda's `REPORT` line: `REPORT RequestId: <id>\tDuration: 1.23 ms\tBilled Duration: 2 ms\t
/// Memory Size: 1024 MB\tMax Memory Used: 300 MB\tInit Duration: 200.1 ms`.
struct Report<'a> {
    request_id: Option<&'a str>,
    duration: Option<f64>,
    billed: Option<f64>,
    memory: Option<f64>,
    used: Option<f64>,
    init: Option<f64>,
}

impl<'a> Report<'a> {
    fn parse(line: &'a str) -> Report<'a> {
        let mut r = Report {
            request_id: None,
            duration: None,
            billed: None,
            memory: None,
            used: None,
            init: None,
        };
        let body = line.strip_prefix("REPORT ").unwrap_or(line);
        // Fields split at tabs, keys at the first `:`, found with memchr: this runs for every
        // REPORT line of a month of exports.
        let mut rest = body;
        while !rest.is_empty() {
            let end = memchr::memchr(b'\t', rest.as_bytes()).unwrap_or(rest.len());
            let part = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or("");
            let Some(colon) = memchr::memchr(b':', part.as_bytes()) else {
                continue;
            };
            let (key, value) = (&part[..colon], part[colon + 1..].trim());
            let number = || {
                let end = memchr::memchr(b' ', value.as_bytes()).unwrap_or(value.len());
                value[..end].parse::<f64>().ok()
            };
            match key.trim() {
                "RequestId" => r.request_id = Some(value),
                "Duration" => r.duration = number(),
                "Billed Duration" => r.billed = number(),
                // Logs Insights reports memory in bytes (1 MB = 1,000,000 bytes).
                "Memory Size" => r.memory = number().map(|mb| mb * 1e6),
                "Max Memory Used" => r.used = number().map(|mb| mb * 1e6),
                "Init Duration" => r.init = number(),
                _ => {}
            }
        }
        r
    }

    /// Lambda's JSON log format: `{"time", "type": "platform.report", "record": {"requestId",
    /// "metrics": {"durationMs", "billedDurationMs", "memorySizeMB", "maxMemoryUsedMB",
    /// "initDurationMs"}}}`, read into the same fields as the text line.
    fn from_json(line: &'a str) -> Option<Report<'a>> {
        #[derive(serde::Deserialize)]
        struct Line<'a> {
            #[serde(rename = "type")]
            kind: &'a str,
            #[serde(borrow)]
            record: Record<'a>,
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Record<'a> {
            request_id: Option<&'a str>,
            #[serde(default)]
            metrics: Metrics,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(rename_all = "camelCase")]
        struct Metrics {
            duration_ms: Option<f64>,
            billed_duration_ms: Option<f64>,
            #[serde(rename = "memorySizeMB")]
            memory_size_mb: Option<f64>,
            #[serde(rename = "maxMemoryUsedMB")]
            max_memory_used_mb: Option<f64>,
            init_duration_ms: Option<f64>,
        }
        if !nesting_within(line.as_bytes(), MAX_JSON_DEPTH) {
            return None;
        }
        let l: Line<'a> = serde_json::from_str(line).ok()?;
        let m = l.record.metrics;
        (l.kind == "platform.report").then_some(Report {
            request_id: l.record.request_id,
            duration: m.duration_ms,
            billed: m.billed_duration_ms,
            memory: m.memory_size_mb.map(|mb| mb * 1e6),
            used: m.max_memory_used_mb.map(|mb| mb * 1e6),
            init: m.init_duration_ms,
        })
    }

    fn field(&self, source: &Source) -> Value<'a> {
        let num = |v: Option<f64>| v.map(Value::Num).unwrap_or(Value::Null);
        match source {
            Source::Duration => num(self.duration),
            Source::BilledDuration => num(self.billed),
            Source::MemorySize => num(self.memory),
            Source::MaxMemoryUsed => num(self.used),
            Source::InitDuration => num(self.init),
            Source::RequestId => self.request_id.map(Value::str).unwrap_or(Value::Null),
            Source::Type => Value::str("REPORT"),
            _ => Value::Null,
        }
    }
}

/// One event of the `aws logs filter-log-events` output:
/// `{"events": [{"logStreamName", "timestamp", "message", "ingestionTime"}, ...]}`.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocEvent {
    pub log_stream_name: Option<String>,
    pub timestamp: Option<i64>,
    pub message: String,
    pub ingestion_time: Option<i64>,
}

/// Reads an `aws logs filter-log-events` document (`{"events": [...], ...}`) event by event,
/// handing each to `each` as it is parsed, so the document's size does not matter. A string
/// longer than `max_string` bytes (no CloudWatch Logs event is over 1 MB) ends the reading with
/// an error rather than a buffer the size of the input.
pub fn stream_filter_log_events(
    reader: impl std::io::Read,
    max_string: usize,
    each: &mut dyn FnMut(DocEvent),
) -> std::io::Result<()> {
    use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

    struct Doc<'f>(&'f mut dyn FnMut(DocEvent));
    struct Events<'f>(&'f mut dyn FnMut(DocEvent));

    impl<'de> DeserializeSeed<'de> for Doc<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Doc<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a filter-log-events document")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "events" {
                    map.next_value_seed(Events(&mut *self.0))?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }
    impl<'de> DeserializeSeed<'de> for Events<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }
    impl<'de> Visitor<'de> for Events<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of events")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(e) = seq.next_element::<DocEvent>()? {
                (self.0)(e);
            }
            Ok(())
        }
    }

    let guarded = StringGuard {
        inner: reader,
        max: max_string,
        run: 0,
        in_string: false,
        escaped: false,
    };
    let mut de = serde_json::Deserializer::from_reader(guarded);
    Doc(each)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(std::io::Error::other)
}

/// Passes bytes through, failing once any JSON string runs longer than `max` bytes.
struct StringGuard<R> {
    inner: R,
    max: usize,
    run: usize,
    in_string: bool,
    escaped: bool,
}

impl<R: std::io::Read> std::io::Read for StringGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if self.in_string {
                self.run += 1;
                match b {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
                if self.run > self.max {
                    return Err(std::io::Error::other(format!(
                        "a value longer than {} MiB: not a CloudWatch Logs event",
                        self.max >> 20
                    )));
                }
            } else if b == b'"' {
                self.in_string = true;
                self.run = 0;
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{compile::compile, parser::parse};
    use super::*;

    fn extract<'a>(query: &str, ev: Event<'a>) -> Vec<(String, Value<'a>)> {
        let plan = compile(&parse(query).unwrap(), &Default::default(), &[]).unwrap();
        let x = Extractor::new(&plan);
        let mut row = vec![Value::Null; plan.record_slots];
        x.fill(&ev, &mut row).unwrap();
        plan.output
            .iter()
            .map(|(n, s)| (n.clone(), row[*s].clone()))
            .collect()
    }

    #[test]
    fn json_paths_and_fallback_timestamp() {
        let line = r#"{"timestamp":"2026-11-22T10:00:00.000Z","level":"ERROR","error":{"code":"AI_ERROR","message":"\u4e0d\u6b63"},"n":3}"#;
        let got = extract(
            "fields @timestamp, error.code, error.message, n, missing",
            event_from_line(line, None),
        );
        assert_eq!(got[0].1.display(), "2026-11-22 10:00:00.000");
        assert_eq!(got[1].1.display(), "AI_ERROR");
        assert_eq!(got[2].1.display(), "不正", "escapes are decoded");
        assert_eq!(got[3].1.as_num(), Some(3.0));
        assert!(got[4].1.is_null());
    }

    #[test]
    fn export_lines_carry_their_timestamp() {
        let ev = event_from_line(
            r#"2026-11-22T10:00:00.000Z {"level":"INFO"}"#,
            Some("export.gz"),
        );
        assert_eq!(ev.timestamp, Some(1795341600000));
        assert_eq!(ev.message, r#"{"level":"INFO"}"#);
    }

    #[test]
    fn lambda_json_platform_report_reads_like_the_text_line() {
        // Lambda's JSON log format (LoggingConfig LogFormat=JSON), as the Lambda docs show it.
        let json = r#"{"time":"2026-12-04T01:00:00.000Z","type":"platform.report","record":{"requestId":"3f1c","metrics":{"durationMs":1234.56,"billedDurationMs":1235,"memorySizeMB":1024,"maxMemoryUsedMB":312,"initDurationMs":250.12},"status":"success"}}"#;
        let text = "REPORT RequestId: 3f1c\tDuration: 1234.56 ms\tBilled Duration: 1235 ms\tMemory Size: 1024 MB\tMax Memory Used: 312 MB\tInit Duration: 250.12 ms";
        let q = "fields @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration, @requestId, @type";
        let shown = |line| -> Vec<String> {
            extract(q, event_from_line(line, None))
                .iter()
                .map(|(_, v)| v.display().to_string())
                .collect()
        };
        assert_eq!(shown(json), shown(text));
        assert_eq!(shown(json)[2], "1024000000");
        // Other platform records are not reports.
        let start = r#"{"time":"2026-12-04T01:00:00.000Z","type":"platform.start","record":{"requestId":"3f1c"}}"#;
        assert!(
            extract("fields @type", event_from_line(start, None))[0]
                .1
                .is_null()
        );
    }

    #[test]
    fn report_lines_give_lambda_fields() {
        let line = "REPORT RequestId: 3f1c\tDuration: 1234.56 ms\tBilled Duration: 1235 ms\tMemory Size: 1024 MB\tMax Memory Used: 312 MB\tInit Duration: 250.12 ms";
        let got = extract(
            "fields @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration, @requestId, @type",
            event_from_line(line, None),
        );
        let nums: Vec<Option<f64>> = got.iter().take(5).map(|(_, v)| v.as_num()).collect();
        assert_eq!(
            nums,
            [
                Some(1234.56),
                Some(1235.0),
                Some(1024e6),
                Some(312e6),
                Some(250.12)
            ]
        );
        assert_eq!(got[5].1.display(), "3f1c");
        assert_eq!(got[6].1.display(), "REPORT");
    }

    #[test]
    fn fast_timestamps_agree_with_jiff() {
        for t in [
            "2026-11-22T10:00:00.000Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59.999Z",
            "2024-12-31T12:34:56.7Z",
            "1999-03-01T00:00:00.123456Z",
        ] {
            let want = t.parse::<jiff::Timestamp>().unwrap().as_millisecond();
            assert_eq!(iso_millis(t), Some(want), "{t}");
            // Read again with its minute remembered, and a later second of it.
            assert_eq!(iso_millis(t), Some(want), "{t}");
            let later = format!("{}59Z", &t[..17]);
            let want = later.parse::<jiff::Timestamp>().unwrap().as_millisecond();
            assert_eq!(iso_millis(&later), Some(want), "{later}");
        }
        for bad in [
            "2026-11-22 10:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-22T10:00:00+09:00",
            "2026-11-22T10:00:00.Z",
            "nope",
            // The minute is the one read last; the seconds are still checked.
            "2026-11-22T10:00:60Z",
            "2026-11-22T10:00:1xZ",
            "2026-11-22T10:00",
        ] {
            assert_eq!(iso_millis(bad), None, "{bad}");
        }
    }

    #[test]
    fn broken_json_is_unreadable() {
        let plan = compile(&parse("fields level").unwrap(), &Default::default(), &[]).unwrap();
        let x = Extractor::new(&plan);
        let mut row = vec![Value::Null; plan.record_slots];
        assert_eq!(
            x.fill(&event_from_line(r#"{"level": "ERR"#, None), &mut row),
            Err(Unreadable::BrokenJson)
        );
        // Cut short after the field asked for.
        assert_eq!(
            x.fill(&event_from_line(r#"{"level": "ERROR","#, None), &mut row),
            Err(Unreadable::BrokenJson)
        );
    }
}

//! One log event as a line of a timeline: its time, function, level and the event in a few
//! words (`process show`, `process logs`, `logs tail`).

use crate::aws::logs::Event;
use crate::output::{Cell, Table, Tone};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

pub const HEADERS: [&str; 4] = ["time", "function", "level", "message"];

#[derive(Debug, Clone, Serialize)]
pub struct LogLine {
    pub at: Timestamp,
    /// The function (the log group without `/aws/lambda/`).
    pub group: String,
    pub stream: String,
    pub level: String,
    /// The event in a line: message, status and progress, error code and message.
    pub message: String,
    /// The event whole: its JSON, or the text of a non-JSON line.
    pub event: Value,
}

impl LogLine {
    pub fn from_event(e: &Event) -> Option<LogLine> {
        let at = Timestamp::from_millisecond(e.timestamp).ok()?;
        let event = serde_json::from_str::<Value>(&e.message)
            .ok()
            .filter(Value::is_object)
            .unwrap_or_else(|| Value::String(e.message.clone()));
        let text = |p: &str| event.pointer(p).and_then(Value::as_str).unwrap_or_default();
        let mut message = text("/message").to_string();
        if let Some(status) = event.get("status").and_then(Value::as_str) {
            let progress = event.get("progress").and_then(Value::as_i64);
            message = format!("{message} [{status} {}%]", progress.unwrap_or_default());
        }
        if !text("/error/code").is_empty() {
            message = format!(
                "{message} ({}: {})",
                text("/error/code"),
                text("/error/message")
            );
        }
        if message.is_empty() {
            message = e.message.clone();
        }
        Some(LogLine {
            at,
            group: e.group.trim_start_matches("/aws/lambda/").to_string(),
            stream: e.stream.clone(),
            level: text("/level").to_string(),
            message: message.trim().to_string(),
            event,
        })
    }

    /// The line's cells; a context line (`logs tail -C`) is dimmed.
    pub fn cells(&self, context: bool) -> [Cell; 4] {
        let tone = match self.level.as_str() {
            _ if context => Tone::Dim,
            "ERROR" => Tone::Bad,
            "WARN" => Tone::Warn,
            _ => Tone::Plain,
        };
        let plain = if context { Tone::Dim } else { Tone::Plain };
        [
            Cell::toned(self.at.strftime("%H:%M:%S%.3f").to_string(), plain),
            Cell::toned(&self.group, plain),
            Cell::toned(&self.level, tone),
            Cell::toned(&self.message, plain),
        ]
    }
}

/// A timeline as a table, for `process show` and `process logs`.
pub fn table(lines: &[LogLine]) -> Table {
    let mut t = Table::new(HEADERS);
    for l in lines {
        t.row(l.cells(false));
    }
    t
}

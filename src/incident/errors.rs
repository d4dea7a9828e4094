//! The ERROR events of every function in an incident's window, for the timeline (the first of
//! each code) and the impact (how many, and what they cost).

use crate::config::Component;
use crate::context::Context;
use crate::logs::line::LogLine;
use jiff::Timestamp;

/// Error events read per function; past it, counts are "at least" and a note says so.
const PER_FUNCTION: usize = 10_000;

pub struct Read {
    pub lines: Vec<LogLine>,
    /// Groups that could not be read, each with why.
    pub unread: Vec<String>,
    pub notes: Vec<String>,
}

pub async fn read(ctx: &Context, from: Timestamp, to: Timestamp) -> Read {
    let mut read = Read {
        lines: Vec::new(),
        unread: Vec::new(),
        notes: Vec::new(),
    };
    let (aws, env) = match (ctx.aws().await, ctx.env()) {
        (Ok(aws), Ok(env)) => (aws, env),
        (Err(e), _) | (_, Err(e)) => {
            read.unread.push(format!("errors in the logs: {e}"));
            return read;
        }
    };
    for c in Component::functions() {
        let group = env.names.log_group(c);
        match crate::aws::logs::filter(aws, &group, Some("ERROR"), from, to, PER_FUNCTION).await {
            Ok(events) => {
                if events.len() >= PER_FUNCTION {
                    read.notes.push(format!(
                        "errors in {group}: the first {PER_FUNCTION} error events were read; counts are at least"
                    ));
                }
                // The pattern narrows what is read; the level decides (some endpoints ignore
                // patterns, and "ERROR" also matches words in messages).
                read.lines.extend(
                    events
                        .iter()
                        .filter_map(LogLine::from_event)
                        .filter(|l| l.level == "ERROR"),
                );
            }
            Err(e) => read.unread.push(format!("errors in {group}: {e}")),
        }
    }
    read
}

/// An error event's code (004 エラーコード一覧: `error.code`), else its error type.
pub fn code(line: &LogLine) -> &str {
    ["/error/code", "/errorType", "/error/name"]
        .iter()
        .find_map(|p| line.event.pointer(p).and_then(|v| v.as_str()))
        .unwrap_or("no code")
}

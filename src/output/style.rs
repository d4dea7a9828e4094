//! The colour map, written once: each tone's ANSI style for terminals, its comfy-table colour,
//! and its CSS class (`.ok`, `.warn`, …) for HTML.

use super::Tone;
use comfy_table::Color;

pub struct Style {
    /// The SGR code (`31` red), empty for none.
    pub ansi: &'static str,
    pub table: Option<Color>,
    pub css: &'static str,
}

pub fn of(tone: Tone) -> Style {
    let (ansi, table, css) = match tone {
        Tone::Plain => ("", None, ""),
        Tone::Good => ("32", Some(Color::Green), "ok"),
        Tone::Warn => ("33", Some(Color::Yellow), "warn"),
        Tone::Bad => ("31", Some(Color::Red), "critical"),
        Tone::Unknown => ("35", Some(Color::Magenta), "unknown"),
        Tone::Dim => ("2", Some(Color::DarkGrey), "dim"),
    };
    Style { ansi, table, css }
}

/// The CSS that goes with the classes above, for the self-contained HTML page.
pub const CSS: &str = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;\
color:#222}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;\
padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}.ok{color:#1a7f37}\
.warn{color:#9a6700}.critical{color:#cf222e}.unknown{color:#8250df}.dim{color:#777}\
.chart{margin:.5em 0}code,pre{background:#f3f3f3;padding:0 .2em}pre{padding:.5em;overflow-x:auto}";

/// `text` in the tone's colour (bold if asked) as ANSI escape codes.
pub fn paint(text: &str, tone: Tone, bold: bool) -> String {
    match (of(tone).ansi, bold) {
        ("", false) => text.to_string(),
        ("", true) => format!("\x1b[1m{text}\x1b[0m"),
        (c, true) => format!("\x1b[1;{c}m{text}\x1b[0m"),
        (c, false) => format!("\x1b[{c}m{text}\x1b[0m"),
    }
}

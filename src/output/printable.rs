//! Text from outside (log lines, names, error messages that quote input) made safe for a
//! terminal. A log line is anyone's text: an escape sequence in it would move the cursor, retitle
//! the window or hide what follows, and a right-to-left override would show a line other than the
//! one read. Such characters are shown escaped (`\u{1b}`, `\r`, `\u{202e}`), as Rust writes them,
//! so nothing a line holds acts on the terminal and nothing is hidden. JSON and CSV output carry
//! the text as it is: those are read by programs, and JSON escapes control characters itself.

use std::borrow::Cow;

/// Whether `c` acts on a terminal instead of showing: control characters (C0, DEL, C1) and the
/// bidirectional overrides and isolates.
fn acts(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with what would act on a terminal escaped; line breaks and tabs are kept.
pub fn text(text: &str) -> Cow<'_, str> {
    shown(text, false)
}

/// `text` for one cell of an aligned table or stream: as [`text`], and a tab is a space, since a
/// tab moves to the terminal's next tab stop and breaks the columns.
pub fn cell(text: &str) -> Cow<'_, str> {
    shown(text, true)
}

fn shown(text: &str, in_cell: bool) -> Cow<'_, str> {
    let changes = |c: char| c != '\n' && (acts(c) && (c != '\t' || in_cell));
    if !text.chars().any(changes) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' if in_cell => out.push(' '),
            c if changes(c) => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_acts_on_a_terminal_is_shown_escaped() {
        let line = "ok\x1b[2J\x1b]0;owned\x07 \r\u{9b}31m a\u{202e}b\u{2066}";
        assert_eq!(
            text(line),
            r"ok\u{1b}[2J\u{1b}]0;owned\u{7} \r\u{9b}31m a\u{202e}b\u{2066}"
        );
        assert!(!text(line).chars().any(acts));
    }

    #[test]
    fn line_breaks_stay_and_tabs_are_spaces_only_in_cells() {
        let lambda = "2026-12-05T10:00:00.000Z\tc0ffee\tINFO\tline one\nline two";
        assert!(matches!(text(lambda), Cow::Borrowed(_)));
        assert_eq!(
            cell(lambda),
            "2026-12-05T10:00:00.000Z c0ffee INFO line one\nline two"
        );
        assert!(matches!(cell("日本語 plain"), Cow::Borrowed(_)));
    }
}

//! `pattern`: log lines clustered by their shared text. The service's clustering is its own
//! model; here a line's pattern is its text with every token that varies masked as `<*>`, the
//! form the `pattern` page shows ("`[INFO] Request time: <*> ms` is a potential output for the
//! log message `[INFO] Request time: 327 ms`"). Lines with the same pattern are one cluster.

/// Where tokens end: whitespace and the punctuation that frames values in log lines (JSON,
/// `key=value`, paths, brackets).
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || "\"'`,;:=()[]{}<>|/\\&?".contains(c)
}

/// A token that varies between lines of one kind: it holds a digit (numbers, times, ids, IP
/// addresses, versions), or it is a long run of hex digits (hashes).
fn is_dynamic(token: &str) -> bool {
    token.bytes().any(|b| b.is_ascii_digit())
        || (token.len() >= 8 && token.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The pattern of one line: each dynamic token is `<*>`, and dynamic tokens joined only by
/// `:` or `,` are one (`12:30:45.120`, `[1,2,3]`), so a time or a list of any length gives
/// one pattern.
pub fn of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Whether `out` ends with `<*>` followed only by joining punctuation, and where that
    // punctuation starts.
    let mut open: Option<usize> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if is_delimiter(c) {
            match open {
                Some(_) if matches!(c, ':' | ',') => {}
                _ => open = None,
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest.find(is_delimiter).unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        if is_dynamic(token) {
            match open {
                // Joined to the `<*>` before: drop the joining punctuation.
                Some(at) => out.truncate(at),
                None => out.push_str("<*>"),
            }
            open = Some(out.len());
        } else {
            out.push_str(token);
            open = None;
        }
    }
    out
}

/// The severity a pattern's text names, as the service labels it: the first level word among
/// its tokens. None when it names none.
pub fn severity(pattern: &str) -> Option<&'static str> {
    pattern
        .split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|word| {
            Some(match word.to_ascii_uppercase().as_str() {
                "FATAL" | "CRITICAL" | "CRIT" | "ERROR" | "ERR" | "SEVERE" | "PANIC" | "EMERG"
                | "ALERT" => "Error",
                "WARN" | "WARNING" => "Warning",
                "INFO" | "NOTICE" => "Info",
                "DEBUG" | "TRACE" => "Debug",
                _ => return None,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example() {
        // CWL_QuerySyntax-Pattern: "[INFO] Request time: <*> ms is a potential output for
        // the log message [INFO] Request time: 327 ms".
        assert_eq!(
            of("[INFO] Request time: 327 ms"),
            "[INFO] Request time: <*> ms"
        );
        assert_eq!(severity("[INFO] Request time: <*> ms"), Some("Info"));
    }

    #[test]
    fn lines_of_one_kind_share_a_pattern() {
        let report = |id: &str, d: &str, m: u32| {
            format!(
                "REPORT RequestId: {id}\tDuration: {d} ms\tBilled Duration: 103 ms\tMemory Size: 128 MB\tMax Memory Used: {m} MB\t"
            )
        };
        let a = of(&report(
            "8f5e2c1a-0b6d-4c1e-9b2d-3a4b5c6d7e8f",
            "102.25",
            70,
        ));
        let b = of(&report("1c2d3e4f-5a6b-4c1e-9b2d-000000000001", "9.10", 128));
        assert_eq!(a, b);
        assert_eq!(
            a,
            "REPORT RequestId: <*>\tDuration: <*> ms\tBilled Duration: <*> ms\tMemory Size: <*> MB\tMax Memory Used: <*> MB\t"
        );
        assert_eq!(severity(&a), None);
    }

    #[test]
    fn times_lists_and_json_values() {
        assert_eq!(
            of("2026-12-03T10:15:00.123Z ERROR retry [1,2,3] of job 42"),
            "<*> ERROR retry [<*>] of job <*>"
        );
        assert_eq!(
            of(r#"{"level":"ERROR","requestId":"req-17","error":{"code":"AI_ERROR"},"ms":1234}"#),
            r#"{"level":"ERROR","requestId":"<*>","error":{"code":"AI_ERROR"},"ms":<*>}"#
        );
        assert_eq!(
            of("GET /api/goals/123/tasks 10.0.0.1"),
            "GET /api/goals/<*>/tasks <*>"
        );
        assert_eq!(of("hash deadbeefcafe done"), "hash <*> done");
        assert_eq!(of(""), "");
        assert_eq!(of("日本語 の ログ 3 件"), "日本語 の ログ <*> 件");
    }

    proptest::proptest! {
        /// Any text has a pattern, and a pattern is its own pattern: masking is stable.
        #[test]
        fn masking_is_total_and_stable(text in "\\PC{0,80}") {
            let p = of(&text);
            proptest::prop_assert_eq!(of(&p), p.clone());
            let _ = severity(&p);
        }
    }

    #[test]
    fn severity_words() {
        assert_eq!(severity("Task timed out; WARN: <*>"), Some("Warning"));
        assert_eq!(severity("fatal: out of memory"), Some("Error"));
        assert_eq!(severity("debug <*>"), Some("Debug"));
        assert_eq!(severity("INFORMATION only"), None);
    }
}

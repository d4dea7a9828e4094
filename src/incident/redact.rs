//! Secrets taken out of captured evidence before it is written: an incident bundle is shared,
//! attached to tickets and archived, and log events carry whatever the code logged.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

const HIDDEN: &str = "****";

static RULES: LazyLock<Vec<(Regex, String)>> = LazyLock::new(|| {
    let keys = r"[A-Za-z_-]*(?i:password|passwd|secret|token|api_?key|authorization|credential|private_?key)[A-Za-z_-]*";
    [
        // scheme://user:password@host — up to the last `@` of the authority, so a password
        // holding an unencoded `@` is hidden whole.
        (
            r#"([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s"']+:)[^\s"'/]*@"#.to_string(),
            format!("${{1}}{HIDDEN}@"),
        ),
        // "password": "…" in JSON (escaped quotes included).
        (
            format!(r#"("{keys}"\s*:\s*)"(?:[^"\\]|\\.)*""#),
            format!("${{1}}\"{HIDDEN}\""),
        ),
        // password=… in query strings, connection strings and key=value logs.
        (
            format!(r#"\b({keys})=[^\s&"',;]+"#),
            format!("${{1}}={HIDDEN}"),
        ),
        // Authorization headers.
        (
            r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}".to_string(),
            format!("${{1}} {HIDDEN}"),
        ),
        // AWS access key ids.
        (
            r"\b((?:AKIA|ASIA)[0-9A-Z]{4})[0-9A-Z]{12}\b".to_string(),
            format!("${{1}}{HIDDEN}"),
        ),
    ]
    .into_iter()
    .map(|(re, to)| (Regex::new(&re).expect("redaction pattern"), to))
    .collect()
});

/// `text` with every secret the rules know replaced by `****`.
pub fn secrets(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    for (re, to) in RULES.iter() {
        if re.is_match(&out) {
            out = Cow::Owned(re.replace_all(&out, to.as_str()).into_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::secrets;

    #[test]
    fn every_shape_of_secret_is_hidden() {
        for (input, secret) in [
            (
                "connecting to postgres://ops:Super@SuperSecret123@127.0.0.1:1/ops failed",
                "SuperSecret123",
            ),
            (r#"{"db":{"password":"hun\"ter2"},"x":1}"#, "hun"),
            (r#"{"apiKey": "k-123456789"}"#, "k-123456789"),
            ("host=h password=pw123 user=u", "pw123"),
            ("GET /x?token=abcdef123&y=1", "abcdef123"),
            (
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig",
                "eyJhbGci",
            ),
            ("key AKIAIOSFODNN7EXAMPLE used", "IOSFODNN7EXAMPLE"),
            (
                r#"{"AWS_SECRET_ACCESS_KEY":"wJalrXUtnFEMI/K7MDENG"}"#,
                "wJalr",
            ),
        ] {
            let out = secrets(input);
            assert!(!out.contains(secret), "{input} → {out}");
            assert!(out.contains("****"), "{input} → {out}");
        }
        let plain = r#"{"level":"ERROR","message":"token count 120","tokensUsed":1200}"#;
        assert_eq!(secrets(plain), plain, "numbers and words about tokens stay");
    }
}

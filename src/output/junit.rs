//! JUnit XML (`-o junit`), the report format CI systems (Jenkins, GitLab, GitHub Actions'
//! test reporters) show test by test: one test case per check, a failure for each finding, a
//! skipped case for what could not be judged, with its reason.

use crate::error::{Error, Result};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

/// One test case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub name: String,
    /// The group a CI system files the case under (`health.lambda`).
    pub classname: String,
    pub seconds: f64,
    pub verdict: Verdict,
    /// The case's detail, shown in the CI system as its output.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Passed,
    /// A finding: `kind` is its severity (`warn`, `critical`).
    Failed {
        kind: String,
        message: String,
    },
    Skipped {
        message: String,
    },
}

/// A suite of cases, as one report's worth.
#[derive(Debug, Clone, PartialEq)]
pub struct Suite {
    pub name: String,
    pub seconds: f64,
    pub cases: Vec<Case>,
}

/// XML 1.0 allows no control characters but tab, newline and carriage return, escaped or not:
/// text from AWS or a log line is cleaned before it is written.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn secs(s: f64) -> String {
    format!("{:.3}", s.max(0.0))
}

/// One `testsuites` document: a suite per report (per environment, in a fleet run).
pub fn render(suites: &[Suite]) -> Result<String> {
    let io = |e: std::io::Error| Error::internal(format!("writing JUnit XML: {e}"));
    let count =
        |s: &Suite, f: fn(&Verdict) -> bool| s.cases.iter().filter(|c| f(&c.verdict)).count();
    let failed = |s: &Suite| count(s, |v| matches!(v, Verdict::Failed { .. }));
    let skipped = |s: &Suite| count(s, |v| matches!(v, Verdict::Skipped { .. }));
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    let tests = suites
        .iter()
        .map(|s| s.cases.len())
        .sum::<usize>()
        .to_string();
    let failures = suites.iter().map(failed).sum::<usize>().to_string();
    let total = secs(suites.iter().map(|s| s.seconds).fold(0.0, f64::max));
    let names: Vec<String> = suites.iter().map(|s| clean(&s.name)).collect();
    let name = names.join(", ");
    w.create_element("testsuites")
        .with_attributes([
            ("name", name.as_str()),
            ("tests", tests.as_str()),
            ("failures", failures.as_str()),
            ("errors", "0"),
            ("time", total.as_str()),
        ])
        .write_inner_content(|w| {
            for (suite, name) in suites.iter().zip(&names) {
                let (tests, failures, skipped, time) = (
                    suite.cases.len().to_string(),
                    failed(suite).to_string(),
                    skipped(suite).to_string(),
                    secs(suite.seconds),
                );
                w.create_element("testsuite")
                    .with_attributes([
                        ("name", name.as_str()),
                        ("tests", tests.as_str()),
                        ("failures", failures.as_str()),
                        ("errors", "0"),
                        ("skipped", skipped.as_str()),
                        ("time", time.as_str()),
                    ])
                    .write_inner_content(|w| {
                        for case in &suite.cases {
                            write_case(w, case)?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })
        .map_err(io)?;
    let mut text = String::from_utf8(w.into_inner())
        .map_err(|e| Error::internal(format!("writing JUnit XML: {e}")))?;
    text.push('\n');
    Ok(text)
}

fn write_case(w: &mut Writer<Vec<u8>>, case: &Case) -> std::io::Result<()> {
    let (name, classname, time) = (
        clean(&case.name),
        clean(&case.classname),
        secs(case.seconds),
    );
    let detail = clean(&case.detail);
    w.create_element("testcase")
        .with_attributes([
            ("name", name.as_str()),
            ("classname", classname.as_str()),
            ("time", time.as_str()),
        ])
        .write_inner_content(|w| {
            match &case.verdict {
                Verdict::Passed => {}
                Verdict::Failed { kind, message } => {
                    w.create_element("failure")
                        .with_attributes([
                            ("type", clean(kind).as_str()),
                            ("message", clean(message).as_str()),
                        ])
                        .write_text_content(BytesText::new(&detail))?;
                }
                Verdict::Skipped { message } => {
                    w.create_element("skipped")
                        .with_attribute(("message", clean(message).as_str()))
                        .write_empty()?;
                }
            }
            w.create_element("system-out")
                .write_text_content(BytesText::new(&detail))?;
            Ok(())
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, verdict: Verdict) -> Case {
        Case {
            name: name.into(),
            classname: "health.lambda".into(),
            seconds: 0.25,
            verdict,
            detail: "value 3 of 10\nsource: 000 監視項目".into(),
        }
    }

    #[test]
    fn counts_escapes_and_control_characters() {
        let suite = Suite {
            name: "mandala-ops health (prod)".into(),
            seconds: 1.5,
            cases: vec![
                case("lambda.a.errors", Verdict::Passed),
                case(
                    "lambda.b.errors",
                    Verdict::Failed {
                        kind: "critical".into(),
                        message: "<5> & \"quoted\" \u{1b}[31m".into(),
                    },
                ),
                case(
                    "lambda.c.duration",
                    Verdict::Skipped {
                        message: "p95 is not supported by this endpoint".into(),
                    },
                ),
            ],
        };
        let xml = render(std::slice::from_ref(&suite)).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(
            xml.contains(r#"tests="3" failures="1" errors="0" skipped="1""#),
            "{xml}"
        );
        assert!(
            xml.contains("&lt;5&gt; &amp; &quot;quoted&quot; \u{FFFD}[31m"),
            "{xml}"
        );
        assert!(!xml.contains('\u{1b}'));
        assert!(xml.contains("監視項目"));
        // A fleet run: one suite per environment, the totals over all of them.
        let stg = Suite {
            name: "mandala-ops health (stg)".into(),
            ..suite.clone()
        };
        let xml = render(&[suite, stg]).unwrap();
        assert_eq!(xml.matches("<testsuite ").count(), 2, "{xml}");
        assert!(
            xml.contains(r#"tests="6" failures="2" errors="0" time="1.500""#),
            "{xml}"
        );
    }
}

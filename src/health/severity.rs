//! How urgent the situation is, as the profile guide's levels 1-4 and their response times
//! (003 アラート対応手順 / 緊急度レベル), judged from a `health` report.

use super::{Report, Row, Status};
use crate::config::thresholds::{Severity as Limits, sources};
use jiff::{Timestamp, tz::TimeZone};
use serde::{Deserialize, Serialize};

/// A response time of this many minutes or more is counted in business days (8 hours each).
const BUSINESS_DAY_MINUTES: u32 = 8 * 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Severity {
    /// 1 (緊急 Critical) to 4 (低 Low).
    pub level: u8,
    pub label: String,
    /// How soon the guide wants a response, minutes.
    pub respond_within_minutes: u32,
    /// What set the level: the checks, or who chose it.
    pub reasons: Vec<String>,
    pub source: String,
}

impl Severity {
    /// Level `level` (1-4) with the guide's label and response time.
    pub fn at(level: u8, reasons: Vec<String>, limits: &Limits) -> Severity {
        let level = level.clamp(1, 4);
        Severity {
            level,
            label: ["Critical 緊急", "High 高", "Medium 中", "Low 低"][level as usize - 1].into(),
            respond_within_minutes: limits.response_minutes[level as usize - 1],
            reasons,
            source: sources::SEVERITY.into(),
        }
    }

    pub fn headline(&self) -> String {
        let within = match self.respond_within_minutes {
            m if m >= BUSINESS_DAY_MINUTES => match m / BUSINESS_DAY_MINUTES {
                1 => "1 business day".to_string(),
                n => format!("{n} business days"),
            },
            m if m >= 60 && m % 60 == 0 => format!("{} h", m / 60),
            m => format!("{m} min"),
        };
        format!(
            "severity level {} ({}): respond within {within}",
            self.level, self.label
        )
    }

    /// When a response to something raised at `at` is due; business days skip weekends in `tz`.
    pub fn respond_by(&self, at: Timestamp, tz: &TimeZone) -> Timestamp {
        let m = self.respond_within_minutes;
        if m >= BUSINESS_DAY_MINUTES {
            crate::time::after_weekdays(at, m / BUSINESS_DAY_MINUTES, tz)
        } else {
            at + jiff::SignedDuration::from_mins(m.into())
        }
    }
}

/// The checks that measure an error rate in percent; the guide's levels are error-rate bands.
fn error_rate(row: &Row) -> Option<f64> {
    let name = row.name.as_str();
    let is_rate = (name.starts_with("lambda.") && name.ends_with(".errors"))
        || matches!(
            name,
            "api.5xx" | "api.profile-errors" | "async.error-rate" | "stepfunctions.failed"
        );
    if is_rate { row.measure } else { None }
}

pub fn assess(report: &Report, limits: &Limits) -> Severity {
    let mut levels: Vec<(u8, String)> = Vec::new();
    for row in &report.checks {
        let why = |what: &str| format!("{} {what}: {}", row.name, row.message);
        // Level 1: データベース接続不可, エラー率 > 50%.
        if row.name == "database.connect" && row.status == Status::Critical {
            levels.push((1, why("failed")));
            continue;
        }
        if let Some(rate) = error_rate(row) {
            let level = if rate > limits.level1_error_pct {
                1
            } else if rate >= limits.level2_error_pct {
                2
            } else if rate >= limits.level3_error_pct {
                3
            } else {
                4
            };
            if level < 4 {
                levels.push((level, format!("{} error rate {rate:.1}%", row.name)));
                continue;
            }
        }
        // Level 2: 一部機能の停止 and slow responses are critical checks; level 3: 特定条件下でのエラー.
        match row.status {
            Status::Critical => levels.push((2, why("critical"))),
            Status::Warn => levels.push((3, why("warn"))),
            _ => {}
        }
    }
    let level = levels.iter().map(|(l, _)| *l).min().unwrap_or(4);
    let mut reasons: Vec<String> = levels
        .into_iter()
        .filter(|(l, _)| *l == level)
        .map(|(_, r)| r)
        .collect();
    // A check that could not look is no sign of calm: the level is judged without it, and says so.
    let unknown: Vec<&str> = report
        .checks
        .iter()
        .filter(|r| r.status == Status::Unknown)
        .map(|r| r.name.as_str())
        .collect();
    if !unknown.is_empty() {
        reasons.push(format!(
            "judged without {} of {} checks, which could not look: {}",
            unknown.len(),
            report.checks.len(),
            unknown.join(", ")
        ));
    }
    Severity::at(level, reasons, limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, status: Status, measure: Option<f64>) -> Row {
        Row {
            measure,
            ..Row::new(name, "x", status, "m")
        }
    }

    fn level(rows: Vec<Row>) -> Severity {
        let report = Report {
            status: Status::Ok,
            environment: "sandbox".into(),
            since: "1h".into(),
            strict: false,
            took_ms: 0,
            checks: rows,
        };
        assess(&report, &Limits::default())
    }

    #[test]
    fn error_rate_bands_follow_the_guide() {
        let rate = |v| level(vec![row("lambda.ai-processor.errors", Status::Ok, Some(v))]);
        assert_eq!(rate(60.0).level, 1);
        assert_eq!(rate(50.0).level, 2);
        assert_eq!(rate(5.0).level, 2);
        assert_eq!(rate(4.9).level, 3);
        assert_eq!(rate(1.0).level, 3);
        assert_eq!(rate(0.5).level, 4);
    }

    #[test]
    fn database_down_is_level_1_and_other_findings_2_or_3() {
        let s = level(vec![
            row("database.connect", Status::Critical, None),
            row("api.latency", Status::Critical, Some(40_000.0)),
        ]);
        assert_eq!((s.level, s.respond_within_minutes), (1, 15));
        assert_eq!(s.reasons.len(), 1);
        assert_eq!(
            level(vec![row("api.latency", Status::Critical, None)]).level,
            2
        );
        let warn = level(vec![row("async.queue-depth", Status::Warn, Some(120.0))]);
        assert_eq!(warn.level, 3);
        assert_eq!(
            warn.headline(),
            "severity level 3 (Medium 中): respond within 4 h"
        );
        let calm = level(vec![
            row("alarms", Status::Unknown, None),
            row("api.latency", Status::Ok, Some(200.0)),
        ]);
        assert_eq!(calm.level, 4);
        assert!(calm.headline().ends_with("1 business day"));
        assert_eq!(
            calm.reasons,
            ["judged without 1 of 2 checks, which could not look: alarms"]
        );
    }

    #[test]
    fn response_deadlines_follow_the_levels() {
        let at: Timestamp = "2026-12-04T09:00:00Z".parse().unwrap(); // a Friday
        let by = |l| {
            Severity::at(l, vec![], &Limits::default())
                .respond_by(at, &TimeZone::UTC)
                .to_string()
        };
        assert_eq!(by(1), "2026-12-04T09:15:00Z");
        assert_eq!(by(2), "2026-12-04T10:00:00Z");
        assert_eq!(by(3), "2026-12-04T13:00:00Z");
        assert_eq!(by(4), "2026-12-07T09:00:00Z");
    }
}

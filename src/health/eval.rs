//! Threshold evaluation: a value against warning and critical limits, and how to print both.

use crate::output::rounded as number;
use serde::Serialize;

/// A check's verdict. Ordered from best to worst for the overall status, `unknown` between
/// `ok` and `warn` (it raises the exit status only with `--strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Unknown,
    Warn,
    Critical,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Unknown => "unknown",
            Status::Warn => "warn",
            Status::Critical => "critical",
        }
    }
}

/// How a value compares with its limits: `>=` (the guides' "以上") or `>` ("を超える", "> N");
/// `<` for values where lower is worse ("未満": free memory, completion rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    AtLeast,
    Above,
    Below,
}

/// Warning and critical limits of a value.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub warn: Option<f64>,
    pub critical: Option<f64>,
    pub cmp: Cmp,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    Millis,
    Ratio,
}

impl Limit {
    pub fn warn(value: f64, cmp: Cmp, unit: Unit) -> Limit {
        Limit {
            warn: Some(value),
            critical: None,
            cmp,
            unit,
        }
    }

    pub fn critical(value: f64, cmp: Cmp, unit: Unit) -> Limit {
        Limit {
            warn: None,
            critical: Some(value),
            cmp,
            unit,
        }
    }

    pub fn both(warn: f64, critical: f64, cmp: Cmp, unit: Unit) -> Limit {
        Limit {
            warn: Some(warn),
            critical: Some(critical),
            cmp,
            unit,
        }
    }

    fn crosses(&self, value: f64, limit: f64) -> bool {
        match self.cmp {
            Cmp::AtLeast => value >= limit,
            Cmp::Above => value > limit,
            Cmp::Below => value < limit,
        }
    }

    pub fn evaluate(&self, value: f64) -> Status {
        if self.critical.is_some_and(|c| self.crosses(value, c)) {
            Status::Critical
        } else if self.warn.is_some_and(|w| self.crosses(value, w)) {
            Status::Warn
        } else {
            Status::Ok
        }
    }

    /// e.g. `warn ≥ 5%, critical ≥ 10%`.
    pub fn describe(&self) -> String {
        let op = match self.cmp {
            Cmp::AtLeast => "≥",
            Cmp::Above => ">",
            Cmp::Below => "<",
        };
        let part =
            |name: &str, v: Option<f64>| v.map(|v| format!("{name} {op} {}", self.unit.format(v)));
        [part("warn", self.warn), part("critical", self.critical)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Unit {
    pub fn format(self, v: f64) -> String {
        match self {
            Unit::Count => number(v),
            Unit::Percent => format!("{}%", number(v)),
            Unit::Ratio => format!("{}%", number(v * 100.0)),
            Unit::Millis if v >= 1000.0 => format!("{} s", number(v / 1000.0)),
            Unit::Millis => format!("{} ms", number(v)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_boundaries() {
        // 000 エラー率: 警告 5% 以上, エラー 10% 以上.
        let l = Limit::both(5.0, 10.0, Cmp::AtLeast, Unit::Percent);
        assert_eq!(l.evaluate(4.99), Status::Ok);
        assert_eq!(l.evaluate(5.0), Status::Warn);
        assert_eq!(l.evaluate(5.01), Status::Warn);
        assert_eq!(l.evaluate(9.99), Status::Warn);
        assert_eq!(l.evaluate(10.0), Status::Critical);
        assert_eq!(l.evaluate(10.01), Status::Critical);
        assert_eq!(l.describe(), "warn ≥ 5%, critical ≥ 10%");
    }

    #[test]
    fn above_boundaries() {
        // 002 QueueDepth > 100.
        let l = Limit::warn(100.0, Cmp::Above, Unit::Count);
        assert_eq!(l.evaluate(99.0), Status::Ok);
        assert_eq!(l.evaluate(100.0), Status::Ok);
        assert_eq!(l.evaluate(101.0), Status::Warn);
        // 000 Duration p95 > 25秒 / > 30秒.
        let d = Limit::both(25_000.0, 30_000.0, Cmp::Above, Unit::Millis);
        assert_eq!(d.evaluate(25_000.0), Status::Ok);
        assert_eq!(d.evaluate(25_000.1), Status::Warn);
        assert_eq!(d.evaluate(30_000.0), Status::Warn);
        assert_eq!(d.evaluate(30_001.0), Status::Critical);
        assert_eq!(d.describe(), "warn > 25 s, critical > 30 s");
    }

    #[test]
    fn critical_only() {
        let l = Limit::critical(1.0, Cmp::AtLeast, Unit::Count);
        assert_eq!(l.evaluate(0.0), Status::Ok);
        assert_eq!(l.evaluate(1.0), Status::Critical);
    }

    #[test]
    fn ratio_and_numbers() {
        let l = Limit::warn(0.8, Cmp::AtLeast, Unit::Ratio);
        assert_eq!(l.evaluate(0.79), Status::Ok);
        assert_eq!(l.evaluate(0.8), Status::Warn);
        assert_eq!(l.describe(), "warn ≥ 80%");
    }

    #[test]
    fn status_order_puts_unknown_below_warn() {
        assert!(Status::Ok < Status::Unknown);
        assert!(Status::Unknown < Status::Warn);
        assert!(Status::Warn < Status::Critical);
    }
}

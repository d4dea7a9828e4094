//! `diff`: the query's patterns in its time range against those of an earlier range of the same
//! length (CWL_QuerySyntax-Diff: `diff`, `diff previousDay`, `diff previousWeek`, `diff
//! previousMonth`; "comparison queries return only patterns", CWL_AnalyzeLogData_Compare). The
//! query runs once over each range and the two pattern tables are joined.

use super::pattern;
use super::run::Outcome;
use super::value::{Owned, Value};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The range a `diff` compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    /// The range immediately before.
    Period,
    Day,
    Week,
    Month,
}

impl Previous {
    /// The modifier that names it after `diff`, if it is one.
    pub fn named(word: &str) -> Option<Previous> {
        Some(match word.to_ascii_lowercase().as_str() {
            "previousday" => Previous::Day,
            "previousweek" => Previous::Week,
            "previousmonth" => Previous::Month,
            _ => return None,
        })
    }

    /// The earlier range for `[start, end)` in epoch milliseconds: as long, and ending where the
    /// range starts, or the same time a day, a week or a calendar month (UTC) before.
    pub fn range(self, (start, end): (i64, i64)) -> Option<(i64, i64)> {
        const DAY: i64 = 86_400_000;
        let back = |ms: i64| -> Option<i64> {
            Some(match self {
                Previous::Period => ms - (end - start),
                Previous::Day => ms - DAY,
                Previous::Week => ms - 7 * DAY,
                Previous::Month => jiff::Timestamp::from_millisecond(ms)
                    .ok()?
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .checked_sub(jiff::Span::new().months(1))
                    .ok()?
                    .timestamp()
                    .as_millisecond(),
            })
        };
        Some((back(start)?, back(end)?))
    }
}

/// The columns a comparison shows.
pub const COLUMNS: [&str; 6] = [
    "@pattern",
    "@ratio",
    "@sampleCount",
    "@previousSampleCount",
    "@change",
    "@severityLabel",
];

/// The two runs' patterns joined: each pattern's count in the range and in the earlier one,
/// and the change, largest rise first (new patterns among them). Counts of what was read are
/// the two runs' together.
pub fn join(current: Outcome, previous: Outcome) -> Outcome {
    let counts = |o: &Outcome| -> BTreeMap<String, (f64, Option<f64>)> {
        let at = |name: &str| o.columns.iter().position(|c| c == name);
        let (Some(p), Some(n)) = (at("@pattern"), at("@sampleCount")) else {
            return BTreeMap::new();
        };
        let r = at("@ratio");
        o.rows
            .iter()
            .filter_map(|row| {
                let text = row[p].text()?.into_owned();
                let count = row[n].as_num().unwrap_or(0.0);
                Some((text, (count, r.and_then(|r| row[r].as_num()))))
            })
            .collect()
    };
    let (now, before) = (counts(&current), counts(&previous));
    let mut rows: Vec<Vec<Owned>> = now
        .keys()
        .chain(before.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|p| {
            let (count, ratio) = now.get(p).copied().unwrap_or((0.0, None));
            let was = before.get(p).map_or(0.0, |(c, _)| *c);
            vec![
                Value::Str(p.clone().into()),
                ratio.map_or(Value::Null, Value::Num),
                Value::Num(count),
                Value::Num(was),
                Value::Num(count - was),
                pattern::severity(p).map_or(Value::Null, Value::str),
            ]
        })
        .collect();
    let change = |r: &Vec<Owned>| r[4].as_num().unwrap_or(0.0);
    rows.sort_by(|a, b| change(b).partial_cmp(&change(a)).unwrap_or(Ordering::Equal));
    let mut unreadable_examples = current.unreadable_examples;
    unreadable_examples.extend(previous.unreadable_examples);
    unreadable_examples.truncate(super::run::EXAMPLES);
    Outcome {
        columns: COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows,
        records_scanned: current.records_scanned + previous.records_scanned,
        records_matched: current.records_matched + previous.records_matched,
        bytes_scanned: current.bytes_scanned + previous.bytes_scanned,
        unreadable: current.unreadable + previous.unreadable,
        unreadable_examples,
        notes: [current.notes, previous.notes].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_periods() {
        let hour = 3_600_000;
        // 2026-03-31T10:00Z to 11:00Z.
        let start = 1_774_951_200_000;
        let r = (start, start + hour);
        assert_eq!(Previous::Period.range(r), Some((start - hour, start)));
        assert_eq!(
            Previous::Day.range(r),
            Some((start - 24 * hour, start - 23 * hour))
        );
        assert_eq!(
            Previous::Week.range(r),
            Some((start - 168 * hour, start - 167 * hour))
        );
        // A calendar month back from March 31 is February's last day.
        let feb = jiff::Timestamp::from_millisecond(Previous::Month.range(r).unwrap().0).unwrap();
        assert_eq!(feb.to_string(), "2026-02-28T10:00:00Z");
    }

    #[test]
    fn joins_patterns_of_both_ranges() {
        let outcome = |rows: &[(&str, f64)]| Outcome {
            columns: vec!["@pattern".into(), "@sampleCount".into()],
            rows: rows
                .iter()
                .map(|(p, n)| vec![Value::Str(p.to_string().into()), Value::Num(*n)])
                .collect(),
            records_scanned: 10,
            ..Outcome::default()
        };
        let out = join(
            outcome(&[("ERROR timeout <*>", 5.0), ("INFO ok", 3.0)]),
            outcome(&[("INFO ok", 4.0), ("WARN gone", 2.0)]),
        );
        let shown: Vec<String> = out
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| v.text().unwrap_or_default().into_owned())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        assert_eq!(
            shown,
            [
                "ERROR timeout <*>||5|0|5|Error",
                "INFO ok||3|4|-1|Info",
                "WARN gone||0|2|-2|Warning",
            ]
        );
        assert_eq!(out.records_scanned, 20);
    }
}

//! Aggregate functions as mergeable partial states, so each worker aggregates its share of the
//! input and the shares are merged: memory grows with the number of groups, not the input.

use super::ast::Agg;
use super::value::{Owned, Value};
use sketches_ddsketch::{Config, DDSketch};
use std::cmp::Ordering;
use std::collections::HashSet;

/// Percentiles are exact (linear interpolation between the closest ranks, as numpy and DuckDB's
/// quantile_cont) until a group holds this many values; then a DDSketch with 0.5% relative
/// error keeps memory bounded, as Logs Insights' own percentiles are approximate at scale.
const EXACT_PERCENTILE_VALUES: usize = 200_000;

#[derive(Debug, Clone)]
pub enum State {
    Count(u64),
    Distinct(HashSet<Owned>),
    Sum {
        sum: f64,
        seen: bool,
    },
    Avg {
        sum: f64,
        n: u64,
    },
    Min(Option<Owned>),
    Max(Option<Owned>),
    Pct {
        p: f64,
        values: Vec<f64>,
        sketch: Option<Box<Sketch>>,
    },
    /// Welford's running mean and squared distances.
    Stddev {
        n: u64,
        mean: f64,
        m2: f64,
    },
    Earliest(Option<(i64, Owned)>),
    Latest(Option<(i64, Owned)>),
    SortsFirst(Option<Owned>),
    SortsLast(Option<Owned>),
}

impl State {
    pub fn new(agg: Agg) -> State {
        match agg {
            Agg::Count => State::Count(0),
            Agg::CountDistinct => State::Distinct(HashSet::new()),
            Agg::Sum => State::Sum {
                sum: 0.0,
                seen: false,
            },
            Agg::Avg => State::Avg { sum: 0.0, n: 0 },
            Agg::Min => State::Min(None),
            Agg::Max => State::Max(None),
            Agg::Pct(p) => State::Pct {
                p,
                values: Vec::new(),
                sketch: None,
            },
            Agg::Stddev => State::Stddev {
                n: 0,
                mean: 0.0,
                m2: 0.0,
            },
            Agg::Earliest => State::Earliest(None),
            Agg::Latest => State::Latest(None),
            Agg::SortsFirst => State::SortsFirst(None),
            Agg::SortsLast => State::SortsLast(None),
        }
    }

    /// Adds one record. `value` is `None` for `count()`; `timestamp` feeds earliest/latest.
    pub fn add(&mut self, value: Option<Value<'_>>, timestamp: Option<i64>) {
        match self {
            State::Count(n) => {
                if value.as_ref().is_none_or(|v| !v.is_null()) {
                    *n += 1;
                }
            }
            State::Distinct(set) => {
                if let Some(v) = value.filter(|v| !v.is_null())
                    && !set.contains(&v)
                {
                    set.insert(v.into_owned());
                }
            }
            State::Sum { sum, seen } => {
                if let Some(x) = value.and_then(|v| v.as_num()) {
                    *sum += x;
                    *seen = true;
                }
            }
            State::Avg { sum, n } => {
                if let Some(x) = value.and_then(|v| v.as_num()) {
                    *sum += x;
                    *n += 1;
                }
            }
            State::Min(best) => keep_extreme(best, value, Ordering::Less),
            State::Max(best) => keep_extreme(best, value, Ordering::Greater),
            State::Pct { values, sketch, .. } => {
                if let Some(x) = value.and_then(|v| v.as_num()) {
                    match sketch {
                        Some(s) => s.0.add(x),
                        None => {
                            values.push(x);
                            if values.len() > EXACT_PERCENTILE_VALUES {
                                *sketch = Some(Box::new(to_sketch(values)));
                                values.clear();
                                values.shrink_to_fit();
                            }
                        }
                    }
                }
            }
            State::Stddev { n, mean, m2 } => {
                if let Some(x) = value.and_then(|v| v.as_num()) {
                    *n += 1;
                    let d = x - *mean;
                    *mean += d / *n as f64;
                    *m2 += d * (x - *mean);
                }
            }
            State::Earliest(best) => keep_at(best, value, timestamp, Ordering::Less),
            State::Latest(best) => keep_at(best, value, timestamp, Ordering::Greater),
            State::SortsFirst(best) => keep_sorted(best, value, Ordering::Less),
            State::SortsLast(best) => keep_sorted(best, value, Ordering::Greater),
        }
    }

    pub fn merge(&mut self, other: State) {
        match (self, other) {
            (State::Count(a), State::Count(b)) => *a += b,
            (State::Distinct(a), State::Distinct(b)) => a.extend(b),
            (State::Sum { sum, seen }, State::Sum { sum: s, seen: t }) => {
                *sum += s;
                *seen |= t;
            }
            (State::Avg { sum, n }, State::Avg { sum: s, n: m }) => {
                *sum += s;
                *n += m;
            }
            (me @ State::Min(_), State::Min(Some(v)))
            | (me @ State::Max(_), State::Max(Some(v)))
            | (me @ State::SortsFirst(_), State::SortsFirst(Some(v)))
            | (me @ State::SortsLast(_), State::SortsLast(Some(v))) => me.add(Some(v), None),
            (
                State::Pct { values, sketch, .. },
                State::Pct {
                    values: vs,
                    sketch: sk,
                    ..
                },
            ) => match (sketch.as_mut(), sk) {
                (Some(a), Some(b)) => {
                    let _ = a.0.merge(&b.0);
                }
                (Some(a), None) => vs.into_iter().for_each(|x| a.0.add(x)),
                (None, Some(mut b)) => {
                    values.iter().for_each(|x| b.0.add(*x));
                    values.clear();
                    *sketch = Some(b);
                }
                (None, None) => {
                    values.extend(vs);
                    if values.len() > EXACT_PERCENTILE_VALUES {
                        *sketch = Some(Box::new(to_sketch(values)));
                        values.clear();
                    }
                }
            },
            (
                State::Stddev { n, mean, m2 },
                State::Stddev {
                    n: nb,
                    mean: mb,
                    m2: m2b,
                },
            ) => {
                // Chan et al.'s parallel combination.
                if nb == 0 {
                    return;
                }
                let na = *n;
                let total = na + nb;
                let d = mb - *mean;
                *mean += d * nb as f64 / total as f64;
                *m2 += m2b + d * d * na as f64 * nb as f64 / total as f64;
                *n = total;
            }
            (me @ State::Earliest(_), State::Earliest(Some((t, v))))
            | (me @ State::Latest(_), State::Latest(Some((t, v)))) => me.add(Some(v), Some(t)),
            _ => {}
        }
    }

    pub fn finish(self) -> Owned {
        match self {
            State::Count(n) => Value::Num(n as f64),
            State::Distinct(set) => Value::Num(set.len() as f64),
            State::Sum { sum, seen } => {
                if seen {
                    Value::Num(sum)
                } else {
                    Value::Null
                }
            }
            State::Avg { sum, n } => {
                if n > 0 {
                    Value::Num(sum / n as f64)
                } else {
                    Value::Null
                }
            }
            State::Min(v) | State::Max(v) | State::SortsFirst(v) | State::SortsLast(v) => {
                v.unwrap_or(Value::Null)
            }
            State::Pct {
                p,
                mut values,
                sketch,
            } => match sketch {
                Some(s) => {
                    s.0.quantile(p / 100.0)
                        .ok()
                        .flatten()
                        .map(Value::Num)
                        .unwrap_or(Value::Null)
                }
                None => percentile(&mut values, p)
                    .map(Value::Num)
                    .unwrap_or(Value::Null),
            },
            // The sample standard deviation (n - 1), as SQL's stddev.
            State::Stddev { n, m2, .. } => {
                if n > 1 {
                    Value::Num((m2 / (n - 1) as f64).sqrt())
                } else {
                    Value::Null
                }
            }
            State::Earliest(v) | State::Latest(v) => v.map(|(_, v)| v).unwrap_or(Value::Null),
        }
    }
}

/// Keeps the numeric value that compares `want` against the one kept.
fn keep_extreme(best: &mut Option<Owned>, value: Option<Value<'_>>, want: Ordering) {
    let Some((v, x)) = value.and_then(|v| v.as_num().map(|x| (v, x))) else {
        return;
    };
    if best
        .as_ref()
        .and_then(|b| b.as_num())
        .is_none_or(|y| x.partial_cmp(&y) == Some(want))
    {
        *best = Some(v.into_owned());
    }
}

/// Keeps the present value that `sort` orders `want` of the one kept (numbers before text).
fn keep_sorted(best: &mut Option<Owned>, value: Option<Value<'_>>, want: Ordering) {
    if let Some(v) = value.filter(|v| !v.is_null())
        && best.as_ref().is_none_or(|b| v.sort_cmp(b) == want)
    {
        *best = Some(v.into_owned());
    }
}

/// Keeps the value whose timestamp compares `want` against the one kept.
fn keep_at(
    best: &mut Option<(i64, Owned)>,
    value: Option<Value<'_>>,
    timestamp: Option<i64>,
    want: Ordering,
) {
    if let (Some(t), Some(v)) = (timestamp, value)
        && best.as_ref().is_none_or(|(bt, _)| t.cmp(bt) == want)
    {
        *best = Some((t, v.into_owned()));
    }
}

fn to_sketch(values: &[f64]) -> Sketch {
    let mut s = DDSketch::new(Config::new(0.005, 2048, 1.0e-9));
    values.iter().for_each(|x| s.add(*x));
    Sketch(s)
}

/// A DDSketch (which has no `Debug` of its own).
#[derive(Clone)]
pub struct Sketch(DDSketch);

impl std::fmt::Debug for Sketch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sketch({} values)", self.0.count())
    }
}

/// The p-th percentile (0-100) by linear interpolation between the closest ranks.
pub fn percentile(values: &mut [f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let rank = p / 100.0 * (values.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    // The two ranks by selection, not a sort: linear, and the groups can be large.
    let (_, &mut low, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let high = match hi > lo {
        true => above.iter().copied().min_by(f64::total_cmp).unwrap_or(low),
        false => low,
    };
    Some(low + (high - low) * (rank - lo as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(agg: Agg, values: &[Value]) -> Owned {
        let mut s = State::new(agg);
        for v in values {
            s.add(Some(v.clone()), None);
        }
        s.finish()
    }

    #[test]
    fn percentile_interpolates_linearly() {
        // numpy.percentile([1, 2, 3, 4], 50) == 2.5; 95 -> 3.85; 0 -> 1; 100 -> 4.
        let mut v = vec![4.0, 1.0, 3.0, 2.0];
        assert_eq!(percentile(&mut v, 50.0), Some(2.5));
        assert!((percentile(&mut v, 95.0).unwrap() - 3.85).abs() < 1e-12);
        assert_eq!(percentile(&mut v, 0.0), Some(1.0));
        assert_eq!(percentile(&mut v, 100.0), Some(4.0));
        assert_eq!(percentile(&mut [7.0], 95.0), Some(7.0));
        assert_eq!(percentile(&mut [], 50.0), None);
        // Unsorted input, ranks between two values: numpy.percentile([9, 1, 5, 3, 7], 90) == 8.2.
        let got = percentile(&mut [9.0, 1.0, 5.0, 3.0, 7.0], 90.0).unwrap();
        assert!((got - 8.2).abs() < 1e-12, "{got}");
    }

    #[test]
    fn nulls_are_skipped() {
        let vals = [
            Value::Num(2.0),
            Value::Null,
            Value::Num(4.0),
            Value::str("x"),
        ];
        assert_eq!(run(Agg::Avg, &vals).as_num(), Some(3.0));
        assert_eq!(run(Agg::Sum, &vals).as_num(), Some(6.0));
        assert_eq!(
            run(Agg::Count, &vals).as_num(),
            Some(3.0),
            "count(x) counts present values"
        );
        assert_eq!(run(Agg::Min, &vals).as_num(), Some(2.0));
        assert_eq!(run(Agg::Max, &vals).as_num(), Some(4.0));
        assert!(run(Agg::Avg, &[Value::Null]).is_null());
        assert!(run(Agg::Sum, &[]).is_null());
    }

    #[test]
    fn booleans_sum_as_counts() {
        let vals = [Value::Bool(true), Value::Bool(false), Value::Bool(true)];
        assert_eq!(run(Agg::Sum, &vals).as_num(), Some(2.0));
    }

    #[test]
    fn count_distinct_and_stddev() {
        let vals = [
            Value::str("a"),
            Value::str("b"),
            Value::str("a"),
            Value::Null,
        ];
        assert_eq!(run(Agg::CountDistinct, &vals).as_num(), Some(2.0));
        // Sample standard deviation of 2, 4, 4, 4, 5, 5, 7, 9 is 2.138...
        let xs: Vec<Value> = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]
            .into_iter()
            .map(Value::Num)
            .collect();
        assert!((run(Agg::Stddev, &xs).as_num().unwrap() - 2.138089935299395).abs() < 1e-12);
    }

    #[test]
    fn merging_partials_equals_one_pass() {
        for agg in [
            Agg::Count,
            Agg::Sum,
            Agg::Avg,
            Agg::Min,
            Agg::Max,
            Agg::Pct(90.0),
            Agg::Stddev,
            Agg::CountDistinct,
        ] {
            let xs: Vec<Value> = (0..100)
                .map(|i| Value::Num(((i * 37) % 101) as f64))
                .collect();
            let whole = run(agg, &xs);
            let mut a = State::new(agg);
            let mut b = State::new(agg);
            for (i, v) in xs.iter().enumerate() {
                if i % 3 == 0 {
                    a.add(Some(v.clone()), None)
                } else {
                    b.add(Some(v.clone()), None)
                }
            }
            a.merge(b);
            let merged = a.finish();
            assert!(
                (whole.as_num().unwrap() - merged.as_num().unwrap()).abs() < 1e-9,
                "{agg:?}"
            );
        }
    }

    #[test]
    fn earliest_and_latest_follow_timestamps() {
        let mut e = State::new(Agg::Earliest);
        let mut l = State::new(Agg::Latest);
        for (t, v) in [(5, "b"), (1, "a"), (9, "c")] {
            e.add(Some(Value::str(v)), Some(t));
            l.add(Some(Value::str(v)), Some(t));
        }
        assert_eq!(e.finish().display(), "a");
        assert_eq!(l.finish().display(), "c");
    }

    #[test]
    fn sorts_first_and_last_follow_the_sort_order() {
        let vals = [
            Value::str("beta"),
            Value::Null,
            Value::str("alpha"),
            Value::Num(10.0),
            Value::str("gamma"),
        ];
        assert_eq!(run(Agg::SortsFirst, &vals).display(), "10");
        assert_eq!(run(Agg::SortsLast, &vals).display(), "gamma");
        let (mut a, mut b) = (State::new(Agg::SortsLast), State::new(Agg::SortsLast));
        a.add(Some(Value::str("b")), None);
        b.add(Some(Value::str("c")), None);
        a.merge(b);
        assert_eq!(a.finish().display(), "c");
        assert!(run(Agg::SortsFirst, &[Value::Null]).is_null());
    }

    #[test]
    fn large_groups_switch_to_a_bounded_sketch() {
        let mut s = State::new(Agg::Pct(50.0));
        for i in 0..(EXACT_PERCENTILE_VALUES + 10) {
            s.add(Some(Value::Num(i as f64)), None);
        }
        assert!(matches!(&s, State::Pct { sketch: Some(_), values, .. } if values.is_empty()));
        let median = s.finish().as_num().unwrap();
        let exact = (EXACT_PERCENTILE_VALUES + 9) as f64 / 2.0;
        assert!((median - exact).abs() / exact < 0.01, "{median} vs {exact}");
    }
}

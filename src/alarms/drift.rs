//! How a deployed alarm differs from the guide's: every setting that decides when it fires and
//! whom it tells (001 CloudWatch アラーム, 003 CloudWatchアラーム設定, 002 アラート一覧).

use super::catalog::AlarmSpec;
use crate::config::{Environment, Thresholds};
use crate::output::rounded;
use aws_sdk_cloudwatch::types::{ComparisonOperator, MetricAlarm, Statistic};

impl AlarmSpec {
    pub fn operator(&self) -> ComparisonOperator {
        if self.comparison == ">=" {
            ComparisonOperator::GreaterThanOrEqualToThreshold
        } else {
            ComparisonOperator::GreaterThanThreshold
        }
    }

    /// A percentile (`p95`) is an extended statistic; the rest are CloudWatch statistics.
    pub fn is_extended(&self) -> bool {
        self.statistic.starts_with('p')
    }

    pub fn plain_statistic(&self) -> Option<Statistic> {
        (!self.is_extended()).then(|| Statistic::from(self.statistic))
    }

    /// The metric and statistic the alarm watches, for reading its datapoints.
    pub fn watched(&self) -> (crate::aws::metrics::Metric, crate::aws::metrics::Stat) {
        use crate::aws::metrics::{Metric, Stat};
        let stat = match self.statistic {
            "Average" => Stat::Average,
            "Maximum" => Stat::Maximum,
            "Minimum" => Stat::Minimum,
            p if self.is_extended() => Stat::Percentile(p[1..].parse().unwrap_or(99.0)),
            _ => Stat::Sum,
        };
        (
            Metric::new(self.namespace, self.metric, self.dimension),
            stat,
        )
    }

    /// `Errors Sum/5 min ×1 ≥ 5`.
    pub fn describe(&self, t: &Thresholds) -> String {
        summary(
            self.metric,
            self.statistic,
            self.period_secs,
            self.evaluation_periods,
            self.comparison,
            (self.threshold)(t),
        )
    }
}

fn summary(metric: &str, stat: &str, period: i32, evals: i32, cmp: &str, threshold: f64) -> String {
    let period = if period % 60 == 0 {
        format!("{} min", period / 60)
    } else {
        format!("{period} s")
    };
    let cmp = match cmp {
        ">=" => "≥",
        ">" => ">",
        "<=" => "≤",
        "<" => "<",
        other => other,
    };
    format!(
        "{metric} {stat}/{period} ×{evals} {cmp} {}",
        rounded(threshold)
    )
}

/// The alarm's settings in the spec's terms.
pub fn describe_live(a: &MetricAlarm) -> String {
    if !a.metrics().is_empty() {
        return "metric math".into();
    }
    summary(
        a.metric_name().unwrap_or("?"),
        &statistic(a),
        a.period().unwrap_or(0),
        a.evaluation_periods().unwrap_or(0),
        comparison(a),
        a.threshold().unwrap_or(f64::NAN),
    )
}

fn statistic(a: &MetricAlarm) -> String {
    a.extended_statistic()
        .map(str::to_string)
        .or_else(|| a.statistic().map(|s| s.as_str().to_string()))
        .unwrap_or_else(|| "?".into())
}

fn comparison(a: &MetricAlarm) -> &'static str {
    match a.comparison_operator() {
        Some(ComparisonOperator::GreaterThanOrEqualToThreshold) => ">=",
        Some(ComparisonOperator::GreaterThanThreshold) => ">",
        Some(ComparisonOperator::LessThanOrEqualToThreshold) => "<=",
        Some(ComparisonOperator::LessThanThreshold) => "<",
        _ => "?",
    }
}

/// What is wrong with a deployed alarm, worst first.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// It would not tell anyone: actions disabled, or no SNS topic among its alarm actions.
    Silent(String),
    /// It watches something else or fires at another point than the guide says.
    Differs(Vec<String>),
}

/// The differences between `alarm` and `spec` in `env`; empty when they match.
pub fn compare(
    spec: &AlarmSpec,
    env: &Environment,
    t: &Thresholds,
    a: &MetricAlarm,
) -> Vec<Finding> {
    let threshold = (spec.threshold)(t);
    let mut findings = Vec::new();
    if a.actions_enabled() == Some(false) {
        findings.push(Finding::Silent("actions are disabled".into()));
    } else if !a.alarm_actions().iter().any(|arn| is_sns(arn)) {
        findings.push(Finding::Silent(if a.alarm_actions().is_empty() {
            "no alarm action: it notifies no one".into()
        } else {
            "no SNS topic among its alarm actions".into()
        }));
    }
    // (setting, guide, live)
    let mut pairs: Vec<(&str, String, String)> = Vec::new();
    let mut differs = Vec::new();
    if !a.metrics().is_empty() {
        differs.push("uses metric math instead of one metric".to_string());
    } else {
        let dims = |d: Vec<(String, String)>| {
            let mut d: Vec<String> = d.into_iter().map(|(n, v)| format!("{n}={v}")).collect();
            d.sort();
            if d.is_empty() {
                "none".to_string()
            } else {
                d.join(",")
            }
        };
        let have = a
            .dimensions()
            .iter()
            .map(|d| {
                (
                    d.name().unwrap_or_default().to_string(),
                    d.value().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let want = spec
            .dimension
            .resolve(env)
            .map(|(n, v)| (n.to_string(), v))
            .into_iter()
            .collect();
        pairs.extend([
            (
                "namespace",
                spec.namespace.resolve(env),
                a.namespace().unwrap_or("-").to_string(),
            ),
            (
                "metric",
                spec.metric.to_string(),
                a.metric_name().unwrap_or("-").to_string(),
            ),
            ("dimensions", dims(want), dims(have)),
            ("statistic", spec.statistic.to_string(), statistic(a)),
            (
                "period",
                format!("{} s", spec.period_secs),
                a.period()
                    .map(|p| format!("{p} s"))
                    .unwrap_or_else(|| "-".into()),
            ),
        ]);
    }
    pairs.extend([
        (
            "evaluation periods",
            spec.evaluation_periods.to_string(),
            a.evaluation_periods()
                .map(|e| e.to_string())
                .unwrap_or_else(|| "-".into()),
        ),
        (
            "comparison",
            spec.comparison.to_string(),
            comparison(a).to_string(),
        ),
    ]);
    differs.extend(
        pairs
            .into_iter()
            .filter(|(_, guide, live)| guide != live)
            .map(|(what, guide, live)| format!("{what} {live} (guide: {guide})")),
    );
    let live = a.threshold();
    if live.is_none_or(|v| (v - threshold).abs() > 1e-9 * threshold.abs().max(1.0)) {
        differs.push(format!(
            "threshold {} (guide: {})",
            live.map(rounded).unwrap_or_else(|| "-".into()),
            rounded(threshold)
        ));
    }
    if !differs.is_empty() {
        findings.push(Finding::Differs(differs));
    }
    findings
}

/// An SNS topic ARN (`arn:aws:sns:…`, and the other partitions').
fn is_sns(arn: &str) -> bool {
    let mut parts = arn.split(':');
    parts.next() == Some("arn") && parts.next().is_some() && parts.next() == Some("sns")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alarms::catalog::ALARMS;
    use crate::config::EnvName;
    use aws_sdk_cloudwatch::types::Dimension;

    fn env() -> Environment {
        Environment::defaults(EnvName::Prod)
    }

    /// An alarm as PutMetricAlarm would have made it from the spec, with an SNS action.
    fn deployed(
        spec: &AlarmSpec,
        env: &Environment,
    ) -> aws_sdk_cloudwatch::types::builders::MetricAlarmBuilder {
        let dims = spec
            .dimension
            .resolve(env)
            .map(|(n, v)| vec![Dimension::builder().name(n).value(v).build()])
            .unwrap_or_default();
        let b = MetricAlarm::builder()
            .alarm_name(spec.resolved_name(env))
            .namespace(spec.namespace.resolve(env))
            .metric_name(spec.metric)
            .set_dimensions(Some(dims))
            .period(spec.period_secs)
            .evaluation_periods(spec.evaluation_periods)
            .threshold((spec.threshold)(&Thresholds::default()))
            .comparison_operator(spec.operator())
            .actions_enabled(true)
            .alarm_actions("arn:aws:sns:ap-northeast-1:123456789012:ops-alerts");
        if spec.is_extended() {
            b.extended_statistic(spec.statistic)
        } else {
            b.set_statistic(spec.plain_statistic())
        }
    }

    #[test]
    fn every_guide_alarm_deployed_as_specified_matches() {
        let env = env();
        for spec in ALARMS {
            let a = deployed(spec, &env).build();
            assert_eq!(
                compare(spec, &env, &Thresholds::default(), &a),
                vec![],
                "{}",
                spec.name
            );
            assert_eq!(describe_live(&a), spec.describe(&Thresholds::default()));
        }
    }

    #[test]
    fn a_console_edit_is_named_with_both_values() {
        let env = env();
        let spec = &ALARMS[0];
        let a = deployed(spec, &env)
            .threshold(50.0)
            .evaluation_periods(3)
            .comparison_operator(ComparisonOperator::GreaterThanThreshold)
            .build();
        let findings = compare(spec, &env, &Thresholds::default(), &a);
        let [Finding::Differs(d)] = findings.as_slice() else {
            panic!("one finding expected");
        };
        assert_eq!(
            d,
            &[
                "evaluation periods 3 (guide: 1)",
                "comparison > (guide: >=)",
                "threshold 50 (guide: 5)"
            ]
        );
    }

    #[test]
    fn an_alarm_that_tells_no_one_is_silent() {
        let env = env();
        let spec = &ALARMS[0];
        let disabled = deployed(spec, &env).actions_enabled(false).build();
        assert!(
            matches!(&compare(spec, &env, &Thresholds::default(), &disabled)[..], [Finding::Silent(w)] if w.contains("disabled"))
        );
        let no_actions = deployed(spec, &env).set_alarm_actions(None).build();
        assert!(
            matches!(&compare(spec, &env, &Thresholds::default(), &no_actions)[..], [Finding::Silent(w)] if w.contains("no alarm action"))
        );
        // An EC2 or Auto Scaling action is not a notification.
        let other = deployed(spec, &env)
            .set_alarm_actions(Some(vec![
                "arn:aws:automate:ap-northeast-1:ec2:stop".into(),
            ]))
            .build();
        assert!(
            matches!(&compare(spec, &env, &Thresholds::default(), &other)[..], [Finding::Silent(w)] if w.contains("SNS"))
        );
        let china = deployed(spec, &env)
            .set_alarm_actions(Some(vec!["arn:aws-cn:sns:cn-north-1:1:t".into()]))
            .build();
        assert_eq!(compare(spec, &env, &Thresholds::default(), &china), vec![]);
    }

    #[test]
    fn another_metric_dimension_or_statistic_differs() {
        let env = env();
        let p95 = ALARMS.iter().find(|s| s.is_extended()).unwrap();
        let avg = deployed(p95, &env)
            .set_extended_statistic(None)
            .statistic(Statistic::Average)
            .build();
        assert!(
            matches!(&compare(p95, &env, &Thresholds::default(), &avg)[..], [Finding::Differs(d)] if d[0].starts_with("statistic Average"))
        );
        let spec = &ALARMS[0];
        let wrong_fn = deployed(spec, &env)
            .set_dimensions(Some(vec![
                Dimension::builder()
                    .name("FunctionName")
                    .value("goal-mandala-dev-ai-processor")
                    .build(),
            ]))
            .build();
        assert!(
            matches!(&compare(spec, &env, &Thresholds::default(), &wrong_fn)[..], [Finding::Differs(d)] if d[0].starts_with("dimensions FunctionName=goal-mandala-dev"))
        );
        let math = deployed(spec, &env)
            .metrics(
                aws_sdk_cloudwatch::types::MetricDataQuery::builder()
                    .id("e1")
                    .expression("m1*2")
                    .build(),
            )
            .build();
        assert_eq!(describe_live(&math), "metric math");
    }
}

//! The actual spend (Cost Explorer, as 001 コスト監視 reads it) against the monthly budget and
//! its shares (002 コスト管理: $500; Lambda 40%, Bedrock 30%, Aurora 20%, other 10%), month over
//! month (003 月次タスク / 2. コスト分析: 前月比較) and projected to the month's end.

use crate::aws::cost::DailySpend;
use crate::config::thresholds::Cost as Budget;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// The budget's categories, in the guide's order.
const CATEGORIES: [&str; 4] = ["Lambda", "Bedrock", "Aurora", "Other"];

/// The category of a Cost Explorer service name. Models on Bedrock are billed under "Amazon
/// Bedrock" or as "<model> (Amazon Bedrock Edition)"; Aurora under RDS.
fn category(service: &str) -> &'static str {
    if service.contains("Bedrock") {
        "Bedrock"
    } else if service == "AWS Lambda" {
        "Lambda"
    } else if service == "Amazon Relational Database Service" {
        "Aurora"
    } else {
        "Other"
    }
}

fn share(budget: &Budget, category: &str) -> f64 {
    match category {
        "Lambda" => budget.lambda_share,
        "Bedrock" => budget.bedrock_share,
        "Aurora" => budget.aurora_share,
        _ => budget.other_share,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub name: &'static str,
    pub share: f64,
    pub budget_usd: f64,
    pub period_usd: f64,
    pub month_to_date_usd: f64,
    pub previous_month_usd: f64,
    /// Month to date at its daily rate over the whole month; `None` on the month's first day.
    pub projected_month_usd: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Actual {
    pub period_start: Date,
    pub month_start: Date,
    /// Exclusive: Cost Explorer's figures are read up to the start of today (UTC).
    pub end: Date,
    pub categories: Vec<Category>,
    /// The figures include days still estimated (the month is open).
    pub estimated: bool,
}

impl Actual {
    fn sum(&self, f: impl Fn(&Category) -> f64) -> f64 {
        self.categories.iter().map(f).sum()
    }
    pub fn period_usd(&self) -> f64 {
        self.sum(|c| c.period_usd)
    }
    pub fn month_to_date_usd(&self) -> f64 {
        self.sum(|c| c.month_to_date_usd)
    }
    pub fn previous_month_usd(&self) -> f64 {
        self.sum(|c| c.previous_month_usd)
    }
    pub fn projected_month_usd(&self) -> Option<f64> {
        self.categories.iter().map(|c| c.projected_month_usd).sum()
    }
    pub fn bedrock(&self) -> Option<&Category> {
        self.categories.iter().find(|c| c.name == "Bedrock")
    }
}

/// The days Cost Explorer is asked for: from the earlier of the period's first day and the
/// previous month's first day, to the start of today (UTC).
pub fn range(from: Timestamp, now: Timestamp) -> (Date, Date) {
    let utc = jiff::tz::TimeZone::UTC;
    let today = now.to_zoned(utc.clone()).date();
    let previous_month = today
        .first_of_month()
        .saturating_sub(jiff::Span::new().months(1));
    (previous_month.min(from.to_zoned(utc).date()), today)
}

/// The spend of the period, the month to date and the previous month, by category.
pub fn actual(spend: &[DailySpend], from: Timestamp, now: Timestamp, budget: &Budget) -> Actual {
    let (_, today) = range(from, now);
    let period_start = from.to_zoned(jiff::tz::TimeZone::UTC).date();
    let month_start = today.first_of_month();
    let previous_start = month_start.saturating_sub(jiff::Span::new().months(1));
    let elapsed = (today - month_start).get_days() as f64;
    let days_in_month = f64::from(today.days_in_month());
    let categories = CATEGORIES
        .iter()
        .map(|&name| {
            let total = |keep: &dyn Fn(Date) -> bool| -> f64 {
                spend
                    .iter()
                    .filter(|s| category(&s.service) == name && keep(s.day))
                    .map(|s| s.usd)
                    .sum()
            };
            let month_to_date = total(&|d| d >= month_start && d < today);
            let share = share(budget, name);
            Category {
                name,
                share,
                budget_usd: budget.monthly_budget_usd * share,
                period_usd: total(&|d| d >= period_start && d < today),
                month_to_date_usd: month_to_date,
                previous_month_usd: total(&|d| d >= previous_start && d < month_start),
                projected_month_usd: (elapsed > 0.0)
                    .then(|| month_to_date / elapsed * days_in_month),
            }
        })
        .collect();
    Actual {
        period_start,
        month_start,
        end: today,
        categories,
        estimated: spend.iter().any(|s| s.estimated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str, service: &str, usd: f64) -> DailySpend {
        DailySpend {
            day: d.parse().unwrap(),
            service: service.into(),
            usd,
            estimated: false,
        }
    }

    #[test]
    fn spend_is_split_by_the_guides_categories_and_projected() {
        let now: Timestamp = "2026-12-11T09:00:00Z".parse().unwrap();
        let from: Timestamp = "2026-12-04T09:00:00Z".parse().unwrap();
        assert_eq!(
            range(from, now),
            ("2026-11-01".parse().unwrap(), "2026-12-11".parse().unwrap())
        );
        let spend = [
            day("2026-11-15", "AWS Lambda", 100.0),
            day("2026-12-01", "AWS Lambda", 10.0),
            day("2026-12-05", "Amazon Bedrock", 20.0),
            day("2026-12-05", "Claude 3 Haiku (Amazon Bedrock Edition)", 1.0),
            day("2026-12-10", "Amazon Relational Database Service", 5.0),
            day("2026-12-10", "Amazon Simple Storage Service", 2.0),
        ];
        let a = actual(&spend, from, now, &Budget::default());
        let get = |n: &str| a.categories.iter().find(|c| c.name == n).unwrap();
        assert_eq!(get("Lambda").previous_month_usd, 100.0);
        assert_eq!(get("Lambda").month_to_date_usd, 10.0);
        assert_eq!(get("Lambda").period_usd, 0.0);
        assert_eq!(get("Bedrock").period_usd, 21.0);
        assert_eq!(get("Bedrock").budget_usd, 150.0);
        assert_eq!(get("Aurora").period_usd, 5.0);
        assert_eq!(get("Other").period_usd, 2.0);
        // Ten days elapsed of 31: 38 so far projects to 117.8.
        let projected = a.projected_month_usd().unwrap();
        assert!((projected - 38.0 / 10.0 * 31.0).abs() < 1e-9, "{projected}");
    }

    #[test]
    fn the_first_of_the_month_projects_nothing() {
        let now: Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
        let a = actual(&[], now, now, &Budget::default());
        assert_eq!(a.projected_month_usd(), None);
    }
}

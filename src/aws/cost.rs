//! Cost Explorer (001 コスト監視: `aws ce get-cost-and-usage … --metrics BlendedCost`): the
//! account's spend per day and service.

use super::Clients;
use crate::error::{Result, aws_err};
use aws_sdk_costexplorer::types::{
    DateInterval, Granularity, GroupDefinition, GroupDefinitionType,
};
use jiff::civil::Date;

/// The metric 001 コスト監視 asks for.
const METRIC: &str = "BlendedCost";

#[derive(Debug, Clone, PartialEq)]
pub struct DailySpend {
    pub day: Date,
    /// Cost Explorer's service name: `AWS Lambda`, `Amazon Bedrock`, ...
    pub service: String,
    pub usd: f64,
    /// The day's figures are still estimated (the month is not closed).
    pub estimated: bool,
}

/// Spend per day and service in `[start, end)`, every page. `None` when Cost Explorer has no
/// figures at all for the range: an endpoint that keeps no cost data (the emulator) answers
/// with an empty result, which is not a spend of zero.
pub async fn daily_by_service(
    aws: &Clients,
    start: Date,
    end: Date,
) -> Result<Option<Vec<DailySpend>>> {
    let period = DateInterval::builder()
        .start(start.to_string())
        .end(end.to_string())
        .build()
        .map_err(|e| crate::error::Error::internal(format!("cost period: {e}")))?;
    let by_service = GroupDefinition::builder()
        .r#type(GroupDefinitionType::Dimension)
        .key("SERVICE")
        .build();
    let mut spend = Vec::new();
    let mut days = 0;
    let mut token: Option<String> = None;
    loop {
        let page = aws
            .cost
            .get_cost_and_usage()
            .time_period(period.clone())
            .granularity(Granularity::Daily)
            .metrics(METRIC)
            .group_by(by_service.clone())
            .set_next_page_token(token.take())
            .send()
            .await
            .map_err(aws_err(
                "Cost Explorer",
                "GetCostAndUsage",
                format!("reading the spend from {start} to {end}"),
            ))?;
        for result in page.results_by_time() {
            let Some(day) = result
                .time_period()
                .and_then(|p| p.start().parse::<Date>().ok())
            else {
                continue;
            };
            days += 1;
            for group in result.groups() {
                let usd = group
                    .metrics()
                    .and_then(|m| m.get(METRIC))
                    .and_then(|v| v.amount())
                    .and_then(|a| a.parse::<f64>().ok());
                if let (Some(service), Some(usd)) = (group.keys().first(), usd) {
                    spend.push(DailySpend {
                        day,
                        service: service.clone(),
                        usd,
                        estimated: result.estimated(),
                    });
                }
            }
        }
        match page.next_page_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => break,
        }
    }
    Ok((days > 0).then_some(spend))
}

//! API Gateway REST APIs, found by name as seed 001 finds them
//! (001 デプロイ後の確認: `aws apigateway get-rest-apis --query "items[?name=='…']"`).

use super::{Clients, to_timestamp};
use crate::error::{Result, aws_err};
use jiff::Timestamp;

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub name: String,
    /// The deployment the stage serves; a stage without one serves nothing.
    pub deployment: Option<String>,
    pub updated: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestApi {
    pub id: String,
    pub stages: Vec<Stage>,
}

/// Every REST API named `name` with its stages (GetRestApis, all pages; GetStages for each).
pub async fn find(aws: &Clients, name: &str) -> Result<Vec<RestApi>> {
    let mut pages = aws
        .apigateway
        .get_rest_apis()
        .limit(500)
        .into_paginator()
        .send();
    let mut ids = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "API Gateway",
            "GetRestApis",
            format!("looking up {name}"),
        ))?;
        ids.extend(
            page.items()
                .iter()
                .filter(|a| a.name() == Some(name))
                .filter_map(|a| a.id().map(str::to_string)),
        );
    }
    let mut apis = Vec::new();
    for id in ids {
        let out = aws
            .apigateway
            .get_stages()
            .rest_api_id(&id)
            .send()
            .await
            .map_err(aws_err(
                "API Gateway",
                "GetStages",
                format!("reading the stages of {name}"),
            ))?;
        let mut stages: Vec<Stage> = out
            .item()
            .iter()
            .map(|s| Stage {
                name: s.stage_name().unwrap_or_default().to_string(),
                deployment: s.deployment_id().map(str::to_string),
                updated: s
                    .last_updated_date()
                    .or(s.created_date())
                    .and_then(to_timestamp),
            })
            .collect();
        stages.sort_by(|a, b| a.name.cmp(&b.name));
        apis.push(RestApi { id, stages });
    }
    Ok(apis)
}

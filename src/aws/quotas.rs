//! Service Quotas for Bedrock (001 トラブルシューティング 2: Bedrockのクォータを確認): the
//! per-minute quotas of the model the functions call.

use super::Clients;
use crate::error::{Result, aws_err};

#[derive(Debug, Clone, PartialEq)]
pub struct Quota {
    pub name: String,
    pub value: f64,
    /// Whether the value is the account's own (applied) or the AWS default.
    pub applied: bool,
}

impl Quota {
    /// Requests or tokens, per minute (quota names say which: "On-demand model inference
    /// requests per minute for Amazon Nova Micro").
    pub fn per_minute_of(&self) -> Option<PerMinute> {
        let name = self.name.to_ascii_lowercase();
        if !name.contains("per minute") {
            return None;
        }
        if name.contains("tokens") {
            Some(PerMinute::Tokens)
        } else if name.contains("requests") {
            Some(PerMinute::Requests)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerMinute {
    Requests,
    Tokens,
}

/// The on-demand per-minute quotas whose name ends with the model's name. ListServiceQuotas
/// returns applied values only where one exists (AWS: "If the applied quota value is not
/// available for a quota, the quota is not retrieved"), so the defaults fill the gaps.
pub async fn bedrock_model(aws: &Clients, model_name: &str) -> Result<Vec<Quota>> {
    let wanted = |name: &str| {
        let lower = name.to_ascii_lowercase();
        lower.starts_with("on-demand")
            && lower.ends_with(&format!("for {}", model_name.to_ascii_lowercase()))
    };
    let mut found: Vec<Quota> = Vec::new();
    let mut pages = aws
        .quotas
        .list_service_quotas()
        .service_code("bedrock")
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "Service Quotas",
            "ListServiceQuotas",
            "reading the Bedrock quotas",
        ))?;
        found.extend(page.quotas().iter().filter_map(|q| {
            let (name, value) = (q.quota_name()?, q.value()?);
            wanted(name).then(|| Quota {
                name: name.to_string(),
                value,
                applied: true,
            })
        }));
    }
    let mut pages = aws
        .quotas
        .list_aws_default_service_quotas()
        .service_code("bedrock")
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(aws_err(
            "Service Quotas",
            "ListAWSDefaultServiceQuotas",
            "reading the Bedrock quotas",
        ))?;
        for q in page.quotas() {
            let (Some(name), Some(value)) = (q.quota_name(), q.value()) else {
                continue;
            };
            if wanted(name) && !found.iter().any(|f| f.name == name) {
                found.push(Quota {
                    name: name.to_string(),
                    value,
                    applied: false,
                });
            }
        }
    }
    found.retain(|q| q.per_minute_of().is_some());
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Mocks;
    use aws_sdk_servicequotas::operation::list_aws_default_service_quotas::ListAwsDefaultServiceQuotasOutput;
    use aws_sdk_servicequotas::operation::list_service_quotas::ListServiceQuotasOutput;
    use aws_sdk_servicequotas::types::ServiceQuota;
    use aws_smithy_mocks::mock;

    fn quota(name: &str, value: f64) -> ServiceQuota {
        ServiceQuota::builder()
            .service_code("bedrock")
            .quota_name(name)
            .value(value)
            .build()
    }

    /// Shaped as AWS answers (the emulator has no Service Quotas for Bedrock): applied values
    /// where the account has one, defaults for the rest, other models and quotas left out.
    #[tokio::test]
    async fn applied_values_win_and_defaults_fill_the_gaps() {
        let rpm = "On-demand model inference requests per minute for Amazon Nova Micro";
        let tpm = "On-demand model inference tokens per minute for Amazon Nova Micro";
        let applied = vec![
            quota(rpm, 500.0),
            quota(
                "On-demand model inference requests per minute for Amazon Nova Pro",
                9.0,
            ),
        ];
        let defaults = vec![
            quota(rpm, 100.0),
            quota(tpm, 200_000.0),
            quota(
                "Batch inference job size (in GB) for Amazon Nova Micro",
                5.0,
            ),
        ];
        let mocks = Mocks {
            quotas: vec![
                mock!(aws_sdk_servicequotas::Client::list_service_quotas)
                    .match_requests(|r| r.service_code() == Some("bedrock"))
                    .then_output(move || {
                        ListServiceQuotasOutput::builder()
                            .set_quotas(Some(applied.clone()))
                            .build()
                    }),
                mock!(aws_sdk_servicequotas::Client::list_aws_default_service_quotas).then_output(
                    move || {
                        ListAwsDefaultServiceQuotasOutput::builder()
                            .set_quotas(Some(defaults.clone()))
                            .build()
                    },
                ),
            ],
            ..Mocks::default()
        };
        let found = bedrock_model(&mocks.clients(), "Amazon Nova Micro")
            .await
            .unwrap();
        assert_eq!(
            found,
            [
                Quota {
                    name: rpm.into(),
                    value: 500.0,
                    applied: true
                },
                Quota {
                    name: tpm.into(),
                    value: 200_000.0,
                    applied: false
                },
            ]
        );
        assert_eq!(found[0].per_minute_of(), Some(PerMinute::Requests));
        assert_eq!(found[1].per_minute_of(), Some(PerMinute::Tokens));
    }
}

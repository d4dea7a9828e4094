//! Test support: SDK clients whose calls are answered by aws-smithy-mocks rules (the AWS SDK's
//! own test support), for the API paths the local emulator does not implement. Built without
//! the SDK crates' `test-util` feature, which would compile the SDK a second time for tests.

use crate::aws::Clients;
use aws_smithy_mocks::{Rule, RuleMode};

/// One service client answering from `rules` (matched in any order unless a mode is given).
macro_rules! mock_client {
    ($krate:ident, $rules:expr) => {
        mock_client!($krate, $rules, RuleMode::MatchAny)
    };
    ($krate:ident, $rules:expr, $mode:expr) => {{
        let mut interceptor = aws_smithy_mocks::MockResponseInterceptor::new().rule_mode($mode);
        for rule in $rules {
            interceptor = interceptor.with_rule(rule);
        }
        $krate::Client::from_conf(
            $krate::Config::builder()
                .behavior_version($krate::config::BehaviorVersion::latest())
                .region($krate::config::Region::new("us-east-1"))
                .credentials_provider($krate::config::Credentials::new(
                    "test", "test", None, None, "test",
                ))
                .retry_config(
                    aws_config::retry::RetryConfig::standard()
                        .with_max_attempts(3)
                        .with_initial_backoff(std::time::Duration::from_millis(1)),
                )
                .http_client(aws_smithy_mocks::create_mock_http_client())
                .interceptor(interceptor)
                .build(),
        )
    }};
}

/// Rules per service; services without rules answer every call with an error.
#[derive(Default)]
pub struct Mocks {
    pub cloudwatch: Vec<Rule>,
    pub logs: Vec<Rule>,
    pub lambda: Vec<Rule>,
    pub sfn: Vec<Rule>,
    pub rds: Vec<Rule>,
    pub apigateway: Vec<Rule>,
    pub iam: Vec<Rule>,
    pub quotas: Vec<Rule>,
    pub cost: Vec<Rule>,
    pub athena: Vec<Rule>,
}

impl Mocks {
    pub fn clients(&self) -> Clients {
        Clients {
            cloudwatch: mock_client!(aws_sdk_cloudwatch, &self.cloudwatch),
            logs: mock_client!(aws_sdk_cloudwatchlogs, &self.logs),
            lambda: mock_client!(aws_sdk_lambda, &self.lambda),
            sfn: mock_client!(aws_sdk_sfn, &self.sfn),
            rds: mock_client!(aws_sdk_rds, &self.rds),
            secrets: mock_client!(aws_sdk_secretsmanager, &Vec::<Rule>::new()),
            iam: mock_client!(aws_sdk_iam, &self.iam),
            apigateway: mock_client!(aws_sdk_apigateway, &self.apigateway),
            s3: mock_client!(aws_sdk_s3, &Vec::<Rule>::new()),
            quotas: mock_client!(aws_sdk_servicequotas, &self.quotas),
            cost: mock_client!(aws_sdk_costexplorer, &self.cost),
            athena: mock_client!(aws_sdk_athena, &self.athena),
            endpoint: None,
        }
    }
}

/// A Bedrock Runtime client answering from `rules`, in order (a throttled call, then its retry).
pub fn bedrock(rules: &[Rule]) -> aws_sdk_bedrockruntime::Client {
    mock_client!(aws_sdk_bedrockruntime, rules, RuleMode::Sequential)
}

//! The AWS adapters, one module per service, and the clients they share: built once per run
//! from aws-config (region, profile or SSO, `AWS_ENDPOINT_URL`, and for the sandbox the
//! emulator's endpoint). Every call gets the same timeouts and the seed's retry policy for
//! throttling (004 エラー別対応 / AI_ERROR: 3 attempts, backoff ×2 from 1 s).

pub mod alarms;
pub mod apigateway;
pub mod athena;
pub mod cost;
pub mod iam;
pub mod insights;
pub mod lambda;
pub mod logs;
pub mod metrics;
pub mod quotas;
pub mod rds;
pub mod s3;
pub mod sfn;

use crate::activity::Activity;
use crate::config::Environment;
use crate::config::thresholds::Retry;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::endpoint::EndpointPrefix;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextMut,
};
use aws_smithy_runtime_api::client::interceptors::{Intercept, SharedInterceptor};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use std::time::Duration;

/// Credentials the sandbox's emulator accepts (it checks none).
const SANDBOX_ACCESS_KEY: &str = "sandbox";

#[derive(Debug, Clone)]
pub struct Clients {
    pub cloudwatch: aws_sdk_cloudwatch::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    pub lambda: aws_sdk_lambda::Client,
    pub sfn: aws_sdk_sfn::Client,
    pub rds: aws_sdk_rds::Client,
    pub secrets: aws_sdk_secretsmanager::Client,
    pub iam: aws_sdk_iam::Client,
    pub apigateway: aws_sdk_apigateway::Client,
    pub s3: aws_sdk_s3::Client,
    pub quotas: aws_sdk_servicequotas::Client,
    pub cost: aws_sdk_costexplorer::Client,
    pub athena: aws_sdk_athena::Client,
    /// The endpoint all calls go to when it is not AWS itself (the sandbox's emulator).
    pub endpoint: Option<String>,
}

/// A service client from the shared configuration, its calls registered in `activity`.
macro_rules! client {
    ($krate:ident, $sdk:expr, $waiting:expr) => {
        $krate::Client::from_conf(
            $krate::config::Builder::from($sdk)
                .interceptor($waiting.clone())
                .build(),
        )
    };
}

impl Clients {
    /// Clients for every service; `activity` knows which call is in flight (a deadline that
    /// passes names it, with where it was sent).
    pub fn from_sdk_config(
        sdk: &SdkConfig,
        endpoint: Option<String>,
        activity: &Activity,
    ) -> Clients {
        let waiting = Waiting {
            activity: activity.clone(),
            at: match (&endpoint, sdk.region()) {
                (Some(e), _) => format!(" at {e}"),
                (None, Some(r)) => format!(" in {r}"),
                (None, None) => String::new(),
            },
        };
        Clients {
            cloudwatch: client!(aws_sdk_cloudwatch, sdk, waiting),
            logs: aws_sdk_cloudwatchlogs::Client::from_conf({
                let mut logs = aws_sdk_cloudwatchlogs::config::Builder::from(sdk);
                logs.push_interceptor(SharedInterceptor::new(waiting.clone()));
                if endpoint.is_some() {
                    logs.push_interceptor(SharedInterceptor::new(NoHostPrefix));
                }
                logs.build()
            }),
            lambda: client!(aws_sdk_lambda, sdk, waiting),
            sfn: client!(aws_sdk_sfn, sdk, waiting),
            rds: client!(aws_sdk_rds, sdk, waiting),
            secrets: client!(aws_sdk_secretsmanager, sdk, waiting),
            iam: client!(aws_sdk_iam, sdk, waiting),
            apigateway: client!(aws_sdk_apigateway, sdk, waiting),
            // An endpoint of its own (the emulator) has no bucket subdomains: address buckets
            // by path there.
            s3: aws_sdk_s3::Client::from_conf(
                aws_sdk_s3::config::Builder::from(sdk)
                    .force_path_style(endpoint.is_some())
                    .interceptor(waiting.clone())
                    .build(),
            ),
            quotas: client!(aws_sdk_servicequotas, sdk, waiting),
            cost: client!(aws_sdk_costexplorer, sdk, waiting),
            athena: client!(aws_sdk_athena, sdk, waiting),
            endpoint,
        }
    }
}

/// Registers each AWS operation from its start to its end, retries and backoff included.
#[derive(Debug, Clone)]
struct Waiting {
    activity: Activity,
    /// ` at http://127.0.0.1:25433`, ` in ap-northeast-1`.
    at: String,
}

/// The registration, kept in the operation's own state: it ends with the operation, however
/// that ends (even when a timeout drops it).
#[derive(Debug)]
struct InFlight(#[allow(dead_code)] crate::activity::Guard);

impl Storable for InFlight {
    type Storer = StoreReplace<Self>;
}

impl Intercept for Waiting {
    fn name(&self) -> &'static str {
        "mandala-ops: calls in flight"
    }

    // The first hook after the operation's own configuration (its name) is in the bag.
    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let what = match cfg.load::<Metadata>() {
            Some(m) => format!("AWS {} {}{}", m.service(), m.name(), self.at),
            None => format!("AWS{}", self.at),
        };
        cfg.interceptor_state()
            .store_put(InFlight(self.activity.enter(what)));
        Ok(())
    }
}

/// At an endpoint of its own (the emulator) every operation goes to that one host: the `stream-`
/// prefix AWS puts before Live Tail's host (`stream-logs.REGION.amazonaws.com`) would name a
/// host that does not exist there.
#[derive(Debug)]
struct NoHostPrefix;

impl Intercept for NoHostPrefix {
    fn name(&self) -> &'static str {
        "mandala-ops: no host prefix at an endpoint URL"
    }

    // After the operation stored its prefix, before the endpoint is resolved.
    fn modify_before_retry_loop(
        &self,
        _context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        cfg.interceptor_state().unset::<EndpointPrefix>();
        Ok(())
    }
}

/// The SDK configuration for an environment. `sandbox_credentials`: sign with the emulator's
/// throwaway credentials (it checks none; a developer's real ones are not needed).
pub async fn sdk_config(env: &Environment, retry: &Retry, sandbox_credentials: bool) -> SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(env.region.clone()))
        .retry_config(retry_config(retry))
        .timeout_config(timeout_config());
    if let Some(profile) = &env.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(endpoint) = &env.endpoint_url {
        loader = loader.endpoint_url(endpoint);
        if sandbox_credentials {
            loader = loader.credentials_provider(aws_sdk_cloudwatch::config::Credentials::new(
                SANDBOX_ACCESS_KEY,
                SANDBOX_ACCESS_KEY,
                None,
                None,
                "mandala-ops-sandbox",
            ));
        }
    }
    loader.load().await
}

/// Standard retry mode: throttling and transient errors are retried with exponential backoff
/// and jitter, starting at the seed's initial interval and capped.
pub fn retry_config(retry: &Retry) -> RetryConfig {
    RetryConfig::standard()
        .with_max_attempts(retry.max_attempts.max(1))
        .with_initial_backoff(Duration::from_millis(retry.initial_interval_ms))
        .with_max_backoff(Duration::from_millis(retry.max_interval_ms))
}

/// Connect within 5 s, one attempt within 30 s, a whole call (retries included) within 90 s.
pub fn timeout_config() -> TimeoutConfig {
    TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(5))
        .read_timeout(Duration::from_secs(30))
        .operation_attempt_timeout(Duration::from_secs(30))
        .operation_timeout(Duration::from_secs(90))
        .build()
}

/// `aws_smithy_types::DateTime` to jiff.
pub fn to_timestamp(t: &aws_smithy_types::DateTime) -> Option<jiff::Timestamp> {
    jiff::Timestamp::new(t.secs(), t.subsec_nanos() as i32).ok()
}

/// jiff to `aws_smithy_types::DateTime`.
pub fn from_timestamp(t: jiff::Timestamp) -> aws_smithy_types::DateTime {
    aws_smithy_types::DateTime::from_millis(t.as_millisecond())
}

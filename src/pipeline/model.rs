//! The model behind the pipeline: Amazon Bedrock through the Converse API (seed 001 環境変数の
//! 設定: BEDROCK_MODEL_ID, BEDROCK_REGION, BEDROCK_MAX_RETRIES, BEDROCK_TIMEOUT_MS), or a
//! cassette of recorded answers for offline replays.

use crate::config::thresholds::Bedrock as Settings;
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::time::Duration;

/// One answer of the model, with what it cost in tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    pub text: String,
    pub input_tokens: u32,
    pub output_tokens: u32,
    /// How long the model took, ms (recorded, so replays log the durations of the incident).
    #[serde(default)]
    pub latency_ms: u64,
}

/// One recorded call: an answer, or the error the model gave (a throttled Bedrock, say).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Recorded {
    Answer(Response),
    Error { error: RecordedError },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedError {
    pub code: String,
    pub message: String,
}

/// Why the model gave no answer; `code` is the service's error code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelError {
    /// `AI_ERROR` or `TIMEOUT_ERROR` (seed 004 エラー別対応).
    pub code: &'static str,
    pub message: String,
    pub retryable: bool,
}

pub trait Model: Send + Sync {
    fn name(&self) -> String;
    fn generate<'a>(&'a self, prompt: &'a str) -> BoxFuture<'a, Result<Response, ModelError>>;
}

/// Recorded answers, served in order.
pub struct Cassette {
    responses: Mutex<std::collections::VecDeque<Recorded>>,
}

impl Cassette {
    pub fn new(responses: Vec<Recorded>) -> Cassette {
        Cassette {
            responses: Mutex::new(responses.into()),
        }
    }
}

impl Model for Cassette {
    fn name(&self) -> String {
        "cassette".into()
    }

    fn generate<'a>(&'a self, _prompt: &'a str) -> BoxFuture<'a, Result<Response, ModelError>> {
        let next = self
            .responses
            .lock()
            .map(|mut r| r.pop_front())
            .ok()
            .flatten();
        Box::pin(async move {
            match next {
                Some(Recorded::Answer(r)) => Ok(r),
                Some(Recorded::Error { error }) => Err(ModelError {
                    code: if error.code == "TIMEOUT_ERROR" { "TIMEOUT_ERROR" } else { "AI_ERROR" },
                    message: error.message,
                    retryable: false,
                }),
                None => Err(ModelError {
                    code: "AI_ERROR",
                    message: "the cassette has no more recorded answers (the run asked the model more often than when it was recorded)".into(),
                    retryable: false,
                }),
            }
        })
    }
}

/// Amazon Bedrock's Converse API. Throttling and transient errors are retried by the SDK with
/// backoff up to BEDROCK_MAX_RETRIES attempts; the whole call is bounded by BEDROCK_TIMEOUT_MS.
pub struct Bedrock {
    client: aws_sdk_bedrockruntime::Client,
    model_id: String,
    timeout: Duration,
}

impl Bedrock {
    pub fn new(client: aws_sdk_bedrockruntime::Client, settings: &Settings) -> Bedrock {
        Bedrock {
            client,
            model_id: settings.model_id.clone(),
            timeout: Duration::from_millis(settings.timeout_ms),
        }
    }

    /// A client for `settings.region`, with the SDK's standard retries (BEDROCK_MAX_RETRIES).
    pub fn from_sdk(
        sdk: &aws_config::SdkConfig,
        retry: &crate::config::thresholds::Retry,
        settings: &Settings,
    ) -> Bedrock {
        let conf = aws_sdk_bedrockruntime::config::Builder::from(sdk)
            .region(aws_sdk_bedrockruntime::config::Region::new(
                settings.region.clone(),
            ))
            .retry_config(
                crate::aws::retry_config(retry).with_max_attempts(settings.max_retries.max(1)),
            )
            .build();
        Bedrock::new(aws_sdk_bedrockruntime::Client::from_conf(conf), settings)
    }
}

impl Model for Bedrock {
    fn name(&self) -> String {
        format!("bedrock:{}", self.model_id)
    }

    fn generate<'a>(&'a self, prompt: &'a str) -> BoxFuture<'a, Result<Response, ModelError>> {
        use aws_sdk_bedrockruntime::types::{
            ContentBlock, ConversationRole, ConverseOutput, InferenceConfiguration, Message,
        };
        Box::pin(async move {
            let started = std::time::Instant::now();
            let message = Message::builder()
                .role(ConversationRole::User)
                .content(ContentBlock::Text(prompt.to_string()))
                .build()
                .map_err(|e| ModelError {
                    code: "AI_ERROR",
                    message: e.to_string(),
                    retryable: false,
                })?;
            let call = self
                .client
                .converse()
                .model_id(&self.model_id)
                .messages(message)
                .inference_config(
                    InferenceConfiguration::builder()
                        .max_tokens(4096)
                        .temperature(0.3)
                        .build(),
                )
                .send();
            let out = match tokio::time::timeout(self.timeout, call).await {
                Err(_) => {
                    return Err(ModelError {
                        code: "TIMEOUT_ERROR",
                        message: format!(
                            "Bedrock did not answer within {} ms (BEDROCK_TIMEOUT_MS)",
                            self.timeout.as_millis()
                        ),
                        retryable: true,
                    });
                }
                Ok(Err(e)) => {
                    use aws_smithy_types::error::metadata::ProvideErrorMetadata;
                    let code = e.code().unwrap_or_default().to_string();
                    let service = e.as_service_error();
                    let throttled = crate::error::is_throttling(&code)
                        || service.is_some_and(|s| s.is_throttling_exception());
                    let denied = code.contains("AccessDenied")
                        || service.is_some_and(|s| s.is_access_denied_exception());
                    let detail = match e.message() {
                        Some(m) if !code.is_empty() => format!("{code}: {m}"),
                        _ => aws_smithy_types::error::display::DisplayErrorContext(&e).to_string(),
                    };
                    return Err(ModelError {
                        code: if matches!(
                            e,
                            aws_smithy_runtime_api::client::result::SdkError::TimeoutError(_)
                        ) {
                            "TIMEOUT_ERROR"
                        } else {
                            "AI_ERROR"
                        },
                        message: if throttled {
                            format!(
                                "Bedrock throttled the request after retries with backoff ({detail})"
                            )
                        } else if denied {
                            format!(
                                "{detail}; check the model access for {} in the Bedrock console",
                                self.model_id
                            )
                        } else {
                            format!("Bedrock Converse failed: {detail}")
                        },
                        retryable: throttled,
                    });
                }
                Ok(Ok(out)) => out,
            };
            let text = match out.output() {
                Some(ConverseOutput::Message(m)) => m
                    .content()
                    .iter()
                    .filter_map(|c| c.as_text().ok().cloned())
                    .collect::<Vec<_>>()
                    .join(""),
                _ => String::new(),
            };
            let usage = out.usage();
            Ok(Response {
                text,
                input_tokens: usage.map(|u| u.input_tokens().max(0) as u32).unwrap_or(0),
                output_tokens: usage.map(|u| u.output_tokens().max(0) as u32).unwrap_or(0),
                latency_ms: started.elapsed().as_millis() as u64,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_bedrockruntime::Client;
    use aws_sdk_bedrockruntime::operation::converse::{ConverseError, ConverseOutput as Out};
    use aws_sdk_bedrockruntime::types::error::AccessDeniedException;
    use aws_sdk_bedrockruntime::types::{
        ContentBlock, ConversationRole, ConverseOutput, Message, StopReason, TokenUsage,
    };
    use aws_smithy_mocks::mock;

    fn answer() -> Out {
        Out::builder()
            .output(ConverseOutput::Message(
                Message::builder()
                    .role(ConversationRole::Assistant)
                    .content(ContentBlock::Text("{\"tasks\": []}".into()))
                    .build()
                    .unwrap(),
            ))
            .stop_reason(StopReason::EndTurn)
            .usage(
                TokenUsage::builder()
                    .input_tokens(800)
                    .output_tokens(300)
                    .total_tokens(1100)
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap()
    }

    /// A 429 as Bedrock sends it, so the SDK's own retry policy classifies it.
    fn too_many() -> aws_smithy_runtime_api::http::Response {
        let mut r = aws_smithy_runtime_api::http::Response::new(
            aws_smithy_runtime_api::http::StatusCode::try_from(429).unwrap(),
            aws_smithy_types::body::SdkBody::from(r#"{"message":"Rate exceeded"}"#),
        );
        r.headers_mut()
            .insert("x-amzn-errortype", "ThrottlingException");
        r.headers_mut().insert("content-type", "application/json");
        r
    }

    fn throttled() -> aws_smithy_mocks::Rule {
        mock!(Client::converse).then_http_response(too_many)
    }

    fn bedrock(rules: &[aws_smithy_mocks::Rule], timeout_ms: u64) -> Bedrock {
        Bedrock::new(
            crate::testkit::bedrock(rules),
            &Settings {
                timeout_ms,
                ..Settings::default()
            },
        )
    }

    #[tokio::test]
    async fn success_with_token_counts() {
        let ok = mock!(Client::converse)
            .match_requests(|r| r.model_id() == Some("amazon.nova-micro-v1:0"))
            .then_output(answer);
        let r = bedrock(&[ok], 1000).generate("prompt").await.unwrap();
        assert_eq!(
            (r.text.as_str(), r.input_tokens, r.output_tokens),
            ("{\"tasks\": []}", 800, 300)
        );
    }

    #[tokio::test]
    async fn throttling_is_retried_then_succeeds() {
        let rule = mock!(Client::converse)
            .sequence()
            .http_response(too_many)
            .output(answer)
            .build();
        let model = bedrock(std::slice::from_ref(&rule), 1000);
        assert!(model.generate("prompt").await.is_ok());
        assert_eq!(rule.num_calls(), 2, "one throttled call, one retry");
    }

    #[tokio::test]
    async fn throttling_past_the_retries_is_an_ai_error() {
        let throttled = throttled();
        let model = bedrock(std::slice::from_ref(&throttled), 1000);
        let e = model.generate("prompt").await.unwrap_err();
        assert_eq!((e.code, e.retryable), ("AI_ERROR", true));
        assert!(e.message.contains("throttled"), "{}", e.message);
        assert_eq!(throttled.num_calls(), 3, "BEDROCK_MAX_RETRIES attempts");
    }

    #[tokio::test]
    async fn access_denied_names_the_model() {
        let denied = mock!(Client::converse).then_error(|| {
            ConverseError::AccessDeniedException(
                AccessDeniedException::builder()
                    .message("no access")
                    .build(),
            )
        });
        let e = bedrock(&[denied], 1000)
            .generate("prompt")
            .await
            .unwrap_err();
        assert_eq!((e.code, e.retryable), ("AI_ERROR", false));
        assert!(
            e.message.contains("amazon.nova-micro-v1:0"),
            "{}",
            e.message
        );
    }

    /// An endpoint that accepts the connection and never answers.
    #[tokio::test]
    async fn a_silent_endpoint_is_a_timeout_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                held.push(socket);
            }
        });
        let conf = aws_sdk_bedrockruntime::Config::builder()
            .behavior_version(aws_sdk_bedrockruntime::config::BehaviorVersion::latest())
            .region(aws_sdk_bedrockruntime::config::Region::new(
                "ap-northeast-1",
            ))
            .endpoint_url(format!("http://127.0.0.1:{port}"))
            .credentials_provider(aws_sdk_bedrockruntime::config::Credentials::new(
                "a", "b", None, None, "test",
            ))
            .build();
        let model = Bedrock::new(
            Client::from_conf(conf),
            &Settings {
                timeout_ms: 200,
                ..Settings::default()
            },
        );
        let e = model.generate("prompt").await.unwrap_err();
        assert_eq!(e.code, "TIMEOUT_ERROR");
        assert!(e.message.contains("200 ms"), "{}", e.message);
    }

    #[tokio::test]
    async fn a_cassette_serves_in_order_then_runs_dry() {
        let c = Cassette::new(vec![Recorded::Answer(Response {
            text: "a".into(),
            input_tokens: 1,
            output_tokens: 2,
            latency_ms: 5,
        })]);
        assert_eq!(c.generate("p").await.unwrap().text, "a");
        assert_eq!(c.generate("p").await.unwrap_err().code, "AI_ERROR");
    }
}

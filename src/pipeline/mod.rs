//! The AI generation pipeline as a library: input validation, prompt, model, parsing, quality
//! validation with regeneration, metadata and the structured logs the service emits. `replay`
//! runs it on recorded or live model answers; the sandbox seeds its data with it.

pub mod case;
pub mod domain;
pub mod model;
pub mod parse;
pub mod prompt;
pub mod quality;
pub mod replay;
pub mod validate;

use crate::config::Thresholds;
use domain::{ActionType, Generated, Input, Kind};
use model::{Model, ModelError, Response};
use quality::{Finding, Severity};
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

/// Who and when, for the logs a run emits.
#[derive(Debug, Clone)]
pub struct Ids {
    pub request_id: Uuid,
    pub user_id: Uuid,
    pub action_id: Uuid,
    pub started: jiff::Timestamp,
}

impl Ids {
    pub fn new(user_id: Uuid, started: jiff::Timestamp) -> Ids {
        Ids {
            request_id: Uuid::new_v4(),
            user_id,
            action_id: Uuid::new_v4(),
            started,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Attempt {
    pub number: u32,
    pub prompt: prompt::Prompt,
    pub response: Option<Response>,
    pub model_error: Option<ModelError>,
    pub parse_error: Option<String>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Success { result: Generated },
    Failure { code: &'static str, message: String },
}

impl Outcome {
    /// `success`, or the error code.
    pub fn label(&self) -> &str {
        match self {
            Outcome::Success { .. } => "success",
            Outcome::Failure { code, .. } => code,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub tokens_used: u32,
    pub input_tokens: u32,
    pub output_tokens: u32,
    pub estimated_cost: f64,
    pub duration_ms: u64,
    pub attempts: u32,
    pub task_count: Option<usize>,
    pub total_estimated_minutes: Option<u32>,
    pub priority_distribution: Option<String>,
    pub action_type: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub kind: Kind,
    pub model: String,
    pub validation: Vec<validate::FieldError>,
    pub attempts: Vec<Attempt>,
    pub outcome: Outcome,
    pub metadata: Metadata,
    /// The structured log events the service would have written, in order.
    pub logs: Vec<Value>,
}

/// Runs one generation as the service does.
pub async fn run(kind: Kind, input: &Input, model: &dyn Model, t: &Thresholds, ids: &Ids) -> Run {
    let q = &t.quality;
    let mut run = Run {
        kind,
        model: model.name(),
        validation: validate::validate(kind, input, q),
        attempts: Vec::new(),
        outcome: Outcome::Failure {
            code: "AI_ERROR",
            message: String::new(),
        },
        metadata: Metadata::default(),
        logs: Vec::new(),
    };
    let mut log = Logger {
        ids,
        kind,
        elapsed: 0,
        logs: Vec::new(),
    };
    if !run.validation.is_empty() {
        let message = format!(
            "入力値が不正です: {}",
            run.validation
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("; ")
        );
        log.error("VALIDATION_ERROR", &message);
        run.outcome = Outcome::Failure {
            code: "VALIDATION_ERROR",
            message,
        };
        run.logs = log.logs;
        return run;
    }
    let action_type = input.action.as_ref().map(|a| a.kind);
    let mut feedback: Vec<String> = Vec::new();
    let mut last_parse_failed = false;
    for number in 1..=q.max_attempts.max(1) {
        let prompt = prompt::build(kind, input, &feedback);
        let mut attempt = Attempt {
            number,
            prompt,
            response: None,
            model_error: None,
            parse_error: None,
            findings: Vec::new(),
        };
        let answer = model.generate(&attempt.prompt.text).await;
        run.metadata.attempts = number;
        let response = match answer {
            Ok(r) => r,
            Err(e) => {
                log.elapsed += 1;
                log.bedrock_error(&e);
                log.error(e.code, &e.message);
                run.outcome = Outcome::Failure {
                    code: e.code,
                    message: e.message.clone(),
                };
                attempt.model_error = Some(e);
                run.attempts.push(attempt);
                break;
            }
        };
        log.elapsed += response.latency_ms;
        run.metadata.input_tokens += response.input_tokens;
        run.metadata.output_tokens += response.output_tokens;
        log.bedrock(&response, &t.bedrock.model_id);
        let parsed = parse::parse(kind, &response.text);
        attempt.response = Some(response);
        let mut generated = match parsed {
            Ok(g) => g,
            Err(e) => {
                feedback = vec![e.clone()];
                attempt.parse_error = Some(e);
                last_parse_failed = true;
                run.attempts.push(attempt);
                continue;
            }
        };
        last_parse_failed = false;
        attempt.findings = quality::check(&mut generated, action_type, q);
        let errors: Vec<String> = attempt
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.clone())
            .collect();
        for w in attempt
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
        {
            log.warning(w);
        }
        run.attempts.push(attempt);
        if errors.is_empty() {
            run.outcome = Outcome::Success { result: generated };
            break;
        }
        log.quality_retry(number, &errors);
        feedback = errors;
    }
    if run.attempts.len() as u32 == q.max_attempts.max(1)
        && !matches!(run.outcome, Outcome::Success { .. })
        && run.attempts.last().is_some_and(|a| a.model_error.is_none())
    {
        let (code, message) = if last_parse_failed {
            (
                "AI_ERROR",
                format!("AIの応答を{}回解析できませんでした", q.max_attempts),
            )
        } else {
            (
                "QUALITY_ERROR",
                format!("タスクの品質検証に{}回失敗しました", q.max_attempts),
            )
        };
        log.error(code, &message);
        run.outcome = Outcome::Failure { code, message };
    }
    let m = &mut run.metadata;
    m.tokens_used = m.input_tokens + m.output_tokens;
    m.estimated_cost = ((m.input_tokens as f64 / 1000.0 * t.cost.input_per_1k_tokens_usd
        + m.output_tokens as f64 / 1000.0 * t.cost.output_per_1k_tokens_usd)
        * 1e8)
        .round()
        / 1e8;
    m.duration_ms = log.elapsed;
    m.action_type = action_type.map(ActionType::as_str);
    if let Outcome::Success {
        result: Generated::Tasks(tasks),
    } = &run.outcome
    {
        m.task_count = Some(tasks.len());
        m.total_estimated_minutes = Some(tasks.iter().filter_map(|t| t.estimated_minutes).sum());
        m.priority_distribution = Some(quality::distribution(tasks));
    }
    if let Outcome::Success { result } = &run.outcome {
        log.success(kind, result, m);
    }
    run.logs = log.logs;
    run
}

/// Writes the service's structured log events (seed 002 ログフォーマット; the shapes `queries/`
/// read: `action`, `metadata.tokensUsed`, `metadata.taskCount`, `metadata.priorityDistribution`,
/// `error.code`, …).
struct Logger<'a> {
    ids: &'a Ids,
    kind: Kind,
    /// Milliseconds since the run started: event times follow the model's (recorded) latency.
    elapsed: u64,
    logs: Vec<Value>,
}

impl Logger<'_> {
    fn push(&mut self, mut event: Value) {
        let at = self.ids.started + jiff::SignedDuration::from_millis(self.elapsed as i64);
        event["timestamp"] = at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string().into();
        event["requestId"] = self.ids.request_id.to_string().into();
        event["userId"] = self.ids.user_id.to_string().into();
        event["type"] = self.kind.as_str().into();
        self.logs.push(event);
    }

    fn bedrock(&mut self, r: &Response, model_id: &str) {
        self.push(json!({"level": "INFO", "action": "bedrock_invoke_model", "duration": r.latency_ms,
            "metadata": {"tokensUsed": r.input_tokens + r.output_tokens, "inputTokens": r.input_tokens, "outputTokens": r.output_tokens, "modelId": model_id}}));
    }

    fn bedrock_error(&mut self, e: &ModelError) {
        // 000 Bedrockメトリクス: the success-rate query counts error.code = "BedrockError".
        self.push(json!({"level": "ERROR", "action": "bedrock_invoke_model", "error": {"code": "BedrockError", "message": e.message}}));
    }

    fn warning(&mut self, f: &Finding) {
        let action_id = self.ids.action_id.to_string();
        self.push(json!({"level": "WARN", "action": format!("quality_warning_{}", f.code), "actionId": action_id, "message": f.message}));
    }

    fn quality_retry(&mut self, attempt: u32, errors: &[String]) {
        let action_id = self.ids.action_id.to_string();
        self.push(json!({"level": "WARN", "action": "quality_retry", "actionId": action_id, "attempt": attempt,
            "message": format!("品質検証に失敗したため再生成します: {}", errors.join("; "))}));
    }

    fn error(&mut self, code: &str, message: &str) {
        let noun = self
            .kind
            .as_str()
            .trim_end_matches("_GENERATION")
            .to_lowercase();
        self.push(json!({"level": "ERROR", "action": format!("{noun}_generation_error"), "error": {"code": code, "message": message}}));
    }

    fn success(&mut self, kind: Kind, result: &Generated, m: &Metadata) {
        let noun = kind.as_str().trim_end_matches("_GENERATION").to_lowercase();
        let mut metadata = json!({"tokensUsed": m.tokens_used, "estimatedCost": m.estimated_cost, "attempts": m.attempts, "generated": result.len()});
        if let (Some(n), Some(total), Some(dist)) = (
            m.task_count,
            m.total_estimated_minutes,
            &m.priority_distribution,
        ) {
            metadata["taskCount"] = n.into();
            metadata["totalEstimatedMinutes"] = total.into();
            metadata["priorityDistribution"] = dist.clone().into();
            metadata["actionContext"] = json!({"actionType": m.action_type});
        }
        let action_id = self.ids.action_id.to_string();
        self.push(json!({"level": "INFO", "action": format!("{noun}_generation_success"), "actionId": action_id,
            "message": "生成が完了しました", "duration": m.duration_ms, "metadata": metadata}));
    }
}

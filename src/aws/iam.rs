//! May a role invoke a Bedrock model? (001 トラブルシューティング 5. Bedrockモデルにアクセスできない:
//! "IAMロールの権限を確認"). IAM's policy simulator answers it as AWS evaluates; where the
//! endpoint lacks the simulator (the local emulator), the role's own identity policies are
//! evaluated here: an explicit Deny wins, then an Allow, else the implicit deny.

use super::Clients;
use crate::error::{Error, Result, aws_err};
use serde_json::Value;
use wildmatch::WildMatch;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Allowed, by these policies.
    Allowed(Vec<String>),
    /// Denied by these policies' Deny statements.
    ExplicitDeny(Vec<String>),
    /// No statement allows it.
    ImplicitDeny,
    /// Allowed only under a Condition that cannot be judged without a request.
    Conditional(Vec<String>),
}

/// How the decision was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Simulator,
    RolePolicies,
}

/// The role's name from its ARN (`arn:aws:iam::1:role/service-role/name` → `name`).
pub fn role_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// The decision for `action` on `resource` by the role `role_arn`.
pub async fn decide(
    aws: &Clients,
    role_arn: &str,
    action: &str,
    resource: &str,
) -> Result<(Decision, Method)> {
    match simulate(aws, role_arn, action, resource).await {
        Ok(d) => Ok((d, Method::Simulator)),
        Err(Error::Unsupported { .. }) => {
            let policies = role_policies(aws, role_name(role_arn)).await?;
            Ok((evaluate(&policies, action, resource), Method::RolePolicies))
        }
        Err(e) => Err(e),
    }
}

async fn simulate(aws: &Clients, role_arn: &str, action: &str, resource: &str) -> Result<Decision> {
    use aws_sdk_iam::types::PolicyEvaluationDecisionType as D;
    let out = aws
        .iam
        .simulate_principal_policy()
        .policy_source_arn(role_arn)
        .action_names(action)
        .resource_arns(resource)
        .send()
        .await
        .map_err(aws_err(
            "IAM",
            "SimulatePrincipalPolicy",
            format!("simulating {action} for {}", role_name(role_arn)),
        ))?;
    let Some(result) = out.evaluation_results().first() else {
        return Err(Error::failed(format!(
            "IAM SimulatePrincipalPolicy returned no result for {action}"
        )));
    };
    let by: Vec<String> = result
        .matched_statements()
        .iter()
        .filter_map(|s| s.source_policy_id().map(str::to_string))
        .collect();
    Ok(match result.eval_decision() {
        D::Allowed => Decision::Allowed(by),
        D::ExplicitDeny => Decision::ExplicitDeny(by),
        _ if !result.missing_context_values().is_empty() => Decision::Conditional(by),
        _ => Decision::ImplicitDeny,
    })
}

/// The role's inline and attached (default version) policy documents, by name.
async fn role_policies(aws: &Clients, role: &str) -> Result<Vec<(String, Value)>> {
    let doing = format!("reading the policies of {role}");
    let mut docs = Vec::new();
    let inline = aws
        .iam
        .list_role_policies()
        .role_name(role)
        .send()
        .await
        .map_err(aws_err("IAM", "ListRolePolicies", &doing))?;
    for name in inline.policy_names() {
        let out = aws
            .iam
            .get_role_policy()
            .role_name(role)
            .policy_name(name)
            .send()
            .await
            .map_err(aws_err("IAM", "GetRolePolicy", &doing))?;
        docs.push((name.clone(), document(out.policy_document())?));
    }
    let attached = aws
        .iam
        .list_attached_role_policies()
        .role_name(role)
        .send()
        .await
        .map_err(aws_err("IAM", "ListAttachedRolePolicies", &doing))?;
    for policy in attached.attached_policies() {
        let (Some(arn), name) = (
            policy.policy_arn(),
            policy.policy_name().unwrap_or_default(),
        ) else {
            continue;
        };
        let meta = aws
            .iam
            .get_policy()
            .policy_arn(arn)
            .send()
            .await
            .map_err(aws_err("IAM", "GetPolicy", &doing))?;
        let Some(version) = meta.policy().and_then(|p| p.default_version_id()) else {
            continue;
        };
        let out = aws
            .iam
            .get_policy_version()
            .policy_arn(arn)
            .version_id(version)
            .send()
            .await
            .map_err(aws_err("IAM", "GetPolicyVersion", &doing))?;
        let text = out
            .policy_version()
            .and_then(|v| v.document())
            .unwrap_or_default();
        docs.push((name.to_string(), document(text)?));
    }
    Ok(docs)
}

/// A policy document as IAM returns it: URL-encoded JSON (RFC 3986).
fn document(text: &str) -> Result<Value> {
    let decoded = percent_encoding::percent_decode_str(text).decode_utf8_lossy();
    serde_json::from_str(&decoded).map_err(|e| {
        Error::failed(format!(
            "IAM returned a policy document that is not JSON: {e}"
        ))
    })
}

/// A string or a list of strings of a statement.
fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Does any pattern match? Actions compare without case, as IAM compares them.
fn any_match(patterns: &[&str], value: &str, ignore_case: bool) -> bool {
    patterns.iter().any(|p| {
        if ignore_case {
            WildMatch::new(&p.to_ascii_lowercase()).matches(&value.to_ascii_lowercase())
        } else {
            WildMatch::new(p).matches(value)
        }
    })
}

/// Whether a statement is about `action` on `resource` (Action/NotAction, Resource/NotResource).
fn applies(s: &Value, action: &str, resource: &str) -> bool {
    let action_ok = if s.get("NotAction").is_some() {
        !any_match(&strings(&s["NotAction"]), action, true)
    } else {
        any_match(&strings(&s["Action"]), action, true)
    };
    let resource_ok = if s.get("NotResource").is_some() {
        !any_match(&strings(&s["NotResource"]), resource, false)
    } else {
        any_match(&strings(&s["Resource"]), resource, false)
    };
    action_ok && resource_ok
}

/// IAM's evaluation of identity policies for one request.
pub fn evaluate(policies: &[(String, Value)], action: &str, resource: &str) -> Decision {
    let mut allow = Vec::new();
    let mut conditional = Vec::new();
    let mut deny = Vec::new();
    for (name, doc) in policies {
        let statements = match &doc["Statement"] {
            Value::Array(a) => a.iter().collect(),
            s @ Value::Object(_) => vec![s],
            _ => Vec::new(),
        };
        for s in statements
            .into_iter()
            .filter(|s| applies(s, action, resource))
        {
            let conditioned = s.get("Condition").is_some();
            match (s["Effect"].as_str(), conditioned) {
                // A conditional Deny may or may not apply: it cannot make the answer "allowed".
                (Some("Deny"), false) => deny.push(name.clone()),
                (Some("Deny"), true) | (Some("Allow"), true) => conditional.push(name.clone()),
                (Some("Allow"), false) => allow.push(name.clone()),
                _ => {}
            }
        }
    }
    if !deny.is_empty() {
        Decision::ExplicitDeny(deny)
    } else if !conditional.is_empty() {
        Decision::Conditional(conditional)
    } else if !allow.is_empty() {
        Decision::Allowed(allow)
    } else {
        Decision::ImplicitDeny
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ACTION: &str = "bedrock:InvokeModel";
    const MODEL: &str = "arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-micro-v1:0";

    fn policy(name: &str, statement: Value) -> (String, Value) {
        (
            name.into(),
            json!({"Version": "2012-10-17", "Statement": statement}),
        )
    }

    #[test]
    fn deny_wins_then_allow_then_the_implicit_deny() {
        let allow = policy(
            "BedrockAccess",
            json!([{"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                    "Resource": "arn:aws:bedrock:*::foundation-model/amazon.nova-*"}]),
        );
        assert_eq!(
            evaluate(std::slice::from_ref(&allow), ACTION, MODEL),
            Decision::Allowed(vec!["BedrockAccess".into()])
        );
        let deny = policy(
            "NoBedrock",
            json!({"Effect": "Deny", "Action": "bedrock:*", "Resource": "*"}),
        );
        assert_eq!(
            evaluate(&[allow.clone(), deny], ACTION, MODEL),
            Decision::ExplicitDeny(vec!["NoBedrock".into()])
        );
        // Another model, another action, or no policy at all: nothing allows it.
        let other = "arn:aws:bedrock:ap-northeast-1::foundation-model/anthropic.claude-v2";
        assert_eq!(
            evaluate(std::slice::from_ref(&allow), ACTION, other),
            Decision::ImplicitDeny
        );
        assert_eq!(
            evaluate(&[allow], "bedrock:ListFoundationModels", MODEL),
            Decision::ImplicitDeny
        );
        assert_eq!(evaluate(&[], ACTION, MODEL), Decision::ImplicitDeny);
    }

    #[test]
    fn case_not_action_and_conditions() {
        let lower = policy(
            "p",
            json!({"Effect": "Allow", "Action": "BEDROCK:invokemodel", "Resource": "*"}),
        );
        assert!(matches!(
            evaluate(&[lower], ACTION, MODEL),
            Decision::Allowed(_)
        ));
        let not_action = policy(
            "p",
            json!({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}),
        );
        assert!(matches!(
            evaluate(&[not_action], ACTION, MODEL),
            Decision::Allowed(_)
        ));
        let conditioned = policy(
            "p",
            json!({"Effect": "Allow", "Action": "bedrock:*", "Resource": "*",
                   "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}),
        );
        assert!(matches!(
            evaluate(&[conditioned], ACTION, MODEL),
            Decision::Conditional(_)
        ));
    }

    #[test]
    fn documents_are_url_decoded_and_role_names_taken_from_arns() {
        let doc = document("%7B%22Statement%22%3A%5B%5D%7D").unwrap();
        assert_eq!(doc, json!({"Statement": []}));
        assert!(document("not json").is_err());
        assert_eq!(
            role_name("arn:aws:iam::123456789012:role/service-role/worker"),
            "worker"
        );
    }
}

#[cfg(test)]
mod simulator_tests {
    use super::*;
    use crate::testkit::Mocks;
    use aws_sdk_iam::operation::simulate_principal_policy::SimulatePrincipalPolicyOutput;
    use aws_sdk_iam::types::{EvaluationResult, PolicyEvaluationDecisionType, Statement};
    use aws_smithy_mocks::mock;

    /// Against AWS the simulator answers (the emulator lacks it): a permissions boundary or an
    /// SCP deny shows up there, which the role's own policies cannot show.
    #[tokio::test]
    async fn the_simulators_answer_is_taken_when_there_is_one() {
        let mocks = Mocks {
            iam: vec![
                mock!(aws_sdk_iam::Client::simulate_principal_policy)
                    .match_requests(|r| {
                        r.action_names() == ["bedrock:InvokeModel"]
                            && r.policy_source_arn() == Some("arn:aws:iam::1:role/worker")
                    })
                    .then_output(|| {
                        SimulatePrincipalPolicyOutput::builder()
                            .evaluation_results(
                                EvaluationResult::builder()
                                    .eval_action_name("bedrock:InvokeModel")
                                    .eval_decision(PolicyEvaluationDecisionType::ExplicitDeny)
                                    .matched_statements(
                                        Statement::builder()
                                            .source_policy_id("DenyBedrockBoundary")
                                            .build(),
                                    )
                                    .build()
                                    .unwrap(),
                            )
                            .build()
                    }),
            ],
            ..Mocks::default()
        };
        let (decision, method) = decide(
            &mocks.clients(),
            "arn:aws:iam::1:role/worker",
            "bedrock:InvokeModel",
            "arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-micro-v1:0",
        )
        .await
        .unwrap();
        assert_eq!(method, Method::Simulator);
        assert_eq!(
            decision,
            Decision::ExplicitDeny(vec!["DenyBedrockBoundary".into()])
        );
    }
}

//! `scale lambda`: reserved and provisioned concurrency, memory and timeout of one function
//! (000 スケーリング / Lambda関数のスケーリング: 同時実行数の調整, メモリサイズの調整), validated
//! against Lambda's limits before any call, applied, then read back.

use super::{MEMORY_MB, Settings, TIMEOUT_SECS, Target, change_cell, opt, read, reserved_text};
use crate::audit::{self, Entry};
use crate::context::Context;
use crate::error::{Error, Result, aws_err};
use crate::exit::ExitStatus;
use crate::output::{Doc, Render, Table, Tone};
use serde::Serialize;

/// What to change; `None` leaves a setting alone.
#[derive(Debug, Clone, Default)]
pub struct LambdaChange {
    pub reserved: Option<i32>,
    pub unreserve: bool,
    pub provisioned: Option<i32>,
    pub qualifier: Option<String>,
    pub memory_mb: Option<i32>,
    pub timeout_secs: Option<i32>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub setting: &'static str,
    pub before: String,
    pub after: String,
    /// After `--apply`: what Lambda reports now.
    pub verified: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LambdaReport {
    pub function: String,
    pub applied: bool,
    pub changes: Vec<Row>,
    pub account_limit: Option<i32>,
    pub audit: Vec<String>,
    /// Settings that did not read back as set.
    pub mismatches: Vec<String>,
}

/// Checks a change on its own, before anything is read.
pub fn validate(c: &LambdaChange) -> Result<()> {
    if c.reserved.is_none()
        && !c.unreserve
        && c.provisioned.is_none()
        && c.memory_mb.is_none()
        && c.timeout_secs.is_none()
    {
        return Err(Error::usage("nothing to change").with_hint(
            "pass --reserved, --unreserve, --provisioned, --memory or --function-timeout",
        ));
    }
    if let Some(m) = c.memory_mb
        && !MEMORY_MB.contains(&m)
    {
        return Err(Error::usage(format!(
            "--memory {m} is outside Lambda's range {}-{} MB",
            MEMORY_MB.start(),
            MEMORY_MB.end()
        )));
    }
    if let Some(t) = c.timeout_secs
        && !TIMEOUT_SECS.contains(&t)
    {
        return Err(Error::usage(format!(
            "--function-timeout {t} is outside Lambda's range {}-{} s",
            TIMEOUT_SECS.start(),
            TIMEOUT_SECS.end()
        )));
    }
    if c.reserved.is_some_and(|r| r < 0) {
        return Err(Error::usage("--reserved must be 0 or more"));
    }
    match (c.provisioned, c.qualifier.as_deref()) {
        (Some(p), _) if p < 0 => Err(Error::usage("--provisioned must be 0 or more")),
        (Some(_), None) => Err(Error::usage(
            "--provisioned needs --qualifier: provisioned concurrency is set on a version or alias",
        )),
        (Some(_), Some("$LATEST")) => Err(Error::usage(
            "provisioned concurrency cannot be set on $LATEST; name a published version or an alias",
        )),
        (Some(p), _) if c.reserved.is_some_and(|r| p > r) => Err(Error::usage(format!(
            "--provisioned {p} is more than --reserved {}",
            c.reserved.unwrap_or_default()
        ))),
        _ => Ok(()),
    }
}

/// The account's concurrency limit: GetAccountSettings, or the configured value where the
/// endpoint lacks that API.
async fn account_limit(ctx: &Context) -> Result<(i32, bool)> {
    let aws = ctx.aws().await?;
    match aws.lambda.get_account_settings().send().await {
        Ok(out) => Ok((
            out.account_limit()
                .map(|l| l.concurrent_executions())
                .unwrap_or(ctx.thresholds.scaling.account_concurrency_limit),
            true,
        )),
        Err(e) => match Error::aws(
            "Lambda",
            "GetAccountSettings",
            "reading the account limit",
            e,
        ) {
            Error::Unsupported { .. } => {
                Ok((ctx.thresholds.scaling.account_concurrency_limit, false))
            }
            other => Err(other),
        },
    }
}

async fn provisioned(ctx: &Context, function: &str, qualifier: &str) -> Result<Option<i32>> {
    let aws = ctx.aws().await?;
    match aws
        .lambda
        .get_provisioned_concurrency_config()
        .function_name(function)
        .qualifier(qualifier)
        .send()
        .await
    {
        Ok(out) => Ok(out.requested_provisioned_concurrent_executions()),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_provisioned_concurrency_config_not_found_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::aws(
            "Lambda",
            "GetProvisionedConcurrencyConfig",
            &format!("reading the provisioned concurrency of {function}:{qualifier}"),
            e,
        )),
    }
}

pub async fn scale_lambda(
    ctx: &Context,
    target: &Target,
    change: &LambdaChange,
    apply: bool,
) -> Result<LambdaReport> {
    validate(change)?;
    let aws = ctx.aws().await?;
    let _locks = match apply {
        true => Some(super::lock_functions(ctx, &[&target.function]).await?),
        false => None,
    };
    let before = read(aws, &target.function).await?;
    let mut account = None;
    if let Some(r) = change.reserved {
        let (limit, from_api) = account_limit(ctx).await?;
        account = Some(limit);
        if r > limit {
            let from = if from_api {
                "the account's limit"
            } else {
                "the configured account limit (scaling.account_concurrency_limit)"
            };
            return Err(Error::usage(format!(
                "--reserved {r} is more than {from} of {limit}"
            )));
        }
    }
    let qualifier = change.qualifier.as_deref().unwrap_or_default();
    let prov_before = match change.provisioned {
        Some(_) => provisioned(ctx, &target.function, qualifier).await?,
        None => None,
    };
    let mut after = before.clone();
    if change.unreserve {
        after.reserved = None;
    }
    if let Some(r) = change.reserved {
        after.reserved = Some(r);
    }
    if let Some(m) = change.memory_mb {
        after.memory_mb = Some(m);
    }
    if let Some(t) = change.timeout_secs {
        after.timeout_secs = Some(t);
    }
    if let (Some(p), Some(r)) = (change.provisioned, after.reserved)
        && p > r
    {
        return Err(Error::usage(format!(
            "--provisioned {p} is more than the function's reserved concurrency {r}"
        )));
    }
    let mut changes = rows(&before, &after);
    if let Some(p) = change.provisioned {
        changes.push(Row {
            setting: "provisioned",
            before: format!("{qualifier}: {}", opt(prov_before)),
            after: format!("{qualifier}: {p}"),
            verified: None,
        });
    }
    let mut report = LambdaReport {
        function: target.function.clone(),
        applied: false,
        changes,
        account_limit: account,
        audit: Vec::new(),
        mismatches: Vec::new(),
    };
    let changed: Vec<&Row> = report
        .changes
        .iter()
        .filter(|r| r.before != r.after)
        .collect();
    if !apply || changed.is_empty() {
        return Ok(report);
    }
    // The settings one command changes are one run.
    let run_id = uuid::Uuid::new_v4();
    let entries: Vec<Entry> = changed
        .iter()
        .map(|r| Entry {
            run_id,
            operator: ctx.operator.clone(),
            command: "scale lambda".into(),
            target: "lambda".into(),
            target_id: target.function.clone(),
            action: format!("set-{}", r.setting),
            reason: "requested on the command line".into(),
            before: Some(r.before.clone().into()),
            after: Some(r.after.clone().into()),
        })
        .collect();
    report.audit = audit::record_outside(ctx, &entries).await?;
    write(ctx, &target.function, &before, &after).await?;
    if let Some(p) = change.provisioned {
        set_provisioned(ctx, &target.function, qualifier, p).await?;
    }
    report.applied = true;
    let now = read(aws, &target.function).await?;
    let prov_now = match change.provisioned {
        Some(_) => provisioned(ctx, &target.function, qualifier).await?,
        None => None,
    };
    for row in &mut report.changes {
        let got = match row.setting {
            "reserved" => reserved_text(now.reserved),
            "memory (MB)" => opt(now.memory_mb),
            "timeout (s)" => opt(now.timeout_secs),
            _ => format!("{qualifier}: {}", opt(prov_now)),
        };
        if got != row.after {
            report
                .mismatches
                .push(format!("{} reads {got}, not {}", row.setting, row.after));
        }
        row.verified = Some(got);
    }
    Ok(report)
}

fn rows(before: &Settings, after: &Settings) -> Vec<Row> {
    vec![
        Row {
            setting: "reserved",
            before: reserved_text(before.reserved),
            after: reserved_text(after.reserved),
            verified: None,
        },
        Row {
            setting: "memory (MB)",
            before: opt(before.memory_mb),
            after: opt(after.memory_mb),
            verified: None,
        },
        Row {
            setting: "timeout (s)",
            before: opt(before.timeout_secs),
            after: opt(after.timeout_secs),
            verified: None,
        },
    ]
}

/// Writes what differs between `before` and `after`; shared with the emergency stop and resume.
pub async fn write(
    ctx: &Context,
    function: &str,
    before: &Settings,
    after: &Settings,
) -> Result<()> {
    let aws = ctx.aws().await?;
    if after.reserved != before.reserved {
        match after.reserved {
            Some(r) => {
                aws.lambda
                    .put_function_concurrency()
                    .function_name(function)
                    .reserved_concurrent_executions(r)
                    .send()
                    .await
                    .map_err(aws_err(
                        "Lambda",
                        "PutFunctionConcurrency",
                        format!("setting the reserved concurrency of {function}"),
                    ))?;
            }
            None => {
                aws.lambda
                    .delete_function_concurrency()
                    .function_name(function)
                    .send()
                    .await
                    .map_err(aws_err(
                        "Lambda",
                        "DeleteFunctionConcurrency",
                        format!("removing the reserved concurrency of {function}"),
                    ))?;
            }
        }
    }
    if after.memory_mb != before.memory_mb || after.timeout_secs != before.timeout_secs {
        aws.lambda
            .update_function_configuration()
            .function_name(function)
            .set_memory_size(
                after
                    .memory_mb
                    .filter(|_| after.memory_mb != before.memory_mb),
            )
            .set_timeout(
                after
                    .timeout_secs
                    .filter(|_| after.timeout_secs != before.timeout_secs),
            )
            .send()
            .await
            .map_err(aws_err(
                "Lambda",
                "UpdateFunctionConfiguration",
                format!("updating {function}"),
            ))?;
    }
    Ok(())
}

async fn set_provisioned(ctx: &Context, function: &str, qualifier: &str, n: i32) -> Result<()> {
    let aws = ctx.aws().await?;
    let doing = format!("setting the provisioned concurrency of {function}:{qualifier}");
    if n == 0 {
        aws.lambda
            .delete_provisioned_concurrency_config()
            .function_name(function)
            .qualifier(qualifier)
            .send()
            .await
            .map_err(aws_err(
                "Lambda",
                "DeleteProvisionedConcurrencyConfig",
                doing,
            ))?;
    } else {
        aws.lambda
            .put_provisioned_concurrency_config()
            .function_name(function)
            .qualifier(qualifier)
            .provisioned_concurrent_executions(n)
            .send()
            .await
            .map_err(aws_err("Lambda", "PutProvisionedConcurrencyConfig", doing))?;
    }
    Ok(())
}

impl Render for LambdaReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("scale lambda {}", self.function));
        let mut t = Table::new(["setting", "change", "verified"]);
        for r in &self.changes {
            t.row([
                r.setting.into(),
                change_cell(&r.before, &r.after),
                r.verified.clone().unwrap_or_default().into(),
            ]);
        }
        doc.table(t);
        super::outcome_notes(doc, &self.mismatches, &self.audit);
        if self.changes.iter().all(|r| r.before == r.after) {
            doc.note(Tone::Good, "already as asked; nothing to change");
        } else if !self.applied {
            super::dry_run_note(doc);
        }
    }

    fn status(&self) -> ExitStatus {
        super::verified_status(&self.mismatches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EnvName;
    use crate::testkit::Mocks;
    use aws_sdk_lambda::Client;
    use aws_sdk_lambda::operation::get_function::GetFunctionOutput;
    use aws_sdk_lambda::operation::get_function_concurrency::GetFunctionConcurrencyOutput;
    use aws_sdk_lambda::operation::get_provisioned_concurrency_config::{
        GetProvisionedConcurrencyConfigError, GetProvisionedConcurrencyConfigOutput,
    };
    use aws_sdk_lambda::operation::put_provisioned_concurrency_config::PutProvisionedConcurrencyConfigOutput;
    use aws_sdk_lambda::types::FunctionConfiguration;
    use aws_sdk_lambda::types::error::ProvisionedConcurrencyConfigNotFoundException;
    use aws_smithy_mocks::mock;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Against AWS (the SDK's test support: the emulator lacks the API): the provisioned value
    /// is read, set on the qualifier, and read back.
    #[tokio::test]
    async fn provisioned_concurrency_is_set_and_verified() {
        const F: &str = "goal-mandala-prod-ai-processor";
        let set = Arc::new(AtomicBool::new(false));
        let function = mock!(Client::get_function).then_output(|| {
            GetFunctionOutput::builder()
                .configuration(
                    FunctionConfiguration::builder()
                        .function_name(F)
                        .function_arn(format!(
                            "arn:aws:lambda:us-east-1:123456789012:function:{F}"
                        ))
                        .memory_size(512)
                        .timeout(900)
                        .build(),
                )
                .build()
        });
        let concurrency = mock!(Client::get_function_concurrency).then_output(|| {
            GetFunctionConcurrencyOutput::builder()
                .reserved_concurrent_executions(10)
                .build()
        });
        let read = {
            let set = set.clone();
            mock!(Client::get_provisioned_concurrency_config)
                .match_requests(|r| r.function_name() == Some(F) && r.qualifier() == Some("live"))
                .sequence()
                .error(|| {
                    GetProvisionedConcurrencyConfigError::ProvisionedConcurrencyConfigNotFoundException(
                        ProvisionedConcurrencyConfigNotFoundException::builder().build(),
                    )
                })
                .error(|| {
                    GetProvisionedConcurrencyConfigError::ProvisionedConcurrencyConfigNotFoundException(
                        ProvisionedConcurrencyConfigNotFoundException::builder().build(),
                    )
                })
                .output(move || {
                    assert!(set.load(Ordering::SeqCst), "read back after the put");
                    GetProvisionedConcurrencyConfigOutput::builder()
                        .requested_provisioned_concurrent_executions(5)
                        .build()
                })
                .build()
        };
        let put = {
            let set = set.clone();
            mock!(Client::put_provisioned_concurrency_config)
                .match_requests(|r| {
                    r.qualifier() == Some("live")
                        && r.provisioned_concurrent_executions() == Some(5)
                })
                .then_output(move || {
                    set.store(true, Ordering::SeqCst);
                    PutProvisionedConcurrencyConfigOutput::builder()
                        .requested_provisioned_concurrent_executions(5)
                        .build()
                })
        };
        let clients = Mocks {
            lambda: vec![function, concurrency, read, put.clone()],
            ..Default::default()
        }
        .clients();
        let ctx = Context::for_tests(EnvName::Prod, clients);
        let target = super::super::target(ctx.env().unwrap(), "ai-processor").unwrap();
        let change = LambdaChange {
            provisioned: Some(5),
            qualifier: Some("live".into()),
            ..change()
        };
        let dry = scale_lambda(&ctx, &target, &change, false).await;
        assert!(dry.is_ok(), "{dry:?}");
        let r = scale_lambda(&ctx, &target, &change, true).await.unwrap();
        assert!(r.applied);
        assert_eq!(put.num_calls(), 1);
        let row = r
            .changes
            .iter()
            .find(|c| c.setting == "provisioned")
            .unwrap();
        assert_eq!(row.before, "live: -");
        assert_eq!(row.verified.as_deref(), Some("live: 5"));
        assert!(r.mismatches.is_empty(), "{:?}", r.mismatches);
        let _ = std::fs::remove_file(&ctx.audit_journal);
    }

    fn change() -> LambdaChange {
        LambdaChange::default()
    }

    #[test]
    fn limits_are_checked_before_any_call() {
        assert!(validate(&change()).is_err(), "nothing to change");
        for bad in [
            LambdaChange {
                memory_mb: Some(127),
                ..change()
            },
            LambdaChange {
                memory_mb: Some(10_241),
                ..change()
            },
            LambdaChange {
                timeout_secs: Some(0),
                ..change()
            },
            LambdaChange {
                timeout_secs: Some(901),
                ..change()
            },
            LambdaChange {
                reserved: Some(-1),
                ..change()
            },
            LambdaChange {
                provisioned: Some(2),
                ..change()
            },
            LambdaChange {
                provisioned: Some(2),
                qualifier: Some("$LATEST".into()),
                ..change()
            },
            LambdaChange {
                provisioned: Some(5),
                qualifier: Some("live".into()),
                reserved: Some(4),
                ..change()
            },
        ] {
            assert_eq!(
                validate(&bad).unwrap_err().status(),
                ExitStatus::Usage,
                "{bad:?}"
            );
        }
        for good in [
            LambdaChange {
                memory_mb: Some(128),
                timeout_secs: Some(900),
                ..change()
            },
            LambdaChange {
                reserved: Some(0),
                ..change()
            },
            LambdaChange {
                provisioned: Some(2),
                qualifier: Some("live".into()),
                ..change()
            },
        ] {
            validate(&good).unwrap();
        }
    }
}

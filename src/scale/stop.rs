//! The emergency stop and its undo (000 緊急時対応 / サービス停止手順: Lambda関数の同時実行数を0
//! に設定; サービス復旧). The stop writes the function's previous reserved concurrency into a tag
//! before it sets 0, so `scale resume` restores exactly what was there, even after a stop that
//! was killed half-way.

use super::lambda::write;
use super::{Target, change_cell, read, reserved_text};
use crate::audit::{self, Entry};
use crate::context::Context;
use crate::error::{Error, Result, aws_err};
use crate::exit::ExitStatus;
use crate::output::{Doc, Render, Table, Tone};
use serde::Serialize;

/// The tag holding the reserved concurrency from before the stop: a number or `unreserved`.
pub const PREVIOUS_TAG: &str = "mandala-ops:stopped-from";
pub const STOPPED_AT_TAG: &str = "mandala-ops:stopped-at";
const UNRESERVED: &str = "unreserved";

#[derive(Debug, Serialize)]
pub struct Item {
    pub function: String,
    pub before: String,
    pub after: String,
    /// What Lambda reports after `--apply`.
    pub verified: Option<String>,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct StopReport {
    /// `stop` or `resume`.
    pub action: &'static str,
    pub applied: bool,
    pub functions: Vec<Item>,
    pub audit: Vec<String>,
    pub mismatches: Vec<String>,
}

/// With `apply`, the functions are locked before they are read: a run that waited reads what
/// the one before it left.
async fn locked(
    ctx: &Context,
    targets: &[Target],
    apply: bool,
) -> Result<Option<crate::locks::Held>> {
    if !apply {
        return Ok(None);
    }
    let names: Vec<&str> = targets.iter().map(|t| t.function.as_str()).collect();
    super::lock_functions(ctx, &names).await.map(Some)
}

fn parse_previous(v: &str) -> Option<Option<i32>> {
    match v {
        UNRESERVED => Some(None),
        n => n.parse::<i32>().ok().filter(|n| *n >= 0).map(Some),
    }
}

pub async fn stop(ctx: &Context, targets: &[Target], apply: bool) -> Result<StopReport> {
    let aws = ctx.aws().await?;
    let _locks = locked(ctx, targets, apply).await?;
    let mut plans = Vec::new();
    for t in targets {
        let s = read(aws, &t.function).await?;
        let recorded = s.tags.get(PREVIOUS_TAG).and_then(|v| parse_previous(v));
        let note = match (s.reserved, recorded) {
            (Some(0), Some(prev)) => {
                format!("already stopped; resume restores {}", reserved_text(prev))
            }
            (Some(0), None) => "already at 0 with no record of what came before".into(),
            (prev, _) => format!("resume restores {}", reserved_text(prev)),
        };
        plans.push((t, s, note));
    }
    let mut report = StopReport {
        action: "stop",
        applied: false,
        functions: plans
            .iter()
            .map(|(t, s, note)| Item {
                function: t.function.clone(),
                before: reserved_text(s.reserved),
                after: reserved_text(Some(0)),
                verified: None,
                note: note.clone(),
            })
            .collect(),
        audit: Vec::new(),
        mismatches: Vec::new(),
    };
    let todo: Vec<_> = plans
        .iter()
        .filter(|(_, s, _)| s.reserved != Some(0))
        .collect();
    if !apply || todo.is_empty() {
        return Ok(report);
    }
    let entries: Vec<Entry> = todo
        .iter()
        .map(|(t, s, _)| {
            entry(
                ctx,
                "scale stop",
                &t.function,
                "emergency-stop",
                s.reserved,
                Some(0),
            )
        })
        .collect();
    report.audit = audit::record_outside(ctx, &entries).await?;
    for (t, s, _) in &todo {
        let previous = s
            .reserved
            .map(|r| r.to_string())
            .unwrap_or_else(|| UNRESERVED.into());
        aws.lambda
            .tag_resource()
            .resource(&s.arn)
            .tags(PREVIOUS_TAG, previous)
            .tags(
                STOPPED_AT_TAG,
                jiff::Timestamp::now()
                    .strftime("%Y-%m-%dT%H:%M:%SZ")
                    .to_string(),
            )
            .send()
            .await
            .map_err(aws_err(
                "Lambda",
                "TagResource",
                format!("recording the settings of {} before the stop", t.function),
            ))?;
        let mut after = s.clone();
        after.reserved = Some(0);
        write(ctx, &t.function, s, &after).await?;
    }
    report.applied = true;
    verify(ctx, &mut report).await?;
    Ok(report)
}

pub async fn resume(ctx: &Context, targets: &[Target], apply: bool) -> Result<StopReport> {
    let aws = ctx.aws().await?;
    let _locks = locked(ctx, targets, apply).await?;
    let mut plans = Vec::new();
    for t in targets {
        let s = read(aws, &t.function).await?;
        let Some(previous) = s.tags.get(PREVIOUS_TAG).and_then(|v| parse_previous(v)) else {
            return Err(Error::usage(format!(
                "{} has no record of an emergency stop (no {PREVIOUS_TAG} tag); nothing was changed",
                t.function
            ))
            .with_hint(format!(
                "set its concurrency directly: mandala-ops scale lambda {} --reserved N",
                t.component.unwrap_or(&t.function)
            )));
        };
        plans.push((t, s, previous));
    }
    let mut report = StopReport {
        action: "resume",
        applied: false,
        functions: plans
            .iter()
            .map(|(t, s, prev)| Item {
                function: t.function.clone(),
                before: reserved_text(s.reserved),
                after: if s.reserved == Some(0) {
                    reserved_text(*prev)
                } else {
                    reserved_text(s.reserved)
                },
                verified: None,
                note: if s.reserved == Some(0) {
                    format!(
                        "restores the setting from before the stop ({})",
                        reserved_text(*prev)
                    )
                } else {
                    "changed since the stop; left alone, the stop record is removed".into()
                },
            })
            .collect(),
        audit: Vec::new(),
        mismatches: Vec::new(),
    };
    if !apply {
        return Ok(report);
    }
    let entries: Vec<Entry> = plans
        .iter()
        .filter(|(_, s, _)| s.reserved == Some(0))
        .map(|(t, _, prev)| entry(ctx, "scale resume", &t.function, "resume", Some(0), *prev))
        .collect();
    if !entries.is_empty() {
        report.audit = audit::record_outside(ctx, &entries).await?;
    }
    for (t, s, prev) in &plans {
        if s.reserved == Some(0) {
            let mut after = s.clone();
            after.reserved = *prev;
            write(ctx, &t.function, s, &after).await?;
        }
        // The record goes only after the restore: a resume killed in between is simply rerun.
        aws.lambda
            .untag_resource()
            .resource(&s.arn)
            .tag_keys(PREVIOUS_TAG)
            .tag_keys(STOPPED_AT_TAG)
            .send()
            .await
            .map_err(aws_err(
                "Lambda",
                "UntagResource",
                format!("removing the stop record of {}", t.function),
            ))?;
    }
    report.applied = true;
    verify(ctx, &mut report).await?;
    Ok(report)
}

fn entry(
    ctx: &Context,
    command: &str,
    function: &str,
    action: &str,
    before: Option<i32>,
    after: Option<i32>,
) -> Entry {
    Entry {
        run_id: uuid::Uuid::new_v4(),
        operator: ctx.operator.clone(),
        command: command.into(),
        target: "lambda".into(),
        target_id: function.into(),
        action: action.into(),
        reason: "000 緊急時対応 / サービス停止手順".into(),
        before: Some(serde_json::json!({"reserved": before})),
        after: Some(serde_json::json!({"reserved": after})),
    }
}

async fn verify(ctx: &Context, report: &mut StopReport) -> Result<()> {
    let aws = ctx.aws().await?;
    for item in &mut report.functions {
        let got = reserved_text(read(aws, &item.function).await?.reserved);
        if got != item.after {
            report
                .mismatches
                .push(format!("{} reads {got}, not {}", item.function, item.after));
        }
        item.verified = Some(got);
    }
    Ok(())
}

impl Render for StopReport {
    fn render(&self, doc: &mut Doc) {
        doc.heading(format!("scale {}: reserved concurrency", self.action));
        let mut t = Table::new(["function", "reserved", "verified", "note"]);
        for i in &self.functions {
            t.row([
                i.function.as_str().into(),
                change_cell(&i.before, &i.after),
                i.verified.clone().unwrap_or_default().into(),
                i.note.as_str().into(),
            ]);
        }
        doc.table(t);
        super::outcome_notes(doc, &self.mismatches, &self.audit);
        if !self.applied {
            super::dry_run_note(doc);
        } else if self.action == "stop" {
            doc.note(
                Tone::Warn,
                "the functions take no new invocations until `mandala-ops scale resume`",
            );
        }
    }

    fn status(&self) -> ExitStatus {
        super::verified_status(&self.mismatches)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn previous_settings_round_trip_through_the_tag() {
        assert_eq!(super::parse_previous("unreserved"), Some(None));
        assert_eq!(super::parse_previous("10"), Some(Some(10)));
        assert_eq!(super::parse_previous("-3"), None);
        assert_eq!(super::parse_previous("ten"), None);
    }
}

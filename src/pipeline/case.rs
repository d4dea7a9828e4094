//! Replay cases: an input and, for offline runs, the model's recorded answers (a cassette),
//! with the outcome the case is known to have. Shipped cases live in `src/pipeline/cases/`.

use super::domain::{Input, Kind};
use super::model::{Cassette, Recorded};
use super::{Ids, Run};
use crate::config::Thresholds;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Case {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub kind: Kind,
    pub input: Input,
    #[serde(default)]
    pub responses: Vec<Recorded>,
    #[serde(default)]
    pub expect: Option<Expect>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expect {
    /// `success` or an error code.
    pub outcome: String,
    #[serde(default)]
    pub attempts: Option<u32>,
}

/// The cases shipped with mandala-ops, by file name.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "subgoal-success-toeic",
        include_str!("cases/subgoal-success-toeic.json"),
    ),
    (
        "action-success-marathon",
        include_str!("cases/action-success-marathon.json"),
    ),
    (
        "action-success-toeic",
        include_str!("cases/action-success-toeic.json"),
    ),
    (
        "task-success-toeic",
        include_str!("cases/task-success-toeic.json"),
    ),
    (
        "task-success-habit",
        include_str!("cases/task-success-habit.json"),
    ),
    (
        "task-retry-recovered",
        include_str!("cases/task-retry-recovered.json"),
    ),
    (
        "task-quality-count",
        include_str!("cases/task-quality-count.json"),
    ),
    (
        "task-quality-minutes",
        include_str!("cases/task-quality-minutes.json"),
    ),
    (
        "task-quality-duplicate",
        include_str!("cases/task-quality-duplicate.json"),
    ),
    (
        "task-quality-cycle",
        include_str!("cases/task-quality-cycle.json"),
    ),
    (
        "task-unparseable",
        include_str!("cases/task-unparseable.json"),
    ),
    (
        "task-bedrock-throttled",
        include_str!("cases/task-bedrock-throttled.json"),
    ),
    (
        "prompt-injection",
        include_str!("cases/prompt-injection.json"),
    ),
    ("invalid-input", include_str!("cases/invalid-input.json")),
];

impl Case {
    /// Runs the case on its own recorded answers.
    pub async fn replay_recorded(&self, t: &Thresholds, ids: &Ids) -> Run {
        let model = Cassette::new(self.responses.clone());
        super::run(self.kind, &self.input, &model, t, ids).await
    }

    pub fn expects_success(&self) -> bool {
        self.expect.as_ref().is_some_and(|e| e.outcome == "success")
    }
}

pub fn parse(origin: &str, text: &str) -> Result<Case> {
    serde_json::from_str(text).map_err(|e| {
        Error::usage(format!("{origin} is not a replay case: {e}")).with_hint(
            "a case has name, kind, input {goal, subGoal?, action?}, responses and expect",
        )
    })
}

pub fn shipped() -> Vec<Case> {
    SHIPPED
        .iter()
        .map(|(name, text)| parse(name, text).expect("shipped cases parse (tested)"))
        .collect()
}

/// A case file, or a shipped case by name.
pub fn load(arg: &str) -> Result<Case> {
    let path = Path::new(arg);
    if path.exists() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::usage(format!("cannot read {arg}: {e}")))?;
        return parse(arg, &text);
    }
    match SHIPPED.iter().find(|(name, _)| *name == arg) {
        Some((name, text)) => parse(name, text),
        None => Err(
            Error::usage(format!("no case file or shipped case `{arg}`")).with_hint(format!(
                "shipped cases: {}",
                SHIPPED
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ),
    }
}

/// Every `*.json` case in `dir`, in name order.
pub fn load_dir(dir: &Path) -> Result<Vec<Case>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::usage(format!("cannot read the folder {}: {e}", dir.display())))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::usage(format!(
            "no *.json cases in {}",
            dir.display()
        )));
    }
    paths
        .iter()
        .map(|p| load(&p.display().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped case, replayed offline, ends as it says it does.
    #[tokio::test]
    async fn shipped_cases_replay_as_expected() {
        let t = Thresholds::default();
        for case in shipped() {
            let r = case
                .replay_recorded(
                    &t,
                    &Ids::new(uuid::Uuid::nil(), jiff::Timestamp::UNIX_EPOCH),
                )
                .await;
            let expect = case
                .expect
                .as_ref()
                .expect("shipped cases say what they expect");
            assert_eq!(r.outcome.label(), expect.outcome, "{}", case.name);
            assert_eq!(
                Some(r.attempts.len() as u32),
                expect.attempts,
                "{}",
                case.name
            );
            let last = r.logs.last().unwrap();
            if expect.outcome == "success" {
                assert!(
                    last["action"]
                        .as_str()
                        .unwrap()
                        .ends_with("_generation_success"),
                    "{}",
                    case.name
                );
            } else {
                assert_eq!(
                    last["error"]["code"],
                    expect.outcome.as_str(),
                    "{}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn bad_cases_are_usage_errors() {
        assert_eq!(
            load("no-such-case").unwrap_err().status(),
            crate::exit::ExitStatus::Usage
        );
        assert_eq!(
            parse("x.json", "{}").unwrap_err().status(),
            crate::exit::ExitStatus::Usage
        );
    }
}

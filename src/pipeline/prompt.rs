//! Prompts from versioned templates (`src/pipeline/prompts/<kind>.v<N>.txt`): a change to a
//! prompt is a new version, and every run records which one it used.

use super::domain::{Input, Kind};
use serde::Serialize;

pub const VERSION: &str = "v1";

fn template(kind: Kind) -> &'static str {
    match kind {
        Kind::SubgoalGeneration => include_str!("prompts/subgoal-generation.v1.txt"),
        Kind::ActionGeneration => include_str!("prompts/action-generation.v1.txt"),
        Kind::TaskGeneration => include_str!("prompts/task-generation.v1.txt"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prompt {
    pub template: String,
    pub text: String,
}

/// The prompt for one attempt; `feedback` lists the previous attempt's problems, which the
/// regeneration must fix.
pub fn build(kind: Kind, input: &Input, feedback: &[String]) -> Prompt {
    let none = || "なし".to_string();
    let opt = |v: &Option<String>| {
        v.clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(none)
    };
    let feedback = if feedback.is_empty() {
        String::new()
    } else {
        format!(
            "\n# 前回の出力の問題点（必ず修正してください）\n{}\n",
            feedback
                .iter()
                .map(|f| format!("- {f}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    };
    let mut pairs: Vec<(&str, String)> = vec![
        ("goal.title", input.goal.title.clone()),
        ("goal.description", input.goal.description.clone()),
        ("goal.deadline", opt(&input.goal.deadline)),
        ("goal.background", opt(&input.goal.background)),
        ("goal.constraints", opt(&input.goal.constraints)),
        ("feedback", feedback),
    ];
    if let Some(s) = &input.sub_goal {
        pairs.push(("subGoal.title", s.title.clone()));
        pairs.push(("subGoal.description", s.description.clone()));
    }
    if let Some(a) = &input.action {
        pairs.push(("action.title", a.title.clone()));
        pairs.push(("action.description", a.description.clone()));
        pairs.push(("action.type", a.kind.as_str().to_string()));
    }
    let mut text = template(kind).to_string();
    for (k, v) in pairs {
        text = text.replace(&format!("{{{{{k}}}}}"), &v);
    }
    Prompt {
        template: format!(
            "{}.{VERSION}",
            kind.as_str().to_lowercase().replace('_', "-")
        ),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::domain::{Action, ActionType, Goal};

    #[test]
    fn every_placeholder_is_filled() {
        let input = Input {
            goal: Goal {
                title: "TOEICで800点".into(),
                description: "1年以内に".into(),
                deadline: None,
                background: None,
                constraints: None,
            },
            sub_goal: None,
            action: Some(Action {
                title: "単語帳".into(),
                description: "毎日100語".into(),
                kind: ActionType::Habit,
                background: None,
            }),
        };
        let p = build(
            Kind::TaskGeneration,
            &input,
            &["タスク数が多すぎます".into()],
        );
        assert!(!p.text.contains("{{"), "{}", p.text);
        assert!(p.text.contains("種類: HABIT"));
        assert!(p.text.contains("- タスク数が多すぎます"));
        assert_eq!(p.template, "task-generation.v1");
        let p = build(Kind::SubgoalGeneration, &input, &[]);
        assert!(p.text.contains("期限: なし"));
        assert!(!p.text.contains("前回の出力"));
    }
}

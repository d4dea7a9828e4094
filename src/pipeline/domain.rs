//! The service's goal hierarchy: a goal, its 8 sub-goals, 8 actions each, tasks per action
//! (DESIGN.md "The service being operated"; seed 000 タスク粒度調整の仕組み, 優先度設定の仕組み).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    SubgoalGeneration,
    ActionGeneration,
    TaskGeneration,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SubgoalGeneration => "SUBGOAL_GENERATION",
            Kind::ActionGeneration => "ACTION_GENERATION",
            Kind::TaskGeneration => "TASK_GENERATION",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub deadline: Option<String>,
    #[serde(default)]
    pub background: Option<String>,
    #[serde(default)]
    pub constraints: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubGoal {
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub background: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ActionType {
    Execution,
    Habit,
}

impl ActionType {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionType::Execution => "EXECUTION",
            ActionType::Habit => "HABIT",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Action {
    pub title: String,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: ActionType,
    #[serde(default)]
    pub background: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::High => "HIGH",
            Priority::Medium => "MEDIUM",
            Priority::Low => "LOW",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Task {
    pub title: String,
    pub description: String,
    /// Missing in the model's answer → the default (seed 000: 45 分).
    #[serde(default)]
    pub estimated_minutes: Option<u32>,
    /// Missing → MEDIUM (seed 000 優先度設定: デフォルト値).
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Titles of the tasks this one needs done first.
    #[serde(default)]
    pub dependencies: Vec<String>,
}

/// What a generation works on: the goal, and the sub-goal or action below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Input {
    pub goal: Goal,
    #[serde(default)]
    pub sub_goal: Option<SubGoal>,
    #[serde(default)]
    pub action: Option<Action>,
}

/// A generation's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Generated {
    SubGoals(Vec<SubGoal>),
    Actions(Vec<Action>),
    Tasks(Vec<Task>),
}

impl Generated {
    pub fn len(&self) -> usize {
        match self {
            Generated::SubGoals(v) => v.len(),
            Generated::Actions(v) => v.len(),
            Generated::Tasks(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

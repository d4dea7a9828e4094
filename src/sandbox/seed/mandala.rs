//! The sandbox's goals and what was generated under them: the shipped replay cases that succeed,
//! run through the pipeline on their recorded answers. Every node a seeded process names exists,
//! so `replay process` rebuilds the input of any of them.

use crate::config::Thresholds;
use crate::pipeline::case::Case;
use crate::pipeline::domain::{self, Generated, Kind};
use crate::pipeline::{Ids, Outcome};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct Goal {
    pub id: Uuid,
    pub user_id: Uuid,
    pub goal: domain::Goal,
    /// In position order (the schema's 0-7).
    pub sub_goals: Vec<SubGoal>,
}

#[derive(Debug, Clone)]
pub struct SubGoal {
    pub id: Uuid,
    pub sub_goal: domain::SubGoal,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub id: Uuid,
    pub action: domain::Action,
    pub tasks: Vec<(Uuid, domain::Task)>,
}

/// The node `v` already has that `same` picks, or a new one made by `new`.
fn slot<T>(v: &mut Vec<T>, same: impl Fn(&T) -> bool, new: impl FnOnce() -> T) -> &mut T {
    let at = match v.iter().position(same) {
        Some(i) => i,
        None => {
            v.push(new());
            v.len() - 1
        }
    };
    &mut v[at]
}

fn sub_goal(s: &domain::SubGoal) -> SubGoal {
    SubGoal {
        id: Uuid::new_v4(),
        sub_goal: s.clone(),
        actions: Vec::new(),
    }
}

fn action(a: &domain::Action) -> Action {
    Action {
        id: Uuid::new_v4(),
        action: a.clone(),
        tasks: Vec::new(),
    }
}

/// Goals, owned round-robin by `users`, with everything the successful shipped cases generate
/// for them: sub-goals first, then actions, then tasks, so each lands under its parent.
pub async fn build(cases: &[Case], users: &[Uuid], t: &Thresholds) -> Vec<Goal> {
    let mut cases: Vec<&Case> = cases.iter().filter(|c| c.expects_success()).collect();
    cases.sort_by_key(|c| c.kind as u8);
    let mut goals: Vec<Goal> = Vec::new();
    for c in cases {
        let ids = Ids::new(Uuid::nil(), jiff::Timestamp::UNIX_EPOCH);
        let Outcome::Success { result } = c.replay_recorded(t, &ids).await.outcome else {
            continue;
        };
        let input = &c.input;
        let owner = users[goals.len() % users.len()];
        let goal = slot(
            &mut goals,
            |g| g.goal.title == input.goal.title,
            || Goal {
                id: Uuid::new_v4(),
                user_id: owner,
                goal: input.goal.clone(),
                sub_goals: Vec::new(),
            },
        );
        if let Generated::SubGoals(subs) = &result {
            for s in subs {
                slot(
                    &mut goal.sub_goals,
                    |x| x.sub_goal.title == s.title,
                    || sub_goal(s),
                );
            }
            continue;
        }
        // Action and task generation always name their sub-goal (validated with the input).
        let Some(s) = &input.sub_goal else { continue };
        let sub = slot(
            &mut goal.sub_goals,
            |x| x.sub_goal.title == s.title,
            || sub_goal(s),
        );
        match (&result, &input.action) {
            (Generated::Actions(actions), _) => {
                for a in actions {
                    slot(
                        &mut sub.actions,
                        |x| x.action.title == a.title,
                        || action(a),
                    );
                }
            }
            (Generated::Tasks(tasks), Some(a)) => {
                let node = slot(
                    &mut sub.actions,
                    |x| x.action.title == a.title,
                    || action(a),
                );
                // A later case for the same action (a recovered retry) does not add a second set.
                if node.tasks.is_empty() {
                    node.tasks = tasks.iter().map(|t| (Uuid::new_v4(), t.clone())).collect();
                }
            }
            _ => {}
        }
    }
    goals
}

/// A node a seeded process worked on: the goal's owner, the `params` naming the node, and how
/// many children the generation gave it (a completed process's result).
pub struct Target {
    pub user_id: Uuid,
    pub params: Value,
    pub generated: usize,
}

/// The nodes a process of `kind` generated children for: goals with sub-goals, sub-goals with
/// actions, actions with tasks, so every process's result is in the database.
pub fn targets(goals: &[Goal], kind: Kind) -> Vec<Target> {
    let mut out = Vec::new();
    for g in goals {
        let mut push = |params: Value, generated: usize| {
            if generated > 0 {
                out.push(Target {
                    user_id: g.user_id,
                    params,
                    generated,
                });
            }
        };
        if kind == Kind::SubgoalGeneration {
            push(json!({"goalId": g.id}), g.sub_goals.len());
            continue;
        }
        for s in &g.sub_goals {
            if kind == Kind::ActionGeneration {
                push(json!({"goalId": g.id, "subGoalId": s.id}), s.actions.len());
                continue;
            }
            for a in &s.actions {
                push(
                    json!({"goalId": g.id, "subGoalId": s.id, "actionId": a.id}),
                    a.tasks.len(),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_level_is_generated_and_fits_the_mandala() {
        let users = [Uuid::new_v4(), Uuid::new_v4()];
        let t = Thresholds::default();
        let goals = build(&crate::pipeline::case::shipped(), &users, &t).await;
        assert!(goals.len() >= 2, "{goals:?}");
        assert_ne!(goals[0].user_id, goals[1].user_id);
        let per = t.quality.items_per_level as usize;
        for g in &goals {
            assert!(
                !g.sub_goals.is_empty() && g.sub_goals.len() <= per,
                "{}",
                g.goal.title
            );
            for s in &g.sub_goals {
                assert!(s.actions.len() <= per, "{}", s.sub_goal.title);
            }
        }
        // The TOEIC case's eight sub-goals include the one its action and task cases work on,
        // so that branch is whole: eight actions, two of them with tasks.
        let toeic = &goals[0];
        assert_eq!(toeic.sub_goals.len(), per);
        let listening = &toeic.sub_goals[0];
        assert_eq!(listening.actions.len(), per, "{listening:?}");
        assert_eq!(
            listening
                .actions
                .iter()
                .filter(|a| !a.tasks.is_empty())
                .count(),
            2
        );
        for kind in [
            Kind::SubgoalGeneration,
            Kind::ActionGeneration,
            Kind::TaskGeneration,
        ] {
            assert!(!targets(&goals, kind).is_empty(), "{kind:?}");
        }
    }
}

//! Quality validation (the service's TaskQualityValidator and its siblings; seed 000
//! タスク粒度調整の仕組み, 優先度設定の仕組み): errors send the generation back with the
//! problems listed, warnings are logged. Also applies the defaults: 45 minutes when missing,
//! MEDIUM when no priority, HIGH for prerequisites of other tasks.

use super::domain::{ActionType, Generated, Priority, Task};
use crate::config::thresholds::Quality;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Also the log action of a warning: `quality_warning_<code>` (the `quality-warnings` query).
    pub code: &'static str,
    pub message: String,
}

fn error(code: &'static str, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        code,
        message,
    }
}

fn warning(code: &'static str, message: String) -> Finding {
    Finding {
        severity: Severity::Warning,
        code,
        message,
    }
}

/// Words that make a task a wish rather than something to do.
const ABSTRACT: &[&str] = &[
    "頑張る",
    "がんばる",
    "努力する",
    "意識する",
    "心がける",
    "検討する",
    "取り組む",
    "向上させる",
];

fn is_abstract(title: &str) -> bool {
    title.chars().count() < 4
        || ABSTRACT
            .iter()
            .any(|w| title.trim_end_matches('。').ends_with(w))
}

/// Checks `g` and applies the defaults to it. `action_type` is the action tasks are made for.
pub fn check(g: &mut Generated, action_type: Option<ActionType>, q: &Quality) -> Vec<Finding> {
    let mut f = Vec::new();
    let items: Vec<(&str, &str)> = match g {
        Generated::SubGoals(v) => v
            .iter()
            .map(|s| (s.title.as_str(), s.description.as_str()))
            .collect(),
        Generated::Actions(v) => v
            .iter()
            .map(|a| (a.title.as_str(), a.description.as_str()))
            .collect(),
        Generated::Tasks(v) => v
            .iter()
            .map(|t| (t.title.as_str(), t.description.as_str()))
            .collect(),
    };
    let mut seen = HashSet::new();
    for (i, (title, description)) in items.iter().enumerate() {
        let n = title.trim().chars().count() as f64;
        if n < q.title_chars.min || n > q.title_chars.max {
            f.push(error(
                "title_length",
                format!(
                    "{}番目のタイトルが{}〜{}文字ではありません",
                    i + 1,
                    q.title_chars.min,
                    q.title_chars.max
                ),
            ));
        }
        if !seen.insert(title.trim().to_string()) {
            f.push(error("duplicate", format!("「{title}」が重複しています")));
        }
        if (description.chars().count() as u32) < q.description_min_chars {
            f.push(warning(
                "short_description",
                format!(
                    "「{title}」の説明が短すぎます（{}文字未満）",
                    q.description_min_chars
                ),
            ));
        }
    }
    match g {
        Generated::SubGoals(v) if v.len() != q.items_per_level as usize => {
            f.push(error(
                "count",
                format!(
                    "サブ目標は{}個必要ですが{}個でした",
                    q.items_per_level,
                    v.len()
                ),
            ));
        }
        Generated::Actions(v) if v.len() != q.items_per_level as usize => {
            f.push(error(
                "count",
                format!(
                    "アクションは{}個必要ですが{}個でした",
                    q.items_per_level,
                    v.len()
                ),
            ));
        }
        Generated::Tasks(tasks) => f.extend(check_tasks(
            tasks,
            action_type.unwrap_or(ActionType::Execution),
            q,
        )),
        _ => {}
    }
    f
}

fn check_tasks(tasks: &mut [Task], action_type: ActionType, q: &Quality) -> Vec<Finding> {
    let mut f = Vec::new();
    let range = match action_type {
        ActionType::Execution => &q.tasks_per_execution_action,
        ActionType::Habit => &q.tasks_per_habit_action,
    };
    if !range.contains(tasks.len() as f64) {
        f.push(error(
            "count",
            format!(
                "{}アクションのタスクは{}〜{}個ですが{}個でした",
                action_type.as_str(),
                range.min,
                range.max,
                tasks.len()
            ),
        ));
    }
    for t in tasks.iter_mut() {
        let minutes = *t.estimated_minutes.get_or_insert(q.default_minutes);
        if !q.allowed_minutes.contains(minutes as f64) {
            f.push(error(
                "minutes",
                format!(
                    "「{}」の見積もり{}分が許容範囲（{}〜{}分）外です",
                    t.title, minutes, q.allowed_minutes.min, q.allowed_minutes.max
                ),
            ));
        } else if !q.target_minutes.contains(minutes as f64) {
            f.push(warning(
                "granularity",
                format!(
                    "「{}」の見積もり{}分が目安（{}〜{}分）外です",
                    t.title, minutes, q.target_minutes.min, q.target_minutes.max
                ),
            ));
        }
        if is_abstract(&t.title) {
            f.push(warning(
                "abstract_task",
                format!("「{}」は抽象的すぎます", t.title),
            ));
        }
    }
    let titles: HashMap<String, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.title.clone(), i))
        .collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
    for (i, t) in tasks.iter().enumerate() {
        for d in &t.dependencies {
            match titles.get(d) {
                Some(&j) => edges[i].push(j),
                None => f.push(error(
                    "dependency",
                    format!("「{}」の依存先「{d}」がありません", t.title),
                )),
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        let names: Vec<&str> = cycle.iter().map(|&i| tasks[i].title.as_str()).collect();
        f.push(error(
            "dependency_cycle",
            format!("依存関係が循環しています: {}", names.join(" → ")),
        ));
    }
    // 000 優先度設定のプロセス: 前提条件となるタスクは高優先度, 不明確なら MEDIUM.
    let prerequisites: HashSet<usize> = edges.iter().flatten().copied().collect();
    for (i, t) in tasks.iter_mut().enumerate() {
        if prerequisites.contains(&i) {
            t.priority = Some(Priority::High);
        } else {
            t.priority.get_or_insert(Priority::Medium);
        }
    }
    f
}

/// A cycle in the dependency graph, as the indices along it.
fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    // 0 unvisited, 1 on the current path, 2 done.
    fn visit(
        n: usize,
        edges: &[Vec<usize>],
        state: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[n] = 1;
        path.push(n);
        for &m in &edges[n] {
            if state[m] == 1 {
                let at = path.iter().position(|&p| p == m).unwrap_or(0);
                let mut cycle = path[at..].to_vec();
                cycle.push(m);
                return Some(cycle);
            }
            if state[m] == 0
                && let Some(c) = visit(m, edges, state, path)
            {
                return Some(c);
            }
        }
        path.pop();
        state[n] = 2;
        None
    }
    let mut state = vec![0u8; edges.len()];
    (0..edges.len()).find_map(|n| {
        if state[n] == 0 {
            visit(n, edges, &mut state, &mut Vec::new())
        } else {
            None
        }
    })
}

/// "N high, N medium, N low", as the service logs it (the `priority-distribution` query parses it).
pub fn distribution(tasks: &[Task]) -> String {
    let n = |p: Priority| tasks.iter().filter(|t| t.priority == Some(p)).count();
    format!(
        "{} high, {} medium, {} low",
        n(Priority::High),
        n(Priority::Medium),
        n(Priority::Low)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(title: &str, minutes: Option<u32>, deps: &[&str]) -> Task {
        Task {
            title: title.into(),
            description: "書店で公式問題集を一冊購入して最初の章を解く".into(),
            estimated_minutes: minutes,
            priority: None,
            dependencies: deps.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn codes(g: &mut Generated, t: ActionType) -> Vec<(&'static str, Severity)> {
        check(g, Some(t), &Quality::default())
            .into_iter()
            .map(|f| (f.code, f.severity))
            .collect()
    }

    #[test]
    fn task_counts_per_action_type() {
        let tasks = |n: usize| {
            Generated::Tasks(
                (0..n)
                    .map(|i| task(&format!("問題集の第{i}章を解く"), Some(45), &[]))
                    .collect(),
            )
        };
        for (n, t, ok) in [
            (0, ActionType::Execution, false),
            (1, ActionType::Execution, true),
            (5, ActionType::Execution, true),
            (6, ActionType::Execution, false),
            (3, ActionType::Habit, true),
            (4, ActionType::Habit, false),
        ] {
            let has = codes(&mut tasks(n), t).contains(&("count", Severity::Error));
            assert_eq!(has, !ok, "{n} tasks for {t:?}");
        }
    }

    #[test]
    fn minutes_at_their_boundaries() {
        for (m, want) in [
            (Some(14), Some(("minutes", Severity::Error))),
            (Some(15), Some(("granularity", Severity::Warning))),
            (Some(29), Some(("granularity", Severity::Warning))),
            (Some(30), None),
            (Some(60), None),
            (Some(61), Some(("granularity", Severity::Warning))),
            (Some(120), Some(("granularity", Severity::Warning))),
            (Some(121), Some(("minutes", Severity::Error))),
            (None, None),
        ] {
            let mut g = Generated::Tasks(vec![task("公式問題集を購入する", m, &[])]);
            let got = codes(&mut g, ActionType::Execution);
            assert_eq!(got.first().copied(), want, "{m:?}");
            if m.is_none() {
                let Generated::Tasks(t) = &g else { panic!() };
                assert_eq!(t[0].estimated_minutes, Some(45), "the default applies");
            }
        }
    }

    #[test]
    fn priorities_and_dependencies() {
        let mut g = Generated::Tasks(vec![
            task("公式問題集を購入する", Some(30), &[]),
            task("第1章を解いて復習する", Some(60), &["公式問題集を購入する"]),
            task("単語帳アプリを設定する", Some(30), &[]),
        ]);
        assert!(codes(&mut g, ActionType::Execution).is_empty());
        let Generated::Tasks(t) = &g else { panic!() };
        assert_eq!(
            t[0].priority,
            Some(Priority::High),
            "a prerequisite is HIGH"
        );
        assert_eq!(t[1].priority, Some(Priority::Medium), "the default");
        assert_eq!(distribution(t), "1 high, 2 medium, 0 low");

        let mut cyclic = Generated::Tasks(vec![
            task("公式問題集を購入する", Some(30), &["第1章を解いて復習する"]),
            task("第1章を解いて復習する", Some(60), &["公式問題集を購入する"]),
        ]);
        assert!(
            codes(&mut cyclic, ActionType::Execution)
                .contains(&("dependency_cycle", Severity::Error))
        );
        let mut dangling = Generated::Tasks(vec![task(
            "公式問題集を購入する",
            Some(30),
            &["存在しない"],
        )]);
        assert!(
            codes(&mut dangling, ActionType::Execution).contains(&("dependency", Severity::Error))
        );
    }

    #[test]
    fn duplicates_abstract_and_short() {
        let mut short = task("公式問題集を購入する", Some(45), &[]);
        short.description = "買う".into();
        let mut g = Generated::Tasks(vec![
            short.clone(),
            short,
            task("英語を頑張る", Some(45), &[]),
        ]);
        let got = codes(&mut g, ActionType::Execution);
        assert!(got.contains(&("duplicate", Severity::Error)));
        assert!(got.contains(&("short_description", Severity::Warning)));
        assert!(got.contains(&("abstract_task", Severity::Warning)));
    }

    #[test]
    fn eight_per_level() {
        use crate::pipeline::domain::SubGoal;
        let subs = |n: usize| {
            Generated::SubGoals(
                (0..n)
                    .map(|i| SubGoal {
                        title: format!("サブ目標{i}"),
                        description: "具体的で測定可能な説明を二十文字以上で書く".into(),
                        background: None,
                    })
                    .collect(),
            )
        };
        assert!(codes(&mut subs(8), ActionType::Execution).is_empty());
        assert!(codes(&mut subs(7), ActionType::Execution).contains(&("count", Severity::Error)));
        assert!(codes(&mut subs(9), ActionType::Execution).contains(&("count", Severity::Error)));
    }
}

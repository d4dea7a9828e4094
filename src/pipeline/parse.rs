//! The model's text into the domain: tolerant of code fences and prose around the JSON, strict
//! about the JSON itself (known fields only, right types).

use super::domain::{Action, Generated, Kind, SubGoal, Task};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SubGoals {
    sub_goals: Vec<SubGoal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Actions {
    actions: Vec<Action>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tasks {
    tasks: Vec<Task>,
}

/// The first balanced JSON object in `text`, skipping fences and prose; strings and escapes are
/// respected so braces inside values do not count.
pub fn extract_json(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(offset) = text[start..].find('{') {
        let open = start + offset;
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for (i, &b) in bytes.iter().enumerate().skip(open) {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        let candidate = &text[open..=i];
                        if serde_json::from_str::<serde_json::Value>(candidate).is_ok() {
                            return Some(candidate);
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
        start = open + 1;
    }
    None
}

/// Parses one answer of the model for `kind`; the error says what was wrong, in Japanese, so it
/// can be fed back to the next attempt.
pub fn parse(kind: Kind, text: &str) -> Result<Generated, String> {
    let json =
        extract_json(text).ok_or_else(|| "応答にJSONオブジェクトが含まれていません".to_string())?;
    let err = |e: serde_json::Error| format!("JSONの形式が不正です: {e}");
    Ok(match kind {
        Kind::SubgoalGeneration => Generated::SubGoals(
            serde_json::from_str::<SubGoals>(json)
                .map_err(err)?
                .sub_goals,
        ),
        Kind::ActionGeneration => {
            Generated::Actions(serde_json::from_str::<Actions>(json).map_err(err)?.actions)
        }
        Kind::TaskGeneration => {
            Generated::Tasks(serde_json::from_str::<Tasks>(json).map_err(err)?.tasks)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fences_and_prose_are_tolerated() {
        let text = "以下がタスクです。\n```json\n{\"tasks\": [{\"title\": \"単語帳を買う {新版}\", \"description\": \"書店で\\\"金のフレーズ\\\"を購入する\", \"estimatedMinutes\": 30}]}\n```\n以上です。";
        let Generated::Tasks(t) = parse(Kind::TaskGeneration, text).unwrap() else {
            panic!()
        };
        assert_eq!(t[0].title, "単語帳を買う {新版}");
        assert_eq!(t[0].estimated_minutes, Some(30));
        assert_eq!(t[0].priority, None);
    }

    #[test]
    fn the_schema_is_strict() {
        for bad in [
            "no json here",
            r#"{"tasks": [{"title": "a"}]}"#,
            r#"{"tasks": [{"title": "a", "description": "b", "estimatedMinutes": "forty"}]}"#,
            r#"{"tasks": [{"title": "a", "description": "b", "priority": "URGENT"}]}"#,
            r#"{"tasks": [], "extra": 1}"#,
            r#"{"actions": [{"title": "a", "description": "b", "type": "ONCE"}]}"#,
        ] {
            let kind = if bad.contains("actions") {
                Kind::ActionGeneration
            } else {
                Kind::TaskGeneration
            };
            assert!(parse(kind, bad).is_err(), "{bad}");
        }
        assert!(parse(Kind::SubgoalGeneration, r#"{"subGoals": []}"#).is_ok());
    }

    proptest! {
        #[test]
        fn no_input_panics(s in "\\PC*") {
            for kind in [Kind::SubgoalGeneration, Kind::ActionGeneration, Kind::TaskGeneration] {
                let _ = parse(kind, &s);
            }
        }

        #[test]
        fn json_inside_noise_is_found(prefix in "[^{}\"]*", suffix in "[^{}\"]*") {
            let text = format!("{prefix}{{\"tasks\": []}}{suffix}");
            prop_assert!(parse(Kind::TaskGeneration, &text).is_ok());
        }
    }
}

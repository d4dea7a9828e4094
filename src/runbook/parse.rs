//! A runbook file: TOML front matter, then Markdown a person can read on its own. Each `## `
//! section is a step; a step's command is a fenced block whose info string starts with
//! `mandala-ops` and may carry `id=NAME` and `when="CONDITION"` (see `expr`). Sections without
//! such a block are manual steps (notify users, roll back): shown and recorded, never run.

use super::expr::{Cond, Ref};
use crate::config::Thresholds;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub name: String,
    pub title: String,
    pub summary: String,
    /// The alarms this runbook answers, from the alarm catalogue (each alarm names its runbook
    /// there, once); `${ENVIRONMENT}` stands for any environment.
    #[serde(skip_deserializing)]
    pub alarms: Vec<String>,
    /// Seed file and heading of each procedure this runbook follows.
    pub source: Vec<String>,
    #[serde(default)]
    pub params: BTreeMap<String, Param>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub description: String,
    /// Without a default the parameter is required.
    pub default: Option<String>,
    /// A key of the threshold table the default is taken from, so a config file's value is
    /// the runbook's too (`database.stuck_after_secs`; `_secs` keys become durations).
    #[serde(default, skip_serializing)]
    pub threshold: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Runbook {
    #[serde(flatten)]
    pub head: Head,
    /// Prose before the first step.
    pub intro: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// 1-based, in file order.
    pub number: usize,
    pub id: String,
    pub title: String,
    /// What to look for, as written between the heading and the next step.
    pub prose: String,
    /// The command as written, `mandala-ops …` (None for a manual step).
    pub command: Option<String>,
    #[serde(skip)]
    pub args: Vec<String>,
    pub when: Option<String>,
    #[serde(skip)]
    pub condition: Option<Cond>,
}

impl Step {
    /// Every reference the step makes: in its condition and its command's `{…}` placeholders.
    pub fn refs(&self) -> Result<Vec<Ref>> {
        let mut refs: Vec<Ref> = self
            .condition
            .iter()
            .flat_map(|c| c.refs().into_iter().cloned())
            .collect();
        for arg in &self.args {
            for name in placeholders(arg) {
                refs.push(placeholder_ref(name).map_err(Error::usage)?);
            }
        }
        Ok(refs)
    }
}

/// `{name}` is a parameter, `{step.path}` an earlier step's output.
pub fn placeholder_ref(name: &str) -> std::result::Result<Ref, String> {
    if name.contains(['.', '[']) {
        Ref::parse(name)
    } else {
        Ref::parse(&format!("param.{name}"))
    }
}

/// The `{…}` placeholders of one argument.
pub fn placeholders(arg: &str) -> impl Iterator<Item = &str> {
    arg.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

pub fn parse(file: &str, text: &str, t: &Thresholds) -> Result<Runbook> {
    let (mut head, body): (Head, String) = crate::frontmatter::split(file, text)?;
    for (name, p) in &mut head.params {
        let Some(key) = &p.threshold else { continue };
        if p.default.is_some() {
            return Err(Error::usage(format!(
                "{file}: the parameter `{name}` has both a default and a threshold"
            )));
        }
        let value = t.lookup(key).and_then(|v| v.as_f64()).ok_or_else(|| {
            Error::usage(format!(
                "{file}: the parameter `{name}`: `{key}` is not a number of the threshold table"
            ))
        })?;
        p.default = Some(if key.ends_with("_secs") {
            crate::time::format_duration(std::time::Duration::from_secs_f64(value))
        } else {
            crate::output::number(value)
        });
    }
    head.alarms = crate::alarms::catalog::ALARMS
        .iter()
        .filter(|a| a.runbook == head.name)
        .map(|a| a.name.to_string())
        .collect();
    let bad = |line: usize, why: String| Error::usage(format!("{file}:{line}: {why}"));
    // As for queries: the name a person types is the file they would open.
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    if head.name != stem {
        return Err(bad(
            1,
            format!("the name `{}` differs from the file name", head.name),
        ));
    }
    // Line numbers in messages count the front matter too.
    let offset = text.lines().count() - body.lines().count();
    let mut intro = String::new();
    let mut steps: Vec<Step> = Vec::new();
    let mut fence: Option<(String, String, usize)> = None; // (marker, info, first line)
    let mut block = String::new();
    for (i, line) in body.lines().enumerate() {
        let line_no = i + 1 + offset;
        if let Some((marker, info, start)) = &fence {
            if line.trim_start().starts_with(marker.as_str()) && line.trim() == marker.as_str() {
                let is_command = info.split_whitespace().next() == Some("mandala-ops");
                match (is_command, steps.last_mut()) {
                    (true, None) => {
                        return Err(bad(*start, "a command block outside a `## ` step".into()));
                    }
                    (true, Some(step)) => {
                        if step.command.is_some() {
                            return Err(bad(
                                *start,
                                format!(
                                    "step {} has two commands; give each its own `## ` section",
                                    step.number
                                ),
                            ));
                        }
                        command_block(step, info, &block).map_err(|e| bad(*start, e))?;
                    }
                    (false, Some(step)) => step
                        .prose
                        .push_str(&format!("{marker}{info}\n{block}{marker}\n")),
                    (false, None) => intro.push_str(&format!("{marker}{info}\n{block}{marker}\n")),
                }
                fence = None;
                block.clear();
            } else {
                block.push_str(line);
                block.push('\n');
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            let info = trimmed[marker.len()..].trim().to_string();
            fence = Some((marker, info, line_no));
            continue;
        }
        if let Some(title) = line.strip_prefix("## ") {
            let number = steps.len() + 1;
            steps.push(Step {
                number,
                id: format!("step{number}"),
                title: title.trim().to_string(),
                prose: String::new(),
                command: None,
                args: Vec::new(),
                when: None,
                condition: None,
            });
            continue;
        }
        match steps.last_mut() {
            Some(step) => {
                step.prose.push_str(line);
                step.prose.push('\n');
            }
            // The `# Title` line repeats the front matter's title.
            None if line.starts_with("# ") => {}
            None => {
                intro.push_str(line);
                intro.push('\n');
            }
        }
    }
    if let Some((_, _, start)) = fence {
        return Err(bad(start, "the code block is not closed".into()));
    }
    for step in &mut steps {
        step.prose = step.prose.trim().to_string();
    }
    let runbook = Runbook {
        head,
        intro: intro.trim().to_string(),
        steps,
    };
    check(file, &runbook)?;
    Ok(runbook)
}

/// Reads a command block: its info string's attributes and the command itself.
fn command_block(step: &mut Step, info: &str, block: &str) -> std::result::Result<(), String> {
    let attrs = shlex::split(info).ok_or("the info string has an unclosed quote")?;
    for attr in attrs.iter().skip(1) {
        match attr.split_once('=') {
            Some(("id", id)) => {
                if id.is_empty()
                    || !id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    return Err(format!(
                        "`{id}` is not a step id (letters, digits, - and _)"
                    ));
                }
                step.id = id.to_string();
            }
            Some(("when", cond)) => {
                step.condition = Some(Cond::parse(cond)?);
                step.when = Some(cond.to_string());
            }
            _ => {
                return Err(format!(
                    "unknown attribute `{attr}`; use id=NAME and when=\"…\""
                ));
            }
        }
    }
    // Continuation lines (`\` at the end) join into one command.
    let text = block.replace("\\\n", " ");
    let text = text.trim();
    if text.lines().count() != 1 {
        return Err("one command per block".into());
    }
    let mut args = shlex::split(text).ok_or("the command has an unclosed quote")?;
    if args.first().map(String::as_str) != Some("mandala-ops") {
        return Err("the command must start with `mandala-ops`".into());
    }
    args.remove(0);
    step.command = Some(text.to_string());
    step.args = args;
    Ok(())
}

/// Ids are unique, references name parameters that exist or steps that come earlier.
fn check(file: &str, rb: &Runbook) -> Result<()> {
    let bad = |why: String| Error::usage(format!("{file}: {why}"));
    if rb.steps.is_empty() {
        return Err(bad("a runbook needs at least one `## ` step".into()));
    }
    let mut seen: Vec<&str> = Vec::new();
    for step in &rb.steps {
        if seen.contains(&step.id.as_str()) || step.id == "param" {
            return Err(bad(format!("step id `{}` is used twice", step.id)));
        }
        for r in step.refs()? {
            let known = match r.param_name() {
                Some(p) => rb.head.params.contains_key(p),
                None => seen.contains(&r.root.as_str()),
            };
            if !known {
                return Err(bad(format!(
                    "step {} refers to `{r}`, which is not a parameter or an earlier step's id",
                    step.number
                )));
            }
        }
        if step.condition.is_some() && step.command.is_none() {
            return Err(bad(format!(
                "step {} has a condition but no command",
                step.number
            )));
        }
        seen.push(&step.id);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"+++
name = "t"
title = "T"
summary = "s"
source = ["004 x"]
[params.processId]
description = "the process"
+++

# T

Intro.

## Look at it

Look for FAILED.

```mandala-ops id=show
mandala-ops process show {processId}
```

## Retry when it failed

```mandala-ops when="show.execution.status == 'FAILED'"
mandala-ops process retry \
  {show.process.id}
```

## Tell the users

Update the status page.

```sql
SELECT 1;
```
"#;

    #[test]
    fn sections_are_steps_with_commands_conditions_and_prose() {
        let rb = parse("t.md", GOOD, &Thresholds::default()).unwrap();
        assert_eq!(rb.intro, "Intro.");
        assert_eq!(rb.steps.len(), 3);
        let s = &rb.steps[0];
        assert_eq!((s.number, s.id.as_str()), (1, "show"));
        assert_eq!(s.args, ["process", "show", "{processId}"]);
        assert_eq!(s.prose, "Look for FAILED.");
        assert_eq!(rb.steps[1].id, "step2");
        assert_eq!(rb.steps[1].args, ["process", "retry", "{show.process.id}"]);
        assert!(rb.steps[1].condition.is_some());
        assert!(rb.steps[2].command.is_none());
        assert!(rb.steps[2].prose.contains("```sql"));
    }

    #[test]
    fn mistakes_are_reported_with_the_line() {
        let cases = [
            (GOOD.replace("{processId}", "{nope}"), "`param.nope`"),
            (GOOD.replace("{show.process.id}", "{later.x}"), "`later.x`"),
            (
                GOOD.replace("mandala-ops process show", "aws process show"),
                "must start with",
            ),
            (GOOD.replace("id=show", "colour=red"), "unknown attribute"),
            (GOOD.replace("== 'FAILED'", "= 'FAILED'"), "operator"),
            (
                GOOD.replace("```sql\nSELECT 1;\n```\n", "```sql\n"),
                "not closed",
            ),
            (
                GOOD.replace(
                    "Look for FAILED.",
                    "```mandala-ops\nmandala-ops health\n```",
                ),
                "two commands",
            ),
        ];
        for (text, want) in cases {
            let err = parse("t.md", &text, &Thresholds::default())
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{err} (wanted {want})");
        }
        let err = parse(
            "t.md",
            &GOOD.replace("id=show", "id=step2"),
            &Thresholds::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("used twice") || err.contains("earlier"),
            "{err}"
        );
    }
}

//! `alarms [--state S]`: the environment's alarms with state, reason, since when, and runbook.

use super::{Alarm, fetch};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Cell, Doc, Render, Table, Tone};
use aws_sdk_cloudwatch::types::StateValue;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ListReport {
    pub state: Option<String>,
    pub alarms: Vec<Alarm>,
}

pub async fn list(ctx: &Context, state: Option<StateValue>) -> Result<ListReport> {
    let alarms = fetch(ctx, state.clone()).await?;
    Ok(ListReport {
        state: state.map(|s| s.as_str().to_string()),
        alarms,
    })
}

pub fn state_cell(state: &str) -> Cell {
    let tone = match state {
        "OK" => Tone::Good,
        "ALARM" => Tone::Bad,
        _ => Tone::Unknown,
    };
    Cell::toned(state, tone)
}

impl Render for ListReport {
    fn render(&self, doc: &mut Doc) {
        let mut t = Table::new(["alarm", "state", "since", "reason", "runbook"]);
        for a in &self.alarms {
            t.row([
                Cell::new(&a.name),
                state_cell(&a.state),
                Cell::new(
                    a.since
                        .map(|t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
                        .unwrap_or_default(),
                ),
                Cell::new(&a.reason),
                Cell::new(a.runbook.as_deref().unwrap_or("-")),
            ]);
        }
        doc.table(t);
        if self.alarms.is_empty() {
            let which = self
                .state
                .as_deref()
                .map(|s| format!(" in {s}"))
                .unwrap_or_default();
            doc.note(Tone::Dim, format!("no alarms{which}"));
        }
    }
}

//! `report daily|weekly|monthly`: the guides' checklists (000 定期メンテナンス, 002 日次/週次/月次
//! チェック, 003 日常運用タスク) as one generated report: health and severity, errors by code,
//! duration percentiles, requests, tokens and cost against the budget, task quality against its
//! expected ranges, security findings, alarms, and what needs attention.

mod collect;
mod data;

pub use collect::run;
pub use data::Data;

use serde::Serialize;
use std::time::Duration;

/// The period, as in the guides' checklists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// The last 24 hours
    Daily,
    /// The last 7 days
    Weekly,
    /// The last 30 days
    Monthly,
}

impl Period {
    pub fn name(self) -> &'static str {
        match self {
            Period::Daily => "daily",
            Period::Weekly => "weekly",
            Period::Monthly => "monthly",
        }
    }

    pub fn length(self) -> Duration {
        let days = match self {
            Period::Daily => 1,
            Period::Weekly => 7,
            Period::Monthly => 30,
        };
        Duration::from_secs(days * 86_400)
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub period: Period,
}

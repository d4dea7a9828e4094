//! `report daily|weekly|monthly`: the guides' checklists per period (002 日次/週次/月次チェック,
//! 000 定期メンテナンス, 003 日常運用タスク, 002 セキュリティ監査), each item checked (ok, needs
//! attention, not available and why) with its evidence: processing_state, the AsyncProcessing and
//! profile API series, errors, performance, tokens, the actual spend from Cost Explorer against
//! the budget, alarm history, capacity, security and incidents.

mod checklist;
mod collect;
mod cost;
mod data;
mod judge;
mod processing;

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

    /// The bin of the period's metric series: about 24 to 60 points.
    pub fn bin_secs(self) -> i64 {
        match self {
            Period::Daily => 3_600,
            Period::Weekly => 4 * 3_600,
            Period::Monthly => 12 * 3_600,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub period: Period,
}

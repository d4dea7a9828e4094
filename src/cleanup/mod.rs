//! Retention: processing_state rows (002 データ管理 / データクリーンアップ, データ保持ポリシー)
//! and log streams (001 メンテナンス / 月次メンテナンス). Dry runs unless `--apply`.

mod log_streams;
mod processing_state;

pub use log_streams::{LogStreamsOptions, LogStreamsReport, log_streams};
pub use processing_state::{
    DEFAULT_BATCH, ProcessingStateOptions, ProcessingStateReport, processing_state,
};

use crate::error::{Error, Result};
use std::time::Duration;

/// A retention age: at least a day, since anything shorter is almost certainly a typo that would
/// delete live data.
pub fn retention(older_than: Option<Duration>, default_days: u64) -> Result<Duration> {
    let d = older_than.unwrap_or(Duration::from_secs(default_days * 86_400));
    if d < Duration::from_secs(86_400) {
        return Err(Error::usage(format!(
            "--older-than {} is under a day; retention is counted in days",
            crate::time::format_duration(d)
        )));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_is_days() {
        assert_eq!(
            retention(None, 90).unwrap(),
            Duration::from_secs(90 * 86_400)
        );
        assert!(retention(Some(Duration::from_secs(3600)), 90).is_err());
    }
}

//! The one mapping from outcomes to process exit statuses (DESIGN.md "Command contract").
//! Cron jobs and CI pipelines key on these numbers, so they never change meaning.

use serde::Serialize;

/// Exit status of every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExitStatus {
    /// Everything ran and every check is fine.
    Ok,
    /// A check found a warning.
    Warn,
    /// A check found a critical problem, or an operation failed part-way.
    Critical,
    /// Another run holds the lock on the same work; nothing was changed. Try again later.
    Busy,
    /// Bad usage or input; nothing was changed.
    Usage,
    /// A dependency (AWS, the database, the sandbox's tools) could not be reached.
    Unavailable,
    /// A bug in mandala-ops.
    Internal,
}

impl ExitStatus {
    /// The name JSON output uses.
    pub fn name(self) -> &'static str {
        match self {
            ExitStatus::Ok => "ok",
            ExitStatus::Warn => "warn",
            ExitStatus::Critical => "critical",
            ExitStatus::Busy => "busy",
            ExitStatus::Usage => "usage",
            ExitStatus::Unavailable => "unavailable",
            ExitStatus::Internal => "internal",
        }
    }

    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Ok => 0,
            ExitStatus::Warn => 1,
            ExitStatus::Critical => 2,
            ExitStatus::Usage => 64,
            ExitStatus::Unavailable => 69,
            ExitStatus::Busy => 75,
            ExitStatus::Internal => 70,
        }
    }

    /// How bad an outcome is, for [`ExitStatus::merge`]: an internal error outranks an
    /// unreachable dependency, which outranks bad input, which outranks check results.
    fn rank(self) -> u8 {
        match self {
            ExitStatus::Ok => 0,
            ExitStatus::Warn => 1,
            ExitStatus::Critical => 2,
            ExitStatus::Busy => 3,
            ExitStatus::Usage => 4,
            ExitStatus::Unavailable => 5,
            ExitStatus::Internal => 6,
        }
    }

    /// The worse of two outcomes, so a command that does several things reports the worst.
    pub fn merge(self, other: ExitStatus) -> ExitStatus {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }

    /// The table printed in `--help` and the README.
    pub const HELP: &'static str = "\
Exit status:
  0   ok
  1   a check found a warning
  2   a check found a critical problem, or an operation failed part-way
  64  bad usage or input (nothing was changed)
  69  a dependency (AWS, the database, the sandbox) is unreachable
  70  internal error
  75  another run holds the lock on the same work (nothing was changed; try again later)";
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::ExitStatus::*;

    #[test]
    fn codes_match_the_design() {
        let codes: Vec<u8> = [Ok, Warn, Critical, Usage, Unavailable, Internal, Busy]
            .iter()
            .map(|s| s.code())
            .collect();
        assert_eq!(codes, [0, 1, 2, 64, 69, 70, 75]);
    }

    #[test]
    fn merge_keeps_the_worst() {
        assert_eq!(Ok.merge(Warn), Warn);
        assert_eq!(Warn.merge(Ok), Warn);
        assert_eq!(Critical.merge(Warn), Critical);
        assert_eq!(Warn.merge(Critical), Critical);
        assert_eq!(Critical.merge(Unavailable), Unavailable);
        assert_eq!(Usage.merge(Critical), Usage);
        assert_eq!(Internal.merge(Unavailable), Internal);
        assert_eq!(Ok.merge(Ok), Ok);
        assert_eq!(Critical.merge(Busy), Busy);
    }
}

//! The error type of every command. Each variant knows its exit status, and every message says
//! which dependency failed, what was being done, and (in `hint`) what to try next.

use crate::exit::ExitStatus;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// Bad usage or input, found before anything was changed.
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },

    /// A dependency could not be reached or did not answer in time.
    #[error("{dependency} unavailable while {doing}: {reason}")]
    Unavailable {
        dependency: String,
        doing: String,
        /// Short: `connection refused`, `no answer within 30s`.
        reason: String,
        hint: Option<String>,
        /// The underlying error in full, shown with `-v`.
        detail: Option<String>,
    },

    /// The endpoint answered, but does not implement the operation (the local emulator lacks
    /// several AWS APIs; see DESIGN.md "The local sandbox").
    #[error("{dependency} {operation} is not supported by this endpoint")]
    Unsupported {
        dependency: String,
        operation: String,
        hint: Option<String>,
    },

    /// A dependency refused or failed an operation, or an operation stopped part-way.
    #[error("{message}")]
    Failed {
        message: String,
        hint: Option<String>,
        /// The underlying error in full, shown with `-v`.
        detail: Option<String>,
    },

    /// Another run holds the advisory lock on the same work.
    #[error("{message}")]
    Busy {
        message: String,
        hint: Option<String>,
    },

    /// A bug in mandala-ops.
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: None,
        }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        Error::Failed {
            message: message.into(),
            hint: None,
            detail: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::Internal(message.into())
    }

    pub fn unavailable(
        dependency: impl Into<String>,
        doing: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Error::Unavailable {
            dependency: dependency.into(),
            doing: doing.into(),
            reason: reason.into(),
            hint: None,
            detail: None,
        }
    }

    /// The underlying error in full, for `-v`.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Error::Unavailable { detail, .. } | Error::Failed { detail, .. } => detail.as_deref(),
            _ => None,
        }
    }

    /// Names where an AWS dependency was called (`AWS Lambda at http://127.0.0.1:25433`), so
    /// "unreachable" says what was not reached.
    pub fn at(mut self, endpoint: &str) -> Self {
        if let Error::Unavailable { dependency, .. } = &mut self
            && dependency.starts_with("AWS ")
            && !dependency.contains(" at ")
        {
            dependency.push_str(&format!(" at {endpoint}"));
        }
        self
    }

    /// Adds (or replaces) the "what to try next" line.
    pub fn with_hint(mut self, text: impl Into<String>) -> Self {
        let text = Some(text.into());
        match &mut self {
            Error::Usage { hint, .. }
            | Error::Unavailable { hint, .. }
            | Error::Unsupported { hint, .. }
            | Error::Failed { hint, .. }
            | Error::Busy { hint, .. } => *hint = text,
            Error::Internal(_) => {}
        }
        self
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Usage { hint, .. }
            | Error::Unavailable { hint, .. }
            | Error::Unsupported { hint, .. }
            | Error::Failed { hint, .. }
            | Error::Busy { hint, .. } => hint.as_deref(),
            Error::Internal(_) => {
                Some("this is a bug in mandala-ops; please report it with the command line")
            }
        }
    }

    pub fn status(&self) -> ExitStatus {
        match self {
            Error::Usage { .. } => ExitStatus::Usage,
            Error::Unavailable { .. } | Error::Unsupported { .. } => ExitStatus::Unavailable,
            Error::Failed { .. } => ExitStatus::Critical,
            Error::Busy { .. } => ExitStatus::Busy,
            Error::Internal(_) => ExitStatus::Internal,
        }
    }

    /// Classifies an AWS SDK error. `service` names the dependency ("CloudWatch Logs"),
    /// `operation` the API call, `doing` what the command was doing when it failed.
    pub fn aws<E, R>(service: &str, operation: &str, doing: &str, err: SdkError<E, R>) -> Self
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
        R: std::fmt::Debug + HttpStatus + 'static,
    {
        let dependency = format!("AWS {service}");
        let status = err.raw_response().map(HttpStatus::http_status);
        let detail = Some(DisplayErrorContext(&err).to_string());
        match &err {
            SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => Error::Unavailable {
                dependency,
                doing: doing.to_string(),
                reason: match &err {
                    SdkError::TimeoutError(_) => "no answer within the time allowed".into(),
                    _ => root_cause(&err),
                },
                hint: Some(
                    "check network access, the region and credentials (AWS_PROFILE, `aws sso login`), \
                     or AWS_ENDPOINT_URL"
                        .into(),
                ),
                detail,
            },
            SdkError::ConstructionFailure(_) => Error::Usage {
                message: format!("cannot call {service} {operation} while {doing}: {}", DisplayErrorContext(&err)),
                hint: Some("check the region (--region or AWS_REGION) and the profile".into()),
            },
            _ => {
                let code = err.code().unwrap_or_default().to_string();
                let message = err.message().unwrap_or_default().to_string();
                if unsupported(status, &code) {
                    return Error::Unsupported {
                        dependency,
                        operation: operation.to_string(),
                        hint: Some(format!(
                            "the endpoint does not implement {operation}; the local emulator lacks it, \
                             so this path works against AWS only"
                        )),
                    };
                }
                if is_throttling(&code) {
                    return Error::Unavailable {
                        dependency,
                        doing: doing.to_string(),
                        reason: format!("{code} after retries with backoff: {message}"),
                        hint: Some("wait a minute and run again, or ask for a quota increase".into()),
                        detail,
                    };
                }
                let summary = match (code.is_empty(), message.is_empty(), status) {
                    (false, true, _) => code.clone(),
                    (false, false, _) => format!("{code}: {message}"),
                    (true, _, Some(status)) => format!("HTTP {status} without an AWS error code"),
                    (true, _, None) => root_cause(&err),
                };
                let hint = if code.contains("AccessDenied") || code == "UnauthorizedOperation" {
                    Some(format!("the credentials in use are not allowed to call {service} {operation}"))
                } else if code.contains("NotFound") || code.starts_with("NoSuch") {
                    Some("check the resource name for this environment (`mandala-ops config show`)".into())
                } else {
                    None
                };
                Error::Failed {
                    message: format!("{dependency} {operation} failed while {doing}: {summary}"),
                    hint,
                    detail,
                }
            }
        }
    }

    /// Classifies a PostgreSQL error. Connection-level failures make the database unavailable;
    /// errors the server reports carry their SQLSTATE.
    pub fn db(doing: &str, err: tokio_postgres::Error) -> Self {
        if let Some(db) = err.as_db_error() {
            let code = db.code().code();
            // 57014 query_canceled: the statement timeout fired.
            if code == "57014" {
                return Error::Unavailable {
                    dependency: "database".into(),
                    doing: doing.into(),
                    reason: "the statement timed out".into(),
                    hint: Some(
                        "the database is slow or locked; see `health --check database`".into(),
                    ),
                    detail: None,
                };
            }
            return Error::Failed {
                message: format!(
                    "database error while {doing}: {} (SQLSTATE {code})",
                    db.message()
                ),
                hint: db.hint().map(str::to_string),
                detail: None,
            };
        }
        Error::Unavailable {
            dependency: "database".into(),
            doing: doing.into(),
            reason: root_cause(&err),
            hint: Some("check that the database is up and reachable (--database-url, DATABASE_URL or --db-secret-id)".into()),
            detail: Some(err.to_string()),
        }
    }
}

/// The innermost cause of an error, in words: `connection refused`, not the chain of wrappers
/// around it. An OS error's number is dropped.
pub fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut last: &(dyn std::error::Error + 'static) = err;
    while let Some(next) = last.source() {
        last = next;
    }
    if let Some(io) = last.downcast_ref::<std::io::Error>() {
        use std::io::ErrorKind::*;
        let words = match io.kind() {
            ConnectionRefused => Some("connection refused"),
            ConnectionReset => Some("connection reset"),
            ConnectionAborted => Some("connection aborted"),
            TimedOut => Some("timed out"),
            NotConnected | HostUnreachable | NetworkUnreachable => Some("host unreachable"),
            _ => None,
        };
        if let Some(w) = words {
            return w.to_string();
        }
    }
    let text = last.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "no reason given".into(),
    }
}

/// Is this SDK error code a throttling error (seed 004 "エラー別対応" AI_ERROR: retried with backoff)?
pub fn is_throttling(code: &str) -> bool {
    matches!(
        code,
        "Throttling"
            | "ThrottlingException"
            | "ThrottledException"
            | "TooManyRequestsException"
            | "RequestLimitExceeded"
            | "LimitExceededException"
            | "RequestThrottled"
            | "RequestThrottledException"
            | "ProvisionedThroughputExceededException"
    )
}

/// The emulator answers operations it lacks with HTTP 404/500/501 and no AWS error code.
fn unsupported(status: Option<u16>, code: &str) -> bool {
    matches!(status, Some(404 | 500 | 501))
        && (code.is_empty()
            || code == "NotImplemented"
            || code == "InternalFailure"
            || code == "UnknownOperationException")
}

/// The HTTP status of a raw SDK response, whatever its concrete type.
pub trait HttpStatus {
    fn http_status(&self) -> u16;
}

impl HttpStatus for aws_smithy_runtime_api::http::Response {
    fn http_status(&self) -> u16 {
        self.status().as_u16()
    }
}

/// Shorthand for mapping SDK errors: `.map_err(aws_err("Lambda", "GetFunction", "reading X"))`.
pub fn aws_err<E, R>(
    service: &'static str,
    operation: &'static str,
    doing: impl Into<String>,
) -> impl FnOnce(SdkError<E, R>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + HttpStatus + 'static,
{
    let doing = doing.into();
    move |err| Error::aws(service, operation, &doing, err)
}

/// Shorthand for mapping PostgreSQL errors.
pub fn db_err(doing: impl Into<String>) -> impl FnOnce(tokio_postgres::Error) -> Error {
    let doing = doing.into();
    move |err| Error::db(&doing, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(Error::usage("x").status(), ExitStatus::Usage);
        assert_eq!(Error::failed("x").status(), ExitStatus::Critical);
        assert_eq!(
            Error::unavailable("database", "connecting", "refused").status(),
            ExitStatus::Unavailable
        );
        assert_eq!(Error::internal("x").status(), ExitStatus::Internal);
    }

    #[test]
    fn unavailable_message_names_dependency_and_action() {
        let e = Error::unavailable(
            "database",
            "counting processing_state rows",
            "connection refused",
        );
        assert_eq!(
            e.to_string(),
            "database unavailable while counting processing_state rows: connection refused"
        );
    }

    #[test]
    fn emulator_gaps_are_recognised() {
        assert!(unsupported(Some(500), ""));
        assert!(unsupported(Some(404), ""));
        assert!(!unsupported(Some(400), ""));
        assert!(!unsupported(Some(404), "ResourceNotFoundException"));
    }

    #[test]
    fn throttling_codes() {
        assert!(is_throttling("ThrottlingException"));
        assert!(is_throttling("TooManyRequestsException"));
        assert!(!is_throttling("AccessDeniedException"));
    }
}

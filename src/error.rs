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
        reason: String,
        hint: Option<String>,
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
        }
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
        R: std::fmt::Debug + HttpStatus,
    {
        let dependency = format!("AWS {service}");
        let status = err.raw_response().map(HttpStatus::http_status);
        match &err {
            SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => Error::Unavailable {
                dependency,
                doing: doing.to_string(),
                reason: DisplayErrorContext(&err).to_string(),
                hint: Some(
                    "check network access, the region and credentials (AWS_PROFILE, `aws sso login`), \
                     or AWS_ENDPOINT_URL"
                        .into(),
                ),
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
                    };
                }
                let detail = if code.is_empty() {
                    DisplayErrorContext(&err).to_string()
                } else if message.is_empty() {
                    code.clone()
                } else {
                    format!("{code}: {message}")
                };
                let hint = if code.contains("AccessDenied") || code == "UnauthorizedOperation" {
                    Some(format!("the credentials in use are not allowed to call {service} {operation}"))
                } else if code.contains("NotFound") || code.starts_with("NoSuch") {
                    Some("check the resource name for this environment (`mandala-ops config show`)".into())
                } else {
                    None
                };
                Error::Failed {
                    message: format!("{dependency} {operation} failed while {doing}: {detail}"),
                    hint,
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
                };
            }
            return Error::Failed {
                message: format!(
                    "database error while {doing}: {} (SQLSTATE {code})",
                    db.message()
                ),
                hint: db.hint().map(str::to_string),
            };
        }
        Error::Unavailable {
            dependency: "database".into(),
            doing: doing.into(),
            reason: err.to_string(),
            hint: Some("check that the database is up and reachable (--database-url, DATABASE_URL or --db-secret-id)".into()),
        }
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
    R: std::fmt::Debug + HttpStatus,
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

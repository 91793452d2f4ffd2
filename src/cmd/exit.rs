//! Exit statuses and the error that ends a command early. Per-item failures do not end a
//! command: they are reported through `Ctx::fail` and turn a success into [`Status::Failure`].

use crate::api::{ApiError, ApiErrorKind, BatchError};
use crate::fs::resolve::ResolveError;
use std::process::ExitCode;

/// 0 everything done; 1 something failed (some or all items, the server, the network);
/// 2 the command line or the configuration was wrong (unknown flag, a path that is not a
/// cloud path, a bad pattern, a refused confirmation, a mistyped subcommand, a bad
/// keymap.toml); 3 no account is configured or the credentials were rejected; 130 (128 +
/// SIGINT, as shells report it) a transfer or batch rename stopped by Ctrl-C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Success = 0,
    Failure = 1,
    Usage = 2,
    Auth = 3,
    Interrupted = 130,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s as u8)
    }
}

/// Ends a command; `message` is one line for stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CmdError {
    pub status: Status,
    pub message: String,
}

impl CmdError {
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            status: Status::Usage,
            message: message.into(),
        }
    }

    pub fn failure(message: impl Into<String>) -> Self {
        Self {
            status: Status::Failure,
            message: message.into(),
        }
    }

    pub fn interrupted(message: impl Into<String>) -> Self {
        Self {
            status: Status::Interrupted,
            message: message.into(),
        }
    }
}

pub type CmdResult<T = ()> = Result<T, CmdError>;

/// The status an API failure deserves.
pub fn api_status(e: &ApiError) -> Status {
    match e.kind {
        ApiErrorKind::Auth => Status::Auth,
        _ => Status::Failure,
    }
}

impl From<ApiError> for CmdError {
    fn from(e: ApiError) -> Self {
        Self {
            status: api_status(&e),
            message: e.to_string(),
        }
    }
}

impl From<BatchError> for CmdError {
    fn from(e: BatchError) -> Self {
        Self {
            status: api_status(&e.error),
            message: e.to_string(),
        }
    }
}

impl From<ResolveError> for CmdError {
    fn from(e: ResolveError) -> Self {
        let status = match &e {
            ResolveError::Syntax(_) | ResolveError::AboveBase(_) => Status::Usage,
            ResolveError::Api(api) => api_status(api),
            _ => Status::Failure,
        };
        Self {
            status,
            message: e.to_string(),
        }
    }
}

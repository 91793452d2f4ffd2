//! [`TransferError`]: why a job attempt (or the scheduler) failed, with a kind that decides
//! whether retrying can help. Its `Display` is the reason a failed job shows.

use std::io;

use thiserror::Error;

use crate::api::{ApiError, ApiErrorKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferErrorKind {
    /// The API refused or failed; retryable when the API kind is.
    Api(ApiErrorKind),
    /// The connection broke while streaming a body.
    Network,
    /// A local file operation failed.
    Io,
    /// No space left on the local device.
    DiskFull,
    /// The bytes don't match the MD5 they must have, or the source changed mid-way.
    Verification,
    /// The upload session is gone on the server (expired or unknown `preuploadID`).
    SessionLost,
    /// A download continued from a kept part did not verify; the part was deleted and the
    /// next attempt starts from scratch.
    StalePart,
    /// A name the target refuses.
    InvalidName,
    /// A file over the drive's per-file upload limit.
    TooLarge,
    /// The drive refuses empty (0-byte) files (API.md trap 26).
    EmptyFile,
    /// The job's cancellation token fired (pause, cancel or shutdown).
    Stopped,
    /// The state file can't be read or written.
    State,
    /// Another panfm holds the queue's lock ([`super::QueueLock`]).
    Busy,
    /// The server did the work and reports it failed (an offline download's fetch): only a
    /// retry by hand starts it again.
    Remote,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct TransferError {
    pub kind: TransferErrorKind,
    pub message: String,
}

impl TransferError {
    pub fn new(kind: TransferErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// The drive's refusal of an empty file, in words a user understands; `server` is what the
    /// server said, if it was asked.
    pub(crate) fn empty_file(server: Option<&str>) -> Self {
        let mut message = "the drive does not accept empty (0-byte) files".to_owned();
        if let Some(said) = server {
            message.push_str(&format!(" ({said})"));
        }
        Self::new(TransferErrorKind::EmptyFile, message)
    }

    /// The local file of an upload changed while it was read or sent (the server then refuses
    /// a slice: "分片MD5校验失败"). Its saved session is useless; a new attempt sends the file as
    /// it is now.
    pub(crate) fn source_changed() -> Self {
        Self::new(
            TransferErrorKind::Verification,
            "the file changed during the upload (its size or modification time moved); run it \
             again to send the new content",
        )
    }

    pub(crate) fn stopped() -> Self {
        Self::new(TransferErrorKind::Stopped, "stopped")
    }

    /// A local I/O failure on `what` (a path or a step), with ENOSPC told apart.
    pub fn io(what: &str, e: &io::Error) -> Self {
        if e.kind() == io::ErrorKind::StorageFull || e.raw_os_error() == Some(28) {
            return Self::new(
                TransferErrorKind::DiskFull,
                format!("{what}: no space left on the device; free some space and retry"),
            );
        }
        Self::new(TransferErrorKind::Io, format!("{what}: {e}"))
    }

    /// Worth another attempt after a pause.
    pub fn is_transient(&self) -> bool {
        match self.kind {
            TransferErrorKind::Api(kind) => matches!(
                kind,
                ApiErrorKind::Transient | ApiErrorKind::RateLimited | ApiErrorKind::LinkExpired
            ),
            TransferErrorKind::Network | TransferErrorKind::StalePart => true,
            _ => false,
        }
    }
}

impl From<ApiError> for TransferError {
    fn from(e: ApiError) -> Self {
        Self::new(TransferErrorKind::Api(e.kind), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_full_is_told_apart_and_not_retried() {
        let e = TransferError::io("x.part", &io::Error::from_raw_os_error(28));
        assert_eq!(e.kind, TransferErrorKind::DiskFull);
        assert!(e.message.contains("no space left"), "{e}");
        assert!(!e.is_transient());
        let e = TransferError::io("x", &io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(e.kind, TransferErrorKind::Io);
    }

    #[test]
    fn api_kinds_decide_retries() {
        let e: TransferError = ApiError::new(ApiErrorKind::RateLimited, "x", "slow").into();
        assert!(e.is_transient());
        let e: TransferError = ApiError::new(ApiErrorKind::Conflict, "x", "taken").into();
        assert!(!e.is_transient());
    }
}

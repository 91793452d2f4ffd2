//! Pane backends: what a pane can list and where it is. [`Location`] is opaque to the UI
//! (local paths, cloud ids); [`Entry`] is one row. Listing is streamed in pages so a huge
//! directory shows progressively and never blocks the UI thread.

mod batch;
pub mod complete;
mod entry;
pub mod img;
pub mod img_ops;
pub mod img_upload;
mod listing;
pub mod local;
pub mod local_ops;
mod location;
pub mod md5_cache;
pub mod mkdir_p;
pub mod natural;
pub mod open;
pub mod pan;
pub mod pan_copy;
pub mod pan_ops;
mod pan_patch;
mod pan_trash;
mod patch;
mod places;
pub mod read;
pub mod resolve;
pub mod sys_trash;
pub mod tally;
mod trash_index;

pub use batch::BatchOutcome;
pub use entry::{Entry, EntryKey, EntryKind};
pub use location::{CloudDir, CloudSearch, ImageDir, Location, Trail};
pub use open::{Opened, TypedPath};
pub use pan_trash::TrashListing;
pub use patch::{DirPatch, DirRef, Patch};

use thiserror::Error;

/// What went wrong, by kind; the UI words the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsErrorKind {
    NotFound,
    PermissionDenied,
    AlreadyExists,
    InvalidName,
    Unsupported,
    RateLimited,
    Auth,
    Network,
    Io,
}

#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{message}")]
pub struct FsError {
    pub kind: FsErrorKind,
    pub message: String,
}

impl FsError {
    pub fn new(kind: FsErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    pub fn io(context: &str, err: &std::io::Error) -> Self {
        let kind = match err.kind() {
            std::io::ErrorKind::NotFound => FsErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied => FsErrorKind::PermissionDenied,
            std::io::ErrorKind::AlreadyExists => FsErrorKind::AlreadyExists,
            _ => FsErrorKind::Io,
        };
        Self::new(kind, format!("{context}: {err}"))
    }
}

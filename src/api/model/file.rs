//! Files and folders on the cloud drive, listing pages, and the results of batch operations.

use chrono::{DateTime, Utc};

/// Cloud-drive ids are integers; folders and files share one id space.
pub type FileId = i64;

/// The id of the drive's root folder.
pub const ROOT_DIR: FileId = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    File,
    Dir,
}

impl FileKind {
    /// From a listing's `type`: 1 is a folder, anything else a file.
    pub(crate) fn from_type(kind: i64) -> Self {
        if kind == 1 { Self::Dir } else { Self::File }
    }
}

/// The server's content category. The documents list 0–3 (and [S003] up to 7), but the official
/// list example contains 10, so unknown values are kept as `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Unknown,
    Audio,
    Video,
    Image,
    Other(i64),
}

impl From<i64> for Category {
    fn from(v: i64) -> Self {
        match v {
            0 => Self::Unknown,
            1 => Self::Audio,
            2 => Self::Video,
            3 => Self::Image,
            other => Self::Other(other),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub id: FileId,
    pub name: String,
    pub parent_id: FileId,
    pub kind: FileKind,
    /// Bytes. Folders list as 0; `Client::detail` gives a folder's accumulated size.
    pub size: u64,
    /// Lowercase hex MD5 of the content; empty for folders.
    pub etag: String,
    pub category: Category,
    /// Review status; above 100 means rejected by review ([`FileEntry::is_rejected`]).
    pub status: i64,
    /// Non-zero `punishFlag`: the file is blocked.
    pub punished: bool,
    pub trashed: bool,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

impl FileEntry {
    pub fn is_dir(&self) -> bool {
        self.kind == FileKind::Dir
    }

    /// Rejected by review ("status > 100 = 审核驳回" [DOC]): listed, but not downloadable.
    pub fn is_rejected(&self) -> bool {
        self.status > 100
    }
}

/// One page of a folder listing or a search, trashed entries already removed. `entries` can be
/// empty while `next` is `Some` (the page held only trashed entries): keep paging.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    pub entries: Vec<FileEntry>,
    /// The cursor for the next page; `None` on the last page.
    pub next: Option<FileId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchMode {
    /// Tokenised, similar names (`searchMode=0`).
    #[default]
    Fuzzy,
    /// The complete file name only (`searchMode=1`).
    Exact,
}

/// The outcome of a batch rename: `code 0` still allows per-item failures [GO123].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenameReport {
    pub failed: Vec<RenameFailure>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameFailure {
    pub id: FileId,
    pub message: String,
}

/// The state of an asynchronous copy task (`0` pending, `1` running, `2` done, `3` failed [S003]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyStatus {
    Pending,
    Running,
    Done,
    Failed,
    Other(i64),
}

impl From<i64> for CopyStatus {
    fn from(v: i64) -> Self {
        match v {
            0 => Self::Pending,
            1 => Self::Running,
            2 => Self::Done,
            3 => Self::Failed,
            other => Self::Other(other),
        }
    }
}

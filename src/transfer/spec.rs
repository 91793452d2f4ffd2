//! What a caller asks for: a [`TransferSpec`] (upload local paths into a cloud folder,
//! download cloud items into a local folder, or copy local paths into another local folder)
//! with its batch-wide [`ConflictPolicy`]. Plain data, serializable so the queue can be saved.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::job::Direction;
use crate::api::{FileEntry, FileId};

/// One submission; it becomes a batch of per-file jobs once planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransferSpec {
    /// Files and folders (recursively) into cloud folder `dest_dir`. Names the cloud refuses
    /// (`"\/:*?|><`, too long, all spaces) fail their job, or, with `fix_names`, have the
    /// forbidden characters replaced by their full-width forms (`:` → `：`).
    Upload {
        sources: Vec<PathBuf>,
        dest_dir: FileId,
        policy: ConflictPolicy,
        fix_names: bool,
    },
    /// Cloud files and folders (recursively) into local folder `dest_dir`.
    Download {
        sources: Vec<CloudItem>,
        dest_dir: PathBuf,
        policy: ConflictPolicy,
    },
    /// Local images and folders of images (recursively) into image-space folder `dest_dir`
    /// (`""` = its root; `dest_path` like `/blog` is for display; jobs' targets are below it). Files the image space
    /// refuses — not a supported image, over 100 MiB, content not matching the name — fail
    /// while planning, before any request. A name already taken fails its job.
    ImageUpload {
        sources: Vec<PathBuf>,
        dest_dir: String,
        dest_path: String,
    },
    /// Local files and folders (recursively) into local folder `dest_dir`: a copy on the
    /// disk, or the second half of a move across file systems. Folders merge with folders of
    /// the same name; symbolic links are copied as links; special files are skipped.
    LocalCopy {
        #[serde(with = "super::os_path::many")]
        sources: Vec<PathBuf>,
        #[serde(with = "super::os_path")]
        dest_dir: PathBuf,
        policy: ConflictPolicy,
    },
    /// A sync's sending half (`panfm sync`).
    SyncUpload(Box<SyncUpload>),
    /// A sync's receiving half.
    SyncDownload(Box<SyncDownload>),
    /// The drive fetches each of `urls` (http or https) itself (离线下载): one job per URL,
    /// each a task on the server whose progress is asked for until it ends. `dest_dir`: the
    /// drive folder, `None` for the server's default "/来自:离线下载" (the root is not
    /// accepted); `dest_path` its path, for display. `name`: the file's name with one URL;
    /// otherwise the server names each file after its URL.
    Offline {
        urls: Vec<String>,
        dest_dir: Option<FileId>,
        dest_path: String,
        name: Option<String>,
    },
}

impl TransferSpec {
    pub fn policy(&self) -> ConflictPolicy {
        match self {
            Self::Upload { policy, .. }
            | Self::Download { policy, .. }
            | Self::LocalCopy { policy, .. } => *policy,
            Self::SyncUpload(s) => s.policy,
            Self::SyncDownload(s) => s.policy,
            // The image space has no "keep both" or "overwrite" for names: nothing to ask.
            Self::ImageUpload { .. } => ConflictPolicy::Skip,
            // The drive names a fetched file itself: nothing to ask either.
            Self::Offline { .. } => ConflictPolicy::KeepBoth,
        }
    }

    pub fn direction(&self) -> Direction {
        match self {
            Self::Upload { .. } | Self::ImageUpload { .. } | Self::SyncUpload(_) => {
                Direction::Upload
            }
            Self::Download { .. } | Self::SyncDownload(_) => Direction::Download,
            Self::LocalCopy { .. } => Direction::Copy,
            Self::Offline { .. } => Direction::Offline,
        }
    }
}

/// Chosen files of local folder `root` (`files`: paths below it, `/`-separated, with their
/// sizes) to the same paths below cloud folder `dest_dir`, making the folders they need and
/// those in `dirs` (empty ones too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncUpload {
    pub root: PathBuf,
    pub dirs: Vec<String>,
    pub files: Vec<(String, u64)>,
    pub dest_dir: FileId,
    pub policy: ConflictPolicy,
}

/// Chosen cloud files (`files`: each one's path below the synced cloud folder shown as
/// `source_root`) to the same paths below local folder `dest_dir`, making the folders they
/// need and those in `dirs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncDownload {
    pub source_root: String,
    pub dirs: Vec<String>,
    pub files: Vec<(String, CloudItem)>,
    pub dest_dir: PathBuf,
    pub policy: ConflictPolicy,
}

/// A cloud file or folder as the caller knows it from a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudItem {
    pub id: FileId,
    pub name: String,
    pub is_dir: bool,
    pub size: u64,
    /// Lowercase hex MD5; empty for folders.
    pub etag: String,
    /// The drive's `updateAt` (Unix seconds), which a download gives the local file.
    #[serde(default)]
    pub modified: Option<i64>,
}

impl From<&FileEntry> for CloudItem {
    fn from(e: &FileEntry) -> Self {
        Self {
            id: e.id,
            name: e.name.clone(),
            is_dir: e.is_dir(),
            size: e.size,
            etag: e.etag.to_ascii_lowercase(),
            modified: e.updated_at.map(|t| t.timestamp()),
        }
    }
}

/// What to do when the target name is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ConflictPolicy {
    /// Stop the job in `JobState::Conflict` until `Scheduler::resolve` answers.
    #[default]
    Ask,
    Skip,
    /// Upload: `duplicate=2`. Download, copy: the finished file is renamed over the old one.
    Overwrite,
    /// Upload: `duplicate=1` (the server picks the new name). Download, copy: `name (1).ext`, …
    KeepBoth,
}

/// An answer to a conflict: every policy but `Ask`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Resolution {
    Skip,
    Overwrite,
    KeepBoth,
}

impl From<Resolution> for ConflictPolicy {
    fn from(r: Resolution) -> Self {
        match r {
            Resolution::Skip => Self::Skip,
            Resolution::Overwrite => Self::Overwrite,
            Resolution::KeepBoth => Self::KeepBoth,
        }
    }
}

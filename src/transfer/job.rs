//! How a job looks from outside: ids, [`JobState`], [`JobInfo`] and the batch summary. These
//! travel in events and snapshots and are saved with the queue.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A job: one file (or one entry refused while planning). Unique within a scheduler and kept
/// across restarts through the state file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct JobId(pub u64);

/// One submitted [`super::TransferSpec`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BatchId(pub u64);

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "job {}", self.0)
    }
}

impl fmt::Display for BatchId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "batch {}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Upload,
    Download,
    /// Local disk to local disk.
    Copy,
    /// The drive fetches a URL itself (离线下载); the job asks how far it got.
    Offline,
}

/// An offline download's task on the server, as last reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfflineTask {
    /// The server's task id (`panfm offline status ID`).
    pub id: i64,
    /// 0–100, as the server reports it.
    pub percent: u8,
    /// The server said it is retrying the fetch (status 3).
    pub retrying: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobState {
    /// Waiting for a worker.
    Queued,
    /// A worker took it: checking the source and the target name.
    Planning,
    /// Reading the local file for its MD5s (or, for a resumed download, the part's prefix).
    Hashing,
    Uploading,
    /// The server assembles and checks the upload (`upload_complete` is polled), or a finished
    /// download is checked and renamed into place.
    Verifying,
    Downloading,
    /// A local copy is writing its part file.
    Copying,
    /// `reused`: the content was already where it goes, nothing was sent: the server had it
    /// (an instant upload), or the local target already held it (a download run again).
    Done {
        reused: bool,
    },
    /// Nothing was done on purpose: the name exists and the policy says skip, or the source is
    /// not a regular file.
    Skipped {
        reason: String,
    },
    Failed {
        reason: String,
    },
    Paused,
    Cancelled,
    /// The target name is taken and the batch policy is `Ask`: waiting for `resolve`.
    Conflict(ConflictInfo),
}

impl JobState {
    /// A worker is on it.
    pub fn is_active(&self) -> bool {
        matches!(
            self,
            Self::Planning
                | Self::Hashing
                | Self::Uploading
                | Self::Verifying
                | Self::Downloading
                | Self::Copying
        )
    }

    /// Nothing more will happen unless someone retries it.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            Self::Done { .. } | Self::Skipped { .. } | Self::Failed { .. } | Self::Cancelled
        )
    }
}

/// The details a user needs to answer a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictInfo {
    /// The taken name, and where (cloud path or local path) for display.
    pub name: String,
    pub target: String,
    pub existing_is_dir: bool,
    /// `None` when only the server's refusal told us about it.
    pub existing_size: Option<u64>,
    pub new_size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobInfo {
    pub id: JobId,
    pub batch: BatchId,
    pub direction: Direction,
    /// The name the file gets at the target (after any full-width fix).
    pub name: String,
    /// Where from and where to, for display. Uploads: the local path, and the cloud path below
    /// the batch's destination folder (`a/b/name`). Downloads: the cloud path below the
    /// downloaded item (`folder/a/name`), and the local path. Copies: the local path below the
    /// folder the sources are in (`folder/a/name`), and the whole target path. Offline downloads:
    /// the URL, and the file's whole cloud path as far as it is known (`/来自:离线下载/name`).
    pub source: String,
    pub target: String,
    pub size: u64,
    pub state: JobState,
    /// Bytes transferred (or found already there on resume), monotonic within an attempt.
    pub done_bytes: u64,
    /// Attempts started in the current run of the job (1 on the first).
    pub attempt: u32,
    /// Why the last attempt failed when it is being retried.
    pub retry_reason: Option<String>,
    /// Refused while planning (a name the cloud forbids, a special file…): retrying can only
    /// repeat the refusal.
    #[serde(default)]
    pub refused: bool,
    /// Offline downloads: the server's task, once created. Its sizes are unknown (`size` and
    /// `done_bytes` stay 0); its progress is the task's percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline: Option<OfflineTask>,
}

/// A batch's totals. `ok` counts `Done` jobs, reused ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchInfo {
    pub id: BatchId,
    pub direction: Direction,
    /// Still walking the source tree; more jobs may come.
    pub planning: bool,
    pub files: u64,
    pub bytes: u64,
    pub ok: u64,
    pub failed: u64,
    pub skipped: u64,
    pub cancelled: u64,
    /// Bytes already in place (instant uploads, downloads already there): not sent.
    pub reused_bytes: u64,
}

/// Everything the scheduler holds, jobs in queue order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub jobs: Vec<JobInfo>,
    pub batches: Vec<BatchInfo>,
}

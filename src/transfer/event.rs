//! [`TransferEvent`]: what the scheduler reports. Every event carries absolute values, so a
//! consumer that coalesces or drops some still ends with the right picture, and applying one
//! twice changes nothing.

use super::job::{BatchId, Direction, JobId, JobInfo, JobState, OfflineTask};
use crate::api::FileId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferEvent {
    /// The batch's source tree was walked: this many files (jobs, refused entries included) and
    /// bytes. Sent before the batch's first `Added`.
    Planned {
        batch: BatchId,
        direction: Direction,
        files: u64,
        bytes: u64,
    },
    /// A new job, or new facts about a known one (its size changed): replace what you had.
    Added {
        job: JobInfo,
    },
    State {
        job: JobId,
        state: JobState,
    },
    /// Bytes done so far; at most every `TransferConfig::progress_interval` per job, plus one
    /// when the job finishes.
    Progress {
        job: JobId,
        done_bytes: u64,
    },
    /// The attempt goes on from `from` bytes already in place (slices the server holds, a
    /// kept part file): the progress that follows starts there, and those bytes don't move.
    Resumed {
        job: JobId,
        from: u64,
    },
    /// Planning found that `files` files of the batch (`bytes` in all) won't fit in the `free`
    /// bytes left in the cloud; they fail before any request. Sent after `Planned`.
    NoRoom {
        batch: BatchId,
        files: u64,
        bytes: u64,
        free: u64,
    },
    /// An upload put something new into drive folder `parent`: a file, or a folder the batch
    /// needed. `id` is `None` when the server did not say which (an instant upload answered
    /// `fileID: 0`). A file's comes before its job's `Done`.
    Created {
        batch: BatchId,
        parent: FileId,
        id: Option<FileId>,
    },
    /// Bytes of the source read for hashing (uploads) or of a kept part re-read (downloads).
    Hashed {
        job: JobId,
        bytes: u64,
    },
    /// An upload hashed its file: the whole-file MD5 (lowercase hex) of the bytes it read, for
    /// a caller that caches local MD5s (`panfm sync`).
    Checksum {
        job: JobId,
        md5: String,
    },
    /// Attempt `attempt` starts after the previous one failed for `reason`.
    Retrying {
        job: JobId,
        attempt: u32,
        reason: String,
    },
    /// An offline download's task as the server last reported it (the first one tells its id).
    Fetching {
        job: JobId,
        task: OfflineTask,
    },
    /// The job now stands at `index` in the queue order (`move_up`/`move_down`).
    Moved {
        job: JobId,
        index: usize,
    },
    /// Jobs left the scheduler (`clear_finished`).
    Removed {
        jobs: Vec<JobId>,
    },
    /// Every job of the batch is finished (sent again if a retried job finishes later).
    BatchDone {
        batch: BatchId,
        ok: u64,
        failed: u64,
        skipped: u64,
        cancelled: u64,
        reused_bytes: u64,
    },
}

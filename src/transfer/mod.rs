//! The transfer engine: verified, resumable uploads and downloads of files and whole trees,
//! and copies from local disk to local disk, through a persistent queue, independent of any UI.
//!
//! A caller builds a [`Scheduler`] from an `api::Client` and a [`TransferConfig`], submits
//! [`TransferSpec`]s and reads [`TransferEvent`]s from the channel it got back. Each spec
//! becomes a batch: planning walks the sources and creates the target folders, then one job
//! per file runs on a fixed pool of workers. Uploads hash the file once (whole-file and slice
//! MD5s together), may finish instantly when the server already has the content, send slices
//! in parallel and wait for the server's check; downloads stream into a hidden part file,
//! resume with HTTP Range, verify the MD5 and only then take the final name; local copies
//! write a part file the same way and keep the source's modification time. The queue is saved
//! to a state file and resumed by the next scheduler.
//!
//! Layout: `spec`, `job`, `event`, `config`, `error` are the public vocabulary; `scheduler`
//! owns the table, workers and controls; `plan` walks sources (and `check_upload` walks an
//! upload's before it is submitted, for what would be refused); `upload` and `download` move
//! one file; `image` moves one image into the image space (图床); `copy` copies one local file;
//! `offline` has the drive fetch a URL itself (离线下载) and follows its task; `persist` is the
//! state file format (`os_path` writes its local paths); `work` the saved per-job data; `lock`
//! keeps a saved queue to one process; `fault` injects disk errors for tests.

mod blocking;
mod buffers;
mod config;
mod copy;
mod download;
mod error;
mod event;
mod fault;
mod image;
mod job;
mod lock;
mod names;
mod offline;
mod os_path;
mod persist;
mod plan;
mod progress;
mod scheduler;
mod spec;
mod upload;
mod work;

pub use config::{Restore, TransferConfig};
pub use error::{TransferError, TransferErrorKind};
pub use event::TransferEvent;
pub use fault::{DiskError, DiskFault};
pub use job::{
    BatchId, BatchInfo, ConflictInfo, Direction, JobId, JobInfo, JobState, OfflineTask, Snapshot,
};
pub use lock::QueueLock;
pub use names::full_width_fix;
pub use plan::{CHECK_LIMIT, CheckRefusal, UploadCheck, check_upload};
pub(crate) use plan::{Created, Retry};
pub use scheduler::Scheduler;
pub use spec::{CloudItem, ConflictPolicy, Resolution, SyncDownload, SyncUpload, TransferSpec};

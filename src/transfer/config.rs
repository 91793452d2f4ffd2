//! [`TransferConfig`]: pool sizes, timing and limits of a scheduler. Tests shrink the timers;
//! the defaults are for 123pan.

use std::path::PathBuf;
use std::time::Duration;

use super::fault::DiskFault;
use super::spec::ConflictPolicy;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferConfig {
    /// Jobs running at once.
    pub workers: usize,
    /// Slices of one upload in flight at once. Memory for slices is bounded by
    /// `workers × slice_parallelism × slice size`.
    pub slice_parallelism: usize,
    /// Where the queue is saved; `None` keeps it in memory only.
    pub state_file: Option<PathBuf>,
    /// The slice size assumed while hashing before `create` says the real one (later replaced
    /// by the last size the server gave).
    pub slice_size_guess: u64,
    /// Files up to this size go up in one request (`single/create`) instead of
    /// create + slices + complete; 0 turns that off. They are read into memory whole.
    pub single_step_max: u64,
    /// Between `upload_complete` polls (the first poll is immediate).
    pub poll_interval: Duration,
    /// How long an upload may stay "verifying" before the job fails.
    pub complete_timeout: Duration,
    /// Between questions about an offline download's progress: `offline_poll` at first and
    /// after every change, half as long again after each answer that changed nothing, up to
    /// `offline_poll_max`.
    pub offline_poll: Duration,
    pub offline_poll_max: Duration,
    /// Attempts per job while failures are transient (network, 5xx, 429).
    pub job_attempts: u32,
    /// Attempts per slice within one job attempt (each on the next upload server).
    pub slice_attempts: u32,
    /// Backoff before a retry: doubling from `retry_delay` up to `retry_max_delay`, jittered.
    pub retry_delay: Duration,
    pub retry_max_delay: Duration,
    /// Least time between two `Progress` events of one job.
    pub progress_interval: Duration,
    /// Least time between two writes of the state file.
    pub save_interval: Duration,
    /// Overall transfer rate cap in bytes per second, shared by all jobs.
    pub max_bytes_per_sec: Option<u64>,
    /// `fsync` a finished download before renaming it into place, so a crash can't leave an
    /// empty or short file under the final name.
    pub sync_downloads: bool,
    /// Makes part-file writes fail like a full or read-only disk (tests only; see `fault`).
    pub disk_fault: Option<DiskFault>,
    /// How the jobs of a restored state file come back.
    pub restore: Restore,
}

/// Rules for what a state file brings back. The TUI's queue comes back as it was; a command
/// run again retries what failed, under the options it was given this time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Restore {
    /// Failed jobs (not entries refused while planning) come back queued.
    pub requeue_failed: bool,
    /// Every restored batch takes this conflict policy.
    pub policy: Option<ConflictPolicy>,
}

impl Default for TransferConfig {
    fn default() -> Self {
        Self {
            workers: 3,
            slice_parallelism: 3,
            state_file: None,
            slice_size_guess: 16 << 20,
            single_step_max: 16 << 20,
            poll_interval: Duration::from_secs(1),
            complete_timeout: Duration::from_secs(600),
            offline_poll: Duration::from_secs(1),
            offline_poll_max: Duration::from_secs(30),
            job_attempts: 5,
            slice_attempts: 3,
            retry_delay: Duration::from_secs(1),
            retry_max_delay: Duration::from_secs(30),
            progress_interval: Duration::from_millis(100),
            save_interval: Duration::from_secs(1),
            max_bytes_per_sec: None,
            sync_downloads: true,
            disk_fault: DiskFault::from_env(),
            restore: Restore::default(),
        }
    }
}

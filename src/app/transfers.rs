//! The transfer queue as the UI sees it: every job from the engine's events (absolute values,
//! so applying an event twice changes nothing), batch totals, and speed/ETA derived from the
//! timestamps the runtime puts on progress messages.

use crate::transfer::{
    BatchId, BatchInfo, Direction, JobId, JobInfo, JobState, Snapshot, TransferEvent,
};
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Progress samples older than this no longer count towards the speed.
const SPEED_WINDOW: Duration = Duration::from_secs(3);

#[derive(Debug, Clone)]
pub struct JobRow {
    pub info: JobInfo,
    samples: VecDeque<(Instant, u64)>,
}

impl JobRow {
    fn new(info: JobInfo) -> Self {
        Self {
            info,
            samples: VecDeque::new(),
        }
    }

    /// Bytes per second over the last few seconds; `None` while not moving.
    pub fn speed(&self) -> Option<f64> {
        let ((t0, b0), (t1, b1)) = (self.samples.front()?, self.samples.back()?);
        let secs = t1.duration_since(*t0).as_secs_f64();
        (secs > 0.2 && b1 > b0 && self.info.state.is_active()).then(|| (b1 - b0) as f64 / secs)
    }

    pub fn eta(&self) -> Option<Duration> {
        let left = self.info.size.saturating_sub(self.info.done_bytes);
        self.speed()
            .map(|s| Duration::from_secs_f64(left as f64 / s.max(1.0)))
    }

    /// Where the file sits below its batch's root: the path below an upload's destination
    /// folder, the cloud path below the folder a download came from, the local path below the
    /// folder a copy came from, the name an offline download gets in its folder. A failure of a
    /// whole batch's planning has no path.
    pub fn path(&self) -> &str {
        let i = &self.info;
        match i.direction {
            Direction::Upload => &i.target,
            Direction::Download | Direction::Copy => &i.source,
            Direction::Offline => &i.name,
        }
    }

    fn sample(&mut self, at: Instant, bytes: u64) {
        if self.samples.back().is_some_and(|(_, b)| *b > bytes) {
            self.samples.clear(); // a new attempt started over
        }
        self.samples.push_back((at, bytes));
        while self
            .samples
            .front()
            .is_some_and(|(t, _)| at.duration_since(*t) > SPEED_WINDOW)
        {
            self.samples.pop_front();
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Transfers {
    /// The engine is running (a cloud account is configured).
    pub enabled: bool,
    /// Another panfm runs the saved queue: this session's transfers are not kept after exit.
    pub unkept: bool,
    /// The queue is not saved (no cloud account, the demo, or another panfm holds it): what
    /// is unfinished at exit is lost.
    pub in_memory: bool,
    pub jobs: Vec<JobRow>,
    pub batches: HashMap<BatchId, BatchInfo>,
    /// Follow-ups of "move" batches: what to delete once the batch finished without failures.
    pub then: HashMap<BatchId, super::ops::OpSpec>,
    /// The folder each batch of this session goes to or comes from (`cloud:/备份`).
    pub roots: HashMap<BatchId, String>,
    /// What each upload or offline batch made in the drive, `(folder, id)`, until it is
    /// taken (when the batch, or an offline job, is done).
    pub created: HashMap<BatchId, Vec<(i64, Option<i64>)>>,
    /// Bytes moved per second over the last minute, over all jobs.
    pub throughput: super::throughput::Throughput,
}

/// Totals over unfinished jobs, for the status line and the quit question.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    pub uploads: usize,
    pub downloads: usize,
    pub copies: usize,
    /// Offline downloads: the drive fetches, nothing moves here.
    pub fetches: usize,
    pub bytes_left: u64,
    pub speed: f64,
}

impl Transfers {
    pub fn apply(&mut self, at: Instant, event: TransferEvent) {
        match event {
            TransferEvent::Planned {
                batch,
                direction,
                files,
                bytes,
            } => {
                let b = self
                    .batches
                    .entry(batch)
                    .or_insert_with(|| empty_batch(batch));
                (b.direction, b.files, b.bytes, b.planning) = (direction, files, bytes, false);
            }
            TransferEvent::Added { job } => {
                match self.jobs.iter_mut().find(|j| j.info.id == job.id) {
                    Some(row) => row.info = job,
                    None => self.jobs.push(JobRow::new(job)),
                }
            }
            TransferEvent::State { job, state } => {
                if let Some(row) = self.row_mut(job) {
                    row.info.state = state;
                }
            }
            TransferEvent::Progress { job, done_bytes } => {
                if let Some(row) = self.row_mut(job) {
                    let moved = done_bytes.saturating_sub(row.info.done_bytes);
                    row.info.done_bytes = done_bytes;
                    row.sample(at, done_bytes);
                    self.throughput.add(at, moved);
                }
            }
            TransferEvent::Hashed { .. }
            | TransferEvent::Checksum { .. }
            | TransferEvent::Resumed { .. }
            | TransferEvent::NoRoom { .. } => {}
            TransferEvent::Fetching { job, task } => {
                if let Some(row) = self.row_mut(job) {
                    row.info.offline = Some(task);
                }
            }
            TransferEvent::Created { batch, parent, id } => {
                self.created.entry(batch).or_default().push((parent, id));
            }
            TransferEvent::Retrying {
                job,
                attempt,
                reason,
            } => {
                if let Some(row) = self.row_mut(job) {
                    (row.info.attempt, row.info.retry_reason) = (attempt, Some(reason));
                }
            }
            TransferEvent::Moved { job, index } => {
                if let Some(from) = self.jobs.iter().position(|j| j.info.id == job) {
                    let row = self.jobs.remove(from);
                    self.jobs.insert(index.min(self.jobs.len()), row);
                }
            }
            TransferEvent::Removed { jobs } => self.jobs.retain(|j| !jobs.contains(&j.info.id)),
            TransferEvent::BatchDone {
                batch,
                ok,
                failed,
                skipped,
                cancelled,
                reused_bytes,
            } => {
                let b = self
                    .batches
                    .entry(batch)
                    .or_insert_with(|| empty_batch(batch));
                (b.ok, b.failed, b.skipped, b.cancelled, b.reused_bytes) =
                    (ok, failed, skipped, cancelled, reused_bytes);
                b.planning = false;
            }
        }
    }

    /// Replaces everything with the engine's snapshot (at start-up, after a restore).
    pub fn restore(&mut self, snapshot: Snapshot) {
        self.jobs = snapshot.jobs.into_iter().map(JobRow::new).collect();
        self.batches = snapshot.batches.into_iter().map(|b| (b.id, b)).collect();
    }

    /// Where job `id` is in the queue.
    pub fn position(&self, id: JobId) -> Option<usize> {
        self.jobs.iter().position(|j| j.info.id == id)
    }

    fn row_mut(&mut self, id: JobId) -> Option<&mut JobRow> {
        self.jobs.iter_mut().find(|j| j.info.id == id)
    }

    /// Jobs that still have work to do (paused and waiting ones included).
    pub fn unfinished(&self) -> usize {
        self.jobs
            .iter()
            .filter(|j| !j.info.state.is_finished())
            .count()
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for j in self.jobs.iter().filter(|j| !j.info.state.is_finished()) {
            match j.info.direction {
                Direction::Upload => t.uploads += 1,
                Direction::Download => t.downloads += 1,
                Direction::Copy => t.copies += 1,
                Direction::Offline => t.fetches += 1,
            }
            t.bytes_left += j.info.size.saturating_sub(j.info.done_bytes);
            t.speed += j.speed().unwrap_or(0.0);
        }
        t
    }

    /// What batch `batch` made in the drive since last asked, each once.
    pub fn take_created(&mut self, batch: BatchId) -> Vec<(i64, Option<i64>)> {
        let mut made = self.created.remove(&batch).unwrap_or_default();
        made.sort_unstable();
        made.dedup();
        made
    }

    /// Bytes instant uploads saved, over every batch seen this session.
    pub fn saved_bytes(&self) -> u64 {
        self.batches
            .values()
            .filter(|b| b.direction == Direction::Upload)
            .map(|b| b.reused_bytes)
            .sum()
    }

    pub fn conflicts(&self) -> usize {
        self.jobs
            .iter()
            .filter(|j| matches!(j.info.state, JobState::Conflict(_)))
            .count()
    }
}

fn empty_batch(id: BatchId) -> BatchInfo {
    BatchInfo {
        id,
        direction: Direction::Upload,
        planning: true,
        files: 0,
        bytes: 0,
        ok: 0,
        failed: 0,
        skipped: 0,
        cancelled: 0,
        reused_bytes: 0,
    }
}

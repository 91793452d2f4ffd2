//! The job table: every job and batch, the queue order, and the one place state changes
//! happen. Each change emits its event while the table is locked, so events leave in the same
//! order as the changes they describe.

use std::collections::{BTreeMap, HashMap};

use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

use super::super::event::TransferEvent;
use super::super::job::{BatchId, BatchInfo, Direction, JobId, JobInfo, JobState, Snapshot};
use super::super::spec::{ConflictPolicy, Resolution, TransferSpec};
use super::super::work::{Resume, Work};
pub(crate) use super::counts::Counts;

pub(crate) struct Job {
    pub info: JobInfo,
    pub work: Work,
    /// The answer to this job's conflict, when it got one.
    pub policy: Option<Resolution>,
    pub resume: Resume,
    /// Set while a worker runs the job.
    pub run: Option<Run>,
}

pub(crate) struct Run {
    pub cancel: CancellationToken,
    /// Why `cancel` fired; `None` when the scheduler is shutting down.
    pub stop: Option<Stop>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    Pause,
    Cancel,
}

pub(crate) struct Batch {
    pub id: BatchId,
    pub direction: Direction,
    pub policy: ConflictPolicy,
    pub spec: TransferSpec,
    pub planning: bool,
    pub files: u64,
    pub bytes: u64,
    pub jobs: Vec<JobId>,
    pub unfinished: usize,
    /// Outcomes of jobs no longer in the table (cleared, or finished before a restart).
    pub forgotten: Counts,
    /// Stops the batch's planning.
    pub cancel: CancellationToken,
}

/// Who runs a job. Files move on the fixed pool of workers; offline downloads only ask the
/// server now and then, each on a task of its own, so a fetch that takes hours never holds a
/// worker (the rate limiter keeps their questions polite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lane {
    Files,
    Offline,
}

impl Lane {
    pub fn of(work: &Work) -> Self {
        match work {
            Work::Offline(_) => Self::Offline,
            _ => Self::Files,
        }
    }
}

/// A job as the planner hands it over.
pub(crate) struct NewJob {
    pub direction: Direction,
    pub name: String,
    pub source: String,
    pub target: String,
    pub size: u64,
    pub work: Work,
    pub state: JobState,
}

pub(crate) struct Table {
    pub jobs: HashMap<JobId, Job>,
    pub order: Vec<JobId>,
    pub batches: BTreeMap<BatchId, Batch>,
    pub next_job: u64,
    pub next_batch: u64,
    events: UnboundedSender<TransferEvent>,
}

impl Table {
    pub fn new(events: UnboundedSender<TransferEvent>) -> Self {
        Self {
            jobs: HashMap::new(),
            order: Vec::new(),
            batches: BTreeMap::new(),
            next_job: 1,
            next_batch: 1,
            events,
        }
    }

    /// A closed receiver means nobody is listening any more; the work goes on regardless.
    pub fn emit(&self, event: TransferEvent) {
        let _ = self.events.send(event);
    }

    pub fn add_batch(&mut self, spec: TransferSpec, cancel: CancellationToken) -> BatchId {
        let id = BatchId(self.next_batch);
        self.next_batch += 1;
        let batch = Batch {
            id,
            direction: spec.direction(),
            policy: spec.policy(),
            spec,
            planning: true,
            files: 0,
            bytes: 0,
            jobs: Vec::new(),
            unfinished: 0,
            forgotten: Counts::default(),
            cancel,
        };
        self.batches.insert(id, batch);
        id
    }

    pub fn planned(&mut self, batch: BatchId, files: u64, bytes: u64) {
        if let Some(b) = self.batches.get_mut(&batch) {
            (b.files, b.bytes) = (files, bytes);
            let direction = b.direction;
            self.emit(TransferEvent::Planned {
                batch,
                direction,
                files,
                bytes,
            });
        }
    }

    /// Adds a job to a batch, unless the batch was cancelled (checked under the table lock, so
    /// `cancel_batch` can't miss a job its planner adds at the same moment).
    pub fn add_job(&mut self, batch: BatchId, new: NewJob) -> Option<JobId> {
        let b = self.batches.get_mut(&batch)?;
        if b.cancel.is_cancelled() {
            return None;
        }
        let id = JobId(self.next_job);
        self.next_job += 1;
        let info = JobInfo {
            id,
            batch,
            direction: new.direction,
            name: new.name,
            source: new.source,
            target: new.target,
            size: new.size,
            state: new.state,
            done_bytes: 0,
            attempt: 0,
            retry_reason: None,
            refused: matches!(new.work, Work::Refused { .. }),
            offline: None,
        };
        b.jobs.push(id);
        if !info.state.is_finished() {
            b.unfinished += 1;
        }
        self.emit(TransferEvent::Added { job: info.clone() });
        self.insert(Job {
            info,
            work: new.work,
            policy: None,
            resume: Resume::None,
            run: None,
        });
        Some(id)
    }

    /// Puts a job in the table and at the end of the queue, without events.
    pub fn insert(&mut self, job: Job) {
        self.order.push(job.info.id);
        self.jobs.insert(job.info.id, job);
    }

    pub fn planning_done(&mut self, batch: BatchId) {
        if let Some(b) = self.batches.get_mut(&batch) {
            b.planning = false;
        }
        self.check_batch(batch);
    }

    pub fn set_state(&mut self, id: JobId, state: JobState) {
        let Some(job) = self.jobs.get_mut(&id) else {
            return;
        };
        if job.info.state == state {
            return;
        }
        let (was, now) = (job.info.state.is_finished(), state.is_finished());
        job.info.state = state.clone();
        let batch = job.info.batch;
        if let Some(b) = self.batches.get_mut(&batch) {
            match (was, now) {
                (false, true) => b.unfinished = b.unfinished.saturating_sub(1),
                (true, false) => b.unfinished += 1,
                _ => {}
            }
        }
        self.emit(TransferEvent::State { job: id, state });
        if now && !was {
            self.check_batch(batch);
        }
    }

    /// Sends `BatchDone` when planning is over and every job finished.
    pub fn check_batch(&self, batch: BatchId) {
        let Some(b) = self.batches.get(&batch) else {
            return;
        };
        if b.planning || b.unfinished > 0 {
            return;
        }
        let c = self.counts(b);
        self.emit(TransferEvent::BatchDone {
            batch,
            ok: c.ok,
            failed: c.failed,
            skipped: c.skipped,
            cancelled: c.cancelled,
            reused_bytes: c.reused_bytes,
        });
    }

    pub fn counts(&self, b: &Batch) -> Counts {
        let mut c = b.forgotten;
        for job in b.jobs.iter().filter_map(|id| self.jobs.get(id)) {
            c.add(&job.info);
        }
        c
    }

    /// The first queued job of `lane` in queue order.
    pub fn next_queued(&self, lane: Lane) -> Option<JobId> {
        self.order.iter().copied().find(|id| {
            self.jobs
                .get(id)
                .is_some_and(|j| j.info.state == JobState::Queued && Lane::of(&j.work) == lane)
        })
    }

    /// The policy in force for a job: its own answer, else its batch's.
    pub fn policy(&self, id: JobId) -> ConflictPolicy {
        let Some(job) = self.jobs.get(&id) else {
            return ConflictPolicy::Ask;
        };
        match job.policy {
            Some(r) => r.into(),
            None => self
                .batches
                .get(&job.info.batch)
                .map_or(ConflictPolicy::Ask, |b| b.policy),
        }
    }

    pub fn batch_info(&self, b: &Batch) -> BatchInfo {
        let c = self.counts(b);
        BatchInfo {
            id: b.id,
            direction: b.direction,
            planning: b.planning,
            files: b.files,
            bytes: b.bytes,
            ok: c.ok,
            failed: c.failed,
            skipped: c.skipped,
            cancelled: c.cancelled,
            reused_bytes: c.reused_bytes,
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            jobs: self
                .order
                .iter()
                .filter_map(|id| self.jobs.get(id))
                .map(|j| j.info.clone())
                .collect(),
            batches: self.batches.values().map(|b| self.batch_info(b)).collect(),
        }
    }
}

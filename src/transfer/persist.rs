//! The state file: the queue as JSON (`version` 1), written atomically with owner-only
//! permissions. It keeps every job that isn't done, skipped or cancelled — queued, running
//! (saved as queued), paused, waiting on a conflict, failed — with its work item and resume
//! data (upload session: `preuploadID`, slice size, servers, accepted slices; download: the
//! part file), the batches those jobs belong to (with the outcomes of their jobs that are no
//! longer kept), and the last slice size the server gave.
//!
//! Restore rules: running and queued jobs come back **queued** and start at once; paused,
//! conflicting and failed jobs come back as they were. A batch saved mid-planning keeps all its
//! jobs, finished ones too, and is planned again, skipping the sources it already has jobs for.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use super::config::Restore;
use super::error::{TransferError, TransferErrorKind};
use super::event::TransferEvent;
use super::job::{BatchId, JobInfo, JobState};
use super::scheduler::table::{Batch, Counts, Job, Table};
use super::spec::{ConflictPolicy, Resolution, TransferSpec};
use super::work::{Resume, Work};

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct SavedQueue {
    version: u32,
    next_job: u64,
    next_batch: u64,
    pub slice_size_hint: u64,
    batches: Vec<SavedBatch>,
    /// In queue order.
    jobs: Vec<SavedJob>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SavedBatch {
    id: BatchId,
    policy: ConflictPolicy,
    spec: TransferSpec,
    planning: bool,
    files: u64,
    bytes: u64,
    /// Outcomes of the batch's jobs that are not in the file.
    earlier: Counts,
}

#[derive(Debug, Serialize, Deserialize)]
struct SavedJob {
    info: JobInfo,
    work: Work,
    policy: Option<Resolution>,
    resume: Resume,
}

/// A batch to plan again after a restore: its spec, and the sources it already has jobs for.
pub(crate) struct Replan {
    pub batch: BatchId,
    pub spec: TransferSpec,
    pub known: HashSet<String>,
}

fn kept(state: &JobState) -> bool {
    !matches!(
        state,
        JobState::Done { .. } | JobState::Skipped { .. } | JobState::Cancelled
    )
}

impl Table {
    pub fn capture(&self, slice_size_hint: u64) -> SavedQueue {
        let mut jobs = Vec::new();
        let mut batches = Vec::new();
        for b in self.batches.values() {
            let mut earlier = b.forgotten;
            let mut any = false;
            for job in b.jobs.iter().filter_map(|id| self.jobs.get(id)) {
                if b.planning || kept(&job.info.state) {
                    any = true;
                } else {
                    earlier.add(&job.info);
                }
            }
            if any || b.planning {
                batches.push(SavedBatch {
                    id: b.id,
                    policy: b.policy,
                    spec: b.spec.clone(),
                    planning: b.planning,
                    files: b.files,
                    bytes: b.bytes,
                    earlier,
                });
            }
        }
        for job in self.order.iter().filter_map(|id| self.jobs.get(id)) {
            let planning = self
                .batches
                .get(&job.info.batch)
                .is_some_and(|b| b.planning);
            if !planning && !kept(&job.info.state) {
                continue;
            }
            let mut info = job.info.clone();
            if info.state.is_active() {
                info.state = JobState::Queued;
            }
            jobs.push(SavedJob {
                info,
                work: job.work.clone(),
                policy: job.policy,
                resume: job.resume.clone(),
            });
        }
        SavedQueue {
            version: VERSION,
            next_job: self.next_job,
            next_batch: self.next_batch,
            slice_size_hint,
            batches,
            jobs,
        }
    }

    /// Loads a saved queue into an empty table, announcing every batch and job.
    pub fn restore(
        &mut self,
        saved: SavedQueue,
        rules: Restore,
        root: &CancellationToken,
    ) -> Vec<Replan> {
        self.next_job = self.next_job.max(saved.next_job);
        self.next_batch = self.next_batch.max(saved.next_batch);
        let mut replans = Vec::new();
        for sb in saved.batches {
            let direction = sb.spec.direction();
            if sb.planning {
                replans.push(Replan {
                    batch: sb.id,
                    spec: sb.spec.clone(),
                    known: HashSet::new(),
                });
            }
            self.batches.insert(
                sb.id,
                Batch {
                    id: sb.id,
                    direction,
                    policy: rules.policy.unwrap_or(sb.policy),
                    spec: sb.spec,
                    planning: sb.planning,
                    files: sb.files,
                    bytes: sb.bytes,
                    jobs: Vec::new(),
                    unfinished: 0,
                    forgotten: sb.earlier,
                    cancel: root.child_token(),
                },
            );
            self.emit(TransferEvent::Planned {
                batch: sb.id,
                direction,
                files: sb.files,
                bytes: sb.bytes,
            });
        }
        for mut sj in saved.jobs {
            let Some(b) = self.batches.get_mut(&sj.info.batch) else {
                continue;
            };
            let refused = matches!(sj.work, Work::Refused { .. });
            sj.info.refused = refused; // queues saved before the flag existed
            if rules.requeue_failed && !refused && matches!(sj.info.state, JobState::Failed { .. })
            {
                sj.info.state = JobState::Queued;
                (sj.info.done_bytes, sj.info.attempt, sj.info.retry_reason) = (0, 0, None);
            }
            b.jobs.push(sj.info.id);
            if !sj.info.state.is_finished() {
                b.unfinished += 1;
            }
            if let Some(r) = replans.iter_mut().find(|r| r.batch == sj.info.batch) {
                r.known.insert(sj.info.source.clone());
            }
            self.emit(TransferEvent::Added {
                job: sj.info.clone(),
            });
            self.insert(Job {
                info: sj.info,
                work: sj.work,
                policy: sj.policy,
                resume: sj.resume,
                run: None,
            });
        }
        let settled: Vec<BatchId> = self
            .batches
            .values()
            .filter(|b| !b.planning)
            .map(|b| b.id)
            .collect();
        for batch in settled {
            self.check_batch(batch);
        }
        replans
    }
}

pub(crate) fn encode(saved: &SavedQueue) -> Result<Vec<u8>, TransferError> {
    serde_json::to_vec(saved).map_err(|e| {
        TransferError::new(
            TransferErrorKind::State,
            format!("cannot encode the queue: {e}"),
        )
    })
}

/// Reads the state file; `None` when there is none.
pub(crate) fn load(path: &Path) -> Result<Option<SavedQueue>, TransferError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(state_error(path, &e.to_string())),
    };
    let saved: SavedQueue =
        serde_json::from_slice(&bytes).map_err(|e| state_error(path, &e.to_string()))?;
    if saved.version != VERSION {
        let what = format!("unknown version {}", saved.version);
        return Err(state_error(path, &what));
    }
    Ok(Some(saved))
}

fn state_error(path: &Path, what: &str) -> TransferError {
    TransferError::new(
        TransferErrorKind::State,
        format!("transfer queue {}: {what}", path.display()),
    )
}

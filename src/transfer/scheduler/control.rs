//! The user's controls on the job table: pause, resume, cancel, retry, resolve a conflict,
//! reorder, forget finished jobs; and the worker's side: taking a job and handing it back.
//! Controls on a running job only fire its cancellation token; the worker then settles the
//! state, so a job never has two owners.

use tokio_util::sync::CancellationToken;

use super::super::event::TransferEvent;
use super::super::job::{JobId, JobState};
use super::super::spec::Resolution;
use super::super::work::{Resume, Work};
use super::table::{Lane, Run, Stop, Table};
use super::worker::remove_quietly;

impl Table {
    pub fn pause(&mut self, id: JobId) -> bool {
        let Some(job) = self.jobs.get_mut(&id) else {
            return false;
        };
        match (&job.info.state, &mut job.run) {
            (state, Some(run)) if state.is_active() => {
                run.stop = Some(Stop::Pause);
                run.cancel.cancel();
                true
            }
            (JobState::Queued | JobState::Conflict(_), _) => {
                self.set_state(id, JobState::Paused);
                true
            }
            _ => false,
        }
    }

    pub fn resume(&mut self, id: JobId) -> bool {
        let paused = self
            .jobs
            .get(&id)
            .is_some_and(|j| j.info.state == JobState::Paused);
        if paused {
            self.set_state(id, JobState::Queued);
        }
        paused
    }

    /// Cancels a job that is not finished. A running one is stopped by its worker, which then
    /// deletes its part file; for any other, the part file goes before `Cancelled` is told.
    pub fn cancel(&mut self, id: JobId) -> bool {
        let Some(job) = self.jobs.get_mut(&id) else {
            return false;
        };
        if let (true, Some(run)) = (job.info.state.is_active(), &mut job.run) {
            run.stop = Some(Stop::Cancel);
            run.cancel.cancel();
            return true;
        }
        if job.info.state.is_finished() {
            return false;
        }
        drop_part(&mut job.resume);
        self.set_state(id, JobState::Cancelled);
        true
    }

    /// Queues a failed or cancelled job again. Refused entries stay refused.
    pub fn retry(&mut self, id: JobId) -> bool {
        let Some(job) = self.jobs.get_mut(&id) else {
            return false;
        };
        let retryable = matches!(
            job.info.state,
            JobState::Failed { .. } | JobState::Cancelled
        );
        if !retryable || matches!(job.work, Work::Refused { .. }) {
            return false;
        }
        job.info.retry_reason = None;
        job.info.done_bytes = 0;
        self.set_state(id, JobState::Queued);
        true
    }

    /// Answers a conflict; with `apply_to_batch` the answer becomes the batch's policy and
    /// settles its other waiting conflicts too. Returns whether anything was queued.
    pub fn resolve(&mut self, id: JobId, answer: Resolution, apply_to_batch: bool) -> bool {
        let Some(job) = self.jobs.get(&id) else {
            return false;
        };
        let batch = job.info.batch;
        let mut targets = vec![id];
        if apply_to_batch && let Some(b) = self.batches.get_mut(&batch) {
            b.policy = answer.into();
            targets.clone_from(&b.jobs);
        }
        let mut queued = false;
        for target in targets {
            let Some(job) = self.jobs.get_mut(&target) else {
                continue;
            };
            if !matches!(job.info.state, JobState::Conflict(_)) {
                continue;
            }
            job.policy = Some(answer);
            self.set_state(target, JobState::Queued);
            queued = true;
        }
        queued
    }

    /// Moves a job one place up or down among the jobs that are not finished.
    pub fn shift(&mut self, id: JobId, up: bool) -> bool {
        let Some(i) = self.order.iter().position(|&j| j == id) else {
            return false;
        };
        let open = |j: &JobId| {
            self.jobs
                .get(j)
                .is_some_and(|j| !j.info.state.is_finished())
        };
        let to = match up {
            true => self.order[..i].iter().rposition(open),
            false => self.order[i + 1..].iter().position(open).map(|k| i + 1 + k),
        };
        let Some(to) = to else {
            return false;
        };
        self.order.remove(i);
        self.order.insert(to, id);
        self.emit(TransferEvent::Moved { job: id, index: to });
        true
    }

    /// Forgets finished jobs, keeping their outcomes in their batch's totals, and deletes the
    /// part files of failed downloads, which nobody will resume now.
    pub fn clear_finished(&mut self) {
        let gone: Vec<JobId> = self
            .order
            .iter()
            .copied()
            .filter(|id| {
                self.jobs
                    .get(id)
                    .is_some_and(|j| j.info.state.is_finished())
            })
            .collect();
        if gone.is_empty() {
            return;
        }
        for id in &gone {
            let Some(mut job) = self.jobs.remove(id) else {
                continue;
            };
            drop_part(&mut job.resume);
            if let Some(b) = self.batches.get_mut(&job.info.batch) {
                b.forgotten.add(&job.info);
                b.jobs.retain(|j| j != id);
            }
        }
        self.order.retain(|id| self.jobs.contains_key(id));
        self.batches
            .retain(|_, b| b.planning || !b.jobs.is_empty() || b.unfinished > 0);
        self.emit(TransferEvent::Removed { jobs: gone });
    }

    /// A worker (or the offline lane) takes the first queued job of `lane`.
    pub fn take_next(
        &mut self,
        root: &CancellationToken,
        lane: Lane,
    ) -> Option<(JobId, CancellationToken)> {
        let id = self.next_queued(lane)?;
        let cancel = root.child_token();
        let job = self.jobs.get_mut(&id)?;
        job.run = Some(Run {
            cancel: cancel.clone(),
            stop: None,
        });
        job.info.attempt = 1;
        job.info.retry_reason = None;
        self.set_state(id, JobState::Planning);
        Some((id, cancel))
    }

    /// The worker is done with a job: it ends in `state`.
    pub fn release(&mut self, id: JobId, state: JobState) {
        if let Some(job) = self.jobs.get_mut(&id) {
            job.run = None;
            if state.is_finished() && !matches!(state, JobState::Failed { .. }) {
                job.resume = Resume::None;
            }
        }
        self.set_state(id, state);
    }

    /// The worker stopped because the token fired: the job ends as the stop asked (a
    /// cancelled download's part file is deleted first).
    pub fn release_stopped(&mut self, id: JobId) {
        let Some(job) = self.jobs.get_mut(&id) else {
            return;
        };
        let state = match job.run.take().and_then(|r| r.stop) {
            Some(Stop::Pause) => JobState::Paused,
            Some(Stop::Cancel) => {
                drop_part(&mut job.resume);
                JobState::Cancelled
            }
            // Shutting down: back in the queue, to resume on the next start.
            None => JobState::Queued,
        };
        self.set_state(id, state);
    }
}

/// Forgets the resume data, deleting a download's or a copy's part file. Done under the table lock (one
/// quick unlink) so nobody hears of the job's new state while its part file still exists.
fn drop_part(resume: &mut Resume) {
    if let Resume::Download { part } | Resume::Copy { part, .. } = std::mem::take(resume) {
        remove_quietly(&part);
    }
}

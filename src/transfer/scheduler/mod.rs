//! [`Scheduler`]: the handle the UI and the command line hold. It owns a fixed pool of
//! workers, one planner task per submitted batch and the state-file saver; everything it does
//! is reported on the event channel returned by [`Scheduler::new`].

mod control;
mod counts;
mod ctx;
mod inner;
mod save;
pub(crate) mod table;
mod worker;

use std::sync::Arc;

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use super::config::TransferConfig;
use super::error::TransferError;
use super::event::TransferEvent;
use super::job::{BatchId, JobId, Snapshot};
use super::persist::{self, Replan};
use super::plan;
use super::spec::{Resolution, TransferSpec};
use crate::api::Client;
use crate::fs::local::display_name;

pub(crate) use ctx::JobCtx;
pub(crate) use inner::Inner;
pub(crate) use worker::{Outcome, backoff, remove_quietly};

/// Cheap to clone; all clones drive the same queue. When the last clone is dropped the
/// workers stop as on [`Scheduler::shutdown`], without waiting for them.
#[derive(Clone)]
pub struct Scheduler {
    inner: Arc<Inner>,
    _owner: Arc<Owner>,
}

struct Owner(Arc<Inner>);

impl Drop for Owner {
    fn drop(&mut self) {
        self.0.root.cancel();
    }
}

impl Scheduler {
    /// Starts the workers (inside a tokio runtime) and, when the state file exists, restores
    /// its queue first: every restored batch and job is announced (`Planned`, `Added`) before
    /// anything else. A state file that can't be understood is moved aside to `*.corrupt`.
    pub fn new(
        client: Client,
        cfg: TransferConfig,
    ) -> Result<(Self, UnboundedReceiver<TransferEvent>), TransferError> {
        Self::start(Some(client), cfg)
    }

    /// A scheduler without a cloud account: local copies run; any cloud job fails saying so.
    pub fn local_only(
        cfg: TransferConfig,
    ) -> Result<(Self, UnboundedReceiver<TransferEvent>), TransferError> {
        Self::start(None, cfg)
    }

    fn start(
        client: Option<Client>,
        cfg: TransferConfig,
    ) -> Result<(Self, UnboundedReceiver<TransferEvent>), TransferError> {
        let (tx, rx) = unbounded_channel();
        let saved = match &cfg.state_file {
            Some(path) => match persist::load(path) {
                Ok(saved) => saved,
                Err(e) => {
                    tracing::warn!("{e}; starting with an empty queue");
                    let aside = path.with_extension("corrupt");
                    std::fs::rename(path, &aside)
                        .map_err(|io| TransferError::io(&display_name(path.as_os_str()), &io))?;
                    None
                }
            },
            None => None,
        };
        let mut cfg = cfg;
        cfg.workers = cfg.workers.max(1);
        cfg.slice_parallelism = cfg.slice_parallelism.max(1);
        let inner = Arc::new(Inner::new(client, cfg, table::Table::new(tx)));
        let replans = match saved {
            Some(saved) => {
                let hint = saved.slice_size_hint;
                if hint > 0 {
                    inner
                        .slice_hint
                        .store(hint, std::sync::atomic::Ordering::Relaxed);
                }
                inner.table().restore(saved, inner.cfg.restore, &inner.root)
            }
            None => Vec::new(),
        };
        for _ in 0..inner.cfg.workers {
            inner.spawn(worker::worker(Arc::clone(&inner)));
        }
        inner.spawn(worker::offline_lane(Arc::clone(&inner)));
        inner.spawn(save::saver(Arc::clone(&inner)));
        for Replan { batch, spec, known } in replans {
            inner.spawn(plan::run(Arc::clone(&inner), batch, spec, known));
        }
        let owner = Arc::new(Owner(Arc::clone(&inner)));
        Ok((
            Self {
                inner,
                _owner: owner,
            },
            rx,
        ))
    }

    /// Plans the transfer in the background and queues its jobs as they are found.
    pub fn submit(&self, spec: TransferSpec) -> BatchId {
        let cancel = self.inner.root.child_token();
        let batch = self.inner.with(|t| t.add_batch(spec.clone(), cancel));
        let inner = Arc::clone(&self.inner);
        self.inner
            .spawn(plan::run(inner, batch, spec, Default::default()));
        batch
    }

    /// Pauses a queued, waiting or running job (a running one keeps what it transferred).
    pub fn pause(&self, job: JobId) -> bool {
        self.inner.with(|t| t.pause(job))
    }

    pub fn resume(&self, job: JobId) -> bool {
        self.inner.with_wake(|t| t.resume(job))
    }

    /// Cancels a job; a download's part file is deleted.
    pub fn cancel(&self, job: JobId) -> bool {
        self.inner.with(|t| t.cancel(job))
    }

    /// Stops a batch's planning and cancels all its jobs.
    pub fn cancel_batch(&self, batch: BatchId) {
        let jobs = self.inner.with(|t| match t.batches.get(&batch) {
            Some(b) => {
                b.cancel.cancel();
                b.jobs.clone()
            }
            None => Vec::new(),
        });
        for job in jobs {
            self.cancel(job);
        }
    }

    /// Queues a failed or cancelled job again, with a fresh set of attempts.
    pub fn retry(&self, job: JobId) -> bool {
        self.inner.with_wake(|t| t.retry(job))
    }

    pub fn move_up(&self, job: JobId) -> bool {
        self.inner.with(|t| t.shift(job, true))
    }

    pub fn move_down(&self, job: JobId) -> bool {
        self.inner.with(|t| t.shift(job, false))
    }

    /// Answers a job waiting in `Conflict`; `apply_to_batch` also answers the batch's other
    /// conflicts, now and later.
    pub fn resolve(&self, job: JobId, answer: Resolution, apply_to_batch: bool) -> bool {
        self.inner
            .with_wake(|t| t.resolve(job, answer, apply_to_batch))
    }

    /// Forgets finished jobs (their outcomes stay in their batch's totals); failed downloads'
    /// part files are deleted.
    pub fn clear_finished(&self) {
        self.inner.with(|t| t.clear_finished());
    }

    pub fn snapshot(&self) -> Snapshot {
        self.inner.table().snapshot()
    }

    /// Jobs running or queued: what quitting now would interrupt (it resumes on the next
    /// start when a state file is configured).
    pub fn active_jobs(&self) -> Vec<JobId> {
        let t = self.inner.table();
        t.order
            .iter()
            .copied()
            .filter(|id| {
                t.jobs.get(id).is_some_and(|j| {
                    j.info.state.is_active() || j.info.state == super::job::JobState::Queued
                })
            })
            .collect()
    }

    /// Writes the state file now if anything changed since the last write.
    pub async fn flush_state(&self) -> Result<(), TransferError> {
        save::save_now(&self.inner).await
    }

    /// Stops planners and workers, waits for them (running jobs go back to `Queued`, keeping
    /// their upload sessions and part files) and writes the state file a last time.
    pub async fn shutdown(&self) -> Result<(), TransferError> {
        self.stop().await;
        save::save_now(&self.inner).await
    }

    /// Stops as [`Scheduler::shutdown`] does, but deletes the state file instead of writing
    /// it: its owner is done with this queue (a command whose transfer finished).
    pub async fn discard(&self) -> Result<(), TransferError> {
        self.stop().await;
        let Some(path) = &self.inner.save.path else {
            return Ok(());
        };
        let _writer = self.inner.save.writing.lock().await;
        match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(TransferError::io(&display_name(path.as_os_str()), &e)),
        }
    }

    async fn stop(&self) {
        self.inner.root.cancel();
        let tasks =
            std::mem::take(&mut *self.inner.tasks.lock().unwrap_or_else(|p| p.into_inner()));
        for task in tasks {
            let _ = task.await;
        }
    }
}

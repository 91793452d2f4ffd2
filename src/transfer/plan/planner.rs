//! [`Planner`]: what every kind of plan works with (the batch it fills, the sources it already
//! has jobs for after a restore, its cancel token) and the steps they share: queueing a job
//! unless the batch has it, and walking local sources then announcing the totals and the
//! refusals before the first request.

use std::collections::HashSet;
use std::path::PathBuf;

use tokio_util::sync::CancellationToken;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::event::TransferEvent;
use super::super::job::{BatchId, Direction, JobState};
use super::super::scheduler::Inner;
use super::super::scheduler::table::NewJob;
use super::super::work::Work;
use super::cloud::{CloudDirs, Listing, Retry};
use super::local::{self, LocalTree};
use crate::api::FileId;
use crate::fs::local::display_name;

pub(super) struct Planner<'a> {
    pub inner: &'a Inner,
    pub batch: BatchId,
    pub known: &'a HashSet<String>,
    pub cancel: &'a CancellationToken,
}

impl<'a> Planner<'a> {
    /// Queues `job` unless the batch already has one for its source.
    pub fn add(&self, job: NewJob) {
        if !self.known.contains(&job.source) {
            self.inner.with(|t| t.add_job(self.batch, job));
        }
    }

    /// Announces the batch's size (jobs and bytes), queues `jobs` and wakes the workers: the
    /// end of a planner that gathers its jobs before queuing them.
    pub fn queue_all(&self, jobs: Vec<NewJob>) {
        let bytes = jobs.iter().map(|j| j.size).sum();
        self.inner
            .with(|t| t.planned(self.batch, jobs.len() as u64, bytes));
        for job in jobs {
            self.add(job);
        }
        self.inner.wake.notify_waiters();
    }

    /// Makes the cloud folder `rel` (below `dirs`' root) and, when files go into it
    /// (`listed`), reads what it holds; announces the folders made. `Err` only when the batch
    /// stops; a folder that can't be prepared is its files' reason to fail.
    pub async fn prepare_dir(
        &self,
        dirs: &mut CloudDirs<'_>,
        rel: &[String],
        listed: bool,
    ) -> Result<Result<(FileId, Listing), String>, TransferError> {
        let parent = match dirs.ensure(rel).await {
            Ok(id) if !listed => Ok((id, Listing::default())),
            Ok(id) => dirs.listing(id).await.map(|l| (id, l.clone())),
            Err(e) => Err(e),
        };
        for (parent, id) in dirs.take_made() {
            let (batch, id) = (self.batch, Some(id));
            self.inner
                .with(|t| t.emit(TransferEvent::Created { batch, parent, id }));
        }
        match parent {
            Ok(p) => Ok(Ok(p)),
            Err(e) if e.kind == TransferErrorKind::Stopped => Err(e),
            Err(e) => Ok(Err(format!("cannot prepare the cloud folder: {e}"))),
        }
    }

    pub fn cancel_check(&self) -> Result<(), TransferError> {
        match self.cancel.is_cancelled() {
            true => Err(TransferError::stopped()),
            false => Ok(()),
        }
    }

    pub fn retry(&self) -> Retry<'a> {
        Retry {
            cfg: &self.inner.cfg,
            cancel: self.cancel,
        }
    }

    /// Walks local `sources` on the blocking pool (`refine` adjusts the tree there), then
    /// announces it. `target` names where an entry at `rel`/`name` would go.
    pub async fn walk_local(
        &self,
        sources: &[PathBuf],
        fix_names: bool,
        refine: impl FnOnce(&mut LocalTree) + Send + 'static,
        target: impl Fn(&[String], &str) -> String,
    ) -> Result<LocalTree, TransferError> {
        let (list, cancel) = (sources.to_vec(), self.cancel.clone());
        let tree = tokio::task::spawn_blocking(move || {
            let mut tree = local::walk(&list, fix_names, &cancel);
            refine(&mut tree);
            tree
        })
        .await
        .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))?;
        self.cancel_check()?;
        self.announce(&tree, target);
        Ok(tree)
    }

    /// Totals, then the refused entries: all before the first request.
    fn announce(&self, tree: &LocalTree, target: impl Fn(&[String], &str) -> String) {
        let files = tree.dirs.iter().map(|d| d.files.len()).sum::<usize>() + tree.refused.len();
        let bytes = tree
            .dirs
            .iter()
            .flat_map(|d| &d.files)
            .map(|f| f.size)
            .sum();
        self.inner
            .with(|t| t.planned(self.batch, files as u64, bytes));
        for r in &tree.refused {
            let state = match r.skip {
                true => JobState::Skipped {
                    reason: r.reason.clone(),
                },
                false => JobState::Failed {
                    reason: r.reason.clone(),
                },
            };
            self.add(NewJob {
                direction: Direction::Upload,
                name: r.name.clone(),
                source: display_name(r.path.as_os_str()),
                target: target(&r.rel, &r.name),
                size: 0,
                work: Work::Refused {
                    reason: r.reason.clone(),
                    skip: r.skip,
                },
                state,
            });
        }
    }
}

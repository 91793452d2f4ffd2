//! Planning an upload: walk the local sources (no request yet), announce the totals and the
//! refused entries, then create the cloud folders in pre-order and queue each folder's files
//! as soon as their folder exists, noting any name they would collide with.

use std::collections::HashSet;
use std::path::PathBuf;

use tokio_util::sync::CancellationToken;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::job::{BatchId, Direction, JobState};
use super::super::scheduler::Inner;
use super::super::scheduler::table::NewJob;
use super::super::work::{UploadWork, Work};
use super::cloud::{CloudDirs, Retry};
use super::local::{self, LocalTree};
use crate::api::FileId;

pub(super) struct Plan<'a> {
    pub inner: &'a Inner,
    pub batch: BatchId,
    pub known: &'a HashSet<String>,
    pub cancel: &'a CancellationToken,
}

fn cloud_path(rel: &[String], name: &str) -> String {
    rel.iter()
        .map(String::as_str)
        .chain([name])
        .collect::<Vec<_>>()
        .join("/")
}

impl Plan<'_> {
    fn add(&self, job: NewJob) {
        if !self.known.contains(&job.source) {
            self.inner.with(|t| t.add_job(self.batch, job));
        }
    }

    pub async fn run(
        &self,
        sources: &[PathBuf],
        dest: FileId,
        fix: bool,
    ) -> Result<(), TransferError> {
        let (list, fix_names, cancel) = (sources.to_vec(), fix, self.cancel.clone());
        let tree = tokio::task::spawn_blocking(move || local::walk(&list, fix_names, &cancel))
            .await
            .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))?;
        self.cancel_check()?;
        self.announce(&tree);
        let retry = Retry {
            cfg: &self.inner.cfg,
            cancel: self.cancel,
        };
        let mut dirs = CloudDirs::new(&self.inner.client, retry, dest);
        for dir in tree.dirs {
            self.cancel_check()?;
            let parent = match dirs.ensure(&dir.rel).await {
                Ok(id) if dir.files.is_empty() => Ok((id, Default::default())),
                Ok(id) => dirs.listing(id).await.map(|l| (id, l.clone())),
                Err(e) => Err(e),
            };
            let parent = match parent {
                Ok(p) => Ok(p),
                Err(e) if e.kind == TransferErrorKind::Stopped => {
                    return Err(e);
                }
                Err(e) => Err(format!("cannot prepare the cloud folder: {e}")),
            };
            for f in dir.files {
                let (parent_id, existing, state) = match &parent {
                    Ok((id, listing)) => (
                        Some(*id),
                        listing.get(&f.name).map(|x| x.1),
                        JobState::Queued,
                    ),
                    Err(reason) => (
                        None,
                        None,
                        JobState::Failed {
                            reason: reason.clone(),
                        },
                    ),
                };
                self.add(NewJob {
                    direction: Direction::Upload,
                    target: cloud_path(&dir.rel, &f.name),
                    source: f.path.display().to_string(),
                    size: f.size,
                    work: Work::Upload(UploadWork {
                        local: f.path,
                        root: dest,
                        rel_dir: dir.rel.clone(),
                        parent: parent_id,
                        name: f.name.clone(),
                        existing,
                    }),
                    name: f.name,
                    state,
                });
            }
            self.inner.wake.notify_waiters();
        }
        Ok(())
    }

    fn cancel_check(&self) -> Result<(), TransferError> {
        match self.cancel.is_cancelled() {
            true => Err(TransferError::stopped()),
            false => Ok(()),
        }
    }

    /// Totals, then the refused entries: all before the first request.
    fn announce(&self, tree: &LocalTree) {
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
                source: r.path.display().to_string(),
                target: cloud_path(&r.rel, &r.name),
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

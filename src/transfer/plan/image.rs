//! Planning an image upload: walk the local sources (no request yet), refuse every file the
//! image space would refuse (name, size, content) with its reason, announce the totals and
//! the refusals, then make the image folders in pre-order and queue each folder's images.

use std::collections::HashSet;
use std::path::PathBuf;

use tokio_util::sync::CancellationToken;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::job::{BatchId, Direction, JobState};
use super::super::scheduler::Inner;
use super::super::scheduler::table::NewJob;
use super::super::work::{ImageUploadWork, Work};
use super::local::{self, LocalTree, Refusal};
use crate::fs::img::ImgFs;
use crate::fs::img_upload::{FolderCache, check_file};
use crate::fs::resolve::join;

pub(super) struct Plan<'a> {
    pub inner: &'a Inner,
    pub batch: BatchId,
    pub known: &'a HashSet<String>,
    pub cancel: &'a CancellationToken,
}

/// `dest_path/a/b/name`.
fn target(dest_path: &str, rel: &[String], name: &str) -> String {
    rel.iter()
        .map(String::as_str)
        .chain([name])
        .fold(dest_path.to_owned(), |at, n| join(&at, n))
}

/// Moves the files the image space would refuse from the tree's folders to its refusals.
fn refuse_non_images(tree: &mut LocalTree) {
    for dir in &mut tree.dirs {
        let files = std::mem::take(&mut dir.files);
        for f in files {
            match check_file(&f.path, &f.name, f.size) {
                Ok(()) => dir.files.push(f),
                Err(reason) => tree.refused.push(Refusal {
                    path: f.path,
                    rel: dir.rel.clone(),
                    name: f.name,
                    reason,
                    skip: false,
                }),
            }
        }
    }
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
        dest: &str,
        dest_path: &str,
    ) -> Result<(), TransferError> {
        let (list, cancel) = (sources.to_vec(), self.cancel.clone());
        let tree = tokio::task::spawn_blocking(move || {
            let mut tree = local::walk(&list, false, &cancel);
            refuse_non_images(&mut tree);
            tree
        })
        .await
        .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))?;
        if self.cancel.is_cancelled() {
            return Err(TransferError::stopped());
        }
        self.announce(&tree, dest_path);
        let fs = ImgFs::new(self.inner.client.clone());
        let mut made = FolderCache::new();
        for dir in tree.dirs.into_iter().filter(|d| !d.files.is_empty()) {
            if self.cancel.is_cancelled() {
                return Err(TransferError::stopped());
            }
            let parent = fs.folder(dest, &dir.rel, &mut made).await;
            for f in dir.files {
                let state = match &parent {
                    Ok(_) => JobState::Queued,
                    Err(reason) => JobState::Failed {
                        reason: format!("cannot prepare the image folder: {reason}"),
                    },
                };
                self.add(NewJob {
                    direction: Direction::Upload,
                    target: target(dest_path, &dir.rel, &f.name),
                    source: f.path.display().to_string(),
                    size: f.size,
                    work: Work::ImageUpload(ImageUploadWork {
                        local: f.path,
                        root: dest.to_owned(),
                        rel_dir: dir.rel.clone(),
                        parent: parent.clone().ok(),
                        name: f.name.clone(),
                    }),
                    name: f.name,
                    state,
                });
            }
            self.inner.wake.notify_waiters();
        }
        Ok(())
    }

    /// Totals, then the refused entries: all before the first request.
    fn announce(&self, tree: &LocalTree, dest_path: &str) {
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
                target: target(dest_path, &r.rel, &r.name),
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

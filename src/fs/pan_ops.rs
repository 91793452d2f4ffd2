//! File operations on the cloud drive, batched as the API allows (renames ≤ 30 a call, moves,
//! trash, delete and restore ≤ 100, copies as async tasks), checked before any call (names,
//! moving a folder into itself), with per-item failures collected instead of aborting the
//! batch. Every change forgets the cached listings it affects.

use super::batch::{BatchOutcome, chunked};
use super::pan::{PanFs, to_fs_error};
use super::{CloudDir, FsError, FsErrorKind};
use crate::api::{FileId, Patience};
use std::collections::HashSet;

/// Renames per call, at most (`/api/v1/file/rename` takes up to 30).
const RENAME_BATCH: usize = 30;
/// Items per move/trash/delete/restore call in our own chunking (the API allows 100); smaller
/// chunks give progress on long batches and keep a failure's blast radius small.
const CHUNK: usize = 100;

impl PanFs {
    pub async fn mkdir(&self, dir: &CloudDir, name: &str) -> Result<FileId, FsError> {
        crate::plan::validate_cloud_name(name)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, format!("{name}: {e}")))?;
        let id = self
            .client()
            .mkdir(dir.id(), name)
            .await
            .map_err(to_fs_error)?;
        self.invalidate(&[dir.id()]);
        Ok(id)
    }

    /// Runs rename steps in order. Steps are sent together only while no name repeats within a
    /// call, because the server's order inside one call is not documented.
    pub async fn rename_steps(
        &self,
        dir: FileId,
        steps: &[(FileId, String, String)],
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome {
        let mut out = BatchOutcome::default();
        let mut failed_ids = HashSet::new();
        let mut at = 0;
        while at < steps.len() {
            let mut names = HashSet::new();
            let mut group = Vec::new();
            while let Some((id, from, to)) = steps.get(at) {
                let fresh = !names.contains(from) && !names.contains(to);
                if group.len() == RENAME_BATCH || !fresh {
                    break;
                }
                names.insert(from.clone());
                names.insert(to.clone());
                at += 1;
                if failed_ids.contains(id) {
                    out.failed
                        .push((*id, "an earlier step for it failed".into()));
                } else if let Err(e) = crate::plan::validate_cloud_name(to) {
                    failed_ids.insert(*id);
                    out.failed.push((*id, format!("{to}: {e}")));
                } else {
                    group.push((*id, to.clone()));
                }
            }
            match self.client().rename_many(&group).await {
                Ok(report) => {
                    let bad: HashSet<FileId> = report.failed.iter().map(|f| f.id).collect();
                    for f in report.failed {
                        failed_ids.insert(f.id);
                        out.failed.push((f.id, f.message));
                    }
                    out.ok.extend(
                        group
                            .iter()
                            .map(|(id, _)| *id)
                            .filter(|id| !bad.contains(id)),
                    );
                }
                Err(e) => {
                    let reason = to_fs_error(e.error).message;
                    for (id, _) in &group {
                        failed_ids.insert(*id);
                        out.failed.push((*id, reason.clone()));
                    }
                }
            }
            progress(at);
        }
        self.invalidate(&[dir]);
        out
    }

    /// Moves `ids` (all from folder `from`) into `to`; refuses a folder into its own subtree.
    pub async fn move_items(
        &self,
        from: FileId,
        ids: &[FileId],
        to: &CloudDir,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome {
        let ancestors: HashSet<FileId> = to.trail.iter().map(|(id, _)| *id).collect();
        let (inside, movable): (Vec<FileId>, Vec<FileId>) =
            ids.iter().partition(|id| ancestors.contains(id));
        let mut out = BatchOutcome::default();
        for id in inside {
            out.failed
                .push((id, "cannot move a folder into itself".into()));
        }
        if from == to.id() {
            for id in movable {
                out.failed.push((id, "already in that folder".into()));
            }
            return out;
        }
        let target = to.id();
        chunked(&movable, CHUNK, &mut out, progress, |c| async move {
            self.client().move_to(&c, target).await.map_err(|e| e.error)
        })
        .await;
        self.invalidate(&[from, target]);
        out
    }

    pub async fn trash(
        &self,
        dir: FileId,
        ids: &[FileId],
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome {
        let mut out = BatchOutcome::default();
        chunked(ids, CHUNK, &mut out, progress, |c| async move {
            self.client().trash(&c).await.map_err(|e| e.error)
        })
        .await;
        self.remember_trashed(&out.ok);
        self.invalidate(&[dir]);
        out
    }

    /// Permanently deletes items that are already in the trash.
    pub async fn purge(
        &self,
        ids: &[FileId],
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome {
        let mut out = BatchOutcome::default();
        chunked(ids, CHUNK, &mut out, progress, |c| async move {
            self.client().delete(&c).await.map_err(|e| e.error)
        })
        .await;
        self.lock().trash.forget(&out.ok);
        out
    }

    /// Restores items to where they were (`to == None`; returns the ids whose folder is gone
    /// as `orphaned`), or into `to`.
    pub async fn restore(
        &self,
        ids: &[FileId],
        to: Option<&CloudDir>,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> (BatchOutcome, Vec<FileId>) {
        let mut out = BatchOutcome::default();
        let mut orphaned = Vec::new();
        for (i, chunk) in ids.chunks(CHUNK).enumerate() {
            let result = match to {
                Some(dir) => self
                    .client()
                    .recover_to(chunk, dir.id())
                    .await
                    .map(|()| vec![]),
                None => self.client().recover(chunk).await,
            };
            match result {
                Ok(abnormal) => {
                    let abnormal: HashSet<FileId> = abnormal.into_iter().collect();
                    for id in chunk {
                        if abnormal.contains(id) {
                            orphaned.push(*id)
                        } else {
                            out.ok.push(*id)
                        }
                    }
                }
                Err(e) => out.fail_all(chunk, &to_fs_error(e.error).message),
            }
            progress((i + 1) * CHUNK);
        }
        self.lock().trash.forget(&out.ok);
        self.forget_all();
        (out, orphaned)
    }

    /// Copies `ids` into `to` with one server-side task per 3000 items, polled every second.
    pub async fn copy_items(&self, ids: &[FileId], to: &CloudDir) -> BatchOutcome {
        let mut out = BatchOutcome::default();
        let all_failed = |out: &mut BatchOutcome, reason: String| {
            out.failed
                .extend(ids.iter().map(|id| (*id, reason.clone())));
        };
        match self.client().copy_async(ids, to.id()).await {
            Ok(tasks) => {
                for task in tasks {
                    if let Err(e) = self.client().copy_wait(task, Patience::TASK).await {
                        all_failed(&mut out, to_fs_error(e).message);
                        return out;
                    }
                }
                out.ok.extend_from_slice(ids);
            }
            Err(e) => all_failed(&mut out, to_fs_error(e.error).message),
        }
        self.invalidate(&[to.id()]);
        out
    }
}

//! Changes to the image space: mkdir, move (≤ 100 ids a call), delete for good (≤ 100 ids a
//! call; there is no recycle bin), and copying drive images in (one server-side task per 100
//! drive ids, polled). Checked before any call (names, a folder into itself), with per-item
//! failures collected instead of aborting the batch. Moves, deletions and mkdir patch the
//! cached listings they affect (and hand the patch back for the panes); a copy from the drive
//! answers no ids, so its destination is listed again. The image space has no rename and no
//! copy inside it.

use super::batch::{BatchOutcome, chunked};
use super::img::{ImgFs, to_entry};
use super::pan::to_fs_error;
use super::{DirPatch, DirRef, EntryKey, FsError, FsErrorKind, ImageDir, Patch};
use crate::api::{FileId, Patience};
use std::collections::HashSet;

/// Ids per move/delete call ("参数长度最大不超过 100").
const CHUNK: usize = 100;
/// Drive ids per copy task ("fileIDs 长度限制：100").
const COPY_CHUNK: usize = 100;

/// Outcome of copying drive items in: how many drive ids the finished tasks covered, the
/// drive items a task reported as not copied (`(id, name, reason)`), and whole chunks that
/// failed (`(ids, reason)`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CopyOutcome {
    pub covered: usize,
    pub not_copied: Vec<(FileId, String, String)>,
    pub failed: Vec<(Vec<FileId>, String)>,
}

impl ImgFs {
    /// Makes folder `name` in `dir`: its id, and the patch that lists it there (its details
    /// asked for once; without them the folder is listed again).
    pub async fn mkdir(&self, dir: &ImageDir, name: &str) -> Result<(String, Patch), FsError> {
        let id = self.make(dir.id(), name).await?;
        let parent = DirRef::Images(dir.id().to_owned());
        let patch = match self.detail(&id).await {
            Ok(made) => {
                let mut p = DirPatch::new(parent);
                p.added.push(to_entry(&made));
                let mut patch = Patch::default();
                patch.push(p);
                patch
            }
            Err(_) => Patch::relist(vec![parent]),
        };
        self.apply(&patch);
        Ok((id, patch))
    }

    /// Creates folder `name` in the folder with id `parent` (`""` = root).
    pub async fn mkdir_in(&self, parent: &str, name: &str) -> Result<String, FsError> {
        let id = self.make(parent, name).await?;
        self.invalidate(&[parent]);
        Ok(id)
    }

    async fn make(&self, parent: &str, name: &str) -> Result<String, FsError> {
        crate::plan::validate_cloud_name(name)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, format!("{name}: {e}")))?;
        self.client()
            .image_mkdir(parent, name)
            .await
            .map_err(to_fs_error)
    }

    /// Moves `ids` (all from folder `from`) into `to`; refuses a folder into its own subtree
    /// and a move to where the items already are.
    pub async fn move_items(
        &self,
        from: &str,
        ids: &[String],
        to: &ImageDir,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome<String> {
        let ancestors: HashSet<&str> = to.trail.iter().map(|(id, _)| id.as_str()).collect();
        let (inside, movable): (Vec<&String>, Vec<&String>) =
            ids.iter().partition(|id| ancestors.contains(id.as_str()));
        let mut out = BatchOutcome::default();
        for id in inside {
            out.failed
                .push((id.clone(), "cannot move a folder into itself".into()));
        }
        if from == to.id() {
            for id in movable {
                out.failed
                    .push((id.clone(), "already in that folder".into()));
            }
            return out;
        }
        let movable: Vec<String> = movable.into_iter().cloned().collect();
        let target = to.id();
        chunked(&movable, CHUNK, &mut out, progress, |c| async move {
            self.client()
                .image_move(&c, target)
                .await
                .map_err(|e| e.error)
        })
        .await;
        let mut left = DirPatch::new(DirRef::Images(from.to_owned()));
        left.removed = out
            .ok
            .iter()
            .map(|id| EntryKey::Image(id.clone()))
            .collect();
        let mut arrived = DirPatch::new(DirRef::Images(target.to_owned()));
        let entries = self.cached_entries(from, &out.ok);
        match entries.len() == out.ok.len() {
            true => arrived.added = entries,
            false => out.patch.relist.push(arrived.dir.clone()),
        }
        out.patch.push(left);
        out.patch.push(arrived);
        self.apply(&out.patch);
        out
    }

    /// Deletes `ids` for good.
    pub async fn delete(
        &self,
        ids: &[String],
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome<String> {
        let mut out = BatchOutcome::default();
        chunked(ids, CHUNK, &mut out, progress, |c| async move {
            self.client().image_delete(&c).await.map_err(|e| e.error)
        })
        .await;
        // Ids are unique in the space: they leave whichever folder listed them.
        out.patch.gone = out
            .ok
            .iter()
            .map(|id| EntryKey::Image(id.clone()))
            .collect();
        self.apply(&out.patch);
        out
    }

    /// Copies the images among drive items `ids` (folders are walked by the server) into
    /// `to`: one task per 100 ids, each polled until it ends. Non-images are skipped by the
    /// server without a record.
    pub async fn copy_from_drive(
        &self,
        ids: &[FileId],
        to: &ImageDir,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> CopyOutcome {
        let mut out = CopyOutcome::default();
        for (i, chunk) in ids.chunks(COPY_CHUNK).enumerate() {
            let client = self.client();
            let task = async {
                let task = client.image_copy_task(chunk, to.id()).await?;
                client.image_copy_wait(&task, Patience::TASK).await?;
                client.image_copy_failures(&task).await
            };
            match task.await {
                Ok(failures) => {
                    out.covered += chunk.len();
                    out.not_copied.extend(
                        failures
                            .into_iter()
                            .map(|f| (f.file_id, f.name, "the server did not copy it".to_owned())),
                    );
                }
                Err(e) => out.failed.push((chunk.to_vec(), to_fs_error(e).message)),
            }
            progress((i * COPY_CHUNK + chunk.len()).min(ids.len()));
        }
        // The copy tasks answer no ids: the destination is listed again.
        self.invalidate(&[to.id()]);
        out
    }
}

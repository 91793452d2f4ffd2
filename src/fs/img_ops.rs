//! Changes to the image space: mkdir, move (≤ 100 ids a call), delete for good (≤ 100 ids a
//! call; there is no recycle bin), and copying drive images in (one server-side task per 100
//! drive ids, polled). Checked before any call (names, a folder into itself), with per-item
//! failures collected instead of aborting the batch. Every change forgets the cached listings
//! it affects. The image space has no rename and no copy inside it.

use super::batch::{BatchOutcome, chunked};
use super::img::ImgFs;
use super::pan::to_fs_error;
use super::{FsError, FsErrorKind, ImageDir};
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
    pub async fn mkdir(&self, dir: &ImageDir, name: &str) -> Result<String, FsError> {
        self.mkdir_in(dir.id(), name).await
    }

    /// Creates folder `name` in the folder with id `parent` (`""` = root).
    pub async fn mkdir_in(&self, parent: &str, name: &str) -> Result<String, FsError> {
        crate::plan::validate_cloud_name(name)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, format!("{name}: {e}")))?;
        let id = self
            .client()
            .image_mkdir(parent, name)
            .await
            .map_err(to_fs_error)?;
        self.invalidate(&[parent]);
        Ok(id)
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
        self.invalidate(&[from, target]);
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
        // Deleted folders take their listings with them; forget everything rather than track
        // which cached folders were below them.
        self.forget_all();
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
        self.invalidate(&[to.id()]);
        out
    }
}

//! Copies on the drive. A few files go one by one through the synchronous `file/copy`, whose
//! answer names each new file, so the destination's listing is patched with their details
//! (one `infos` call) instead of listed again; larger copies and folders take the async task
//! (`file/async/copy`, 3000 ids a task, polled every second), which answers no ids, so the
//! destination is named for a re-list.

use super::batch::BatchOutcome;
use super::pan::{PanFs, to_fs_error};
use super::{CloudDir, DirRef};
use crate::api::{FileId, Patience};

/// Copies of at most this many files go one by one; the endpoint's 2 QPS (no table lists it)
/// makes that up to 5 s.
const SYNC_COPY_MAX: usize = 10;

impl PanFs {
    /// Copies `items` (`(id, is_dir)`) into `to`: a few files one by one, otherwise with one
    /// server-side task per 3000 items, polled every second.
    pub async fn copy_items(&self, items: &[(FileId, bool)], to: &CloudDir) -> BatchOutcome {
        let ids: Vec<FileId> = items.iter().map(|(id, _)| *id).collect();
        if items.len() <= SYNC_COPY_MAX && items.iter().all(|(_, is_dir)| !is_dir) {
            return self.copy_one_by_one(&ids, to).await;
        }
        let mut out = self.copy_async(&ids, to).await;
        out.patch.relist.push(DirRef::Cloud(to.id()));
        self.apply(&out.patch);
        out
    }

    async fn copy_one_by_one(&self, ids: &[FileId], to: &CloudDir) -> BatchOutcome {
        let mut out = BatchOutcome::default();
        let mut made = Vec::new();
        for id in ids {
            match self.client().copy(*id, to.id()).await {
                Ok(new) => {
                    out.ok.push(*id);
                    made.push((to.id(), Some(new)));
                }
                Err(e) => out.failed.push((*id, to_fs_error(e).message)),
            }
        }
        out.patch = self.adopt(&made).await;
        out
    }

    async fn copy_async(&self, ids: &[FileId], to: &CloudDir) -> BatchOutcome {
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
        out
    }
}

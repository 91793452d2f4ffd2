//! File operations on the cloud drive, batched as the API allows (renames ≤ 30 a call, moves,
//! trash, delete and restore ≤ 100; copies are in `pan_copy`), checked before any call (names,
//! moving a folder into itself), with per-item failures collected instead of aborting the
//! batch. Every change patches the cached listings it affects from what the calls answered,
//! and hands the same [`Patch`] back for the panes.

use super::batch::{BatchOutcome, chunked};
use super::local::sanitize_name;
use super::pan::{PanFs, to_fs_error};
use super::{CloudDir, DirPatch, DirRef, EntryKey, FsError, FsErrorKind, Patch};
use crate::api::FileId;
use std::collections::{HashMap, HashSet};

/// Renames per call, at most (`/api/v1/file/rename` takes up to 30).
const RENAME_BATCH: usize = 30;
/// Items per move/trash/delete/restore call in our own chunking (the API allows 100); smaller
/// chunks give progress on long batches and keep a failure's blast radius small.
const CHUNK: usize = 100;

impl PanFs {
    /// Makes folder `name` in `dir`: its new id, and the patch that lists it there. The new
    /// folder is known to be empty, so entering it needs no listing either.
    pub async fn mkdir(&self, dir: &CloudDir, name: &str) -> Result<(FileId, Patch), FsError> {
        crate::plan::validate_cloud_name(name)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, format!("{name}: {e}")))?;
        let id = self
            .client()
            .mkdir(dir.id(), name)
            .await
            .map_err(to_fs_error)?;
        let patch = self.adopt(&[(dir.id(), Some(id))]).await;
        let mut st = self.lock();
        let epoch = st.dirs.epoch();
        st.dirs.put(id, Vec::new(), epoch);
        Ok((id, patch))
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
        // The name each id has after its last step that went through.
        let mut named: HashMap<FileId, String> = HashMap::new();
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
                    for (id, to) in group.iter().filter(|(id, _)| !bad.contains(id)) {
                        out.ok.push(*id);
                        named.insert(*id, to.clone());
                    }
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
        let mut patch = DirPatch::new(DirRef::Cloud(dir));
        let mut seen = HashSet::new();
        for (id, _, _) in steps.iter().filter(|(id, _, _)| seen.insert(*id)) {
            if let Some(name) = named.remove(id) {
                patch
                    .renamed
                    .push((EntryKey::Cloud(*id), sanitize_name(&name)));
            }
        }
        out.patch.push(patch);
        self.apply(&out.patch);
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
        // A destination nobody listed needs no entries: naming it for a re-list costs
        // nothing unless a pane shows it.
        let mut arrived = DirPatch::new(DirRef::Cloud(target));
        let listed = self.lock().dirs.has(&target);
        match listed {
            true => match self.entries_of(from, &out.ok).await {
                Some(entries) => arrived.added = entries,
                None => out.patch.relist.push(DirRef::Cloud(target)),
            },
            false => out.patch.relist.push(DirRef::Cloud(target)),
        }
        out.patch.push(left(DirRef::Cloud(from), &out.ok));
        out.patch.push(arrived);
        self.apply(&out.patch);
        out
    }

    /// Moves `ids` to the trash, from folder `dir` (`None`: from search results, folders
    /// unknown).
    pub async fn trash(
        &self,
        dir: Option<FileId>,
        ids: &[FileId],
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> BatchOutcome {
        let mut out = BatchOutcome::default();
        chunked(ids, CHUNK, &mut out, progress, |c| async move {
            self.client().trash(&c).await.map_err(|e| e.error)
        })
        .await;
        self.remember_trashed(&out.ok);
        let trashed = dir.map(|d| self.cached_entries(d, &out.ok));
        match dir {
            Some(d) => out.patch.push(left(DirRef::Cloud(d), &out.ok)),
            None => out.patch.gone = out.ok.iter().map(|id| EntryKey::Cloud(*id)).collect(),
        }
        out.patch.extend(trash_view_added(trashed, out.ok.len()));
        self.apply(&out.patch);
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
        out.patch.push(left(DirRef::Trash, &out.ok));
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
        out.patch = self.restored(&out.ok).await;
        (out, orphaned)
    }

    /// Restored `ids` leave the trash view and arrive in the folders `infos` says they are in
    /// now; without that answer every cloud folder is listed again.
    async fn restored(&self, ids: &[FileId]) -> Patch {
        let mut patch = match self.infos(ids).await {
            Ok(found) => {
                let made: Vec<(FileId, Option<FileId>)> =
                    found.iter().map(|f| (f.parent_id, Some(f.id))).collect();
                self.placed(&made, Some(&found))
            }
            Err(e) => {
                tracing::warn!("cannot place {} restored entries: {e}", ids.len());
                Patch::relist(vec![DirRef::Drive])
            }
        };
        patch.push(left(DirRef::Trash, ids));
        self.apply(&patch);
        patch
    }
}

/// `ids` left folder `dir`.
fn left(dir: DirRef, ids: &[FileId]) -> DirPatch {
    let mut p = DirPatch::new(dir);
    p.removed = ids.iter().map(|id| EntryKey::Cloud(*id)).collect();
    p
}

/// The trash view gains what was trashed when the folder's listing had every entry
/// (`trashed`); otherwise it is listed again.
fn trash_view_added(trashed: Option<Vec<super::Entry>>, count: usize) -> Patch {
    match trashed {
        Some(entries) if entries.len() == count => {
            let mut patch = Patch::default();
            let mut view = DirPatch::new(DirRef::Trash);
            view.added = entries;
            patch.push(view);
            patch
        }
        _ if count == 0 => Patch::default(),
        _ => Patch::relist(vec![DirRef::Trash]),
    }
}

//! Keeping the drive's folder cache in step with the changes panfm makes: a [`Patch`] applied
//! to the cached listings (and to the folder map search results are placed with), the entries
//! a patch needs taken from the cache first and asked for with `infos` only when missing, and
//! new ids (from mkdir, copy, upload, restore) turned into entries of their folders.

use super::pan::{PanFs, to_entry, to_fs_error};
use super::{DirPatch, DirRef, Entry, EntryKey, FsError, Patch};
use crate::api::{FileEntry, FileId};
use std::collections::{BTreeMap, HashSet};

impl PanFs {
    /// Applies `patch` to the cached listings; folders it names for a re-list are forgotten.
    pub fn apply(&self, patch: &Patch) {
        let mut st = self.lock();
        for p in &patch.dirs {
            let DirRef::Cloud(dir) = p.dir else { continue };
            st.dirs.patch(&dir, p);
            for e in p.added.iter().filter(|e| e.is_dir()) {
                if let EntryKey::Cloud(id) = e.key {
                    st.parents.insert(id, (e.name.clone(), dir));
                }
            }
            for (key, name) in &p.renamed {
                if let EntryKey::Cloud(id) = key
                    && let Some(known) = st.parents.get_mut(id)
                {
                    known.0 = name.clone();
                }
            }
        }
        if !patch.gone.is_empty() {
            let gone: HashSet<EntryKey> = patch.gone.iter().cloned().collect();
            st.dirs.remove_everywhere(&gone, |id| EntryKey::Cloud(*id));
        }
        for dir in &patch.relist {
            match dir {
                DirRef::Cloud(id) => st.dirs.forget(id),
                DirRef::Drive => st.dirs.clear(),
                DirRef::Local(_) | DirRef::Images(_) | DirRef::Trash => {}
            }
        }
    }

    /// The entries of `ids` in `dir`'s cached listing (however old).
    pub(super) fn cached_entries(&self, dir: FileId, ids: &[FileId]) -> Vec<Entry> {
        let keys: HashSet<EntryKey> = ids.iter().map(|id| EntryKey::Cloud(*id)).collect();
        self.lock().dirs.find(&dir, &keys)
    }

    /// Entries for `ids` of folder `dir`: from its cached listing, the rest with `infos`.
    /// `None` unless every id was found.
    pub(super) async fn entries_of(&self, dir: FileId, ids: &[FileId]) -> Option<Vec<Entry>> {
        let mut found = self.cached_entries(dir, ids);
        let known: HashSet<FileId> = found.iter().filter_map(|e| cloud_id(&e.key)).collect();
        let missing: Vec<FileId> = ids
            .iter()
            .copied()
            .filter(|id| !known.contains(id))
            .collect();
        if !missing.is_empty() {
            let fetched = self.infos(&missing).await.ok()?;
            found.extend(fetched.iter().filter(|f| !f.trashed).map(to_entry));
        }
        (found.len() == ids.len()).then_some(found)
    }

    pub(super) async fn infos(&self, ids: &[FileId]) -> Result<Vec<FileEntry>, FsError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.client().infos(ids).await.map_err(to_fs_error)
    }

    /// New entries, as `(folder, id)` (`None`: the server did not say which id): their details
    /// fetched with `infos` (one call per 100) and put into the folders `infos` names. A folder
    /// whose new entries cannot be had is named for a re-list instead. Applied to the cache,
    /// and returned for the panes.
    pub async fn adopt(&self, made: &[(FileId, Option<FileId>)]) -> Patch {
        let ids: Vec<FileId> = made.iter().filter_map(|(_, id)| *id).collect();
        let found = self
            .infos(&ids)
            .await
            .map_err(|e| tracing::warn!("cannot fetch {} new entries: {e}", ids.len()))
            .ok();
        let patch = self.placed(made, found.as_deref());
        self.apply(&patch);
        patch
    }

    /// The patch that puts `found` (what `infos` answered for `made`) into their folders.
    pub(super) fn placed(
        &self,
        made: &[(FileId, Option<FileId>)],
        found: Option<&[FileEntry]>,
    ) -> Patch {
        let mut dirs: BTreeMap<FileId, DirPatch> = BTreeMap::new();
        let mut live = HashSet::new();
        if let Some(found) = found {
            self.learn(found);
            for f in found.iter().filter(|f| !f.trashed) {
                live.insert(f.id);
                dirs.entry(f.parent_id)
                    .or_insert_with(|| DirPatch::new(DirRef::Cloud(f.parent_id)))
                    .added
                    .push(to_entry(f));
            }
        }
        let mut relist: Vec<FileId> = made
            .iter()
            .filter(|(_, id)| id.is_none_or(|id| !live.contains(&id)))
            .map(|(dir, _)| *dir)
            .collect();
        relist.sort_unstable();
        relist.dedup();
        Patch {
            dirs: dirs.into_values().collect(),
            gone: Vec::new(),
            relist: relist.into_iter().map(DirRef::Cloud).collect(),
        }
    }
}

fn cloud_id(key: &EntryKey) -> Option<FileId> {
    match key {
        EntryKey::Cloud(id) => Some(*id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::stub::{Reply, Stub};
    use crate::fs::CloudDir;
    use serde_json::json;

    /// A drive whose moves, renames and recoveries go through but whose `infos` fails.
    async fn no_infos() -> (Stub, PanFs) {
        let stub = Stub::start(|r, _| match r.path.as_str() {
            "/api/v1/access_token" => Reply::token("T"),
            "/api/v1/file/infos" => Reply::code(1, "infos is down"),
            "/api/v1/file/recover" => Reply::ok(json!({"abnormalFileIDs": [3]})),
            _ => Reply::ok(json!(null)),
        })
        .await;
        let fs = PanFs::new(stub.client());
        (stub, fs)
    }

    fn dirs(patch: &Patch) -> Vec<(DirRef, usize, usize)> {
        let dirs = patch.dirs.iter();
        dirs.map(|p| (p.dir.clone(), p.removed.len(), p.added.len()))
            .collect()
    }

    #[tokio::test]
    async fn a_move_whose_entries_cannot_be_had_lists_the_destination_again() {
        let (stub, fs) = no_infos().await;
        let to = CloudDir::root().child(9, "to");
        let out = fs.move_items(5, &[1, 2], &to, &mut |_| {}).await;
        assert_eq!(out.ok, [1, 2]);
        assert_eq!(dirs(&out.patch), [(DirRef::Cloud(5), 2, 0)]);
        assert_eq!(out.patch.relist, [DirRef::Cloud(9)]);
        assert!(
            stub.calls("/file/infos").is_empty(),
            "nobody listed 9: no need"
        );

        let epoch = fs.lock().dirs.epoch();
        fs.lock().dirs.put(9, Vec::new(), epoch);
        let out = fs.move_items(5, &[1, 2], &to, &mut |_| {}).await;
        assert_eq!(out.patch.relist, [DirRef::Cloud(9)]);
        assert_eq!(
            stub.calls("/file/infos").len(),
            1,
            "5 was not cached: asked"
        );
        assert!(!fs.lock().dirs.has(&9), "and forgotten");
    }

    #[tokio::test]
    async fn a_restore_without_infos_leaves_the_trash_view_and_lists_the_drive_again() {
        let (_stub, fs) = no_infos().await;
        let (out, orphaned) = fs.restore(&[1, 2, 3], None, &mut |_| {}).await;
        assert_eq!((out.ok, orphaned), (vec![1, 2], vec![3]));
        assert_eq!(
            dirs(&out.patch),
            [(DirRef::Trash, 2, 0)],
            "the orphan stays"
        );
        assert_eq!(out.patch.relist, [DirRef::Drive]);
    }

    #[tokio::test]
    async fn new_entries_without_an_id_or_details_name_their_folder_for_a_relist() {
        let (_stub, fs) = no_infos().await;
        let patch = fs.adopt(&[(4, None), (7, Some(70)), (7, Some(71))]).await;
        assert!(patch.dirs.is_empty());
        assert_eq!(patch.relist, [DirRef::Cloud(4), DirRef::Cloud(7)]);
        let found = [FileEntry {
            id: 70,
            name: "a".into(),
            parent_id: 7,
            kind: crate::api::FileKind::File,
            size: 1,
            etag: String::new(),
            category: crate::api::Category::Unknown,
            status: 0,
            punished: false,
            trashed: false,
            created_at: None,
            updated_at: None,
        }];
        let patch = fs.placed(&[(4, None), (7, Some(70)), (8, Some(80))], Some(&found));
        assert_eq!(dirs(&patch), [(DirRef::Cloud(7), 0, 1)]);
        assert_eq!(
            patch.relist,
            [DirRef::Cloud(4), DirRef::Cloud(8)],
            "80 is unknown"
        );
    }
}

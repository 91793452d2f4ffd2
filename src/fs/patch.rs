//! What a change panfm made did to listed folders, built from what the API answered: entries
//! that left a folder, entries renamed in place, entries that arrived (with their details). The
//! backends apply a [`Patch`] to their folder caches and the app to its panes, so our own
//! changes never cost a re-list. Where an answer is not enough to patch exactly (a new entry
//! whose id the server did not give), the folder is named in `relist` instead.

use super::{Entry, EntryKey, Location};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// A listed folder as patches name it: by id where the backend has ids, so a pane that reached
/// the folder by any path matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DirRef {
    Local(PathBuf),
    Cloud(i64),
    Images(String),
    /// The cloud trash view.
    Trash,
    /// Every cloud folder and search (for changes whose folders an answer does not name).
    Drive,
}

impl DirRef {
    /// The folder a pane at `loc` lists; `None` for search results (not a folder).
    pub fn of(loc: &Location) -> Option<DirRef> {
        match loc {
            Location::Local(p) => Some(DirRef::Local(p.clone())),
            Location::Cloud(d) => Some(DirRef::Cloud(d.id())),
            Location::Images(d) => Some(DirRef::Images(d.id().to_owned())),
            Location::Trash => Some(DirRef::Trash),
            Location::Search(_) => None,
        }
    }

    /// Whether a pane at `loc` shows (part of) this folder.
    pub fn covers(&self, loc: &Location) -> bool {
        match self {
            DirRef::Drive => matches!(loc, Location::Cloud(_) | Location::Search(_)),
            dir => DirRef::of(loc).as_ref() == Some(dir),
        }
    }
}

/// The change to one folder. Applied in this order: `removed` leave, `renamed` get their new
/// names, `added` arrive — an added entry replaces a listed one with its key, and displaces a
/// listed entry of the same name (no folder lists a name twice: that was an overwrite).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirPatch {
    pub dir: DirRef,
    pub removed: Vec<EntryKey>,
    /// `(key, new name)`; the name as it is shown (see `sanitize_name`).
    pub renamed: Vec<(EntryKey, String)>,
    pub added: Vec<Entry>,
}

impl DirPatch {
    pub fn new(dir: DirRef) -> Self {
        Self {
            dir,
            removed: Vec::new(),
            renamed: Vec::new(),
            added: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.renamed.is_empty() && self.added.is_empty()
    }

    /// Resolves the patch against `listed`: the indexes of entries that leave (removed,
    /// renamed, replaced or displaced) and the entries to insert in their place (renamed
    /// copies, then the added ones). O(n + p).
    pub fn resolve(&self, listed: &[Entry]) -> (Vec<usize>, Vec<Entry>) {
        let removed: HashSet<&EntryKey> = self.removed.iter().collect();
        let renamed: HashMap<&EntryKey, &str> =
            self.renamed.iter().map(|(k, n)| (k, n.as_str())).collect();
        let added_keys: HashSet<&EntryKey> = self.added.iter().map(|e| &e.key).collect();
        let added_names: HashSet<&str> = self.added.iter().map(|e| e.name.as_str()).collect();
        let mut leave = Vec::new();
        let mut insert = Vec::new();
        for (i, e) in listed.iter().enumerate() {
            if removed.contains(&e.key) || added_keys.contains(&e.key) {
                leave.push(i);
                continue;
            }
            let name = renamed.get(&e.key).copied().unwrap_or(&e.name);
            if added_names.contains(name) {
                leave.push(i);
            } else if name != e.name {
                leave.push(i);
                insert.push(e.clone().with_name(name.to_owned()));
            }
        }
        insert.extend(self.added.iter().cloned());
        (leave, insert)
    }

    /// Applies the patch to a folder's entries in arrival order (the backends' caches).
    pub fn apply(&self, entries: &mut Vec<Entry>) {
        let (leave, insert) = self.resolve(entries);
        let mut leave = leave.into_iter().peekable();
        let mut i = 0;
        entries.retain(|_| {
            let gone = leave.next_if_eq(&i).is_some();
            i += 1;
            !gone
        });
        entries.extend(insert);
    }
}

/// Everything one change did to listings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Patch {
    pub dirs: Vec<DirPatch>,
    /// Cloud or image-space entries gone wherever they are listed (their ids are unique), for
    /// changes whose answer does not name the folder (trash from search results).
    pub gone: Vec<EntryKey>,
    /// Folders to list again: the answers were not enough to patch them exactly.
    pub relist: Vec<DirRef>,
}

impl Patch {
    pub fn is_empty(&self) -> bool {
        self.dirs.iter().all(DirPatch::is_empty) && self.gone.is_empty() && self.relist.is_empty()
    }

    pub fn relist(dirs: Vec<DirRef>) -> Self {
        Self {
            relist: dirs,
            ..Self::default()
        }
    }

    /// Adds `dir`'s patch unless it is empty.
    pub fn push(&mut self, dir: DirPatch) {
        if !dir.is_empty() {
            self.dirs.push(dir);
        }
    }

    pub fn extend(&mut self, other: Patch) {
        self.dirs.extend(other.dirs);
        self.gone.extend(other.gone);
        self.relist.extend(other.relist);
    }

    /// What a pane at `loc` must do: its folder's patches merged (with `gone`), or for search
    /// results the renames and the entries gone from the drive (moved ones stay found).
    pub fn for_location(&self, loc: &Location) -> Option<DirPatch> {
        let merged = match DirRef::of(loc) {
            Some(dir) => {
                let mut out = DirPatch::new(dir.clone());
                for p in self.dirs.iter().filter(|p| p.dir == dir) {
                    out.removed.extend(p.removed.iter().cloned());
                    out.renamed.extend(p.renamed.iter().cloned());
                    out.added.extend(p.added.iter().cloned());
                }
                if matches!(dir, DirRef::Cloud(_) | DirRef::Images(_)) {
                    out.removed.extend(self.gone.iter().cloned());
                }
                out
            }
            None => self.for_search(),
        };
        (!merged.is_empty()).then_some(merged)
    }

    fn for_search(&self) -> DirPatch {
        let cloud = |p: &&DirPatch| matches!(p.dir, DirRef::Cloud(_));
        let arrived: HashSet<&EntryKey> = (self.dirs.iter().filter(cloud))
            .flat_map(|p| p.added.iter().map(|e| &e.key))
            .collect();
        let mut out = DirPatch::new(DirRef::Drive);
        for p in self.dirs.iter().filter(cloud) {
            out.removed
                .extend(p.removed.iter().filter(|k| !arrived.contains(k)).cloned());
            out.renamed.extend(p.renamed.iter().cloned());
        }
        out.removed.extend(self.gone.iter().cloned());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::EntryKind;

    fn e(id: i64, name: &str) -> Entry {
        Entry::new(EntryKey::Cloud(id), name.into(), EntryKind::File, 1, None)
    }

    fn names(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn removes_renames_adds_and_overwrites_in_one_pass() {
        let mut listed = vec![e(1, "a"), e(2, "b"), e(3, "c"), e(4, "d")];
        let mut p = DirPatch::new(DirRef::Cloud(9));
        p.removed.push(EntryKey::Cloud(1));
        p.renamed.push((EntryKey::Cloud(2), "b2".into()));
        p.added = vec![e(5, "new"), e(6, "d")];
        p.apply(&mut listed);
        assert_eq!(names(&listed), ["c", "b2", "new", "d"]);
        assert_eq!(
            listed[3].key,
            EntryKey::Cloud(6),
            "the overwrite replaced id 4"
        );
        assert_eq!(listed[1].sort_key, crate::fs::natural::sort_key("b2"));
    }

    #[test]
    fn search_results_keep_moved_entries_and_lose_trashed_ones() {
        let mut moved_from = DirPatch::new(DirRef::Cloud(1));
        moved_from.removed = vec![EntryKey::Cloud(7), EntryKey::Cloud(8)];
        let mut moved_to = DirPatch::new(DirRef::Cloud(2));
        moved_to.added = vec![e(7, "x")];
        let patch = Patch {
            dirs: vec![moved_from, moved_to],
            gone: vec![EntryKey::Cloud(9)],
            relist: vec![],
        };
        let search = Location::Search(crate::fs::CloudSearch {
            query: "x".into(),
            exact: false,
        });
        let p = patch.for_location(&search).unwrap();
        assert_eq!(p.removed, [EntryKey::Cloud(8), EntryKey::Cloud(9)]);
        assert!(p.added.is_empty());
        let other = Location::Cloud(crate::fs::CloudDir::root().child(3, "z"));
        assert_eq!(
            patch.for_location(&other).unwrap().removed,
            [EntryKey::Cloud(9)],
            "gone ids leave every cloud folder"
        );
        assert!(DirRef::Drive.covers(&search) && !DirRef::Drive.covers(&Location::Trash));
    }
}

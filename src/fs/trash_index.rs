//! What panfm knows to be in the cloud trash without asking: trashed entries that ordinary
//! folder listings showed (v2 lists them under their old parent with `trashed: 1`), what panfm
//! moved there itself this session, and what the last recycle-bin listing or full scan found;
//! minus what it restored or purged since, and what a listing showed alive again. Also when the
//! trash was last listed in full, so that reopening the view soon after needs no call.

use super::listing::CACHE_TTL;
use super::pan::to_entry;
use super::{Entry, EntryKey};
use crate::api::{FileEntry, FileId};
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

#[derive(Default)]
pub(super) struct TrashIndex {
    known: BTreeMap<FileId, Entry>,
    listed_at: Option<Instant>,
}

impl TrashIndex {
    /// An entry as a listing showed it: trashed, or alive (so not in the trash any more).
    pub fn saw(&mut self, e: &FileEntry) {
        match e.trashed {
            true => self.known.insert(e.id, to_entry(e)),
            false => self.known.remove(&e.id),
        };
    }

    /// Entries panfm has just moved to the trash.
    pub fn add(&mut self, entries: impl IntoIterator<Item = Entry>) {
        for e in entries {
            if let EntryKey::Cloud(id) = e.key {
                self.known.insert(id, e);
            }
        }
    }

    /// Items that left the trash (restored or purged).
    pub fn forget(&mut self, ids: &[FileId]) {
        for id in ids {
            self.known.remove(id);
        }
    }

    /// Known entries whose id is not in `sent`.
    pub fn except(&self, sent: &HashSet<FileId>) -> Vec<Entry> {
        self.known
            .iter()
            .filter(|(id, _)| !sent.contains(id))
            .map(|(_, e)| e.clone())
            .collect()
    }

    /// The whole trash was just listed.
    pub fn listed(&mut self) {
        self.listed_at = Some(Instant::now());
    }

    /// Whether the whole trash was listed recently enough to show the index instead.
    pub fn fresh(&self) -> bool {
        self.listed_at.is_some_and(|t| t.elapsed() < CACHE_TTL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Category, FileKind};

    fn file(id: FileId, trashed: bool) -> FileEntry {
        FileEntry {
            id,
            name: format!("f{id}"),
            parent_id: 0,
            kind: FileKind::File,
            size: 1,
            etag: String::new(),
            category: Category::Unknown,
            status: 0,
            punished: false,
            trashed,
            created_at: None,
            updated_at: None,
        }
    }

    fn ids(entries: &[Entry]) -> Vec<EntryKey> {
        entries.iter().map(|e| e.key.clone()).collect()
    }

    #[test]
    fn listings_add_and_remove_what_they_show() {
        let mut t = TrashIndex::default();
        t.saw(&file(1, true));
        t.saw(&file(2, true));
        t.add([to_entry(&file(3, false))]);
        t.saw(&file(2, false));
        t.forget(&[3]);
        assert_eq!(ids(&t.except(&HashSet::new())), vec![EntryKey::Cloud(1)]);
        assert!(t.except(&HashSet::from([1])).is_empty());
        assert!(!t.fresh());
        t.listed();
        assert!(t.fresh());
    }
}

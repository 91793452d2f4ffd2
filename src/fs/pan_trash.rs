//! Listing the cloud trash. The Open API has no recycle-bin listing: `v2/file/list` returns
//! trashed entries (`trashed: 1`) under their old parent, so the trash is found by walking the
//! drive's live folders breadth-first and keeping what is trashed. A trashed folder is shown
//! as one entry (its contents go and come back with it). Results stream in as they are found.

use super::pan::{PanFs, to_entry, to_fs_error};
use super::{Entry, FsError};
use crate::api::{FileId, ROOT_DIR};
use std::collections::{HashSet, VecDeque};

impl PanFs {
    pub async fn list_trash(
        &self,
        mut sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<(), FsError> {
        let mut queue = VecDeque::from([ROOT_DIR]);
        let mut seen: HashSet<FileId> = HashSet::from([ROOT_DIR]);
        while let Some(dir) = queue.pop_front() {
            let mut cursor = None;
            let mut cursors = HashSet::new();
            loop {
                let page = self
                    .client()
                    .list_page_with_trashed(dir, cursor)
                    .await
                    .map_err(to_fs_error)?;
                self.learn(&page.entries);
                let mut found = Vec::new();
                for e in &page.entries {
                    if e.trashed {
                        found.push(to_entry(e));
                    } else if e.is_dir() && seen.insert(e.id) {
                        queue.push_back(e.id);
                    }
                }
                if !found.is_empty() && !sink(found) {
                    return Ok(());
                }
                match page.next {
                    Some(next) if cursors.insert(next) => cursor = Some(next),
                    _ => break,
                }
            }
        }
        Ok(())
    }
}

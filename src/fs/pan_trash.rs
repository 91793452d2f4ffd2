//! Listing the cloud trash. First source: the recycle bin's own listing (the legacy
//! `api/v1/file/list` with `trashed=true`: one page of 100 per 5 s on the free tier, and one
//! page usually holds a whole trash), merged with the trash index (what listings showed trashed
//! and what panfm trashed itself). When that listing fails, the index alone, reported as
//! partial so the user can ask for a full scan. The full scan walks every live folder
//! breadth-first keeping what is trashed (v2 lists trashed entries under their old parent):
//! one call per 100 entries of every folder, so only on request. A trashed folder is one entry
//! (its contents go and come back with it). Results stream in as they are found.

use super::pan::{PanFs, to_entry, to_fs_error};
use super::{Entry, FsError};
use crate::api::{FileEntry, FileId, ROOT_DIR, TRASH_PAGE_LIMIT};
use std::collections::{HashSet, VecDeque};

/// Recycle-bin pages read at most (100 items each), in case a server never says it is done.
const MAX_PAGES: u32 = 1000;

/// Whether a trash listing is the whole trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrashListing {
    Complete,
    /// The recycle bin could not be listed (why): only what panfm knew was shown.
    Partial(String),
}

impl PanFs {
    /// The trash, from the index alone when the whole trash was listed recently and `fresh`
    /// is not asked for.
    pub async fn list_trash(
        &self,
        fresh: bool,
        mut sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<TrashListing, FsError> {
        let mut sent = HashSet::new();
        let complete = match !fresh && self.lock().trash.fresh() {
            true => Ok(true),
            false => self.read_recycle_bin(&mut sent, &mut sink).await,
        };
        let listing = match complete {
            Ok(false) => return Ok(TrashListing::Complete),
            Ok(true) => TrashListing::Complete,
            Err(e) => TrashListing::Partial(e.message),
        };
        self.send_known(&sent, sink);
        Ok(listing)
    }

    /// Pages through the recycle bin until a short page or its `total`; `Ok(false)` when
    /// `sink` stopped it.
    async fn read_recycle_bin(
        &self,
        sent: &mut HashSet<FileId>,
        sink: &mut impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<bool, FsError> {
        let mut read = 0u64;
        for number in 1..=MAX_PAGES {
            let page = self
                .client()
                .trash_page(number)
                .await
                .map_err(to_fs_error)?;
            let n = page.entries.len();
            read += n as u64;
            if !self.deliver(&page.entries, sent, sink) {
                return Ok(false);
            }
            if n < TRASH_PAGE_LIMIT as usize || read >= page.total {
                break;
            }
        }
        self.lock().trash.listed();
        Ok(true)
    }

    /// Learns `found` and hands the trashed ones not sent yet to `sink`.
    fn deliver(
        &self,
        found: &[FileEntry],
        sent: &mut HashSet<FileId>,
        sink: &mut impl FnMut(Vec<Entry>) -> bool,
    ) -> bool {
        self.learn(found);
        let batch: Vec<Entry> = found
            .iter()
            .filter(|e| e.trashed && sent.insert(e.id))
            .map(to_entry)
            .collect();
        batch.is_empty() || sink(batch)
    }

    /// Hands the known trashed entries not in `sent` to `sink`.
    fn send_known(&self, sent: &HashSet<FileId>, mut sink: impl FnMut(Vec<Entry>) -> bool) {
        let rest = self.lock().trash.except(sent);
        if !rest.is_empty() {
            sink(rest);
        }
    }

    /// The full scan: every live folder walked, plus what the index knows beyond that (items
    /// whose folder is gone or itself trashed).
    pub async fn scan_trash(
        &self,
        mut sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<TrashListing, FsError> {
        let mut queue = VecDeque::from([ROOT_DIR]);
        let mut seen: HashSet<FileId> = HashSet::from([ROOT_DIR]);
        let mut sent = HashSet::new();
        while let Some(dir) = queue.pop_front() {
            let mut cursor = None;
            let mut cursors = HashSet::new();
            loop {
                let page = self
                    .client()
                    .list_page_with_trashed(dir, cursor)
                    .await
                    .map_err(to_fs_error)?;
                if !self.deliver(&page.entries, &mut sent, &mut sink) {
                    return Ok(TrashListing::Complete);
                }
                for e in page.entries.iter().filter(|e| e.is_dir() && !e.trashed) {
                    if seen.insert(e.id) {
                        queue.push_back(e.id);
                    }
                }
                match page.next {
                    Some(next) if cursors.insert(next) => cursor = Some(next),
                    _ => break,
                }
            }
        }
        self.lock().trash.listed();
        self.send_known(&sent, sink);
        Ok(TrashListing::Complete)
    }
}

//! What the drive and image-space backends share about listing: the short-lived cache of
//! listed folders, patched in place by the changes panfm makes, and the paging loop that
//! streams pages to a pane in growing batches (merging every page into a 100k-entry view would
//! cost O(n) each time). Only complete listings are cached, and only when nothing changed
//! while they were read.

use super::{DirPatch, Entry, EntryKey, FsError};
use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::time::{Duration, Instant};

/// How long a listed folder is served from the cache before it is listed again.
pub(super) const CACHE_TTL: Duration = Duration::from_secs(120);
/// Flush a batch to the pane at least this often while pages keep coming.
const FLUSH_EVERY: Duration = Duration::from_millis(250);

/// Listed folders by id, with when they were listed.
pub(super) struct ListingCache<K> {
    dirs: HashMap<K, (Instant, Vec<Entry>)>,
    /// Counts changes; a listing read across a change is not cached (it may predate it).
    epoch: u64,
}

impl<K> Default for ListingCache<K> {
    fn default() -> Self {
        Self {
            dirs: HashMap::new(),
            epoch: 0,
        }
    }
}

impl<K: Eq + Hash> ListingCache<K> {
    /// The entries of `dir`, if it was listed less than `CACHE_TTL` ago.
    pub fn fresh<Q>(&self, dir: &Q) -> Option<Vec<Entry>>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.dirs
            .get(dir)
            .filter(|(at, _)| at.elapsed() < CACHE_TTL)
            .map(|(_, e)| e.clone())
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Caches a listing that began at `epoch`, unless something changed since.
    pub fn put(&mut self, dir: K, entries: Vec<Entry>, epoch: u64) {
        if epoch == self.epoch {
            self.dirs.insert(dir, (Instant::now(), entries));
        }
    }

    pub fn forget<Q>(&mut self, dir: &Q)
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.epoch += 1;
        self.dirs.remove(dir);
    }

    pub fn clear(&mut self) {
        self.epoch += 1;
        self.dirs.clear();
    }

    /// Every cached entry, however old its listing.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.dirs.values().flat_map(|(_, entries)| entries)
    }

    /// Applies `patch` to `dir`'s listing if it is cached. Its age stays: the cache still
    /// expires for changes made elsewhere.
    pub fn patch<Q>(&mut self, dir: &Q, patch: &DirPatch)
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.epoch += 1;
        if let Some((_, entries)) = self.dirs.get_mut(dir) {
            patch.apply(entries);
        }
    }

    /// Drops entries `keys` from every cached listing, and the listings of those that were
    /// folders.
    pub fn remove_everywhere(
        &mut self,
        keys: &HashSet<EntryKey>,
        folder_id: impl Fn(&K) -> EntryKey,
    ) {
        self.epoch += 1;
        self.dirs.retain(|dir, _| !keys.contains(&folder_id(dir)));
        for (_, entries) in self.dirs.values_mut() {
            entries.retain(|e| !keys.contains(&e.key));
        }
    }

    /// Whether `dir` has a cached listing (however old).
    pub fn has<Q>(&self, dir: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.dirs.contains_key(dir)
    }

    /// The cached entries of `dir` (however old) that have one of `keys`.
    pub fn find<Q>(&self, dir: &Q, keys: &HashSet<EntryKey>) -> Vec<Entry>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.dirs.get(dir).map_or_else(Vec::new, |(_, entries)| {
            entries
                .iter()
                .filter(|e| keys.contains(&e.key))
                .cloned()
                .collect()
        })
    }
}

/// Pages through a listing with `page` (the entries of the page at a cursor, and the next
/// cursor), handing entries to `sink` in batches; `sink` returns `false` to stop. `Ok(true)`
/// when every page was read. A cursor seen before (a cycle) ends the listing.
pub(super) async fn stream<C, F, Fut>(
    mut page: F,
    mut sink: impl FnMut(Vec<Entry>) -> bool,
) -> Result<bool, FsError>
where
    C: Clone + Eq + Hash,
    F: FnMut(Option<C>) -> Fut,
    Fut: Future<Output = Result<(Vec<Entry>, Option<C>), FsError>>,
{
    let (mut cursor, mut batch, mut delivered) = (None, Vec::new(), 0usize);
    let mut last_flush = Instant::now();
    let mut seen = HashSet::new();
    loop {
        let (entries, next) = page(cursor).await?;
        batch.extend(entries);
        let done = match &next {
            Some(next) => !seen.insert(next.clone()),
            None => true,
        };
        let due = delivered == 0 || batch.len() >= delivered || last_flush.elapsed() >= FLUSH_EVERY;
        if (due || done) && !batch.is_empty() {
            delivered += batch.len();
            last_flush = Instant::now();
            if !sink(std::mem::take(&mut batch)) {
                return Ok(false);
            }
        }
        if done {
            return Ok(true);
        }
        cursor = next;
    }
}

//! What the drive and image-space backends share about listing: the short-lived cache of
//! listed folders, and the paging loop that streams pages to a pane in growing batches
//! (merging every page into a 100k-entry view would cost O(n) each time). Only complete
//! listings are cached.

use super::{Entry, FsError};
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
}

impl<K> Default for ListingCache<K> {
    fn default() -> Self {
        Self {
            dirs: HashMap::new(),
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

    pub fn put(&mut self, dir: K, entries: Vec<Entry>) {
        self.dirs.insert(dir, (Instant::now(), entries));
    }

    pub fn forget<Q>(&mut self, dir: &Q)
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.dirs.remove(dir);
    }

    pub fn clear(&mut self) {
        self.dirs.clear();
    }

    /// Every cached entry, however old its listing.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.dirs.values().flat_map(|(_, entries)| entries)
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

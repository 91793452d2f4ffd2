//! The entries of one directory and the derived, visible order. `entries` keeps arrival order;
//! `sorted` indexes all of them in sort order; `view` is the visible subset (hidden toggle and
//! filter) in the same order. Pages merge in O(n + p log p), filters re-derive `view` in O(n),
//! so a 100,000-entry directory stays responsive while it streams in; a change panfm made
//! (a [`DirPatch`]) is applied the same way, in O(n + p log p) for the whole batch.

use super::sort::SortSpec;
use crate::fs::{DirPatch, Entry, EntryKey};

#[derive(Debug, Clone, Default)]
pub struct Listing {
    entries: Vec<Entry>,
    sorted: Vec<u32>,
    view: Vec<u32>,
    stats: ListingStats,
}

/// Totals over all entries (visible or not), kept as pages arrive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListingStats {
    pub dirs: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Which entries are visible.
#[derive(Debug, Clone, Default)]
pub struct Visibility {
    pub show_hidden: bool,
    pub filter: String,
}

impl Visibility {
    pub fn shows(&self, e: &Entry) -> bool {
        (self.show_hidden || !e.hidden) && contains_smart_case(&e.name, &self.filter)
    }

    /// How well `e` matches the filter: names equal to it first, then names starting with it,
    /// then the rest (the sort order holds inside each group). 0 for all without a filter.
    fn rank(&self, e: &Entry) -> u8 {
        if self.filter.is_empty() {
            return 0;
        }
        match match_at(&e.name, &self.filter) {
            Some((0, len)) if len == self.filter.len() => 0,
            Some((0, _)) => 1,
            _ => 2,
        }
    }

    /// The visible order: rank, then `spec`.
    fn compare(&self, spec: SortSpec, a: &Entry, b: &Entry) -> std::cmp::Ordering {
        self.rank(a)
            .cmp(&self.rank(b))
            .then_with(|| spec.compare(a, b))
    }
}

impl Listing {
    pub fn len(&self) -> usize {
        self.view.len()
    }

    pub fn is_empty(&self) -> bool {
        self.view.is_empty()
    }

    pub fn total(&self) -> usize {
        self.entries.len()
    }

    /// The `i`-th visible entry.
    pub fn get(&self, i: usize) -> Option<&Entry> {
        self.view.get(i).map(|&ix| &self.entries[ix as usize])
    }

    /// Up to `len` visible entries starting at view position `start`.
    pub fn window(&self, start: usize, len: usize) -> impl Iterator<Item = &Entry> {
        let start = start.min(self.view.len());
        let end = start.saturating_add(len).min(self.view.len());
        self.view[start..end]
            .iter()
            .map(|&ix| &self.entries[ix as usize])
    }

    pub fn visible(&self) -> impl Iterator<Item = &Entry> {
        self.view.iter().map(|&ix| &self.entries[ix as usize])
    }

    pub fn stats(&self) -> ListingStats {
        self.stats
    }

    pub fn all(&self) -> &[Entry] {
        &self.entries
    }

    pub fn position(&self, key: &EntryKey) -> Option<usize> {
        self.view
            .iter()
            .position(|&ix| &self.entries[ix as usize].key == key)
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Adds a page; returns the new view position of the entry that was at `track` (if any).
    pub fn push_page(
        &mut self,
        page: Vec<Entry>,
        spec: SortSpec,
        vis: &Visibility,
        track: Option<usize>,
    ) -> Option<usize> {
        let base = self.entries.len() as u32;
        let n = page.len() as u32;
        for e in &page {
            count(&mut self.stats, e, true);
        }
        self.entries.extend(page);
        let mut fresh: Vec<u32> = (base..base + n).collect();
        let entries = &self.entries;
        fresh.sort_unstable_by(|&a, &b| spec.compare(&entries[a as usize], &entries[b as usize]));
        let mut fresh_visible: Vec<u32> = fresh
            .iter()
            .copied()
            .filter(|&i| vis.shows(&entries[i as usize]))
            .collect();
        fresh_visible.sort_by_key(|&i| vis.rank(&entries[i as usize]));
        let by_spec = |a: &Entry, b: &Entry| spec.compare(a, b);
        self.sorted = merge(&self.sorted, &fresh, entries, by_spec, None).0;
        let in_view = |a: &Entry, b: &Entry| vis.compare(spec, a, b);
        let (view, moved) = merge(&self.view, &fresh_visible, entries, in_view, track);
        self.view = view;
        moved
    }

    /// Applies a change: entries leave, renamed and added ones merge in at their sorted
    /// places, visible or not as `vis` says.
    pub fn patch(&mut self, patch: &DirPatch, spec: SortSpec, vis: &Visibility) {
        let (leave, insert) = patch.resolve(&self.entries);
        if !leave.is_empty() {
            self.remove(&leave);
        }
        if !insert.is_empty() {
            self.push_page(insert, spec, vis, None);
        }
    }

    /// Removes the entries at `leave` (ascending indexes into `entries`); the rest keep their
    /// arrival, sorted and visible order.
    fn remove(&mut self, leave: &[usize]) {
        let mut renumber = vec![u32::MAX; self.entries.len()];
        let mut leave = leave.iter().copied().peekable();
        let mut next = 0;
        for (i, slot) in renumber.iter_mut().enumerate() {
            if leave.next_if_eq(&i).is_some() {
                count(&mut self.stats, &self.entries[i], false);
            } else {
                *slot = next;
                next += 1;
            }
        }
        let mut i = 0;
        self.entries.retain(|_| {
            i += 1;
            renumber[i - 1] != u32::MAX
        });
        let keep = |ix: &[u32]| -> Vec<u32> {
            ix.iter()
                .map(|&old| renumber[old as usize])
                .filter(|&new| new != u32::MAX)
                .collect()
        };
        self.sorted = keep(&self.sorted);
        self.view = keep(&self.view);
    }

    pub fn resort(&mut self, spec: SortSpec, vis: &Visibility) {
        let entries = &self.entries;
        self.sorted
            .sort_unstable_by(|&a, &b| spec.compare(&entries[a as usize], &entries[b as usize]));
        self.refilter(vis);
    }

    pub fn refilter(&mut self, vis: &Visibility) {
        let entries = &self.entries;
        self.view = self
            .sorted
            .iter()
            .copied()
            .filter(|&i| vis.shows(&entries[i as usize]))
            .collect();
        // Stable: the sort order holds inside each rank.
        self.view.sort_by_key(|&i| vis.rank(&entries[i as usize]));
    }
}

/// Counts `e` into (`add`) or out of the totals.
fn count(stats: &mut ListingStats, e: &Entry, add: bool) {
    let (n, bytes) = match e.is_dir() {
        true => (&mut stats.dirs, 0),
        false => (&mut stats.files, e.size),
    };
    if add {
        *n += 1;
        stats.bytes += bytes;
    } else {
        *n = n.saturating_sub(1);
        stats.bytes = stats.bytes.saturating_sub(bytes);
    }
}

/// Merges two index lists sorted by `cmp`; also maps old position `track` of `old` to its new
/// position.
fn merge(
    old: &[u32],
    fresh: &[u32],
    entries: &[Entry],
    cmp: impl Fn(&Entry, &Entry) -> std::cmp::Ordering,
    track: Option<usize>,
) -> (Vec<u32>, Option<usize>) {
    let mut out = Vec::with_capacity(old.len() + fresh.len());
    let (mut i, mut j) = (0, 0);
    let mut moved = None;
    while i < old.len() || j < fresh.len() {
        let take_old = j >= fresh.len()
            || (i < old.len()
                && cmp(&entries[old[i] as usize], &entries[fresh[j] as usize]).is_le());
        if take_old {
            if track == Some(i) {
                moved = Some(out.len());
            }
            out.push(old[i]);
            i += 1;
        } else {
            out.push(fresh[j]);
            j += 1;
        }
    }
    (out, moved)
}

/// Substring match; case-insensitive unless the needle has an uppercase letter ("smart case").
pub fn contains_smart_case(hay: &str, needle: &str) -> bool {
    needle.is_empty() || match_at(hay, needle).is_some()
}

/// Where `needle` first occurs in `hay` under the smart-case rule, and the length of the text
/// searched (byte offset and length in `hay`, or in its lowercase form for non-ASCII names).
fn match_at(hay: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.chars().any(char::is_uppercase) {
        return hay.find(needle).map(|at| (at, hay.len()));
    }
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let at = h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n));
        return at.map(|at| (at, hay.len()));
    }
    let lower = hay.to_lowercase();
    lower.find(needle).map(|at| (at, lower.len()))
}

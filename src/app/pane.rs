//! One pane's state: where it is, what it lists, cursor and scroll, marks, sort, filter,
//! history. Pure data plus small invariant-keeping helpers; no I/O.

use super::listing::{Listing, Visibility};
use super::sort::SortSpec;
use crate::fs::{DirPatch, EntryKey, Location};
use std::collections::HashSet;
use tui_input::Input;

/// Identifies one listing request; results carrying another ticket are stale and dropped.
pub type Ticket = u64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Loading(Ticket),
    Done,
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub back: Vec<Location>,
    pub forward: Vec<Location>,
}

#[derive(Debug, Clone, Default)]
pub struct FilterState {
    pub input: Input,
    /// True while the filter line has focus (keys go to the input).
    pub editing: bool,
}

/// Range marking (`v`): the entry it started on, the marks from before it started, and the
/// (anchor, cursor) positions the marks were last set for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visual {
    pub anchor: EntryKey,
    pub before: HashSet<EntryKey>,
    pub marked: Option<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Pane {
    pub location: Location,
    pub listing: Listing,
    pub load: LoadState,
    pub cursor: usize,
    pub offset: usize,
    pub marks: HashSet<EntryKey>,
    pub marked_bytes: u64,
    /// `C-a` marked every visible entry: entries that arrive later (more pages) are marked
    /// too, until a single mark changes (toggle, invert, clear) or the pane moves.
    pub all_marked: bool,
    /// Marking the range from an anchor to the cursor as it moves, until `v` or `Esc`.
    pub visual: Option<Visual>,
    pub sort: SortSpec,
    pub show_hidden: bool,
    pub filter: Option<FilterState>,
    pub history: History,
    /// Put the cursor on this entry when it shows up (e.g. the directory we just left).
    pub want_cursor: Option<EntryKey>,
    /// Where the cursor was before a reload, for when `want_cursor` never shows up.
    pub want_index: Option<usize>,
    /// The last location this pane showed on each backend, to return to when switching back.
    pub parked: Vec<Location>,
    /// The paths of the folders a gathered listing's entries are in (search results, the
    /// trash), by folder id; filled before the listing is done.
    pub places: std::collections::HashMap<i64, crate::fs::CloudDir>,
    /// A cloud or image-space folder named on the command line, opened once resolved (the
    /// pane lists its backend's root until then).
    pub open_path: Option<crate::fs::TypedPath>,
    /// The user moved the cursor since the listing began; keep it on its entry as pages merge.
    pub cursor_moved: bool,
}

impl Pane {
    pub fn new(location: Location) -> Self {
        Self {
            location,
            listing: Listing::default(),
            load: LoadState::Done,
            cursor: 0,
            offset: 0,
            marks: HashSet::new(),
            marked_bytes: 0,
            all_marked: false,
            visual: None,
            sort: SortSpec::default(),
            show_hidden: false,
            filter: None,
            history: History::default(),
            want_cursor: None,
            want_index: None,
            cursor_moved: false,
            parked: Vec::new(),
            open_path: None,
            places: Default::default(),
        }
    }

    pub fn filter_text(&self) -> &str {
        self.filter.as_ref().map_or("", |f| f.input.value())
    }

    pub fn visibility(&self) -> Visibility {
        Visibility {
            show_hidden: self.show_hidden,
            filter: self.filter_text().to_owned(),
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.load, LoadState::Loading(_))
    }

    pub fn current(&self) -> Option<&crate::fs::Entry> {
        self.listing.get(self.cursor)
    }

    /// The cloud folder `entry` is in, where this pane knows it: its own location, or for
    /// search results and the trash the path found for the entry's folder.
    pub fn place_of(&self, entry: &crate::fs::Entry) -> Option<&crate::fs::CloudDir> {
        match &self.location {
            Location::Cloud(dir) => Some(dir),
            Location::Search(_) | Location::Trash => self.places.get(&entry.parent?),
            _ => None,
        }
    }

    /// Moves the cursor to `to` (clamped) and scrolls so it stays within `rows` visible rows.
    pub fn set_cursor(&mut self, to: usize, rows: usize) {
        let len = self.listing.len();
        self.cursor = if len == 0 { 0 } else { to.min(len - 1) };
        self.scroll_into_view(rows);
    }

    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        let len = self.listing.len();
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
        // Never leave blank rows at the bottom when entries could fill them.
        self.offset = self.offset.min(len.saturating_sub(rows));
    }

    /// Re-derives the visible rows after a sort/filter/hidden change, keeping the cursor entry.
    pub fn rederive(&mut self, resort: bool, rows: usize) {
        let key = self.current().map(|e| e.key.clone());
        let (spec, vis) = (self.sort, self.visibility());
        if resort {
            self.listing.resort(spec, &vis);
        } else {
            self.listing.refilter(&vis);
        }
        let to = key.and_then(|k| self.listing.position(&k)).unwrap_or(0);
        self.set_cursor(to, rows);
    }

    /// Applies a change to the listing in place. The cursor goes to `want_cursor` if that is
    /// listed now, else stays on its entry, else (the entry left) at its height; marks of
    /// entries that left are dropped, and new entries are not marked.
    pub fn apply_patch(&mut self, patch: &DirPatch, rows: usize) {
        let key = self.current().map(|e| e.key.clone());
        let (spec, vis) = (self.sort, self.visibility());
        self.listing.patch(patch, spec, &vis);
        let wanted = self.want_cursor.take();
        self.want_index = None;
        let to = [wanted, key]
            .into_iter()
            .flatten()
            .find_map(|k| self.listing.position(&k))
            .unwrap_or(self.cursor);
        self.set_cursor(to, rows);
        if !patch.added.is_empty() {
            self.all_marked = false;
        }
        self.recount_marks();
    }

    /// Recomputes `marked_bytes` and drops marks of entries that no longer exist.
    pub fn recount_marks(&mut self) {
        if self.marks.is_empty() {
            self.marked_bytes = 0;
            return;
        }
        let present: HashSet<&EntryKey> = self.listing.all().iter().map(|e| &e.key).collect();
        self.marks.retain(|k| present.contains(k));
        self.marked_bytes = self
            .listing
            .all()
            .iter()
            .filter(|e| self.marks.contains(&e.key))
            .map(|e| e.size)
            .sum();
    }
}

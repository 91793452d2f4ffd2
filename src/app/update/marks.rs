//! Marks on the focused pane: toggle (and step down), all, invert, clear. Marks are keyed by
//! entry identity, so they survive re-sorting, filtering and refreshes; the marked byte total
//! is kept incrementally so the status line never scans the listing. "All marked" is a state
//! of the pane: entries still arriving are marked as they come, until a single mark changes.

use crate::app::{Model, Pane, Visibility};
use crate::fs::Entry;

pub fn toggle(model: &mut Model) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    let Some(entry) = pane.current() else { return };
    let (key, size) = (entry.key.clone(), entry.size);
    if pane.marks.remove(&key) {
        pane.marked_bytes = pane.marked_bytes.saturating_sub(size);
    } else {
        pane.marks.insert(key);
        pane.marked_bytes += size;
    }
    pane.all_marked = false;
    let next = pane.cursor + 1;
    pane.set_cursor(next, rows);
    pane.cursor_moved = true;
}

pub fn mark_all(model: &mut Model) {
    let pane = model.focused_mut();
    let keys: Vec<_> = pane.listing.visible().map(|e| e.key.clone()).collect();
    pane.marks.extend(keys);
    pane.recount_marks();
    pane.all_marked = true;
    let text = all_text(pane);
    model.info(text);
}

/// What the status line says of a pane whose every entry is marked.
pub fn all_text(pane: &Pane) -> String {
    let loading = if pane.is_loading() {
        " (still loading)"
    } else {
        ""
    };
    format!("All {} marked{loading}", pane.marks.len())
}

/// Marks the visible ones among entries that just arrived, if every entry is to be marked.
pub fn arrived(pane: &mut Pane, entries: &[Entry], vis: &Visibility) {
    if !pane.all_marked {
        return;
    }
    for e in entries.iter().filter(|e| vis.shows(e)) {
        if pane.marks.insert(e.key.clone()) {
            pane.marked_bytes += e.size;
        }
    }
}

pub fn invert(model: &mut Model) {
    let pane = model.focused_mut();
    let keys: Vec<_> = pane.listing.visible().map(|e| e.key.clone()).collect();
    for key in keys {
        if !pane.marks.remove(&key) {
            pane.marks.insert(key);
        }
    }
    pane.all_marked = false;
    pane.recount_marks();
}

pub fn clear(model: &mut Model) {
    let pane = model.focused_mut();
    pane.marks.clear();
    pane.marked_bytes = 0;
    pane.all_marked = false;
}

//! Marks on the focused pane: toggle (and step down), all, invert, clear. Marks are keyed by
//! entry identity, so they survive re-sorting, filtering and refreshes; the marked byte total
//! is kept incrementally so the status line never scans the listing.

use crate::app::Model;

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
    let next = pane.cursor + 1;
    pane.set_cursor(next, rows);
    pane.cursor_moved = true;
}

pub fn mark_all(model: &mut Model) {
    let pane = model.focused_mut();
    let keys: Vec<_> = pane.listing.visible().map(|e| e.key.clone()).collect();
    pane.marks.extend(keys);
    pane.recount_marks();
}

pub fn invert(model: &mut Model) {
    let pane = model.focused_mut();
    let keys: Vec<_> = pane.listing.visible().map(|e| e.key.clone()).collect();
    for key in keys {
        if !pane.marks.remove(&key) {
            pane.marks.insert(key);
        }
    }
    pane.recount_marks();
}

pub fn clear(model: &mut Model) {
    let pane = model.focused_mut();
    pane.marks.clear();
    pane.marked_bytes = 0;
}

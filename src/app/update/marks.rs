//! Marks on the focused pane: toggle (and step down), all, invert, clear, and range marking.
//! Marks are keyed by entry identity, so they survive re-sorting, filtering and refreshes; the
//! marked byte total is kept incrementally so the status line never scans the listing. "All
//! marked" is a state of the pane: entries still arriving are marked as they come, until a
//! single mark changes. Range marking (`v`, as in yazi and vim) marks every visible entry
//! between where it started and the cursor, on top of the marks from before, as the cursor
//! moves; `v` or `Esc` ends it with the marks kept, as does any other mark command.

use super::moves::{all_text, end_visual};
use crate::app::{Model, Visual};

pub fn toggle(model: &mut Model) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    pane.visual = None;
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
    pane.visual = None;
    let keys: Vec<_> = pane.listing.visible().map(|e| e.key.clone()).collect();
    pane.marks.extend(keys);
    pane.recount_marks();
    pane.all_marked = true;
    let text = all_text(pane);
    model.info(text);
}

pub fn invert(model: &mut Model) {
    let pane = model.focused_mut();
    pane.visual = None;
    let keys: Vec<_> = pane.listing.visible().map(|e| e.key.clone()).collect();
    for key in keys {
        if !pane.marks.remove(&key) {
            pane.marks.insert(key);
        }
    }
    pane.all_marked = false;
    pane.recount_marks();
}

/// `v`: starts range marking at the cursor entry, or ends it (keeping the marks).
pub fn visual(model: &mut Model) {
    if model.focused().visual.is_some() {
        end_visual(model);
        return;
    }
    let pane = model.focused_mut();
    let Some(anchor) = pane.current().map(|e| e.key.clone()) else {
        return;
    };
    pane.visual = Some(Visual {
        anchor,
        before: pane.marks.clone(),
        marked: None,
    });
    pane.all_marked = false;
    follow(model);
    model.info("Marking a range: move the cursor; v or Esc ends");
}

/// Marks the range from the anchor to the cursor, if range marking is on and either moved.
/// Ends it when its anchor is no longer listed.
pub fn follow(model: &mut Model) {
    let pane = model.focused_mut();
    let Some(v) = &pane.visual else { return };
    let Some(anchor) = pane.listing.position(&v.anchor) else {
        pane.visual = None;
        return;
    };
    let at = (anchor, pane.cursor);
    if v.marked == Some(at) {
        return;
    }
    let (from, to) = (anchor.min(pane.cursor), anchor.max(pane.cursor));
    let mut marks = v.before.clone();
    marks.extend(
        pane.listing
            .window(from, to + 1 - from)
            .map(|e| e.key.clone()),
    );
    pane.marks = marks;
    if let Some(v) = &mut pane.visual {
        v.marked = Some(at);
    }
    pane.recount_marks();
}

//! The selection: the entries an operation acts on (the marks, else the cursor entry), and
//! starting an operation on them; clearing the marks and ending range marking.

use super::question::count;
use crate::app::{Effect, HistoryStep, Model, OpItem, OpProgress, OpSpec, Pane, Visibility};
use crate::fs::Entry;

/// The marked entries of the focused pane in display order, or else the cursor entry.
pub fn selection(model: &Model) -> Vec<OpItem> {
    let pane = model.focused();
    let item = |e: &crate::fs::Entry| OpItem {
        key: e.key.clone(),
        name: e.name.clone(),
        is_dir: e.is_dir(),
    };
    if pane.marks.is_empty() {
        return pane.current().map(item).into_iter().collect();
    }
    pane.listing
        .visible()
        .filter(|e| pane.marks.contains(&e.key))
        .map(item)
        .collect()
}

/// Starts `spec` now: allocates its id and shows it as running.
pub fn start(model: &mut Model, spec: OpSpec) -> Effect {
    start_step(model, spec, None)
}

/// Starts `spec`, which undoes or redoes `step`'s record when there is one: the record leaves
/// the journal until the operation ends.
pub fn start_step(model: &mut Model, spec: OpSpec, step: Option<HistoryStep>) -> Effect {
    let id = model.next_op;
    model.next_op += 1;
    let (label, done_text) = match &step {
        Some(s) => (
            format!("{} the {}", s.direction.doing(), s.record.description),
            format!("{} the {}", s.direction.done(), s.record.description),
        ),
        None => (spec.running(), spec.summary()),
    };
    if let Some(s) = &step {
        model.undo.take(s.direction, &s.record);
    }
    model.ops.push(OpProgress {
        id,
        label,
        done_text,
        done: 0,
        total: spec.len(),
        step,
    });
    Effect::Op { id, spec }
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

pub fn clear(model: &mut Model) {
    let pane = model.focused_mut();
    pane.visual = None;
    pane.marks.clear();
    pane.marked_bytes = 0;
    pane.all_marked = false;
}

/// Ends range marking, keeping its marks; false when none was going on.
pub fn end_visual(model: &mut Model) -> bool {
    let pane = model.focused_mut();
    if pane.visual.take().is_none() {
        return false;
    }
    let n = pane.marks.len();
    model.info(format!("{} marked", count(n)));
    true
}

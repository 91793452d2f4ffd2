//! Mouse events, when mouse support is on: a click focuses the pane under the pointer and
//! puts its cursor on the clicked row, a double click opens (as Enter does), the wheel scrolls
//! the pane under the pointer; over the queue panel a click selects a job and the wheel moves
//! through the jobs. Positions go through `app::layout`, the view's own geometry. Other
//! dialogs, the viewer and a too-small screen ignore the mouse; nothing under a dialog acts.
//! What a double click runs is returned as a command for the dispatcher to run.

use crate::app::layout::{self, Area};
use crate::app::mouse::{Target, WHEEL_ROWS};
use crate::app::{Modal, Model, Side};
use crate::config::{Command, Layer};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use std::time::Instant;

/// Applies `event`; the command a double click stands for, if any.
pub fn handle(model: &mut Model, at: Instant, event: MouseEvent) -> Option<Command> {
    if !model.settings.mouse || model.viewport.too_small() || model.viewer.is_some() {
        return None;
    }
    let layer = model.layer();
    // A click is input like a key: the message it answers goes.
    if matches!(layer, Layer::Browse | Layer::Queue)
        && matches!(event.kind, MouseEventKind::Down(_))
    {
        model.status = None;
    }
    match layer {
        Layer::Browse => panes(model, at, event),
        Layer::Queue => {
            queue(model, at, event);
            None
        }
        _ => None,
    }
}

/// The wheel's direction: `Some(1)` turned down, `Some(-1)` up.
fn wheel(kind: MouseEventKind) -> Option<isize> {
    match kind {
        MouseEventKind::ScrollDown => Some(1),
        MouseEventKind::ScrollUp => Some(-1),
        _ => None,
    }
}

fn panes(model: &mut Model, at: Instant, event: MouseEvent) -> Option<Command> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let screen = layout::screen(w, h);
    let (col, row) = (event.column, event.row);
    let (side, area) = [(Side::Left, screen.left), (Side::Right, screen.right)]
        .into_iter()
        .find(|(_, a)| a.contains(col, row))?;
    // The other side shows the preview panel, not a pane.
    if model.preview.shows(w, h) && side != model.focus {
        return None;
    }
    if let Some(dir) = wheel(event.kind) {
        scroll(model, side, dir * WHEEL_ROWS as isize);
        return None;
    }
    if event.kind != MouseEventKind::Down(MouseButton::Left) {
        return None;
    }
    model.focus = side;
    let Some(index) = entry_at(model, side, layout::pane_list(area), (col, row)) else {
        model.mouse.last_click = None;
        return None;
    };
    let rows = model.viewport.list_rows();
    let pane = model.pane_mut(side);
    pane.set_cursor(index, rows);
    (pane.cursor_moved, pane.want_cursor) = (true, None);
    model
        .mouse
        .click(at, Target::Entry(side, index))
        .then_some(Command::Enter)
}

/// The entry listed on the clicked row of `side`'s list.
fn entry_at(model: &Model, side: Side, list: Area, (col, row): (u16, u16)) -> Option<usize> {
    let pane = model.pane(side);
    let index = pane.offset + list.row_of(col, row)?;
    (index < pane.listing.len()).then_some(index)
}

/// Scrolls `side`'s list by `delta` rows, the cursor staying on screen.
fn scroll(model: &mut Model, side: Side, delta: isize) {
    let rows = model.viewport.list_rows();
    let pane = model.pane_mut(side);
    let max = pane.listing.len().saturating_sub(rows);
    pane.offset = pane.offset.saturating_add_signed(delta).min(max);
    let cursor = pane.cursor.clamp(pane.offset, pane.offset + rows - 1);
    if cursor != pane.cursor && !pane.listing.is_empty() {
        pane.cursor = cursor.min(pane.listing.len() - 1);
        (pane.cursor_moved, pane.want_cursor) = (true, None);
    }
}

fn queue(model: &mut Model, at: Instant, event: MouseEvent) {
    let jobs = model.transfers.jobs.len();
    let panes = layout::screen(model.viewport.width, model.viewport.height).panes;
    let Some(Modal::Queue {
        cursor,
        details,
        pinned,
    }) = &mut model.modal
    else {
        return;
    };
    let panel = layout::queue_panel(panes, jobs, *cursor, 0);
    let (col, row) = (event.column, event.row);
    if !panel.area.contains(col, row) {
        return;
    }
    if let Some(dir) = wheel(event.kind) {
        let to = cursor.saturating_add_signed(dir * WHEEL_ROWS as isize);
        (*cursor, *pinned) = (to.min(jobs.saturating_sub(1)), true);
        return;
    }
    if event.kind != MouseEventKind::Down(MouseButton::Left) {
        return;
    }
    // With the details showing the rows sit where wrapped text puts them (the view's
    // business): a click closes the details, and the next one selects.
    if *details {
        *details = false;
        model.mouse.last_click = None;
        return;
    }
    let Some(index) = panel
        .list
        .row_of(col, row)
        .map(|r| panel.offset + r)
        .filter(|&i| i < jobs)
    else {
        return;
    };
    (*cursor, *pinned) = (index, true);
    // A double click opens the job's details.
    if model.mouse.click(at, Target::Job(index))
        && let Some(Modal::Queue { details, .. }) = &mut model.modal
    {
        *details = true;
    }
}

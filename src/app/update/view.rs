//! How the focused pane shows its listing: hidden files, sort order, the filter line, resize.
//! Each change re-derives the visible rows and keeps the cursor on the same entry.

use crate::app::{FilterState, Model, SortKey};
use crate::config::Command;
use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

pub fn resize(model: &mut Model, width: u16, height: u16) {
    model.viewport.width = width;
    model.viewport.height = height;
    let rows = model.viewport.list_rows();
    for pane in &mut model.panes {
        pane.scroll_into_view(rows);
    }
}

pub fn toggle_hidden(model: &mut Model) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    pane.show_hidden = !pane.show_hidden;
    pane.rederive(false, rows);
    let shown = if pane.show_hidden { "shown" } else { "hidden" };
    model.info(format!("Hidden files {shown}"));
}

pub fn sort(model: &mut Model, cmd: Command) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    let key = match cmd {
        Command::SortName => SortKey::Name,
        Command::SortSize => SortKey::Size,
        Command::SortMtime => SortKey::Mtime,
        Command::SortExtension => SortKey::Extension,
        _ => pane.sort.key,
    };
    // Choosing the current key again (or `sort_reverse`) flips the direction.
    if key == pane.sort.key {
        pane.sort.reverse = !pane.sort.reverse;
    } else {
        pane.sort.key = key;
        pane.sort.reverse = false;
    }
    pane.rederive(true, rows);
}

pub fn start_filter(model: &mut Model) {
    let pane = model.focused_mut();
    pane.filter.get_or_insert_with(FilterState::default).editing = true;
}

pub fn edit_filter(model: &mut Model, ev: KeyEvent) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    let Some(filter) = pane.filter.as_mut() else {
        return;
    };
    let before = filter.input.value().to_owned();
    filter.input.handle_event(&Event::Key(ev));
    if filter.input.value() != before {
        pane.rederive(false, rows);
    }
}

/// A paste into the filter line (the other lines take theirs in `route::paste`).
pub fn paste_filter(model: &mut Model, text: &str) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    if let Some(filter) = pane.filter.as_mut().filter(|f| f.editing) {
        let line = text.lines().next().unwrap_or_default();
        super::moves::insert(&mut filter.input, line);
        pane.rederive(false, rows);
    }
}

/// Leaves the filter line, keeping the filter (an empty one is removed).
pub fn accept_filter(model: &mut Model) {
    let pane = model.focused_mut();
    if pane.filter_text().is_empty() {
        pane.filter = None;
    } else if let Some(f) = pane.filter.as_mut() {
        f.editing = false;
    }
}

pub fn clear_filter(model: &mut Model) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    if pane.filter.take().is_some() {
        pane.rederive(false, rows);
    }
}

/// `Esc` while browsing: end range marking (keeping its marks), else drop the filter, else
/// the marks.
pub fn escape(model: &mut Model) {
    if super::moves::end_visual(model) {
        return;
    }
    if model.focused().filter.is_some() {
        clear_filter(model);
    } else if !model.focused().marks.is_empty() {
        super::moves::clear(model);
        model.info("Marks cleared");
    }
}

//! Cursor movement and directory navigation: enter, parent, home, history, reload, mirror.
//! Changing directory issues a fresh ticket, so pages still arriving for the old one are
//! dropped.

use super::moves::go;
use crate::app::{Effect, LoadState, Model};
use crate::fs::{CloudDir, EntryKey, Location};

pub fn move_cursor(model: &mut Model, delta: isize) {
    let target = model.focused().cursor.saturating_add_signed(delta);
    cursor_to(model, target);
}

pub fn cursor_to(model: &mut Model, to: usize) {
    let rows = model.viewport.list_rows();
    let pane = model.focused_mut();
    pane.set_cursor(to, rows);
    pane.cursor_moved = true;
    pane.want_cursor = None;
}

pub fn enter(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    let Some(entry) = pane.current() else {
        return vec![];
    };
    // A file found by search opens its folder with the cursor on it (mc's "Chdir").
    if matches!(pane.location, Location::Search(_)) && !entry.is_dir() {
        return reveal(model);
    }
    // A file opens in the viewer (`route::enter` sends it there).
    if !entry.is_dir() {
        return vec![];
    }
    let to = match (&pane.location, &entry.key) {
        (Location::Local(dir), EntryKey::Local(name)) => Location::Local(dir.join(name)),
        (Location::Cloud(dir), EntryKey::Cloud(id)) => Location::Cloud(dir.child(*id, &entry.name)),
        (Location::Images(dir), EntryKey::Image(id)) => {
            Location::Images(dir.child(id, &entry.name))
        }
        (Location::Search(_), EntryKey::Cloud(id)) => match pane.place_of(entry) {
            Some(dir) => Location::Cloud(dir.child(*id, &entry.name)),
            None => return resolve_then_go(model, *id, None),
        },
        _ => return vec![],
    };
    vec![go(model, model.focus, to, true, None)]
}

/// Opens the folder that holds the cursor entry of search results or the trash (its original
/// place), with the cursor on the entry.
pub fn reveal(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    let Some(entry) = pane.current() else {
        return vec![];
    };
    if !matches!(pane.location, Location::Search(_) | Location::Trash) {
        let key = model
            .keymap
            .key_for(crate::config::Layer::Browse, crate::config::Command::Reveal)
            .unwrap_or_else(|| "reveal".into());
        model.error(format!(
            "This pane already shows the entry's folder ({key} is for search results and the trash)"
        ));
        return vec![];
    }
    let want = Some(entry.key.clone());
    match (pane.place_of(entry), entry.parent) {
        (Some(dir), _) => {
            let to = Location::Cloud(dir.clone());
            vec![go(model, model.focus, to, true, want)]
        }
        (None, Some(parent)) => resolve_then_go(model, parent, want),
        (None, None) => vec![],
    }
}

/// Going to cloud folder `id` whose path is not known yet: it is looked up first.
fn resolve_then_go(model: &mut Model, id: i64, want: Option<EntryKey>) -> Vec<Effect> {
    let ticket = model.take_ticket();
    let side = model.focus;
    model.pane_mut(side).load = LoadState::Loading(ticket);
    vec![Effect::ResolveCloudDir {
        side,
        ticket,
        id,
        want,
    }]
}

pub fn parent(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    if matches!(pane.location, Location::Search(_) | Location::Trash) {
        // Leaving search results or the trash returns where the pane was, like a parent.
        if pane.history.back.is_empty() {
            let root = Location::Cloud(CloudDir::root());
            return vec![go(model, model.focus, root, true, None)];
        }
        return back(model);
    }
    let Some(to) = pane.location.parent() else {
        return vec![];
    };
    let want = pane.location.leaf_key();
    vec![go(model, model.focus, to, true, want)]
}

pub fn home(model: &mut Model) -> Vec<Effect> {
    let to = match &model.focused().location {
        Location::Cloud(_) | Location::Search(_) | Location::Trash => {
            Location::Cloud(CloudDir::root())
        }
        Location::Images(_) => Location::Images(crate::fs::ImageDir::root()),
        Location::Local(_) => match &model.home {
            Some(home) => Location::Local(home.clone()),
            None => {
                model.error("No home directory is known");
                return vec![];
            }
        },
    };
    vec![go(model, model.focus, to, true, None)]
}

pub fn back(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused_mut();
    let Some(to) = pane.history.back.pop() else {
        return vec![];
    };
    pane.history.forward.push(pane.location.clone());
    let want = came_from(&pane.location, &to);
    vec![go(model, model.focus, to, false, want)]
}

pub fn forward(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused_mut();
    let Some(to) = pane.history.forward.pop() else {
        return vec![];
    };
    pane.history.back.push(pane.location.clone());
    let want = came_from(&pane.location, &to);
    vec![go(model, model.focus, to, false, want)]
}

/// When stepping from `from` up to its parent `to`, the entry to land on is `from` itself.
fn came_from(from: &Location, to: &Location) -> Option<EntryKey> {
    (from.parent().as_ref() == Some(to))
        .then(|| from.leaf_key())
        .flatten()
}

pub fn mirror(model: &mut Model) -> Vec<Effect> {
    let to = model.focused().location.clone();
    let other = model.focus.other();
    vec![go(model, other, to, true, None)]
}

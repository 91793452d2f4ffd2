//! Bookmarks and recent folders. `B` then a key bookmarks the focused pane's folder under that
//! key (replacing what it held); `'` opens the list, where a key goes to its bookmark at once,
//! Enter goes to the chosen row (a bookmark or a recent folder) and Delete removes the chosen
//! bookmark. Going works like the go-to prompt, so a folder that no longer exists opens the
//! nearest one above it and says so. A listing that completes records its folder as recent.

use crate::app::{Effect, Kept, LoadState, Modal, Model, Side};
use crate::config::Command;
use crate::fs::TypedPath;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn open(model: &mut Model, add: bool) {
    if add {
        if super::moves::folder_path(&model.focused().location).is_none() {
            model.error("Search results and the trash cannot be bookmarked: open a folder");
            return;
        }
        if let Some(why) = &model.bookmarks.broken {
            model.error(format!("Bookmarks are not saved this session: {why}"));
            return;
        }
    }
    model.modal = Some(Modal::Bookmarks { add, cursor: 0 });
}

fn rows(model: &Model) -> Vec<(Option<char>, &str)> {
    model.bookmarks.rows(&model.recent)
}

pub fn type_key(model: &mut Model, ev: KeyEvent) -> Vec<Effect> {
    let Some(Modal::Bookmarks { add, .. }) = model.modal else {
        return vec![];
    };
    let KeyCode::Char(key) = ev.code else {
        return vec![];
    };
    if !(ev.modifiers - KeyModifiers::SHIFT).is_empty() {
        return vec![];
    }
    model.modal = None;
    if add {
        return self::add(model, key);
    }
    match model.bookmarks.marks.get(&key).cloned() {
        Some(place) => go(model, &place),
        None => {
            model.error(format!("No bookmark '{key} (B then a key adds one)"));
            vec![]
        }
    }
}

fn add(model: &mut Model, key: char) -> Vec<Effect> {
    let Some(place) = super::moves::folder_path(&model.focused().location) else {
        return vec![];
    };
    let old = model.bookmarks.marks.insert(key, place.clone());
    match old {
        Some(old) if old != place => {
            model.info(format!("Bookmarked {place} as '{key} (was {old})"));
        }
        _ => model.info(format!("Bookmarked {place} as '{key}")),
    }
    vec![save(model)]
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::Bookmarks { add, cursor }) = model.modal else {
        return vec![];
    };
    if add {
        if cmd == Command::Escape {
            model.modal = None;
        }
        return vec![];
    }
    let rows = rows(model).len();
    let set = |model: &mut Model, to: usize| {
        model.modal = Some(Modal::Bookmarks {
            add: false,
            cursor: to,
        });
    };
    match cmd {
        Command::CursorDown if rows > 0 => set(model, (cursor + 1) % rows),
        Command::CursorUp if rows > 0 => set(model, (cursor + rows - 1) % rows),
        Command::Accept => {
            let place = rows_at(model, cursor).map(|(_, p)| p.to_owned());
            if let Some(place) = place {
                model.modal = None;
                return go(model, &place);
            }
        }
        Command::Delete => {
            if let Some((Some(key), place)) = rows_at(model, cursor) {
                let place = place.to_owned();
                model.bookmarks.marks.remove(&key);
                model.info(format!("Removed bookmark '{key} ({place})"));
                let left = self::rows(model).len();
                set(model, cursor.min(left.saturating_sub(1)));
                return vec![save(model)];
            }
            model.error("Only bookmarks can be removed; recent folders come and go");
        }
        Command::Escape => model.modal = None,
        _ => {}
    }
    vec![]
}

fn rows_at(model: &Model, cursor: usize) -> Option<(Option<char>, &str)> {
    rows(model).get(cursor).copied()
}

fn save(model: &Model) -> Effect {
    Effect::Keep(Kept::Bookmarks(model.bookmarks.clone()))
}

fn go(model: &mut Model, place: &str) -> Vec<Effect> {
    let path = TypedPath::parse(place);
    if !matches!(path, TypedPath::Local(_)) && !model.cloud_enabled {
        model.error(format!(
            "{place} is on the cloud drive, and there is no cloud account"
        ));
        return vec![];
    }
    vec![super::moves::go_to(model, model.focus, path)]
}

/// After a listing message for `side`: a folder that finished listing becomes the most
/// recent of its backend.
pub fn visited(model: &mut Model, side: Side) -> Vec<Effect> {
    let pane = model.pane(side);
    if pane.load != LoadState::Done {
        return vec![];
    }
    let Some(place) = super::moves::folder_path(&pane.location) else {
        return vec![];
    };
    match model.recent.visit(&place) {
        true => vec![Effect::Keep(Kept::Recent(model.recent.clone()))],
        false => vec![],
    }
}

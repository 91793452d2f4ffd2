//! One-line prompts (`Modal::Input`): typing edits the text, `Accept` acts on it by purpose,
//! `Escape` closes without acting. A prompt prefilled with a path (the destination, go to)
//! starts a new path when `/` is the first key, as the prefilled text was only a suggestion;
//! any other first key edits it. Pastes go in at the cursor, a pasted path replacing an
//! untouched suggestion.

use super::moves::{insert, refuse};
use crate::app::{Effect, Modal, Model, Side};
use crate::fs::{CloudSearch, Location};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

pub fn edit(model: &mut Model, ev: KeyEvent) {
    if let Some(Modal::Input(state)) = &mut model.modal {
        let slash =
            ev.code == KeyCode::Char('/') && (ev.modifiers - KeyModifiers::SHIFT).is_empty();
        match state.fresh.take() {
            Some(root) if slash => state.input = Input::new(root),
            _ => {
                state.input.handle_event(&Event::Key(ev));
            }
        }
        state.error = None;
        state.note = None;
    }
}

pub fn paste(model: &mut Model, text: &str) -> bool {
    let Some(Modal::Input(state)) = &mut model.modal else {
        return false;
    };
    let line = text.lines().next().unwrap_or_default();
    let typed_path = ["~", "cloud:", "images:", "local:"]
        .iter()
        .any(|p| line.starts_with(p));
    match (state.fresh.take(), line.strip_prefix('/')) {
        (Some(root), Some(rest)) => state.input = Input::new(format!("{root}{rest}")),
        (Some(_), None) if typed_path => state.input = Input::new(line.to_owned()),
        _ => insert(&mut state.input, line),
    }
    state.error = None;
    state.note = None;
    true
}

pub fn search(model: &mut Model, side: Side, text: &str) -> Vec<Effect> {
    let (exact, query) = match text.strip_prefix('=') {
        Some(rest) => (true, rest.trim()),
        None => (false, text.trim()),
    };
    if query.is_empty() {
        refuse(model, "Type something to search for");
        return vec![];
    }
    model.modal = None;
    let to = Location::Search(CloudSearch {
        query: query.to_owned(),
        exact,
    });
    vec![super::moves::go(model, side, to, true, None)]
}

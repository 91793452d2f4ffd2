//! One-line prompts (`Modal::Input`): typing edits the text, `Accept` acts on it by purpose,
//! `Escape` closes without acting. A prompt prefilled with a path (the destination, go to)
//! starts a new path when `/` is the first key, as the prefilled text was only a suggestion;
//! any other first key edits it. Pastes go in at the cursor, a pasted path replacing an
//! untouched suggestion.

use super::moves::{insert, refuse};
use crate::app::{Effect, InputPurpose, Modal, Model, Side};
use crate::config::Command;
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

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    if let Some(Modal::Input(state)) = &mut model.modal {
        state.fresh = None;
    }
    match cmd {
        Command::Accept => accept(model),
        Command::Complete => super::destination::complete(model),
        Command::Escape => {
            model.modal = None;
            vec![]
        }
        Command::Quit => {
            model.quit = true;
            vec![]
        }
        _ => vec![],
    }
}

fn accept(model: &mut Model) -> Vec<Effect> {
    let Some(Modal::Input(state)) = &model.modal else {
        return vec![];
    };
    let (purpose, side, text) = (state.purpose, state.side, state.input.value().to_owned());
    let result = match purpose {
        InputPurpose::Search => return search(model, side, &text),
        InputPurpose::Mkdir => super::ops::accept_mkdir(model, side, &text),
        InputPurpose::Rename => super::rename::accept_single(model, side, &text),
        InputPurpose::Destination => return super::destination::accept(model, &text),
        InputPurpose::MarkPattern => super::pattern::accept(model, side, &text, true),
        InputPurpose::UnmarkPattern => super::pattern::accept(model, side, &text, false),
        InputPurpose::GoTo => return super::goto::accept(model, side, &text),
        InputPurpose::ViewerSearch => super::viewer::search(model, &text),
        InputPurpose::ViewerGoto => super::viewer::go_to(model, &text),
    };
    result.unwrap_or_else(|why| {
        refuse(model, &why);
        vec![]
    })
}

fn search(model: &mut Model, side: Side, text: &str) -> Vec<Effect> {
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

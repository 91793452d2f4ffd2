//! One-line prompts (`Modal::Input`): typing edits the text, `Accept` acts on it by purpose,
//! `Escape` closes without acting.

use crate::app::{Effect, InputPurpose, InputState, Modal, Model, Side};
use crate::config::Command;
use crate::fs::{CloudSearch, Location};
use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

pub fn open(model: &mut Model, purpose: InputPurpose, text: &str) {
    model.modal = Some(Modal::Input(InputState::new(purpose, model.focus, text)));
}

pub fn edit(model: &mut Model, ev: KeyEvent) {
    if let Some(Modal::Input(state)) = &mut model.modal {
        state.input.handle_event(&Event::Key(ev));
        state.error = None;
        state.note = None;
    }
}

pub fn paste(model: &mut Model, text: &str) -> bool {
    let Some(Modal::Input(state)) = &mut model.modal else {
        return false;
    };
    let line = text.lines().next().unwrap_or_default();
    let value = format!("{}{line}", state.input.value());
    state.input = state.input.clone().with_value(value);
    true
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
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
    vec![super::nav::go(model, side, to, true, None)]
}

fn refuse(model: &mut Model, why: &str) {
    if let Some(Modal::Input(state)) = &mut model.modal {
        state.error = Some(why.to_owned());
    }
}

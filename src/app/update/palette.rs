//! The command palette (`:` / `C-p`): typing filters, Up/Down choose, Enter closes it and runs
//! the chosen command through [`super::command::run`], exactly as its key would, in the layer
//! the palette opened over; the pick goes first in the recent list. In path mode Enter goes
//! to the typed folder (or the chosen bookmark or recent one) like the go-to prompt, and Tab
//! completes it.

use super::{command, goto};
use crate::app::palette::{self, Action, PaletteState};
use crate::app::{Effect, Kept, Modal, Model};
use crate::config::Command;
use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

pub fn open(model: &mut Model) {
    let from = model.layer();
    let extra = palette::extra(from, &model.bookmarks, &model.settings);
    let places = palette::place_items(&model.bookmarks, &model.recent);
    let mut state = PaletteState::new(&model.keymap, from, extra, places);
    state.refresh(&model.recent);
    model.modal = Some(Modal::Palette(Box::new(state)));
}

pub fn type_key(model: &mut Model, ev: KeyEvent) {
    let Some(Modal::Palette(state)) = &mut model.modal else {
        return;
    };
    let before = state.input.value().to_owned();
    state.input.handle_event(&Event::Key(ev));
    if state.input.value() != before {
        state.error = None;
        state.note = None;
        state.refresh(&model.recent);
    }
}

pub fn paste(model: &mut Model, text: &str) -> bool {
    let Some(Modal::Palette(state)) = &mut model.modal else {
        return false;
    };
    super::moves::insert(&mut state.input, text.lines().next().unwrap_or_default());
    state.refresh(&model.recent);
    true
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::Palette(state)) = &mut model.modal else {
        return vec![];
    };
    let rows = state.hits.len();
    match cmd {
        Command::CursorDown if rows > 0 => state.cursor = (state.cursor + 1) % rows,
        Command::CursorUp if rows > 0 => state.cursor = (state.cursor + rows - 1) % rows,
        Command::Complete if state.path_mode() => {
            let text = state.input.value().to_owned();
            let path = goto::typed(model, model.focus, &text);
            return vec![Effect::Complete { text, path }];
        }
        Command::Accept => return accept(model),
        Command::Escape => model.modal = None,
        _ => {}
    }
    vec![]
}

fn accept(model: &mut Model) -> Vec<Effect> {
    let Some(Modal::Palette(state)) = &mut model.modal else {
        return vec![];
    };
    let action = match state.selected() {
        Some(hit) => match hit.item.and_then(|i| state.item(i)) {
            Some(item) => item.action.clone(),
            None => Action::Go(state.input.value().to_owned()),
        },
        None => {
            state.error = Some("Nothing matches".into());
            return vec![];
        }
    };
    match action {
        Action::Run(cmd) => {
            model.modal = None;
            let mut effects = command::run(model, cmd);
            if model.recent.pick(cmd) {
                effects.push(Effect::Keep(Kept::Recent(model.recent.clone())));
            }
            effects
        }
        Action::Go(text) => go(model, &text),
        Action::Send(msg) => {
            model.modal = None;
            crate::app::update(model, *msg)
        }
    }
}

/// Goes to the folder `text` names (typed, a bookmark's or a recent one), like the go-to
/// prompt; why not, under the query.
fn go(model: &mut Model, text: &str) -> Vec<Effect> {
    match goto::target(model, model.focus, text) {
        Ok(path) => {
            model.modal = None;
            vec![super::moves::go_to(model, model.focus, path)]
        }
        Err(why) => {
            if let Some(Modal::Palette(state)) = &mut model.modal {
                state.error = Some(why.to_owned());
            }
            vec![]
        }
    }
}

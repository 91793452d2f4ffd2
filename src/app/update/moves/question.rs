//! Opening a question: a one-line prompt (`Modal::Input`) or a confirmation before an
//! operation, with the helpers that word them.

use crate::app::{ConfirmState, InputPurpose, InputState, Modal, Model, OpItem, OpSpec};
use tui_input::Input;

pub fn open(model: &mut Model, purpose: InputPurpose, text: &str) {
    model.modal = Some(Modal::Input(InputState::new(purpose, model.focus, text)));
}

/// Opens a prompt prefilled with path `text`, which a `/` typed first replaces with `root`.
pub fn open_path(model: &mut Model, purpose: InputPurpose, text: &str, root: &str) {
    let mut state = InputState::new(purpose, model.focus, text);
    state.fresh = Some(root.to_owned());
    model.modal = Some(Modal::Input(state));
}

/// Puts `text` into `input` at its cursor, the cursor after it.
pub fn insert(input: &mut Input, text: &str) {
    let value = input.value();
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(i, _)| i);
    let joined = format!("{}{text}{}", &value[..at], &value[at..]);
    let cursor = input.cursor() + text.chars().count();
    *input = Input::new(joined).with_cursor(cursor);
}

pub fn refuse(model: &mut Model, why: &str) {
    if let Some(Modal::Input(state)) = &mut model.modal {
        state.error = Some(why.to_owned());
    }
}

pub fn ask(model: &mut Model, title: String, lines: Vec<String>, spec: OpSpec, danger: bool) {
    model.modal = Some(Modal::Confirm(ConfirmState {
        title,
        lines,
        spec,
        danger,
        step: None,
    }));
}

pub fn names(items: &[OpItem]) -> Vec<String> {
    let mut lines: Vec<String> = items
        .iter()
        .take(8)
        .map(|i| format!("  {}", i.name))
        .collect();
    if items.len() > 8 {
        lines.push(format!("  … and {} more", items.len() - 8));
    }
    lines
}

/// "1 item", "3 items".
pub fn count(n: usize) -> String {
    if n == 1 {
        "1 item".to_owned()
    } else {
        format!("{n} items")
    }
}

/// From the copy/move question: open the destination prompt with the current target.
pub fn edit_destination(model: &mut Model) {
    let Some(Modal::Confirm(state)) = &model.modal else {
        return;
    };
    let (OpSpec::Move { to, .. } | OpSpec::Copy { to, .. }) = &state.spec else {
        model.error("Only copies and moves have a destination to change");
        return;
    };
    if state.spec.touches_images() {
        model.error("Image-space destinations come from the other pane: open the folder there");
        return;
    }
    let mut text = to.display();
    if !text.ends_with('/') {
        text.push('/');
    }
    let spec = state.spec.clone();
    open_path(model, InputPurpose::Destination, &text, "/");
    if let Some(Modal::Input(s)) = &mut model.modal {
        s.pending = Some(Box::new(spec));
    }
}

/// `q` with unfinished transfers asks first; they resume at the next start (unless the queue
/// is kept in memory only).
pub fn quit(model: &mut Model) {
    match model.transfers.unfinished() {
        0 => model.quit = true,
        unfinished => model.modal = Some(Modal::QuitAsk { unfinished }),
    }
}

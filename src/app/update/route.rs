//! Hand-overs between domains: a dispatcher like `update`, `command` and `keys`, for the
//! places where what happens next depends on which domain owns the case (the purpose of a
//! prompt, the line a paste goes into, the backend a delete or copy acts on, the cursor entry).
//! Domain files never call each other; the choice between them is made here.

use super::{
    cloud, delete, destination, dlink, goto, images, input, moves, nav, offline, ops, palette,
    pattern, rename, share_form, shares, transfers, trash, view, viewer,
};
use crate::app::{Effect, InputPurpose, Modal, Model, SharesMsg};
use crate::config::Command;
use crate::fs::{EntryKey, Location};

/// Commands in a one-line prompt: `Accept` hands the text to the domain that asked for it.
pub fn input(model: &mut Model, cmd: Command) -> Vec<Effect> {
    if let Some(Modal::Input(state)) = &mut model.modal {
        state.fresh = None;
    }
    match cmd {
        Command::Accept => accept(model),
        Command::Complete => complete(model),
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
        InputPurpose::Search => return input::search(model, side, &text),
        InputPurpose::Mkdir => ops::accept_mkdir(model, side, &text),
        InputPurpose::Rename => rename::accept_single(model, side, &text),
        InputPurpose::Destination => return destination::accept(model, &text),
        InputPurpose::MarkPattern => pattern::accept(model, side, &text, true),
        InputPurpose::UnmarkPattern => pattern::accept(model, side, &text, false),
        InputPurpose::GoTo => return goto::accept(model, side, &text),
        InputPurpose::ViewerSearch => viewer::search(model, &text),
        InputPurpose::ViewerGoto => viewer::go_to(model, &text),
    };
    result.unwrap_or_else(|why| {
        moves::refuse(model, &why);
        vec![]
    })
}

/// Tab in a prompt for a folder path: the go-to prompt or a destination.
fn complete(model: &mut Model) -> Vec<Effect> {
    match &model.modal {
        Some(Modal::Input(s)) if s.purpose == InputPurpose::GoTo => goto::complete(model),
        _ => destination::complete(model),
    }
}

/// A paste goes into the open prompt or form, else into the filter line being typed.
pub fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    if input::paste(model, text)
        || rename::paste(model, text)
        || offline::paste(model, text)
        || palette::paste(model, text)
    {
        return vec![];
    }
    view::paste_filter(model, text);
    vec![]
}

/// Enter: a folder opens, a file opens in the viewer (one found by search opens its folder).
pub fn enter(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    match pane.current() {
        Some(e) if !e.is_dir() && !matches!(pane.location, Location::Search(_)) => {
            viewer::open(model)
        }
        _ => nav::enter(model),
    }
}

/// The cursor entry's details: image-space entries have their own.
pub fn details(model: &mut Model) -> Vec<Effect> {
    match model.focused().current().map(|e| &e.key) {
        Some(EntryKey::Image(_)) => images::details(model),
        _ => cloud::details(model),
    }
}

/// `r`: restore in the trash, otherwise rename.
pub fn rename(model: &mut Model) {
    match model.focused().location {
        Location::Trash => trash::restore(model),
        _ => rename::rename(model),
    }
}

/// Delete the selection: local entries and image-space ones are asked about in their own
/// domains, cloud ones (to the trash, or for good from it) in `ops`.
pub fn delete(model: &mut Model) -> Vec<Effect> {
    let at = model.focused().location.clone();
    if !matches!(at, Location::Local(_) | Location::Images(_)) {
        return ops::delete(model);
    }
    let items = moves::selection(model);
    if items.is_empty() {
        return vec![];
    }
    match at {
        Location::Images(_) => {
            images::ask_delete(model, at, items);
            vec![]
        }
        _ => delete::ask(model, at, items),
    }
}

/// Copy (`copy`) or move the selection into the other pane's directory: through the image
/// space, the transfer queue (between the disk and the drive), or `ops`.
pub fn transfer(model: &mut Model, copy: bool) -> Vec<Effect> {
    let items = moves::selection(model);
    if items.is_empty() {
        return vec![];
    }
    let (from, to) = (
        model.focused().location.clone(),
        model.pane(model.focus.other()).location.clone(),
    );
    if from.is_images() || to.is_images() {
        return images::transfer(model, items, from, to, copy);
    }
    if ops::writable_dir(&to) && from.is_cloud() != to.is_cloud() {
        return transfers::ask(model, !copy);
    }
    ops::transfer(model, copy)
}

/// Every `SharesMsg`: the share lists, the share dialog's answers, direct links.
pub fn shares(model: &mut Model, msg: SharesMsg) -> Vec<Effect> {
    match msg {
        SharesMsg::Created {
            result,
            items,
            code,
        } => share_form::created(model, result, items, code.unwrap_or_default()),
        SharesMsg::Listed { ticket, result } => {
            shares::listed(model, ticket, result);
            vec![]
        }
        SharesMsg::Edited { count, result } => match share_form::edited(model, count, result) {
            Some(back) => shares::reopen(model, back),
            None => vec![],
        },
        SharesMsg::DirectLinks { markdown, links } => dlink::arrived(model, markdown, &links),
        SharesMsg::Switched { path, on, result } => {
            dlink::switched(model, &path, on, result);
            vec![]
        }
        SharesMsg::Log(result) => {
            dlink::log_arrived(model, result);
            vec![]
        }
    }
}

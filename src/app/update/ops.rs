//! File operations from the browser: mkdir, delete, copy, move, and the confirmation step
//! before anything runs. Their results are applied in `op_done`, undo and redo are in `undo`,
//! the trash view in `trash`.

use super::moves::{ask, ask_transfer, count, names, selection, start, start_step};
use crate::app::{Effect, InputPurpose, Modal, Model, OpSpec, Side};
use crate::fs::Location;

pub fn writable_dir(loc: &Location) -> bool {
    matches!(
        loc,
        Location::Local(_) | Location::Cloud(_) | Location::Images(_)
    )
}

pub fn mkdir(model: &mut Model) {
    if !writable_dir(&model.focused().location) {
        model.error("New directories go into a directory, not into search results or the trash");
        return;
    }
    super::moves::open(model, InputPurpose::Mkdir, "");
}

/// The new-folder prompt's text: one name, or `a/b` for each missing level (`mkdir -p`).
pub fn accept_mkdir(model: &mut Model, side: Side, text: &str) -> Result<Vec<Effect>, String> {
    let at = model.pane(side).location.clone();
    if text.starts_with('/') {
        return Err("New folders go into this one: leave out the leading /".into());
    }
    let levels = crate::fs::mkdir_p::levels(text);
    if levels.is_empty() {
        return Err(crate::plan::NameError::Empty.to_string());
    }
    for name in &levels {
        let checked = match (&at, name.as_str()) {
            (_, "." | "..") => Err(crate::plan::NameError::Reserved(name.clone())),
            (Location::Local(_), _) => crate::plan::validate_local_name(name),
            _ => crate::plan::validate_cloud_name(name),
        };
        checked.map_err(|e| match levels.len() {
            1 => e.to_string(),
            _ => format!("{name}: {e}"),
        })?;
    }
    model.modal = None;
    Ok(vec![start(
        model,
        OpSpec::Mkdir {
            at,
            name: levels.join("/"),
        },
    )])
}

pub fn delete(model: &mut Model) -> Vec<Effect> {
    let items = selection(model);
    if items.is_empty() {
        return vec![];
    }
    let at = model.focused().location.clone();
    let n = items.len();
    let (title, danger, spec) = match &at {
        Location::Trash => (
            format!(
                "Delete {} from the trash for good? This cannot be undone.",
                count(n)
            ),
            true,
            OpSpec::Delete {
                at: at.clone(),
                items: items.clone(),
            },
        ),
        Location::Cloud(_) | Location::Search(_) => (
            format!(
                "Move {} to the cloud trash? (T shows the trash, where they can be restored)",
                count(n)
            ),
            false,
            OpSpec::Trash {
                at: at.clone(),
                items: items.clone(),
            },
        ),
        // Asked in `delete` and `images` (`route::delete` sends them there).
        Location::Local(_) | Location::Images(_) => return vec![],
    };
    ask(model, title, names(&items), spec, danger);
    vec![]
}

/// Copy (`copy`) or move the selection into the other pane's directory on the same backend.
pub fn transfer(model: &mut Model, copy: bool) -> Vec<Effect> {
    let items = selection(model);
    let (from, to) = (
        model.focused().location.clone(),
        model.pane(model.focus.other()).location.clone(),
    );
    let verb = if copy { "Copy" } else { "Move" };
    if items.is_empty() {
        return vec![];
    }
    if !writable_dir(&to) {
        model.error(format!(
            "{verb} into a directory: the other pane shows {}",
            to.display()
        ));
        return vec![];
    }
    // Image-space and disk ↔ drive transfers are asked in `images` and `transfers`
    // (`route::transfer` sends them there).
    if from.is_images() || to.is_images() || from.is_cloud() != to.is_cloud() {
        return vec![];
    }
    if !matches!(from, Location::Local(_) | Location::Cloud(_)) && !copy {
        model.error("Move entries from their directory, not from search results or the trash");
        return vec![];
    }
    if from == to {
        model.error(format!("{verb}: both panes show {}", to.display()));
        return vec![];
    }
    let spec = if copy {
        OpSpec::Copy { from, items, to }
    } else {
        OpSpec::Move { from, items, to }
    };
    ask_transfer(model, spec);
    vec![]
}

pub fn confirm(model: &mut Model, accept: bool, by_enter: bool) -> Vec<Effect> {
    let Some(Modal::Confirm(state)) = model.modal.clone() else {
        return vec![];
    };
    if !accept {
        model.modal = None;
        return vec![];
    }
    if state.danger && by_enter {
        model.error("This cannot be undone: press y to confirm, n to cancel");
        return vec![];
    }
    model.modal = None;
    // The marks were the question's items; they are spent once it is answered.
    super::moves::clear(model);
    vec![start_step(model, state.spec, state.step)]
}

//! A shell (mc's `C-o`) in the focused pane's local directory, or else in the other pane's: the
//! runtime hands it the screen until it exits, then the local panes are listed again (the
//! shell may have changed anything there).

use crate::app::{Effect, Model, Side};

pub fn open(model: &mut Model) -> Vec<Effect> {
    let here = model.focused().location.local_path();
    let other = model.pane(model.focus.other()).location.local_path();
    let Some(dir) = here.or(other) else {
        model.error(
            "A shell runs in a local directory and neither pane shows one \
             (b switches a pane to the local disk)",
        );
        return vec![];
    };
    vec![Effect::Shell { dir }]
}

/// The shell exited (`Err`: it could not start).
pub fn returned(model: &mut Model, result: Result<(), String>) -> Vec<Effect> {
    match result {
        Ok(()) => model.info("Back from the shell"),
        Err(why) => model.error(why),
    }
    let local: Vec<Side> = [Side::Left, Side::Right]
        .into_iter()
        .filter(|&side| model.pane(side).location.local_path().is_some())
        .collect();
    local
        .into_iter()
        .map(|side| super::moves::reload(model, side, true))
        .collect()
}

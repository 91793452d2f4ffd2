//! Panes sent to a folder by its path, named on the command line (cloud or image-space
//! folders) or typed in the go-to prompt (any): the folder is found first (the pane shows
//! itself loading meanwhile), then listed; a path that leads nowhere opens the nearest folder
//! above it and says why.

use crate::app::{Effect, LoadState, Model, Side};
use crate::fs::{CloudDir, FsError, ImageDir, Location, Opened, TypedPath};

/// The start-up effect of `side`: find its named folder, or list where it is.
pub fn open_or_list(model: &mut Model, side: Side) -> Effect {
    let Some(path) = model.pane_mut(side).open_path.take() else {
        return super::moves::reload(model, side, false);
    };
    let ticket = model.take_ticket();
    model.pane_mut(side).load = LoadState::Loading(ticket);
    Effect::OpenPath {
        side,
        ticket,
        path,
        typed: false,
    }
}

pub fn opened(
    model: &mut Model,
    (side, ticket, typed): (Side, crate::app::Ticket, bool),
    path: &TypedPath,
    result: Result<Opened, FsError>,
) -> Vec<Effect> {
    if model.pane(side).load != LoadState::Loading(ticket) {
        return vec![];
    }
    let to = match result {
        Ok(Opened { location, missing }) => {
            if let Some(why) = missing {
                let here = title_of(&location);
                model.error(format!("Showing {here}: {why}"));
            }
            location
        }
        Err(e) if typed => {
            model.pane_mut(side).load = LoadState::Done;
            model.error(format!("Cannot open {}: {e}", path.display()));
            return vec![];
        }
        Err(e) => {
            model.error(format!("Cannot open {}: {e}", path.display()));
            match path {
                TypedPath::Images(_) => Location::Images(ImageDir::root()),
                _ => Location::Cloud(CloudDir::root()),
            }
        }
    };
    vec![super::moves::go(model, side, to, typed, None)]
}

/// A location as the pane title writes it: `cloud:/备份`.
fn title_of(loc: &Location) -> String {
    let tag = match loc {
        Location::Local(_) => "local",
        Location::Images(_) => "images",
        _ => "cloud",
    };
    format!("{tag}:{}", loc.display())
}

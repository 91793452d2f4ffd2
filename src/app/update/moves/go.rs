//! Sending a pane somewhere: to a location (`go`), to a typed path (`go_to`), or listing it
//! again where it is (`reload`). Changing directory issues a fresh ticket, so pages still
//! arriving for the old one are dropped.

use crate::app::{Effect, LoadState, Model, Side};
use crate::fs::{EntryKey, Location, TypedPath};

/// Moves `side` to `to` and starts listing it. `record` pushes the old location on the back
/// stack (and clears forward); `want` is the entry to put the cursor on once it arrives.
pub fn go(
    model: &mut Model,
    side: Side,
    to: Location,
    record: bool,
    want: Option<EntryKey>,
) -> Effect {
    let pane = model.pane_mut(side);
    park(pane);
    if record && pane.location != to {
        let from = std::mem::replace(&mut pane.location, to);
        pane.history.back.push(from);
        pane.history.forward.clear();
    } else {
        pane.location = to;
    }
    pane.marks.clear();
    pane.marked_bytes = 0;
    pane.all_marked = false;
    pane.visual = None;
    pane.filter = None;
    pane.want_cursor = want;
    reload(model, side, false)
}

/// Remembers where `pane` is as the last place it showed on its backend.
fn park(pane: &mut crate::app::Pane) {
    let here = pane.location.clone();
    pane.parked.retain(|l| backend(l) != backend(&here));
    pane.parked.push(here);
}

/// 0 local disk, 1 cloud drive (folders, search, trash), 2 image space.
pub fn backend(loc: &Location) -> u8 {
    match loc {
        Location::Local(_) => 0,
        Location::Cloud(_) | Location::Search(_) | Location::Trash => 1,
        Location::Images(_) => 2,
    }
}

/// (Re)lists the current location of `side`. With `keep_place` the cursor stays on its entry
/// and marks survive (refresh); otherwise the pane starts at the top.
pub fn reload(model: &mut Model, side: Side, keep_place: bool) -> Effect {
    let ticket = model.take_ticket();
    let pane = model.pane_mut(side);
    if let Some(e) = pane.current().filter(|_| keep_place) {
        // A reload keeps an explicit target (e.g. a new directory) over the old cursor entry.
        if pane.want_cursor.is_none() {
            pane.want_cursor = Some(e.key.clone());
        }
        pane.want_index = Some(pane.cursor);
    }
    pane.listing.clear();
    pane.places.clear();
    pane.cursor = 0;
    pane.offset = 0;
    pane.cursor_moved = false;
    pane.load = LoadState::Loading(ticket);
    Effect::List {
        side,
        ticket,
        location: pane.location.clone(),
        fresh: keep_place,
    }
}

/// Sends `side` to the folder at `path`, typed by the user.
pub fn go_to(model: &mut Model, side: Side, path: TypedPath) -> Effect {
    let ticket = model.take_ticket();
    model.pane_mut(side).load = LoadState::Loading(ticket);
    Effect::OpenPath {
        side,
        ticket,
        path,
        typed: true,
    }
}

/// The folder a pane shows, written as panfm reads paths back (`cloud:/…`, `images:/…`, a local
/// path); none for search results and the trash.
pub fn folder_path(location: &Location) -> Option<String> {
    match location {
        Location::Local(dir) => dir.to_str().map(str::to_owned),
        Location::Cloud(dir) => Some(format!("cloud:{}", dir.path())),
        Location::Images(dir) => Some(format!("images:{}", dir.path())),
        Location::Search(_) | Location::Trash => None,
    }
}

//! Applies listing results. Pages are merged into the sorted view as they arrive; anything
//! whose ticket is not the pane's current request is stale and ignored. In a pane whose every
//! entry is marked, arriving entries are marked too and the status line keeps the count.

use crate::app::{ListingMsg, LoadState, Model, Side, Ticket};

/// `partial` says why a listing (the trash's) came back incomplete.
pub fn update(model: &mut Model, msg: ListingMsg, partial: fn(&mut Model, &str)) {
    let Some(side) = current_side(model, &msg) else {
        return;
    };
    let said = (model.pane(side).all_marked && side == model.focus)
        .then(|| super::moves::all_text(model.pane(side)))
        .filter(|text| model.status.as_ref().is_some_and(|s| s.text == *text));
    apply(model, msg, partial);
    if said.is_some() {
        let text = super::moves::all_text(model.pane(side));
        model.info(text);
    }
}

/// The side `msg` is for, if it answers that side's current request.
fn current_side(model: &Model, msg: &ListingMsg) -> Option<Side> {
    let (ListingMsg::Page { side, ticket, .. }
    | ListingMsg::Done { side, ticket }
    | ListingMsg::Partial { side, ticket, .. }
    | ListingMsg::Places { side, ticket, .. }
    | ListingMsg::Failed { side, ticket, .. }) = msg;
    is_current(model, *side, *ticket).then_some(*side)
}

fn apply(model: &mut Model, msg: ListingMsg, partial: fn(&mut Model, &str)) {
    match msg {
        ListingMsg::Page {
            side,
            ticket: _,
            entries,
        } => {
            let rows = model.viewport.list_rows();
            let pane = model.pane_mut(side);
            let track = pane.cursor_moved.then_some(pane.cursor);
            let (spec, vis) = (pane.sort, pane.visibility());
            super::moves::arrived(pane, &entries, &vis);
            let moved = pane.listing.push_page(entries, spec, &vis, track);
            let wanted = pane
                .want_cursor
                .as_ref()
                .and_then(|k| pane.listing.position(k));
            if let Some(at) = wanted {
                pane.want_cursor = None;
                pane.cursor_moved = true;
                pane.set_cursor(at, rows);
            } else if let Some(at) = moved {
                pane.set_cursor(at, rows);
            } else {
                pane.scroll_into_view(rows);
            }
        }
        ListingMsg::Done { side, ticket: _ } => {
            let rows = model.viewport.list_rows();
            let pane = model.pane_mut(side);
            pane.load = LoadState::Done;
            // The entry we wanted is gone (moved, trashed): stay at the same height instead.
            if let (Some(_), Some(at)) = (pane.want_cursor.take(), pane.want_index.take()) {
                pane.set_cursor(at, rows);
            }
            pane.want_index = None;
            pane.recount_marks();
        }
        ListingMsg::Partial { why, .. } => partial(model, &why),
        ListingMsg::Places { side, places, .. } => {
            model.pane_mut(side).places.extend(places);
        }
        ListingMsg::Failed {
            side,
            ticket: _,
            error,
        } => {
            let pane = model.pane_mut(side);
            let text = format!("Cannot list {}: {error}", pane.location.display());
            pane.load = LoadState::Failed(error.message);
            model.error(text);
        }
    }
}

fn is_current(model: &Model, side: Side, ticket: Ticket) -> bool {
    model.pane(side).load == LoadState::Loading(ticket)
}

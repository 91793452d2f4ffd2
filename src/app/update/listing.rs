//! Applies listing results. Pages are merged into the sorted view as they arrive; anything
//! whose ticket is not the pane's current request is stale and ignored.

use crate::app::{ListingMsg, LoadState, Model, Side, Ticket};

pub fn update(model: &mut Model, msg: ListingMsg) {
    match msg {
        ListingMsg::Page {
            side,
            ticket,
            entries,
        } => {
            if !is_current(model, side, ticket) {
                return;
            }
            let rows = model.viewport.list_rows();
            let pane = model.pane_mut(side);
            let track = pane.cursor_moved.then_some(pane.cursor);
            let (spec, vis) = (pane.sort, pane.visibility());
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
        ListingMsg::Done { side, ticket } => {
            if !is_current(model, side, ticket) {
                return;
            }
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
        ListingMsg::Partial { side, ticket, why } => partial(model, side, ticket, &why),
        ListingMsg::Places {
            side,
            ticket,
            places,
        } => {
            if is_current(model, side, ticket) {
                model.pane_mut(side).places.extend(places);
            }
        }
        ListingMsg::Failed {
            side,
            ticket,
            error,
        } => {
            if !is_current(model, side, ticket) {
                return;
            }
            let pane = model.pane_mut(side);
            let text = format!("Cannot list {}: {error}", pane.location.display());
            pane.load = LoadState::Failed(error.message);
            model.error(text);
        }
    }
}

fn partial(model: &mut Model, side: Side, ticket: Ticket, why: &str) {
    if is_current(model, side, ticket) {
        super::trash::partial(model, why);
    }
}

fn is_current(model: &Model, side: Side, ticket: Ticket) -> bool {
    model.pane(side).load == LoadState::Loading(ticket)
}

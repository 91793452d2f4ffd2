//! Our own changes reach the panes as a [`Patch`] built from the API's answers. A pane that
//! shows a folder the change touched is patched in place (cursor and marks kept); one still
//! loading such a folder, or one the patch names for a re-list, lists it again. A finished
//! transfer batch asks for its new drive entries here too.

use super::{all_text, reload};
use crate::app::{Effect, LoadState, Model, Side};
use crate::fs::{EntryKey, Location, Patch};

/// Applies `patch` to both panes; `focus` is an entry to put the cursor on where it shows up
/// (a new folder).
pub fn apply(
    model: &mut Model,
    patch: &Patch,
    focus: Option<&(Location, EntryKey)>,
) -> Vec<Effect> {
    let rows = model.viewport.list_rows();
    let all_said = model.focused().all_marked
        && model.status.as_ref().map(|s| s.text.as_str())
            == Some(all_text(model.focused()).as_str());
    let mut effects = vec![];
    for side in [Side::Left, Side::Right] {
        let pane = model.pane_mut(side);
        if let Some((_, key)) = focus.filter(|(at, _)| *at == pane.location) {
            pane.want_cursor = Some(key.clone());
        }
        if patch.relist.iter().any(|d| d.covers(&pane.location)) {
            effects.push(relist(model, side));
            continue;
        }
        let Some(change) = patch.for_location(&pane.location) else {
            // The entry to land on may be listed already (`a` of a new `a/b`).
            let listed = pane
                .want_cursor
                .as_ref()
                .and_then(|k| pane.listing.position(k));
            if let (Some(at), LoadState::Done) = (listed, &pane.load) {
                pane.want_cursor = None;
                pane.set_cursor(at, rows);
            }
            continue;
        };
        if pane.load == LoadState::Done {
            pane.apply_patch(&change, rows);
        } else {
            // Pages still on their way may predate the change.
            effects.push(relist(model, side));
        }
    }
    if all_said && !model.focused().all_marked {
        model.status = None;
    }
    effects
}

/// Lists `side` again after our own change, in place. The trash view is listed from what
/// panfm knows (its trash index): our own changes are in it, and the recycle-bin call costs
/// 5 s of the free tier's budget.
fn relist(model: &mut Model, side: Side) -> Effect {
    let mut reload = reload(model, side, true);
    if let Effect::List {
        location: Location::Trash,
        fresh,
        ..
    } = &mut reload
    {
        *fresh = false;
    }
    reload
}

/// Where a finished batch's files went. Downloads and copies: local panes list again (no API
/// call).
/// Uploads: what the drive answered (the new ids) is fetched into the folders shown, the cached
/// listings of the other folders it touched are forgotten; image-space panes list again (its
/// answers are not used to patch). Offline downloads (asked after each finished job): the
/// folder the file landed in, whose new id nobody knows, is listed again.
pub fn landed(
    model: &mut Model,
    batch: crate::transfer::BatchId,
    direction: crate::transfer::Direction,
) -> Vec<Effect> {
    let relist = |loc: &Location| match direction {
        crate::transfer::Direction::Download | crate::transfer::Direction::Copy => {
            matches!(loc, Location::Local(_))
        }
        crate::transfer::Direction::Upload => loc.is_images(),
        crate::transfer::Direction::Offline => false,
    };
    let sides: Vec<Side> = [Side::Left, Side::Right]
        .into_iter()
        .filter(|s| relist(&model.pane(*s).location))
        .collect();
    let mut effects: Vec<Effect> = sides.into_iter().map(|s| reload(model, s, true)).collect();
    let made = model.transfers.take_created(batch);
    if made.is_empty() {
        return effects;
    }
    let shown: Vec<i64> = model
        .panes
        .iter()
        .filter_map(|p| match &p.location {
            Location::Cloud(dir) => Some(dir.id()),
            _ => None,
        })
        .collect();
    let (made, elsewhere): (Vec<_>, Vec<_>) =
        made.into_iter().partition(|(dir, _)| shown.contains(dir));
    let mut forget: Vec<i64> = elsewhere.into_iter().map(|(dir, _)| dir).collect();
    forget.dedup();
    effects.push(Effect::Adopt { made, forget });
    effects
}

//! Cloud-specific browsing: switching a pane between local, cloud and the image space, the
//! account header, entry details, search, and entering directories found by search (whose
//! path must first be resolved).

use crate::app::{
    CloudMsg, DetailsState, Effect, EntryDetails, InputPurpose, LoadState, Modal, Model,
};
use crate::fs::{CloudDir, EntryKey, Location};

/// Effects for start-up when a cloud account is configured.
pub fn start(model: &Model) -> Option<Effect> {
    model.cloud_enabled.then_some(Effect::FetchAccount)
}

pub fn update(model: &mut Model, msg: CloudMsg) -> Vec<Effect> {
    match msg {
        CloudMsg::Account(Ok(account)) => model.account = Some(account),
        CloudMsg::Account(Err(e)) => model.error(format!("Cannot read the account: {e}")),
        CloudMsg::Details { id, result } => {
            let Some(Modal::Details(state)) = &mut model.modal else {
                return vec![];
            };
            if state.details.id != Some(id) {
                return vec![];
            }
            state.loading = false;
            match result {
                Ok(details) => state.details = details,
                Err(e) => state.error = Some(e.message),
            }
        }
        CloudMsg::Destination { .. } | CloudMsg::Opened { .. } => {}
        CloudMsg::Resolved {
            side,
            ticket,
            want,
            result,
        } => {
            if model.pane(side).load != LoadState::Loading(ticket) {
                return vec![];
            }
            return match result {
                Ok(dir) => vec![super::moves::go(
                    model,
                    side,
                    Location::Cloud(dir),
                    true,
                    want,
                )],
                Err(e) => {
                    model.pane_mut(side).load = LoadState::Done;
                    model.error(format!("Cannot open that directory: {e}"));
                    vec![]
                }
            };
        }
    }
    vec![]
}

pub fn switch_backend(model: &mut Model) -> Vec<Effect> {
    if !model.cloud_enabled {
        model.error(
            "No cloud account: run `panfm login`, set PANFM_CLIENT_ID/SECRET, or try --demo",
        );
        return vec![];
    }
    let side = model.focus;
    let pane = model.pane(side);
    // Local → cloud → image space → local; each backend returns to the last place this pane
    // showed on it (`moves::go` keeps those), a pane new to the local disk to where panfm
    // started.
    let next = (super::moves::backend(&pane.location) + 1) % 3;
    let parked = pane
        .parked
        .iter()
        .find(|l| super::moves::backend(l) == next)
        .cloned();
    let to = match parked {
        Some(loc) => loc,
        None if next == 1 => Location::Cloud(CloudDir::root()),
        None if next == 2 => Location::Images(crate::fs::ImageDir::root()),
        None => match model.start_dir.clone().or_else(|| model.home.clone()) {
            Some(path) => Location::Local(path),
            None => Location::Local("/".into()),
        },
    };
    vec![super::moves::go(model, side, to, true, None)]
}

pub fn search(model: &mut Model) {
    if !model.focused().location.is_cloud() {
        model.error("Search works on the cloud drive: switch this pane with b first");
        return;
    }
    super::moves::open(model, InputPurpose::Search, "");
}

pub fn details(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    let Some(entry) = pane.current() else {
        return vec![];
    };
    let id = match entry.key {
        EntryKey::Cloud(id) => Some(id),
        EntryKey::Local(_) => None,
        // Image-space entries have their own (`route::details` sends them there).
        EntryKey::Image(_) => return vec![],
    };
    let details = EntryDetails {
        id,
        ..EntryDetails::listed(entry)
    };
    // Search results and the trash name the entry's own folder.
    let location = match pane.place_of(entry) {
        Some(dir) => Location::Cloud(dir.clone()),
        None => pane.location.clone(),
    };
    model.modal = Some(Modal::Details(DetailsState {
        location,
        details,
        loading: id.is_some(),
        error: None,
    }));
    id.map(|id| Effect::FetchDetails { id })
        .into_iter()
        .collect()
}

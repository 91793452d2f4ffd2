//! The cloud trash view: showing it, restoring from it, the full scan on request, the note when
//! the recycle bin could not be listed, and restores and purges applied to the view in place
//! (the trash is slow to list on the free tier: one page per 5 s).

use super::moves::{ask, count, selection};
use crate::app::{Effect, Model, OpSpec};
use crate::config::{Command, Layer};
use crate::fs::Location;

pub fn show(model: &mut Model) -> Vec<Effect> {
    if !model.cloud_enabled {
        model.error("No cloud account: the trash belongs to the cloud drive");
        return vec![];
    }
    vec![super::moves::go(
        model,
        model.focus,
        Location::Trash,
        true,
        None,
    )]
}

pub fn restore(model: &mut Model) {
    let items = selection(model);
    if items.is_empty() {
        return;
    }
    let pane = model.focused();
    let places: Vec<Option<String>> = items
        .iter()
        .map(|i| {
            let at = pane.listing.position(&i.key)?;
            let entry = pane.listing.get(at)?;
            pane.place_of(entry).map(|d| match d.trail.is_empty() {
                true => "/ (the root)".to_owned(),
                false => d.path(),
            })
        })
        .collect();
    let mut known: Vec<&String> = places.iter().flatten().collect();
    known.sort();
    known.dedup();
    let n = count(items.len());
    let title = match (known.as_slice(), places.iter().all(Option::is_some)) {
        ([one], true) => format!("Restore {n} to {one}?"),
        ([], _) => format!("Restore {n} to where they were?"),
        _ => format!("Restore {n} to their folders?"),
    };
    let mut lines: Vec<String> = items
        .iter()
        .zip(&places)
        .take(8)
        .map(|(i, at)| match at {
            Some(at) => format!("  {}  → {at}", i.name),
            None => format!("  {}  → where it was (not known here)", i.name),
        })
        .collect();
    if items.len() > 8 {
        lines.push(format!("  … and {} more", items.len() - 8));
    }
    let spec = OpSpec::Restore {
        items: items.clone(),
        to: None,
    };
    ask(model, title, lines, spec, false);
}

/// The full scan: every cloud folder walked for trashed entries.
pub fn scan(model: &mut Model) -> Vec<Effect> {
    let side = model.focus;
    if model.pane(side).location != Location::Trash {
        let key = scan_key(model);
        model.error(format!(
            "{key} scans the drive for the trash: open the trash first ({})",
            model
                .keymap
                .key_for(Layer::Browse, Command::ShowTrash)
                .unwrap_or_else(|| "show_trash".into())
        ));
        return vec![];
    }
    let Effect::List { ticket, .. } = super::moves::reload(model, side, true) else {
        return vec![];
    };
    model.info("Full scan of the trash started: every cloud folder is listed (slow)");
    vec![Effect::ScanTrash { side, ticket }]
}

/// The recycle bin could not be listed: the view shows what panfm knew.
pub fn partial(model: &mut Model, why: &str) {
    let key = scan_key(model);
    model.error(format!(
        "The trash could not be listed ({why}); showing what this session knows. \
         {key}: full scan of every folder"
    ));
}

fn scan_key(model: &Model) -> String {
    model
        .keymap
        .key_for(Layer::Browse, Command::ScanTrash)
        .unwrap_or_else(|| "scan_trash".into())
}

//! The questions before a copy, a move or a transfer, and local → local copies through the
//! transfer queue. Local copies go through the queue like uploads and downloads: the same
//! question (what to do when a name exists, `p`; another destination, `e`), then progress,
//! pause, cancel and retry in the queue. A move whose entries a rename could not move (they
//! are on another file system) copies them through the queue too, and deletes the originals
//! once every file arrived.

use super::question::{ask, count, names};
use crate::app::{AskCheck, Effect, Modal, Model, OpItem, OpSpec, TransferAsk, TransferCmd};
use crate::fs::{EntryKey, Location};
use crate::transfer::TransferSpec;
use std::path::{Path, PathBuf};

/// Whether `spec` is a copy this module asks about: local to local, with the queue running.
fn queued(model: &Model, spec: &OpSpec) -> bool {
    model.transfers.enabled
        && matches!(
            spec,
            OpSpec::Copy {
                from: Location::Local(_),
                to: Location::Local(_),
                ..
            }
        )
}

fn sources(dir: &Path, items: &[OpItem]) -> Vec<PathBuf> {
    items
        .iter()
        .filter_map(|i| match &i.key {
            EntryKey::Local(raw) => Some(dir.join(raw)),
            _ => None,
        })
        .collect()
}

/// The question before local copy `spec` (an `OpSpec::Copy` between local folders).
fn ask_copy(model: &mut Model, spec: OpSpec) {
    let OpSpec::Copy {
        from: from @ Location::Local(dir),
        items,
        to: to @ Location::Local(dest),
    } = &spec
    else {
        return;
    };
    let transfer = TransferSpec::LocalCopy {
        sources: sources(dir, items),
        dest_dir: dest.clone(),
        policy: model.settings.conflict,
    };
    // Folder sizes are unknown until the tree is walked; say so rather than print 0 B.
    let size = match items.iter().any(|i| i.is_dir) {
        true => String::new(),
        false => {
            let pane = model.focused();
            let bytes: u64 = pane
                .listing
                .all()
                .iter()
                .filter(|e| items.iter().any(|i| i.key == e.key))
                .map(|e| e.size)
                .sum();
            format!(
                " ({})",
                crate::fmt::size(bytes, model.settings.formats.units)
            )
        }
    };
    let title = format!(
        "Copy {}{size} to {}?   (e: another destination)",
        count(items.len()),
        to.display()
    );
    let root = Some(from.display());
    let mut ask = TransferAsk::new(title, names(items), transfer, None, root);
    ask.retarget = Some(spec);
    model.modal = Some(Modal::TransferAsk(ask));
}

/// The part of a local move that renaming could not do (`across`: a move of the entries on
/// another file system): queued as a copy whose originals are deleted once all arrived.
pub fn across(model: &mut Model, across: OpSpec) -> Vec<Effect> {
    let OpSpec::Move {
        from,
        items,
        to: Location::Local(dest),
    } = across
    else {
        return vec![];
    };
    let Location::Local(dir) = &from else {
        return vec![];
    };
    if !model.transfers.enabled {
        model.error(format!(
            "{} on another file system could not be moved: the transfer queue is not running",
            count(items.len())
        ));
        return vec![];
    }
    model.info(format!(
        "{} on another file system: copied through the queue (t shows it), the originals \
         deleted once all arrived",
        count(items.len())
    ));
    let spec = TransferSpec::LocalCopy {
        sources: sources(dir, &items),
        dest_dir: dest,
        policy: model.settings.conflict,
    };
    let root = Some(from.display());
    let then = Some(OpSpec::Delete { at: from, items });
    vec![Effect::Transfer(TransferCmd::Submit { spec, then, root })]
}

/// The question before a copy or move (its destination can be changed with `e`).
pub fn ask_transfer(model: &mut Model, spec: OpSpec) {
    if queued(model, &spec) {
        return ask_copy(model, spec);
    }
    let (verb, items, to) = match &spec {
        OpSpec::Copy { items, to, .. } => ("Copy", items, to),
        OpSpec::Move { items, to, .. } => ("Move", items, to),
        _ => return,
    };
    let title = format!(
        "{verb} {} to {}?   (e: another destination)",
        count(items.len()),
        to.display()
    );
    let lines = names(items);
    ask(model, title, lines, spec, false);
}

/// Shows the question and starts walking an upload's sources for it.
pub fn open_transfer(model: &mut Model, mut ask: TransferAsk) -> Vec<Effect> {
    let effects = check(model, &mut ask);
    model.modal = Some(Modal::TransferAsk(ask));
    effects
}

/// (Re)starts the walk of `ask`'s sources; a download and a local copy have none.
pub fn check(model: &mut Model, ask: &mut TransferAsk) -> Vec<Effect> {
    if matches!(
        ask.spec,
        TransferSpec::Download { .. } | TransferSpec::LocalCopy { .. }
    ) {
        ask.check = AskCheck::None;
        return vec![];
    }
    let ticket = model.take_ticket();
    ask.check = AskCheck::Running { ticket };
    ask.scroll = 0;
    vec![Effect::CheckUpload {
        ticket,
        spec: ask.spec.clone(),
    }]
}

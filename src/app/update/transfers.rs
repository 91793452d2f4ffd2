//! Uploads, downloads and local copies from the browser: the question before a batch (destination, conflict
//! policy, full-width names, and what walking an upload's sources found), engine events
//! (summaries, the new entries brought into the panes by `moves::landed`, deleting the
//! originals of a move once everything arrived verified), and the question's keys. The
//! queue panel is `queue`.

use super::moves::{check, count, edit_destination, open_transfer, selection, start};
use crate::app::{
    AskCheck, ConfirmState, Effect, Modal, Model, OpItem, OpSpec, TransferAsk, TransferCmd,
    TransferMsg,
};
use crate::config::Command;
use crate::fs::{EntryKey, Location};
use crate::transfer::{
    BatchId, BatchInfo, CloudItem, ConflictPolicy, Direction, JobState, TransferEvent, TransferSpec,
};

/// Said when another panfm runs the saved queue (its lock is taken).
pub const UNKEPT: &str =
    "another panfm is running the transfer queue; transfers here are not kept after exit";

fn files_count(n: u64) -> String {
    match n {
        1 => "1 file".to_owned(),
        n => format!("{n} files"),
    }
}

/// F5/F6 between a local and a cloud pane: ask (an upload's sources are walked meanwhile for
/// what the cloud would refuse), then queue.
pub fn ask(model: &mut Model, moving: bool) -> Vec<Effect> {
    if !model.transfers.enabled {
        model.error("Transfers need a cloud account");
        return vec![];
    }
    let items = selection(model);
    if items.is_empty() {
        return vec![];
    }
    let (from, to) = (
        model.focused().location.clone(),
        model.pane(model.focus.other()).location.clone(),
    );
    let bytes: u64 = {
        let pane = model.focused();
        pane.listing
            .all()
            .iter()
            .filter(|e| items.iter().any(|i| i.key == e.key))
            .map(|e| e.size)
            .sum()
    };
    let (spec, verb, then) = match (&from, &to) {
        (Location::Local(dir), Location::Cloud(dest)) => {
            let sources = items.iter().filter_map(|i| match &i.key {
                EntryKey::Local(raw) => Some(dir.join(raw)),
                _ => None,
            });
            let spec = TransferSpec::Upload {
                sources: sources.collect(),
                dest_dir: dest.id(),
                policy: model.settings.conflict,
                fix_names: false,
            };
            let then = moving.then(|| OpSpec::Delete {
                at: from.clone(),
                items: items.clone(),
            });
            (spec, "Upload", then)
        }
        (Location::Cloud(_) | Location::Search(_), Location::Local(dest)) => {
            let sources = cloud_items(model, &items);
            let spec = TransferSpec::Download {
                sources,
                dest_dir: dest.clone(),
                policy: model.settings.conflict,
            };
            let then = moving.then(|| OpSpec::Trash {
                at: from.clone(),
                items: items.clone(),
            });
            (spec, "Download", then)
        }
        _ => {
            model.error(format!(
                "Cannot transfer from {} to {}",
                from.display(),
                to.display()
            ));
            return vec![];
        }
    };
    let root = match (&from, &to) {
        (_, Location::Cloud(d)) | (Location::Cloud(d), _) => Some(format!("cloud:{}", d.path())),
        _ => None,
    };
    // Folder sizes are unknown until the tree is walked; say so rather than print 0 B.
    let size = if items.iter().any(|i| i.is_dir) {
        String::new()
    } else {
        format!(
            " ({})",
            crate::fmt::size(bytes, model.settings.formats.units)
        )
    };
    let title = format!("{verb} {}{size} to {}?", count(items.len()), to.display());
    let mut lines: Vec<String> = items
        .iter()
        .take(6)
        .map(|i| format!("  {}", i.name))
        .collect();
    if items.len() > 6 {
        lines.push(format!("  … and {} more", items.len() - 6));
    }
    open_transfer(model, TransferAsk::new(title, lines, spec, then, root))
}

fn cloud_items(model: &Model, items: &[OpItem]) -> Vec<CloudItem> {
    let pane = model.focused();
    items
        .iter()
        .filter_map(|i| {
            let EntryKey::Cloud(id) = i.key else {
                return None;
            };
            let e = pane.listing.all().iter().find(|e| e.key == i.key)?;
            let etag = e.etag.clone().unwrap_or_default();
            Some(CloudItem {
                id,
                name: e.name.clone(),
                is_dir: e.is_dir(),
                size: e.size,
                etag,
                modified: e.mtime,
            })
        })
        .collect()
}

/// `e` in the question: type another destination; the question comes back for it.
pub fn retarget(model: &mut Model) {
    let Some(Modal::TransferAsk(ask)) = &model.modal else {
        return;
    };
    let Some(spec) = ask.retarget.clone() else {
        model.error("Only copies and moves have a destination to change");
        return;
    };
    model.modal = Some(Modal::Confirm(ConfirmState {
        title: String::new(),
        lines: vec![],
        spec,
        danger: false,
        step: None,
    }));
    edit_destination(model);
}

/// Keys in the question before a transfer.
pub fn question(model: &mut Model, cmd: Command) -> Vec<Effect> {
    if cmd == Command::EditTarget {
        retarget(model);
        return vec![];
    }
    let Some(Modal::TransferAsk(ask)) = &mut model.modal else {
        return vec![];
    };
    match cmd {
        Command::Accept | Command::Yes => {
            let (spec, then, root) = (ask.spec.clone(), ask.then.clone(), ask.root.clone());
            model.modal = None;
            super::moves::clear(model);
            match model.transfers.unkept {
                true => model.info(format!("Queued, {UNKEPT}")),
                false => model.info("Queued: t shows the transfer queue"),
            }
            let submit = TransferCmd::Submit { spec, then, root };
            return vec![Effect::Transfer(submit)];
        }
        Command::CursorDown => {
            if let AskCheck::Done(c) = &ask.check {
                ask.scroll = (ask.scroll + 1).min(c.refused.len().saturating_sub(1));
            }
        }
        Command::CursorUp => ask.scroll = ask.scroll.saturating_sub(1),
        Command::Escape => model.modal = None,
        Command::CyclePolicy => {
            let policy = match &mut ask.spec {
                TransferSpec::Upload { policy, .. }
                | TransferSpec::Download { policy, .. }
                | TransferSpec::LocalCopy { policy, .. } => policy,
                TransferSpec::SyncUpload(s) => &mut s.policy,
                TransferSpec::SyncDownload(s) => &mut s.policy,
                TransferSpec::ImageUpload { .. } | TransferSpec::Offline { .. } => return vec![],
            };
            *policy = match policy {
                ConflictPolicy::Ask => ConflictPolicy::Skip,
                ConflictPolicy::Skip => ConflictPolicy::Overwrite,
                ConflictPolicy::Overwrite => ConflictPolicy::KeepBoth,
                ConflictPolicy::KeepBoth => ConflictPolicy::Ask,
            };
        }
        Command::AutoFix => {
            if let TransferSpec::Upload { fix_names, .. } = &mut ask.spec {
                *fix_names = !*fix_names;
                let mut ask = ask.clone();
                let effects = check(model, &mut ask);
                model.modal = Some(Modal::TransferAsk(ask));
                return effects;
            }
        }
        _ => {}
    }
    vec![]
}

/// Claims the end of a batch for another domain (an edit's upload or download), with the
/// effects it has then; `None` leaves it to the summary here.
pub type Claim = fn(&mut Model, BatchId, &BatchInfo) -> Option<Vec<Effect>>;

pub fn update(model: &mut Model, msg: TransferMsg, claim: Claim) -> Vec<Effect> {
    match msg {
        TransferMsg::Restored(snapshot) => {
            model.transfers.restore(snapshot);
            let n = model.transfers.unfinished();
            if n > 0 {
                model.info(format!(
                    "{} from the last session resume (t shows the queue)",
                    count(n)
                ));
            }
            vec![]
        }
        TransferMsg::Unkept => {
            model.transfers.unkept = true;
            model.info(UNKEPT);
            vec![]
        }
        TransferMsg::Submitted { batch, then, root } => {
            if let Some(then) = then {
                model.transfers.then.insert(batch, then);
            }
            if let Some(root) = root {
                model.transfers.roots.insert(batch, root);
            }
            follow_up(model, batch)
        }
        TransferMsg::Checked { ticket, check } => {
            if let Some(Modal::TransferAsk(ask)) = &mut model.modal
                && ask.check == (AskCheck::Running { ticket })
            {
                ask.check = AskCheck::Done(check);
            }
            vec![]
        }
        TransferMsg::Event { at, event } => {
            let done = match &event {
                TransferEvent::BatchDone { batch, .. } => Some(*batch),
                TransferEvent::NoRoom {
                    files, bytes, free, ..
                } => {
                    model.error(format!(
                        "{} ({}) won't fit in the cloud: {} free",
                        files_count(*files),
                        crate::fmt::size(*bytes, model.settings.formats.units),
                        crate::fmt::size(*free, model.settings.formats.units)
                    ));
                    None
                }
                TransferEvent::State {
                    state: JobState::Conflict(c),
                    ..
                } if !matches!(model.modal, Some(Modal::Queue { .. })) => {
                    model.error(format!("{} exists in {}: t to decide", c.name, c.target));
                    None
                }
                _ => None,
            };
            let selected = super::queue::selected(model);
            let added = match &event {
                TransferEvent::Added { job } => Some(job.batch),
                _ => None,
            };
            let fetched = fetched(model, &event);
            model.transfers.apply(at, event);
            super::queue::follow(model, selected, added);
            let mut effects = fetched.map_or(vec![], |batch| {
                super::moves::landed(model, batch, Direction::Offline)
            });
            effects.extend(done.map_or(vec![], |batch| finished(model, batch, claim)));
            effects
        }
    }
}

/// The batch of an offline download that just finished: its folder is listed again now,
/// not when the whole batch is over.
fn fetched(model: &Model, event: &TransferEvent) -> Option<BatchId> {
    let TransferEvent::State {
        job,
        state: JobState::Done { .. },
    } = event
    else {
        return None;
    };
    let row = model.transfers.jobs.iter().find(|j| j.info.id == *job)?;
    (row.info.direction == Direction::Offline).then_some(row.info.batch)
}

fn finished(model: &mut Model, batch: BatchId, claim: Claim) -> Vec<Effect> {
    let Some(b) = model.transfers.batches.get(&batch).cloned() else {
        return vec![];
    };
    if let Some(effects) = claim(model, batch, &b) {
        return effects;
    }
    let verb = match b.direction {
        Direction::Upload => "Upload",
        Direction::Download => "Download",
        Direction::Copy => "Copy",
        Direction::Offline => "Offline download",
    };
    let saved = match (b.reused_bytes > 0, b.direction) {
        (false, _) | (true, Direction::Offline) => String::new(),
        (true, Direction::Upload) => format!(
            ", {} saved by instant upload",
            crate::fmt::size(b.reused_bytes, model.settings.formats.units)
        ),
        (true, Direction::Download | Direction::Copy) => {
            format!(
                ", {} already here",
                crate::fmt::size(b.reused_bytes, model.settings.formats.units)
            )
        }
    };
    let text = format!(
        "{verb} finished: {} done, {} failed, {} skipped{saved}",
        b.ok,
        b.failed,
        b.skipped + b.cancelled
    );
    if b.failed > 0 {
        model.error(text)
    } else {
        model.info(text)
    }
    let mut effects = super::moves::landed(model, batch, b.direction);
    // What went up (or was fetched) counts against the quota shown in the cloud pane's title.
    if b.direction != Direction::Download && b.ok > 0 && model.cloud_enabled {
        effects.push(Effect::FetchAccount);
    }
    effects.extend(follow_up(model, batch));
    effects
}

/// Runs a move's deletion once its batch is over — only if every file arrived verified.
fn follow_up(model: &mut Model, batch: BatchId) -> Vec<Effect> {
    let Some(b) = model.transfers.batches.get(&batch) else {
        return vec![];
    };
    if b.planning || b.ok + b.failed + b.skipped + b.cancelled < b.files {
        return vec![];
    }
    let Some(then) = model.transfers.then.remove(&batch) else {
        return vec![];
    };
    if b.failed + b.skipped + b.cancelled > 0 || b.ok < b.files {
        model.error(format!(
            "Kept the originals: {} of {} files did not arrive",
            b.files - b.ok,
            b.files
        ));
        return vec![];
    }
    vec![start(model, then)]
}

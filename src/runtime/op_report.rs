//! Building an operation's [`OpReport`] from what the backends answered, shared by the local,
//! cloud and image-space runners: the batch ids of an op's items, batch outcomes (and their
//! listing patches) folded in with failed items named as the user saw them, a mkdir's new
//! entry to focus, and the undo record of renames and moves.

use crate::app::{OpItem, OpReport, OpSpec, UndoAction, UndoRecord};
use crate::fs::{BatchOutcome, EntryKey, FsError, Location, Patch};

/// An id a cloud backend takes in batches: the entries that carry one, and how to name an
/// item that is not among the op's items.
pub(super) trait BatchId: Clone + PartialEq {
    fn of(key: &EntryKey) -> Option<Self>;
    fn key(&self) -> EntryKey;
    fn unnamed(self) -> String;
}

impl BatchId for i64 {
    fn of(key: &EntryKey) -> Option<Self> {
        match key {
            EntryKey::Cloud(id) => Some(*id),
            _ => None,
        }
    }
    fn key(&self) -> EntryKey {
        EntryKey::Cloud(*self)
    }
    fn unnamed(self) -> String {
        format!("id {self}")
    }
}

impl BatchId for String {
    fn of(key: &EntryKey) -> Option<Self> {
        match key {
            EntryKey::Image(id) => Some(id.clone()),
            _ => None,
        }
    }
    fn key(&self) -> EntryKey {
        EntryKey::Image(self.clone())
    }
    fn unnamed(self) -> String {
        self
    }
}

/// The ids of the items that have one of this kind.
pub(super) fn ids<Id: BatchId>(items: &[OpItem]) -> Vec<Id> {
    items.iter().filter_map(|i| Id::of(&i.key)).collect()
}

/// The name of the item with `key`, if it is one of `items`.
pub(super) fn name_of(items: &[OpItem], key: &EntryKey) -> Option<String> {
    items.iter().find(|i| &i.key == key).map(|i| i.name.clone())
}

/// Folds a batch outcome into a report, naming failed items as `items` do.
pub(super) fn fold<Id: BatchId>(report: &mut OpReport, out: BatchOutcome<Id>, items: &[OpItem]) {
    report.ok += out.ok.len();
    report.patch.extend(out.patch);
    for (id, reason) in out.failed {
        let name = name_of(items, &id.key()).unwrap_or_else(|| id.unnamed());
        report.failed.push((name, reason));
    }
}

/// Notes a mkdir in `at`: the new folder to focus, or why it failed.
pub(super) fn made<Id: BatchId>(
    report: &mut OpReport,
    at: &Location,
    name: &str,
    made: Result<(Id, Patch), FsError>,
) {
    match made {
        Ok((id, patch)) => {
            report.ok = 1;
            report.focus = Some((at.clone(), id.key()));
            report.patch.extend(patch);
        }
        Err(e) => report.failed.push((name.to_owned(), e.message)),
    }
}

/// A move from `from` to `to` of `items` came back as `out`: counts it and records how to
/// undo it for the items that went.
pub(super) fn moved<Id: BatchId>(
    report: &mut OpReport,
    spec: &OpSpec,
    (from, to): (&Location, &Location),
    items: &[OpItem],
    out: BatchOutcome<Id>,
) {
    let undo = items
        .iter()
        .filter(|i| Id::of(&i.key).is_some_and(|id| out.ok.contains(&id)))
        .map(|i| UndoAction::Move {
            item: i.clone(),
            now_in: to.clone(),
            back_to: from.clone(),
        })
        .collect();
    fold(report, out, items);
    report.undo = undo_record(spec, undo);
}

pub(super) fn undo_record(spec: &OpSpec, actions: Vec<UndoAction>) -> Option<UndoRecord> {
    if actions.is_empty() {
        return None;
    }
    let n = match actions.len() {
        1 => "1 entry".to_owned(),
        n => format!("{n} entries"),
    };
    let description = match spec {
        OpSpec::Rename { at, .. } => format!("rename of {n} in {}", at.display()),
        OpSpec::Move { from, to, .. } => {
            format!("move of {n} from {} to {}", from.display(), to.display())
        }
        _ => return None,
    };
    Some(UndoRecord {
        description,
        actions,
    })
}

pub(super) fn failed_all(reason: &str) -> OpReport {
    OpReport {
        failed: vec![("(all)".into(), reason.to_owned())],
        ..OpReport::default()
    }
}

//! File operations as data: what `update` asks the runtime to do to files ([`OpSpec`]), and what
//! comes back ([`OpMsg`], [`OpReport`]). Batches report progress and per-item failures; batch
//! renames and moves also return how to undo them.

use crate::fs::{CloudDir, EntryKey, Location, Patch};

pub type OpId = u64;

/// One entry an operation acts on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpItem {
    pub key: EntryKey,
    pub name: String,
    pub is_dir: bool,
}

/// One rename, executed in order (a plan's steps may pass through temporary names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameStep {
    pub key: EntryKey,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpSpec {
    /// `name` may be several levels, `a/b`: each missing one is made (`mkdir -p`).
    Mkdir { at: Location, name: String },
    Rename {
        at: Location,
        steps: Vec<RenameStep>,
    },
    /// Within one backend: cloud `file/move`, local `rename` (entries on another file system
    /// come back in `OpReport::across`, for the transfer queue to copy).
    Move {
        from: Location,
        items: Vec<OpItem>,
        to: Location,
    },
    /// Within one backend: cloud copy API, local recursive copy (when the transfer queue is
    /// not running; otherwise local copies are queued).
    Copy {
        from: Location,
        items: Vec<OpItem>,
        to: Location,
    },
    /// To the trash (restorable): the cloud's, or the system trash for local entries.
    Trash { at: Location, items: Vec<OpItem> },
    /// Local: remove for good. Cloud: purge items that are already in the trash.
    Delete { at: Location, items: Vec<OpItem> },
    /// Cloud trash: back to the original place, or into `to` when given.
    Restore {
        items: Vec<OpItem>,
        to: Option<CloudDir>,
    },
}

impl OpSpec {
    /// Verb for messages: "Renamed: 3 done, 1 failed".
    pub fn verb(&self) -> &'static str {
        match self {
            OpSpec::Mkdir { .. } => "Created",
            OpSpec::Rename { .. } => "Renamed",
            OpSpec::Move { .. } | OpSpec::Trash { .. } => "Moved",
            OpSpec::Copy { .. } => "Copied",
            OpSpec::Delete { .. } => "Deleted",
            OpSpec::Restore { .. } => "Restored",
        }
    }

    /// What the whole batch did, for the status line: "Moved 3 items to the trash".
    pub fn summary(&self) -> String {
        let n = match self.len() {
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        };
        match self {
            OpSpec::Trash { .. } => format!("Moved {n} to the trash"),
            OpSpec::Mkdir { name, .. } => format!("Created {name}"),
            _ => format!("{} {n}", self.verb()),
        }
    }

    /// What the batch is doing, for the status line while it runs: "Moving 3 items to the
    /// trash".
    pub fn running(&self) -> String {
        let n = match self.len() {
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        };
        match self {
            OpSpec::Trash { .. } => format!("Moving {n} to the trash"),
            OpSpec::Mkdir { name, .. } => format!("Creating {name}"),
            _ => format!("{} {n}", self.action()),
        }
    }

    /// The operation as a noun phrase: "A move to the trash is not possible here".
    pub fn action(&self) -> &'static str {
        match self {
            OpSpec::Mkdir { .. } => "Creating a directory",
            OpSpec::Rename { .. } => "Renaming",
            OpSpec::Move { .. } => "Moving",
            OpSpec::Copy { .. } => "Copying",
            OpSpec::Trash { .. } => "Moving to the trash",
            OpSpec::Delete { .. } => "Deleting",
            OpSpec::Restore { .. } => "Restoring",
        }
    }

    /// Items in the batch (for progress totals).
    pub fn len(&self) -> usize {
        match self {
            OpSpec::Mkdir { .. } => 1,
            OpSpec::Rename { steps, .. } => steps.len(),
            OpSpec::Move { items, .. }
            | OpSpec::Copy { items, .. }
            | OpSpec::Trash { items, .. }
            | OpSpec::Delete { items, .. }
            | OpSpec::Restore { items, .. } => items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the operation works on the local disk only (otherwise on the cloud or the
    /// image space; see `touches_images`).
    pub fn is_local(&self) -> bool {
        match self {
            OpSpec::Mkdir { at, .. }
            | OpSpec::Rename { at, .. }
            | OpSpec::Trash { at, .. }
            | OpSpec::Delete { at, .. } => matches!(at, Location::Local(_)),
            OpSpec::Move { from, to, .. } | OpSpec::Copy { from, to, .. } => {
                matches!(from, Location::Local(_)) && !to.is_images()
            }
            OpSpec::Restore { .. } => false,
        }
    }
}

/// How to reverse a finished batch rename or move (what `undo` previews and runs).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UndoRecord {
    pub description: String,
    pub actions: Vec<UndoAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UndoAction {
    /// Rename `key` (now named `from`) back to `to` inside `at`.
    Rename {
        at: Location,
        key: EntryKey,
        from: String,
        to: String,
    },
    /// Move `item` from `now_in` back to `back_to`.
    Move {
        item: OpItem,
        now_in: Location,
        back_to: Location,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpReport {
    pub ok: usize,
    /// `(name, reason)` of every item that failed.
    pub failed: Vec<(String, String)>,
    /// Set for renames and moves that changed something.
    pub undo: Option<UndoRecord>,
    /// Cloud restores that could not go back because their folder is gone.
    pub orphaned: Vec<OpItem>,
    /// A local move's entries that a rename could not move (another file system), as a move
    /// of just those: the transfer queue copies them, then the originals are deleted.
    pub across: Option<OpSpec>,
    /// The entry to put the cursor on afterwards (e.g. a new directory).
    pub focus: Option<(Location, EntryKey)>,
    /// What the change did to listings, from the answers (the backend's cache has it already).
    pub patch: Patch,
}

#[derive(Debug, Clone)]
pub enum OpMsg {
    Progress { op: OpId, done: usize, total: usize },
    Finished { op: OpId, report: Box<OpReport> },
}

//! Compare directories and the sync question as the model tracks them. Both put two
//! [`Tree`]s side by side and run the sync planner on them: compare (`C-x d`) the two panes'
//! folders one level deep, the sync question whole trees below the chosen folders (walked by
//! the runtime first). Local files whose verdict needs an MD5 (the same size as the other
//! side's) are hashed by the runtime off the update loop, through the MD5 cache; a job carries
//! a ticket and answers for another are dropped.

use crate::fs::Location;
use crate::sync::{SyncPlan, Tree};
use crate::transfer::CloudItem;
use std::collections::HashMap;
use std::path::PathBuf;

use super::pane::Ticket;

/// What is under way, if anything, and what waits for deletions to end.
#[derive(Debug, Clone, Default)]
pub struct CompareState {
    pub job: Option<Comparing>,
    /// A sync's transfer, submitted once the trash operations `ops` have all ended (the
    /// planner puts deletions first: a folder replacing a file needs the name free).
    pub after: Option<(Vec<super::ops::OpId>, super::effect::TransferCmd)>,
}

#[derive(Debug, Clone)]
pub struct Comparing {
    pub ticket: Ticket,
    pub stage: Stage,
    /// The two sides: for compare the left and right panes, for a sync source and destination.
    pub trees: [Tree; 2],
    /// The local folder each side's paths are below (`None`: a cloud side).
    pub roots: [Option<PathBuf>; 2],
    pub purpose: Purpose,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The runtime walks the sync's trees.
    Walking,
    /// Hashing: bytes done of all to hash, and the file being read.
    Hashing { done: u64, total: u64, file: String },
}

#[derive(Debug, Clone)]
pub enum Purpose {
    /// Compare the panes' folders (`at`: where each pane was, to drop a result for a pane
    /// that moved meanwhile).
    Dirs {
        at: [Location; 2],
        /// Each side's entries by name, to mark them.
        keys: [HashMap<String, crate::fs::EntryKey>; 2],
    },
    Sync(Box<SyncJob>),
}

/// Which folders a sync covers, between which panes' folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncJob {
    /// From the local pane to the cloud one.
    pub upload: bool,
    /// The local pane's folder and the cloud pane's.
    pub local: PathBuf,
    pub cloud: crate::fs::CloudDir,
    /// The chosen folders' names (in the source pane's folder); every path starts with one.
    pub names: Vec<String>,
    /// The cloud entries walked, by path below `cloud` (files and folders).
    pub items: HashMap<String, CloudItem>,
    /// Cloud files 123pan's review rejected (they cannot be downloaded), by path below
    /// `cloud`; a download sync leaves them and their local namesakes alone.
    pub rejected: Vec<String>,
}

/// What the runtime does for compare and sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareEffect {
    /// MD5s of local `files` (with their listed sizes), through the MD5 cache, answering
    /// `CompareMsg::Progress` now and then and `CompareMsg::Hashed` at the end.
    Hash {
        ticket: Ticket,
        files: Vec<(PathBuf, u64)>,
    },
    /// Stop the running hash (Esc): it answers nothing more.
    Stop,
    /// Walk folders `names` below local folder `local` and below cloud folder `cloud`,
    /// answering `CompareMsg::Walked`.
    Walk {
        ticket: Ticket,
        local: PathBuf,
        cloud: i64,
        names: Vec<String>,
    },
}

/// The local and the cloud trees of a sync (paths start with the chosen folders' names),
/// and the cloud entries by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walked {
    pub local: Tree,
    pub cloud: Tree,
    pub items: HashMap<String, CloudItem>,
    /// Cloud files rejected by review.
    pub rejected: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum CompareMsg {
    Progress {
        ticket: Ticket,
        done: u64,
        total: u64,
        file: String,
    },
    /// The MD5s found, and the files that could not be read (with why).
    Hashed {
        ticket: Ticket,
        md5s: Vec<(PathBuf, String)>,
        failed: Vec<(PathBuf, String)>,
    },
    Walked {
        ticket: Ticket,
        result: Result<Walked, String>,
    },
}

/// The sync question: the plan without and with deletions, and whether they are on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncAsk {
    pub job: SyncJob,
    /// As titles show them: `~/photos` and `cloud:/backup`.
    pub from: String,
    pub to: String,
    pub keep: SyncPlan,
    pub delete: SyncPlan,
    pub deletions: bool,
    /// Local files that could not be hashed (counted as changed).
    pub unreadable: usize,
}

impl SyncAsk {
    /// The plan as the toggle stands.
    pub fn plan(&self) -> &SyncPlan {
        match self.deletions {
            true => &self.delete,
            false => &self.keep,
        }
    }
}

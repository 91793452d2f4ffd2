//! The account's share links and direct links (`Sharing`), kept with the drive under its lock
//! (both read the tree) and persisted with it: shares with ids, keys, expiry, switches and
//! counters (`shares`), the documented validation rules and the messages the mock chose where
//! the documents give none (`rules`), and direct-link space per folder with the log of what
//! the direct-link URLs served (`dlink`). Handlers are `handlers::shares` and
//! `handlers::dlink`; the demo's shares come from `seed`.

mod dlink;
mod rules;
pub(crate) mod seed;
mod shares;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub(crate) use dlink::{LogEntry, path_of};
pub(crate) use rules::{
    PAGE_MAX, SwitchFields, check_expire, check_name, id_list, not_in_space, parse_log_time,
};
pub(crate) use shares::{Paid, Share};

/// Share ids start here (the documents' examples show eight-digit ids).
const FIRST_SHARE: i64 = 69_692_575;

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct Sharing {
    pub shares: BTreeMap<i64, Share>,
    pub next_share: i64,
    /// Folders with direct-link space.
    pub dlink_dirs: BTreeSet<i64>,
    /// What the direct-link URLs served, oldest first.
    pub dlink_log: Vec<LogEntry>,
}

impl Default for Sharing {
    fn default() -> Self {
        Sharing {
            shares: BTreeMap::new(),
            next_share: FIRST_SHARE,
            dlink_dirs: BTreeSet::new(),
            dlink_log: Vec::new(),
        }
    }
}

impl Sharing {
    pub fn alloc_share(&mut self) -> i64 {
        let id = self.next_share;
        self.next_share += 1;
        id
    }
}

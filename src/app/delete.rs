//! The question before deleting local entries: what they hold (counted by a walk in the
//! runtime, "counting…" until it is done) and where they go — the system trash by default, or
//! gone for good on an explicit, different key. Without a usable trash only "for good" stays.

use super::ops::OpItem;
use super::pane::Ticket;
use crate::fs::Location;
use crate::fs::tally::Tally;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAsk {
    /// The local folder the items are in.
    pub at: Location,
    pub items: Vec<OpItem>,
    /// Answers carrying another ticket are stale.
    pub ticket: Ticket,
    /// What the walk found so far.
    pub tally: Tally,
    /// The walk is over (`tally` is all of it, or as far as its limit).
    pub counted: bool,
    pub trash: TrashCheck,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrashCheck {
    Checking,
    Available,
    /// Why the system trash can't take them.
    Unavailable(String),
}

/// Answers to `Effect::CountLocal`.
#[derive(Debug, Clone)]
pub enum DeleteMsg {
    /// The walk so far (`done`: all of it).
    Counted {
        ticket: Ticket,
        tally: Tally,
        done: bool,
    },
    /// Whether the system trash can take the entries: `Err(why not)`.
    Trash {
        ticket: Ticket,
        result: Result<(), String>,
    },
}

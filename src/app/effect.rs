//! Effects: what `update` asks the runtime to do. Data only; the runtime performs them as async
//! tasks that report back with messages.

use super::model::Side;
use super::pane::Ticket;
use crate::fs::Location;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// List `location` for `side`, answering with `ListingMsg`s tagged `ticket`. Supersedes any
    /// listing still running for that side.
    List {
        side: Side,
        ticket: Ticket,
        location: Location,
    },
}

//! Runs effects: each becomes a tokio task (or a blocking-pool job for local disk I/O) that
//! reports back with messages on the one channel. A newer listing for a pane supersedes the
//! older one, which stops at its next page.

use crate::app::{Effect, ListingMsg, Msg, Side, Ticket};
use crate::fs::{FsError, FsErrorKind, Location, local};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::mpsc::UnboundedSender;

pub struct Executor {
    tx: UnboundedSender<Msg>,
    /// The ticket each side's listing must still carry to keep going.
    current: [Arc<AtomicU64>; 2],
}

impl Executor {
    pub fn new(tx: UnboundedSender<Msg>) -> Self {
        Self {
            tx,
            current: [Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0))],
        }
    }

    pub fn run(&mut self, effect: Effect) {
        match effect {
            Effect::List {
                side,
                ticket,
                location,
            } => self.list(side, ticket, location),
        }
    }

    fn list(&self, side: Side, ticket: Ticket, location: Location) {
        let current = self.current[side.index()].clone();
        current.store(ticket, Ordering::SeqCst);
        let tx = self.tx.clone();
        match location {
            Location::Local(path) => {
                tokio::task::spawn_blocking(move || {
                    let live = || current.load(Ordering::SeqCst) == ticket;
                    let result = local::list_dir(&path, |entries| {
                        live()
                            && tx
                                .send(Msg::Listing(ListingMsg::Page {
                                    side,
                                    ticket,
                                    entries,
                                }))
                                .is_ok()
                    });
                    let msg = match result {
                        Ok(()) => ListingMsg::Done { side, ticket },
                        Err(error) => ListingMsg::Failed {
                            side,
                            ticket,
                            error,
                        },
                    };
                    if live() {
                        let _ = tx.send(Msg::Listing(msg));
                    }
                });
            }
            Location::Cloud(_) => {
                let error = FsError::new(FsErrorKind::Unsupported, "no cloud account configured");
                let _ = tx.send(Msg::Listing(ListingMsg::Failed {
                    side,
                    ticket,
                    error,
                }));
            }
        }
    }
}

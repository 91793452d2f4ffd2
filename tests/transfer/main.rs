//! The transfer engine against the in-process mock: trees up and back, faults, conflicts,
//! names, queue controls, and resuming after a kill. One test binary; each test starts its
//! own mock and scheduler and waits on events, never on the clock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "../support/tree.rs"]
mod tree;

mod conflicts;
mod control;
mod copies;
mod empty;
mod faults;
mod images;
mod lost;
mod names;
mod offline;
mod owner;
mod queue;
mod resume;
mod roundtrip;
#[path = "../support/web.rs"]
mod web;

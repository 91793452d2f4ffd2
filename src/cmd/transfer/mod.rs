//! `panfm upload` and `panfm download`: the arguments checked and turned into one
//! [`crate::transfer::TransferSpec`], run on the transfer engine the TUI uses, its events turned
//! into the command line's output — progress bars on a terminal, a line per failed file, a
//! summary, the JSON report. The engine plans, transfers and verifies; nothing here moves a
//! byte or decides a name.
//!
//! `--on-conflict fail` (the default) is the engine's `Ask` policy with every question
//! answered by failing that file (see `tally`). Each command keeps a journal (`journal`) until
//! it finishes, so after Ctrl-C or a kill the same command continues: uploads on their server
//! sessions, downloads from their part files, files already downloaded skipped.

mod bars;
mod download;
mod journal;
mod naming;
mod run;
mod tally;
mod upload;

pub use download::download;
pub(super) use naming::Naming;
pub(super) use run::{Plan, Ran, ctrl_c, open_journal, run_batch};
pub use upload::upload;

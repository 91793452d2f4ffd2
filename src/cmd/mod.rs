//! The scriptable command line (`panfm ls`, `mv`, `trash restore`, …): one file per family of
//! subcommands, all on the engine the TUI uses — one shared [`crate::api::Client`] (token cache,
//! rate limiter, retries), [`crate::fs::resolve`] for paths and [`crate::plan`] for batch
//! renames. Nothing here speaks HTTP or re-implements a rule those modules own.
//!
//! Conventions: data goes to stdout (text, or JSON with `--json`), everything else to stderr;
//! one `panfm: ITEM: reason` line per failed item; exit statuses in [`exit::Status`].
//! `upload` and `download` run on the transfer engine ([`crate::transfer`]).
//! `sync` plans with the pure planner ([`crate::sync`]) and runs on the same engine.
//! `img` holds the image-space (图床) subcommands, `share` the share-link and direct-link ones;
//! `offline` has the drive fetch URLs (离线下载).
//! `img` holds the image-space (图床) subcommands. `cat` and `head` write file content to
//! stdout as it arrives, not through the buffer.

pub mod account;
mod batch;
mod cat;
mod ctx;
mod dispatch;
mod edit;
mod exit;
mod img;
mod info;
mod list;
mod mkdir;
mod offline;
mod output;
mod relocate;
mod remove;
mod rename;
mod rename_journal;
mod rename_plan;
mod rename_report;
mod rename_run;
mod share;
mod sync;
mod transfer;
mod trash;
mod tree;
mod walk;

pub use ctx::{Ctx, Verbosity};
pub use dispatch::dispatch;
pub use exit::{CmdError, CmdResult, Status};

//! panfm: a dual-pane terminal file manager for the 123pan cloud drive.
//!
//! Layers, each depending only on those before it:
//! `fmt` (byte sizes, counts, dates in words) and `rules` (what the drive accepts, as pure
//! checks) → `config` (paths, keymap, theme) → `api` (typed 123pan Open API client) → `fs` (pane backends:
//! local disk, cloud drive, image space) → `app` (the pure Elm core: Model, Msg, update) → `ui` (pure view) →
//! `runtime` (terminal, tokio tasks, one message channel). `cmd` is the scriptable command line
//! on the same `api`, `fs`, `plan` and `transfer`; `launch` starts whichever the arguments ask
//! for.
//! `transfer` (the upload/download engine: planning, a worker pool, a persistent queue) builds on
//! `api`, `config` and `plan`'s name rules, never on the UI, and reports through an event
//! channel, for the runtime and the command line alike. `mock` is a standalone 123pan server
//! written from the API documents; it depends on nothing else in the crate. Both use the
//! workspace crate `md5-lanes` (crates/md5-lanes) for MD5 on the upload path. `edit` (a file
//! in the user's editor: the private folder, the editor, the change and drift checks) builds on
//! `api` and `transfer`; the runtime (F4) and `cmd` (`panfm edit`) share it. `sync` is the
//! pure sync planner (two trees in, actions out; `plan`'s name rules only), for `cmd`
//! (`panfm sync`) and `app` alike.
//! The app uses the API's types but calls none of its functions (pure checks are `rules`),
//! and the view draws what the app prepared (a queue row's words come from `app`); the
//! `layers` tests hold the crate to this.

#![forbid(unsafe_code)]

pub mod api;
pub mod app;
pub mod cli;
pub mod cmd;
pub mod config;
#[cfg(test)]
mod doc_links;
pub mod edit;
pub mod fmt;
pub mod fs;
pub mod launch;
#[cfg(test)]
mod layers;
mod logging;
pub mod mock;
pub mod plan;
pub mod rules;
pub mod runtime;
pub mod sync;
pub mod transfer;
pub mod ui;

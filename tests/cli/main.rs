//! The `panfm` subcommands through the real binary against the in-crate mock server: output
//! formats, path resolution, every change to the drive, the trash, uploads and downloads (with
//! Ctrl-C), login/logout, exit statuses, token reuse, and behaviour under injected 5xx and 429
//! answers. Each test starts its own mock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod account;
mod browse;
mod common;
mod download;
mod edit;
mod faults;
mod help;
mod images;
#[cfg(unix)]
mod interrupt;
mod local;
mod mirror;
mod mutate;
mod offline;
mod pacing;
mod quota;
mod rename;
#[cfg(unix)]
mod resume;
mod settings;
mod shares;
mod startup;
mod sync;
mod sync_figures;
mod transfer_faults;
mod trash;
#[path = "../support/tree.rs"]
mod tree;
mod tty;
mod upload;
mod view;
#[path = "../support/web.rs"]
mod web;

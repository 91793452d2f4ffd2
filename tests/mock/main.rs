//! Integration tests of the mock 123pan server over raw HTTP (reqwest + `serde_json::Value`).

// Helpers shared by the tests panic on purpose; clippy's test allowances only cover `#[test]`
// functions themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod auth;
mod copy;
mod demo;
mod download;
mod faults;
mod images;
mod legacy_list;
mod listing;
mod mutate;
mod offline;
mod persist;
mod qps;
mod quota;
mod shares;
mod strict;
mod trash;
mod upload;
mod upload_storage;
#[path = "../support/web.rs"]
mod web;

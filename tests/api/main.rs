//! The API client against the in-process mock server: every endpoint, paging, tokens, rate
//! limits, injected failures and batch chunking. One test binary; each test starts its own mock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod auth;
mod browse;
mod common;
mod images;
mod mutate;
mod offline;
mod resilience;
mod shares;
mod timeouts;
mod transfer;
#[path = "../support/web.rs"]
mod web;

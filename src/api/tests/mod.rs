//! Client behaviour against the scripted loopback server in `stub`: token handling, retries,
//! paging, request shapes, uploads and downloads.

mod auth_flow;
mod paging;
mod requests;
mod retries;
mod transfer;

use super::stub::Recorded;

/// How many of `log` went to a path ending in `suffix`.
fn count(log: &[Recorded], suffix: &str) -> usize {
    log.iter().filter(|r| r.path.ends_with(suffix)).count()
}

fn bearer(r: &Recorded) -> Option<&str> {
    r.header("authorization")
}

//! Image bytes and clients for the image-space tests.

use panfm::api::Client;
use panfm::mock::MockServer;

use crate::common::config;

/// Bytes with a PNG signature (the client sniffs it; the mock goes by name).
pub fn png(len: usize, seed: u8) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend((0..len).map(|i| (i as u8).wrapping_mul(13).wrapping_add(seed) ^ (i >> 7) as u8));
    out.truncate(len);
    out
}

/// A client on the VIP column of the QPS table, for tests that send many batch calls (the
/// free column allows one delete a second).
pub fn vip_client(mock: &MockServer) -> Client {
    let mut cfg = config(mock, None);
    cfg.vip = true;
    Client::new(cfg).unwrap()
}

/// Ask again at once, for at most 30 s: the mock finishes within a few answers.
pub const PROMPT: panfm::api::Patience = panfm::api::Patience::new(
    std::time::Duration::ZERO,
    std::time::Duration::from_secs(30),
);

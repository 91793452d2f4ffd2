//! MD5 (RFC 1321) with one extra: [`update_all`] feeds the same bytes to several hashers at
//! once and costs about as much as feeding one. An upload needs two MD5s of every byte, the
//! whole file's and its slice's, on the client before sending and on the server after
//! receiving; computing them together halves the hashing work on both sides. A plain
//! [`Md5::update`] is as fast as the `md-5` crate's portable code.
//!
//! No unsafe code and no dependencies; checked against `md-5` by the tests.

#![forbid(unsafe_code)]

mod compress;

use compress::{IV, compress};

/// Hashers stepped in lockstep at most; more gain nothing on a 4-wide core.
const LANES: usize = 3;

/// An incremental MD5 hasher.
#[derive(Clone, Debug)]
pub struct Md5 {
    state: [u32; 4],
    /// The start of a block not yet complete.
    pending: [u8; 64],
    pending_len: usize,
    /// Bytes taken in.
    len: u64,
}

impl Default for Md5 {
    fn default() -> Self {
        Self::new()
    }
}

impl Md5 {
    pub fn new() -> Self {
        Self {
            state: IV,
            pending: [0; 64],
            pending_len: 0,
            len: 0,
        }
    }

    /// The MD5 of `data`.
    pub fn digest(data: &[u8]) -> [u8; 16] {
        let mut hasher = Self::new();
        hasher.update(data);
        hasher.finalize()
    }

    /// Bytes taken in so far.
    pub fn bytes(&self) -> u64 {
        self.len
    }

    pub fn update(&mut self, data: &[u8]) {
        update_all(&mut [self], data);
    }

    pub fn finalize(mut self) -> [u8; 16] {
        let bits = self.len.wrapping_mul(8);
        let mut tail = [0u8; 128];
        let n = self.pending_len;
        tail[..n].copy_from_slice(&self.pending[..n]);
        tail[n] = 0x80;
        let end = if n < 56 { 64 } else { 128 };
        tail[end - 8..end].copy_from_slice(&bits.to_le_bytes());
        let (blocks, _) = tail[..end].as_chunks::<64>();
        let mut state = [self.state];
        for block in blocks {
            compress::<1>(&mut state, block);
        }
        self.state = state[0];
        let mut out = [0u8; 16];
        for (bytes, word) in out.chunks_exact_mut(4).zip(self.state) {
            bytes.copy_from_slice(&word.to_le_bytes());
        }
        out
    }

    /// The digest in lower-case hex, as 123pan writes MD5s.
    pub fn hex(self) -> String {
        self.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Feeds `data` to every hasher in `hashers`. Hashers that took in equally long inputs
/// modulo 64 bytes (always the case for a whole file and a slice starting at a multiple of
/// 64) are stepped together; others are fed one after another, with the same outcome.
pub fn update_all(hashers: &mut [&mut Md5], data: &[u8]) {
    for group in hashers.chunks_mut(LANES) {
        let pending = group[0].pending_len;
        if group.iter().all(|h| h.pending_len == pending) {
            update_group(group, data);
        } else {
            for hasher in group.iter_mut() {
                update_group(&mut [&mut **hasher], data);
            }
        }
    }
}

/// `update_all` for at most `LANES` hashers with equal `pending_len`.
fn update_group(group: &mut [&mut Md5], mut data: &[u8]) {
    let Some(pending) = group.first().map(|h| h.pending_len) else {
        return;
    };
    for hasher in group.iter_mut() {
        hasher.len = hasher.len.wrapping_add(data.len() as u64);
    }
    if pending > 0 {
        let take = (64 - pending).min(data.len());
        for hasher in group.iter_mut() {
            hasher.pending[pending..pending + take].copy_from_slice(&data[..take]);
            hasher.pending_len += take;
        }
        data = &data[take..];
        if pending + take < 64 {
            return;
        }
        for hasher in group.iter_mut() {
            let mut state = [hasher.state];
            compress::<1>(&mut state, &hasher.pending);
            hasher.state = state[0];
            hasher.pending_len = 0;
        }
    }
    let (blocks, tail) = data.as_chunks::<64>();
    match group.len() {
        1 => run::<1>(group, blocks),
        2 => run::<2>(group, blocks),
        _ => run::<LANES>(group, blocks),
    }
    for hasher in group.iter_mut() {
        hasher.pending[..tail.len()].copy_from_slice(tail);
        hasher.pending_len = tail.len();
    }
}

/// Runs the same `blocks` through the states of `N` hashers.
fn run<const N: usize>(group: &mut [&mut Md5], blocks: &[[u8; 64]]) {
    let mut states = [IV; N];
    for (state, hasher) in states.iter_mut().zip(group.iter()) {
        *state = hasher.state;
    }
    for block in blocks {
        compress::<N>(&mut states, block);
    }
    for (state, hasher) in states.iter().zip(group.iter_mut()) {
        hasher.state = *state;
    }
}

#[cfg(test)]
mod tests;

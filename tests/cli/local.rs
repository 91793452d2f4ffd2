//! For the transfer tests: the shared tree helpers, readable tree comparisons, and an
//! environment with a mock set up for quick transfers.

use crate::common::Env;
use std::collections::BTreeMap;

pub use crate::tree::{Tree, content, read_tree, write_tree};

/// Slices of the sliced upload path (files over the engine's 16 MiB single-step limit).
pub const SLICE: u64 = 1 << 20;

/// Over the single-step limit, so it goes in slices (17 of them).
pub const BIG: usize = (16 << 20) + 5000;

/// An empty drive whose uploads are quick: small slices, verification answered at once.
pub fn env() -> Env {
    Env::with(|c| {
        c.knobs.slice_size = SLICE;
        c.knobs.complete_pending_polls = 0;
    })
}

pub fn tree(entries: &[(&str, Option<&[u8]>)]) -> Tree {
    entries
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.map(<[u8]>::to_vec)))
        .collect()
}

/// A tree as path → `dir` or `SIZE bytes, md5 …`, for comparisons that print readably.
pub fn shape(tree: &Tree) -> BTreeMap<String, String> {
    tree.iter()
        .map(|(k, v)| {
            let what = match v {
                None => "dir".to_owned(),
                Some(b) => format!("{} bytes, md5 {}", b.len(), panfm::api::md5_hex(b)),
            };
            (k.clone(), what)
        })
        .collect()
}

/// Lines of stderr that report a failed item.
pub fn failures(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("panfm:")).collect()
}

//! Local trees for the transfer tests: written from a map, read back into one, and an
//! environment with a mock set up for quick transfers.

use crate::common::Env;
use std::collections::BTreeMap;
use std::path::Path;

/// Relative path → content, `None` for a folder.
pub type Tree = BTreeMap<String, Option<Vec<u8>>>;

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

/// Deterministic bytes, different per `seed`.
pub fn content(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i.wrapping_mul(31).wrapping_add(usize::from(seed) * 7) % 251) as u8)
        .collect()
}

pub fn tree(entries: &[(&str, Option<&[u8]>)]) -> Tree {
    entries
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.map(<[u8]>::to_vec)))
        .collect()
}

pub fn write_tree(root: &Path, tree: &Tree) {
    std::fs::create_dir_all(root).unwrap();
    for (rel, content) in tree {
        let path = root.join(rel);
        match content {
            None => std::fs::create_dir_all(&path).unwrap(),
            Some(bytes) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, bytes).unwrap();
            }
        }
    }
}

/// Everything under `root`, hidden files included.
pub fn read_tree(root: &Path) -> Tree {
    let mut out = Tree::new();
    let mut pending = vec![(root.to_owned(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let rel = format!("{prefix}{}", entry.file_name().to_str().unwrap());
            if entry.file_type().unwrap().is_dir() {
                pending.push((entry.path(), format!("{rel}/")));
                out.insert(rel, None);
            } else {
                out.insert(rel, Some(std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    out
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

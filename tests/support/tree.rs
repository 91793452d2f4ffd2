//! Local trees for the tests that move files (`tests/transfer`, `tests/cli`): deterministic
//! content, a tree written from a map and read back into one.

use std::collections::BTreeMap;
use std::path::Path;

/// Relative path → content, `None` for a folder.
pub type Tree = BTreeMap<String, Option<Vec<u8>>>;

/// Deterministic content of `len` bytes, different per `seed`.
pub fn content(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i.wrapping_mul(31).wrapping_add(seed as usize * 7) % 251) as u8)
        .collect()
}

/// Creates the entries under `root` (a `None` content makes a folder).
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

/// The local folder at `root` in the same shape, hidden entries included.
pub fn read_tree(root: &Path) -> Tree {
    let mut out = Tree::new();
    let mut pending = vec![(root.to_owned(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
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

//! Direct links: which folders have direct-link space, a file's path (its URL is
//! `<base>/dlink/<uid>/<path>`, as real direct links are `<domain>/<uid>/<path>`), and the log
//! entries (`LogEntry`) the served URLs leave behind, shaped like `direct-link/log` items.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::super::tree::{ROOT, Tree};

/// Ancestor walks stop here (the tree's own limit is far deeper than any real path).
const MAX_DEPTH: usize = 4096;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct LogEntry {
    pub id: String,
    pub name: String,
    pub size: u64,
    /// The file's path; its URL is made from it when the log is read (the seed cannot know
    /// the host).
    pub path: String,
    pub traffic: u64,
    /// Unix seconds.
    pub at: i64,
}

impl LogEntry {
    /// The log item, with `url` the direct link it was served by.
    pub fn json(&self, url: &str) -> Value {
        json!({
            "uniqueID": self.id,
            "fileName": self.name,
            "fileSize": self.size,
            "filePath": self.path,
            "directLinkURL": url,
            "fileSource": 1,
            "totalTraffic": self.traffic,
        })
    }
}

/// `/a/b/c` for item `id`, or `None` when its ancestry is broken.
pub(crate) fn path_of(tree: &Tree, id: i64) -> Option<String> {
    let mut parts = Vec::new();
    let mut cur = id;
    for _ in 0..MAX_DEPTH {
        if cur == ROOT {
            parts.reverse();
            return Some(format!("/{}", parts.join("/")));
        }
        let node = tree.get(cur)?;
        parts.push(node.name.clone());
        cur = node.parent;
    }
    None
}

impl super::Sharing {
    /// The folder with direct-link space that holds `id` (itself or an ancestor), if any.
    pub fn space_of(&self, tree: &Tree, id: i64) -> Option<i64> {
        self.dlink_dirs
            .iter()
            .copied()
            .find(|&dir| tree.is_within(id, dir) && !tree.in_trash(dir))
    }
}

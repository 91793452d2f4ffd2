//! Sync planning, pure: two trees in (the source's and the destination's files and folders by
//! relative path), the [`SyncPlan`] that makes the destination equal to the source out. No I/O,
//! no async, no UI types; `panfm sync` and the TUI's compare and sync share it and execute the
//! actions themselves (through the transfer engine).
//!
//! Files compare by size, then by MD5 unless [`Compare::SizeOnly`]; the drive keeps no
//! modification times worth trusting, so times are never compared. MD5s are optional in the
//! trees: [`needs_md5`] names the files whose verdict depends on an MD5 still missing (same size
//! on both sides), so a caller hashes only those. Excluded paths (the matcher the caller passes,
//! which sees each path with whether it is a folder) appear in no action, on either side, and
//! nothing below an excluded folder does either. Names the destination refuses (the cloud's
//! name rules, [`crate::plan::validate_cloud_name`]) are skipped with their reason instead of
//! failing the sync. Nothing is ever deleted without [`Options::delete`].

mod build;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

pub use build::{needs_md5, plan};

/// A file or folder in a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub is_dir: bool,
    /// 0 for folders.
    pub size: u64,
    /// Lowercase hex MD5, when known (always for cloud files, from their etag).
    pub md5: Option<String>,
}

impl Node {
    pub fn dir() -> Self {
        Self {
            is_dir: true,
            size: 0,
            md5: None,
        }
    }

    pub fn file(size: u64, md5: Option<String>) -> Self {
        Self {
            is_dir: false,
            size,
            md5,
        }
    }
}

/// Every file and folder below a root by relative path, `/`-separated, without a leading `/`
/// (`photos/2024/a.jpg`); every folder holding an entry is listed too.
pub type Tree = BTreeMap<String, Node>;

/// How files of the same size are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Compare {
    /// Same size and same MD5 (a missing MD5 counts as a difference).
    #[default]
    Checksum,
    SizeOnly,
}

/// Where the destination is: its name rules apply to what the plan creates there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Local,
    Cloud,
}

pub struct Options<'a> {
    pub delete: bool,
    pub compare: Compare,
    pub dest: Side,
    /// Whether a path (with whether it is a folder) is excluded.
    pub exclude: &'a dyn Fn(&str, bool) -> bool,
}

/// One step; paths are relative to the roots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    /// A folder the destination lacks.
    Mkdir {
        path: String,
    },
    /// A file the destination lacks.
    New {
        path: String,
        size: u64,
    },
    /// A file the destination has with another size or content.
    Changed {
        path: String,
        size: u64,
    },
    /// Something only the destination has (a folder with everything in it: `size` is the
    /// total of its files), or a file where the source has a folder or the reverse.
    Delete {
        path: String,
        is_dir: bool,
        size: u64,
    },
    Unchanged {
        path: String,
        size: u64,
    },
    /// Left alone, with why: a name the destination refuses, or a file where the destination
    /// has a folder (or the reverse) without `delete`. Nothing below a skipped folder is listed.
    Skipped {
        path: String,
        reason: String,
    },
}

impl Action {
    pub fn path(&self) -> &str {
        match self {
            Self::Mkdir { path }
            | Self::New { path, .. }
            | Self::Changed { path, .. }
            | Self::Delete { path, .. }
            | Self::Unchanged { path, .. }
            | Self::Skipped { path, .. } => path,
        }
    }
}

/// Files (or folders) and their bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Count {
    pub count: u64,
    pub bytes: u64,
}

impl Count {
    fn add(&mut self, bytes: u64) {
        self.count += 1;
        self.bytes += bytes;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub mkdir: u64,
    pub new: Count,
    pub changed: Count,
    pub deleted: Count,
    pub unchanged: Count,
    pub skipped: u64,
}

/// The actions in the order to run them: deletions first (a folder replacing a file needs the
/// name free), then folders parents first, then the files to send, then what stays.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SyncPlan {
    pub actions: Vec<Action>,
    pub counts: Counts,
}

impl SyncPlan {
    /// Nothing to create, send or delete.
    pub fn is_noop(&self) -> bool {
        let c = &self.counts;
        c.mkdir == 0 && c.new.count == 0 && c.changed.count == 0 && c.deleted.count == 0
    }
}

/// The folders above `path`, outermost first (`a/b/c` → `a`, `a/b`).
pub(crate) fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// The last component of `path`.
pub(crate) fn name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

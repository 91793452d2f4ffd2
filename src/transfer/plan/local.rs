//! Walking the local sources of an upload (blocking; run it on the blocking pool). Symbolic
//! links are followed, except into a folder already on the current path (a loop); broken
//! links, special files (FIFOs, sockets, devices) and unreadable folders are reported, not
//! walked. Every name gets its cloud form here, so a refused name — or a file over the drive's
//! 10 GiB limit — is known before any request and before any hashing.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use tokio_util::sync::CancellationToken;

use super::super::names::cloud_name;
use crate::api::upload_size_refusal;
use crate::fs::local::display_name;
use crate::fs::natural::sort_key;

/// A folder to create in the cloud (`rel`: cloud names below the destination; empty for the
/// destination itself) and the files to put in it.
#[derive(Debug, Default)]
pub(crate) struct LocalDir {
    pub rel: Vec<String>,
    pub files: Vec<LocalFile>,
}

#[derive(Debug)]
pub(crate) struct LocalFile {
    pub path: PathBuf,
    pub name: String,
    pub size: u64,
}

/// An entry that gets no upload, with the reason.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub path: PathBuf,
    pub rel: Vec<String>,
    pub name: String,
    pub reason: String,
    /// Skipped on purpose (special file, loop) rather than failed.
    pub skip: bool,
}

/// Folders in pre-order (a folder before anything inside it), the destination first.
#[derive(Debug)]
pub(crate) struct LocalTree {
    pub dirs: Vec<LocalDir>,
    pub refused: Vec<Refusal>,
    /// The walk stopped at its limit of entries: there is more than the tree holds.
    pub cut: bool,
}

pub(crate) fn walk(sources: &[PathBuf], fix: bool, cancel: &CancellationToken) -> LocalTree {
    walk_at_most(sources, fix, usize::MAX, cancel)
}

/// Walks at most `limit` entries (files, folders and refused entries alike).
pub(crate) fn walk_at_most(
    sources: &[PathBuf],
    fix: bool,
    limit: usize,
    cancel: &CancellationToken,
) -> LocalTree {
    let mut walker = Walker {
        fix,
        cancel,
        left: limit,
        tree: LocalTree {
            dirs: vec![LocalDir::default()],
            refused: Vec::new(),
            cut: false,
        },
    };
    let mut taken = HashSet::new();
    for source in sources {
        if walker.spent() {
            break;
        }
        let name = match source.file_name() {
            Some(name) => name.to_owned(),
            None => match std::fs::canonicalize(source)
                .ok()
                .and_then(|p| p.file_name().map(ToOwned::to_owned))
            {
                Some(name) => name,
                None => {
                    walker.refuse(source, &[], "the path names no file or folder", false);
                    continue;
                }
            },
        };
        walker.entry(source, &name, &[], 0, &mut taken, &[]);
    }
    walker.tree
}

struct Walker<'a> {
    fix: bool,
    cancel: &'a CancellationToken,
    /// Entries still to look at before the walk stops.
    left: usize,
    tree: LocalTree,
}

impl Walker<'_> {
    /// Takes one entry from the budget; true (and the tree marked cut) when none is left.
    fn spent(&mut self) -> bool {
        match self.left.checked_sub(1) {
            Some(left) => {
                self.left = left;
                false
            }
            None => {
                self.tree.cut = true;
                true
            }
        }
    }

    fn refuse(&mut self, path: &Path, rel: &[String], reason: &str, skip: bool) {
        self.tree.refused.push(Refusal {
            path: path.to_owned(),
            rel: rel.to_vec(),
            name: path.file_name().map_or_else(
                || display_name(path.as_os_str()),
                |n| n.to_string_lossy().into_owned(),
            ),
            reason: reason.to_owned(),
            skip,
        });
    }

    /// One entry of folder `dir` (an index into `tree.dirs`, whose cloud path is `rel`).
    fn entry(
        &mut self,
        path: &Path,
        raw: &std::ffi::OsStr,
        rel: &[String],
        dir: usize,
        taken: &mut HashSet<String>,
        ancestors: &[PathBuf],
    ) {
        let meta = match follow(path) {
            Ok(meta) => meta,
            Err(reason) => return self.refuse(path, rel, &reason, true),
        };
        if !meta.is_file() && !meta.is_dir() {
            return self.refuse(path, rel, "not a regular file or folder; skipped", true);
        }
        let name = match cloud_name(raw, self.fix) {
            Ok(name) => name,
            Err(reason) => return self.refuse(path, rel, &reason, false),
        };
        if !taken.insert(name.clone()) {
            let reason = format!("another entry here also becomes `{name}` in the cloud");
            return self.refuse(path, rel, &reason, false);
        }
        if meta.is_file() {
            if let Some(reason) = upload_size_refusal(meta.len()) {
                return self.refuse(path, rel, &reason, false);
            }
            self.tree.dirs[dir].files.push(LocalFile {
                path: path.to_owned(),
                name,
                size: meta.len(),
            });
            return;
        }
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if ancestors.contains(&canonical) {
            return self.refuse(path, rel, "a symbolic link loop; skipped", true);
        }
        let mut rel = rel.to_vec();
        rel.push(name);
        let mut ancestors = ancestors.to_vec();
        ancestors.push(canonical);
        self.dir(path, rel, &ancestors);
    }

    fn dir(&mut self, path: &Path, rel: Vec<String>, ancestors: &[PathBuf]) {
        let mut children: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(read) => read.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                let parent = &rel[..rel.len().saturating_sub(1)];
                return self.refuse(path, parent, &format!("cannot read the folder: {e}"), false);
            }
        };
        // The order panes show, so the queue lists `f2` before `f10`.
        children.sort_by_cached_key(|c| natural_key(c));
        let index = self.tree.dirs.len();
        self.tree.dirs.push(LocalDir {
            rel: rel.clone(),
            files: Vec::new(),
        });
        let mut taken = HashSet::new();
        for child in children {
            if self.cancel.is_cancelled() || self.spent() {
                return;
            }
            if let Some(raw) = child.file_name().map(ToOwned::to_owned) {
                self.entry(&child, &raw, &rel, index, &mut taken, ancestors);
            }
        }
    }
}

/// Natural order of file names, then the raw name to keep names differing only in case apart.
fn natural_key(path: &Path) -> (Box<[u8]>, PathBuf) {
    let name = path.file_name().unwrap_or_default();
    (sort_key(&name.to_string_lossy()), path.to_owned())
}

/// The metadata of `path`, following a symbolic link.
fn follow(path: &Path) -> Result<Metadata, String> {
    let link = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !link.file_type().is_symlink() {
        return Ok(link);
    }
    std::fs::metadata(path).map_err(|e| format!("a broken symbolic link ({e}); skipped"))
}

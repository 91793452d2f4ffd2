//! Walking the local side into a [`Tree`]: every folder and regular file below the root by
//! relative path, with each file's stamp for the MD5 cache. Links to files are followed (an
//! upload sends what they point at); links to folders are not, so no loop is walked. Entries
//! that can't be synced (a name that is not UTF-8, a special file, an unreadable folder) are
//! listed with their reason; excluded ones, and everything below an excluded folder, are
//! never looked at.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::exclude::Matcher;
use crate::fs::md5_cache::Stamp;
use crate::sync::{Node, Tree};

#[derive(Default)]
pub struct LocalTree {
    pub tree: Tree,
    /// Each file's path on disk and stamp, by relative path.
    pub files: HashMap<String, (PathBuf, Stamp)>,
    /// `(relative path, reason)` of what was left out though not excluded.
    pub skipped: Vec<(String, String)>,
}

/// Walks below `root`, which must be a folder.
pub fn walk(root: &Path, exclude: &Matcher) -> LocalTree {
    let mut out = LocalTree::default();
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel)) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                out.skipped
                    .push((rel, format!("cannot read the folder: {e}")));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    out.skipped
                        .push((rel.clone(), format!("cannot read the folder: {e}")));
                    continue;
                }
            };
            let path = entry.path();
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                let shown = crate::fs::local::display_name(&entry.file_name());
                let at = join(&rel, &shown);
                out.skipped.push((at, "the name is not UTF-8".into()));
                continue;
            };
            let at = join(&rel, &name);
            add(&mut out, &mut stack, exclude, path, at);
        }
    }
    out
}

fn add(
    out: &mut LocalTree,
    stack: &mut Vec<(PathBuf, String)>,
    exclude: &Matcher,
    path: PathBuf,
    rel: String,
) {
    let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) => {
            out.skipped.push((rel, format!("cannot read it: {e}")));
            return;
        }
    };
    if exclude.excluded(&rel, meta.is_dir()) {
        return;
    }
    if meta.is_dir() && link {
        out.skipped
            .push((rel, "a link to a folder (not followed)".into()));
    } else if meta.is_dir() {
        out.tree.insert(rel.clone(), Node::dir());
        stack.push((path, rel));
    } else if meta.is_file() {
        out.tree.insert(rel.clone(), Node::file(meta.len(), None));
        out.files.insert(rel, (path, Stamp::of(&meta)));
    } else {
        out.skipped
            .push((rel, "not a regular file or folder".into()));
    }
}

fn join(rel: &str, name: &str) -> String {
    match rel.is_empty() {
        true => name.to_owned(),
        false => format!("{rel}/{name}"),
    }
}

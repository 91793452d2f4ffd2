//! Where the entries of a search or of the trash are: the paths of the folders they are in,
//! from the parent map listings fill, asking `infos` for what it lacks — one call per level of
//! depth for all folders at once (and per 100 ids), never one per entry. What is learnt stays
//! for the session, so the next search or trash view mostly needs no call.

use super::CloudDir;
use super::local::sanitize_name;
use super::pan::PanFs;
use crate::api::{FileId, ROOT_DIR};
use std::collections::HashSet;

/// Deepest folder chain followed; deeper (or looping) chains stay unplaced.
const MAX_DEPTH: usize = 64;

impl PanFs {
    /// The paths of folders `dirs`, as far as they can be found: a folder the server no longer
    /// knows, or a failed lookup, leaves the folders below it out.
    pub async fn places(&self, dirs: &[FileId]) -> Vec<(FileId, CloudDir)> {
        let mut gone: HashSet<FileId> = HashSet::new();
        for _ in 0..MAX_DEPTH {
            let missing = self.unknown_above(dirs, &gone);
            if missing.is_empty() {
                break;
            }
            let Ok(found) = self.client().infos(&missing).await else {
                break;
            };
            let mut state = self.lock();
            for e in &found {
                state.parents.insert(e.id, (e.name.clone(), e.parent_id));
            }
            drop(state);
            let known: HashSet<FileId> = found.iter().map(|e| e.id).collect();
            gone.extend(missing.into_iter().filter(|id| !known.contains(id)));
        }
        let mut seen = HashSet::new();
        dirs.iter()
            .filter(|d| seen.insert(**d))
            .filter_map(|&d| self.known_path(d).map(|p| (d, p)))
            .collect()
    }

    /// The first folder of each chain above `dirs` whose name or parent is not known yet.
    fn unknown_above(&self, dirs: &[FileId], gone: &HashSet<FileId>) -> Vec<FileId> {
        let state = self.lock();
        let mut missing = HashSet::new();
        for &d in dirs {
            let mut at = d;
            for _ in 0..MAX_DEPTH {
                if at == ROOT_DIR || gone.contains(&at) {
                    break;
                }
                match state.parents.get(&at) {
                    Some((_, parent)) => at = *parent,
                    None => {
                        missing.insert(at);
                        break;
                    }
                }
            }
        }
        let mut missing: Vec<FileId> = missing.into_iter().collect();
        missing.sort_unstable();
        missing
    }

    /// The path of `dir` from the parent map alone.
    fn known_path(&self, dir: FileId) -> Option<CloudDir> {
        let state = self.lock();
        let mut trail = Vec::new();
        let mut at = dir;
        while at != ROOT_DIR {
            let (name, parent) = state.parents.get(&at)?;
            trail.push((at, sanitize_name(name)));
            at = *parent;
            if trail.len() > MAX_DEPTH {
                return None;
            }
        }
        trail.reverse();
        Some(CloudDir { trail })
    }
}

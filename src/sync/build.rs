//! Building a [`SyncPlan`]: one pass over the source (what to create, send, or leave), one over
//! the destination for what only it has (deleted with `delete`), then the actions sorted into
//! the order to run them.

use std::collections::HashSet;

use super::{Action, Compare, Counts, Node, Options, Side, SyncPlan, Tree, ancestors, name};
use crate::plan::validate_cloud_name;

/// Files whose verdict waits on an MD5 one side lacks: the same size on both sides (and not
/// empty: two empty files are equal), under [`Compare::Checksum`]. Exclusions are the caller's
/// to apply first if it wants to hash less; hashing an excluded file changes no verdict.
pub fn needs_md5(src: &Tree, dst: &Tree, compare: Compare) -> Vec<String> {
    if compare == Compare::SizeOnly {
        return Vec::new();
    }
    src.iter()
        .filter(|(_, s)| !s.is_dir && s.size > 0)
        .filter_map(|(path, s)| {
            let d = dst.get(path)?;
            let missing = s.md5.is_none() || d.md5.is_none();
            (!d.is_dir && d.size == s.size && missing).then(|| path.clone())
        })
        .collect()
}

/// The plan that makes `dst` equal to `src` under `opts`.
pub fn plan(src: &Tree, dst: &Tree, opts: &Options) -> SyncPlan {
    let mut actions = Vec::new();
    // Source folders nothing below which is looked at (excluded, refused, skipped).
    let mut blocked: HashSet<&str> = HashSet::new();
    // Destination folders deleted whole.
    let mut gone: HashSet<&str> = HashSet::new();
    for (path, s) in src {
        if ancestors(path).any(|a| blocked.contains(a)) {
            continue;
        }
        if (opts.exclude)(path, s.is_dir) {
            blocked.insert(path);
            continue;
        }
        if opts.dest == Side::Cloud
            && let Err(e) = validate_cloud_name(name(path))
        {
            blocked.insert(path);
            actions.push(Action::Skipped {
                path: path.clone(),
                reason: format!("the drive refuses this name: {e}"),
            });
            continue;
        }
        let target = dst.get(path.as_str());
        if let Some(d) = target
            && d.is_dir != s.is_dir
        {
            if !opts.delete || (opts.exclude)(path, d.is_dir) || holds_excluded(dst, path, opts) {
                blocked.insert(path);
                let reason = match (d.is_dir, opts.delete) {
                    (true, false) => {
                        "the destination has a folder of this name (--delete replaces it)"
                    }
                    (false, false) => {
                        "the destination has a file of this name (--delete replaces it)"
                    }
                    (_, true) => "the destination has an excluded entry of this name or in it",
                };
                actions.push(Action::Skipped {
                    path: path.clone(),
                    reason: reason.into(),
                });
                continue;
            }
            actions.push(delete(dst, path, d));
            if d.is_dir {
                gone.insert(path);
            }
        }
        let same_kind = target.filter(|d| d.is_dir == s.is_dir);
        actions.push(match (s.is_dir, same_kind) {
            (true, None) => Action::Mkdir { path: path.clone() },
            (true, Some(_)) => continue,
            (false, None) => Action::New {
                path: path.clone(),
                size: s.size,
            },
            (false, Some(d)) if equal(s, d, opts.compare) => Action::Unchanged {
                path: path.clone(),
                size: s.size,
            },
            (false, Some(_)) => Action::Changed {
                path: path.clone(),
                size: s.size,
            },
        });
    }
    if opts.delete {
        let mut kept: HashSet<&str> = HashSet::new();
        for (path, d) in dst {
            if ancestors(path).any(|a| gone.contains(a) || kept.contains(a)) {
                continue;
            }
            if (opts.exclude)(path, d.is_dir) {
                kept.insert(path);
                continue;
            }
            // A folder holding excluded entries stays; what else is in it goes one by one.
            let stays = d.is_dir && holds_excluded(dst, path, opts);
            if !stays && !src.contains_key(path) {
                actions.push(delete(dst, path, d));
                if d.is_dir {
                    gone.insert(path);
                }
            }
        }
    }
    finish(actions)
}

/// Whether anything below folder `path` in `dst` is excluded (deleting the folder whole would
/// take it along).
fn holds_excluded(dst: &Tree, path: &str, opts: &Options) -> bool {
    let prefix = format!("{path}/");
    dst.range(prefix.clone()..)
        .take_while(|(p, _)| p.starts_with(&prefix))
        .any(|(p, n)| (opts.exclude)(p, n.is_dir))
}

fn equal(s: &Node, d: &Node, compare: Compare) -> bool {
    if s.size != d.size {
        return false;
    }
    match compare {
        Compare::SizeOnly => true,
        Compare::Checksum if s.size == 0 => true,
        Compare::Checksum => match (&s.md5, &d.md5) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        },
    }
}

/// Deleting `path` from `dst`; a folder's size is that of every file below it.
fn delete(dst: &Tree, path: &str, d: &Node) -> Action {
    let size = match d.is_dir {
        false => d.size,
        true => {
            let prefix = format!("{path}/");
            dst.range(prefix.clone()..)
                .take_while(|(p, _)| p.starts_with(&prefix))
                .map(|(_, n)| n.size)
                .sum()
        }
    };
    Action::Delete {
        path: path.to_owned(),
        is_dir: d.is_dir,
        size,
    }
}

/// Sorts the actions into running order and counts them.
fn finish(mut actions: Vec<Action>) -> SyncPlan {
    let rank = |a: &Action| match a {
        Action::Delete { .. } => 0,
        Action::Mkdir { .. } => 1,
        Action::New { .. } | Action::Changed { .. } => 2,
        Action::Unchanged { .. } => 3,
        Action::Skipped { .. } => 4,
    };
    // Stable: within a rank the source's order (parents before children) stays.
    actions.sort_by_key(rank);
    let mut counts = Counts::default();
    for a in &actions {
        match a {
            Action::Mkdir { .. } => counts.mkdir += 1,
            Action::New { size, .. } => counts.new.add(*size),
            Action::Changed { size, .. } => counts.changed.add(*size),
            Action::Delete { size, .. } => counts.deleted.add(*size),
            Action::Unchanged { size, .. } => counts.unchanged.add(*size),
            Action::Skipped { .. } => counts.skipped += 1,
        }
    }
    SyncPlan { actions, counts }
}

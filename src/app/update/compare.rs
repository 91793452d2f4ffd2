//! Compare directories (`C-x d`): the two panes' folders side by side, one level deep, through
//! the sync planner both ways; the entries only one side has or that differ (by size, or by
//! MD5 when the sizes match) are marked in each pane, with a summary, so F5 copies exactly
//! them. Local MD5s come from the runtime (hashed off the loop, cached); cloud ones are the
//! listing's etags. Also the hashing step the sync question shares.

use crate::app::{CompareEffect, CompareMsg, Comparing, Effect, Model, Pane, Purpose, Side, Stage};
use crate::fs::{Entry, EntryKey, Location};
use crate::sync::{self, Action, Compare, Node, Options, SyncPlan, Tree};
use std::collections::HashMap;
use std::path::PathBuf;

pub fn running(model: &Model) -> bool {
    model.compare.job.is_some()
}

/// Esc while hashing or walking: stop, and say so.
pub fn stop(model: &mut Model) -> Vec<Effect> {
    model.compare.job = None;
    model.info("Compare stopped");
    vec![Effect::Compare(CompareEffect::Stop)]
}

fn node(e: &Entry) -> Node {
    match e.is_dir() {
        true => Node::dir(),
        false => Node::file(e.size, e.etag.as_ref().map(|t| t.to_ascii_lowercase())),
    }
}

/// A pane's visible entries by name (one level), and each name's key for marking.
fn tree(pane: &Pane) -> (Tree, HashMap<String, EntryKey>) {
    let mut tree = Tree::new();
    let mut keys = HashMap::new();
    for e in pane.listing.visible() {
        tree.insert(e.name.clone(), node(e));
        keys.insert(e.name.clone(), e.key.clone());
    }
    (tree, keys)
}

pub fn start(model: &mut Model) -> Vec<Effect> {
    if running(model) {
        model.error("A compare is already running (Esc stops it)");
        return vec![];
    }
    let [left, right] = [model.pane(Side::Left), model.pane(Side::Right)];
    let folder = |p: &Pane| matches!(p.location, Location::Local(_) | Location::Cloud(_));
    if !folder(left) || !folder(right) {
        model.error("Compare works on two folders, local or cloud (not search results, the trash or the image space)");
        return vec![];
    }
    if left.is_loading() || right.is_loading() {
        model.error("Compare: wait until both panes are listed");
        return vec![];
    }
    let (lt, lk) = tree(left);
    let (rt, rk) = tree(right);
    let at = [left.location.clone(), right.location.clone()];
    let roots = [at[0].local_path(), at[1].local_path()];
    let ticket = model.take_ticket();
    model.compare.job = Some(Comparing {
        ticket,
        stage: Stage::Hashing {
            done: 0,
            total: 0,
            file: String::new(),
        },
        trees: [lt, rt],
        roots,
        purpose: Purpose::Dirs { at, keys: [lk, rk] },
    });
    hash_or_finish(model)
}

/// The local files whose verdict needs an MD5, with their sizes: each side's same-size
/// counterparts of the other side's files.
fn to_hash(job: &Comparing) -> Vec<(PathBuf, u64)> {
    let names = sync::needs_md5(&job.trees[0], &job.trees[1], Compare::Checksum);
    let mut files = Vec::new();
    for name in names {
        for (tree, root) in job.trees.iter().zip(&job.roots) {
            if let (Some(root), Some(n)) = (root, tree.get(&name))
                && n.md5.is_none()
            {
                files.push((local_path(job, root, &name), n.size));
            }
        }
    }
    files
}

/// Where the local file at `path` (a tree path) is: a compare knows each entry's raw name.
fn local_path(job: &Comparing, root: &std::path::Path, path: &str) -> PathBuf {
    if let Purpose::Dirs { keys, .. } = &job.purpose {
        for k in keys {
            if let Some(EntryKey::Local(raw)) = k.get(path) {
                return root.join(raw);
            }
        }
    }
    root.join(path)
}

/// Asks for the MD5s still needed, or finishes now when none are.
pub(super) fn hash_or_finish(model: &mut Model) -> Vec<Effect> {
    let Some(job) = &mut model.compare.job else {
        return vec![];
    };
    let files = to_hash(job);
    if files.is_empty() {
        return finish(model, 0);
    }
    let total = files.iter().map(|f| f.1).sum();
    job.stage = Stage::Hashing {
        done: 0,
        total,
        file: String::new(),
    };
    let ticket = job.ticket;
    model.info(format!(
        "Comparing: hashing {} local files ({}), Esc stops",
        files.len(),
        crate::fmt::size(total, model.settings.formats.units)
    ));
    vec![Effect::Compare(CompareEffect::Hash { ticket, files })]
}

pub fn update(model: &mut Model, msg: CompareMsg) -> Vec<Effect> {
    let ticket = match &msg {
        CompareMsg::Progress { ticket, .. }
        | CompareMsg::Hashed { ticket, .. }
        | CompareMsg::Walked { ticket, .. } => *ticket,
    };
    if model.compare.job.as_ref().map(|j| j.ticket) != Some(ticket) {
        return vec![];
    }
    match msg {
        CompareMsg::Progress {
            done, total, file, ..
        } => {
            let pct = (done * 100).checked_div(total).unwrap_or(0);
            model.info(format!(
                "Comparing: hashing {file}, {pct}% of {}, Esc stops",
                crate::fmt::size(total, model.settings.formats.units)
            ));
            if let Some(job) = &mut model.compare.job {
                job.stage = Stage::Hashing { done, total, file };
            }
            vec![]
        }
        CompareMsg::Hashed { md5s, failed, .. } => {
            let md5s: HashMap<PathBuf, String> = md5s.into_iter().collect();
            if let Some(job) = &mut model.compare.job {
                fill(job, &md5s);
            }
            finish(model, failed.len())
        }
        CompareMsg::Walked { result, .. } => super::sync_ask::walked(model, result),
    }
}

/// Puts the MD5s found into the local trees.
fn fill(job: &mut Comparing, md5s: &HashMap<PathBuf, String>) {
    for side in 0..2 {
        let Some(root) = job.roots[side].clone() else {
            continue;
        };
        let names: Vec<String> = job.trees[side].keys().cloned().collect();
        for name in names {
            let path = local_path(job, &root, &name);
            if let (Some(md5), Some(n)) = (md5s.get(&path), job.trees[side].get_mut(&name)) {
                n.md5 = Some(md5.clone());
            }
        }
    }
}

fn finish(model: &mut Model, unreadable: usize) -> Vec<Effect> {
    let Some(job) = model.compare.job.take() else {
        return vec![];
    };
    match job.purpose {
        Purpose::Dirs { at, keys } => {
            dirs(model, &job.trees, &at, &keys, unreadable);
            vec![]
        }
        Purpose::Sync(sync) => {
            super::sync_ask::planned(model, *sync, job.trees, unreadable);
            vec![]
        }
    }
}

/// The plan making `to` like `from` (with `delete`: removing what only `to` has); nothing is
/// excluded, files compare by MD5 when their sizes match.
pub(super) fn plan(from: &Tree, to: &Tree, dest: sync::Side, delete: bool) -> SyncPlan {
    let none = |_: &str, _: bool| false;
    let opts = Options {
        delete,
        compare: Compare::Checksum,
        dest,
        exclude: &none,
    };
    sync::plan(from, to, &opts)
}

fn side_of(loc: &Location) -> sync::Side {
    match loc {
        Location::Local(_) => sync::Side::Local,
        _ => sync::Side::Cloud,
    }
}

/// What one side has that the other lacks or has otherwise: (only here, differing) paths.
fn differences(plan: &SyncPlan, other: &Tree) -> (Vec<String>, Vec<String>) {
    let (mut only, mut differ) = (Vec::new(), Vec::new());
    for a in &plan.actions {
        match a {
            Action::New { path, .. } | Action::Mkdir { path } => only.push(path.clone()),
            Action::Changed { path, .. } => differ.push(path.clone()),
            Action::Skipped { path, .. } if other.contains_key(path) => differ.push(path.clone()),
            Action::Skipped { path, .. } => only.push(path.clone()),
            Action::Delete { .. } | Action::Unchanged { .. } => {}
        }
    }
    (only, differ)
}

fn dirs(
    model: &mut Model,
    trees: &[Tree; 2],
    at: &[Location; 2],
    keys: &[HashMap<String, EntryKey>; 2],
    unreadable: usize,
) {
    if model.pane(Side::Left).location != at[0] || model.pane(Side::Right).location != at[1] {
        model.info("Compare dropped: a pane moved meanwhile");
        return;
    }
    let rows = model.viewport.list_rows();
    let plans = [
        plan(&trees[0], &trees[1], side_of(&at[1]), false),
        plan(&trees[1], &trees[0], side_of(&at[0]), false),
    ];
    let mut only = [0; 2];
    let mut differ = 0;
    for (i, side) in [Side::Left, Side::Right].into_iter().enumerate() {
        let (o, d) = differences(&plans[i], &trees[1 - i]);
        (only[i], differ) = (o.len(), d.len());
        let pane = model.pane_mut(side);
        pane.visual = None;
        pane.all_marked = false;
        pane.marks = o
            .iter()
            .chain(&d)
            .filter_map(|n| keys[i].get(n).cloned())
            .collect();
        pane.recount_marks();
        pane.scroll_into_view(rows);
    }
    let same = plans[0].counts.unchanged.count;
    let (here, there) = match model.focus {
        Side::Left => (only[0], only[1]),
        Side::Right => (only[1], only[0]),
    };
    model.info(summary(here, differ, there, same, unreadable));
}

/// The status line after a compare.
pub fn summary(here: usize, differ: usize, there: usize, same: u64, unreadable: usize) -> String {
    let mut text = format!("{here} only here, {differ} differ, {there} only there, {same} same");
    if unreadable > 0 {
        text.push_str(&format!(" ({unreadable} unreadable, counted as differing)"));
    }
    match here + differ + there {
        0 => text.push_str("; nothing to copy"),
        _ => text.push_str("; F5 copies the marked"),
    }
    text
}

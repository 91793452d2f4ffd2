//! The sync question (`C-x s`): the marked folders (or the cursor folder) of one pane synced
//! to the same names in the other pane's folder, a local and a cloud pane. The runtime walks
//! both trees, the local files the planner needs hashed are hashed (shared with compare),
//! the plan is shown (deletions only with their toggle, off at first), and on `y` it goes to
//! the transfer queue as one `SyncUpload`/`SyncDownload` batch, after the deletions (to the
//! trash, local or cloud) have run.

use super::compare::{hash_or_finish, plan};
use super::moves::{selection, start as start_op};
use crate::app::{
    CompareEffect, Comparing, Effect, Modal, Model, OpItem, OpSpec, Purpose, Stage, SyncAsk,
    SyncJob, TransferCmd, Walked,
};
use crate::config::Command;
use crate::fs::{CloudDir, EntryKey, Location};
use crate::sync::{self, Action, SyncPlan, Tree};
use crate::transfer::{ConflictPolicy, SyncDownload, SyncUpload, TransferSpec};
use std::collections::BTreeMap;

pub fn start(model: &mut Model) -> Vec<Effect> {
    if super::compare::running(model) {
        model.error("A compare is already running (Esc stops it)");
        return vec![];
    }
    if model.compare.after.is_some() {
        model.error("The last sync is still deleting; its transfer starts when that ends");
        return vec![];
    }
    let (here, there) = (
        &model.focused().location,
        &model.pane(model.focus.other()).location,
    );
    let (upload, local, cloud) = match (here, there) {
        (Location::Local(l), Location::Cloud(c)) => (true, l.clone(), c.clone()),
        (Location::Cloud(c), Location::Local(l)) => (false, l.clone(), c.clone()),
        _ => {
            model.error(
                "Sync goes between a local folder and a cloud folder: open one in each pane",
            );
            return vec![];
        }
    };
    let items = selection(model);
    if items.is_empty() || items.iter().any(|i| !i.is_dir) {
        model.error("Sync works on folders: put the cursor on one, or mark only folders");
        return vec![];
    }
    let names: Vec<String> = items.into_iter().map(|i| i.name).collect();
    let ticket = model.take_ticket();
    let roots = match upload {
        true => [Some(local.clone()), None],
        false => [None, Some(local.clone())],
    };
    let job = SyncJob {
        upload,
        local: local.clone(),
        cloud: cloud.clone(),
        names: names.clone(),
        items: Default::default(),
        rejected: Vec::new(),
    };
    model.compare.job = Some(Comparing {
        ticket,
        stage: Stage::Walking,
        trees: Default::default(),
        roots,
        purpose: Purpose::Sync(Box::new(job)),
    });
    model.info("Sync: walking both trees, Esc stops");
    let walk = CompareEffect::Walk {
        ticket,
        local,
        cloud: cloud.id(),
        names,
    };
    vec![Effect::Compare(walk)]
}

/// Both trees are walked: hash what the verdicts need, then plan.
pub(super) fn walked(model: &mut Model, result: Result<Walked, String>) -> Vec<Effect> {
    let walked = match result {
        Ok(w) => w,
        Err(why) => {
            model.compare.job = None;
            model.error(format!("Sync: {why}"));
            return vec![];
        }
    };
    let Some(job) = &mut model.compare.job else {
        return vec![];
    };
    let Purpose::Sync(sync) = &mut job.purpose else {
        return vec![];
    };
    sync.items = walked.items;
    let (mut local, mut cloud) = (walked.local, walked.cloud);
    if !sync.upload {
        // Not fetched, and the local copy (the only readable one) never deleted.
        for path in &walked.rejected {
            let below = format!("{path}/");
            let gone = |p: &String| p == path || p.starts_with(&below);
            cloud.retain(|p, _| !gone(p));
            local.retain(|p, _| !gone(p));
        }
        sync.rejected = walked.rejected;
    }
    job.trees = match sync.upload {
        true => [local, cloud],
        false => [cloud, local],
    };
    hash_or_finish(model)
}

/// The trees are complete: the question with both plans.
pub(super) fn planned(model: &mut Model, job: SyncJob, trees: [Tree; 2], unreadable: usize) {
    let dest = match job.upload {
        true => sync::Side::Cloud,
        false => sync::Side::Local,
    };
    let keep = plan(&trees[0], &trees[1], dest, false);
    let delete = plan(&trees[0], &trees[1], dest, true);
    let local = job.local.to_string_lossy().into_owned();
    let cloud = format!("cloud:{}", job.cloud.path());
    let (from, to) = match job.upload {
        true => (local, cloud),
        false => (cloud, local),
    };
    model.status = None;
    model.modal = Some(Modal::SyncAsk(Box::new(SyncAsk {
        job,
        from,
        to,
        keep,
        delete,
        deletions: false,
        unreadable,
    })));
}

pub fn answer(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::SyncAsk(ask)) = &mut model.modal else {
        return vec![];
    };
    match cmd {
        Command::ToggleDeletions => ask.deletions = !ask.deletions,
        Command::Accept if ask.deletions => {
            model.error("Deletions are on: y runs the sync (x turns them off)");
        }
        Command::Accept | Command::Yes => {
            let Some(Modal::SyncAsk(ask)) = model.modal.take() else {
                return vec![];
            };
            return confirm(model, *ask);
        }
        Command::Escape => model.modal = None,
        _ => {}
    }
    vec![]
}

/// Files and folders of `plan` for the transfer: (folders to make, files to send with sizes).
fn sends(plan: &SyncPlan) -> (Vec<String>, Vec<(String, u64)>) {
    let (mut dirs, mut files) = (Vec::new(), Vec::new());
    for a in &plan.actions {
        match a {
            Action::Mkdir { path } => dirs.push(path.clone()),
            Action::New { path, size } | Action::Changed { path, size } => {
                files.push((path.clone(), *size));
            }
            _ => {}
        }
    }
    (dirs, files)
}

fn spec(job: &SyncJob, plan: &SyncPlan) -> Option<TransferSpec> {
    let (dirs, files) = sends(plan);
    if dirs.is_empty() && files.is_empty() {
        return None;
    }
    let policy = ConflictPolicy::Overwrite;
    Some(match job.upload {
        true => TransferSpec::SyncUpload(Box::new(SyncUpload {
            root: job.local.clone(),
            dirs,
            files,
            dest_dir: job.cloud.id(),
            policy,
        })),
        false => TransferSpec::SyncDownload(Box::new(SyncDownload {
            source_root: format!("cloud:{}", job.cloud.path()),
            dirs,
            files: files
                .into_iter()
                .filter_map(|(p, _)| Some((p.clone(), job.items.get(&p)?.clone())))
                .collect(),
            dest_dir: job.local.clone(),
            policy,
        })),
    })
}

/// The cloud folder at tree path `path` (below the job's cloud folder).
fn cloud_dir(job: &SyncJob, path: &str) -> Option<CloudDir> {
    let mut dir = job.cloud.clone();
    let mut at = String::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        at = if at.is_empty() {
            part.to_owned()
        } else {
            format!("{at}/{part}")
        };
        dir = dir.child(job.items.get(&at)?.id, part);
    }
    Some(dir)
}

/// The deletions of `plan` as trash operations, one per folder.
fn trash(job: &SyncJob, plan: &SyncPlan) -> Vec<OpSpec> {
    let mut by_dir: BTreeMap<&str, Vec<OpItem>> = BTreeMap::new();
    for a in &plan.actions {
        let Action::Delete { path, is_dir, .. } = a else {
            continue;
        };
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let key = match job.upload {
            true => match job.items.get(path) {
                Some(item) => EntryKey::Cloud(item.id),
                None => continue,
            },
            false => EntryKey::Local(name.into()),
        };
        let item = OpItem {
            key,
            name: name.to_owned(),
            is_dir: *is_dir,
        };
        by_dir.entry(dir).or_default().push(item);
    }
    by_dir
        .into_iter()
        .filter_map(|(dir, items)| {
            let at = match job.upload {
                true => Location::Cloud(cloud_dir(job, dir)?),
                false => Location::Local(job.local.join(dir)),
            };
            Some(OpSpec::Trash { at, items })
        })
        .collect()
}

fn confirm(model: &mut Model, ask: SyncAsk) -> Vec<Effect> {
    let plan = ask.plan();
    if plan.is_noop() {
        model.info(format!(
            "{} is in sync with {}: nothing to do",
            ask.to, ask.from
        ));
        return vec![];
    }
    let c = &plan.counts;
    let size = crate::fmt::size(c.new.bytes + c.changed.bytes, model.settings.formats.units);
    model.info(format!(
        "Sync to {}: {} new, {} changed ({size}), {} deleted; t shows the queue",
        ask.to, c.new.count, c.changed.count, c.deleted.count
    ));
    let submit = spec(&ask.job, plan).map(|spec| TransferCmd::Submit {
        spec,
        then: None,
        root: Some(format!("cloud:{}", ask.job.cloud.path())),
    });
    let ops = match ask.deletions {
        true => trash(&ask.job, plan),
        false => vec![],
    };
    let mut effects: Vec<Effect> = ops.into_iter().map(|spec| start_op(model, spec)).collect();
    let ids = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Op { id, .. } => Some(*id),
            _ => None,
        })
        .collect::<Vec<_>>();
    match (submit, ids.is_empty()) {
        (Some(cmd), true) => effects.push(Effect::Transfer(cmd)),
        (Some(cmd), false) => model.compare.after = Some((ids, cmd)),
        (None, _) => {}
    }
    effects
}

/// A file operation ended: the sync waiting for its deletions starts once they all have.
pub fn op_ended(model: &mut Model, op: crate::app::OpId) -> Vec<Effect> {
    let Some((ids, _)) = &mut model.compare.after else {
        return vec![];
    };
    ids.retain(|&id| id != op);
    if !ids.is_empty() {
        return vec![];
    }
    match model.compare.after.take() {
        Some((_, cmd)) => vec![Effect::Transfer(cmd)],
        None => vec![],
    }
}

//! Making a sync plan happen: names left out reported, deletions made (each listed first:
//! cloud items to the trash, 100 a call; local files and folders deleted), then one engine
//! batch for the folders and files (`SyncUpload` / `SyncDownload`, `Overwrite` for changed
//! files) run through the command line's runner and journal. What arrived is remembered in the
//! MD5 cache: an upload's file by the MD5 the engine hashed it to, a download's by the cloud's
//! MD5 the engine verified it against — each only while its stamp is the one planned for.

use std::collections::HashMap;
use std::path::PathBuf;

use super::Job;
use super::gather::Trees;
use crate::api::FileId;
use crate::cli::{OnConflict, SyncArgs, TransferArgs};
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::cmd::transfer::{Naming, Plan, Ran, run_batch};
use crate::fs::local::display_name;
use crate::fs::md5_cache::{Md5Cache, Stamp};
use crate::sync::{Action, SyncPlan};
use crate::transfer::{CloudItem, ConflictPolicy, SyncDownload, SyncUpload, TransferSpec};

/// Runs `plan` (reporting its skipped entries in the first round only); `None` when there was
/// nothing to transfer.
pub async fn apply(
    ctx: &mut Ctx,
    args: &SyncArgs,
    job: &Job,
    trees: &Trees,
    plan: &SyncPlan,
    cache: &mut Md5Cache,
    first_round: bool,
) -> CmdResult<Option<Ran>> {
    for a in plan.actions.iter().filter(|_| first_round) {
        if let Action::Skipped { path, reason } = a {
            ctx.fail(path, CmdError::failure(reason.clone()));
        }
    }
    delete(ctx, job, trees, plan).await;
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    for a in &plan.actions {
        match a {
            Action::Mkdir { path } => dirs.push(path.clone()),
            Action::New { path, size } | Action::Changed { path, size } => {
                files.push((path.clone(), *size));
            }
            _ => {}
        }
    }
    let Some((root, root_path)) = trees.cloud_root.clone() else {
        return Ok(None);
    };
    if dirs.is_empty() && files.is_empty() {
        return Ok(None);
    }
    let local_shown = display_name(job.local.as_os_str());
    let (spec, naming) = match job.up {
        true => (
            TransferSpec::SyncUpload(Box::new(SyncUpload {
                root: job.local.clone(),
                dirs,
                files,
                dest_dir: root,
                policy: ConflictPolicy::Overwrite,
            })),
            Naming::Upload { dest: root_path },
        ),
        false => {
            let files = files
                .into_iter()
                .filter_map(|(path, _)| {
                    let entry = trees.cloud.entries.get(&path)?;
                    Some((path, CloudItem::from(entry)))
                })
                .collect();
            let spec = TransferSpec::SyncDownload(Box::new(SyncDownload {
                source_root: root_path,
                dirs,
                files,
                dest_dir: job.local.clone(),
                policy: ConflictPolicy::Overwrite,
            }));
            let naming = Naming::Download {
                dest: local_shown,
                tops: HashMap::new(),
            };
            (spec, naming)
        }
    };
    let transfer = TransferArgs {
        recursive: true,
        on_conflict: OnConflict::Overwrite,
        jobs: args.jobs,
        limit_rate: args.limit_rate,
        json: args.json,
    };
    let ran = run_batch(
        ctx,
        Plan {
            spec,
            naming,
            args: transfer,
        },
    )
    .await?;
    remember(job, trees, &ran, cache);
    Ok(Some(ran))
}

/// Deletions, each listed on stderr before it is made.
async fn delete(ctx: &mut Ctx, job: &Job, trees: &Trees, plan: &SyncPlan) {
    let gone: Vec<(&str, bool)> = plan
        .actions
        .iter()
        .filter_map(|a| match a {
            Action::Delete { path, is_dir, .. } => Some((path.as_str(), *is_dir)),
            _ => None,
        })
        .collect();
    for (path, is_dir) in &gone {
        let slash = if *is_dir { "/" } else { "" };
        ctx.summary(format!("deleting {path}{slash}"));
    }
    if job.up {
        let ids: Vec<(FileId, &str)> = gone
            .iter()
            .filter_map(|(p, _)| trees.cloud.entries.get(*p).map(|e| (e.id, *p)))
            .collect();
        for chunk in ids.chunks(100) {
            let only: Vec<FileId> = chunk.iter().map(|c| c.0).collect();
            if let Err(e) = ctx.client.trash(&only).await {
                for (_, path) in chunk.iter().skip(e.completed) {
                    ctx.fail(path, CmdError::from(e.error.clone()));
                }
            }
        }
        return;
    }
    for (path, is_dir) in gone {
        let at = local_path(job, path);
        let removed = match is_dir {
            true => std::fs::remove_dir_all(&at),
            false => std::fs::remove_file(&at),
        };
        if let Err(e) = removed {
            ctx.fail(path, CmdError::failure(format!("cannot delete it: {e}")));
        }
    }
}

fn local_path(job: &Job, rel: &str) -> PathBuf {
    rel.split('/').fold(job.local.clone(), |p, c| p.join(c))
}

/// Caches the MD5 of every file this run put in place (see the module doc).
fn remember(job: &Job, trees: &Trees, ran: &Ran, cache: &mut Md5Cache) {
    let by_shown: HashMap<String, (&str, &PathBuf, &Stamp)> = trees
        .local
        .files
        .iter()
        .map(|(rel, (path, stamp))| (display_name(path.as_os_str()), (rel.as_str(), path, stamp)))
        .collect();
    for (info, md5) in &ran.done {
        let (path, md5, planned) = match (job.up, md5) {
            (true, Some(md5)) => match by_shown.get(&info.source) {
                Some((_, path, stamp)) => ((*path).clone(), md5.clone(), Some(**stamp)),
                None => continue,
            },
            (true, None) => continue,
            (false, _) => {
                let rel = info
                    .source
                    .strip_prefix(trees.cloud_root.as_ref().map_or("", |r| r.1.as_str()));
                let rel = rel.map(|r| r.trim_start_matches('/'));
                let Some(entry) = rel.and_then(|r| trees.cloud.entries.get(r)) else {
                    continue;
                };
                (
                    PathBuf::from(&info.target),
                    entry.etag.to_ascii_lowercase(),
                    None,
                )
            }
        };
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let now = Stamp::of(&meta);
        if planned.is_none_or(|p| p == now) && now.size == info.size {
            cache.put(&path, now, md5);
        }
    }
}

//! Putting a sync's two trees together: the roots found (a missing cloud destination made,
//! unless it is a dry run), both sides walked, and the MD5s the plan needs filled in — the
//! cloud's from its listing, the local side's from the cache or, for a file whose size matches
//! the other side's and whose stamp the cache does not know, by hashing it.

use std::sync::Arc;

use super::Job;
use super::cloud::{self, CloudTree};
use super::local::{self, LocalTree};
use crate::api::FileId;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::fs::md5_cache::Md5Cache;
use crate::fs::mkdir_p::{levels, make_cloud};
use crate::fs::resolve::ResolveError;
use crate::sync::{self, Action, Options, SyncPlan, Tree, needs_md5};

pub struct Trees {
    pub local: LocalTree,
    pub cloud: CloudTree,
    /// The cloud root's id and path; `None` in a dry run to a cloud folder not made yet.
    pub cloud_root: Option<(FileId, String)>,
    src: Tree,
    dst: Tree,
    /// Source entries left out though not excluded, with why.
    skipped: Vec<(String, String)>,
}

impl Trees {
    pub fn plan(&self, job: &Job) -> SyncPlan {
        let exclude = |path: &str, is_dir: bool| job.exclude.excluded(path, is_dir);
        let opts = Options {
            delete: job.delete,
            compare: job.compare,
            dest: job.dest(),
            exclude: &exclude,
        };
        let mut plan = sync::plan(&self.src, &self.dst, &opts);
        for (path, reason) in &self.skipped {
            plan.counts.skipped += 1;
            plan.actions.push(Action::Skipped {
                path: path.clone(),
                reason: reason.clone(),
            });
        }
        plan
    }
}

pub async fn gather(
    ctx: &mut Ctx,
    job: &Job,
    cache: &mut Md5Cache,
    dry_run: bool,
) -> CmdResult<Trees> {
    let cloud_root = cloud_root(ctx, job, dry_run).await?;
    let local = walk_local(job).await?;
    let cloud = match &cloud_root {
        Some((id, _)) => {
            let bar = ctx.progress(None, "listing cloud folders");
            let walked = cloud::walk(&ctx.client, *id, &job.exclude, &bar).await;
            bar.finish_and_clear();
            walked?
        }
        None => CloudTree::default(),
    };
    let mut skipped = local.skipped.clone();
    let (mut src, mut dst) = (local.tree.clone(), cloud.tree.clone());
    if !job.up {
        std::mem::swap(&mut src, &mut dst);
        skipped = Vec::new();
        // Left alone on both sides: not fetched, and a local copy (the only one that can
        // still be read) is never deleted by `--delete`.
        for path in &cloud.rejected {
            src.remove(path);
            let below = format!("{path}/");
            dst.retain(|p, _| p != path && !p.starts_with(&below));
            let why = "rejected by 123pan's review; it can't be downloaded";
            skipped.push((path.clone(), why.into()));
        }
    }
    let wanted = needs_md5(&src, &dst, job.compare);
    let local_side = match job.up {
        true => &mut src,
        false => &mut dst,
    };
    hash(ctx, &local, local_side, wanted, cache).await;
    Ok(Trees {
        local,
        cloud,
        cloud_root,
        src,
        dst,
        skipped,
    })
}

async fn cloud_root(
    ctx: &mut Ctx,
    job: &Job,
    dry_run: bool,
) -> CmdResult<Option<(FileId, String)>> {
    match ctx.resolver.resolve_dir(&job.cloud).await {
        Ok(found) => Ok(Some((found.entry.id, found.path))),
        Err(ResolveError::NotFound { path, .. }) if !job.up => {
            Err(CmdError::failure(format!("no such cloud folder: {path}")))
        }
        Err(ResolveError::NotFound { .. }) if dry_run => Ok(None),
        Err(ResolveError::NotFound { .. }) => {
            let top = ctx.resolver.resolve_dir("/").await?;
            let client = ctx.client.clone();
            let made = make_cloud(&mut ctx.resolver, &client, top, &levels(&job.cloud), true)
                .await
                .map_err(|e| CmdError::failure(format!("cannot make {}: {e}", job.cloud)))?;
            Ok(Some((made.dir.entry.id, made.dir.path)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn walk_local(job: &Job) -> CmdResult<LocalTree> {
    let shown = job.local.display().to_string();
    match std::fs::metadata(&job.local) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(CmdError::failure(format!("{shown}: not a folder"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !job.up => {
            return Ok(LocalTree::default());
        }
        Err(e) => return Err(CmdError::failure(format!("{shown}: {e}"))),
    }
    let (root, exclude) = (job.local.clone(), Arc::clone(&job.exclude));
    tokio::task::spawn_blocking(move || local::walk(&root, &exclude))
        .await
        .map_err(|e| CmdError::failure(format!("walking {shown} failed: {e}")))
}

/// Fills in the MD5s of `wanted` on the local side, from the cache or by hashing (on the
/// blocking pool). A file that can't be read keeps no MD5: the plan counts it as changed.
async fn hash(
    ctx: &Ctx,
    local: &LocalTree,
    tree: &mut Tree,
    wanted: Vec<String>,
    cache: &mut Md5Cache,
) {
    let files: Vec<_> = wanted
        .into_iter()
        .filter_map(|rel| local.files.get(&rel).map(|f| (rel, f.clone())))
        .collect();
    if files.is_empty() {
        return;
    }
    let bar = ctx.progress(Some(files.len() as u64), "checking local MD5s");
    let mut owned = std::mem::take(cache);
    let progress = bar.clone();
    let joined = tokio::task::spawn_blocking(move || {
        let mut found = Vec::new();
        for (rel, (path, stamp)) in files {
            match owned.md5(&path, &stamp) {
                Ok(md5) => found.push((rel, md5)),
                Err(e) => tracing::warn!("{}: {e}", path.display()),
            }
            progress.inc(1);
        }
        (owned, found)
    })
    .await;
    bar.finish_and_clear();
    if let Ok((owned, found)) = joined {
        *cache = owned;
        for (rel, md5) in found {
            if let Some(node) = tree.get_mut(&rel) {
                node.md5 = Some(md5);
            }
        }
    }
}

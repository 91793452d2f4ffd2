//! `panfm sync SRC DST`: makes DST's files equal to SRC's, one side a local folder and the
//! other a cloud folder written `cloud:/path`. Both trees are walked (the cloud one a few
//! listings at a time through the client's limiter), local MD5s come from the cache in the
//! state directory and are computed only for files whose size matches the other side's, the
//! pure planner ([`crate::sync`]) decides, and the transfer engine moves the files through the
//! command's journal — so a sync run again after Ctrl-C or a kill continues the interrupted
//! transfers, then plans again for whatever is left. Deletions (`--delete`: cloud items to
//! the trash, local files deleted) are listed before they are made.
//!
//! Layout: `exclude` builds the matcher (`--exclude`, `.panfmignore`), `local` and `cloud`
//! walk the two sides, `gather` puts the trees together with their MD5s, `apply` makes the
//! plan happen, `report` prints it.

mod apply;
mod cloud;
mod exclude;
mod gather;
mod local;
mod report;

use std::ffi::OsStr;
use std::path::PathBuf;

use crate::cli::SyncArgs;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::fs::md5_cache::Md5Cache;
use crate::sync::{Compare, Side};

/// One side as written on the command line.
enum Where {
    Local(PathBuf),
    Cloud(String),
}

fn side(raw: &OsStr) -> Where {
    match raw.to_str().and_then(|s| s.strip_prefix("cloud:")) {
        Some("") => Where::Cloud("/".into()),
        Some(path) => Where::Cloud(path.to_owned()),
        None => Where::Local(PathBuf::from(raw)),
    }
}

/// What is synced: the two roots, which way, and what is left out.
pub(super) struct Job {
    pub local: PathBuf,
    pub cloud: String,
    /// Local to cloud.
    pub up: bool,
    pub exclude: std::sync::Arc<exclude::Matcher>,
    pub compare: Compare,
    pub delete: bool,
}

impl Job {
    fn dest(&self) -> Side {
        match self.up {
            true => Side::Cloud,
            false => Side::Local,
        }
    }
}

pub async fn sync(ctx: &mut Ctx, args: SyncArgs) -> CmdResult {
    ctx.start_report(args.json);
    let (local, cloud, up) = match (side(&args.src), side(&args.dst)) {
        (Where::Local(l), Where::Cloud(c)) => (l, c, true),
        (Where::Cloud(c), Where::Local(l)) => (l, c, false),
        (Where::Local(_), Where::Local(_)) => {
            return Err(CmdError::usage(
                "both paths are local: write the cloud side as cloud:/path",
            ));
        }
        (Where::Cloud(_), Where::Cloud(_)) => {
            return Err(CmdError::usage(
                "both paths are in the cloud: one side must be a local folder",
            ));
        }
    };
    let exclude = exclude::Matcher::new(&local, &args.exclude).map_err(CmdError::usage)?;
    let job = Job {
        local,
        cloud,
        up,
        exclude: std::sync::Arc::new(exclude),
        compare: match args.size_only {
            true => Compare::SizeOnly,
            false => Compare::Checksum,
        },
        delete: args.delete,
    };
    // Rejected credentials end the command (status 3) before anything is walked.
    ctx.client.authenticate().await?;
    let mut cache = Md5Cache::load(ctx.state_dir.as_deref());
    let result = rounds(ctx, &args, &job, &mut cache).await;
    if let Err(e) = cache.save() {
        tracing::warn!("cannot save the MD5 cache: {e}");
    }
    if ctx.is_reporting() {
        ctx.report_field("hash", serde_json::json!(cache.stats));
    }
    report::hashing(ctx, &cache.stats);
    result
}

/// Plans and applies; a run that only finished what the journal brought back plans once more.
async fn rounds(ctx: &mut Ctx, args: &SyncArgs, job: &Job, cache: &mut Md5Cache) -> CmdResult {
    for round in 0..2 {
        let trees = gather::gather(ctx, job, cache, args.dry_run).await?;
        let plan = trees.plan(job);
        report::plan(ctx, job, &plan, args.dry_run, round > 0);
        if args.dry_run {
            return Ok(());
        }
        let ran = apply::apply(ctx, args, job, &trees, &plan, cache, round == 0).await?;
        if !ran.is_some_and(|r| r.resumed && !r.interrupted) {
            return Ok(());
        }
    }
    Ok(())
}

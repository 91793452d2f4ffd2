//! One local file copied on the disk: check the target name (the batch's policy decides, as
//! for downloads), copy into a hidden part file beside the target (continuing a kept part
//! when the source is unchanged since), sync it, give it the source's modification time and
//! permissions, and only then the final name. A symbolic link is copied as a link through the
//! same part name. Nothing partial ever carries the final name.

mod file;

use std::path::Path;

use super::blocking::on_pool;
use super::download::place::{Placed, place};
use super::error::{TransferError, TransferErrorKind};
use super::job::{ConflictInfo, JobState};
use super::names::copy_part_path;
use super::scheduler::{JobCtx, Outcome, remove_quietly};
use super::spec::ConflictPolicy;
use super::work::{CopyWork, Resume};
use file::Source;

pub(crate) async fn run(ctx: &mut JobCtx, w: &CopyWork) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Planning);
    let shown = w.source.display().to_string();
    let meta = tokio::fs::symlink_metadata(&w.source)
        .await
        .map_err(|e| TransferError::io(&shown, &e))?;
    let source = Source::of(&w.source, &meta)?;
    ctx.set_size(source.size);
    let target = &w.target;
    let (policy, new_size) = (ctx.policy(), source.size);
    let conflict = |meta: &std::fs::Metadata| ConflictInfo {
        name: target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        target: target.display().to_string(),
        existing_is_dir: meta.is_dir(),
        existing_size: meta.is_file().then_some(meta.len()),
        new_size,
    };
    if let Ok(existing) = tokio::fs::symlink_metadata(target).await {
        match policy {
            ConflictPolicy::Skip => return Ok(Outcome::Skipped(exists(target))),
            ConflictPolicy::Ask => return Ok(Outcome::Conflict(conflict(&existing))),
            ConflictPolicy::Overwrite if existing.is_dir() => {
                return Err(folder_in_the_way(target));
            }
            ConflictPolicy::Overwrite | ConflictPolicy::KeepBoth => {}
        }
    }
    let part = copy_part_path(target, ctx.id.0);
    let offset = kept(ctx, &part, &source).await;
    ctx.set_resume(source.resume(&part));
    ctx.state(JobState::Copying);
    ctx.resumed(offset);
    let (cfg, inner) = (ctx.cfg().clone(), std::sync::Arc::clone(&ctx.inner));
    let handle = tokio::runtime::Handle::current();
    let job = file::Job {
        from: w.source.clone(),
        to: part.clone(),
        source,
        offset,
    };
    let copied = on_pool(
        ctx,
        move |stop, done| {
            let pace = |bytes: u64| match &inner.pacer {
                Some(pacer) => handle.block_on(async {
                    tokio::select! {
                        () = pacer.take(bytes) => Ok(()),
                        () = stop.cancelled() => Err(TransferError::stopped()),
                    }
                }),
                None => Ok(()),
            };
            job.run(&cfg, stop, done, pace)
        },
        |ctx, done, _| ctx.progress(done),
    )
    .await;
    if let Err(e) = copied {
        if e.kind == TransferErrorKind::Verification {
            remove_quietly(&part);
            ctx.set_resume(Resume::None);
        }
        return Err(e);
    }
    ctx.state(JobState::Verifying);
    let (from, to) = (part.clone(), target.clone());
    let placed = tokio::task::spawn_blocking(move || place(&from, &to, policy))
        .await
        .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))?
        .map_err(|e| TransferError::io(&target.display().to_string(), &e))?;
    match placed {
        Placed::At(path) => {
            ctx.set_target(path.display().to_string());
            Ok(Outcome::Done { reused: false })
        }
        // The name was taken while copying.
        Placed::Taken if policy == ConflictPolicy::Skip => {
            remove_quietly(&part);
            Ok(Outcome::Skipped(exists(target)))
        }
        Placed::Taken => match std::fs::symlink_metadata(target) {
            Ok(meta) => Ok(Outcome::Conflict(conflict(&meta))),
            Err(e) => Err(TransferError::io(&target.display().to_string(), &e)),
        },
    }
}

/// Bytes of a kept part to continue from: only when the part was left by this job for the
/// same source (size and modification time unchanged); any other leftover is removed.
async fn kept(ctx: &JobCtx, part: &Path, source: &Source) -> u64 {
    let same = match ctx.resume() {
        Resume::Copy {
            part: p,
            size,
            modified,
        } => p == part && size == source.size && modified == source.modified,
        _ => false,
    };
    let keep = same && source.link.is_none();
    match tokio::fs::symlink_metadata(part).await {
        // A finished part already has the source's permissions, maybe read-only: start over.
        Ok(meta)
            if keep
                && meta.is_file()
                && meta.len() <= source.size
                && !meta.permissions().readonly() =>
        {
            meta.len()
        }
        Ok(_) => {
            remove_quietly(part);
            0
        }
        Err(_) => 0,
    }
}

fn exists(target: &Path) -> String {
    format!("{} already exists", target.display())
}

fn folder_in_the_way(target: &Path) -> TransferError {
    TransferError::new(
        TransferErrorKind::Io,
        format!(
            "{}: a folder is in the way; a file can't overwrite it",
            target.display()
        ),
    )
}

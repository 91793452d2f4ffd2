//! One file down: check the local target (a file already there with the cloud file's size and
//! MD5 is done, nothing fetched: `Done { reused: true }`), continue a kept part file (its prefix is hashed
//! again first, which costs one read of the part at MD5 speed), stream the rest, verify size
//! and MD5 against the etag, give it the cloud file's time (`updateAt`), and only then its final
//! name. A part that fails verification is deleted; nothing partial ever carries the final name.

mod fetch;
pub(super) mod place;
mod sink;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use md5_lanes::Md5;
use tokio_util::sync::CancellationToken;

use super::blocking::hash_on_pool;
use super::error::{TransferError, TransferErrorKind};
use super::job::{ConflictInfo, JobState};
use super::names::part_path;
use super::scheduler::{JobCtx, Outcome, remove_quietly};
use super::spec::ConflictPolicy;
use super::work::{DownloadWork, Resume};
use crate::fs::local::display_name;
use place::{Placed, place};
use sink::Sink;

pub(crate) async fn run(ctx: &mut JobCtx, w: &DownloadWork) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Planning);
    let dir = display_name(w.dir.as_os_str());
    tokio::fs::create_dir_all(&w.dir)
        .await
        .map_err(|e| TransferError::io(&dir, &e))?;
    let target = w.dir.join(&w.name);
    let size = w.file.size;
    let policy = ctx.policy();
    let conflict = |meta: &std::fs::Metadata| ConflictInfo {
        name: w.name.clone(),
        target: display_name(target.as_os_str()),
        existing_is_dir: meta.is_dir(),
        existing_size: meta.is_file().then_some(meta.len()),
        new_size: size,
    };
    if let Ok(meta) = tokio::fs::symlink_metadata(&target).await {
        if already_here(ctx, &target, &meta, w).await? {
            return Ok(Outcome::Done { reused: true });
        }
        match policy {
            ConflictPolicy::Skip => return Ok(Outcome::Skipped(exists(&target))),
            ConflictPolicy::Ask => return Ok(Outcome::Conflict(conflict(&meta))),
            ConflictPolicy::Overwrite if meta.is_dir() => return Err(folder_in_the_way(&target)),
            ConflictPolicy::Overwrite | ConflictPolicy::KeepBoth => {}
        }
    }
    let part = part_path(&w.dir, &w.name, w.file.id);
    ctx.set_resume(Resume::Download { part: part.clone() });
    let (hasher, offset) = kept_prefix(ctx, &part, size).await?;
    ctx.state(JobState::Downloading);
    let cfg = ctx.cfg();
    let mut sink = Sink::open(
        part.clone(),
        offset,
        hasher,
        cfg.sync_downloads,
        cfg.disk_fault,
    );
    let fetched = fetch::fetch(ctx, w, &mut sink).await;
    let written = sink.finish().await;
    let written = match fetched.and(written) {
        Ok(written) => written,
        Err(e) if e.kind == TransferErrorKind::DiskFull => return Err(disk_full(size, &part)),
        Err(e) => return Err(e),
    };
    ctx.state(JobState::Verifying);
    let etag = &w.file.etag;
    if written.len != size || (!etag.is_empty() && !written.md5.eq_ignore_ascii_case(etag)) {
        remove_quietly(&part);
        ctx.set_resume(Resume::None);
        let what = format!(
            "the downloaded bytes don't match the cloud file: expected {size} bytes with MD5 \
             {etag}, got {} bytes with MD5 {}",
            written.len, written.md5
        );
        // A kept prefix may be what was wrong: one more attempt from scratch.
        let kind = match offset > 0 {
            true => TransferErrorKind::StalePart,
            false => TransferErrorKind::Verification,
        };
        return Err(TransferError::new(kind, what));
    }
    let (from, to, modified) = (part.clone(), target.clone(), w.file.modified);
    let placed = tokio::task::spawn_blocking(move || {
        cloud_time(&from, modified)?;
        place(&from, &to, policy)
    })
    .await
    .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))?
    .map_err(|e| TransferError::io(&display_name(target.as_os_str()), &e))?;
    match placed {
        Placed::At(path) => {
            ctx.set_target(display_name(path.as_os_str()));
            Ok(Outcome::Done { reused: false })
        }
        // The name was taken while downloading.
        Placed::Taken if policy == ConflictPolicy::Skip => {
            remove_quietly(&part);
            Ok(Outcome::Skipped(exists(&target)))
        }
        Placed::Taken => match std::fs::symlink_metadata(&target) {
            Ok(meta) => Ok(Outcome::Conflict(conflict(&meta))),
            Err(e) => Err(TransferError::io(&display_name(target.as_os_str()), &e)),
        },
    }
}

/// Gives the part the cloud file's `updateAt`. The drive keeps no modification time of a
/// file's own (API.md trap 26): when it last changed in the drive is the best time there is,
/// and nearer the truth than the time of the download.
fn cloud_time(part: &Path, modified: Option<i64>) -> std::io::Result<()> {
    let Some(secs) = modified.and_then(|s| u64::try_from(s).ok()) else {
        return Ok(());
    };
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    let file = std::fs::OpenOptions::new().write(true).open(part)?;
    file.set_times(std::fs::FileTimes::new().set_modified(at))
}

/// The target already holds the cloud file: same size and the etag's MD5 (an earlier run got
/// it there). Costs one read of the local file, only when the sizes match.
async fn already_here(
    ctx: &mut JobCtx,
    target: &Path,
    meta: &std::fs::Metadata,
    w: &DownloadWork,
) -> Result<bool, TransferError> {
    if !meta.is_file() || meta.len() != w.file.size || w.file.etag.is_empty() {
        return Ok(false);
    }
    ctx.state(JobState::Hashing);
    let (path, len) = (target.to_owned(), meta.len());
    let hasher = hash_on_pool(ctx, move |stop, read| hash_prefix(path, len, stop, read)).await?;
    Ok(hasher.hex().eq_ignore_ascii_case(&w.file.etag))
}

/// The MD5 state and length of what a kept part holds; a part longer than the file is
/// discarded.
async fn kept_prefix(
    ctx: &mut JobCtx,
    part: &Path,
    size: u64,
) -> Result<(Md5, u64), TransferError> {
    let len = match tokio::fs::metadata(part).await {
        Ok(meta) if meta.len() <= size => meta.len(),
        _ => 0,
    };
    if len == 0 {
        return Ok((Md5::new(), 0));
    }
    ctx.state(JobState::Hashing);
    let path = part.to_owned();
    let hasher = hash_on_pool(ctx, move |stop, read| hash_prefix(path, len, stop, read)).await?;
    Ok((hasher, len))
}

fn hash_prefix(
    path: PathBuf,
    len: u64,
    cancel: &CancellationToken,
    counter: &AtomicU64,
) -> Result<Md5, TransferError> {
    use std::io::Read;
    let what = display_name(path.as_os_str());
    let file = std::fs::File::open(&path).map_err(|e| TransferError::io(&what, &e))?;
    let mut reader = file.take(len);
    let mut hasher = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        if cancel.is_cancelled() {
            return Err(TransferError::stopped());
        }
        let n = reader
            .read(&mut buf)
            .map_err(|e| TransferError::io(&what, &e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        counter.fetch_add(n as u64, Ordering::Relaxed);
    }
    Ok(hasher)
}

/// The reason for a part file that hit a full disk: what it still needs, and that it stays
/// for the next attempt to continue.
fn disk_full(size: u64, part: &Path) -> TransferError {
    let have = std::fs::metadata(part).map_or(0, |m| m.len());
    let needed = indicatif::HumanBytes(size.saturating_sub(have));
    TransferError::new(
        TransferErrorKind::DiskFull,
        format!(
            "no space left on device: {needed} more needed for {}; the part file is kept and a \
             retry continues it once there is room",
            part.display()
        ),
    )
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

//! One file up: check the source and the target name, then either one single-step request
//! (small files) or the v2 session — one hash pass, `create` (done at once on an instant
//! upload), the slices, and the polled `upload_complete`. A saved session is picked up where
//! it stopped when the file is unchanged; a session the server forgot starts over. A request
//! that may have stored the file but lost its answer is never sent again before the folder
//! has been looked at (`landed`).
//!
//! Empty files: the real drive is reported to refuse 0-byte uploads (API.md trap 26) with an
//! answer nobody has recorded, so a plain refusal (no retryable or known kind) of an empty file
//! is taken as that and reported as such; once the server has refused one, the batch's other
//! empty files are refused without asking it.

mod complete;
mod hash;
mod landed;

use landed::landed;
mod single;
mod slices;

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::SystemTime;

use super::blocking::hash_on_pool;
use super::error::{TransferError, TransferErrorKind};
use super::job::{ConflictInfo, JobState};
use super::plan::{CloudDirs, Created, Retry};
use super::scheduler::{JobCtx, Outcome};
use super::spec::ConflictPolicy;
use super::work::{Resume, UploadSession, UploadWork};
use crate::api::{
    ApiErrorKind, CreateOutcome, CreateRequest, Duplicate, FileId, upload_size_refusal,
};
use crate::fs::local::display_name;

/// Where a file goes and how, once its folder exists.
pub(crate) struct Target<'a> {
    pub path: &'a Path,
    pub parent: FileId,
    pub name: &'a str,
    pub size: u64,
    pub policy: ConflictPolicy,
    pub duplicate: Duplicate,
    /// The name was taken when the folder was listed.
    pub taken: bool,
    /// The cloud path below the batch's destination, for conflict details.
    pub shown: String,
}

pub(crate) async fn run(ctx: &mut JobCtx, w: &UploadWork) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Planning);
    let (size, modified) = stat(&w.local).await?;
    ctx.set_size(size);
    if let Some(reason) = upload_size_refusal(size) {
        // Grown past the limit since planning: refuse before hashing, for good.
        return Err(TransferError::new(TransferErrorKind::TooLarge, reason));
    }
    if size == 0 && ctx.inner.refuses_empty.load(Ordering::Relaxed) {
        return Err(TransferError::empty_file(None));
    }
    let parent = match w.parent {
        Some(parent) => parent,
        None => {
            let retry = Retry {
                cfg: ctx.cfg(),
                cancel: &ctx.cancel,
            };
            let mut dirs = CloudDirs::new(ctx.client()?, retry, w.root);
            let parent = dirs.ensure(&w.rel_dir).await?;
            for (made_in, id) in dirs.take_made() {
                ctx.created(made_in, Some(id));
            }
            ctx.set_upload_parent(parent);
            parent
        }
    };
    let policy = ctx.policy();
    let shown = w
        .rel_dir
        .iter()
        .chain([&w.name])
        .cloned()
        .collect::<Vec<_>>()
        .join("/");
    let t = Target {
        path: &w.local,
        parent,
        name: &w.name,
        size,
        policy,
        duplicate: match policy {
            ConflictPolicy::Overwrite => Duplicate::Overwrite,
            ConflictPolicy::KeepBoth => Duplicate::KeepBoth,
            ConflictPolicy::Ask | ConflictPolicy::Skip => Duplicate::Refuse,
        },
        taken: w.existing.is_some(),
        shown,
    };
    if let Resume::Sent {
        etag,
        size: sent_size,
        modified: sent_modified,
    } = ctx.resume()
    {
        // An earlier attempt's answer was lost: it may have stored the file.
        if (sent_size, sent_modified) == (size, modified)
            && let Some(id) = landed(ctx, &t, &etag).await?
        {
            ctx.created(t.parent, Some(id));
            return Ok(Outcome::Done { reused: false });
        }
        ctx.set_resume(Resume::None);
    }
    if let Some(existing) = w.existing {
        let info = ConflictInfo {
            name: w.name.clone(),
            target: t.shown.clone(),
            existing_is_dir: existing.is_dir,
            existing_size: Some(existing.size),
            new_size: size,
        };
        match policy {
            ConflictPolicy::Skip => return Ok(Outcome::Skipped(exists(&w.name))),
            ConflictPolicy::Ask => return Ok(Outcome::Conflict(info)),
            ConflictPolicy::Overwrite if existing.is_dir => {
                return Err(folder_in_the_way(&w.name));
            }
            ConflictPolicy::Overwrite | ConflictPolicy::KeepBoth => {}
        }
    }
    if let Resume::Upload(session) = ctx.resume() {
        if session.size == size && session.modified == modified {
            match finish(ctx, &t, session, None).await {
                Err(e) if e.kind == TransferErrorKind::SessionLost => {
                    tracing::info!(
                        job = ctx.id.0,
                        "saved upload session is gone; starting over"
                    );
                }
                other => return other,
            }
        }
        ctx.set_resume(Resume::None);
    }
    let sent = match size <= ctx.cfg().single_step_max {
        true => single::run(ctx, &t, modified).await,
        false => sliced(ctx, &t, modified).await,
    };
    sent.map_err(|e| refused_empty(ctx, size, e))
}

/// A plain refusal of an empty file is the drive refusing empty files.
fn refused_empty(ctx: &JobCtx, size: u64, e: TransferError) -> TransferError {
    if size != 0 || e.kind != TransferErrorKind::Api(ApiErrorKind::Fatal) {
        return e;
    }
    ctx.inner.refuses_empty.store(true, Ordering::Relaxed);
    TransferError::empty_file(Some(&e.message))
}

async fn sliced(
    ctx: &mut JobCtx,
    t: &Target<'_>,
    modified: Option<SystemTime>,
) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Hashing);
    let guess = ctx.inner.slice_hint.load(Ordering::Relaxed);
    let (path, size) = (t.path.to_owned(), t.size);
    let hashes = hash_on_pool(ctx, move |stop, read| {
        hash::hash_file(&path, size, guess, stop, read)
    })
    .await?;
    ctx.checksum(&hashes.etag);
    let mut request = CreateRequest::new(t.parent, t.name, &hashes.etag, t.size);
    request.duplicate = t.duplicate;
    ctx.set_resume(sent(&hashes.etag, t.size, modified));
    let client = ctx.client()?.clone();
    let created = Retry {
        cfg: ctx.cfg(),
        cancel: &ctx.cancel,
    }
    .call_creating(
        || client.create_file(&request),
        // Only an instant upload stores the file at `create`; anything else is a session.
        || landed(ctx, t, &hashes.etag),
    )
    .await;
    if !created.as_ref().is_err_and(TransferError::is_transient) {
        ctx.set_resume(Resume::None);
    }
    let (preupload_id, slice_size, servers) = match created {
        Ok(Created::Found(id)) => {
            ctx.created(t.parent, Some(id));
            return Ok(Outcome::Done { reused: true });
        }
        Ok(Created::Answered(CreateOutcome::Reused { file_id })) => {
            ctx.created(t.parent, file_id);
            return Ok(Outcome::Done { reused: true });
        }
        Ok(Created::Answered(CreateOutcome::Upload {
            preupload_id,
            slice_size,
            servers,
        })) => (preupload_id, slice_size, servers),
        Err(e) if e.kind == TransferErrorKind::Api(ApiErrorKind::Conflict) => {
            return conflict(ctx, t, &hashes.etag, e).await;
        }
        Err(e) => return Err(e),
    };
    ctx.inner.slice_hint.store(slice_size, Ordering::Relaxed);
    let session = UploadSession {
        preupload_id,
        slice_size,
        servers,
        etag: hashes.etag,
        size: t.size,
        modified,
        done: Default::default(),
        completing: false,
    };
    ctx.set_resume(Resume::Upload(session.clone()));
    ctx.inner.save_soon();
    let known = (slice_size == hashes.slice_size).then_some(hashes.slices);
    finish(ctx, t, session, known).await
}

/// Sends what the session lacks, then waits for the server's check.
async fn finish(
    ctx: &mut JobCtx,
    t: &Target<'_>,
    session: UploadSession,
    known: Option<Vec<String>>,
) -> Result<Outcome, TransferError> {
    let preupload_id = session.preupload_id.clone();
    if !session.completing {
        ctx.state(JobState::Uploading);
        let (size, modified) = (session.size, session.modified);
        let sent = slices::send_missing(ctx, t.path.to_owned(), session, known).await;
        // A slice read after the file changed no longer matches the MD5 it was hashed with,
        // and the server refuses it with its own words; say what happened instead.
        let changed = match &sent {
            Err(e) if e.kind == TransferErrorKind::Stopped => false,
            _ => stat(t.path).await? != (size, modified),
        };
        if changed {
            ctx.set_resume(Resume::None);
            return Err(TransferError::source_changed());
        }
        sent?;
        ctx.update_session(|s| s.completing = true);
    }
    ctx.progress_now(t.size);
    ctx.state(JobState::Verifying);
    let id = complete::poll(ctx, &preupload_id).await?;
    ctx.created(t.parent, Some(id));
    Ok(Outcome::Done { reused: false })
}

/// The resume data while a call that may store `etag` is out.
pub(crate) fn sent(etag: &str, size: u64, modified: Option<SystemTime>) -> Resume {
    Resume::Sent {
        etag: etag.to_owned(),
        size,
        modified,
    }
}

/// The server refused the name as taken. If the folder already holds this very content under
/// the name (an earlier attempt got through), the job is done; otherwise the policy decides.
pub(crate) async fn conflict(
    ctx: &JobCtx,
    t: &Target<'_>,
    etag: &str,
    error: TransferError,
) -> Result<Outcome, TransferError> {
    let entries = ctx.run(ctx.client()?.list_all(t.parent)).await??;
    let existing = entries.iter().find(|e| e.name == t.name);
    if let Some(e) = existing.filter(|e| landed::holds(e, t, etag)) {
        ctx.created(t.parent, Some(e.id));
        return Ok(Outcome::Done { reused: false });
    }
    let info = ConflictInfo {
        name: t.name.to_owned(),
        target: t.shown.clone(),
        existing_is_dir: existing.is_some_and(|e| e.is_dir()),
        existing_size: existing.map(|e| e.size),
        new_size: t.size,
    };
    match t.policy {
        ConflictPolicy::Skip => Ok(Outcome::Skipped(exists(t.name))),
        ConflictPolicy::Ask => Ok(Outcome::Conflict(info)),
        ConflictPolicy::Overwrite if info.existing_is_dir => Err(folder_in_the_way(t.name)),
        ConflictPolicy::Overwrite | ConflictPolicy::KeepBoth => Err(error),
    }
}

fn exists(name: &str) -> String {
    format!("`{name}` already exists in the cloud folder")
}

fn folder_in_the_way(name: &str) -> TransferError {
    TransferError::new(
        TransferErrorKind::Api(ApiErrorKind::Conflict),
        format!("a folder named `{name}` is there; a file can't overwrite it"),
    )
}

/// Size and modification time of a regular file (symbolic links followed).
async fn stat(path: &Path) -> Result<(u64, Option<SystemTime>), TransferError> {
    let what = display_name(path.as_os_str());
    let meta = tokio::fs::metadata(path)
        .await
        .map_err(|e| TransferError::io(&what, &e))?;
    if !meta.is_file() {
        return Err(TransferError::new(
            TransferErrorKind::Io,
            format!("{what}: no longer a regular file"),
        ));
    }
    Ok((meta.len(), meta.modified().ok()))
}

//! Small files in one request (`single/create` on a host from `upload/v2/file/domain`): read
//! whole into memory (they are at most `single_step_max` bytes), hashed from that same buffer,
//! sent once. When the server answers without confirming, or the answer is lost, the folder is
//! listed to find the file by name, size and MD5 — so that a retry never stores it twice.

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::time::SystemTime;

use bytes::Bytes;

use super::super::blocking::hash_on_pool;
use super::super::error::{TransferError, TransferErrorKind};
use super::super::job::JobState;
use super::super::scheduler::{JobCtx, Outcome};
use super::super::work::Resume;
use super::landed::landed;
use super::{Target, conflict, sent};
use crate::api::{ApiErrorKind, CreateRequest, md5_hex};
use crate::fs::local::display_name;

pub(crate) async fn run(
    ctx: &mut JobCtx,
    t: &Target<'_>,
    modified: Option<SystemTime>,
) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Hashing);
    let (path, size) = (t.path.to_owned(), t.size);
    let (data, etag) =
        hash_on_pool(ctx, move |stop, read| read_whole(path, size, stop, read)).await?;
    ctx.state(JobState::Uploading);
    ctx.pace(size).await?;
    ctx.checksum(&etag);
    let mut request = CreateRequest::new(t.parent, t.name, &etag, size);
    request.duplicate = t.duplicate;
    let domain = ctx.run(ctx.inner.upload_domain()).await??;
    ctx.set_resume(sent(&etag, size, modified));
    let sent = ctx
        .run(ctx.client()?.upload_single(&domain, &request, data.clone()))
        .await?;
    if let Err(e) = &sent
        && e.is_retryable()
    {
        // The next attempt goes to the next host.
        ctx.inner.rotate_domain();
    }
    if let Err(e) = &sent
        && e.kind == ApiErrorKind::Transient
    {
        // Perhaps stored, answer lost. If the look fails too, `Resume::Sent` stays for the
        // next attempt to look first.
        if let Some(id) = landed(ctx, t, &etag).await? {
            ctx.set_resume(Resume::None);
            ctx.created(t.parent, Some(id));
            return Ok(Outcome::Done { reused: false });
        }
    }
    ctx.set_resume(Resume::None);
    match sent {
        Ok(Some(id)) => {
            ctx.created(t.parent, Some(id));
            Ok(Outcome::Done { reused: false })
        }
        Ok(None) => confirm(ctx, t, &etag).await,
        Err(e) if e.kind == ApiErrorKind::Conflict => conflict(ctx, t, &etag, e.into()).await,
        Err(e) => Err(e.into()),
    }
}

/// The server answered without `completed:true`: the file counts as uploaded only if the
/// folder now holds it.
async fn confirm(ctx: &JobCtx, t: &Target<'_>, etag: &str) -> Result<Outcome, TransferError> {
    match landed(ctx, t, etag).await? {
        Some(id) => {
            ctx.created(t.parent, Some(id));
            Ok(Outcome::Done { reused: false })
        }
        None => Err(TransferError::new(
            TransferErrorKind::Verification,
            "the server did not confirm the upload and the file is not in the folder",
        )),
    }
}

fn read_whole(
    path: PathBuf,
    size: u64,
    cancel: &tokio_util::sync::CancellationToken,
    counter: &AtomicU64,
) -> Result<(Bytes, String), TransferError> {
    if cancel.is_cancelled() {
        return Err(TransferError::stopped());
    }
    let data =
        std::fs::read(&path).map_err(|e| TransferError::io(&display_name(path.as_os_str()), &e))?;
    if data.len() as u64 != size {
        return Err(TransferError::source_changed());
    }
    counter.store(size, std::sync::atomic::Ordering::Relaxed);
    let etag = md5_hex(&data);
    Ok((Bytes::from(data), etag))
}

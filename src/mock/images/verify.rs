//! Whole-image verification after `upload_complete`: the slices must add up to the size and
//! MD5 promised to `create` ("123云盘服务器会校验用户预上传时的MD5与实际上传成功的MD5是否一致"). It
//! runs in the background; the outcome becomes the session's phase, which
//! `upload_complete`/`upload_async_result` report. A mismatch is "文件上传失败".

use std::sync::Arc;

use super::super::clock;
use super::super::reply::ApiError;
use super::super::shared::Shared;
use super::super::tree::Duplicate;
use super::super::upload::check_slices;
use super::session::{ImagePhase, ImageSession, slice_dir};

/// Starts verifying `session` in the background.
pub(crate) fn start(st: &Arc<Shared>, session: ImageSession) {
    let st = Arc::clone(st);
    tokio::spawn(async move {
        let dir = slice_dir(&st.uploads_dir, session.dir);
        let (job, job_dir) = (session.clone(), dir.clone());
        let checked =
            tokio::task::spawn_blocking(move || check_slices(&job_dir, job.promise())).await;
        let placed = match checked {
            Ok(Ok(true)) => st.mutate(|d| place(d, &session, &dir)),
            _ => Err(ApiError::upload_failed()),
        };
        // Gone already when it became the blob.
        let _ = tokio::fs::remove_dir_all(&dir).await;
        let phase = match placed {
            Ok(file_id) => ImagePhase::Done { file_id },
            Err(e) => ImagePhase::Failed {
                code: e.code,
                message: e.message.into_owned(),
            },
        };
        st.mutate(|d| {
            if let Ok(s) = d.images.uploads.get_mut(&session.id) {
                s.phase = phase;
            }
        });
        st.verified.notify_waiters();
    });
}

fn place(
    d: &mut super::super::shared::Drive,
    s: &ImageSession,
    slices: &std::path::Path,
) -> Result<String, ApiError> {
    let dup = Duplicate::from_code(Some(s.duplicate)).unwrap_or(Duplicate::Refuse);
    let content = (s.etag.as_str(), s.size);
    d.images
        .tree
        .check_placeable(&s.parent, &s.name, content, dup)?;
    d.blobs
        .adopt_slices(slices, &s.etag, s.size, s.slice_size)
        .map_err(|_| ApiError::upload_failed())?;
    let placed = d
        .images
        .tree
        .place(&s.parent, &s.name, content, dup, clock::now_secs())?;
    Ok(placed.id)
}

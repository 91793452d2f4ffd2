//! Whole-file verification after `upload_complete`: every slice present with its exact size
//! (all `sliceSize` bytes except the remainder-sized last one), and the MD5 of their
//! concatenation equal to the `etag` given to `create`. It takes the running hash built while
//! the slices arrived when that is complete and trustworthy, and otherwise reads the slices
//! again on the blocking pool; then the slice directory becomes the blob and the file is
//! placed in the tree. The outcome becomes
//! the session's phase: `Done` or `Failed` ("文件上传失败", OpenList #1739).

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use md5_lanes::Md5;

use super::super::clock;
use super::super::reply::ApiError;
use super::super::shared::Shared;
use super::super::tree::Duplicate;
use super::{Phase, Session, slice_dir};

/// What `create` promised: the whole file's size and MD5, cut into `slice_size` pieces.
#[derive(Clone, Copy)]
pub(crate) struct Promise<'a> {
    pub size: u64,
    pub slice_size: u64,
    pub etag: &'a str,
}

impl Promise<'_> {
    /// Number of slices the file is cut into (0 for an empty file).
    pub fn slice_count(&self) -> u64 {
        self.size.div_ceil(self.slice_size.max(1))
    }

    /// Expected byte length of slice `no` (1-based).
    pub fn slice_len(&self, no: u64) -> u64 {
        let start = no.saturating_sub(1).saturating_mul(self.slice_size);
        self.size.saturating_sub(start).min(self.slice_size)
    }
}

/// Whether the slice files `dir/<no>` form the promised file.
pub(crate) fn check_slices(dir: &Path, s: Promise<'_>) -> std::io::Result<bool> {
    let mut sink = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    for no in 1..=s.slice_count() {
        let Ok(mut slice) = File::open(dir.join(no.to_string())) else {
            return Ok(false);
        };
        if slice.metadata()?.len() != s.slice_len(no) {
            return Ok(false);
        }
        loop {
            let n = slice.read(&mut buf)?;
            if n == 0 {
                break;
            }
            sink.update(&buf[..n]);
        }
    }
    Ok(sink.bytes() == s.size && sink.hex() == s.etag)
}

/// Starts verifying `session` in the background.
pub(crate) fn start(st: &Arc<Shared>, session: Session) {
    let st = Arc::clone(st);
    tokio::spawn(async move {
        let dir = slice_dir(&st.uploads_dir, session.dir);
        let checked = match super::assemble::finish(&st, &session).await {
            Some(matches) => Ok(Ok(matches)),
            None => {
                let (job, job_dir) = (session.clone(), dir.clone());
                tokio::task::spawn_blocking(move || check_slices(&job_dir, job.promise())).await
            }
        };
        let phase = match checked {
            Ok(Ok(true)) => st.mutate(|d| {
                let dup =
                    Duplicate::from_code(Some(session.duplicate)).unwrap_or(Duplicate::Refuse);
                let content = (session.etag.clone(), session.size);
                d.tree
                    .check_placeable(session.parent, &session.name, dup)
                    .and_then(|()| {
                        let (etag, size) = (&session.etag, session.size);
                        d.blobs
                            .adopt_slices(&dir, etag, size, session.slice_size)
                            .map_err(|_| ApiError::upload_failed())
                    })
                    .and_then(|()| {
                        d.tree.place_file(
                            session.parent,
                            &session.name,
                            dup,
                            content,
                            clock::now_secs(),
                        )
                    })
            }),
            _ => Err(ApiError::upload_failed()),
        };
        // Gone already when it became the blob.
        let _ = tokio::fs::remove_dir_all(&dir).await;
        let phase = match phase {
            Ok(file_id) => Phase::Done { file_id },
            Err(e) => Phase::Failed {
                code: e.code,
                message: e.message.into_owned(),
            },
        };
        st.mutate(|d| {
            if let Ok(s) = d.uploads.get_mut(&session.id) {
                s.phase = phase;
            }
        });
        st.verified.notify_waiters();
    });
}

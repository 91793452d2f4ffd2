//! Sending an upload session's missing slices: several in flight, each read with its own
//! file handle at its offset (never the whole file in memory), each retried on transient
//! failures on the next upload server. Slice MD5s come from the hash pass when the server's
//! slice size matched the guess; otherwise each slice is hashed as it is read for sending.

use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::{Bytes, BytesMut};
use futures::{StreamExt, TryStreamExt};
use tokio_util::sync::CancellationToken;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::scheduler::{Inner, JobCtx, backoff};
use super::super::work::UploadSession;
use crate::api::{ApiError, ApiErrorKind, md5_hex};
use crate::fs::local::display_name;

/// The server no longer knows the session (expired or never seen): start over.
pub(crate) fn session_lost(e: &ApiError) -> bool {
    e.kind == ApiErrorKind::Fatal && e.message.contains("preuploadID")
}

pub(crate) fn lost() -> TransferError {
    TransferError::new(
        TransferErrorKind::SessionLost,
        "the server no longer knows this upload",
    )
}

struct Sender {
    inner: Arc<Inner>,
    cancel: CancellationToken,
    path: PathBuf,
    session: UploadSession,
    known: Option<Vec<String>>,
    turn: AtomicUsize,
}

/// Sends every slice `session.done` lacks, recording each as it is accepted.
pub(crate) async fn send_missing(
    ctx: &mut JobCtx,
    path: PathBuf,
    session: UploadSession,
    known: Option<Vec<String>>,
) -> Result<(), TransferError> {
    let mut done_bytes = session.done_bytes();
    ctx.resumed(done_bytes);
    let todo: Vec<u32> = (1..=session.slice_count())
        .filter(|no| !session.done.contains(no))
        .collect();
    let sender = Sender {
        inner: Arc::clone(&ctx.inner),
        cancel: ctx.cancel.clone(),
        path,
        session,
        known,
        turn: AtomicUsize::new(0),
    };
    let parallel = ctx.cfg().slice_parallelism;
    let mut sent = futures::stream::iter(todo)
        .map(|no| sender.send(no))
        .buffer_unordered(parallel);
    while let Some((no, len)) = sent.try_next().await? {
        ctx.update_session(|s| {
            s.done.insert(no);
        });
        ctx.inner.save_soon();
        done_bytes += len;
        ctx.progress(done_bytes);
    }
    Ok(())
}

impl Sender {
    async fn send(&self, no: u32) -> Result<(u32, u64), TransferError> {
        let (offset, len) = self.session.slice_span(no);
        if let Some(pacer) = &self.inner.pacer {
            self.stoppable(pacer.take(len)).await?;
        }
        let known = self
            .known
            .as_ref()
            .and_then(|k| k.get(no as usize - 1).cloned());
        let size = usize::try_from(len)
            .map_err(|_| TransferError::new(TransferErrorKind::Io, "slice too large"))?;
        let buf = self.inner.buffers.take(size);
        let (path, cancel) = (self.path.clone(), self.cancel.clone());
        let read =
            tokio::task::spawn_blocking(move || read_slice(&path, offset, buf, known, &cancel));
        let (data, md5) = read
            .await
            .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))??;
        let sent = self.send_read(no, data.clone(), &md5).await;
        self.inner.buffers.give(data);
        sent.map(|()| (no, len))
    }

    /// Sends slice `no`, moving on to the next server after a transient failure.
    async fn send_read(&self, no: u32, data: Bytes, md5: &str) -> Result<(), TransferError> {
        let cfg = &self.inner.cfg;
        let servers = &self.session.servers;
        let mut tries = 0;
        loop {
            let turn = self.turn.load(Ordering::Relaxed);
            let server = servers.get(turn % servers.len().max(1)).ok_or_else(|| {
                TransferError::new(TransferErrorKind::SessionLost, "no upload server")
            })?;
            let upload = self.inner.client()?.upload_slice_hashed(
                server,
                &self.session.preupload_id,
                no,
                data.clone(),
                md5,
            );
            match self.stoppable(upload).await? {
                Ok(()) => return Ok(()),
                Err(e) if session_lost(&e) => return Err(lost()),
                Err(e) if e.is_retryable() && tries + 1 < cfg.slice_attempts => {
                    tracing::debug!(slice = no, "slice failed, next server: {e}");
                    self.turn.fetch_add(1, Ordering::Relaxed);
                    self.stoppable(tokio::time::sleep(backoff(cfg, tries)))
                        .await?;
                    tries += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    async fn stoppable<T>(&self, work: impl Future<Output = T>) -> Result<T, TransferError> {
        tokio::select! {
            out = work => Ok(out),
            () = self.cancel.cancelled() => Err(TransferError::stopped()),
        }
    }
}

/// Fills `buf` from `offset`, hashing the bytes unless their MD5 is `known`.
fn read_slice(
    path: &std::path::Path,
    offset: u64,
    mut buf: BytesMut,
    known: Option<String>,
    cancel: &CancellationToken,
) -> Result<(Bytes, String), TransferError> {
    if cancel.is_cancelled() {
        return Err(TransferError::stopped());
    }
    let what = display_name(path.as_os_str());
    let io = |e: std::io::Error| TransferError::io(&what, &e);
    let mut file = std::fs::File::open(path).map_err(io)?;
    file.seek(SeekFrom::Start(offset)).map_err(io)?;
    file.read_exact(&mut buf).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => TransferError::source_changed(),
        _ => io(e),
    })?;
    let md5 = known.unwrap_or_else(|| md5_hex(&buf));
    Ok((buf.freeze(), md5))
}

//! Running file work (hashing, reading, writing) on the blocking pool while the job keeps
//! reporting how far it got, and MD5 helpers shared by uploads and downloads.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use md5::{Digest, Md5};
use tokio::task::JoinHandle;

use super::error::{TransferError, TransferErrorKind};
use super::scheduler::JobCtx;

/// Lowercase hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn md5_hex_of(hasher: Md5) -> String {
    hex(&hasher.finalize())
}

/// Awaits a blocking task, sending `Hashed` events from `counter` meanwhile. The task is
/// expected to watch the job's token itself and return early when it fires.
pub(crate) async fn await_hashing<T>(
    ctx: &mut JobCtx,
    task: JoinHandle<Result<T, TransferError>>,
    counter: &Arc<AtomicU64>,
) -> Result<T, TransferError> {
    let every = ctx
        .cfg()
        .progress_interval
        .max(std::time::Duration::from_millis(10));
    tokio::pin!(task);
    loop {
        tokio::select! {
            joined = &mut task => {
                ctx.hashed(counter.load(Ordering::Relaxed), true);
                return joined.map_err(|e| {
                    TransferError::new(TransferErrorKind::Io, format!("file task failed: {e}"))
                })?;
            }
            () = tokio::time::sleep(every) => ctx.hashed(counter.load(Ordering::Relaxed), false),
        }
    }
}

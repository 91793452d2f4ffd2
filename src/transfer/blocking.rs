//! Running file work (hashing, reading, writing) on the blocking pool while the job keeps
//! reporting how far it got.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio_util::sync::CancellationToken;

use super::error::{TransferError, TransferErrorKind};
use super::scheduler::JobCtx;

/// Runs file work on the blocking pool, handing it the job's token (to stop early) and a byte
/// counter, from which `Hashed` events are sent meanwhile.
pub(crate) async fn hash_on_pool<T: Send + 'static>(
    ctx: &mut JobCtx,
    work: impl FnOnce(&CancellationToken, &AtomicU64) -> Result<T, TransferError> + Send + 'static,
) -> Result<T, TransferError> {
    on_pool(ctx, work, JobCtx::hashed).await
}

/// Runs file work on the blocking pool as [`hash_on_pool`] does, telling `report` the
/// counter's value meanwhile (`last`: the work ended).
pub(crate) async fn on_pool<T: Send + 'static>(
    ctx: &mut JobCtx,
    work: impl FnOnce(&CancellationToken, &AtomicU64) -> Result<T, TransferError> + Send + 'static,
    mut report: impl FnMut(&mut JobCtx, u64, bool),
) -> Result<T, TransferError> {
    let counter = Arc::new(AtomicU64::new(0));
    let (cancel, count) = (ctx.cancel.clone(), Arc::clone(&counter));
    let task = tokio::task::spawn_blocking(move || work(&cancel, &count));
    let every = ctx
        .cfg()
        .progress_interval
        .max(std::time::Duration::from_millis(10));
    tokio::pin!(task);
    loop {
        tokio::select! {
            joined = &mut task => {
                report(ctx, counter.load(Ordering::Relaxed), true);
                return joined.map_err(|e| {
                    TransferError::new(TransferErrorKind::Io, format!("file task failed: {e}"))
                })?;
            }
            () = tokio::time::sleep(every) => report(ctx, counter.load(Ordering::Relaxed), false),
        }
    }
}

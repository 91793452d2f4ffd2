//! Writing the queue to the state file: at most once per `save_interval` while things change,
//! at once after an urgent change (an accepted upload slice, so a killed process loses at most
//! the slices in flight), and once more when the scheduler stops. Encoding happens under the table lock (a copy of
//! the saved fields), the write on the blocking pool.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::persist;
use super::inner::Inner;
use crate::config::write_private;

/// Writes the queue if it changed since the last write.
pub(crate) async fn save_now(inner: &Inner) -> Result<(), TransferError> {
    let Some(path) = inner.save.path.clone() else {
        return Ok(());
    };
    let _writer = inner.save.writing.lock().await;
    if !inner.save.dirty.swap(false, Ordering::AcqRel) {
        return Ok(());
    }
    let hint = inner.slice_hint.load(Ordering::Relaxed);
    let saved = inner.table().capture(hint);
    let bytes = persist::encode(&saved)?;
    let written = tokio::task::spawn_blocking(move || write_private(&path, &bytes)).await;
    let failure = match written {
        Ok(Ok(())) => return Ok(()),
        Ok(Err(e)) => e.to_string(),
        Err(e) => e.to_string(),
    };
    // Keep it dirty so the next round tries again.
    inner.save.dirty.store(true, Ordering::Release);
    Err(TransferError::new(
        TransferErrorKind::State,
        format!("cannot save the transfer queue: {failure}"),
    ))
}

/// Runs until the scheduler shuts down, then saves a last time.
pub(crate) async fn saver(inner: Arc<Inner>) {
    loop {
        let urgent = tokio::select! {
            () = inner.save.wake.notified() => false,
            () = inner.save.urgent.notified() => true,
            () = inner.root.cancelled() => break,
        };
        if !urgent {
            tokio::select! {
                () = tokio::time::sleep(inner.cfg.save_interval) => {}
                () = inner.save.urgent.notified() => {}
                () = inner.root.cancelled() => break,
            }
        }
        if let Err(e) = save_now(&inner).await {
            tracing::warn!("{e}");
        }
    }
}

//! Saving and reloading the server state (`state.json` in the state directory): tree, blob
//! index, upload sessions, tokens, the image space, shares and direct-link space. Saves are debounced: handlers mark the
//! state dirty and a background task writes it at most every `DEBOUNCE`, atomically (a temp
//! file renamed into place), and once more on shutdown. Copy and import tasks, download URLs
//! and presigned upload URLs are not persisted.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use super::blobs::BlobsSnapshot;
use super::images::ImagesSnapshot;
use super::shared::{Shared, lock};
use super::sharing::Sharing;
use super::tokens::Tokens;
use super::tree::TreeSnapshot;
use super::upload::UploadsSnapshot;

const FILE: &str = "state.json";
const VERSION: u32 = 1;
const DEBOUNCE: Duration = Duration::from_millis(200);

#[derive(Serialize, Deserialize)]
pub(crate) struct Snapshot {
    version: u32,
    pub tree: TreeSnapshot,
    pub blobs: BlobsSnapshot,
    pub uploads: UploadsSnapshot,
    pub tokens: Tokens,
    pub next_task: i64,
    /// Absent in state written before the image space existed.
    #[serde(default)]
    pub images: Option<ImagesSnapshot>,
    /// Shares and direct-link space; absent in state written before they existed.
    #[serde(default)]
    pub sharing: Option<Sharing>,
}

fn invalid(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("mock state: {e}"))
}

/// The saved state in `root`, if any.
pub(crate) fn load(root: &Path) -> std::io::Result<Option<Snapshot>> {
    let bytes = match std::fs::read(root.join(FILE)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let snap: Snapshot = serde_json::from_slice(&bytes).map_err(invalid)?;
    if snap.version != VERSION {
        return Err(invalid(format!("unsupported version {}", snap.version)));
    }
    Ok(Some(snap))
}

fn take(st: &Shared) -> Snapshot {
    let tokens = lock(&st.tokens).clone();
    let d = lock(&st.drive);
    Snapshot {
        version: VERSION,
        tree: d.tree.snapshot(),
        blobs: d.blobs.snapshot(),
        uploads: d.uploads.snapshot(),
        tokens,
        next_task: d.next_task,
        images: Some(d.images.snapshot()),
        sharing: Some(d.sharing.clone()),
    }
}

fn write(root: &Path, snap: &Snapshot) -> std::io::Result<()> {
    let tmp = root.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, serde_json::to_vec(snap).map_err(invalid)?)?;
    std::fs::rename(tmp, root.join(FILE))
}

async fn save(st: &Shared, root: &Path) {
    st.persist.dirty.store(false, Ordering::Release);
    let snap = take(st);
    let root = root.to_owned();
    let result = tokio::task::spawn_blocking(move || write(&root, &snap)).await;
    if !matches!(result, Ok(Ok(()))) {
        tracing::warn!("mock server: saving state failed");
        st.persist.dirty.store(true, Ordering::Release);
    }
}

/// Writes the state whenever it is marked dirty, until `cancel`; then a final save.
pub(crate) async fn saver(st: Arc<Shared>, root: PathBuf, cancel: CancellationToken) {
    loop {
        tokio::select! {
            () = st.persist.wake.notified() => {}
            () = cancel.cancelled() => break,
        }
        tokio::select! {
            () = tokio::time::sleep(DEBOUNCE) => {}
            () = cancel.cancelled() => break,
        }
        if st.persist.dirty.load(Ordering::Acquire) {
            save(&st, &root).await;
        }
    }
    save(&st, &root).await;
}

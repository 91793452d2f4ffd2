//! Per-item outcomes of the batched changes both cloud backends make: ids go in chunks, in
//! order, and a call that fails fails only its own chunk, so one bad chunk never aborts the
//! rest of the batch.

use super::Patch;
use super::pan::to_fs_error;
use crate::api::{ApiError, FileId};

/// Outcome of a batch: ids that went through, `(id, reason)` for the rest, and what the change
/// did to listings (already applied to the backend's cache).
#[derive(Debug, PartialEq, Eq)]
pub struct BatchOutcome<Id = FileId> {
    pub ok: Vec<Id>,
    pub failed: Vec<(Id, String)>,
    pub patch: Patch,
}

impl<Id> Default for BatchOutcome<Id> {
    fn default() -> Self {
        Self {
            ok: Vec::new(),
            failed: Vec::new(),
            patch: Patch::default(),
        }
    }
}

impl<Id: Clone> BatchOutcome<Id> {
    /// Fails every id in `ids` with `reason`.
    pub fn fail_all(&mut self, ids: &[Id], reason: &str) {
        self.failed
            .extend(ids.iter().map(|id| (id.clone(), reason.to_owned())));
    }
}

/// Sends `ids` with `call`, `size` at a time, into `out`; `progress` gets how many ids have
/// been sent so far.
pub(super) async fn chunked<Id, F, Fut>(
    ids: &[Id],
    size: usize,
    out: &mut BatchOutcome<Id>,
    progress: &mut (dyn FnMut(usize) + Send),
    call: F,
) where
    Id: Clone,
    F: Fn(Vec<Id>) -> Fut,
    Fut: Future<Output = Result<(), ApiError>>,
{
    for (i, chunk) in ids.chunks(size).enumerate() {
        match call(chunk.to_vec()).await {
            Ok(()) => out.ok.extend_from_slice(chunk),
            Err(e) => out.fail_all(chunk, &to_fs_error(e).message),
        }
        progress((i * size + chunk.len()).min(ids.len()));
    }
}

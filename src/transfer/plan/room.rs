//! Room in the cloud for an upload batch, checked once its files are known and before any of
//! them is sent: the account's free space (`user/info`: spacePermanent + spaceTemp −
//! spaceUsed) less what the queue's unfinished uploads will still take, handed to the batch's
//! files in plan order. A file that doesn't fit fails at once with the numbers. Instant uploads
//! are counted by size like the rest: their MD5, which would tell, isn't known before hashing.
//! If the account can't be read the check is left to the server.

use std::collections::HashMap;
use std::path::PathBuf;

use super::super::event::TransferEvent;
use super::super::work::Work;
use super::local::LocalTree;
use super::planner::Planner;

/// The files of a batch that won't fit, with the room left when each came up.
#[derive(Debug, Default)]
pub(super) struct Room {
    refused: HashMap<PathBuf, u64>,
}

impl Room {
    /// Why `path` fails before sending, if it does not fit.
    pub fn refusal(&self, path: &PathBuf, size: u64) -> Option<String> {
        self.refused.get(path).map(|&left| {
            format!(
                "no room in the cloud: {} to upload, {} free",
                human(size),
                human(left)
            )
        })
    }
}

pub(super) fn human(bytes: u64) -> String {
    indicatif::HumanBytes(bytes).to_string()
}

/// Reads the free space and decides which files of `tree` fit; announces the ones that don't.
pub(super) async fn check(plan: &Planner<'_>, tree: &LocalTree) -> Room {
    let Ok(client) = plan.inner.client() else {
        return Room::default();
    };
    let info = match plan.retry().call(|| client.user_info()).await {
        Ok(info) => info,
        Err(e) => {
            tracing::info!("free space unknown, not checked before the upload: {e}");
            return Room::default();
        }
    };
    let free = info.space_total().saturating_sub(info.space_used);
    let pending = queued_uploads(plan);
    let mut left = free.saturating_sub(pending);
    let available = left;
    let mut room = Room::default();
    let (mut files, mut bytes) = (0, 0);
    for f in tree.dirs.iter().flat_map(|d| &d.files) {
        match f.size <= left {
            true => left -= f.size,
            false => {
                room.refused.insert(f.path.clone(), left);
                (files, bytes) = (files + 1, bytes + f.size);
            }
        }
    }
    if files > 0 {
        plan.inner.table().emit(TransferEvent::NoRoom {
            batch: plan.batch,
            files,
            bytes,
            free: available,
        });
    }
    room
}

/// Bytes the scheduler's unfinished uploads will still add to the drive.
fn queued_uploads(plan: &Planner<'_>) -> u64 {
    let t = plan.inner.table();
    t.jobs
        .values()
        .filter(|j| matches!(j.work, Work::Upload(_)) && !j.info.state.is_finished())
        .map(|j| j.info.size)
        .sum()
}

//! Planning an upload: walk the local sources (no request yet), announce the totals and the
//! refused entries, check the room in the cloud (files that won't fit fail), then create the cloud folders in pre-order and queue each folder's files
//! as soon as their folder exists, noting any name they would collide with.

use std::path::PathBuf;

use super::super::error::TransferError;
use super::super::job::{Direction, JobState};
use super::super::scheduler::table::NewJob;
use super::super::work::{UploadWork, Work};
use super::cloud::CloudDirs;
use super::planner::Planner;
use super::room;
use crate::api::FileId;
use crate::fs::local::display_name;

/// `a/b/name`: where a file goes below the batch's destination folder.
pub(super) fn cloud_path(rel: &[String], name: &str) -> String {
    rel.iter()
        .map(String::as_str)
        .chain([name])
        .collect::<Vec<_>>()
        .join("/")
}

pub(super) async fn run(
    plan: &Planner<'_>,
    sources: &[PathBuf],
    dest: FileId,
    fix: bool,
) -> Result<(), TransferError> {
    let tree = plan.walk_local(sources, fix, |_| {}, cloud_path).await?;
    let room = room::check(plan, &tree).await;
    let mut dirs = CloudDirs::new(plan.inner.client()?, plan.retry(), dest);
    for dir in tree.dirs {
        plan.cancel_check()?;
        let parent = plan
            .prepare_dir(&mut dirs, &dir.rel, !dir.files.is_empty())
            .await?;
        for f in dir.files {
            let no_room = room.refusal(&f.path, f.size);
            let (parent_id, existing, state) = match &parent {
                Ok((id, listing)) => (
                    Some(*id),
                    listing.get(&f.name).map(|x| x.1),
                    no_room.map_or(JobState::Queued, |reason| JobState::Failed { reason }),
                ),
                Err(reason) => (
                    None,
                    None,
                    JobState::Failed {
                        reason: reason.clone(),
                    },
                ),
            };
            plan.add(NewJob {
                direction: Direction::Upload,
                target: cloud_path(&dir.rel, &f.name),
                source: display_name(f.path.as_os_str()),
                size: f.size,
                work: Work::Upload(UploadWork {
                    local: f.path,
                    root: dest,
                    rel_dir: dir.rel.clone(),
                    parent: parent_id,
                    name: f.name.clone(),
                    existing,
                }),
                name: f.name,
                state,
            });
        }
        plan.inner.wake.notify_waiters();
    }
    Ok(())
}

//! Planning an image upload: walk the local sources (no request yet), refuse every file the
//! image space would refuse (name, size, content) with its reason, announce the totals and
//! the refusals, then make the image folders in pre-order and queue each folder's images.

use std::path::PathBuf;

use super::super::error::TransferError;
use super::super::job::{Direction, JobState};
use super::super::scheduler::table::NewJob;
use super::super::work::{ImageUploadWork, Work};
use super::local::{LocalTree, Refusal};
use super::planner::Planner;
use super::upload::cloud_path;
use crate::fs::img::ImgFs;
use crate::fs::img_upload::{FolderCache, check_file};
use crate::fs::local::display_name;

/// Moves the files the image space would refuse from the tree's folders to its refusals.
pub(super) fn refuse_non_images(tree: &mut LocalTree) {
    for dir in &mut tree.dirs {
        let files = std::mem::take(&mut dir.files);
        for f in files {
            match check_file(&f.path, &f.name, f.size) {
                Ok(()) => dir.files.push(f),
                Err(reason) => tree.refused.push(Refusal {
                    path: f.path,
                    rel: dir.rel.clone(),
                    name: f.name,
                    reason,
                    skip: false,
                }),
            }
        }
    }
}

pub(super) async fn run(
    plan: &Planner<'_>,
    sources: &[PathBuf],
    dest: &str,
) -> Result<(), TransferError> {
    let tree = plan
        .walk_local(sources, false, refuse_non_images, cloud_path)
        .await?;
    let fs = ImgFs::new(plan.inner.client()?.clone());
    let mut made = FolderCache::new();
    for dir in tree.dirs.into_iter().filter(|d| !d.files.is_empty()) {
        plan.cancel_check()?;
        let parent = fs.folder(dest, &dir.rel, &mut made).await;
        for f in dir.files {
            let state = match &parent {
                Ok(_) => JobState::Queued,
                Err(reason) => JobState::Failed {
                    reason: format!("cannot prepare the image folder: {reason}"),
                },
            };
            plan.add(NewJob {
                direction: Direction::Upload,
                target: cloud_path(&dir.rel, &f.name),
                source: display_name(f.path.as_os_str()),
                size: f.size,
                work: Work::ImageUpload(ImageUploadWork {
                    local: f.path,
                    root: dest.to_owned(),
                    rel_dir: dir.rel.clone(),
                    parent: parent.clone().ok(),
                    name: f.name.clone(),
                }),
                name: f.name,
                state,
            });
        }
        plan.inner.wake.notify_waiters();
    }
    Ok(())
}

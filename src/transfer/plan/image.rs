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
use crate::fs::img::ImgFs;
use crate::fs::img_upload::{FolderCache, check_file};
use crate::fs::local::display_name;
use crate::fs::resolve::join;

/// `dest_path/a/b/name`.
fn target(dest_path: &str, rel: &[String], name: &str) -> String {
    rel.iter()
        .map(String::as_str)
        .chain([name])
        .fold(dest_path.to_owned(), |at, n| join(&at, n))
}

/// Moves the files the image space would refuse from the tree's folders to its refusals.
fn refuse_non_images(tree: &mut LocalTree) {
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
    dest_path: &str,
) -> Result<(), TransferError> {
    let to = |rel: &[String], name: &str| target(dest_path, rel, name);
    let tree = plan
        .walk_local(sources, false, refuse_non_images, to)
        .await?;
    let fs = ImgFs::new(plan.inner.client.clone());
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
                target: target(dest_path, &dir.rel, &f.name),
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

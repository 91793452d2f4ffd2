//! Planning a sync's transfers: the files a sync plan chose, each to the same path below the
//! destination root, with the folders they need (and the plan's empty ones) made first. The
//! sources were walked and compared by the caller; nothing here walks a tree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::super::error::TransferError;
use super::super::job::{Direction, JobState};
use super::super::scheduler::table::NewJob;
use super::super::spec::CloudItem;
use super::super::work::{UploadWork, Work};
use super::cloud::CloudDirs;
use super::download::{file_job, local_dir, refused};
use super::planner::Planner;
use crate::api::FileId;
use crate::fs::local::display_name;

/// `a/b/name` → (`["a", "b"]`, `name`).
fn split(path: &str) -> (Vec<String>, &str) {
    let mut parts: Vec<&str> = path.split('/').collect();
    let name = parts.pop().unwrap_or_default();
    (parts.into_iter().map(str::to_owned).collect(), name)
}

fn folders(path: &str) -> Vec<String> {
    path.split('/').map(str::to_owned).collect()
}

pub(super) async fn upload(
    plan: &Planner<'_>,
    root: &Path,
    dirs: &[String],
    files: &[(String, u64)],
    dest: FileId,
) -> Result<(), TransferError> {
    let bytes = files.iter().map(|f| f.1).sum();
    plan.inner
        .with(|t| t.planned(plan.batch, files.len() as u64, bytes));
    let mut by_dir: BTreeMap<Vec<String>, Vec<(&str, &str, u64)>> = BTreeMap::new();
    for d in dirs {
        by_dir.entry(folders(d)).or_default();
    }
    for (path, size) in files {
        let (rel, name) = split(path);
        by_dir.entry(rel).or_default().push((path, name, *size));
    }
    let mut cloud = CloudDirs::new(plan.inner.client()?, plan.retry(), dest);
    for (rel, files) in by_dir {
        plan.cancel_check()?;
        let parent = plan
            .prepare_dir(&mut cloud, &rel, !files.is_empty())
            .await?;
        for (path, name, size) in files {
            let local = path.split('/').fold(root.to_path_buf(), |p, c| p.join(c));
            let (parent_id, existing, state) = match &parent {
                Ok((id, listing)) => (Some(*id), listing.get(name).map(|x| x.1), JobState::Queued),
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
                target: path.to_owned(),
                source: display_name(local.as_os_str()),
                size,
                work: Work::Upload(UploadWork {
                    local,
                    root: dest,
                    rel_dir: rel.clone(),
                    parent: parent_id,
                    name: name.to_owned(),
                    existing,
                }),
                name: name.to_owned(),
                state,
            });
        }
        plan.inner.wake.notify_waiters();
    }
    Ok(())
}

pub(super) fn download(
    plan: &Planner<'_>,
    source_root: &str,
    dirs: &[String],
    files: Vec<(String, CloudItem)>,
    dest: &Path,
) -> Result<(), TransferError> {
    let local = |rel: &[String]| rel.iter().fold(dest.to_path_buf(), |p, c| p.join(c));
    let mut made: BTreeMap<PathBuf, Result<(), String>> = BTreeMap::new();
    let mut ensure = |dir: PathBuf| {
        made.entry(dir.clone())
            .or_insert_with(|| local_dir(&dir))
            .clone()
    };
    for d in dirs {
        let _ = ensure(local(&folders(d)));
    }
    let mut jobs = Vec::new();
    for (path, item) in files {
        plan.cancel_check()?;
        let (rel, _) = split(&path);
        let dir = local(&rel);
        let cloud = format!("{}/{path}", source_root.trim_end_matches('/'));
        jobs.push(match ensure(dir.clone()) {
            Ok(()) => file_job(item, cloud, &dir),
            Err(reason) => refused(&item.name, cloud, &dir.join(&item.name), reason),
        });
    }
    plan.queue_all(jobs);
    Ok(())
}

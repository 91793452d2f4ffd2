//! Planning a download: walk the cloud folders (listing each once), create the local folders,
//! then announce the totals and queue one job per file. Names that can't be local file names
//! and files rejected by review become failed jobs.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::super::error::{TransferError, TransferErrorKind};
use super::super::job::{Direction, JobState};
use super::super::names::local_name;
use super::super::scheduler::table::NewJob;
use super::super::spec::CloudItem;
use super::super::work::{DownloadWork, Work};
use super::planner::Planner;
use crate::fs::local::display_name;
use crate::fs::natural::natural_cmp;

/// A cloud folder still to list: its id, its cloud path, the local folder it maps to.
struct Pending {
    id: i64,
    cloud: String,
    local: PathBuf,
}

pub(super) fn refused(name: &str, cloud: String, local: &Path, reason: String) -> NewJob {
    NewJob {
        direction: Direction::Download,
        name: name.to_owned(),
        source: cloud,
        target: display_name(local.as_os_str()),
        size: 0,
        work: Work::Refused {
            reason: reason.clone(),
            skip: false,
        },
        state: JobState::Failed { reason },
    }
}

pub(super) fn file_job(item: CloudItem, cloud: String, dir: &Path) -> NewJob {
    let target = dir.join(&item.name);
    if let Err(reason) = local_name(&item.name) {
        return refused(&item.name, cloud, &target, reason);
    }
    NewJob {
        direction: Direction::Download,
        name: item.name.clone(),
        source: cloud,
        target: display_name(target.as_os_str()),
        size: item.size,
        work: Work::Download(DownloadWork {
            dir: dir.to_owned(),
            name: item.name.clone(),
            file: item,
        }),
        state: JobState::Queued,
    }
}

/// Makes local folder `dir` (and parents); an existing folder is fine.
pub(super) fn local_dir(dir: &Path) -> Result<(), String> {
    match std::fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) => Err(format!("cannot create the local folder: {e}")),
    }
}

/// Queues cloud folder `item` for listing once its local folder exists.
fn dir_for(
    item: &CloudItem,
    cloud: String,
    parent: &Path,
    pending: &mut VecDeque<Pending>,
    jobs: &mut Vec<NewJob>,
) {
    let local = parent.join(&item.name);
    match local_name(&item.name).and_then(|()| local_dir(&local)) {
        Ok(()) => pending.push_back(Pending {
            id: item.id,
            cloud,
            local,
        }),
        Err(reason) => jobs.push(refused(&item.name, cloud, &local, reason)),
    }
}

pub(super) async fn run(
    plan: &Planner<'_>,
    sources: &[CloudItem],
    dest: &Path,
) -> Result<(), TransferError> {
    let retry = plan.retry();
    let mut jobs = Vec::new();
    let mut pending = VecDeque::new();
    for item in sources {
        let cloud = item.name.clone();
        match item.is_dir {
            true => dir_for(item, cloud, dest, &mut pending, &mut jobs),
            false => jobs.push(file_job(item.clone(), cloud, dest)),
        }
    }
    while let Some(dir) = pending.pop_front() {
        let client = plan.inner.client()?;
        let mut entries = match retry.call(|| client.list_all(dir.id)).await {
            Ok(entries) => entries,
            Err(e) if e.kind == TransferErrorKind::Stopped => {
                return Err(e);
            }
            Err(e) => {
                let reason = format!("cannot list the cloud folder: {e}");
                let name = dir.cloud.rsplit('/').next().unwrap_or_default().to_owned();
                jobs.push(refused(&name, dir.cloud, &dir.local, reason));
                continue;
            }
        };
        // The order panes show, so the queue lists `f2` before `f10`.
        entries.sort_by(|a, b| natural_cmp(&a.name, &b.name));
        for entry in &entries {
            let item = CloudItem::from(entry);
            let cloud = format!("{}/{}", dir.cloud, item.name);
            if item.is_dir {
                dir_for(&item, cloud, &dir.local, &mut pending, &mut jobs);
            } else if entry.is_rejected() {
                let reason = "rejected by 123pan's review; it can't be downloaded".to_owned();
                jobs.push(refused(
                    &item.name,
                    cloud,
                    &dir.local.join(&item.name),
                    reason,
                ));
            } else {
                jobs.push(file_job(item, cloud, &dir.local));
            }
        }
    }
    let bytes = jobs.iter().map(|j| j.size).sum();
    plan.inner
        .with(|t| t.planned(plan.batch, jobs.len() as u64, bytes));
    for job in jobs {
        plan.add(job);
    }
    plan.inner.wake.notify_waiters();
    Ok(())
}

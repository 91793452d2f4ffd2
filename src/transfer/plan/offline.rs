//! Planning offline downloads: one job per URL, nothing walked and no request made. A URL the
//! drive would not fetch, or a name it would refuse, becomes a failed job with the reason.

use super::super::error::TransferError;
use super::super::job::{Direction, JobState};
use super::super::scheduler::table::NewJob;
use super::super::work::{OfflineWork, Work};
use super::planner::Planner;
use crate::api::{FileId, check_fetch_url, url_file_name};
use crate::plan::names::validate_cloud_name;

/// Why the drive would not take this URL or name, checked before any request.
fn refusal(url: &str, name: Option<&str>) -> Option<String> {
    if let Err(why) = check_fetch_url(url) {
        return Some(why);
    }
    let e = validate_cloud_name(name?).err()?;
    Some(format!("{e}; 123pan refuses it"))
}

pub(super) fn run(
    plan: &Planner<'_>,
    urls: &[String],
    dest: Option<FileId>,
    dest_path: &str,
    name: Option<&str>,
) -> Result<(), TransferError> {
    plan.inner
        .with(|t| t.planned(plan.batch, urls.len() as u64, 0));
    // One name for several URLs would give every file that name.
    let name = name.filter(|_| urls.len() == 1);
    for url in urls {
        plan.cancel_check()?;
        let url = url.trim().to_owned();
        let shown = name.map_or_else(|| url_file_name(&url), str::to_owned);
        let target = match dest_path.ends_with('/') {
            true => format!("{dest_path}{shown}"),
            false => format!("{dest_path}/{shown}"),
        };
        let (work, state) = match refusal(&url, name) {
            Some(reason) => (
                Work::Refused {
                    reason: reason.clone(),
                    skip: false,
                },
                JobState::Failed { reason },
            ),
            None => (
                Work::Offline(OfflineWork {
                    url: url.clone(),
                    dir: dest,
                    name: name.map(str::to_owned),
                    task: None,
                }),
                JobState::Queued,
            ),
        };
        plan.add(NewJob {
            direction: Direction::Offline,
            name: shown,
            source: url,
            target,
            size: 0,
            work,
            state,
        });
    }
    plan.inner.wake.notify_waiters();
    Ok(())
}

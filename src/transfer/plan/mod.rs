//! Planning a batch: walk the sources (local folders for uploads and copies, cloud folders
//! for downloads; offline downloads have nothing to walk), create the target folders, and queue
//! one job per file with the batch's totals. Entries that can't be transferred (a refused
//! name, a special file, an unreadable folder) become finished jobs with their reason,
//! announced before any request is made for the rest.

mod check;
mod cloud;
mod copy;
mod download;
mod image;
mod local;
mod offline;
mod planner;
mod room;
mod sync;
mod upload;

use std::collections::HashSet;
use std::sync::Arc;

pub use check::{CHECK_LIMIT, CheckRefusal, UploadCheck, check_upload};
pub(crate) use cloud::{CloudDirs, Created, Retry};

use super::error::TransferErrorKind;
use super::job::{BatchId, Direction, JobState};
use super::scheduler::Inner;
use super::scheduler::table::NewJob;
use super::spec::TransferSpec;
use super::work::Work;

/// Plans batch `batch`, skipping sources in `known` (jobs it already has after a restore).
pub(crate) async fn run(
    inner: Arc<Inner>,
    batch: BatchId,
    spec: TransferSpec,
    known: HashSet<String>,
) {
    let cancel = inner.table().batches.get(&batch).map(|b| b.cancel.clone());
    let Some(cancel) = cancel else {
        return;
    };
    let plan = planner::Planner {
        inner: &inner,
        batch,
        known: &known,
        cancel: &cancel,
    };
    let result = match spec {
        TransferSpec::Upload {
            sources,
            dest_dir,
            fix_names,
            ..
        } => upload::run(&plan, &sources, dest_dir, fix_names).await,
        TransferSpec::Download {
            sources, dest_dir, ..
        } => download::run(&plan, &sources, &dest_dir).await,
        TransferSpec::ImageUpload {
            sources, dest_dir, ..
        } => image::run(&plan, &sources, &dest_dir).await,
        TransferSpec::LocalCopy {
            sources, dest_dir, ..
        } => copy::run(&plan, &sources, &dest_dir).await,
        TransferSpec::SyncUpload(s) => {
            sync::upload(&plan, &s.root, &s.dirs, &s.files, s.dest_dir).await
        }
        TransferSpec::SyncDownload(s) => {
            let s = *s;
            sync::download(&plan, &s.source_root, &s.dirs, s.files, &s.dest_dir)
        }
        TransferSpec::Offline {
            urls,
            dest_dir,
            dest_path,
            name,
        } => offline::run(&plan, &urls, dest_dir, &dest_path, name.as_deref()),
    };
    if inner.root.is_cancelled() {
        // Shutting down: the batch stays "planning" in the state file and is planned again.
        return;
    }
    if let Err(e) = result
        && e.kind != TransferErrorKind::Stopped
    {
        let direction = inner.table().batches.get(&batch).map(|b| b.direction);
        let reason = format!("planning failed: {e}");
        let job = NewJob {
            direction: direction.unwrap_or(Direction::Upload),
            name: String::new(),
            source: String::new(),
            target: String::new(),
            size: 0,
            work: Work::Refused {
                reason: reason.clone(),
                skip: false,
            },
            state: JobState::Failed { reason },
        };
        inner.with(|t| t.add_job(batch, job));
    }
    inner.with(|t| t.planning_done(batch));
}

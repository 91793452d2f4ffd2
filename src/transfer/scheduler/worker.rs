//! The worker loop: take the first queued job, run its attempts, settle its state. A fixed
//! number of these run, so at most `workers` file jobs are ever active; offline downloads
//! (which only poll) get a task each from `offline_lane`. Transient failures get a
//! bounded number of further attempts with backoff, each announced with its reason.

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::super::config::TransferConfig;
use super::super::download;
use super::super::error::{TransferError, TransferErrorKind};
use super::super::event::TransferEvent;
use super::super::job::{ConflictInfo, JobId, JobState};
use super::super::upload;
use super::super::work::Work;
use super::ctx::JobCtx;
use super::inner::Inner;
use super::table::Lane;
use crate::api::RetryPolicy;

/// How a job attempt ended, other than by an error.
#[derive(Debug)]
pub(crate) enum Outcome {
    Done { reused: bool },
    Skipped(String),
    Conflict(ConflictInfo),
}

pub(crate) async fn worker(inner: Arc<Inner>) {
    while let Some((id, cancel)) = inner.next_job(Lane::Files).await {
        run_job(&inner, id, cancel).await;
    }
}

/// Starts every queued offline download as soon as it is queued, each on its own task.
pub(crate) async fn offline_lane(inner: Arc<Inner>) {
    while let Some((id, cancel)) = inner.next_job(Lane::Offline).await {
        let job = Arc::clone(&inner);
        inner.spawn(async move { run_job(&job, id, cancel).await });
    }
}

/// The delay before retry number `retry` (0-based).
pub(crate) fn backoff(cfg: &TransferConfig, retry: u32) -> Duration {
    RetryPolicy {
        base_delay: cfg.retry_delay,
        max_delay: cfg.retry_max_delay,
        ..RetryPolicy::default()
    }
    .backoff(retry)
}

async fn attempt(ctx: &mut JobCtx) -> Result<Outcome, TransferError> {
    let work = ctx.inner.table().jobs.get(&ctx.id).map(|j| j.work.clone());
    match work {
        Some(Work::Upload(w)) => upload::run(ctx, &w).await,
        Some(Work::Download(w)) => download::run(ctx, &w).await,
        Some(Work::Refused { reason, .. }) => {
            Err(TransferError::new(TransferErrorKind::InvalidName, reason))
        }
        Some(Work::ImageUpload(w)) => super::super::image::run(ctx, &w).await,
        Some(Work::LocalCopy(w)) => super::super::copy::run(ctx, &w).await,
        Some(Work::Offline(w)) => super::super::offline::run(ctx, &w).await,
        None => Err(TransferError::stopped()),
    }
}

async fn run_job(inner: &Arc<Inner>, id: JobId, cancel: CancellationToken) {
    let mut ctx = JobCtx::new(Arc::clone(inner), id, cancel);
    let mut tries = 1;
    loop {
        let result = attempt(&mut ctx).await;
        ctx.progress_flush();
        let error = match result {
            Ok(outcome) => return settle(&mut ctx, outcome),
            Err(e) => e,
        };
        if error.kind == TransferErrorKind::Stopped || ctx.cancel.is_cancelled() {
            return stopped(inner, id);
        }
        if !error.is_transient() || tries >= inner.cfg.job_attempts {
            tracing::info!(job = id.0, tries, "transfer failed: {error}");
            let reason = error.to_string();
            return inner.with(|t| t.release(id, JobState::Failed { reason }));
        }
        tries += 1;
        let reason = error.to_string();
        tracing::debug!(job = id.0, tries, "retrying: {reason}");
        inner.with(|t| {
            if let Some(job) = t.jobs.get_mut(&id) {
                job.info.attempt = tries;
                job.info.retry_reason = Some(reason.clone());
            }
            t.emit(TransferEvent::Retrying {
                job: id,
                attempt: tries,
                reason,
            });
        });
        if ctx.sleep(backoff(&inner.cfg, tries - 2)).await.is_err() {
            return stopped(inner, id);
        }
    }
}

fn settle(ctx: &mut JobCtx, outcome: Outcome) {
    let state = match outcome {
        Outcome::Done { reused } => {
            let size = ctx
                .inner
                .table()
                .jobs
                .get(&ctx.id)
                .map_or(0, |j| j.info.size);
            ctx.progress_now(size);
            JobState::Done { reused }
        }
        Outcome::Skipped(reason) => JobState::Skipped { reason },
        Outcome::Conflict(info) => JobState::Conflict(info),
    };
    ctx.inner.with(|t| t.release(ctx.id, state));
}

fn stopped(inner: &Inner, id: JobId) {
    inner.with(|t| t.release_stopped(id));
}

/// Deletes a leftover part file; one that is already gone is fine.
pub(crate) fn remove_quietly(path: &std::path::Path) {
    if let Err(e) = std::fs::remove_file(path)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        tracing::warn!("cannot delete {}: {e}", path.display());
    }
}

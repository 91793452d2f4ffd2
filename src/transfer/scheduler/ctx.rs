//! [`JobCtx`]: what a running job (the upload or download code) may do to its own entry:
//! change its state, report progress (throttled), keep resume data, and wait or call out in a
//! way that stops as soon as the job is paused, cancelled or the scheduler shuts down.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::super::config::TransferConfig;
use super::super::error::TransferError;
use super::super::event::TransferEvent;
use super::super::job::{JobId, JobInfo, JobState, OfflineTask};
use super::super::progress::Throttle;
use super::super::spec::ConflictPolicy;
use super::super::work::{Resume, UploadSession, Work};
use super::inner::Inner;
use crate::api::{Client, FileId};

pub(crate) struct JobCtx {
    pub id: JobId,
    pub inner: Arc<Inner>,
    pub cancel: CancellationToken,
    progress: Throttle,
    hashed: Throttle,
}

impl JobCtx {
    pub fn new(inner: Arc<Inner>, id: JobId, cancel: CancellationToken) -> Self {
        let every = inner.cfg.progress_interval;
        Self {
            id,
            inner,
            cancel,
            progress: Throttle::new(every),
            hashed: Throttle::new(every),
        }
    }

    pub fn client(&self) -> Result<&Client, TransferError> {
        self.inner.client()
    }

    pub fn cfg(&self) -> &TransferConfig {
        &self.inner.cfg
    }

    pub fn policy(&self) -> ConflictPolicy {
        self.inner.table().policy(self.id)
    }

    pub fn state(&self, state: JobState) {
        self.inner.with(|t| t.set_state(self.id, state));
    }

    /// Bytes done, sent at most once per progress interval.
    pub fn progress(&mut self, done: u64) {
        if let Some(v) = self.progress.offer(done, Instant::now()) {
            self.send_progress(v);
        }
    }

    /// Bytes done, sent now (a restart from zero, or the final count).
    pub fn progress_now(&mut self, done: u64) {
        self.progress.force(Instant::now());
        self.send_progress(done);
    }

    /// Sends the progress held back by the throttle, if any.
    pub fn progress_flush(&mut self) {
        if let Some(v) = self.progress.flush() {
            self.send_progress(v);
        }
    }

    fn send_progress(&self, done: u64) {
        let mut t = self.inner.table();
        if let Some(job) = t.jobs.get_mut(&self.id) {
            job.info.done_bytes = done;
        }
        t.emit(TransferEvent::Progress {
            job: self.id,
            done_bytes: done,
        });
    }

    /// The attempt goes on from `from` bytes already in place; progress starts there.
    pub fn resumed(&mut self, from: u64) {
        if from > 0 {
            self.inner
                .table()
                .emit(TransferEvent::Resumed { job: self.id, from });
        }
        self.progress_now(from);
    }

    pub fn hashed(&mut self, bytes: u64, last: bool) {
        let now = Instant::now();
        let send = match last {
            true => Some(bytes),
            false => self.hashed.offer(bytes, now),
        };
        if let Some(bytes) = send {
            let event = TransferEvent::Hashed {
                job: self.id,
                bytes,
            };
            self.inner.table().emit(event);
        }
    }

    /// The upload's file hashed to `md5`.
    pub fn checksum(&self, md5: &str) {
        let event = TransferEvent::Checksum {
            job: self.id,
            md5: md5.to_owned(),
        };
        self.inner.table().emit(event);
    }

    /// The job's size changed since planning (the local file grew or shrank).
    pub fn set_size(&self, size: u64) {
        self.revise(|info| std::mem::replace(&mut info.size, size) != size);
    }

    /// The job's file ended up under another name than planned ("keep both" on a download).
    pub fn set_target(&self, target: String) {
        self.revise(|info| {
            info.target != target && {
                info.target = target;
                true
            }
        });
    }

    /// Changes the job's info; if `change` says it did, the info goes out again as `Added`.
    fn revise(&self, change: impl FnOnce(&mut JobInfo) -> bool) {
        self.inner.with(|t| {
            if let Some(job) = t.jobs.get_mut(&self.id)
                && change(&mut job.info)
            {
                let info = job.info.clone();
                t.emit(TransferEvent::Added { job: info });
            }
        });
    }

    /// Reports something this job's upload made in drive folder `parent`.
    pub fn created(&self, parent: FileId, id: Option<FileId>) {
        self.inner.with(|t| {
            if let Some(job) = t.jobs.get(&self.id) {
                let batch = job.info.batch;
                t.emit(TransferEvent::Created { batch, parent, id });
            }
        });
    }

    /// An offline download's task as the server reports it: kept in the job's info (and its
    /// id in the work item, saved at once so a restart asks about this task, not a new one)
    /// and told as `Fetching`.
    pub fn fetching(&self, task: OfflineTask) {
        let new = self.inner.with(|t| {
            let job = t.jobs.get_mut(&self.id)?;
            let new = match &mut job.work {
                Work::Offline(w) => w.task.replace(task.id) != Some(task.id),
                _ => false,
            };
            if job.info.offline != Some(task) {
                job.info.offline = Some(task);
                t.emit(TransferEvent::Fetching { job: self.id, task });
            }
            Some(new)
        });
        if new == Some(true) {
            self.inner.save_soon();
        }
    }

    /// Forgets the offline download's task (it failed): a retry creates a new one.
    pub fn forget_task(&self) {
        self.inner.with(|t| {
            if let Some(job) = t.jobs.get_mut(&self.id)
                && let Work::Offline(w) = &mut job.work
            {
                w.task = None;
            }
        });
    }

    pub fn set_upload_parent(&self, parent: FileId) {
        self.inner.with(|t| {
            if let Some(job) = t.jobs.get_mut(&self.id)
                && let Work::Upload(w) = &mut job.work
            {
                w.parent = Some(parent);
            }
        });
    }

    pub fn resume(&self) -> Resume {
        let t = self.inner.table();
        t.jobs
            .get(&self.id)
            .map(|j| j.resume.clone())
            .unwrap_or_default()
    }

    pub fn set_resume(&self, resume: Resume) {
        self.inner.with(|t| {
            if let Some(job) = t.jobs.get_mut(&self.id) {
                job.resume = resume;
            }
        });
    }

    /// Changes the saved upload session, if there is one.
    pub fn update_session(&self, f: impl FnOnce(&mut UploadSession)) {
        self.inner.with(|t| {
            if let Some(job) = t.jobs.get_mut(&self.id)
                && let Resume::Upload(s) = &mut job.resume
            {
                f(s);
            }
        });
    }

    /// Runs `work` unless the job is stopped first.
    pub async fn run<T>(&self, work: impl Future<Output = T>) -> Result<T, TransferError> {
        tokio::select! {
            out = work => Ok(out),
            () = self.cancel.cancelled() => Err(TransferError::stopped()),
        }
    }

    pub async fn sleep(&self, how_long: Duration) -> Result<(), TransferError> {
        self.run(tokio::time::sleep(how_long)).await
    }

    /// Waits for the transfer-rate cap to allow `bytes` more.
    pub async fn pace(&self, bytes: u64) -> Result<(), TransferError> {
        match &self.inner.pacer {
            Some(pacer) => self.run(pacer.take(bytes)).await,
            None => Ok(()),
        }
    }
}

//! What the scheduler's handle, workers, planners and saver share: the API client, the
//! config, the job table behind one short-held lock, the wake-up for idle workers, the root
//! cancellation token, and small caches (upload domains, the server's last slice size).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::super::buffers::BufferPool;
use super::super::config::TransferConfig;
use super::super::error::{TransferError, TransferErrorKind};
use super::super::job::JobId;
use super::super::progress::Pacer;
use super::table::{Lane, Table};
use crate::api::{ApiError, ApiErrorKind, Client};

pub(crate) struct Inner {
    /// `None` for a scheduler without a cloud account: only local copies can run.
    client: Option<Client>,
    pub cfg: TransferConfig,
    table: Mutex<Table>,
    /// Idle workers wait here; notified whenever a job is queued.
    pub wake: Notify,
    pub root: CancellationToken,
    pub save: SaveState,
    /// The slice size the server gave last, used to hash the next file.
    pub slice_hint: AtomicU64,
    /// The server refused an empty file: later ones are refused without asking it.
    pub refuses_empty: AtomicBool,
    domains: tokio::sync::Mutex<Vec<String>>,
    domain_turn: AtomicUsize,
    pub pacer: Option<Pacer>,
    pub buffers: BufferPool,
    pub tasks: Mutex<Vec<JoinHandle<()>>>,
}

/// Throttled saving of the table to the state file.
pub(crate) struct SaveState {
    pub path: Option<PathBuf>,
    pub dirty: AtomicBool,
    pub wake: Notify,
    /// A change worth writing at once (an accepted slice), without waiting `save_interval`.
    pub urgent: Notify,
    /// One writer at a time (the atomic write uses one temp file name).
    pub writing: tokio::sync::Mutex<()>,
}

impl Inner {
    pub fn new(client: Option<Client>, cfg: TransferConfig, table: Table) -> Self {
        let pacer = cfg.max_bytes_per_sec.map(Pacer::new);
        let buffers = BufferPool::new(cfg.workers.max(1) * cfg.slice_parallelism.max(1));
        Self {
            client,
            slice_hint: AtomicU64::new(cfg.slice_size_guess.max(1)),
            refuses_empty: AtomicBool::new(false),
            save: SaveState {
                path: cfg.state_file.clone(),
                dirty: AtomicBool::new(false),
                wake: Notify::new(),
                urgent: Notify::new(),
                writing: tokio::sync::Mutex::new(()),
            },
            cfg,
            table: Mutex::new(table),
            wake: Notify::new(),
            root: CancellationToken::new(),
            domains: tokio::sync::Mutex::new(Vec::new()),
            domain_turn: AtomicUsize::new(0),
            pacer,
            buffers,
            tasks: Mutex::new(Vec::new()),
        }
    }

    /// The cloud account's client; an error for a scheduler that has none.
    pub fn client(&self) -> Result<&Client, TransferError> {
        self.client.as_ref().ok_or_else(|| {
            TransferError::new(
                TransferErrorKind::Api(ApiErrorKind::Auth),
                "no cloud account is configured: only local copies can run",
            )
        })
    }

    /// The table, for reading. Changes go through [`Inner::with`] so they get saved.
    pub fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Changes the table and schedules a save.
    pub fn with<R>(&self, f: impl FnOnce(&mut Table) -> R) -> R {
        let out = f(&mut self.table());
        self.touch();
        out
    }

    pub fn touch(&self) {
        if self.save.path.is_some() {
            self.save.dirty.store(true, Ordering::Release);
            self.save.wake.notify_one();
        }
    }

    /// Schedules a save now rather than after `save_interval`: what changed costs a lot to
    /// redo if the process dies before the next regular save.
    pub fn save_soon(&self) {
        if self.save.path.is_some() {
            self.save.dirty.store(true, Ordering::Release);
            self.save.urgent.notify_one();
        }
    }

    /// Changes the table, then wakes idle workers (something may have been queued).
    pub fn with_wake<R>(&self, f: impl FnOnce(&mut Table) -> R) -> R {
        let out = self.with(f);
        self.wake.notify_waiters();
        out
    }

    pub fn spawn(&self, task: impl Future<Output = ()> + Send + 'static) {
        let handle = tokio::spawn(task);
        let mut tasks = self.tasks.lock().unwrap_or_else(|p| p.into_inner());
        tasks.retain(|t| !t.is_finished());
        tasks.push(handle);
    }

    /// Waits for a queued job of `lane` and takes it; `None` once the scheduler shuts down.
    pub async fn next_job(&self, lane: Lane) -> Option<(JobId, CancellationToken)> {
        loop {
            let notified = self.wake.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.root.is_cancelled() {
                return None;
            }
            let taken = self.table().take_next(&self.root, lane);
            if let Some(taken) = taken {
                self.touch();
                return Some(taken);
            }
            tokio::select! {
                () = &mut notified => {}
                () = self.root.cancelled() => return None,
            }
        }
    }

    /// A host for single-step uploads (the list is fetched once).
    pub async fn upload_domain(&self) -> Result<String, TransferError> {
        let mut domains = self.domains.lock().await;
        if domains.is_empty() {
            *domains = self.client()?.upload_domains().await?;
        }
        let turn = self.domain_turn.load(Ordering::Relaxed);
        match domains.len() {
            0 => Err(ApiError::new(
                ApiErrorKind::Fatal,
                "upload/v2/file/domain",
                "the server named no upload host",
            )
            .into()),
            n => Ok(domains[turn % n].clone()),
        }
    }

    /// Moves on to the next single-step host after a failure.
    pub fn rotate_domain(&self) {
        self.domain_turn.fetch_add(1, Ordering::Relaxed);
    }
}

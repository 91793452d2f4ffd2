//! The harness: a mock with quiet knobs, a client with quick retries, a scheduler with short
//! timers, an event log that waits for what a test needs, and tree helpers on both sides.

use std::path::{Path, PathBuf};
use std::time::Duration;

use panfm::api::{Auth, Client, ClientConfig, Credentials, RetryPolicy};
use panfm::mock::{Knobs, MockConfig, MockServer};
use panfm::transfer::{
    BatchId, CloudItem, ConflictInfo, ConflictPolicy, JobId, JobInfo, JobState, Scheduler,
    TransferConfig, TransferEvent, TransferSpec,
};
use tokio::sync::mpsc::UnboundedReceiver;

/// How long any wait may take before the test fails with the event log.
const PATIENCE: Duration = Duration::from_secs(60);

pub const SLICE: u64 = 4096;

pub struct Env {
    pub mock: MockServer,
    pub tmp: tempfile::TempDir,
}

/// No QPS limits, small slices, two "not yet" answers per upload; documented spellings only.
pub fn quiet(k: &mut Knobs) {
    k.qps_limits = false;
    k.strict_names = true;
    k.slice_size = SLICE;
    k.complete_pending_polls = 2;
}

impl Env {
    pub async fn new() -> Env {
        Env::with(quiet).await
    }

    pub async fn with(knobs: impl FnOnce(&mut Knobs)) -> Env {
        let mut cfg = MockConfig::default();
        quiet(&mut cfg.knobs);
        knobs(&mut cfg.knobs);
        Env {
            mock: MockServer::start(cfg).await.unwrap(),
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// A client without the client-side limiter (the mock's own knob decides) and with quick
    /// retries.
    pub fn client(&self) -> Client {
        let creds = Credentials::new(self.mock.client_id(), self.mock.client_secret());
        let mut cfg = ClientConfig::new(Auth::Credentials(creds));
        cfg.base_url = self.mock.base_url().to_owned();
        cfg.rate_limit = false;
        cfg.retry = RetryPolicy {
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(100),
            ..RetryPolicy::default()
        };
        Client::new(cfg).unwrap()
    }

    pub fn start(&self, cfg: TransferConfig) -> (Scheduler, Events) {
        let (scheduler, rx) = Scheduler::new(self.client(), cfg).unwrap();
        (scheduler, Events::new(rx))
    }

    /// Cloud item `id` as a listing shows it.
    pub fn item(&self, id: i64) -> CloudItem {
        let e = self.mock.entry(id).unwrap();
        CloudItem {
            id,
            name: e.name,
            is_dir: e.is_dir,
            size: e.size,
            etag: e.etag,
            modified: None,
        }
    }

    /// The cloud folder at `path` as relative path → content (`None` for folders).
    pub async fn cloud_tree(&self, path: &str) -> Tree {
        let root = self.mock.id_of(path).unwrap();
        let mut out = Tree::new();
        let mut pending = vec![(root, String::new())];
        while let Some((id, prefix)) = pending.pop() {
            for e in self.mock.children(id).into_iter().filter(|e| !e.trashed) {
                let rel = format!("{prefix}{}", e.name);
                if e.is_dir {
                    pending.push((e.id, format!("{rel}/")));
                    out.insert(rel, None);
                } else {
                    out.insert(rel, Some(self.mock.file_bytes(e.id).await.unwrap()));
                }
            }
        }
        out
    }
}

/// An upload of local `sources` into cloud folder `dest`.
pub fn upload_spec(
    sources: Vec<PathBuf>,
    dest: i64,
    policy: ConflictPolicy,
    fix_names: bool,
) -> TransferSpec {
    TransferSpec::Upload {
        sources,
        dest_dir: dest,
        policy,
        fix_names,
    }
}

pub fn download_spec(
    sources: Vec<CloudItem>,
    dest: PathBuf,
    policy: ConflictPolicy,
) -> TransferSpec {
    TransferSpec::Download {
        sources,
        dest_dir: dest,
        policy,
    }
}

pub fn cfg() -> TransferConfig {
    TransferConfig {
        slice_size_guess: SLICE,
        single_step_max: 1024,
        poll_interval: Duration::from_millis(5),
        complete_timeout: Duration::from_secs(30),
        job_attempts: 8,
        retry_delay: Duration::from_millis(5),
        retry_max_delay: Duration::from_millis(50),
        progress_interval: Duration::from_millis(10),
        save_interval: Duration::from_millis(10),
        sync_downloads: false,
        ..TransferConfig::default()
    }
}

pub use crate::tree::{Tree, content, read_tree, write_tree};

pub struct Events {
    rx: UnboundedReceiver<TransferEvent>,
    pub log: Vec<TransferEvent>,
}

pub struct BatchTotals {
    pub ok: u64,
    pub failed: u64,
    pub skipped: u64,
    pub cancelled: u64,
    pub reused_bytes: u64,
}

impl Events {
    pub fn new(rx: UnboundedReceiver<TransferEvent>) -> Self {
        Self {
            rx,
            log: Vec::new(),
        }
    }

    /// Receives until an event matches `pred`, and returns it.
    pub async fn until(
        &mut self,
        what: &str,
        pred: impl Fn(&TransferEvent) -> bool,
    ) -> TransferEvent {
        let waited = tokio::time::timeout(PATIENCE, async {
            loop {
                let event = self.rx.recv().await.expect("scheduler alive");
                self.log.push(event.clone());
                if pred(&event) {
                    return event;
                }
            }
        })
        .await;
        match waited {
            Ok(event) => event,
            Err(_) => panic!(
                "timed out waiting for {what}; events so far: {:#?}",
                self.log
            ),
        }
    }

    pub async fn batch_done(&mut self, batch: BatchId) -> BatchTotals {
        let e = self
            .until(
                "the batch to finish",
                |e| matches!(e, TransferEvent::BatchDone { batch: b, .. } if *b == batch),
            )
            .await;
        let TransferEvent::BatchDone {
            ok,
            failed,
            skipped,
            cancelled,
            reused_bytes,
            ..
        } = e
        else {
            unreachable!()
        };
        BatchTotals {
            ok,
            failed,
            skipped,
            cancelled,
            reused_bytes,
        }
    }

    pub async fn state(&mut self, job: JobId, pred: impl Fn(&JobState) -> bool) -> JobState {
        let e = self
            .until(
                "a job state",
                |e| matches!(e, TransferEvent::State { job: j, state } if *j == job && pred(state)),
            )
            .await;
        match e {
            TransferEvent::State { state, .. } => state,
            _ => unreachable!(),
        }
    }

    /// Waits for a job to stop in `Conflict`.
    pub async fn conflict(&mut self) -> (JobId, ConflictInfo) {
        let conflicted = |e: &TransferEvent| match e {
            TransferEvent::State {
                job,
                state: JobState::Conflict(info),
            } => Some((*job, info.clone())),
            _ => None,
        };
        let e = self.until("a conflict", |e| conflicted(e).is_some()).await;
        conflicted(&e).unwrap()
    }

    /// Waits until some job has moved bytes, and returns it.
    pub async fn moving(&mut self, what: &str) -> JobId {
        let moved = |e: &TransferEvent| match e {
            TransferEvent::Progress { job, done_bytes } if *done_bytes > 0 => Some(*job),
            _ => None,
        };
        let e = self.until(what, |e| moved(e).is_some()).await;
        moved(&e).unwrap()
    }

    /// Jobs added so far (the latest info of each), in order of first appearance.
    pub fn jobs(&self) -> Vec<JobInfo> {
        let mut out: Vec<JobInfo> = Vec::new();
        for e in &self.log {
            if let TransferEvent::Added { job } = e {
                match out.iter_mut().find(|j| j.id == job.id) {
                    Some(j) => *j = job.clone(),
                    None => out.push(job.clone()),
                }
            }
        }
        out
    }

    pub fn job_named(&self, name: &str) -> JobInfo {
        self.jobs()
            .into_iter()
            .find(|j| j.name == name)
            .unwrap_or_else(|| panic!("no job named {name}: {:#?}", self.jobs()))
    }

    /// The last state seen for `job`, from `Added` and `State` events.
    pub fn last_state(&self, job: JobId) -> Option<JobState> {
        self.log.iter().rev().find_map(|e| match e {
            TransferEvent::State { job: j, state } if *j == job => Some(state.clone()),
            TransferEvent::Added { job: info } if info.id == job => Some(info.state.clone()),
            _ => None,
        })
    }

    pub fn progress(&self, job: JobId) -> Vec<u64> {
        self.log
            .iter()
            .filter_map(|e| match e {
                TransferEvent::Progress { job: j, done_bytes } if *j == job => Some(*done_bytes),
                _ => None,
            })
            .collect()
    }
}

/// No part file (or any other hidden leftover) anywhere under `root`.
pub fn assert_no_parts(root: &Path) {
    for (rel, _) in read_tree(root) {
        assert!(!rel.ends_with(".panfm-part"), "leftover part file {rel}");
    }
}

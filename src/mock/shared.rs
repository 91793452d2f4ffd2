//! The state every handler shares: the drive (tree, blobs, upload sessions, copy tasks, the
//! image space), the
//! tokens, the limiter, counters, knobs and the fault RNG, each behind its own short-held
//! mutex. No lock is held across an `.await`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use tokio::sync::Notify;

use super::blobs::Blobs;
use super::config::Knobs;
use super::images::Images;
use super::limiter::Limiter;
use super::offline::OfflineTasks;
use super::sharing::Sharing;
use super::stats::Stats;
use super::tokens::Tokens;
use super::tree::Tree;
use super::upload::Uploads;

/// A poisoned lock only means another request panicked; the data is still usable.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Status of an async copy task: 0 pending, 1 running, 2 done, 3 failed (批量复制文件进度).
pub(crate) type CopyTasks = HashMap<i64, u8>;

pub(crate) struct Drive {
    pub tree: Tree,
    pub blobs: Blobs,
    pub uploads: Uploads,
    pub copies: CopyTasks,
    pub next_task: i64,
    /// The image-hosting space.
    pub images: Images,
    /// Share links and direct-link space.
    pub sharing: Sharing,
    /// Offline download tasks (离线下载).
    pub offline: OfflineTasks,
}

/// A `/dl/<token>` ticket: which content, until when (Unix seconds).
#[derive(Clone)]
pub(crate) struct Ticket {
    pub etag: String,
    pub size: u64,
    pub name: String,
    pub expires: i64,
}

pub(crate) struct Shared {
    pub client_id: String,
    pub client_secret: String,
    pub base_url: String,
    pub uid: i64,
    pub uploads_dir: PathBuf,
    pub drive: Mutex<Drive>,
    pub tokens: Mutex<Tokens>,
    pub limiter: Mutex<Limiter>,
    pub stats: Mutex<Stats>,
    pub tickets: Mutex<HashMap<String, Ticket>>,
    /// Bytes served by `/dl` (for the free-traffic cap).
    pub traffic: AtomicU64,
    /// Woken whenever an upload verification, an image import or an offline download
    /// finishes.
    pub verified: Notify,
    /// Woken whenever the knobs change.
    pub knobs_changed: Notify,
    pub persist: Persist,
    knobs: Mutex<Knobs>,
    rng: Mutex<(Option<u64>, StdRng)>,
}

/// Debounced saving: handlers mark the state dirty, the saver task writes it.
#[derive(Default)]
pub(crate) struct Persist {
    pub enabled: bool,
    pub dirty: AtomicBool,
    pub wake: Notify,
}

pub(crate) struct SharedParts {
    pub client_id: String,
    pub client_secret: String,
    pub base_url: String,
    pub uid: i64,
    pub uploads_dir: PathBuf,
    pub drive: Drive,
    pub tokens: Tokens,
    pub knobs: Knobs,
    pub persistent: bool,
}

fn rng_for(seed: Option<u64>) -> StdRng {
    match seed {
        Some(s) => StdRng::seed_from_u64(s),
        None => rand::make_rng(),
    }
}

impl Shared {
    pub fn new(p: SharedParts) -> Self {
        let seed = p.knobs.rng_seed;
        Shared {
            client_id: p.client_id,
            client_secret: p.client_secret,
            base_url: p.base_url,
            uid: p.uid,
            uploads_dir: p.uploads_dir,
            drive: Mutex::new(p.drive),
            tokens: Mutex::new(p.tokens),
            limiter: Mutex::default(),
            stats: Mutex::default(),
            tickets: Mutex::default(),
            traffic: AtomicU64::new(0),
            verified: Notify::new(),
            knobs_changed: Notify::new(),
            persist: Persist {
                enabled: p.persistent,
                ..Persist::default()
            },
            knobs: Mutex::new(p.knobs),
            rng: Mutex::new((seed, rng_for(seed))),
        }
    }

    pub fn knobs(&self) -> Knobs {
        lock(&self.knobs).clone()
    }

    pub fn set_knobs(&self, f: impl FnOnce(&mut Knobs)) {
        let seed = {
            let mut knobs = lock(&self.knobs);
            f(&mut knobs);
            knobs.rng_seed
        };
        {
            let mut rng = lock(&self.rng);
            if rng.0 != seed {
                *rng = (seed, rng_for(seed));
            }
        }
        self.knobs_changed.notify_waiters();
    }

    /// Uses up one of a counting knob's faults (`cdn_refusals`, `lost_replies`, …): true, and
    /// the count one lower, when any were left.
    pub fn take(&self, counter: impl FnOnce(&mut Knobs) -> &mut u32) -> bool {
        let mut knobs = lock(&self.knobs);
        let left = counter(&mut knobs);
        let some = *left > 0;
        *left = left.saturating_sub(1);
        some
    }

    /// True with probability `p` (clamped to 0..=1).
    pub fn roll(&self, p: f64) -> bool {
        let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
        p > 0.0 && lock(&self.rng).1.random_bool(p)
    }

    /// A uniformly random value in `0..n` (0 when `n == 0`).
    pub fn pick(&self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            lock(&self.rng).1.random_range(0..n)
        }
    }

    /// Runs `f` on the drive and schedules a save.
    pub fn mutate<R>(&self, f: impl FnOnce(&mut Drive) -> R) -> R {
        let out = f(&mut lock(&self.drive));
        self.mark_dirty();
        out
    }

    pub fn mark_dirty(&self) {
        if self.persist.enabled {
            self.persist.dirty.store(true, Ordering::Release);
            self.persist.wake.notify_one();
        }
    }

    pub fn stats(&self) -> MutexGuard<'_, Stats> {
        lock(&self.stats)
    }
}

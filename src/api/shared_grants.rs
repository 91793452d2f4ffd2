//! The rate limiter's recent grants, shared between panfm processes of one account and server
//! (scripts run `panfm` many times in a row, or several at once under `xargs -P`): the server
//! counts requests per account, so each process paces itself against the others' grants too.
//!
//! They live in `<cache>/ratelimit-<key>.json` (mode 0600), keyed like the token cache: the base
//! URL and the client id, or a hash of a ready token, never the token itself. The cache
//! directory, because losing the file costs nothing but one burst. Each grant is read, decided
//! and recorded under an exclusive advisory lock on that file ([`fs4`], `flock`), held only for
//! the read and the write: never across an await. Times are wall-clock epoch milliseconds, the
//! only clock processes share; the limiter keeps its own grants as tokio `Instant`s and maps the
//! others' onto them. Only grants within the largest window are kept. A file that cannot be
//! parsed is logged and rewritten; one that cannot be opened or locked leaves the process
//! pacing on its own. Never an error to the user.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use crate::config::create_private_dir;

/// How long a grant waits for another process to release the file before pacing alone.
const LOCK_WAIT: Duration = Duration::from_millis(250);
/// Grants further ahead than this are taken for a wall clock that was set back, and ignored.
const FUTURE_LIMIT: Duration = Duration::from_secs(300);
const VERSION: u32 = 1;

/// One account's file, and this limiter's mark in it.
#[derive(Debug)]
pub(crate) struct SharedGrants {
    path: PathBuf,
    /// Tells this limiter's grants (also kept in memory) from the other processes'.
    owner: u64,
    warned: AtomicBool,
}

/// The file's content: per endpoint path, `[owner, epoch ms]` pairs, oldest first.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct History {
    v: u32,
    grants: BTreeMap<String, Vec<(u64, u64)>>,
}

impl Default for History {
    fn default() -> Self {
        Self {
            v: VERSION,
            grants: BTreeMap::new(),
        }
    }
}

impl History {
    fn parse(bytes: &[u8]) -> Result<Self, String> {
        if bytes.is_empty() {
            return Ok(Self::default());
        }
        let history: Self = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        match history.v {
            VERSION => Ok(history),
            v => Err(format!("unknown version {v}")),
        }
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The grants of `endpoint` by owners other than `owner`, in epoch ms.
    fn others(&self, endpoint: &str, owner: u64) -> Vec<u64> {
        self.grants.get(endpoint).map_or_else(Vec::new, |list| {
            list.iter()
                .filter(|(o, _)| *o != owner)
                .map(|&(_, at)| at)
                .collect()
        })
    }

    /// Appends a grant and keeps the newest `keep` of that endpoint.
    fn record(&mut self, endpoint: &str, owner: u64, at_ms: u64, keep: usize) {
        let list = self.grants.entry(endpoint.to_owned()).or_default();
        list.push((owner, at_ms));
        let excess = list.len().saturating_sub(keep.max(1));
        list.drain(..excess);
    }

    /// Drops grants older than `horizon` before `now_ms` or implausibly far after it.
    fn prune(&mut self, now_ms: u64, horizon: Duration) {
        let oldest = now_ms.saturating_sub(millis(horizon));
        let latest = now_ms.saturating_add(millis(FUTURE_LIMIT));
        for list in self.grants.values_mut() {
            list.retain(|&(_, at)| at >= oldest && at <= latest);
        }
        self.grants.retain(|_, list| !list.is_empty());
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Time since the epoch; the epoch itself for a clock set before it.
fn wall_now() -> Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

impl SharedGrants {
    pub(crate) fn new(dir: &Path, key: &str) -> Self {
        Self {
            path: dir.join(format!("ratelimit-{key}.json")),
            owner: rand::random(),
            warned: AtomicBool::new(false),
        }
    }

    #[cfg(test)]
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Under the file lock, hands `decide` the other processes' grants of `endpoint` that lie
    /// within `horizon` of `now` (or after it), and records the slot it returns. `None`, without
    /// calling `decide`, when the file cannot be used.
    pub(crate) fn reserve(
        &self,
        endpoint: &str,
        keep: usize,
        horizon: Duration,
        now: Instant,
        decide: impl FnOnce(&[Instant]) -> Instant,
    ) -> Option<Instant> {
        self.reserve_at(endpoint, keep, horizon, (now, wall_now()), decide)
    }

    /// [`SharedGrants::reserve`] with `now` given on both clocks: tokio's and the epoch's.
    fn reserve_at(
        &self,
        endpoint: &str,
        keep: usize,
        horizon: Duration,
        (now, wall): (Instant, Duration),
        decide: impl FnOnce(&[Instant]) -> Instant,
    ) -> Option<Instant> {
        let mut file = self
            .open_locked()
            .map_err(|e| self.trouble("use", &e))
            .ok()?;
        let mut history = self.read(&mut file);
        let now_ms = millis(wall);
        history.prune(now_ms, horizon);
        let others: Vec<Instant> = history
            .others(endpoint, self.owner)
            .into_iter()
            .filter_map(|at| {
                let at = Duration::from_millis(at);
                match at.checked_sub(wall) {
                    Some(ahead) => now.checked_add(ahead),
                    None => now.checked_sub(wall - at),
                }
            })
            .collect();
        let slot = decide(&others);
        // Rounded up, so that another process never sees the grant earlier than it is.
        let at = wall + slot.saturating_duration_since(now);
        let at_ms = u64::try_from(at.as_micros().div_ceil(1000)).unwrap_or(u64::MAX);
        history.record(endpoint, self.owner, at_ms, keep);
        if let Err(e) = write_over(&mut file, &history.to_bytes()) {
            self.trouble("write", &e);
        }
        // Dropping the file releases the lock.
        Some(slot)
    }

    fn open_locked(&self) -> std::io::Result<File> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(&self.path)?;
        let deadline = std::time::Instant::now() + LOCK_WAIT;
        loop {
            // Fully qualified: `File` has inherent lock methods of its own since Rust 1.89.
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => return Ok(file),
                Err(fs4::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    // The holder only reads and writes a few hundred bytes.
                    std::thread::sleep(Duration::from_micros(200));
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::WouldBlock,
                        "still locked by another process",
                    ));
                }
                Err(fs4::TryLockError::Error(e)) => return Err(e),
            }
        }
    }

    /// The file's history; an empty one (to be written afresh) when it is unreadable.
    fn read(&self, file: &mut File) -> History {
        let mut bytes = Vec::new();
        if let Err(e) = file.read_to_end(&mut bytes) {
            self.trouble("read", &e);
            return History::default();
        }
        History::parse(&bytes).unwrap_or_else(|e| {
            tracing::warn!(path = %self.path.display(), error = %e, "rewriting unreadable rate-limit state");
            History::default()
        })
    }

    /// Logs a failure to use the file: the first as a warning, the rest for debugging.
    fn trouble(&self, what: &str, error: &std::io::Error) {
        let path = self.path.display();
        match self.warned.swap(true, Ordering::Relaxed) {
            false => {
                tracing::warn!(%path, %error, "cannot {what} the shared rate-limit state; pacing this process alone")
            }
            true => tracing::debug!(%path, %error, "cannot {what} the shared rate-limit state"),
        }
    }
}

fn write_over(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

#[cfg(test)]
#[path = "shared_grants_tests.rs"]
mod tests;

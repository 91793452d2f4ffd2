//! MD5s of local files kept between runs, so a sync of an unchanged tree hashes nothing. An
//! entry is keyed by the file's absolute path and trusted only while the file's stamp — size,
//! modification and change times to the nanosecond, inode and device — is the one it was
//! hashed with; any difference and it is hashed again. The change time can't be set back by
//! hand, so a file rewritten with its old size and modification time still misses.
//!
//! The cache is one JSON file in the state directory, written whole (temporary file, then a
//! rename: never half-written) with mode 0600. Entries not used for [`KEEP_DAYS`] are dropped
//! when it is saved, and it never holds more than [`MAX_ENTRIES`] (the least recently used
//! go). Paths that are not UTF-8 are hashed every time.

use std::collections::HashMap;
use std::fs::Metadata;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use md5_lanes::Md5;
use serde::{Deserialize, Serialize};

use crate::config::write_private;

pub const FILE_NAME: &str = "md5-cache.json";
pub const KEEP_DAYS: u32 = 90;
pub const MAX_ENTRIES: usize = 2_000_000;

/// What must not have changed for a cached MD5 to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
    pub ino: u64,
    pub dev: u64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Self {
                size: meta.len(),
                mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
                ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
                ino: meta.ino(),
                dev: meta.dev(),
            }
        }
        #[cfg(not(unix))]
        {
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok());
            Self {
                size: meta.len(),
                mtime_ns: mtime.map_or(0, |d| d.as_nanos() as i128),
                ctime_ns: 0,
                ino: 0,
                dev: 0,
            }
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    md5: String,
    /// Days since the Unix epoch it was last looked up or stored.
    used: u32,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    entries: HashMap<String, Entry>,
}

/// Hits, misses and what hashing cost, for the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    pub cached: u64,
    pub hashed: u64,
    pub hashed_bytes: u64,
}

#[derive(Debug, Default)]
pub struct Md5Cache {
    /// `None`: kept in memory only (no state directory).
    file: Option<PathBuf>,
    entries: HashMap<String, Entry>,
    today: u32,
    pub stats: CacheStats,
}

fn today() -> u32 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    u32::try_from(secs / 86_400).unwrap_or(u32::MAX)
}

fn key(path: &Path) -> Option<String> {
    std::path::absolute(path).ok()?.to_str().map(str::to_owned)
}

impl Md5Cache {
    /// The cache in `state_dir` (none: memory only). A missing file is an empty cache; an
    /// unreadable or damaged one too, with a warning in the log (it is rebuilt by hashing).
    pub fn load(state_dir: Option<&Path>) -> Self {
        let file = state_dir.map(|d| d.join(FILE_NAME));
        let entries = match &file {
            None => HashMap::new(),
            Some(f) => match std::fs::read(f) {
                Ok(bytes) => match serde_json::from_slice::<Stored>(&bytes) {
                    Ok(s) if s.version == 1 => s.entries,
                    Ok(_) | Err(_) => {
                        tracing::warn!(
                            "{}: not a cache this panfm reads; starting over",
                            f.display()
                        );
                        HashMap::new()
                    }
                },
                Err(e) if e.kind() == io::ErrorKind::NotFound => HashMap::new(),
                Err(e) => {
                    tracing::warn!("{}: {e}; starting over", f.display());
                    HashMap::new()
                }
            },
        };
        Self {
            file,
            entries,
            today: today(),
            stats: CacheStats::default(),
        }
    }

    /// The MD5 cached for `path` if its stamp is still `stamp`.
    pub fn get(&mut self, path: &Path, stamp: &Stamp) -> Option<String> {
        let entry = self.entries.get_mut(&key(path)?)?;
        if entry.stamp != *stamp {
            return None;
        }
        entry.used = self.today;
        self.stats.cached += 1;
        Some(entry.md5.clone())
    }

    pub fn put(&mut self, path: &Path, stamp: Stamp, md5: String) {
        if let Some(key) = key(path) {
            let used = self.today;
            self.entries.insert(key, Entry { stamp, md5, used });
        }
    }

    /// The MD5 of `path`, from the cache or by hashing it (then cached). The file must still
    /// have `stamp` after it was read, or it is an error: it changed while being hashed.
    pub fn md5(&mut self, path: &Path, stamp: &Stamp) -> io::Result<String> {
        if let Some(md5) = self.get(path, stamp) {
            return Ok(md5);
        }
        let md5 = hash(path)?;
        if Stamp::of(&std::fs::metadata(path)?) != *stamp {
            return Err(io::Error::other("the file changed while it was read"));
        }
        self.stats.hashed += 1;
        self.stats.hashed_bytes += stamp.size;
        self.put(path, *stamp, md5.clone());
        Ok(md5)
    }

    /// Writes the cache, pruned (see the module doc). Memory-only caches write nothing.
    pub fn save(&mut self) -> io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let oldest = self.today.saturating_sub(KEEP_DAYS);
        self.entries.retain(|_, e| e.used >= oldest);
        if self.entries.len() > MAX_ENTRIES {
            let mut used: Vec<u32> = self.entries.values().map(|e| e.used).collect();
            used.sort_unstable_by(|a, b| b.cmp(a));
            if let Some(&cut) = used.get(MAX_ENTRIES - 1) {
                self.entries.retain(|_, e| e.used > cut);
            }
        }
        let stored = Stored {
            version: 1,
            entries: std::mem::take(&mut self.entries),
        };
        let bytes = serde_json::to_vec(&stored).map_err(io::Error::other);
        self.entries = stored.entries;
        write_private(file, &bytes?)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The MD5 of a whole file, lowercase hex.
pub fn hash(path: &Path) -> io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut md5 = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(md5.hex()),
            Ok(n) => md5.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests;

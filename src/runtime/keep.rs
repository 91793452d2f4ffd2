//! The small files that remember the user's places: `bookmarks.toml` in the config directory
//! and `recent.json` in the state directory. Read at start; written whole and atomically after
//! each change, on the blocking pool, where a write that would replace a newer one is skipped
//! so each file ends with the latest. A bookmarks file that cannot be read is never written
//! over (see `app::Bookmarks`); a damaged recent list starts empty.

use crate::app::{Bookmarks, Kept, Recent};
use crate::config::Paths;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct Keep {
    bookmarks: Slot,
    recent: Slot,
}

impl Keep {
    pub fn new(paths: &Paths) -> Self {
        Self {
            bookmarks: Slot::new(bookmarks_file(paths)),
            recent: Slot::new(recent_file(paths)),
        }
    }

    /// Writes `kept` in the background (the handle is for tests).
    pub fn save(&mut self, kept: Kept) -> Option<tokio::task::JoinHandle<()>> {
        match kept {
            Kept::Bookmarks(b) if b.broken.is_some() => None,
            Kept::Bookmarks(b) => Some(self.bookmarks.save(b.to_toml().into_bytes())),
            Kept::Recent(r) => {
                let bytes = serde_json::to_vec(&r).ok()?;
                Some(self.recent.save(bytes))
            }
        }
    }
}

pub fn bookmarks_file(paths: &Paths) -> PathBuf {
    paths.config.join("bookmarks.toml")
}

pub fn recent_file(paths: &Paths) -> PathBuf {
    paths.state.join("recent.json")
}

/// The bookmarks saved before; none when there is no file; `broken` (and none) when it cannot
/// be read.
pub fn load_bookmarks(file: &Path) -> Bookmarks {
    let origin = file.display().to_string();
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Bookmarks::default(),
        Err(e) => return broken(format!("{origin}: {e}")),
    };
    Bookmarks::parse(&text, &origin).unwrap_or_else(broken)
}

fn broken(why: String) -> Bookmarks {
    Bookmarks {
        broken: Some(why),
        ..Bookmarks::default()
    }
}

/// The recent picks and folders saved before; none when missing or damaged.
pub fn load_recent(file: &Path) -> Recent {
    let Ok(bytes) = std::fs::read(file) else {
        return Recent::default();
    };
    Recent::from_json(&bytes)
        .map_err(|e| tracing::warn!("ignoring {}: {e}", file.display()))
        .unwrap_or_default()
}

struct Slot {
    file: PathBuf,
    /// The number of the last write that reached the file.
    written: Arc<Mutex<u64>>,
    next: u64,
}

impl Slot {
    fn new(file: PathBuf) -> Self {
        Self {
            file,
            written: Arc::default(),
            next: 0,
        }
    }

    fn save(&mut self, bytes: Vec<u8>) -> tokio::task::JoinHandle<()> {
        self.next += 1;
        let (seq, file, written) = (self.next, self.file.clone(), self.written.clone());
        tokio::task::spawn_blocking(move || {
            let mut last = written.lock().unwrap_or_else(|e| e.into_inner());
            if *last > seq {
                return;
            }
            match crate::config::write_private(&file, &bytes) {
                Ok(()) => *last = seq,
                Err(e) => tracing::warn!("cannot save {}: {e}", file.display()),
            }
        })
    }
}

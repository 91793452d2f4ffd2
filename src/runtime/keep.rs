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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Command;

    #[tokio::test]
    async fn bookmarks_and_recent_round_trip_through_the_config_and_state_dirs() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let mut keep = Keep::new(&paths);
        let mut b = Bookmarks::default();
        b.marks.insert('a', "cloud:/备份".into());
        b.marks.insert('h', "/home/u".into());
        let mut r = Recent::default();
        r.pick(Command::Copy);
        r.visit("images:/blog");
        let saves = [
            keep.save(Kept::Bookmarks(Bookmarks::default())),
            keep.save(Kept::Bookmarks(b.clone())),
            keep.save(Kept::Recent(r.clone())),
        ];
        for save in saves.into_iter().flatten() {
            save.await.unwrap();
        }
        let file = dir.path().join("bookmarks.toml");
        assert_eq!(load_bookmarks(&file), b, "the latest save wins");
        assert_eq!(load_recent(&dir.path().join("state/recent.json")), r);

        b.marks.remove(&'a');
        keep.save(Kept::Bookmarks(b.clone()))
            .unwrap()
            .await
            .unwrap();
        assert_eq!(load_bookmarks(&file), b, "a removal is kept");
    }

    #[tokio::test]
    async fn a_file_that_cannot_be_read_is_reported_and_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let file = bookmarks_file(&paths);
        assert_eq!(load_bookmarks(&file), Bookmarks::default(), "no file: none");
        std::fs::write(&file, "[bookmarks]\nab = \"/x\"\n").unwrap();
        let loaded = load_bookmarks(&file);
        assert!(loaded.marks.is_empty());
        let why = loaded.broken.clone().unwrap();
        assert!(
            why.contains("bookmarks.toml") && why.contains("`ab`"),
            "{why}"
        );
        assert!(Keep::new(&paths).save(Kept::Bookmarks(loaded)).is_none());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "[bookmarks]\nab = \"/x\"\n"
        );

        let recent = recent_file(&paths);
        std::fs::create_dir_all(recent.parent().unwrap()).unwrap();
        std::fs::write(&recent, b"{ damaged").unwrap();
        assert_eq!(load_recent(&recent), Recent::default());
    }
}

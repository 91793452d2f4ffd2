//! The undo journal on disk (`undo.json` in the state directory, mode 0600): read at start,
//! written whole (atomically) after each change to it. Writes run on the blocking pool one at a
//! time; one that would replace a newer write is skipped, so the file ends with the latest.

use crate::app::UndoHistory;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct Journal {
    file: PathBuf,
    /// The number of the last write that reached the file.
    written: Arc<Mutex<u64>>,
    next: u64,
}

impl Journal {
    pub fn new(file: PathBuf) -> Self {
        Self {
            file,
            written: Arc::default(),
            next: 0,
        }
    }

    /// The journal saved by an earlier run; empty when there is none or it cannot be read.
    pub fn load(file: &Path) -> UndoHistory {
        let Ok(bytes) = std::fs::read(file) else {
            return UndoHistory::default();
        };
        UndoHistory::from_json(&bytes)
            .map_err(|e| tracing::warn!("ignoring {}: {e}", file.display()))
            .unwrap_or_default()
    }

    /// Writes `history` in the background (the handle is for tests).
    pub fn save(&mut self, history: UndoHistory) -> tokio::task::JoinHandle<()> {
        self.next += 1;
        let (seq, file, written) = (self.next, self.file.clone(), self.written.clone());
        tokio::task::spawn_blocking(move || {
            let mut last = written.lock().unwrap_or_else(|e| e.into_inner());
            if *last > seq {
                return;
            }
            match serde_json::to_vec(&history) {
                Ok(bytes) => match crate::config::write_private(&file, &bytes) {
                    Ok(()) => *last = seq,
                    Err(e) => tracing::warn!("cannot save the undo journal: {e}"),
                },
                Err(e) => tracing::warn!("cannot encode the undo journal: {e}"),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::UndoRecord;

    fn history(n: usize) -> UndoHistory {
        let mut h = UndoHistory::default();
        for i in 0..n {
            h.record(UndoRecord {
                description: format!("change {i}"),
                actions: vec![],
            });
        }
        h
    }

    #[tokio::test]
    async fn the_file_ends_with_the_latest_of_quick_saves_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state/undo.json");
        let mut journal = Journal::new(file.clone());
        let saves: Vec<_> = (1..=5).map(|n| journal.save(history(n))).collect();
        for save in saves {
            save.await.unwrap();
        }
        // Whatever order the pool ran them in, the newest is what the file holds.
        assert_eq!(Journal::load(&file), history(5));
        assert_eq!(*journal.written.lock().unwrap(), 5);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_missing_or_damaged_file_is_an_empty_journal() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("undo.json");
        assert!(Journal::load(&file).is_empty());
        std::fs::write(&file, b"{ not json").unwrap();
        assert!(Journal::load(&file).is_empty());
    }
}

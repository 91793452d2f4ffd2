//! [`QueueLock`]: one process at a time runs a saved queue. The owner holds an exclusive
//! `flock` (fs4) on a lock file beside the state file for as long as it runs that queue; the
//! kernel drops it when the process ends, however it ends (kill -9 included), so a stale lock
//! never blocks the next run. Locks are per open file, so two owners inside one process also
//! exclude each other.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::error::{TransferError, TransferErrorKind};
use crate::config::create_private_dir;
use crate::fs::local::display_name;

/// Held while its queue runs; dropping it releases the lock.
#[derive(Debug)]
pub struct QueueLock {
    file: File,
    path: PathBuf,
}

/// Tries for a fresh lock file this many times when the one opened was deleted by its
/// previous owner before it could be locked.
const TRIES: u32 = 5;

impl QueueLock {
    /// Takes the lock file `path` (created 0600, its folder 0700). Another owner holding it is
    /// a [`TransferErrorKind::Busy`] error.
    pub fn acquire(path: &Path) -> Result<Self, TransferError> {
        let shown = display_name(path.as_os_str());
        let io = |e: std::io::Error| TransferError::io(&shown, &e);
        if let Some(dir) = path.parent() {
            create_private_dir(dir).map_err(io)?;
        }
        for _ in 0..TRIES {
            let file = open(path).map_err(io)?;
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(fs4::TryLockError::WouldBlock) => {
                    return Err(TransferError::new(
                        TransferErrorKind::Busy,
                        format!("{shown} is held by another panfm"),
                    ));
                }
                Err(fs4::TryLockError::Error(e)) => return Err(io(e)),
            }
            // The previous owner may have deleted the file between our open and our lock.
            if same_file(&file, path) {
                return Ok(Self {
                    file,
                    path: path.to_owned(),
                });
            }
        }
        Err(TransferError::new(
            TransferErrorKind::Busy,
            format!("{shown} keeps changing owner"),
        ))
    }

    /// Deletes the lock file, then releases the lock (a waiting process then finds the file
    /// gone and makes a new one).
    pub fn remove(self) {
        if let Err(e) = std::fs::remove_file(&self.path)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!("cannot delete {}: {e}", self.path.display());
        }
        drop(self.file);
    }
}

fn open(path: &Path) -> std::io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_owner_at_a_time_and_free_again_after_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/queue.lock");
        let first = QueueLock::acquire(&path).unwrap();
        let second = QueueLock::acquire(&path).unwrap_err();
        assert_eq!(second.kind, TransferErrorKind::Busy);
        drop(first);
        let again = QueueLock::acquire(&path).unwrap();
        again.remove();
        assert!(!path.exists());
        QueueLock::acquire(&path).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.lock");
        let _lock = QueueLock::acquire(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

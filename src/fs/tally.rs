//! What local entries hold: files, folders and bytes, counted by a walk that does not follow
//! symbolic links (a link counts as a file of its own size). Blocking; it stops when told to,
//! or after [`COUNT_LIMIT`] entries, and reports how far it got meanwhile.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

/// Entries a count looks at before it stops and says "at least".
pub const COUNT_LIMIT: u64 = 1_000_000;

/// How often a running count reports.
const EVERY: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: u64,
    pub folders: u64,
    pub bytes: u64,
    /// Entries that could not be read (a folder without permission).
    pub unreadable: u64,
    /// The walk stopped at [`COUNT_LIMIT`]: there is more.
    pub cut: bool,
}

impl Tally {
    fn entries(&self) -> u64 {
        self.files + self.folders + self.unreadable
    }
}

/// Counts `paths` and everything below them; `report` hears the running tally now and then.
/// `None` when cancelled.
pub fn count(
    paths: &[PathBuf],
    cancel: &CancellationToken,
    limit: u64,
    mut report: impl FnMut(&Tally),
) -> Option<Tally> {
    let mut tally = Tally::default();
    let mut pending: Vec<PathBuf> = paths.to_vec();
    let mut last = Instant::now();
    while let Some(path) = pending.pop() {
        if cancel.is_cancelled() {
            return None;
        }
        if tally.entries() >= limit {
            tally.cut = true;
            break;
        }
        visit(&path, &mut tally, &mut pending);
        if last.elapsed() >= EVERY {
            report(&tally);
            last = Instant::now();
        }
    }
    Some(tally)
}

fn visit(path: &Path, tally: &mut Tally, pending: &mut Vec<PathBuf>) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        tally.unreadable += 1;
        return;
    };
    if !meta.is_dir() {
        tally.files += 1;
        tally.bytes += meta.len();
        return;
    }
    tally.folders += 1;
    match std::fs::read_dir(path) {
        Ok(read) => pending.extend(read.filter_map(|e| e.ok().map(|e| e.path()))),
        Err(_) => tally.unreadable += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_files_folders_and_bytes_without_following_links() {
        let d = tempfile::tempdir().unwrap();
        let top = d.path().join("top");
        std::fs::create_dir_all(top.join("a/b")).unwrap();
        std::fs::write(top.join("a/b/x"), [0u8; 100]).unwrap();
        std::fs::write(top.join("y"), [0u8; 20]).unwrap();
        std::fs::write(d.path().join("lone"), [0u8; 3]).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.path(), top.join("loop")).unwrap();
        let paths = [top, d.path().join("lone")];
        let cancel = CancellationToken::new();
        let t = count(&paths, &cancel, COUNT_LIMIT, |_| {}).unwrap();
        let links = u64::from(cfg!(unix));
        assert_eq!((t.files, t.folders, t.cut), (3 + links, 3, false));
        assert!(t.bytes >= 123, "{t:?}");

        let t = count(&paths, &cancel, 2, |_| {}).unwrap();
        assert!(t.cut && t.entries() == 2, "{t:?}");
        cancel.cancel();
        assert_eq!(count(&paths, &cancel, COUNT_LIMIT, |_| {}), None);
    }
}

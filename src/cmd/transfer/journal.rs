//! The journal of a command-line transfer: the engine's state file for this one command, under
//! `cli/` in the state directory, apart from the TUI's queue. Its name is a digest of what
//! makes a run the same command again: the account and API base, the direction, the sources
//! and the destination both as given and as they resolve (canonical local paths, cloud ids),
//! and `--fix-names` (offline downloads: the URLs, the folder's id and `--name`). The conflict policy and the pacing options are left out, so a run again
//! may change them. A lock beside it keeps two runs of one command from running it together.

use std::path::{Path, PathBuf};

use md5_lanes::Md5;

use crate::api::Client;
use crate::transfer::{QueueLock, TransferError, TransferSpec};

pub(crate) struct Journal {
    pub file: PathBuf,
    lock: QueueLock,
}

impl Journal {
    /// Takes the journal of `spec` in `state_dir`; a run of the same command already holding it
    /// is a `Busy` error.
    pub fn open(
        state_dir: &Path,
        client: &Client,
        spec: &TransferSpec,
    ) -> Result<Self, TransferError> {
        let name = file_name(&client.account(), spec);
        let dir = state_dir.join("cli");
        let lock = QueueLock::acquire(&dir.join(format!("{name}.lock")))?;
        Ok(Self {
            file: dir.join(format!("{name}.json")),
            lock,
        })
    }

    /// The command finished: the journal (already deleted by the engine), the temporary
    /// copies a killed run may have left, and the lock go.
    pub fn close(self) {
        if let (Some(dir), Some(name)) = (self.file.parent(), self.file.file_name()) {
            let temp = format!(".{}.tmp", name.to_string_lossy());
            let leftovers = std::fs::read_dir(dir).into_iter().flatten().flatten();
            for entry in leftovers.filter(|e| e.file_name().to_string_lossy().starts_with(&temp)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        self.lock.remove();
    }
}

fn file_name(account: &str, spec: &TransferSpec) -> String {
    let mut key = format!("{account}\n");
    let (kind, paths, dest) = match spec {
        TransferSpec::Upload {
            sources,
            dest_dir,
            fix_names,
            ..
        } => {
            key.push_str(&format!("fix names: {fix_names}\n"));
            ("upload", both(sources), dest_dir.to_string())
        }
        TransferSpec::Download {
            sources, dest_dir, ..
        } => {
            for s in sources {
                key.push_str(&format!("id {}\n", s.id));
            }
            (
                "download",
                both(std::slice::from_ref(dest_dir)),
                String::new(),
            )
        }
        TransferSpec::ImageUpload {
            sources, dest_dir, ..
        } => ("image", both(sources), dest_dir.clone()),
        TransferSpec::LocalCopy {
            sources, dest_dir, ..
        } => ("copy", both(sources), both(std::slice::from_ref(dest_dir))),
        // The files left change from run to run: a sync is the same command by its two roots.
        TransferSpec::SyncUpload(s) => (
            "sync-up",
            both(std::slice::from_ref(&s.root)),
            s.dest_dir.to_string(),
        ),
        TransferSpec::SyncDownload(s) => (
            "sync-down",
            both(std::slice::from_ref(&s.dest_dir)),
            s.source_root.clone(),
        ),
        TransferSpec::Offline {
            urls,
            dest_dir,
            name,
            ..
        } => {
            key.push_str(&format!("name: {name:?}\n"));
            ("offline", urls.join("\n"), format!("{dest_dir:?}"))
        }
    };
    key.push_str(&format!("{kind}\n{paths}\n{dest}"));
    let digest = Md5::digest(key.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{kind}-{hex}")
}

/// Each path as given and as it resolves: a relative path given again from elsewhere is
/// another command.
fn both(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| {
            let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            format!("{}\t{}\n", p.display(), canonical.display())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::{CloudItem, ConflictPolicy};

    fn up(sources: &[&str], policy: ConflictPolicy, fix_names: bool) -> TransferSpec {
        TransferSpec::Upload {
            sources: sources.iter().map(PathBuf::from).collect(),
            dest_dir: 7,
            policy,
            fix_names,
        }
    }

    #[test]
    fn the_same_command_finds_its_journal_and_another_does_not() {
        let a = file_name("acct", &up(&["a", "b"], ConflictPolicy::Ask, false));
        assert!(a.starts_with("upload-"), "{a}");
        assert_eq!(
            a,
            file_name("acct", &up(&["a", "b"], ConflictPolicy::Skip, false)),
            "the policy may change between runs"
        );
        for other in [
            file_name("other", &up(&["a", "b"], ConflictPolicy::Ask, false)),
            file_name("acct", &up(&["a"], ConflictPolicy::Ask, false)),
            file_name("acct", &up(&["a", "b"], ConflictPolicy::Ask, true)),
        ] {
            assert_ne!(a, other);
        }
        let item = CloudItem {
            id: 5,
            name: "x".into(),
            is_dir: false,
            size: 1,
            etag: String::new(),
            modified: None,
        };
        let down = |id| TransferSpec::Download {
            sources: vec![CloudItem { id, ..item.clone() }],
            dest_dir: PathBuf::from("."),
            policy: ConflictPolicy::Ask,
        };
        assert_eq!(file_name("acct", &down(5)), file_name("acct", &down(5)));
        assert_ne!(file_name("acct", &down(5)), file_name("acct", &down(6)));
    }
}

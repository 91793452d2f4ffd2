//! Editing a file in the user's editor, shared by the TUI (F4) and `panfm edit`: a private
//! folder for a cloud file's copy (`workdir`), the editor (`editor`), the MD5 that says
//! whether a save changed anything and whether the cloud file is still the one that was
//! opened (`check`). The copy goes down and back up through the transfer engine, as the specs
//! here ask; nothing in this module moves a byte of the drive. Depends on `api`, `fs` and
//! `transfer`, never on the UI.

mod check;
mod editor;
mod workdir;

pub use check::{AfterEdit, Closed, FileSum, after_edit, drift, sum};
pub use editor::Editor;
pub use workdir::{private_dir, remove_dir};

use crate::api::FileId;
use crate::transfer::{CloudItem, ConflictPolicy, TransferSpec};
use std::path::{Path, PathBuf};

/// Cloud files above this size are downloaded for editing only after asking.
pub const BIG: u64 = 50 << 20;

/// What to do when the cloud file changed after it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDrift {
    /// Upload over whatever the drive holds now.
    Overwrite,
    /// Upload beside it; the drive names the new file.
    KeepBoth,
    /// Upload nothing; the edited copy stays in its private folder.
    KeepLocal,
}

impl OnDrift {
    /// The upload policy, `None` for keeping the copy here.
    pub fn policy(self) -> Option<ConflictPolicy> {
        match self {
            Self::Overwrite => Some(ConflictPolicy::Overwrite),
            Self::KeepBoth => Some(ConflictPolicy::KeepBoth),
            Self::KeepLocal => None,
        }
    }
}

/// The one-file download of `file` into private folder `dir` (its copy is `dir/NAME`).
pub fn download_spec(file: CloudItem, dir: &Path) -> TransferSpec {
    TransferSpec::Download {
        sources: vec![file],
        dest_dir: dir.to_owned(),
        policy: ConflictPolicy::Overwrite,
    }
}

/// The upload of the edited `copy` back into cloud folder `parent`. The copy carries the
/// cloud file's name, so `Overwrite` replaces that file.
pub fn upload_spec(copy: &Path, parent: FileId, policy: ConflictPolicy) -> TransferSpec {
    TransferSpec::Upload {
        sources: vec![copy.to_owned()],
        dest_dir: parent,
        policy,
        fix_names: false,
    }
}

/// Where the download of `file` into `dir` puts the copy.
pub fn copy_path(dir: &Path, file: &CloudItem) -> PathBuf {
    dir.join(&file.name)
}

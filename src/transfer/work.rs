//! What a job does and how far it got, in the form the state file keeps: the per-file work
//! item from planning ([`Work`]) and the resume data a running job leaves behind ([`Resume`]).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::spec::CloudItem;
use crate::api::FileId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Work {
    Upload(UploadWork),
    Download(DownloadWork),
    /// Refused while planning (bad name, special file, unreadable folder): no request is ever
    /// made for it, and retrying only repeats the refusal. `skip` makes it `Skipped` rather
    /// than `Failed`.
    Refused {
        reason: String,
        skip: bool,
    },
    ImageUpload(ImageUploadWork),
    LocalCopy(CopyWork),
    Offline(OfflineWork),
}

/// One local file (or symbolic link) to `target`, in a folder that planning made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CopyWork {
    #[serde(with = "super::os_path")]
    pub source: PathBuf,
    #[serde(with = "super::os_path")]
    pub target: PathBuf,
}

/// One URL the drive fetches itself (离线下载).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OfflineWork {
    pub url: String,
    /// `None`: the server's default folder.
    pub dir: Option<FileId>,
    pub name: Option<String>,
    /// The server's task once created: a restored job asks about it again instead of
    /// creating another. Cleared when the task failed, so a retry starts a new one.
    pub task: Option<i64>,
}

/// One image into the image space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ImageUploadWork {
    pub local: PathBuf,
    /// The batch's destination image folder and the names of the folders below it.
    pub root: String,
    pub rel_dir: Vec<String>,
    /// The target folder's id when planning could make it.
    pub parent: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct UploadWork {
    pub local: PathBuf,
    /// The batch's destination folder and the cloud names of the folders below it.
    pub root: FileId,
    pub rel_dir: Vec<String>,
    /// The target folder's id once it exists (planning creates it; a retry finds it again).
    pub parent: Option<FileId>,
    pub name: String,
    /// What held the name when the target folder was listed.
    pub existing: Option<Existing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Existing {
    pub is_dir: bool,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DownloadWork {
    pub file: CloudItem,
    pub dir: PathBuf,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Resume {
    #[default]
    None,
    Upload(UploadSession),
    /// The part file holds a prefix of the download.
    Download {
        part: PathBuf,
    },
    /// The part file holds a prefix of the copy's source, as it was when the copy started: a
    /// source of another size or modification time starts the copy over.
    Copy {
        #[serde(with = "super::os_path")]
        part: PathBuf,
        size: u64,
        modified: Option<SystemTime>,
    },
    /// A `create` or single-step upload of this content went out and its answer was lost:
    /// look in the folder before sending it again.
    Sent {
        etag: String,
        size: u64,
        modified: Option<SystemTime>,
    },
}

/// An open upload on the server and which of its slices arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct UploadSession {
    pub preupload_id: String,
    pub slice_size: u64,
    pub servers: Vec<String>,
    pub etag: String,
    /// The source as it was hashed; a different size or mtime makes the session useless.
    pub size: u64,
    pub modified: Option<SystemTime>,
    /// 1-based slice numbers the server accepted.
    pub done: BTreeSet<u32>,
    /// `upload_complete` was called: only polling is left.
    pub completing: bool,
}

impl UploadSession {
    pub fn slice_count(&self) -> u32 {
        u32::try_from(self.size.div_ceil(self.slice_size.max(1))).unwrap_or(u32::MAX)
    }

    /// Byte offset and length of slice `no` (1-based).
    pub fn slice_span(&self, no: u32) -> (u64, u64) {
        let start = u64::from(no.saturating_sub(1)) * self.slice_size;
        (start, self.size.saturating_sub(start).min(self.slice_size))
    }

    pub fn done_bytes(&self) -> u64 {
        self.done.iter().map(|&no| self.slice_span(no).1).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_spans() {
        let s = UploadSession {
            preupload_id: "p".into(),
            slice_size: 10,
            servers: vec![],
            etag: String::new(),
            size: 25,
            modified: None,
            done: [1, 3].into(),
            completing: false,
        };
        assert_eq!(s.slice_count(), 3);
        assert_eq!(s.slice_span(1), (0, 10));
        assert_eq!(s.slice_span(3), (20, 5));
        assert_eq!(s.done_bytes(), 15);
    }
}

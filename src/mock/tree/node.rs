//! One drive item ([`Node`]) and the derived values the wire formats show for it
//! (`category`, `status`).

use serde::{Deserialize, Serialize};

/// The root folder's id; it has no node of its own.
pub(crate) const ROOT: i64 = 0;

/// `status` of ordinary files; the official list example shows 2 for files and 0 for folders.
pub(crate) const STATUS_FILE: i64 = 2;
/// A `status` above 100 means "rejected by review" (审核驳回).
pub(crate) const STATUS_REJECTED: i64 = 101;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Kind {
    Dir,
    /// Content is the blob keyed by `(etag, size)`.
    File {
        etag: String,
        size: u64,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Node {
    pub id: i64,
    pub parent: i64,
    pub name: String,
    pub kind: Kind,
    /// The item's own recycle-bin flag. Descendants of a trashed folder keep theirs.
    pub trashed: bool,
    pub status: i64,
    /// Unix seconds.
    pub created: i64,
    pub updated: i64,
}

impl Node {
    pub fn is_dir(&self) -> bool {
        matches!(self.kind, Kind::Dir)
    }

    pub fn size(&self) -> u64 {
        match self.kind {
            Kind::File { size, .. } => size,
            Kind::Dir => 0,
        }
    }

    pub fn etag(&self) -> &str {
        match &self.kind {
            Kind::File { etag, .. } => etag,
            Kind::Dir => "",
        }
    }

    /// The list `category`: documented as 0 unknown, 1 audio, 2 video, 3 image, but the official
    /// list example shows 10 for a `.json.gz`, so archives get 10 here.
    pub fn category(&self) -> i64 {
        if self.is_dir() {
            return 0;
        }
        let ext = self
            .name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("mp3" | "flac" | "wav" | "m4a" | "aac" | "ogg" | "ape") => 1,
            Some("mp4" | "mkv" | "mov" | "avi" | "webm" | "flv" | "ts") => 2,
            Some("jpg" | "jpeg" | "png" | "gif" | "webp" | "bmp" | "heic" | "svg" | "tif") => 3,
            Some("gz" | "zip" | "7z" | "rar" | "tar" | "xz" | "bz2" | "zst") => 10,
            _ => 0,
        }
    }
}

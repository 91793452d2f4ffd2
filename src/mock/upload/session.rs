//! Upload v2 sessions (one per `preuploadID`): what `create` promised, where the slices live
//! on disk, and how far verification got. Slices are files `uploads/<dir>/<sliceNo>`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::assemble::Assembly;
use super::book::{Book, BookSnapshot, Upload};
use super::verify::Promise;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Phase {
    /// Accepting slices.
    Receiving,
    /// `upload_complete` was called; whole-file verification runs or has run.
    Verifying,
    Done {
        file_id: i64,
    },
    Failed {
        code: i64,
        message: String,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Session {
    pub id: String,
    pub dir: u64,
    pub parent: i64,
    pub name: String,
    /// The create request's `duplicate` code (0/1/2).
    pub duplicate: i64,
    pub etag: String,
    pub size: u64,
    pub slice_size: u64,
    pub phase: Phase,
    /// `upload_complete` calls so far.
    pub polls: u32,
}

impl Session {
    pub fn promise(&self) -> Promise<'_> {
        Promise {
            size: self.size,
            slice_size: self.slice_size,
            etag: &self.etag,
        }
    }

    /// Number of slices the file is cut into (0 for an empty file).
    pub fn slice_count(&self) -> u64 {
        self.promise().slice_count()
    }
}

impl Upload for Session {
    fn id(&self) -> &str {
        &self.id
    }

    fn assign(&mut self, id: String, dir: u64) {
        (self.id, self.dir) = (id, dir);
    }

    fn is_active(&self) -> bool {
        matches!(self.phase, Phase::Receiving | Phase::Verifying)
    }

    fn resume(&mut self) {
        if self.phase == Phase::Verifying {
            self.phase = Phase::Receiving;
            self.polls = 0;
        }
    }
}

/// Running whole-file checks by session id (see `assemble`).
pub(crate) type Assemblies = HashMap<String, Arc<Assembly>>;

pub(crate) type Uploads = Book<Session, Assemblies>;
pub(crate) type UploadsSnapshot = BookSnapshot<Session>;

impl Book<Session, Assemblies> {
    /// The session's running check, started if it has none yet.
    pub fn assembly(&mut self, id: &str) -> Arc<Assembly> {
        let entry = self.more.entry(id.to_owned());
        Arc::clone(entry.or_insert_with(|| Arc::new(Assembly::new())))
    }

    pub fn take_assembly(&mut self, id: &str) -> Option<Arc<Assembly>> {
        self.more.remove(id)
    }

    /// The largest `sliceSize` of the sessions still receiving slices.
    pub fn max_slice_size(&self) -> u64 {
        self.sessions()
            .filter(|s| s.phase == Phase::Receiving)
            .map(|s| s.slice_size)
            .max()
            .unwrap_or(0)
    }
}

pub(crate) fn slice_dir(uploads_root: &Path, session_dir: u64) -> PathBuf {
    uploads_root.join(session_dir.to_string())
}

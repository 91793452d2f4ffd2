//! Upload v2 sessions (one per `preuploadID`): what `create` promised, where the slices live
//! on disk, and how far verification got. Slices are files `uploads/<dir>/<sliceNo>`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::super::reply::ApiError;
use super::assemble::Assembly;
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

#[derive(Default)]
pub(crate) struct Uploads {
    sessions: HashMap<String, Session>,
    next_dir: u64,
    /// Running whole-file checks by session id (see `assemble`); never persisted.
    assemblies: HashMap<String, Arc<Assembly>>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct UploadsSnapshot {
    sessions: Vec<Session>,
    next_dir: u64,
}

impl Uploads {
    pub fn snapshot(&self) -> UploadsSnapshot {
        UploadsSnapshot {
            sessions: self.sessions.values().cloned().collect(),
            next_dir: self.next_dir,
        }
    }

    /// Reloads sessions; a verification cut short by a restart starts over on the next poll.
    pub fn restore(snap: UploadsSnapshot) -> Self {
        let sessions = snap
            .sessions
            .into_iter()
            .map(|mut s| {
                if s.phase == Phase::Verifying {
                    s.phase = Phase::Receiving;
                    s.polls = 0;
                }
                (s.id.clone(), s)
            })
            .collect();
        Uploads {
            sessions,
            next_dir: snap.next_dir,
            assemblies: HashMap::new(),
        }
    }

    /// The session's running check, started if it has none yet.
    pub fn assembly(&mut self, id: &str) -> Arc<Assembly> {
        let entry = self.assemblies.entry(id.to_owned());
        Arc::clone(entry.or_insert_with(|| Arc::new(Assembly::new())))
    }

    pub fn take_assembly(&mut self, id: &str) -> Option<Arc<Assembly>> {
        self.assemblies.remove(id)
    }

    /// Opens a session; `preuploadID` is a long opaque token like the real one.
    pub fn open(&mut self, mut session: Session) -> Session {
        let raw: [u8; 48] = rand::random();
        session.id = URL_SAFE_NO_PAD.encode(raw);
        session.dir = self.next_dir;
        self.next_dir += 1;
        self.sessions.insert(session.id.clone(), session.clone());
        session
    }

    pub fn get(&self, id: &str) -> Result<&Session, ApiError> {
        self.sessions
            .get(id)
            .ok_or_else(|| ApiError::new(1, "preuploadID不存在"))
    }

    pub fn get_mut(&mut self, id: &str) -> Result<&mut Session, ApiError> {
        self.sessions
            .get_mut(id)
            .ok_or_else(|| ApiError::new(1, "preuploadID不存在"))
    }

    /// The largest `sliceSize` of the sessions still receiving slices.
    pub fn max_slice_size(&self) -> u64 {
        self.sessions
            .values()
            .filter(|s| s.phase == Phase::Receiving)
            .map(|s| s.slice_size)
            .max()
            .unwrap_or(0)
    }

    pub fn active(&self) -> usize {
        self.sessions
            .values()
            .filter(|s| matches!(s.phase, Phase::Receiving | Phase::Verifying))
            .count()
    }
}

pub(crate) fn slice_dir(uploads_root: &Path, session_dir: u64) -> PathBuf {
    uploads_root.join(session_dir.to_string())
}

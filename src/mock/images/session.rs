//! Image upload sessions (one per `preuploadID`) and the presigned PUT tickets handed out by
//! `get_upload_url`. Slices live in `uploads/oss-<dir>/<sliceNo>`; tickets are not persisted
//! (after a restart a PUT gets 403 and the client asks for a new URL, as with an expired one).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::super::reply::ApiError;
use super::super::upload::Promise;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum ImagePhase {
    Receiving,
    Verifying,
    Done { file_id: String },
    Failed { code: i64, message: String },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ImageSession {
    pub id: String,
    pub dir: u64,
    pub parent: String,
    pub name: String,
    /// The create request's `duplicate` code (0/1/2).
    pub duplicate: i64,
    pub etag: String,
    pub size: u64,
    pub slice_size: u64,
    /// Received slices: number → (size, MD5).
    pub parts: BTreeMap<u64, (u64, String)>,
    pub phase: ImagePhase,
    /// `upload_complete` / `upload_async_result` calls so far.
    pub polls: u32,
}

impl ImageSession {
    pub fn promise(&self) -> Promise<'_> {
        Promise {
            size: self.size,
            slice_size: self.slice_size,
            etag: &self.etag,
        }
    }
}

/// What a presigned URL lets its bearer PUT.
#[derive(Clone, Debug)]
pub(crate) struct PutTicket {
    pub session: String,
    pub slice_no: u64,
    /// Unix seconds.
    pub expires: i64,
}

#[derive(Default)]
pub(crate) struct ImageUploads {
    sessions: HashMap<String, ImageSession>,
    next_dir: u64,
    tickets: HashMap<String, PutTicket>,
    /// URLs still to be handed out already expired (fault injection).
    pub stale_urls: u32,
}

#[derive(Default, Serialize, Deserialize)]
pub(crate) struct ImageUploadsSnapshot {
    sessions: Vec<ImageSession>,
    next_dir: u64,
}

fn unknown() -> ApiError {
    ApiError::new(1, "preuploadID不存在")
}

impl ImageUploads {
    pub fn snapshot(&self) -> ImageUploadsSnapshot {
        ImageUploadsSnapshot {
            sessions: self.sessions.values().cloned().collect(),
            next_dir: self.next_dir,
        }
    }

    /// Reloads sessions; a verification cut short by a restart starts over on the next poll.
    pub fn restore(snap: ImageUploadsSnapshot) -> Self {
        let sessions = snap
            .sessions
            .into_iter()
            .map(|mut s| {
                if s.phase == ImagePhase::Verifying {
                    s.phase = ImagePhase::Receiving;
                    s.polls = 0;
                }
                (s.id.clone(), s)
            })
            .collect();
        ImageUploads {
            sessions,
            next_dir: snap.next_dir,
            ..ImageUploads::default()
        }
    }

    pub fn open(&mut self, mut session: ImageSession) -> ImageSession {
        let raw: [u8; 48] = rand::random();
        session.id = URL_SAFE_NO_PAD.encode(raw);
        session.dir = self.next_dir;
        self.next_dir += 1;
        self.sessions.insert(session.id.clone(), session.clone());
        session
    }

    pub fn get(&self, id: &str) -> Result<&ImageSession, ApiError> {
        self.sessions.get(id).ok_or_else(unknown)
    }

    pub fn get_mut(&mut self, id: &str) -> Result<&mut ImageSession, ApiError> {
        self.sessions.get_mut(id).ok_or_else(unknown)
    }

    /// Sessions still receiving slices or being verified.
    pub fn active(&self) -> usize {
        self.sessions
            .values()
            .filter(|s| matches!(s.phase, ImagePhase::Receiving | ImagePhase::Verifying))
            .count()
    }

    /// A new ticket token for `ticket`, expired at once while `stale_urls` lasts.
    pub fn issue(&mut self, mut ticket: PutTicket, now: i64) -> String {
        if self.stale_urls > 0 {
            self.stale_urls -= 1;
            ticket.expires = now - 1;
        }
        self.tickets.retain(|_, t| t.expires > now);
        let token = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 24]>());
        self.tickets.insert(token.clone(), ticket);
        token
    }

    /// The ticket behind `token`, if it has not expired.
    pub fn ticket(&self, token: &str, now: i64) -> Option<PutTicket> {
        self.tickets.get(token).filter(|t| t.expires > now).cloned()
    }

    pub fn expire_tickets(&mut self) {
        self.tickets.clear();
    }
}

pub(crate) fn slice_dir(uploads_root: &Path, session_dir: u64) -> PathBuf {
    uploads_root.join(format!("oss-{session_dir}"))
}

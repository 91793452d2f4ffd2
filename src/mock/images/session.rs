//! Image upload sessions (one per `preuploadID`) and the presigned PUT tickets handed out by
//! `get_upload_url`. Slices live in `uploads/oss-<dir>/<sliceNo>`; tickets are not persisted
//! (after a restart a PUT gets 403 and the client asks for a new URL, as with an expired one).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::super::upload::{Book, BookSnapshot, Promise, Upload};

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

impl Upload for ImageSession {
    fn id(&self) -> &str {
        &self.id
    }

    fn assign(&mut self, id: String, dir: u64) {
        (self.id, self.dir) = (id, dir);
    }

    fn is_active(&self) -> bool {
        matches!(self.phase, ImagePhase::Receiving | ImagePhase::Verifying)
    }

    fn resume(&mut self) {
        if self.phase == ImagePhase::Verifying {
            self.phase = ImagePhase::Receiving;
            self.polls = 0;
        }
    }
}

/// The presigned PUT tickets handed out, by token.
#[derive(Default)]
pub(crate) struct Tickets {
    tickets: HashMap<String, PutTicket>,
    /// URLs still to be handed out already expired (fault injection).
    pub stale_urls: u32,
}

pub(crate) type ImageUploads = Book<ImageSession, Tickets>;
pub(crate) type ImageUploadsSnapshot = BookSnapshot<ImageSession>;

impl Book<ImageSession, Tickets> {
    /// A new ticket token for `ticket`, expired at once while `stale_urls` lasts.
    pub fn issue(&mut self, mut ticket: PutTicket, now: i64) -> String {
        let t = &mut self.more;
        if t.stale_urls > 0 {
            t.stale_urls -= 1;
            ticket.expires = now - 1;
        }
        t.tickets.retain(|_, t| t.expires > now);
        let token = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 24]>());
        t.tickets.insert(token.clone(), ticket);
        token
    }

    /// The ticket behind `token`, if it has not expired.
    pub fn ticket(&self, token: &str, now: i64) -> Option<PutTicket> {
        let ticket = self.more.tickets.get(token);
        ticket.filter(|t| t.expires > now).cloned()
    }

    pub fn expire_tickets(&mut self) {
        self.more.tickets.clear();
    }
}

pub(crate) fn slice_dir(uploads_root: &Path, session_dir: u64) -> PathBuf {
    uploads_root.join(format!("oss-{session_dir}"))
}

//! The open upload sessions of one API (drive uploads, image uploads) by `preuploadID`:
//! opening one with a long opaque id like the real one and its own slice directory number,
//! lookups, and the persisted form. `X` is what else that API keeps beside its sessions
//! (running checks, PUT tickets), never persisted.

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::super::reply::ApiError;

/// What the book needs of a session.
pub(crate) trait Upload: Clone {
    fn id(&self) -> &str;
    /// Gives the session its `preuploadID` and slice directory number.
    fn assign(&mut self, id: String, dir: u64);
    /// Still receiving slices or being verified.
    fn is_active(&self) -> bool;
    /// After a restart: a verification cut short starts over on the next poll.
    fn resume(&mut self);
}

pub(crate) struct Book<S, X> {
    sessions: HashMap<String, S>,
    next_dir: u64,
    pub more: X,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct BookSnapshot<S> {
    sessions: Vec<S>,
    next_dir: u64,
}

impl<S> Default for BookSnapshot<S> {
    fn default() -> Self {
        Self {
            sessions: Vec::new(),
            next_dir: 0,
        }
    }
}

impl<S, X: Default> Default for Book<S, X> {
    fn default() -> Self {
        Self {
            sessions: HashMap::new(),
            next_dir: 0,
            more: X::default(),
        }
    }
}

fn unknown() -> ApiError {
    ApiError::new(1, "preuploadID不存在")
}

impl<S: Upload, X: Default> Book<S, X> {
    pub fn snapshot(&self) -> BookSnapshot<S> {
        BookSnapshot {
            sessions: self.sessions.values().cloned().collect(),
            next_dir: self.next_dir,
        }
    }

    pub fn restore(snap: BookSnapshot<S>) -> Self {
        let sessions = snap.sessions.into_iter().map(|mut s| {
            s.resume();
            (s.id().to_owned(), s)
        });
        Self {
            sessions: sessions.collect(),
            next_dir: snap.next_dir,
            more: X::default(),
        }
    }

    pub fn open(&mut self, mut session: S) -> S {
        let raw: [u8; 48] = rand::random();
        session.assign(URL_SAFE_NO_PAD.encode(raw), self.next_dir);
        self.next_dir += 1;
        self.sessions
            .insert(session.id().to_owned(), session.clone());
        session
    }

    pub fn get(&self, id: &str) -> Result<&S, ApiError> {
        self.sessions.get(id).ok_or_else(unknown)
    }

    pub fn get_mut(&mut self, id: &str) -> Result<&mut S, ApiError> {
        self.sessions.get_mut(id).ok_or_else(unknown)
    }

    pub fn sessions(&self) -> impl Iterator<Item = &S> {
        self.sessions.values()
    }

    /// Sessions still receiving slices or being verified.
    pub fn active(&self) -> usize {
        self.sessions.values().filter(|s| s.is_active()).count()
    }
}

//! F4 as the model tracks it. A local file is opened in the editor at once. A cloud file
//! becomes an [`EditSession`] that walks through [`EditStage`]s: (asked about, when big) →
//! its private folder made and the download queued → the editor → the copy's MD5 compared
//! with what was opened → the cloud file checked for changes since → the upload back queued
//! (or a question, when the cloud file changed) → the folder removed once the upload is
//! verified, or kept and named when it failed. Downloads and uploads are ordinary batches of
//! the transfer queue; a session only knows its batch ids.

use crate::edit::{Closed, FileSum};
use crate::transfer::{BatchId, CloudItem, ConflictPolicy};
use std::path::PathBuf;

pub type EditId = u64;

/// The cloud edits under way (a local edit needs no record).
#[derive(Debug, Clone, Default)]
pub struct Edits {
    pub next: EditId,
    pub sessions: Vec<EditSession>,
}

impl Edits {
    pub fn get(&self, id: EditId) -> Option<&EditSession> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub fn get_mut(&mut self, id: EditId) -> Option<&mut EditSession> {
        self.sessions.iter_mut().find(|s| s.id == id)
    }

    pub fn remove(&mut self, id: EditId) -> Option<EditSession> {
        let at = self.sessions.iter().position(|s| s.id == id)?;
        Some(self.sessions.remove(at))
    }

    /// The session whose download or upload is `batch`.
    pub fn by_batch(&self, batch: BatchId) -> Option<&EditSession> {
        self.sessions.iter().find(|s| s.batch() == Some(batch))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditSession {
    pub id: EditId,
    /// The cloud file as it was when F4 was pressed; its etag is what the copy starts as.
    pub file: CloudItem,
    /// The cloud folder it is in.
    pub parent: i64,
    /// Its path as messages show it (`cloud:/文档/a.md`).
    pub shown: String,
    /// The private folder holding the copy, once made.
    pub dir: Option<PathBuf>,
    pub stage: EditStage,
}

impl EditSession {
    /// The copy in the private folder, once the folder exists.
    pub fn copy(&self) -> Option<PathBuf> {
        self.dir
            .as_deref()
            .map(|d| crate::edit::copy_path(d, &self.file))
    }

    pub fn batch(&self) -> Option<BatchId> {
        match self.stage {
            EditStage::Downloading(b) | EditStage::Uploading(b) => Some(b),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditStage {
    /// Bigger than `edit::BIG`: the question is open.
    AskingBig,
    /// The private folder is being made and the download queued.
    Starting,
    Downloading(BatchId),
    /// The editor has the screen.
    Editing,
    /// Saved with a change (`FileSum`); the drive is being asked about the cloud file.
    Checking(FileSum),
    /// The cloud file changed meanwhile: the question is open.
    AskingDrift,
    /// The upload back was asked for and is not queued yet.
    Queueing,
    Uploading(BatchId),
}

/// What the runtime does for an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditEffect {
    /// Hand the screen to the user's editor on `path`, answering `EditMsg::Closed`; a cloud
    /// edit's copy (`id` set) is hashed when the editor exits.
    Open { id: Option<EditId>, path: PathBuf },
    /// Make a private folder and queue the download of `file` into it, answering
    /// `EditMsg::Fetching`.
    Fetch { id: EditId, file: CloudItem },
    /// Ask the drive about cloud file `file` now, answering `EditMsg::Checked`.
    Check { id: EditId, file: i64 },
    /// Queue the upload of `copy` into cloud folder `parent`, answering `EditMsg::Uploading`.
    Upload {
        id: EditId,
        copy: PathBuf,
        parent: i64,
        policy: ConflictPolicy,
    },
    /// Remove an edit's private folder and what it holds.
    Cleanup { dir: PathBuf },
}

#[derive(Debug, Clone)]
pub enum EditMsg {
    /// Edit `id`'s folder is made and its download queued as the batch (`Err`: why not).
    Fetching {
        id: EditId,
        result: Result<(PathBuf, BatchId), String>,
    },
    /// The editor on `path` exited (`id`: the cloud edit it was for).
    Closed {
        id: Option<EditId>,
        path: PathBuf,
        closed: Closed,
    },
    /// What the drive says about the file now (`Ok(None)`: it doesn't know the id).
    Checked {
        id: EditId,
        result: Result<Option<crate::api::FileEntry>, String>,
    },
    /// The upload back is queued as `batch` (`Err`: why not).
    Uploading {
        id: EditId,
        result: Result<BatchId, String>,
    },
    /// An edit's private folder was removed (`Err`: why it could not be).
    Cleaned {
        dir: PathBuf,
        result: Result<(), String>,
    },
}

/// A question about an edit: downloading a big file, or uploading over a cloud file that
/// changed since it was opened (`drift`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditAsk {
    pub id: EditId,
    pub drift: bool,
    pub title: String,
    pub lines: Vec<String>,
}

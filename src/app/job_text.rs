//! What the queue panel draws of a job, worded here so the view needs none of the transfer
//! engine's types: its arrow, its state in words, what arrived, and the few facts that pick
//! the row's layout.

use super::JobRow;
use crate::transfer::{Direction, JobState};

impl JobRow {
    /// ↑ upload, ↓ download, → local copy, ⇣ offline download (the drive fetching a URL).
    pub fn arrow(&self) -> &'static str {
        match self.info.direction {
            Direction::Upload => "↑",
            Direction::Download => "↓",
            Direction::Copy => "→",
            Direction::Offline => "⇣",
        }
    }

    pub fn is_offline(&self) -> bool {
        self.info.direction == Direction::Offline
    }

    /// Whether the job no longer moves: done, skipped, failed or cancelled.
    pub fn is_finished(&self) -> bool {
        self.info.state.is_finished()
    }

    /// Whether the job waits for an answer about a name that exists.
    pub fn in_conflict(&self) -> bool {
        matches!(self.info.state, JobState::Conflict(_))
    }

    /// What an offline download's job is doing, where it differs from a transfer's wording.
    fn offline_state(&self) -> Option<&'static str> {
        let retrying = self.info.offline.is_some_and(|t| t.retrying);
        match &self.info.state {
            JobState::Planning => Some("asking the drive"),
            JobState::Downloading if retrying => Some("the drive retries"),
            JobState::Downloading => Some("the drive fetches"),
            JobState::Done { .. } => Some("done"),
            _ => None,
        }
    }

    /// The state in words, and whether it is bad news (a failure, a question).
    pub fn state_text(&self) -> (String, bool) {
        if self.info.direction == Direction::Offline
            && let Some(text) = self.offline_state()
        {
            return (text.to_owned(), false);
        }
        match &self.info.state {
            JobState::Queued => ("queued".into(), false),
            JobState::Planning => ("starting".into(), false),
            JobState::Hashing => ("hashing".into(), false),
            JobState::Uploading => ("uploading".into(), false),
            JobState::Downloading => ("downloading".into(), false),
            JobState::Copying => ("copying".into(), false),
            JobState::Verifying => ("verifying".into(), false),
            JobState::Done { reused: true } => match self.info.direction {
                Direction::Upload => ("done (instant)".into(), false),
                Direction::Download | Direction::Copy => ("done (already here)".into(), false),
                Direction::Offline => ("done".into(), false),
            },
            JobState::Done { reused: false } => ("done".into(), false),
            JobState::Skipped { reason } => (format!("skipped: {reason}"), false),
            JobState::Failed { reason } => (format!("failed: {reason}"), true),
            JobState::Paused => ("paused".into(), false),
            JobState::Cancelled => ("cancelled".into(), false),
            JobState::Conflict(_) => (
                "name exists: o overwrite · s skip · b keep both".into(),
                true,
            ),
        }
    }

    /// What arrived of a job that no longer moves: its size once done, `done of size` when part
    /// of it arrived, nothing when nothing did and there is no size to show.
    pub fn arrived(&self) -> String {
        let i = &self.info;
        let (done, size) = (i.done_bytes.min(i.size), i.size);
        match &i.state {
            JobState::Done { .. } => crate::fmt::size(size),
            _ if done > 0 => format!("{} of {}", crate::fmt::size(done), crate::fmt::size(size)),
            _ if size > 0 => crate::fmt::size(size),
            _ => String::new(),
        }
    }
}

//! What the queue panel draws of a job, worded here so the view needs none of the transfer
//! engine's types: its arrow, its state in words, what arrived, the few facts that pick the
//! row's layout, and the details (`i`): where from and to, size, attempts.

use super::{JobRow, Transfers};
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
    pub fn arrived(&self, u: crate::fmt::SizeUnits) -> String {
        let i = &self.info;
        let (done, size) = (i.done_bytes.min(i.size), i.size);
        match &i.state {
            JobState::Done { .. } => crate::fmt::size(size, u),
            _ if done > 0 => format!(
                "{} of {}",
                crate::fmt::size(done, u),
                crate::fmt::size(size, u)
            ),
            _ if size > 0 => crate::fmt::size(size, u),
            _ => String::new(),
        }
    }

    /// `(from, to)` for display.
    pub fn places(&self, transfers: &Transfers) -> (String, String) {
        let i = &self.info;
        let root = transfers.roots.get(&i.batch);
        let below = |rel: &str| match root {
            Some(root) if root.ends_with('/') => format!("{root}{rel}"),
            Some(root) => format!("{root}/{rel}"),
            // Queues saved by older versions gave image uploads their whole path.
            None if rel.starts_with('/') => rel.to_owned(),
            None => format!("{rel} (below the batch's folder)"),
        };
        match i.direction {
            Direction::Upload => (i.source.clone(), below(&i.target)),
            Direction::Download | Direction::Copy => (below(&i.source), i.target.clone()),
            Direction::Offline => (i.source.clone(), format!("cloud:{}", i.target)),
        }
    }

    /// An offline download's progress as the server reports it; its size shows in the folder.
    fn fetched(&self) -> String {
        let i = &self.info;
        let Some(task) = i.offline else {
            return "unknown: the drive has not been asked yet".to_owned();
        };
        match &i.state {
            JobState::Done { .. } => format!("all fetched by the drive (task {})", task.id),
            _ => format!("{}% fetched by the drive (task {})", task.percent, task.id),
        }
    }

    /// The size and what arrived of it, with the speed and time left while it moves.
    pub fn size_text(&self, u: crate::fmt::SizeUnits) -> String {
        let i = &self.info;
        if i.direction == Direction::Offline && !i.refused {
            return self.fetched();
        }
        match &i.state {
            _ if i.refused => "not read: refused before any request".to_owned(),
            JobState::Done { reused: true } => {
                format!(
                    "{} (nothing sent: it was there)",
                    crate::fmt::size(i.size, u)
                )
            }
            JobState::Done { reused: false } => {
                format!("{}, all arrived", crate::fmt::size(i.size, u))
            }
            _ => {
                let pct = (i.done_bytes.min(i.size) * 100)
                    .checked_div(i.size)
                    .unwrap_or(0);
                let mut text = match self.arrived(u) {
                    text if i.done_bytes > 0 => format!("{text} arrived ({pct}%)"),
                    _ => format!("{}, nothing arrived yet", crate::fmt::size(i.size, u)),
                };
                if let (Some(speed), Some(eta)) = (self.speed(), self.eta()) {
                    let speed = crate::fmt::size(speed as u64, u);
                    text.push_str(&format!(
                        " · {speed}/s · {} left",
                        crate::fmt::duration(eta)
                    ));
                }
                text
            }
        }
    }

    /// Attempts are counted by the engine's retry events; a job that never needed one made one,
    /// unless it never started.
    pub fn tries(&self) -> String {
        let i = &self.info;
        let waiting = matches!(
            i.state,
            JobState::Queued | JobState::Paused | JobState::Cancelled | JobState::Conflict(_)
        );
        let mut text = match (i.refused, i.attempt) {
            (true, _) => "none: refused before any request, so retrying can't help".to_owned(),
            (false, 0) if waiting && i.done_bytes == 0 => "not started".to_owned(),
            (false, n) => n.max(1).to_string(),
        };
        if let (Some(reason), n) = (&i.retry_reason, i.attempt) {
            text.push_str(&format!("; try {} failed: {reason}", n.saturating_sub(1)));
        }
        text
    }
}

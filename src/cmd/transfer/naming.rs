//! How the command names a job for the user: the item as it was given (a local path for
//! uploads, a cloud path for downloads) and where it went, both built from the engine's
//! [`JobInfo`] (whose cloud side is relative to the batch).

use std::collections::HashMap;

use crate::fs::resolve::join;
use crate::transfer::{Direction, JobInfo};

pub(crate) enum Naming {
    /// Into the cloud folder shown as `dest`.
    Upload { dest: String },
    /// Into local folder `dest`; `tops` maps each downloaded item's name to the cloud path it
    /// was given as (job sources start with that name).
    Download {
        dest: String,
        tops: HashMap<String, String>,
    },
}

impl Naming {
    pub fn direction(&self) -> Direction {
        match self {
            Self::Upload { .. } => Direction::Upload,
            Self::Download { .. } => Direction::Download,
        }
    }

    /// The destination folder as the user wrote it.
    pub fn dest(&self) -> &str {
        match self {
            Self::Upload { dest } | Self::Download { dest, .. } => dest,
        }
    }

    /// What the user would recognise as the source; a failure of the whole planning (which
    /// has no source) is named by the destination.
    pub fn item(&self, info: &JobInfo) -> String {
        if info.source.is_empty() {
            return self.dest().to_owned();
        }
        match self {
            Self::Upload { .. } => info.source.clone(),
            Self::Download { tops, .. } => {
                let (top, rest) = info
                    .source
                    .split_once('/')
                    .map_or((info.source.as_str(), None), |(t, r)| (t, Some(r)));
                match (tops.get(top), rest) {
                    (Some(path), Some(rest)) => join(path, rest),
                    (Some(path), None) => path.clone(),
                    (None, _) => info.source.clone(),
                }
            }
        }
    }

    pub fn target(&self, info: &JobInfo) -> String {
        match self {
            Self::Upload { dest } => join(dest, &info.target),
            Self::Download { .. } => info.target.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::{BatchId, JobId, JobState};

    fn info(source: &str, target: &str) -> JobInfo {
        JobInfo {
            id: JobId(1),
            batch: BatchId(1),
            direction: Direction::Download,
            name: String::new(),
            source: source.into(),
            target: target.into(),
            size: 0,
            state: JobState::Queued,
            done_bytes: 0,
            attempt: 0,
            retry_reason: None,
            refused: false,
            offline: None,
        }
    }

    #[test]
    fn names_are_full_paths() {
        let up = Naming::Upload {
            dest: "/备份".into(),
        };
        let job = info("tree/a b.txt", "tree/a b.txt");
        assert_eq!(up.item(&job), "tree/a b.txt");
        assert_eq!(up.target(&job), "/备份/tree/a b.txt");
        let down = Naming::Download {
            dest: "out".into(),
            tops: HashMap::from([("d".into(), "id:7".into()), ("f".into(), "/x/f".into())]),
        };
        assert_eq!(down.item(&info("d/s/g", "out/d/s/g")), "id:7/s/g");
        assert_eq!(down.item(&info("f", "out/f")), "/x/f");
        assert_eq!(down.item(&info("", "")), "out");
    }
}

//! [`Counts`]: how a batch's finished jobs ended, kept also for jobs no longer in the table.

use serde::{Deserialize, Serialize};

use super::super::job::{JobInfo, JobState};

/// Outcomes of a batch's finished jobs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Counts {
    pub ok: u64,
    pub failed: u64,
    pub skipped: u64,
    pub cancelled: u64,
    pub reused_bytes: u64,
}

impl Counts {
    pub fn add(&mut self, info: &JobInfo) {
        match &info.state {
            JobState::Done { reused } => {
                self.ok += 1;
                if *reused {
                    self.reused_bytes += info.size;
                }
            }
            JobState::Failed { .. } => self.failed += 1,
            JobState::Skipped { .. } => self.skipped += 1,
            JobState::Cancelled => self.cancelled += 1,
            _ => {}
        }
    }
}

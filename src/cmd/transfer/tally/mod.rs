//! Following one batch through the engine's events: the latest [`JobInfo`] of every job, the
//! bytes moved, and each job's outcome reported once — a JSON result, or one `panfm: ITEM:
//! reason` line — as soon as it is known. A conflict (only `--on-conflict fail`, the engine's
//! `Ask`, stops on one) is reported as that file's failure and the job is cancelled, which
//! settles it in the engine. A batch restored from the command's journal counts only what is
//! left: files an earlier run finished are not reported again, and bytes already in place
//! (slices the server holds, a kept part file) are not counted as moved.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

mod settle;

use super::bars::Bars;
use super::naming::Naming;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::CmdError;
use crate::cmd::output::{count, size as human_size};
use crate::transfer::{Direction, JobId, JobInfo, JobState, Scheduler, Snapshot, TransferEvent};

/// Why a download fetched nothing.
pub(super) const ALREADY_HERE: &str = "already here with the same content";

struct Seen {
    info: JobInfo,
    /// Bytes of this file moved in the current attempt.
    sent: u64,
    reported: bool,
}

pub(super) struct Tally {
    pub naming: Naming,
    jobs: HashMap<JobId, Seen>,
    /// Jobs reported.
    settled: usize,
    /// `None` until the engine has walked the sources.
    pub planned: Option<u64>,
    bytes: u64,
    /// Bytes no longer expected: files skipped, failed or found in place, and what earlier
    /// runs or kept parts had already moved.
    dropped: u64,
    moved: u64,
    /// Following a batch restored from the command's journal.
    resumed: bool,
    /// Files an earlier run of the command finished (not reported again).
    earlier: usize,
    /// Jobs the journal brought back already done: they belong to the earlier run.
    done_before: HashSet<JobId>,
    pub ok: usize,
    pub reused: usize,
    pub reused_bytes: u64,
    pub skipped: usize,
    pub failed: usize,
    pub bars: Bars,
    pub started: Instant,
    /// The MD5 each upload hashed its file to.
    checksums: HashMap<JobId, String>,
}

fn label(state: &JobState) -> Option<&'static str> {
    Some(match state {
        JobState::Planning => "preparing",
        JobState::Hashing => "hashing",
        JobState::Uploading => "uploading",
        JobState::Downloading => "downloading",
        JobState::Verifying => "verifying",
        _ => return None,
    })
}

/// Progress counts only while bytes really move (an instant upload reports its whole size
/// from `Hashing`).
fn moving(state: &JobState) -> bool {
    matches!(
        state,
        JobState::Uploading | JobState::Downloading | JobState::Verifying
    )
}

impl Tally {
    pub fn new(naming: Naming, bars: Bars) -> Self {
        Self {
            naming,
            jobs: HashMap::new(),
            settled: 0,
            planned: None,
            bytes: 0,
            dropped: 0,
            moved: 0,
            resumed: false,
            earlier: 0,
            done_before: HashSet::new(),
            ok: 0,
            reused: 0,
            reused_bytes: 0,
            skipped: 0,
            failed: 0,
            bars,
            started: Instant::now(),
            checksums: HashMap::new(),
        }
    }

    /// Follows the batch the journal brought back instead of a new one; returns how many of
    /// its files are left.
    pub fn resume(&mut self, restored: &Snapshot) -> usize {
        self.resumed = true;
        let Some(b) = restored.batches.first() else {
            return 0;
        };
        let jobs = restored.jobs.iter().filter(|j| j.batch == b.id);
        let mut finished_here = 0;
        for j in jobs.clone().filter(|j| j.state.is_finished()) {
            finished_here += 1;
            if matches!(j.state, JobState::Done { .. } | JobState::Skipped { .. }) {
                self.done_before.insert(j.id);
            }
        }
        let finished = b.ok + b.failed + b.skipped + b.cancelled;
        let finished = usize::try_from(finished).unwrap_or(usize::MAX);
        self.earlier = finished.saturating_sub(finished_here) + self.done_before.len();
        jobs.filter(|j| !j.state.is_finished()).count()
    }

    /// Bytes this run moved.
    pub fn moved(&self) -> u64 {
        self.moved
    }

    /// Applies one event; true when it says the batch is over.
    pub fn apply(&mut self, ctx: &mut Ctx, scheduler: &Scheduler, event: TransferEvent) -> bool {
        match event {
            TransferEvent::Planned { files, bytes, .. } => {
                self.planned = Some(files);
                // A restored batch counts only the files it still has (see `added`).
                if !self.resumed {
                    self.bytes = bytes;
                }
            }
            TransferEvent::Resumed { job, from } => self.resumed_at(job, from),
            TransferEvent::NoRoom {
                files, bytes, free, ..
            } => {
                let files = count(usize::try_from(files).unwrap_or(usize::MAX), "file");
                let line = format!(
                    "panfm: {files} ({}) won't fit in the cloud: {} free",
                    human_size(bytes),
                    human_size(free)
                );
                self.bars.suspend(|| ctx.summary(line));
            }
            TransferEvent::Added { job } => self.added(ctx, job),
            TransferEvent::State { job, state } => self.state(ctx, scheduler, job, state),
            TransferEvent::Progress { job, done_bytes } => self.progress(job, done_bytes),
            TransferEvent::Hashed { job, bytes } => self.bars.file_position(job, bytes),
            TransferEvent::Checksum { job, md5 } => {
                self.checksums.insert(job, md5);
            }
            TransferEvent::Retrying {
                job,
                attempt,
                reason,
            } => self.retrying(ctx, job, attempt, &reason),
            TransferEvent::BatchDone { .. } => return true,
            TransferEvent::Moved { .. }
            | TransferEvent::Removed { .. }
            | TransferEvent::Created { .. }
            | TransferEvent::Fetching { .. } => {}
        }
        self.redraw();
        false
    }

    fn added(&mut self, ctx: &mut Ctx, info: JobInfo) {
        let id = info.id;
        match self.jobs.get_mut(&id) {
            Some(seen) => {
                // New facts: the file changed size, or a download landed under another name.
                self.bytes = (self.bytes + info.size).saturating_sub(seen.info.size);
                seen.info = info;
            }
            None if self.done_before.contains(&id) => {}
            None => {
                if self.resumed {
                    self.bytes += info.size;
                }
                let state = info.state.clone();
                let seen = Seen {
                    info,
                    sent: 0,
                    reported: false,
                };
                self.jobs.insert(id, seen);
                // Entries refused while planning arrive finished.
                self.settle(ctx, id, &state, true);
            }
        }
    }

    fn state(&mut self, ctx: &mut Ctx, scheduler: &Scheduler, id: JobId, state: JobState) {
        let Some(seen) = self.jobs.get_mut(&id) else {
            return;
        };
        seen.info.state = state.clone();
        let (name, size, sent) = (seen.info.name.clone(), seen.info.size, seen.sent);
        if let Some(label) = label(&state) {
            self.bars.file(id, label, &name, size);
            if moving(&state) {
                self.bars.file_position(id, sent);
            }
            return;
        }
        self.bars.remove(id);
        if let JobState::Conflict(c) = &state {
            let why = format!(
                "{} already exists; --on-conflict skip, overwrite or keep-both says what to do",
                self.naming.target(&seen.info)
            );
            let item = self.naming.item(&seen.info);
            seen.reported = true;
            self.settled += 1;
            self.failed += 1;
            self.dropped += c.new_size.saturating_sub(sent);
            self.bars
                .suspend(|| ctx.fail(&item, CmdError::failure(why)));
            scheduler.cancel(id);
            return;
        }
        self.settle(ctx, id, &state, false);
    }

    fn progress(&mut self, id: JobId, done: u64) {
        let Some(seen) = self.jobs.get_mut(&id) else {
            return;
        };
        if !moving(&seen.info.state) || seen.reported {
            return;
        }
        self.moved = (self.moved + done).saturating_sub(seen.sent);
        seen.sent = done;
        self.bars.file_position(id, done);
    }

    /// The job goes on from `from` bytes already in place: they are not this run's.
    fn resumed_at(&mut self, id: JobId, from: u64) {
        let Some(seen) = self.jobs.get_mut(&id) else {
            return;
        };
        match from >= seen.sent {
            true => self.dropped += from - seen.sent,
            false => self.moved = self.moved.saturating_sub(seen.sent - from),
        }
        seen.sent = from;
        self.bars.file_position(id, from);
    }

    fn retrying(&mut self, ctx: &mut Ctx, id: JobId, attempt: u32, reason: &str) {
        let Some(seen) = self.jobs.get(&id) else {
            return;
        };
        let (item, name, size) = (
            self.naming.item(&seen.info),
            &seen.info.name,
            seen.info.size,
        );
        let label = format!("retry {attempt}:");
        self.bars.file(id, &label, name, size);
        self.bars.suspend(|| {
            ctx.note(format!(
                "retrying {item} (attempt {attempt}) after: {reason}"
            ))
        });
    }

    fn redraw(&mut self) {
        let expected = self.bytes.saturating_sub(self.dropped);
        self.bars
            .total(self.moved, expected, self.settled, self.planned);
    }

    /// Jobs that had not finished (after Ctrl-C) in the order they were found, with whether
    /// any had moved bytes.
    pub fn unfinished(&self) -> (Vec<String>, bool) {
        let mut open: Vec<&Seen> = self.jobs.values().filter(|s| !s.reported).collect();
        open.sort_by_key(|s| s.info.id);
        let partial = open.iter().any(|s| s.sent > 0);
        (
            open.iter().map(|s| self.naming.item(&s.info)).collect(),
            partial,
        )
    }

    /// Files the engine announced so far, those an earlier run finished included.
    pub fn seen(&self) -> usize {
        self.jobs.len() + self.earlier
    }

    /// The jobs this run finished with their file in place, with the MD5 an upload hashed.
    pub fn done(&self) -> Vec<(JobInfo, Option<String>)> {
        let done = self
            .jobs
            .iter()
            .filter(|(_, s)| matches!(s.info.state, JobState::Done { .. }));
        done.map(|(id, s)| (s.info.clone(), self.checksums.get(id).cloned()))
            .collect()
    }

    pub fn direction(&self) -> Direction {
        self.naming.direction()
    }
}

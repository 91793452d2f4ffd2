//! Following one batch through the engine's events: the latest [`JobInfo`] of every job, the
//! bytes moved, and each job's outcome reported once — a JSON result, or one `panfm: ITEM:
//! reason` line — as soon as it is known. A conflict (only `--on-conflict fail`, the engine's
//! `Ask`, stops on one) is reported as that file's failure and the job is cancelled, which
//! settles it in the engine.

use serde_json::json;
use std::collections::HashMap;
use std::time::Instant;

use super::bars::Bars;
use super::naming::Naming;
use crate::cmd::ctx::{Ctx, Verbosity};
use crate::cmd::exit::CmdError;
use crate::cmd::output::size as human_size;
use crate::transfer::{Direction, JobId, JobInfo, JobState, Scheduler, TransferEvent};

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
    /// Bytes no longer expected: files skipped, failed or found on the server.
    dropped: u64,
    moved: u64,
    pub ok: usize,
    pub ok_bytes: u64,
    pub reused: usize,
    pub reused_bytes: u64,
    pub skipped: usize,
    pub failed: usize,
    pub bars: Bars,
    pub started: Instant,
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
            ok: 0,
            ok_bytes: 0,
            reused: 0,
            reused_bytes: 0,
            skipped: 0,
            failed: 0,
            bars,
            started: Instant::now(),
        }
    }

    /// Applies one event; true when it says the batch is over.
    pub fn apply(&mut self, ctx: &mut Ctx, scheduler: &Scheduler, event: TransferEvent) -> bool {
        match event {
            TransferEvent::Planned { files, bytes, .. } => {
                self.planned = Some(files);
                self.bytes = bytes;
            }
            TransferEvent::Added { job } => self.added(ctx, job),
            TransferEvent::State { job, state } => self.state(ctx, scheduler, job, state),
            TransferEvent::Progress { job, done_bytes } => self.progress(job, done_bytes),
            TransferEvent::Hashed { job, bytes } => self.bars.file_position(job, bytes),
            TransferEvent::Retrying {
                job,
                attempt,
                reason,
            } => self.retrying(ctx, job, attempt, &reason),
            TransferEvent::BatchDone { .. } => return true,
            TransferEvent::Moved { .. }
            | TransferEvent::Removed { .. }
            | TransferEvent::Created { .. } => {}
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
            None => {
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

    /// Reports a finished job once. `at_planning`: it was refused before any request (a skip
    /// then means a special file or a link loop, worth a line even without `-v`).
    fn settle(&mut self, ctx: &mut Ctx, id: JobId, state: &JobState, at_planning: bool) {
        let Some(seen) = self.jobs.get_mut(&id) else {
            return;
        };
        if seen.reported || !state.is_finished() {
            return;
        }
        seen.reported = true;
        self.settled += 1;
        let (item, target) = (self.naming.item(&seen.info), self.naming.target(&seen.info));
        let size = seen.info.size;
        let result = |skipped: Option<&str>, reused: bool| {
            let mut v = json!({
                "path": item, "target": target, "bytes": size,
                "reused": reused, "skipped": skipped.is_some(),
            });
            if let Some(reason) = skipped {
                v["reason"] = reason.into();
            }
            v
        };
        match state {
            JobState::Done { reused } => {
                ctx.result(result(None, *reused));
                self.ok += 1;
                self.ok_bytes += size;
                match reused {
                    true => {
                        self.reused += 1;
                        self.reused_bytes += size;
                        self.dropped += size.saturating_sub(seen.sent);
                    }
                    false => self.moved += size.saturating_sub(seen.sent),
                }
                let arrow = format!("{item} → {target}");
                match (*reused, ctx.verbosity >= Verbosity::Verbose) {
                    (true, true) => self.bars.suspend(|| ctx.note(arrow + " (instant upload)")),
                    (true, false) => self.bars.println(&format!(
                        "instant upload: {target} ({} not sent)",
                        human_size(size)
                    )),
                    (false, _) => self.bars.suspend(|| ctx.note(arrow)),
                }
            }
            JobState::Skipped { reason } => {
                ctx.result(result(Some(reason), false));
                self.skipped += 1;
                self.dropped += size.saturating_sub(seen.sent);
                self.bars.suspend(|| match at_planning {
                    true => ctx.summary(format!("{item}: {reason}")),
                    false => ctx.note(format!("skipped {item}: {reason}")),
                });
            }
            JobState::Failed { reason } => {
                self.failed += 1;
                self.dropped += size.saturating_sub(seen.sent);
                self.bars
                    .suspend(|| ctx.fail(&item, CmdError::failure(reason.clone())));
            }
            _ => {
                self.failed += 1;
                self.dropped += size.saturating_sub(seen.sent);
                self.bars
                    .suspend(|| ctx.fail(&item, CmdError::failure("cancelled")));
            }
        }
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

    /// Jobs the engine announced so far.
    pub fn seen(&self) -> usize {
        self.jobs.len()
    }

    pub fn direction(&self) -> Direction {
        self.naming.direction()
    }
}

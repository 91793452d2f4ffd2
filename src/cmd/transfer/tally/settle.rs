//! Reporting a finished job once: its JSON result or its `panfm: ITEM: reason` line, and its
//! share of the totals (done, reused or already here, skipped, failed) and of the bytes.

use serde_json::json;

use super::{ALREADY_HERE, Tally};
use crate::cmd::ctx::{Ctx, Verbosity};
use crate::cmd::exit::CmdError;
use crate::cmd::output::size as human_size;
use crate::transfer::{Direction, JobId, JobState, full_width_fix};

impl Tally {
    /// Reports a finished job once. `at_planning`: it was refused before any request (a skip
    /// then means a special file or a link loop, worth a line even without `-v`).
    pub(super) fn settle(&mut self, ctx: &mut Ctx, id: JobId, state: &JobState, at_planning: bool) {
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
            JobState::Done { reused: true } if seen.info.direction == Direction::Download => {
                ctx.result(result(Some(ALREADY_HERE), true));
                self.ok += 1;
                self.reused += 1;
                self.reused_bytes += size;
                self.dropped += size.saturating_sub(seen.sent);
                let line = format!("{item} → {target} ({ALREADY_HERE})");
                self.bars.suspend(|| ctx.note(line));
            }
            JobState::Done { reused } => {
                ctx.result(result(None, *reused));
                self.ok += 1;
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
                let mut reason = reason.clone();
                if let (true, Direction::Upload, Some(fixed)) = (
                    seen.info.refused,
                    seen.info.direction,
                    full_width_fix(&seen.info.name),
                ) {
                    reason.push_str(&format!(" (--fix-names uploads it as `{fixed}`)"));
                }
                self.bars
                    .suspend(|| ctx.fail(&item, CmdError::failure(reason)));
            }
            _ => {
                self.failed += 1;
                self.dropped += size.saturating_sub(seen.sent);
                self.bars
                    .suspend(|| ctx.fail(&item, CmdError::failure("cancelled")));
            }
        }
    }
}

//! What a batch rename run tells the user: a line per item that failed, the items it did not
//! get to summed up in one line with how to finish them, the count, and the JSON report.

use super::ctx::Ctx;
use super::exit::CmdError;
use super::rename::sibling_path;
use super::rename_journal::Work;
use super::rename_run::{Stop, Tally};
use crate::api::FileId;
use serde_json::json;
use std::collections::HashSet;

/// One line per item that failed, the not-tried ones summed up with what to do, the count.
/// `start` is `work.done` when this run began; `kept` says whether a journal was kept.
pub(super) fn report(ctx: &mut Ctx, work: &Work, start: usize, tally: &Tally, kept: bool) {
    let left_at_start: HashSet<FileId> = work
        .steps
        .get(start..)
        .unwrap_or_default()
        .iter()
        .map(|s| s.id)
        .collect();
    let (mut renamed, mut earlier, mut untried) = (0, 0, 0);
    for item in &work.items {
        let now = tally.current.get(&item.id);
        let stuck = now
            .filter(|n| **n != item.new)
            .map(|n| format!(" (it is now named {n})"))
            .unwrap_or_default();
        if let Some(why) = tally.failed.get(&item.id) {
            ctx.fail(&item.path, CmdError::failure(format!("{why}{stuck}")));
        } else if now == Some(&item.new) {
            renamed += 1;
            let to = sibling_path(&item.path, &item.new);
            ctx.note(format!("{} → {to}", item.path));
            ctx.result(json!({ "id": item.id, "from": item.path, "to": to }));
        } else if !left_at_start.contains(&item.id) {
            earlier += 1;
        } else {
            untried += 1;
            let why = match tally.stopped {
                Some(Stop::Interrupted) => CmdError::interrupted(format!("interrupted{stuck}")),
                _ => CmdError::failure(format!("not tried{stuck}")),
            };
            ctx.record_failure(&item.path, why);
        }
    }
    let count = |n: usize| super::output::items(n);
    if untried > 0 {
        let what = match &tally.stopped {
            Some(Stop::Interrupted) => "interrupted".to_owned(),
            Some(Stop::Failed(e)) if tally.failed.is_empty() => format!("stopped ({e})"),
            _ => "stopped after the failure above".to_owned(),
        };
        eprintln!("panfm: {what}: {} not tried", count(untried));
        match kept {
            true => eprintln!(
                "panfm: run the same command again to finish: it continues from where this run \
                 stopped and renames nothing twice"
            ),
            false if ctx.state_dir.is_none() => {
                eprintln!("panfm: the demo's drive is new every run: there is nothing to continue")
            }
            false => eprintln!(
                "panfm: no journal could be kept (see the warning above): the same command run \
                 again would plan afresh and rename the done items again"
            ),
        }
    }
    let mut summary = format!("renamed {} of {}", count(renamed), work.items.len());
    if earlier > 0 {
        summary.push_str(&format!(" ({earlier} more by an earlier run)"));
    }
    ctx.summary(summary);
}

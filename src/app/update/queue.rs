//! The transfer queue panel: opening it on what matters (a conflict, else the newest batch),
//! its controls on the selected job, the details of that job, and keeping the cursor on the
//! same job while events add, move and remove rows. Until the user moves the cursor, it
//! follows each new batch to its first job.

use super::moves::quit;
use crate::app::{Effect, Modal, Model, TransferCmd};
use crate::config::Command;
use crate::transfer::{BatchId, JobId, JobState, Resolution};

pub fn show(model: &mut Model) {
    if !model.transfers.enabled {
        model.error("Transfers need a cloud account");
        return;
    }
    let jobs = &model.transfers.jobs;
    let first_conflict = jobs
        .iter()
        .position(|j| matches!(j.info.state, JobState::Conflict(_)));
    let newest = jobs.iter().map(|j| j.info.batch).max();
    let cursor = first_conflict.or_else(|| newest.and_then(|b| first_of(model, b)));
    model.modal = Some(Modal::Queue {
        cursor: cursor.unwrap_or(0),
        details: false,
        pinned: false,
    });
}

fn first_of(model: &Model, batch: BatchId) -> Option<usize> {
    model
        .transfers
        .jobs
        .iter()
        .position(|j| j.info.batch == batch)
}

/// The job under the queue's cursor, when the panel is open.
pub fn selected(model: &Model) -> Option<JobId> {
    match &model.modal {
        Some(Modal::Queue { cursor, .. }) => model.transfers.jobs.get(*cursor).map(|j| j.info.id),
        _ => None,
    }
}

/// After `event` was applied: the cursor stays on job `was` wherever it went, or, until the
/// user moves it, goes to the first job of a batch newer than the one it is on.
pub fn follow(model: &mut Model, was: Option<JobId>, added: Option<BatchId>) {
    let Some(Modal::Queue { pinned, .. }) = &model.modal else {
        return;
    };
    let at = was.and_then(|id| model.transfers.position(id));
    let mut target = at;
    if let (false, Some(batch)) = (*pinned, added) {
        let on = at.and_then(|i| model.transfers.jobs.get(i));
        if on.is_none_or(|r| batch > r.info.batch) {
            target = first_of(model, batch);
        }
    }
    let last = model.transfers.jobs.len().saturating_sub(1);
    if let Some(Modal::Queue { cursor, .. }) = &mut model.modal {
        *cursor = target.unwrap_or(*cursor).min(last);
    }
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::Queue {
        cursor,
        details,
        pinned,
    }) = &mut model.modal
    else {
        return vec![];
    };
    let len = model.transfers.jobs.len();
    let page = model.viewport.list_rows() / 2;
    let last = len.saturating_sub(1);
    let row = model.transfers.jobs.get(*cursor).cloned();
    let job = row.as_ref().map(|r| (r.info.id, r.info.state.clone()));
    let cmd_for = |c: TransferCmd| vec![Effect::Transfer(c)];
    let resolve = |answer, whole_batch| match &job {
        Some((id, JobState::Conflict(_))) => cmd_for(TransferCmd::Resolve {
            job: *id,
            answer,
            whole_batch,
        }),
        _ => vec![],
    };
    if matches!(
        cmd,
        Command::CursorDown
            | Command::CursorUp
            | Command::PageDown
            | Command::PageUp
            | Command::Top
            | Command::Bottom
            | Command::JobUp
            | Command::JobDown
    ) {
        *pinned = true;
    }
    match cmd {
        Command::CursorDown => *cursor = (*cursor + 1).min(last),
        Command::CursorUp => *cursor = cursor.saturating_sub(1),
        Command::PageDown => *cursor = (*cursor + page).min(last),
        Command::PageUp => *cursor = cursor.saturating_sub(page),
        Command::Top => *cursor = 0,
        Command::Bottom => *cursor = last,
        Command::Details => *details = !*details,
        Command::Escape if *details => *details = false,
        Command::Escape | Command::ShowQueue => model.modal = None,
        Command::Quit => quit(model),
        Command::ClearFinished => return cmd_for(TransferCmd::ClearFinished),
        Command::TogglePause => {
            return match job {
                Some((id, JobState::Paused)) => cmd_for(TransferCmd::Resume(id)),
                Some((id, s)) if !s.is_finished() => cmd_for(TransferCmd::Pause(id)),
                _ => vec![],
            };
        }
        Command::CancelJob => {
            return job
                .filter(|(_, s)| !s.is_finished())
                .map_or(vec![], |(id, _)| cmd_for(TransferCmd::Cancel(id)));
        }
        Command::RetryJob => return row.map_or(vec![], |r| retry(model, &r)),
        Command::JobUp => {
            *cursor = cursor.saturating_sub(1);
            return job.map_or(vec![], |(id, _)| cmd_for(TransferCmd::MoveUp(id)));
        }
        Command::JobDown => {
            *cursor = (*cursor + 1).min(last);
            return job.map_or(vec![], |(id, _)| cmd_for(TransferCmd::MoveDown(id)));
        }
        Command::ResolveOverwrite => return resolve(Resolution::Overwrite, false),
        Command::ResolveSkip => return resolve(Resolution::Skip, false),
        Command::ResolveBoth => return resolve(Resolution::KeepBoth, false),
        Command::ResolveOverwriteAll => return resolve(Resolution::Overwrite, true),
        Command::ResolveSkipAll => return resolve(Resolution::Skip, true),
        Command::ResolveBothAll => return resolve(Resolution::KeepBoth, true),
        _ => {}
    }
    vec![]
}

/// `r`: queues a failed or cancelled job again, or says why that can't help.
fn retry(model: &mut Model, row: &crate::app::JobRow) -> Vec<Effect> {
    let i = &row.info;
    let name = match row.path() {
        "" => "the batch",
        path => path,
    };
    match &i.state {
        JobState::Failed { reason } if i.refused => {
            model.error(format!("Retrying can't help {name}: {reason}"));
        }
        JobState::Failed { .. } | JobState::Cancelled => {
            return vec![Effect::Transfer(TransferCmd::Retry(i.id))];
        }
        JobState::Skipped { reason } => {
            model.info(format!(
                "{name} was skipped ({reason}); only failed or cancelled jobs are retried"
            ));
        }
        JobState::Done { .. } => model.info(format!("{name} is done; nothing to retry")),
        _ => model.info(format!(
            "{name} has not failed; r retries failed or cancelled jobs"
        )),
    }
    vec![]
}

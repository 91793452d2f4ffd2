//! Carrying out a batch rename: the steps in groups of at most 30 that depend on nothing in
//! their own call (`rename::batches`), each call through the transfer engine's retry wrapper
//! with the client's backoff. A rename call is not idempotent and a transient failure leaves
//! open whether the server acted, so before a call is sent again its items are looked at
//! (`file/infos`) and only the renames that have not happened go again. A group that still
//! fails, or Ctrl-C, stops the run: what that call left is reported as failed, the items of
//! later calls as not tried, and the journal lets the same command finish them.

use super::ctx::Ctx;
use super::rename::batches;
use super::rename_journal::{RenameJournal, Work};
use crate::api::{Client, FileEntry, FileId};
use crate::plan::Step;
use crate::transfer::{Created, Retry, TransferConfig, TransferError, TransferErrorKind};
use std::cell::RefCell;
use std::collections::HashMap;
use tokio_util::sync::CancellationToken;

/// Sends of one call. Looking before each new send makes it safe, so a flaky server gets
/// more chances than the client gives any one request.
const SENDS: u32 = 8;

type Steps = Vec<(Step<FileId>, usize)>;

/// What became of the items of a run.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// The name an item is known to have now, after a step went through.
    pub current: HashMap<FileId, String>,
    pub failed: HashMap<FileId, String>,
    pub stopped: Option<Stop>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Stop {
    /// A call kept failing; its error.
    Failed(String),
    Interrupted,
}

/// Runs the steps `work` has left, advancing `work.done` (and the journal) after each call.
/// `resumed`: the work comes from an earlier run's journal, so the items are looked at first.
pub(super) async fn execute(
    ctx: &Ctx,
    work: &mut Work,
    journal: Option<&RenameJournal>,
    resumed: bool,
) -> Tally {
    let policy = ctx.client.retry_policy();
    let cfg = TransferConfig {
        job_attempts: SENDS,
        retry_delay: policy.base_delay,
        retry_max_delay: policy.max_delay,
        ..TransferConfig::default()
    };
    let cancel = CancellationToken::new();
    let on_ctrl_c = tokio::spawn({
        let cancel = cancel.clone();
        async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                cancel.cancel();
            }
        }
    });
    let retry = Retry {
        cfg: &cfg,
        cancel: &cancel,
    };
    let mut tally = Tally::default();
    // Each step left, with its place in `work.steps`.
    let mut at: Vec<usize> = (work.done..work.steps.len()).collect();
    let mut steps: Steps = work.left().iter().map(|s| s.step()).collect();
    if resumed {
        // An earlier run stopped here, maybe with a call whose answer it never saw.
        match look(&ctx.client, retry, &ids(&steps)).await {
            Ok(found) => {
                let keep = settle(&found, &steps, &mut tally);
                at = filter(at, &keep);
                steps = filter(steps, &keep);
            }
            Err(e) => tally.stopped = Some(stop(&e)),
        }
    }
    let bar = ctx.progress(Some(steps.len() as u64), "renaming");
    let mut sent = 0;
    for group in batches(&steps) {
        if tally.stopped.is_some() {
            break;
        }
        if let Err(why) = send_group(&ctx.client, retry, group, &mut tally).await {
            tally.stopped = Some(why);
            break;
        }
        sent += group.len();
        bar.inc(group.len() as u64);
        work.done = at.get(sent).copied().unwrap_or(work.steps.len());
        if let Some(journal) = journal
            && let Err(e) = journal.save(work)
        {
            tracing::warn!("{}", e.message);
        }
    }
    bar.finish_and_clear();
    on_ctrl_c.abort();
    tally
}

fn filter<T>(items: Vec<T>, keep: &[bool]) -> Vec<T> {
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(item, &k)| k.then_some(item))
        .collect()
}

fn ids(steps: &[(Step<FileId>, usize)]) -> Vec<FileId> {
    steps.iter().map(|(s, _)| s.id).collect()
}

/// Sends one call's renames until they have all happened or been refused.
async fn send_group(
    client: &Client,
    retry: Retry<'_>,
    group: &[(Step<FileId>, usize)],
    tally: &mut Tally,
) -> Result<(), Stop> {
    let pending = RefCell::new(group.to_vec());
    let cell = RefCell::new(std::mem::take(tally));
    // The rename call's own last error: the one to report, even if a look failed after it.
    let last = RefCell::new(None);
    let (pending_ref, cell_ref, last_ref) = (&pending, &cell, &last);
    let sent = retry
        .call_creating(
            move || {
                let calls: Vec<(FileId, String)> = pending_ref
                    .borrow()
                    .iter()
                    .map(|(s, _)| (s.id, s.to.clone()))
                    .collect();
                async move {
                    let sent = client.rename_many(&calls).await.map_err(|e| e.error);
                    if let Err(e) = &sent {
                        *last_ref.borrow_mut() = Some(e.to_string());
                    }
                    sent
                }
            },
            move || async move {
                let ids = ids(&pending_ref.borrow());
                let found = look(client, retry, &ids).await?;
                let keep = settle(&found, &pending_ref.borrow(), &mut cell_ref.borrow_mut());
                let left = filter(pending_ref.take(), &keep);
                let all_done = left.is_empty();
                *pending_ref.borrow_mut() = left;
                Ok(all_done.then_some(()))
            },
        )
        .await;
    *tally = cell.into_inner();
    let mut pending = pending.into_inner();
    let error = match sent {
        Ok(Created::Found(())) => return Ok(()),
        Ok(Created::Answered(report)) => {
            let refused: HashMap<FileId, String> = report
                .failed
                .into_iter()
                .map(|f| (f.id, f.message))
                .collect();
            for (step, _) in pending {
                match refused.get(&step.id) {
                    Some(why) => {
                        tally.failed.entry(step.id).or_insert_with(|| why.clone());
                    }
                    None => {
                        tally.current.insert(step.id, step.to);
                    }
                }
            }
            return Ok(());
        }
        Err(e) => e,
    };
    if error.kind == TransferErrorKind::Stopped {
        return Err(Stop::Interrupted);
    }
    let last = last.into_inner();
    let from_the_call = last.as_ref() == Some(&error.message);
    // The last answer may have been lost as well: only what did not happen is a failure.
    if from_the_call
        && error.is_transient()
        && let Ok(found) = look(client, retry, &ids(&pending)).await
    {
        let keep = settle(&found, &pending, tally);
        pending = filter(pending, &keep);
    }
    let message = last.unwrap_or(error.message);
    for (step, _) in pending {
        tally.failed.insert(step.id, message.clone());
    }
    Err(Stop::Failed(message))
}

fn stop(e: &TransferError) -> Stop {
    match e.kind {
        TransferErrorKind::Stopped => Stop::Interrupted,
        _ => Stop::Failed(e.message.clone()),
    }
}

/// The items `ids` as the drive has them now.
async fn look(
    client: &Client,
    retry: Retry<'_>,
    ids: &[FileId],
) -> Result<HashMap<FileId, FileEntry>, TransferError> {
    let mut unique = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let found = retry.call(|| client.infos(&unique)).await?;
    Ok(found.into_iter().map(|e| (e.id, e)).collect())
}

/// Which of `steps` are still to send, given each item's name now: the steps before the one
/// that starts from that name have happened (an item whose name is its last step's target is
/// done); an item named otherwise, trashed or gone was changed by someone else, and is a
/// failure.
fn settle(
    found: &HashMap<FileId, FileEntry>,
    steps: &[(Step<FileId>, usize)],
    tally: &mut Tally,
) -> Vec<bool> {
    let mut by_item: HashMap<FileId, Vec<usize>> = HashMap::new();
    for (i, (step, _)) in steps.iter().enumerate() {
        by_item.entry(step.id).or_default().push(i);
    }
    let mut keep = vec![false; steps.len()];
    for (id, indices) in by_item {
        let name = match found.get(&id) {
            Some(e) if e.trashed => Err("moved to the trash meanwhile".to_owned()),
            Some(e) => Ok(e.name.as_str()),
            None => Err("no longer on the drive".to_owned()),
        };
        let last = indices.last().map(|&i| steps[i].0.to.as_str());
        match name {
            Ok(now) if Some(now) == last => {
                tally.current.insert(id, now.to_owned());
            }
            Ok(now) => match indices.iter().position(|&i| steps[i].0.from == now) {
                Some(first) => {
                    indices[first..].iter().for_each(|&i| keep[i] = true);
                    if first > 0 {
                        tally.current.insert(id, now.to_owned());
                    }
                }
                None => {
                    let why = format!("renamed by someone else meanwhile (it is now named {now})");
                    tally.failed.insert(id, why);
                }
            },
            Err(why) => {
                tally.failed.insert(id, why);
            }
        }
    }
    keep
}

#[cfg(test)]
#[path = "rename_run_tests.rs"]
mod tests;

//! `panfm offline add --wait`: the tasks run on the transfer engine the TUI's queue uses — one
//! job per URL, progress asked for politely, a failed task keeping the server's reason — with
//! a journal as uploads and downloads keep one: after Ctrl-C (the drive goes on fetching) the
//! same command follows the same tasks again instead of starting new ones, and tasks that
//! failed are tried again.

use std::collections::HashMap;

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::output::count;
use super::super::transfer::{ctrl_c, open_journal};
use crate::transfer::{
    JobId, JobInfo, JobState, Restore, Scheduler, TransferConfig, TransferEvent, TransferSpec,
};
use serde_json::json;

/// What the command knows of each job.
#[derive(Default)]
struct Follow {
    jobs: HashMap<JobId, JobInfo>,
    done: usize,
    failed: usize,
}

impl Follow {
    fn percent_sum(&self) -> u64 {
        self.jobs
            .values()
            .map(|j| match j.state.is_finished() {
                true => 100,
                false => u64::from(j.offline.map_or(0, |t| t.percent)),
            })
            .sum()
    }

    /// Applies one event; true when the batch is over.
    fn apply(&mut self, ctx: &mut Ctx, event: TransferEvent) -> bool {
        match event {
            TransferEvent::Added { job } => {
                if let JobState::Failed { reason } = &job.state {
                    self.failed += 1;
                    ctx.fail(&job.source, CmdError::failure(reason.clone()));
                }
                self.jobs.insert(job.id, job);
            }
            TransferEvent::Fetching { job, task } => {
                if let Some(j) = self.jobs.get_mut(&job) {
                    if j.offline.is_none_or(|t| t.id != task.id) {
                        ctx.note(format!("task {}: {}", task.id, j.source));
                    }
                    j.offline = Some(task);
                }
            }
            TransferEvent::State { job, state } => self.settle(ctx, job, state),
            TransferEvent::BatchDone { .. } => return true,
            _ => {}
        }
        false
    }

    fn settle(&mut self, ctx: &mut Ctx, job: JobId, state: JobState) {
        let Some(j) = self.jobs.get_mut(&job) else {
            return;
        };
        j.state = state.clone();
        let task = j.offline.map(|t| t.id);
        match state {
            JobState::Done { .. } => {
                self.done += 1;
                if !ctx.is_reporting() {
                    let id = task.map(|t| t.to_string()).unwrap_or_default();
                    ctx.print(&format!("{id}\tdone\t{}\n", j.target));
                }
                ctx.result(json!({
                    "url": j.source, "taskID": task, "status": "done", "path": j.target,
                }));
            }
            JobState::Failed { reason } => {
                self.failed += 1;
                let item = j.source.clone();
                ctx.fail(&item, CmdError::failure(reason));
            }
            _ => {}
        }
    }
}

pub(super) async fn follow(ctx: &mut Ctx, spec: TransferSpec, dest: &str) -> CmdResult {
    // Rejected credentials end the command (status 3) instead of failing every URL.
    ctx.client.authenticate().await?;
    let journal = open_journal(ctx, &spec)?;
    let cfg = TransferConfig {
        state_file: journal.as_ref().map(|j| j.file.clone()),
        restore: Restore {
            requeue_failed: true,
            policy: None,
        },
        ..TransferConfig::default()
    };
    let (scheduler, mut events) = Scheduler::new(ctx.client.clone(), cfg)
        .map_err(|e| CmdError::failure(format!("cannot start following the tasks: {e}")))?;
    let urls = match &spec {
        TransferSpec::Offline { urls, .. } => urls.len(),
        _ => 0,
    };
    match scheduler.snapshot().batches.is_empty() {
        true => {
            scheduler.submit(spec);
        }
        false => ctx.summary("following the tasks of the interrupted run of this command"),
    }
    let bar = ctx.progress(Some(100 * urls as u64), "the drive fetches");
    let mut follow = Follow::default();
    let interrupt = ctrl_c();
    tokio::pin!(interrupt);
    let interrupted = loop {
        tokio::select! {
            event = events.recv() => match event {
                Some(event) => {
                    let over = bar.suspend(|| follow.apply(ctx, event));
                    bar.set_position(follow.percent_sum());
                    if over {
                        break false;
                    }
                }
                None => break false,
            },
            () = &mut interrupt => break true,
        }
    };
    bar.finish_and_clear();
    let stopped = match interrupted {
        true => scheduler.shutdown().await,
        false => scheduler.discard().await,
    };
    if let Err(e) = stopped {
        tracing::warn!("{e}");
    }
    if let (false, Some(journal)) = (interrupted, journal) {
        journal.close();
    }
    if interrupted {
        return Err(CmdError::interrupted(
            "interrupted: the drive goes on fetching; run the same command to follow the \
             same tasks again, or `panfm offline status TASKID…`",
        ));
    }
    ctx.summary(format!(
        "{} fetched into {dest}{}",
        count(follow.done, "file"),
        match follow.failed {
            0 => String::new(),
            n => format!(", {n} failed"),
        }
    ));
    Ok(())
}

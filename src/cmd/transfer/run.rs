//! Running one transfer: a [`Scheduler`] for this command only, one batch, its events followed
//! until the batch is done or Ctrl-C. The scheduler keeps the command's journal (see
//! `journal`): a run of the same command after Ctrl-C, a kill or a lost connection finds it and
//! goes on — uploads on their server sessions, sending only the slices the server lacks, failed
//! files tried again — and a finished run deletes it. Ctrl-C shuts the scheduler down the way
//! quitting the app does: running jobs stop, nothing gets a final name it has not earned, and
//! download part files stay where the next run continues them.

use super::bars::Bars;
use super::journal::Journal;
use super::naming::Naming;
use super::tally::Tally;
use crate::cli::TransferArgs;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::cmd::output::{count, size};
use crate::transfer::{
    Direction, JobInfo, Restore, Scheduler, TransferConfig, TransferErrorKind, TransferSpec,
};

pub(crate) struct Plan {
    pub spec: TransferSpec,
    pub naming: Naming,
    pub args: TransferArgs,
}

/// How a run went, for a caller that goes on after it (`panfm sync`).
pub(crate) struct Ran {
    pub interrupted: bool,
    /// The batch followed was the one the journal brought back, not `plan.spec`.
    pub resumed: bool,
    /// Jobs finished with their file in place, with the MD5 each upload hashed.
    pub done: Vec<(JobInfo, Option<String>)>,
}

pub(super) async fn run(ctx: &mut Ctx, plan: Plan) -> CmdResult {
    run_batch(ctx, plan).await.map(|_| ())
}

/// [`run`], telling how it went.
pub(crate) async fn run_batch(ctx: &mut Ctx, plan: Plan) -> CmdResult<Ran> {
    // Rejected credentials end the command (status 3) instead of failing every file.
    ctx.client.authenticate().await?;
    let journal = open_journal(ctx, &plan.spec)?;
    let cfg = TransferConfig {
        workers: usize::from(plan.args.jobs),
        max_bytes_per_sec: plan.args.limit_rate,
        state_file: journal.as_ref().map(|j| j.file.clone()),
        restore: Restore {
            requeue_failed: true,
            policy: Some(plan.spec.policy()),
        },
        ..TransferConfig::default()
    };
    let (scheduler, mut events) = Scheduler::new(ctx.client.clone(), cfg)
        .map_err(|e| CmdError::failure(format!("cannot start the transfer: {e}")))?;
    let verb = match plan.naming.direction() {
        Direction::Upload => "uploading",
        Direction::Download => "downloading",
        Direction::Copy => "copying",
        Direction::Offline => "fetching",
    };
    let bars = Bars::new(ctx.shows_progress(), verb);
    let mut tally = Tally::new(plan.naming, bars);
    let restored = scheduler.snapshot();
    let resumed = !restored.batches.is_empty();
    match restored.batches.is_empty() {
        true => {
            scheduler.submit(plan.spec);
        }
        false => {
            let left = tally.resume(&restored);
            ctx.summary(format!(
                "continuing the interrupted run of this command: {} left",
                count(left, "file")
            ));
        }
    }
    let interrupt = ctrl_c();
    tokio::pin!(interrupt);
    let interrupted = loop {
        tokio::select! {
            event = events.recv() => match event {
                Some(event) => {
                    if tally.apply(ctx, &scheduler, event) {
                        break false;
                    }
                }
                None => break false,
            },
            () = &mut interrupt => break true,
        }
    };
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
    // What the workers did while stopping.
    while let Ok(event) = events.try_recv() {
        tally.apply(ctx, &scheduler, event);
    }
    tally.bars.clear();
    summary(ctx, &tally);
    if interrupted {
        report_interruption(ctx, &tally, ctx.state_dir.is_some());
    }
    Ok(Ran {
        interrupted,
        resumed,
        done: tally.done(),
    })
}

/// The command's journal; none in the demo, or (with a warning) when the state directory
/// can't hold one. A run of the same command still going elsewhere ends this one.
pub(crate) fn open_journal(ctx: &Ctx, spec: &TransferSpec) -> Result<Option<Journal>, CmdError> {
    let Some(dir) = &ctx.state_dir else {
        return Ok(None);
    };
    match Journal::open(dir, &ctx.client, spec) {
        Ok(journal) => Ok(Some(journal)),
        Err(e) if e.kind == TransferErrorKind::Busy => Err(CmdError::failure(
            "the same transfer is already running in another panfm; let it finish, or stop it \
             and run this again to continue",
        )),
        Err(e) => {
            tracing::warn!("no journal for this transfer, it can't be continued if stopped: {e}");
            Ok(None)
        }
    }
}

/// Resolves on Ctrl-C; never, if the handler can't be installed.
pub(crate) async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Every file left over is an error in the report; stderr gets one line for them all and
/// what to do next.
fn report_interruption(ctx: &mut Ctx, tally: &Tally, journal: bool) {
    let (open, partial) = tally.unfinished();
    let unlisted = tally
        .planned
        .map_or(0, |files| files.saturating_sub(tally.seen() as u64));
    for item in &open {
        ctx.record_failure(
            item,
            CmdError::interrupted("interrupted before it finished"),
        );
    }
    if tally.planned.is_none() || unlisted > 0 {
        let why = "interrupted before every file was found and queued";
        ctx.record_failure(tally.naming.dest(), CmdError::interrupted(why));
    }
    let left = open.len() + usize::try_from(unlisted).unwrap_or(usize::MAX);
    match tally.planned {
        Some(_) => eprintln!(
            "panfm: interrupted: {} not transferred",
            count(left, "file")
        ),
        None => eprintln!("panfm: interrupted while listing the sources"),
    }
    if partial && tally.direction() == Direction::Download {
        eprintln!(
            "panfm: partly downloaded files are kept as hidden .NAME.ID.panfm-part files \
             beside their targets; the same download continues them"
        );
    }
    match journal {
        true => eprintln!(
            "panfm: run the same command again to continue: what arrived is not sent again"
        ),
        false => eprintln!(
            "panfm: run the same command with --on-conflict skip to transfer only what is missing"
        ),
    }
}

/// What this run did; bytes are those it moved (not those a kept part or an earlier run had
/// already put in place).
fn summary(ctx: &Ctx, t: &Tally) {
    let (verb, done) = match t.direction() {
        Direction::Upload => ("uploaded", t.ok),
        Direction::Download => ("downloaded", t.ok - t.reused),
        Direction::Copy => ("copied", t.ok),
        Direction::Offline => ("fetched", t.ok),
    };
    let elapsed = indicatif::HumanDuration(t.started.elapsed());
    let mut parts = vec![format!(
        "{verb} {} ({}) to {} in {elapsed}",
        count(done, "file"),
        size(t.moved()),
        t.naming.dest()
    )];
    match (t.reused, t.direction()) {
        (0, _) => {}
        (n, Direction::Upload) => parts.push(format!(
            "{n} by instant upload ({} not sent)",
            size(t.reused_bytes)
        )),
        (n, Direction::Download | Direction::Copy | Direction::Offline) => {
            parts.push(format!("{} already here, skipped", count(n, "file")));
        }
    }
    if t.skipped > 0 {
        parts.push(format!("{} skipped", t.skipped));
    }
    if t.failed > 0 {
        parts.push(format!("{} failed", t.failed));
    }
    ctx.summary(parts.join("; "));
}

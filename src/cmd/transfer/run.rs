//! Running one transfer: a [`Scheduler`] for this command only (no state file), one batch,
//! its events followed until the batch is done or Ctrl-C. Ctrl-C shuts the scheduler down the
//! way quitting the app does: running jobs stop, nothing gets a final name it has not earned,
//! and download part files stay where the next run of the same download continues them.

use super::bars::Bars;
use super::naming::Naming;
use super::tally::Tally;
use crate::cli::TransferArgs;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::cmd::output::{count, size};
use crate::transfer::{Direction, Scheduler, TransferConfig, TransferSpec};

pub(super) struct Plan {
    pub spec: TransferSpec,
    pub naming: Naming,
    pub args: TransferArgs,
}

pub(super) async fn run(ctx: &mut Ctx, plan: Plan) -> CmdResult {
    // Rejected credentials end the command (status 3) instead of failing every file.
    ctx.client.authenticate().await?;
    let cfg = TransferConfig {
        workers: usize::from(plan.args.jobs),
        max_bytes_per_sec: plan.args.limit_rate,
        ..TransferConfig::default()
    };
    let (scheduler, mut events) = Scheduler::new(ctx.client.clone(), cfg)
        .map_err(|e| CmdError::failure(format!("cannot start the transfer: {e}")))?;
    let verb = match plan.naming.direction() {
        Direction::Upload => "uploading",
        Direction::Download => "downloading",
    };
    let bars = Bars::new(ctx.shows_progress(), verb);
    let mut tally = Tally::new(plan.naming, bars);
    scheduler.submit(plan.spec);
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
    if let Err(e) = scheduler.shutdown().await {
        tracing::warn!("{e}");
    }
    // What the workers did while stopping.
    while let Ok(event) = events.try_recv() {
        tally.apply(ctx, &scheduler, event);
    }
    tally.bars.clear();
    summary(ctx, &tally);
    if interrupted {
        report_interruption(ctx, &tally);
    }
    Ok(())
}

/// Resolves on Ctrl-C; never, if the handler can't be installed.
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Every file left over is an error in the report; stderr gets one line for them all and
/// what to do next.
fn report_interruption(ctx: &mut Ctx, tally: &Tally) {
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
    eprintln!(
        "panfm: run the same command with --on-conflict skip to transfer only what is missing"
    );
}

fn summary(ctx: &Ctx, t: &Tally) {
    let verb = match t.direction() {
        Direction::Upload => "uploaded",
        Direction::Download => "downloaded",
    };
    let elapsed = indicatif::HumanDuration(t.started.elapsed());
    let mut parts = vec![format!(
        "{verb} {} ({}) to {} in {elapsed}",
        count(t.ok, "file"),
        size(t.ok_bytes),
        t.naming.dest()
    )];
    if t.reused > 0 {
        parts.push(format!(
            "{} by instant upload ({} not sent)",
            t.reused,
            size(t.reused_bytes)
        ));
    }
    if t.skipped > 0 {
        parts.push(format!("{} skipped", t.skipped));
    }
    if t.failed > 0 {
        parts.push(format!("{} failed", t.failed));
    }
    ctx.summary(parts.join("; "));
}

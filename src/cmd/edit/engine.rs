//! The transfer engine for one `panfm edit`: a scheduler of its own with no state file (the
//! copy lives in a private temporary folder; there is nothing to continue later), running one
//! single-file batch at a time to its end, with a progress bar on a terminal. Ctrl-C stops it
//! (status 130); while the editor runs, Ctrl-C is the editor's.

use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::transfer::{JobState, Scheduler, TransferConfig, TransferEvent, TransferSpec};
use tokio::sync::mpsc::UnboundedReceiver;

pub(super) struct Engine {
    scheduler: Scheduler,
    events: UnboundedReceiver<TransferEvent>,
}

impl Engine {
    pub fn start(ctx: &Ctx) -> CmdResult<Self> {
        let (scheduler, events) = Scheduler::new(ctx.client.clone(), TransferConfig::default())
            .map_err(|e| CmdError::failure(format!("cannot start the transfer: {e}")))?;
        Ok(Self { scheduler, events })
    }

    /// Runs `spec` (one file of `size` bytes) to its end; `Err` says why the file did not
    /// arrive.
    pub async fn run(
        &mut self,
        ctx: &Ctx,
        spec: TransferSpec,
        (what, size): (&str, u64),
    ) -> CmdResult {
        let batch = self.scheduler.submit(spec);
        let bar = ctx.progress(Some(size), what);
        let mut reason = None;
        let interrupt = tokio::signal::ctrl_c();
        tokio::pin!(interrupt);
        let result = loop {
            let event = tokio::select! {
                event = self.events.recv() => event,
                _ = &mut interrupt => {
                    self.scheduler.cancel_batch(batch);
                    break Err(CmdError::interrupted("interrupted"));
                }
            };
            match event {
                Some(TransferEvent::Progress { done_bytes, .. }) => bar.set_position(done_bytes),
                Some(TransferEvent::State { state, .. }) => match state {
                    JobState::Failed { reason: why } | JobState::Skipped { reason: why } => {
                        reason = Some(why);
                    }
                    JobState::Cancelled => reason = Some("cancelled".to_owned()),
                    _ => {}
                },
                Some(TransferEvent::BatchDone { batch: b, ok, .. }) if b == batch => {
                    break match ok {
                        1.. => Ok(()),
                        0 => Err(CmdError::failure(
                            reason
                                .take()
                                .unwrap_or_else(|| "it did not arrive".to_owned()),
                        )),
                    };
                }
                Some(_) => {}
                None => break Err(CmdError::failure("the transfer engine stopped")),
            }
        };
        bar.finish_and_clear();
        result
    }
}

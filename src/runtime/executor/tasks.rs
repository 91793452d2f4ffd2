//! The executor's longer effects: comparing folders (hashing, walking), commands for the
//! transfer engine, and the check of an upload before its question.

use super::Executor;
use crate::app::{Msg, Ticket, TransferCmd, TransferMsg};
use tokio_util::sync::CancellationToken;

impl Executor {
    pub(super) fn compare(&mut self, effect: crate::app::CompareEffect) {
        use crate::app::CompareEffect as E;
        use crate::runtime::compare::{HashJob, WalkJob};
        self.compare.cancel();
        self.compare = CancellationToken::new();
        match effect {
            E::Stop => {}
            E::Hash { ticket, files } => {
                let (state_dir, cancel) = (self.state_dir.clone(), self.compare.clone());
                let job = HashJob {
                    ticket,
                    files,
                    state_dir,
                    cancel,
                };
                crate::runtime::compare::spawn_hash(job, self.tx.clone());
            }
            E::Walk {
                ticket,
                local,
                cloud,
                names,
            } => {
                let client = self.cloud.as_ref().map(|c| c.client().clone());
                let job = WalkJob {
                    ticket,
                    local,
                    cloud,
                    names,
                };
                crate::runtime::compare::spawn_walk(job, client, self.tx.clone());
            }
        }
    }

    pub(super) fn transfer(&self, cmd: TransferCmd) {
        let Some(s) = &self.transfers else { return };
        match cmd {
            TransferCmd::Submit { spec, then, root } => {
                let batch = s.submit(spec);
                let submitted = TransferMsg::Submitted { batch, then, root };
                let _ = self.tx.send(Msg::Transfer(submitted));
            }
            TransferCmd::Pause(job) => drop(s.pause(job)),
            TransferCmd::Resume(job) => drop(s.resume(job)),
            TransferCmd::Cancel(job) => drop(s.cancel(job)),
            TransferCmd::Retry(job) => drop(s.retry(job)),
            TransferCmd::MoveUp(job) => drop(s.move_up(job)),
            TransferCmd::MoveDown(job) => drop(s.move_down(job)),
            TransferCmd::Resolve {
                job,
                answer,
                whole_batch,
            } => drop(s.resolve(job, answer, whole_batch)),
            TransferCmd::ClearFinished => s.clear_finished(),
        }
    }

    /// Walks an upload's sources on the blocking pool; a newer check stops this one.
    pub(super) fn check_upload(&mut self, ticket: Ticket, spec: crate::transfer::TransferSpec) {
        self.check.cancel();
        self.check = CancellationToken::new();
        let (cancel, tx) = (self.check.clone(), self.tx.clone());
        tokio::task::spawn_blocking(move || {
            let limit = crate::transfer::CHECK_LIMIT;
            match crate::transfer::check_upload(&spec, limit, &cancel) {
                Some(check) if !cancel.is_cancelled() => {
                    let _ = tx.send(Msg::Transfer(TransferMsg::Checked { ticket, check }));
                }
                _ => {}
            }
        });
    }
}

//! For the question before a local delete: whether the system trash can take the entries, then
//! what they hold, counted on the blocking pool and reported as the walk goes. The executor
//! stops a count when a newer one starts or its question closes.

use crate::app::{DeleteMsg, Msg, Ticket};
use crate::fs::{sys_trash, tally};
use std::path::PathBuf;
use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

pub fn spawn(
    ticket: Ticket,
    paths: Vec<PathBuf>,
    cancel: CancellationToken,
    tx: UnboundedSender<Msg>,
) {
    tokio::task::spawn_blocking(move || {
        let send = |msg| drop(tx.send(Msg::Delete(msg)));
        let result = paths.iter().try_for_each(|p| sys_trash::check(p));
        send(DeleteMsg::Trash { ticket, result });
        let report = |tally: &tally::Tally| {
            send(DeleteMsg::Counted {
                ticket,
                tally: *tally,
                done: false,
            });
        };
        if let Some(tally) = tally::count(&paths, &cancel, tally::COUNT_LIMIT, report) {
            send(DeleteMsg::Counted {
                ticket,
                tally,
                done: true,
            });
        }
    });
}

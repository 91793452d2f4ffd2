//! The preview panel's effects: the rest timer, one ranged read of a file's head (on the
//! executor's [`Reader`], so the viewer and the panel share its download URLs), and the first
//! entries of a folder through the pane backends (a cached cloud listing serves without a
//! call), stopping at [`LIST_LIMIT`].

use crate::app::preview::{DEBOUNCE, LIST_LIMIT, PreviewEffect, PreviewMsg};
use crate::app::{Msg, Ticket};
use crate::fs::img::ImgFs;
use crate::fs::pan::PanFs;
use crate::fs::read::{Reader, Span};
use crate::fs::{Entry, FsError, FsErrorKind, Location, local};
use tokio::sync::mpsc::UnboundedSender;

/// What the effects run on.
pub struct Backends {
    pub reader: Reader,
    pub cloud: Option<PanFs>,
    pub images: Option<ImgFs>,
}

pub fn spawn(effect: PreviewEffect, on: Backends, tx: UnboundedSender<Msg>) {
    match effect {
        PreviewEffect::Wait { ticket } => {
            tokio::spawn(async move {
                tokio::time::sleep(DEBOUNCE).await;
                let _ = tx.send(Msg::Preview(PreviewMsg::Due { ticket }));
            });
        }
        PreviewEffect::Read {
            ticket,
            source,
            len,
        } => {
            tokio::spawn(async move {
                let result = on.reader.read(&source, Span::At { start: 0, len }).await;
                let _ = tx.send(Msg::Preview(PreviewMsg::Read { ticket, result }));
            });
        }
        PreviewEffect::List { ticket, location } => list(ticket, location, on, tx),
    }
}

fn list(ticket: Ticket, location: Location, on: Backends, tx: UnboundedSender<Msg>) {
    let send = move |result| {
        let _ = tx.send(Msg::Preview(PreviewMsg::Listed { ticket, result }));
    };
    match (location, on.cloud, on.images) {
        (Location::Local(path), _, _) => {
            tokio::task::spawn_blocking(move || {
                let mut got = Vec::new();
                let listed = local::list_dir(&path, |page| keep(&mut got, page));
                send(listed.map(|()| finish(got)));
            });
        }
        (Location::Cloud(dir), Some(fs), _) => {
            tokio::spawn(async move {
                let mut got = Vec::new();
                let listed = fs.list(dir.id(), false, |page| keep(&mut got, page)).await;
                send(listed.map(|()| finish(got)));
            });
        }
        (Location::Images(dir), _, Some(fs)) => {
            tokio::spawn(async move {
                let mut got = Vec::new();
                let listed = fs.list(dir.id(), false, |page| keep(&mut got, page)).await;
                send(listed.map(|()| finish(got)));
            });
        }
        _ => send(Err(FsError::new(
            FsErrorKind::Unsupported,
            "this folder cannot be listed here",
        ))),
    }
}

/// Takes a page; `false` (stop) once the limit is passed.
fn keep(got: &mut Vec<Entry>, page: Vec<Entry>) -> bool {
    got.extend(page);
    got.len() <= LIST_LIMIT
}

/// The entries, and whether they are all of the folder's.
fn finish(mut got: Vec<Entry>) -> (Vec<Entry>, bool) {
    let complete = got.len() <= LIST_LIMIT;
    got.truncate(LIST_LIMIT);
    (got, complete)
}

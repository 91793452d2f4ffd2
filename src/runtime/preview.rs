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

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::mpsc::unbounded_channel;

    fn local() -> Backends {
        Backends {
            reader: Reader::local(),
            cloud: None,
            images: None,
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_wait_ends_after_the_debounce_and_not_before() {
        let (tx, mut rx) = unbounded_channel();
        spawn(PreviewEffect::Wait { ticket: 7 }, local(), tx);
        tokio::time::sleep(DEBOUNCE - std::time::Duration::from_millis(1)).await;
        assert!(rx.try_recv().is_err(), "not yet");
        let msg = rx.recv().await.unwrap();
        assert!(matches!(msg, Msg::Preview(PreviewMsg::Due { ticket: 7 })));
    }

    #[tokio::test]
    async fn a_head_and_a_folder_stopping_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small");
        std::fs::create_dir(&small).unwrap();
        std::fs::write(small.join("a.txt"), b"hello\n").unwrap();
        let big = dir.path().join("big");
        std::fs::create_dir(&big).unwrap();
        for i in 0..=LIST_LIMIT {
            std::fs::write(big.join(format!("{i}")), b"").unwrap();
        }
        let (tx, mut rx) = unbounded_channel();
        let source = crate::fs::read::Source::Local(small.join("a.txt"));
        spawn(
            PreviewEffect::Read {
                ticket: 1,
                source,
                len: 3,
            },
            local(),
            tx.clone(),
        );
        let Some(Msg::Preview(PreviewMsg::Read { result, .. })) = rx.recv().await else {
            panic!("no read");
        };
        assert_eq!(&result.unwrap().bytes[..], b"hel");
        for (at, complete, count) in [(small, true, 1), (big, false, LIST_LIMIT)] {
            let location = Location::Local(at);
            spawn(
                PreviewEffect::List {
                    ticket: 2,
                    location,
                },
                local(),
                tx.clone(),
            );
            let Some(Msg::Preview(PreviewMsg::Listed { result, .. })) = rx.recv().await else {
                panic!("no listing");
            };
            let (entries, all) = result.unwrap();
            assert_eq!((entries.len(), all), (count, complete));
        }
        let cloud = Location::Cloud(crate::fs::CloudDir::root());
        spawn(
            PreviewEffect::List {
                ticket: 3,
                location: cloud,
            },
            local(),
            tx,
        );
        let Some(Msg::Preview(PreviewMsg::Listed { result, .. })) = rx.recv().await else {
            panic!("no answer");
        };
        assert_eq!(result.unwrap_err().kind, FsErrorKind::Unsupported);
    }
}

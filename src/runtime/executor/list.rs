//! Listing a pane's location for the executor: pages as they arrive while the pane still wants
//! them (a newer listing for the side stops an older one), from the local disk, the drive, its
//! trash or the image space; and a drive entry's details for the details popup.

use super::Executor;
use crate::app::{EntryDetails, ListingMsg, Msg, Side, Ticket};
use crate::fs::{FsError, FsErrorKind, Location, TrashListing, local};
use std::sync::atomic::Ordering;

impl Executor {
    /// Lists `location` for `side`; `scan` makes a trash listing the full scan.
    pub(super) fn list(
        &self,
        side: Side,
        ticket: Ticket,
        location: Location,
        fresh: bool,
        scan: bool,
    ) {
        let current = self.current[side.index()].clone();
        current.store(ticket, Ordering::SeqCst);
        let tx = self.tx.clone();
        let live = move || current.load(Ordering::SeqCst) == ticket;
        let page = {
            let (tx, live) = (tx.clone(), live.clone());
            move |entries| {
                live()
                    && tx
                        .send(Msg::Listing(ListingMsg::Page {
                            side,
                            ticket,
                            entries,
                        }))
                        .is_ok()
            }
        };
        // Search results and the trash gather entries from many folders: their paths follow
        // the last page, before `Done`.
        let places = {
            let (tx, live) = (tx.clone(), live.clone());
            move |found: Vec<(i64, crate::fs::CloudDir)>| {
                if live() && !found.is_empty() {
                    let msg = ListingMsg::Places {
                        side,
                        ticket,
                        places: found,
                    };
                    let _ = tx.send(Msg::Listing(msg));
                }
            }
        };
        // `Ok(Some(why))`: done, but only part of what was asked for could be listed.
        let finish = move |result: Result<Option<String>, FsError>| {
            if !live() {
                return;
            }
            let msg = match result {
                Ok(partial) => {
                    if let Some(why) = partial {
                        let note = ListingMsg::Partial { side, ticket, why };
                        let _ = tx.send(Msg::Listing(note));
                    }
                    ListingMsg::Done { side, ticket }
                }
                Err(error) => ListingMsg::Failed {
                    side,
                    ticket,
                    error,
                },
            };
            let _ = tx.send(Msg::Listing(msg));
        };
        let whole = |r: Result<(), FsError>| r.map(|()| None);
        match (location, self.cloud.clone()) {
            (Location::Local(path), _) => {
                tokio::task::spawn_blocking(move || finish(whole(local::list_dir(&path, page))));
            }
            (Location::Cloud(dir), Some(fs)) => {
                tokio::spawn(async move { finish(whole(fs.list(dir.id(), fresh, page).await)) });
            }
            (Location::Search(s), Some(fs)) => {
                tokio::spawn(async move {
                    let mut dirs = Vec::new();
                    let sink = crate::runtime::open::noting(&mut dirs, page);
                    let listed = fs.search(&s.query, s.exact, sink).await;
                    if listed.is_ok() {
                        places(fs.places(&dirs).await);
                    }
                    finish(whole(listed));
                });
            }
            (Location::Trash, Some(fs)) => {
                tokio::spawn(async move {
                    let mut dirs = Vec::new();
                    let sink = crate::runtime::open::noting(&mut dirs, page);
                    let listed = match scan {
                        true => fs.scan_trash(sink).await,
                        false => fs.list_trash(fresh, sink).await,
                    };
                    if listed.is_ok() {
                        places(fs.places(&dirs).await);
                    }
                    finish(listed.map(|l| match l {
                        TrashListing::Complete => None,
                        TrashListing::Partial(why) => Some(why),
                    }));
                });
            }
            (Location::Images(dir), Some(_)) => match self.images.clone() {
                Some(fs) => {
                    tokio::spawn(
                        async move { finish(whole(fs.list(dir.id(), fresh, page).await)) },
                    );
                }
                None => finish(Err(FsError::new(
                    FsErrorKind::Unsupported,
                    "no image space configured",
                ))),
            },
            (_, None) => finish(Err(FsError::new(
                FsErrorKind::Unsupported,
                "no cloud account configured",
            ))),
        }
    }
}

pub(super) fn details(f: &crate::api::FileEntry) -> EntryDetails {
    let note = if f.is_rejected() {
        Some("rejected by review: it cannot be downloaded".to_owned())
    } else if f.punished {
        Some("blocked by the server".to_owned())
    } else if f.trashed {
        Some("in the trash".to_owned())
    } else {
        None
    };
    EntryDetails {
        name: crate::fs::local::sanitize_name(&f.name),
        is_dir: f.is_dir(),
        size: Some(f.size),
        md5: (!f.etag.is_empty()).then(|| f.etag.clone()),
        created: f.created_at.map(|t| t.timestamp()),
        modified: f.updated_at.map(|t| t.timestamp()),
        id: Some(f.id),
        parent_id: Some(f.parent_id),
        note,
        ..EntryDetails::default()
    }
}

//! F4's steps that need the disk, the transfer engine or the drive (see `app::edit`): the
//! private folder made and the download submitted, the drive asked about the file, the upload
//! back submitted, the folder removed; and, for the run loop, the editor itself. Each answers
//! with one `EditMsg`.

use crate::app::{EditEffect, EditId, EditMsg, Msg};
use crate::edit::{Closed, Editor};
use crate::fs::pan::PanFs;
use crate::transfer::Scheduler;
use std::path::PathBuf;
use tokio::sync::mpsc::UnboundedSender;

/// Runs `step`; hands back the one that needs the terminal (`Open`).
pub(super) fn run(
    step: EditEffect,
    tx: UnboundedSender<Msg>,
    (transfers, cloud): (Option<Scheduler>, Option<PanFs>),
) -> Option<EditEffect> {
    let send = move |msg| {
        let _ = tx.send(Msg::Edit(msg));
    };
    match step {
        EditEffect::Open { .. } => return Some(step),
        EditEffect::Fetch { id, file } => {
            tokio::task::spawn_blocking(move || {
                let result = fetch(transfers.as_ref(), file);
                send(EditMsg::Fetching { id, result });
            });
        }
        EditEffect::Check { id, file } => {
            let Some(fs) = cloud else {
                let result = Err("no cloud account".to_owned());
                send(EditMsg::Checked { id, result });
                return None;
            };
            tokio::spawn(async move {
                let result = match fs.client().infos(&[file]).await {
                    Ok(found) => Ok(found.into_iter().find(|e| e.id == file)),
                    Err(e) => Err(e.to_string()),
                };
                send(EditMsg::Checked { id, result });
            });
        }
        EditEffect::Upload {
            id,
            copy,
            parent,
            policy,
        } => {
            let result = match &transfers {
                Some(s) => Ok(s.submit(crate::edit::upload_spec(&copy, parent, policy))),
                None => Err("the transfer queue is not running".to_owned()),
            };
            send(EditMsg::Uploading { id, result });
        }
        EditEffect::Cleanup { dir } => {
            tokio::task::spawn_blocking(move || {
                let result = crate::edit::remove_dir(&dir).map_err(|e| e.to_string());
                send(EditMsg::Cleaned { dir, result });
            });
        }
    }
    None
}

/// Makes the private folder and submits the download into it.
fn fetch(
    transfers: Option<&Scheduler>,
    file: crate::transfer::CloudItem,
) -> Result<(PathBuf, crate::transfer::BatchId), String> {
    let Some(s) = transfers else {
        return Err("the transfer queue is not running".to_owned());
    };
    let dir = crate::edit::private_dir()
        .map_err(|e| format!("cannot make a private folder for the copy: {e}"))?;
    let batch = s.submit(crate::edit::download_spec(file, &dir));
    Ok((dir, batch))
}

/// Runs `editor` on `path` and reports how it closed (a cloud edit's copy hashed after).
/// Blocking: the run loop calls it with the terminal handed over; tests call it directly.
pub fn open(id: Option<EditId>, path: PathBuf, editor: &Editor) -> Msg {
    let closed = Closed::run(editor, &path, id.is_some());
    Msg::Edit(EditMsg::Closed { id, path, closed })
}

/// The editor's task itself failed (`why`): a cloud copy is kept, as its state is unknown.
pub(super) fn failed(id: Option<EditId>, path: PathBuf, why: String) -> Msg {
    let closed = Closed {
        editor: Err(why.clone()),
        after: id.map(|_| Err(why)),
    };
    Msg::Edit(EditMsg::Closed { id, path, closed })
}

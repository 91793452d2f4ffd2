//! Where panes are sent rather than listed: the folder a typed path names (on the command
//! line or in the go-to prompt), the names completing a typed folder path, and the folders
//! search results and the trash gather entries from (noted while they are listed, so their
//! paths can follow).

use crate::app::{CloudMsg, Msg, Side, Ticket};
use crate::fs::img::ImgFs;
use crate::fs::pan::PanFs;
use crate::fs::{Entry, FsError, FsErrorKind, TypedPath};
use std::path::PathBuf;
use tokio::sync::mpsc::UnboundedSender;

/// Finds the folder a typed path names, answering `CloudMsg::Opened`.
pub fn spawn(
    cloud: Option<PanFs>,
    images: Option<ImgFs>,
    tx: UnboundedSender<Msg>,
    (side, ticket, path, typed): (Side, Ticket, TypedPath, bool),
) {
    tokio::spawn(async move {
        let result = match (&path, cloud, images) {
            (TypedPath::Local(p), _, _) => {
                let p = p.clone();
                tokio::task::spawn_blocking(move || crate::fs::open::open_local(&p))
                    .await
                    .unwrap_or_else(|e| Err(FsError::new(FsErrorKind::Io, e.to_string())))
            }
            (TypedPath::Cloud(p), Some(fs), _) => fs.open_path(p).await,
            (TypedPath::Images(p), _, Some(fs)) => fs.open_path(p).await,
            _ => Err(no_account()),
        };
        let opened = CloudMsg::Opened {
            side,
            ticket,
            path,
            typed,
            result,
        };
        let _ = tx.send(Msg::Cloud(opened));
    });
}

/// Names of the folders completing `path` (typed as `text`), answering `Msg::Completed`.
pub fn complete(
    (cloud, images): (Option<PanFs>, Option<ImgFs>),
    home: Option<PathBuf>,
    tx: UnboundedSender<Msg>,
    (text, path): (String, TypedPath),
) {
    tokio::spawn(async move {
        let names = match (path, cloud, images) {
            (TypedPath::Local(p), _, _) => tokio::task::spawn_blocking(move || {
                crate::fs::complete::local_dirs(&p.to_string_lossy(), home.as_deref())
            })
            .await
            .unwrap_or_default(),
            (TypedPath::Cloud(p), Some(fs), _) => fs.complete_dirs(&p).await,
            (TypedPath::Images(p), _, Some(fs)) => fs.complete_dirs(&p).await,
            _ => Vec::new(),
        };
        let _ = tx.send(Msg::Completed { text, names });
    });
}

fn no_account() -> FsError {
    FsError::new(FsErrorKind::Unsupported, "no cloud account configured")
}

/// A page sink that also notes the folders its entries are in.
pub fn noting<'a>(
    dirs: &'a mut Vec<i64>,
    mut page: impl FnMut(Vec<Entry>) -> bool + 'a,
) -> impl FnMut(Vec<Entry>) -> bool + 'a {
    move |entries: Vec<Entry>| {
        dirs.extend(entries.iter().filter_map(|e| e.parent));
        page(entries)
    }
}

//! Where panes are sent rather than listed: the folder a command-line path names (on the
//! drive or the image space), and the folders search results and the trash gather entries
//! from (noted while they are listed, so their paths can follow).

use crate::app::{CloudMsg, Msg, Side, Ticket};
use crate::fs::img::ImgFs;
use crate::fs::pan::PanFs;
use crate::fs::{Entry, FsError, FsErrorKind, TypedPath};
use tokio::sync::mpsc::UnboundedSender;

/// Finds the folder a command-line path names, answering `CloudMsg::Opened`.
pub fn spawn(
    cloud: Option<PanFs>,
    images: Option<ImgFs>,
    tx: UnboundedSender<Msg>,
    (side, ticket, path): (Side, Ticket, TypedPath),
) {
    tokio::spawn(async move {
        let result = match (&path, cloud, images) {
            (TypedPath::Cloud(p), Some(fs), _) => fs.open_path(p).await,
            (TypedPath::Images(p), _, Some(fs)) => fs.open_path(p).await,
            _ => Err(FsError::new(
                FsErrorKind::Unsupported,
                "no cloud account configured",
            )),
        };
        let opened = CloudMsg::Opened {
            side,
            ticket,
            path,
            result,
        };
        let _ = tx.send(Msg::Cloud(opened));
    });
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

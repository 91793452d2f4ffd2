//! Reads from the image space for the browser: one item's details (with its public links) for
//! the details popup, and the links of many images for the clipboard — a few detail calls in
//! flight at once, each still passing the client's rate limiter, answered in the order asked.

use crate::app::{EntryDetails, ImageLink, ImagesMsg, Msg};
use crate::fmt::{SizeUnits, size as format_size};
use crate::fs::img::ImgFs;
use crate::fs::local::sanitize_name;
use futures::StreamExt;
use tokio::sync::mpsc::UnboundedSender;

/// Detail calls in flight at once while collecting links.
const IN_FLIGHT: usize = 4;

pub async fn details(fs: &ImgFs, id: String, units: SizeUnits) -> Msg {
    let result = fs
        .detail(&id)
        .await
        .map(|f| Box::new(details_of(&f, units)));
    Msg::Images(ImagesMsg::Details { id, result })
}

pub async fn links(
    fs: &ImgFs,
    folders: Vec<(String, String)>,
    items: Vec<(String, String)>,
    markdown: bool,
) -> Msg {
    let mut wanted = Vec::new();
    let mut unlisted = Vec::new();
    for (id, name) in folders {
        match images_in(fs, &id).await {
            Ok(images) if images.is_empty() => unlisted.push(ImageLink {
                name: format!("{name}/"),
                url: Err("no images in this folder".to_owned()),
            }),
            Ok(images) => wanted.extend(images),
            Err(e) => unlisted.push(ImageLink {
                name: format!("{name}/"),
                url: Err(e.message),
            }),
        }
    }
    wanted.extend(items);
    let mut links: Vec<ImageLink> = futures::stream::iter(wanted)
        .map(|(id, name)| async move {
            let url = match fs.link(&id).await {
                Ok(Some(url)) => Ok(url),
                Ok(None) => Err("the server gave no link for it".to_owned()),
                Err(e) => Err(e.message),
            };
            ImageLink { name, url }
        })
        .buffered(IN_FLIGHT)
        .collect()
        .await;
    links.extend(unlisted);
    Msg::Images(ImagesMsg::Links { markdown, links })
}

/// `(id, name)` of the images directly in folder `id`, in name order (the listing cache
/// serves a folder the pane just showed).
async fn images_in(fs: &ImgFs, id: &str) -> Result<Vec<(String, String)>, crate::fs::FsError> {
    let mut entries = Vec::new();
    fs.list(id, false, |batch| {
        entries.extend(batch);
        true
    })
    .await?;
    entries.retain(|e| !e.is_dir());
    entries.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    Ok(entries
        .into_iter()
        .filter_map(|e| match e.key {
            crate::fs::EntryKey::Image(id) => Some((id, e.name)),
            _ => None,
        })
        .collect())
}

/// Runs a fetch effect as a task; without an image space there is nothing to ask.
/// Runs an image-space fetch; sizes in what it answers are written in `units`.
pub fn spawn(
    fs: Option<ImgFs>,
    tx: UnboundedSender<Msg>,
    effect: crate::app::Effect,
    units: SizeUnits,
) {
    let Some(fs) = fs else { return };
    tokio::spawn(async move {
        let msg = match effect {
            crate::app::Effect::FetchImageDetails { id } => details(&fs, id, units).await,
            crate::app::Effect::FetchImageLinks {
                folders,
                items,
                markdown,
            } => links(&fs, folders, items, markdown).await,
            _ => return,
        };
        let _ = tx.send(msg);
    });
}

fn details_of(f: &crate::api::ImageEntry, units: SizeUnits) -> EntryDetails {
    let mut extra = Vec::new();
    if !f.is_dir() {
        let format = crate::api::ImageFormat::from_extension(&f.extension)
            .map_or_else(|| f.extension.to_uppercase(), |x| x.name().to_owned());
        extra.push(("Format".to_owned(), format));
        extra.push(("Traffic".to_owned(), format_size(f.total_traffic, units)));
        if let Some(url) = &f.download_url {
            extra.push(("Link".to_owned(), url.clone()));
        }
        match &f.user_self_url {
            Some(own) if Some(own) != f.download_url.as_ref() => {
                extra.push(("Own domain".to_owned(), own.clone()));
            }
            _ => {}
        }
    }
    extra.push(("ID".to_owned(), f.id.clone()));
    EntryDetails {
        name: sanitize_name(&f.name),
        is_dir: f.is_dir(),
        size: (!f.is_dir()).then_some(f.size),
        md5: (!f.etag.is_empty()).then(|| f.etag.clone()),
        created: f.created_at.map(|t| t.timestamp()),
        modified: f.updated_at.map(|t| t.timestamp()),
        note: f
            .is_rejected()
            .then(|| "rejected by review: its link does not serve it".to_owned()),
        image_id: Some(f.id.clone()),
        extra,
        ..EntryDetails::default()
    }
}

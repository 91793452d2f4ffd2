//! The image space (图床) as the core sees it: the messages its async work answers with, the
//! links put on the clipboard, and which operations are image-space ones. Pure data and
//! text; the update logic is in `update/images.rs`.

use super::modal::EntryDetails;
use super::ops::OpSpec;
use crate::fs::{FsError, Location};

#[derive(Debug, Clone)]
pub enum ImagesMsg {
    /// Details of image-space item `id` (for the details popup, if it still shows `id`).
    Details {
        id: String,
        result: Result<Box<EntryDetails>, FsError>,
    },
    /// The links asked for by `Effect::FetchImageLinks`, in the order asked.
    Links {
        markdown: bool,
        links: Vec<ImageLink>,
    },
}

/// One image's public link, or why it could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageLink {
    pub name: String,
    pub url: Result<String, String>,
}

impl ImageLink {
    /// The clipboard line: the URL, or `![name](url)` in Markdown. `None` without a URL.
    pub fn line(&self, markdown: bool) -> Option<String> {
        let url = self.url.as_ref().ok()?;
        Some(match markdown {
            true => crate::fs::img::markdown_link(&self.name, url),
            false => url.clone(),
        })
    }
}

/// The clipboard text for `links`: one line each, in order, failures left out.
pub fn clipboard_text(links: &[ImageLink], markdown: bool) -> String {
    links
        .iter()
        .filter_map(|l| l.line(markdown))
        .collect::<Vec<_>>()
        .join("\n")
}

impl OpSpec {
    /// Whether the operation reads or changes the image space (run by the image runner).
    pub fn touches_images(&self) -> bool {
        match self {
            OpSpec::Mkdir { at, .. }
            | OpSpec::Rename { at, .. }
            | OpSpec::Trash { at, .. }
            | OpSpec::Delete { at, .. } => at.is_images(),
            OpSpec::Move { from, to, .. } | OpSpec::Copy { from, to, .. } => {
                from.is_images() || to.is_images()
            }
            OpSpec::Restore { .. } => false,
        }
    }
}

/// `"1 link"`, `"3 links"`.
pub fn links(n: usize) -> String {
    match n {
        1 => "1 link".to_owned(),
        n => format!("{n} links"),
    }
}

/// Whether `loc` can take a copy or move of drive items into the image space.
pub fn is_drive(loc: &Location) -> bool {
    matches!(loc, Location::Cloud(_) | Location::Search(_))
}

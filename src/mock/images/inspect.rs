//! [`MockServer`] helpers for the image space: look inside it, place content without the
//! upload protocol, and inject presigned-URL faults. They bypass headers, tokens and QPS.

use std::io::{Error, ErrorKind};

use md5_lanes::Md5;

use super::super::clock;
use super::super::content::hex;
use super::super::server::MockServer;
use super::super::shared::lock;
use super::super::tree::Duplicate;
use super::tree::{ImageKind, ImageNode};

/// A snapshot of one image or image folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MockImage {
    pub id: String,
    /// The root's own id for items at the root (see `MockServer::image_root_id`).
    pub parent: String,
    pub name: String,
    pub is_dir: bool,
    pub size: u64,
    /// Lowercase MD5; empty for folders.
    pub etag: String,
    /// Unix seconds.
    pub created: i64,
    /// Bytes served from the image's URLs.
    pub traffic: u64,
}

impl From<&ImageNode> for MockImage {
    fn from(n: &ImageNode) -> Self {
        MockImage {
            id: n.id.clone(),
            parent: n.parent.clone(),
            name: n.name.clone(),
            is_dir: n.is_dir(),
            size: n.size(),
            etag: n.etag().to_owned(),
            created: n.created,
            traffic: n.traffic,
        }
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidInput, message.into())
}

impl MockServer {
    /// The image root's own id: requests name the root `""`, replies show this id as the
    /// `parentFileId` of root items (parent name `img_oss`).
    pub fn image_root_id(&self) -> String {
        lock(&self.shared.drive).images.tree.root_id().to_owned()
    }

    /// The id at an image path such as `/blog/a.png`; `/` gives the root's own id.
    pub fn image_id_of(&self, path: &str) -> Option<String> {
        lock(&self.shared.drive).images.tree.resolve(path)
    }

    pub fn image(&self, id: &str) -> Option<MockImage> {
        lock(&self.shared.drive)
            .images
            .tree
            .get(id)
            .map(MockImage::from)
    }

    /// Children of an image folder (`""` for the root), newest first.
    pub fn image_children(&self, id: &str) -> Vec<MockImage> {
        let d = lock(&self.shared.drive);
        d.images.tree.children(id).map(MockImage::from).collect()
    }

    /// The whole content of an image.
    pub async fn image_bytes(&self, id: &str) -> std::io::Result<Vec<u8>> {
        let (located, size) = {
            let d = lock(&self.shared.drive);
            let node = d
                .images
                .tree
                .get(id)
                .filter(|n| !n.is_dir())
                .ok_or_else(|| invalid("no such image"))?;
            let located = d.blobs.locate(node.etag(), node.size());
            (located.ok_or_else(|| invalid("no content"))?, node.size())
        };
        located.read_all(size).await
    }

    /// Creates an image folder like `mkdir` would.
    pub fn put_image_dir(&self, parent: &str, name: &str) -> std::io::Result<String> {
        let names = [name.to_owned()];
        self.shared
            .mutate(|d| d.images.tree.mkdir(parent, &names, clock::now_secs()))
            .map_err(|e| invalid(e.message))?
            .pop()
            .ok_or_else(|| invalid("mkdir created nothing"))
    }

    /// Stores `bytes` as an image like an upload would (format, size and name rules apply).
    pub async fn put_image(
        &self,
        parent: &str,
        name: &str,
        bytes: &[u8],
    ) -> std::io::Result<String> {
        let etag = hex(&Md5::digest(bytes));
        let size = bytes.len() as u64;
        super::rules::check(name, size).map_err(|e| invalid(e.message))?;
        let tmp = lock(&self.shared.drive).blobs.incoming_path();
        tokio::fs::write(&tmp, bytes).await?;
        let placed = self.shared.mutate(|d| {
            let content = (etag.as_str(), size);
            let tree = &mut d.images.tree;
            tree.check_placeable(parent, name, content, Duplicate::Refuse)
                .map_err(|e| invalid(e.message))?;
            d.blobs.adopt(&tmp, &etag, size)?;
            let now = clock::now_secs();
            tree.place(parent, name, content, Duplicate::Refuse, now)
                .map_err(|e| invalid(e.message))
        });
        if placed.is_err() {
            let _ = tokio::fs::remove_file(&tmp).await;
        }
        placed.map(|p| p.id)
    }

    /// Backdates an image or folder (for the list's time window).
    pub fn set_image_created(&self, id: &str, unix_secs: i64) -> bool {
        self.shared.mutate(|d| match d.images.tree.get_mut(id) {
            Some(n) => {
                n.created = unix_secs;
                n.updated = unix_secs;
                true
            }
            None => false,
        })
    }

    /// The next `n` presigned upload URLs are handed out already expired.
    pub fn stale_upload_urls(&self, n: u32) {
        lock(&self.shared.drive).images.uploads.more.stale_urls = n;
    }

    /// Every presigned upload URL handed out so far stops working.
    pub fn expire_upload_urls(&self) {
        lock(&self.shared.drive).images.uploads.expire_tickets();
    }

    /// Image upload sessions still receiving slices or being verified.
    pub fn open_image_uploads(&self) -> usize {
        lock(&self.shared.drive).images.uploads.active()
    }

    /// Whether an image with this content exists anywhere in the image space.
    pub fn has_image_content(&self, etag: &str, size: u64) -> bool {
        let d = lock(&self.shared.drive);
        let wanted = ImageKind::File {
            etag: etag.to_owned(),
            size,
        };
        d.images.tree.iter().any(|n| n.kind == wanted)
    }
}

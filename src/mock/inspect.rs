//! Helpers for tests and tools to look inside a running [`MockServer`] and to place content
//! without going through the upload protocol. They bypass headers, tokens and QPS limits.

use std::io::{Error, ErrorKind};

use md5_lanes::Md5;

use super::clock;
use super::content::hex;
use super::server::MockServer;
use super::shared::lock;
use super::tree::{Duplicate, Node};

/// A snapshot of one drive item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MockEntry {
    pub id: i64,
    pub parent: i64,
    pub name: String,
    pub is_dir: bool,
    pub size: u64,
    /// Lowercase MD5; empty for folders.
    pub etag: String,
    /// The item's own recycle-bin flag.
    pub trashed: bool,
    /// Review status; above 100 means rejected.
    pub status: i64,
}

impl From<&Node> for MockEntry {
    fn from(n: &Node) -> Self {
        MockEntry {
            id: n.id,
            parent: n.parent,
            name: n.name.clone(),
            is_dir: n.is_dir(),
            size: n.size(),
            etag: n.etag().to_owned(),
            trashed: n.trashed,
            status: n.status,
        }
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidInput, message.into())
}

impl MockServer {
    /// The id at an absolute path such as `/照片/2024 春节` (`/` is the root, 0), preferring
    /// non-trashed items where names repeat.
    pub fn id_of(&self, path: &str) -> Option<i64> {
        lock(&self.shared.drive).tree.resolve(path)
    }

    pub fn entry(&self, id: i64) -> Option<MockEntry> {
        lock(&self.shared.drive).tree.get(id).map(MockEntry::from)
    }

    /// Children of a folder (trashed ones included), ascending id.
    pub fn children(&self, id: i64) -> Vec<MockEntry> {
        lock(&self.shared.drive)
            .tree
            .children(id)
            .map(MockEntry::from)
            .collect()
    }

    /// The whole content of a file.
    pub async fn file_bytes(&self, id: i64) -> std::io::Result<Vec<u8>> {
        let located = {
            let d = lock(&self.shared.drive);
            let node = d
                .tree
                .get(id)
                .filter(|n| !n.is_dir())
                .ok_or_else(|| invalid("no such file"))?;
            let size = node.size();
            (
                d.blobs
                    .locate(node.etag(), size)
                    .ok_or_else(|| invalid("no content"))?,
                size,
            )
        };
        located.0.read_all(located.1).await
    }

    /// Access tokens currently valid.
    pub fn live_tokens(&self) -> usize {
        lock(&self.shared.tokens).live_count(clock::now_secs())
    }

    /// Upload sessions still receiving slices or being verified.
    pub fn open_uploads(&self) -> usize {
        lock(&self.shared.drive).uploads.active()
    }

    /// Creates a folder like `mkdir` would.
    pub fn put_dir(&self, parent: i64, name: &str) -> std::io::Result<i64> {
        self.shared
            .mutate(|d| d.tree.mkdir(parent, name, clock::now_secs()))
            .map_err(|e| invalid(e.message))
    }

    /// Gives item `id` the `updateAt` of Unix time `secs`, as if it last changed then.
    pub fn set_updated(&self, id: i64, secs: i64) -> bool {
        self.shared.mutate(|d| match d.tree.get_mut(id) {
            Some(n) => {
                n.updated = secs;
                true
            }
            None => false,
        })
    }

    /// Gives item `id` review status `status` (above 100: rejected by review, 审核驳回).
    pub fn set_status(&self, id: i64, status: i64) -> bool {
        self.shared.mutate(|d| match d.tree.get_mut(id) {
            Some(n) => {
                n.status = status;
                true
            }
            None => false,
        })
    }

    /// Stores `bytes` as a new file like an upload would (refusing a taken name).
    pub async fn put_file(&self, parent: i64, name: &str, bytes: &[u8]) -> std::io::Result<i64> {
        self.store(parent, name, bytes, Duplicate::Refuse).await
    }

    /// Stores `bytes` over the file named `name`, as an upload with `duplicate=2` would (the
    /// new file gets a new id).
    pub async fn replace_file(
        &self,
        parent: i64,
        name: &str,
        bytes: &[u8],
    ) -> std::io::Result<i64> {
        self.store(parent, name, bytes, Duplicate::Overwrite).await
    }

    async fn store(
        &self,
        parent: i64,
        name: &str,
        bytes: &[u8],
        dup: Duplicate,
    ) -> std::io::Result<i64> {
        let etag = hex(&Md5::digest(bytes));
        let size = bytes.len() as u64;
        let tmp = lock(&self.shared.drive).blobs.incoming_path();
        tokio::fs::write(&tmp, bytes).await?;
        let placed = self.shared.mutate(|d| {
            d.tree
                .check_placeable(parent, name, dup)
                .map_err(|e| invalid(e.message))?;
            super::tree::validate_name(name).map_err(|e| invalid(e.message))?;
            d.blobs.adopt(&tmp, &etag, size)?;
            d.tree
                .place_file(parent, name, dup, (etag, size), clock::now_secs())
                .map_err(|e| invalid(e.message))
        });
        if placed.is_err() {
            let _ = tokio::fs::remove_file(&tmp).await;
        }
        placed
    }
}

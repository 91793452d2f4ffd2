//! Offline download (离线下载): the drive fetches an http(s) URL into one of its folders by
//! itself. A task is created, then its progress asked for; the new file's id is only ever told
//! to a callback URL, never to the progress call.

use super::file::FileId;
use super::image::ImportStatus;

/// The folder the drive fetches into when no `dirID` is given (p123client: "默认会下载到
/// “/来自:离线下载” 目录中"). The server makes and names it, so the `:` that user names may not
/// contain is fine here.
pub const OFFLINE_DEFAULT_DIR: &str = "来自:离线下载";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfflineRequest {
    /// http or https.
    pub url: String,
    /// Default: the server's choice (the URL's last path segment).
    pub file_name: Option<String>,
    /// A folder other than the root; `None`: [`OFFLINE_DEFAULT_DIR`].
    pub dir_id: Option<FileId>,
    /// Where the server POSTs `{url, status, failReason, fileID}` when the task ends.
    pub callback_url: Option<String>,
}

impl OfflineRequest {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            file_name: None,
            dir_id: None,
            callback_url: None,
        }
    }
}

/// A task as `process` reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct OfflineProgress {
    /// 0 running, 1 failed, 2 done, 3 retrying — the same codes as the image space's import.
    pub status: ImportStatus,
    /// 0–100; back to 0 when the download failed ("下载失败，该进度将会归零").
    pub percent: f64,
    /// Why a failed task failed, when the server says. The progress page documents only
    /// `process` and `status`; the reason is documented for the callback (`failReason`), and is
    /// read here under that name when a reply carries it (the mock's does).
    pub reason: Option<String>,
}

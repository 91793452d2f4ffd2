//! The image-hosting space (图床): its items, listing pages, upload steps and task states.
//! Image ids are long opaque strings, unlike the drive's integers; requests name the root `""`.

use chrono::{DateTime, Utc};

use super::file::{FileId, FileKind};
use super::upload::Duplicate;

pub type ImageId = String;

/// How requests name the image space's root ("上传到根目录时为空").
pub const IMAGE_ROOT: &str = "";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageEntry {
    pub id: ImageId,
    pub name: String,
    /// NOTE: items at the root carry the root folder's own id here, not `""` (the list example
    /// shows root items with a non-empty `parentFileId` and `parentFilename: "img_oss"`).
    pub parent_id: ImageId,
    pub parent_name: String,
    pub kind: FileKind,
    pub size: u64,
    /// Lowercase hex MD5; empty for folders.
    pub etag: String,
    /// Lowercase, without the dot (`"jpg"`); empty for folders.
    pub extension: String,
    /// Review status; above 100 means rejected by review.
    pub status: i64,
    /// Bytes served from the image's URLs (`totalTraffic`).
    pub total_traffic: u64,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    /// The public link (`downloadURL`); `None` for folders.
    pub download_url: Option<String>,
    /// The link on the account's own domain (`userSelfURL`); `None` for folders.
    pub user_self_url: Option<String>,
}

impl ImageEntry {
    pub fn is_dir(&self) -> bool {
        self.kind == FileKind::Dir
    }

    pub fn is_rejected(&self) -> bool {
        self.status > 100
    }
}

/// One page of an image-folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImagePage {
    pub entries: Vec<ImageEntry>,
    /// The cursor for the next page (an image id); `None` on the last page (`"-1"`).
    pub next: Option<ImageId>,
}

/// A listing filter on time (sent as Unix seconds); either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeWindow {
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageCreateRequest {
    /// [`IMAGE_ROOT`] for the root.
    pub parent_id: ImageId,
    pub filename: String,
    /// Hex MD5 of the whole image; sent lowercased.
    pub etag: String,
    pub size: u64,
    /// Sent only when not `Refuse` (p123client lists `duplicate`; the upload page does not).
    pub duplicate: Duplicate,
}

impl ImageCreateRequest {
    pub fn new(parent_id: &str, filename: impl Into<String>, etag: &str, size: u64) -> Self {
        Self {
            parent_id: parent_id.to_owned(),
            filename: filename.into(),
            etag: etag.to_ascii_lowercase(),
            size,
            duplicate: Duplicate::Refuse,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageCreateOutcome {
    /// Instant upload: the server has the content already. `file_id` is `None` if it sent none.
    Reused { file_id: Option<ImageId> },
    /// Put the bytes in `slice_size` pieces (1-based) to URLs from `Client::image_upload_url`,
    /// then call `Client::image_upload_complete`.
    Upload {
        preupload_id: String,
        slice_size: u64,
    },
}

/// A presigned slice URL: PUT the bytes there without `Authorization` or `Platform`. It
/// expires; ask for another rather than keeping a stock of them. `Debug` hides the signature.
#[derive(Clone, PartialEq, Eq)]
pub struct PresignedUrl {
    pub url: String,
    /// `isMultipart`: the upload has more than one slice.
    pub multipart: bool,
}

impl std::fmt::Debug for PresignedUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = self.url.split('?').next().unwrap_or_default();
        f.debug_struct("PresignedUrl")
            .field("url", &format_args!("{shown}?<redacted>"))
            .field("multipart", &self.multipart)
            .finish()
    }
}

/// A slice the server holds (`list_upload_parts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedPart {
    pub number: u32,
    pub size: u64,
    /// Lowercase hex MD5 of the slice.
    pub etag: String,
}

/// One answer of `upload_complete` or `upload_async_result`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageUploadOutcome {
    /// Not assembled yet: poll `Client::image_upload_result` again in about a second.
    Pending,
    Done(ImageId),
    /// `upload_complete` answered `async:false, completed:false`: the server lacks slices
    /// ("需要再次上传的分片"); send them again and complete again.
    Incomplete,
    /// Terminal ("文件上传失败"), e.g. the bytes do not match the declared MD5.
    Failed(String),
}

/// A copy task's state (获取复制任务详情: 1 running, 2 finished, 3 failed, 4 waiting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageCopyStatus {
    Running,
    /// Finished; images that could not be copied are in `Client::image_copy_failures`.
    Done,
    Failed,
    Waiting,
    Other(i64),
}

impl From<i64> for ImageCopyStatus {
    fn from(v: i64) -> Self {
        match v {
            1 => Self::Running,
            2 => Self::Done,
            3 => Self::Failed,
            4 => Self::Waiting,
            other => Self::Other(other),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageCopyProgress {
    pub status: ImageCopyStatus,
    /// `failMsg`; empty unless the task failed.
    pub fail_message: String,
}

/// A drive file that qualified as an image but was not copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageCopyFailure {
    pub file_id: FileId,
    pub name: String,
}

/// An offline import (图床离线迁移): the server downloads `url` into the image space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageImportRequest {
    /// http or https.
    pub url: String,
    /// Must carry an image extension; default: the server's choice.
    pub file_name: Option<String>,
    /// A folder other than the root; default: the server's "来自:离线下载" folder.
    pub dir_id: Option<ImageId>,
    /// Where the server POSTs the outcome.
    pub callback_url: Option<String>,
}

impl ImageImportRequest {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            file_name: None,
            dir_id: None,
            callback_url: None,
        }
    }
}

/// An import's or offline download's state (获取离线迁移任务, 获取离线下载进度: 0 running, 1
/// failed, 2 done, 3 retrying).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStatus {
    Running,
    Failed,
    Done,
    Retrying,
    Other(i64),
}

impl From<i64> for ImportStatus {
    fn from(v: i64) -> Self {
        match v {
            0 => Self::Running,
            1 => Self::Failed,
            2 => Self::Done,
            3 => Self::Retrying,
            other => Self::Other(other),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageImportProgress {
    pub status: ImportStatus,
    /// 0–100.
    pub percent: u8,
}

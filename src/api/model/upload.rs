//! Inputs and outcomes of the v2 upload protocol: create (possibly an instant upload), slices,
//! complete (asynchronous on the server), and the single-request upload.

use super::file::FileId;

/// The largest file `upload/v2/file/create` takes: "开发者上传单文件大小限制10GB" [S002]. Read as
/// 10 GiB, the way the service's own sizes are binary; a client refuses bigger files before
/// hashing them.
pub const MAX_UPLOAD_SIZE: u64 = 10 << 30;

/// The refusal for a file over [`MAX_UPLOAD_SIZE`], or `None` when its size is acceptable.
pub fn upload_size_refusal(size: u64) -> Option<String> {
    (size > MAX_UPLOAD_SIZE).then(|| {
        format!(
            "{size} bytes is more than the 10 GiB the drive accepts per uploaded file ({MAX_UPLOAD_SIZE} bytes)"
        )
    })
}

/// What the server does when the target name already exists in the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Duplicate {
    /// Omit `duplicate`: the server refuses with an error.
    #[default]
    Refuse,
    /// `duplicate=1`: keep both; the new file gets a server-chosen suffix.
    KeepBoth,
    /// `duplicate=2`: replace the existing file.
    Overwrite,
}

/// What to create: used by both the multi-slice `create` and the single-request upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateRequest {
    pub parent_id: FileId,
    /// A plain name, or a `/`-separated path when `contain_dir` is set (missing folders are
    /// created by the server).
    pub filename: String,
    /// Hex MD5 of the whole file; sent lowercased.
    pub etag: String,
    pub size: u64,
    pub duplicate: Duplicate,
    pub contain_dir: bool,
}

impl CreateRequest {
    pub fn new(parent_id: FileId, filename: impl Into<String>, etag: &str, size: u64) -> Self {
        Self {
            parent_id,
            filename: filename.into(),
            etag: etag.to_ascii_lowercase(),
            size,
            duplicate: Duplicate::Refuse,
            contain_dir: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateOutcome {
    /// Instant upload ("秒传"): the content was already on the server; no slices, no complete.
    /// `file_id` is `None` when the server said `reuse` but sent `fileID: 0`: re-list the
    /// parent to find the file.
    Reused { file_id: Option<FileId> },
    /// Upload the file in `slice_size` pieces (1-based, the last one the remainder) to any of
    /// `servers`, then call `upload_complete`.
    Upload {
        preupload_id: String,
        slice_size: u64,
        servers: Vec<String>,
    },
}

/// One `upload_complete` answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompleteOutcome {
    /// Still verifying (`completed:false`, or code 20103): ask again in about a second.
    Pending,
    Done(FileId),
    /// Terminal ("文件上传失败"), e.g. the slices do not add up to the declared MD5.
    Failed(String),
}

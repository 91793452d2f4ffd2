//! panfm's own types for what the API returns and accepts. They carry no serde attributes and
//! no wire casing: the private `wire` module decodes the documented JSON and converts into these.

mod file;
mod image;
mod offline;
mod share;
mod upload;
mod user;

pub use file::{
    Category, CopyStatus, FileEntry, FileId, FileKind, ListPage, ROOT_DIR, RenameFailure,
    RenameReport, SearchMode,
};
pub use image::{
    IMAGE_ROOT, ImageCopyFailure, ImageCopyProgress, ImageCopyStatus, ImageCreateOutcome,
    ImageCreateRequest, ImageEntry, ImageId, ImageImportProgress, ImageImportRequest, ImagePage,
    ImageUploadOutcome, ImportStatus, PresignedUrl, TimeWindow, UploadedPart,
};
pub use offline::{OFFLINE_DEFAULT_DIR, OfflineProgress, OfflineRequest};
pub use share::{
    CreatedShare, DirectLinkLogEntry, DirectLinkLogPage, GuestAccess, PaidShareRequest,
    SHARE_LINK_BASE, SHARE_MAX_ITEMS, SHARE_NAME_FORBIDDEN, SHARE_NAME_LIMIT, ShareExpiry,
    ShareInfo, SharePage, ShareRequest, ShareSettings, check_share_code, check_share_name,
    parse_traffic_limit, share_link,
};
pub use upload::{
    CompleteOutcome, CreateOutcome, CreateRequest, Duplicate, MAX_UPLOAD_SIZE, upload_size_refusal,
};
pub use user::{Grant, UserInfo, VipGrant};

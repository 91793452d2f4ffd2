//! Typed client for the 123pan Open Platform API (`open-api.123pan.com`): the drive and the
//! image-hosting space (图床, `images`).
//!
//! Knows HTTP and the documented JSON, nothing about panes or the UI. Callers hold a cheap-to-
//! clone [`Client`] and get panfm's own model types ([`FileEntry`], [`UserInfo`], …) or an
//! [`ApiError`] whose kind says what to do next. Inside: tokens are minted rarely and cached on
//! disk (`auth`, `token_cache`), every request passes a per-endpoint rate limiter shared by all
//! clones (`rate_limit`, its figures in `qps`) and, through a small locked file, by the
//! account's other panfm processes (`shared_grants`), and replies go through one envelope
//! decoder (`envelope`) with bounded retries (`transport`, `retry`). Wire DTOs stay private in
//! `wire`. `share` and `dlink` hold the share-link and direct-link calls; `offline` asks the
//! drive to fetch URLs itself (离线下载).

mod auth;
mod client;
mod config;
mod credentials;
mod dlink;
mod download;
mod endpoint;
mod envelope;
mod error;
mod files;
mod images;
mod lenient;
mod model;
mod offline;
mod ops;
mod poll;
mod presigned;
mod qps;
mod rate_limit;
mod recycle;
mod retry;
mod share;
mod shared_grants;
mod token_cache;
mod transport;
mod upload;
mod wire;

#[cfg(test)]
pub(crate) mod stub;
#[cfg(test)]
mod tests;

pub use client::Client;
pub use config::{Auth, ClientConfig, DEFAULT_BASE_URL, Timeouts};
pub use credentials::{AuthEnv, AuthSource, Credentials, CredentialsError, resolve_auth};
pub use dlink::DIRECT_LINK_LOG_PAGE;
pub use download::{ByteRange, Download};
pub use error::{ApiError, ApiErrorKind, BatchError};
pub use images::{
    IMAGE_EXTENSIONS, ImageFormat, ImageRefusal, ImageUploadError, MAX_IMAGE_SIZE, check_image,
};
pub use model::{
    Category, CompleteOutcome, CopyStatus, CreateOutcome, CreateRequest, Duplicate, FileEntry,
    FileId, FileKind, Grant, IMAGE_ROOT, ImageCopyFailure, ImageCopyProgress, ImageCopyStatus,
    ImageCreateOutcome, ImageCreateRequest, ImageEntry, ImageId, ImageImportProgress,
    ImageImportRequest, ImagePage, ImageUploadOutcome, ImportStatus, ListPage, MAX_UPLOAD_SIZE,
    OFFLINE_DEFAULT_DIR, OfflineProgress, OfflineRequest, PresignedUrl, ROOT_DIR, RenameFailure,
    RenameReport, SearchMode, TimeWindow, UploadedPart, UserInfo, VipGrant, upload_size_refusal,
};
pub use model::{
    CreatedShare, DirectLinkLogEntry, DirectLinkLogPage, GuestAccess, PaidShareRequest,
    SHARE_LINK_BASE, SHARE_MAX_ITEMS, SHARE_NAME_FORBIDDEN, SHARE_NAME_LIMIT, ShareExpiry,
    ShareInfo, SharePage, ShareRequest, ShareSettings, check_share_code, check_share_name,
    parse_traffic_limit, share_link,
};
pub use offline::{check_fetch_url, url_file_name};
pub use poll::Patience;
pub use recycle::{TRASH_PAGE_LIMIT, TrashPage};
pub use retry::RetryPolicy;
pub use share::SHARE_PAGE_LIMIT;
pub use token_cache::forget_cached_token;
pub use upload::md5_hex;

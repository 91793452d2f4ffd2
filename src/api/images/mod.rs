//! The image-hosting space (图床, "OSS"): a separate tree with string ids and root `""`, on the
//! same host and token as the drive. `files` reads and changes it, `upload` has the upload
//! calls (create, presigned PUTs in `put`, completion), `send` the whole flow for one image, `tasks` copies drive images into it
//! and imports URLs; `crate::rules` says what it accepts. Public items are re-exported from `api`.

mod files;
mod put;
mod send;
mod tasks;
mod upload;

pub use crate::rules::{IMAGE_EXTENSIONS, ImageFormat, ImageRefusal, MAX_IMAGE_SIZE, check_image};
pub use upload::ImageUploadError;

//! The image-hosting space (图床, "OSS"): a separate tree with string ids and root `""`, on the
//! same host and token as the drive. `files` reads and changes it, `upload` puts images in
//! (create, presigned PUTs in `put`, completion polling), `tasks` copies drive images into it
//! and imports URLs, `rules` says what it accepts. Public items are re-exported from `api`.

mod files;
mod put;
mod rules;
mod tasks;
mod upload;

pub use rules::{IMAGE_EXTENSIONS, ImageFormat, ImageRefusal, MAX_IMAGE_SIZE, check_image};
pub use upload::ImageUploadError;

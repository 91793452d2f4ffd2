//! The image-hosting space (图床, "OSS") of the account: its own folder tree with string ids
//! (`tree`, `ops`), the format and size rules (`rules`), upload sessions with presigned PUT
//! tickets (`session`, `verify`), copy and offline-import tasks (`tasks`, `copy`), and the
//! inspection helpers for tests (`inspect`). Handlers are in `handlers::images`.

mod copy;
mod inspect;
mod ops;
mod rules;
mod session;
mod space;
mod tasks;
mod tree;
mod verify;

#[cfg(test)]
mod tests;

pub(crate) use copy::run as copy_from_drive;
pub use inspect::MockImage;
pub(crate) use rules::{MAX_IMAGE, check as check_image, extension, is_image_name, new_id};
pub(crate) use session::{ImagePhase, ImageSession, PutTicket, slice_dir};
pub(crate) use space::{Images, ImagesSnapshot};
pub(crate) use tasks::{CopyTask, MAX_OPEN_COPIES};
pub(crate) use tree::{ImageKind, ImageNode};
pub(crate) use verify::start as start_verification;

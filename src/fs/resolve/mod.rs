//! Cloud paths (`/照片/2024`, `id:12345`, `id:12345/sub`) to drive items, by walking listings
//! from the root or from the given id. Shared by the command line and meant for the TUI's "go to
//! path"; it never changes the drive.
//!
//! One [`Resolver`] lives for one command: every folder is listed at most once (trashed entries
//! included, so recycle-bin lookups need no second listing) unless the caller forgets it after a
//! change. Names match exactly: case-sensitive, no Unicode normalisation, as 123pan compares
//! them. `.` is skipped and `..` goes up lexically. Two live entries with the same name in one
//! folder make the path ambiguous: the error lists their ids so the caller can use `id:N`.
//! Image-space paths have their own, simpler [`ImageResolver`].

mod error;
pub mod images;
mod path;
mod resolver;
#[cfg(test)]
mod tests;

pub use error::ResolveError;
pub use images::{ImagePathError, ImageResolver, ResolvedImage, image_root};
pub use path::{CloudPath, join};
pub use resolver::{Lister, Resolved, Resolver, Want, root_entry};

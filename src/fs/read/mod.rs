//! Reading inside files without fetching them whole: a [`Reader`] answers one byte span of a
//! local file (a positioned read on the blocking pool), a cloud file (an HTTP `Range` GET on
//! its download URL, the URL cached for a few minutes and renewed when the CDN refuses it) or
//! an image-space image (its public link), and a suffix span reads a file's tail. Callers that
//! page through a file keep what came back in [`Windows`], a small LRU of aligned
//! [`WINDOW`]-sized pieces. [`sniff`] tells text from binary and images from the first bytes
//! (the encoding with `chardetng`, pixel dimensions with `imagesize`), for the viewer, the
//! preview and `panfm head` alike.

mod reader;
pub mod sniff;
mod urls;
mod windows;

pub use reader::Reader;
pub use sniff::{Encoding, ImageInfo, Kind};
pub use windows::{WINDOW, Windows};

use bytes::Bytes;

/// What to read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Local(std::path::PathBuf),
    /// A drive file, by id.
    Cloud(i64),
    /// An image-space image, by id (read through its public link).
    Image(String),
}

/// Which bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// `len` bytes from `start` (fewer at the end of the file).
    At { start: u64, len: u64 },
    /// The last `len` bytes (a suffix range), wherever the end is.
    Tail { len: u64 },
}

/// Bytes read, and where they were in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub start: u64,
    pub bytes: Bytes,
    /// The file's size as the read found it, when the answer said.
    pub total: Option<u64>,
}

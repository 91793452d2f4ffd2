//! The preview panel (`z`): it takes the inactive pane's place and shows the focused pane's
//! cursor entry — a file's first lines, hex dump or image header, a folder's first entries and
//! counts, and size, MD5 and date for everything. Pure state: which entry it follows, the
//! ticket its wait and its request carry (a result for an entry the cursor left is dropped),
//! what it shows, and a small cache of file heads keyed by identity, size, etag and date so a
//! changed file is read again. Requests are made only while the panel shows, and only after
//! the cursor rests [`DEBOUNCE`] on an entry.

mod cache;
mod head;

pub use cache::{Cache, Key};
pub use head::{Folder, Head};

use super::pane::Ticket;
use crate::fs::read::{Chunk, Source};
use crate::fs::{Entry, FsError, Location};
use std::time::Duration;

/// How long the cursor rests on an entry before it is read.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// Bytes read from the start of a file: one `Range` request.
pub const HEAD_BYTES: u64 = 16 << 10;
/// File heads kept.
pub const CACHED: usize = 64;
/// Folder entries a listing collects before it stops (the counts say "at least").
pub const LIST_LIMIT: usize = 500;
/// Folder entries kept for the panel.
pub const SHOWN_ENTRIES: usize = 200;
/// The narrowest pane the panel is drawn in, borders included, and the fewest rows.
pub const MIN_COLUMNS: u16 = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviewMsg {
    /// The cursor rested: the wait with `ticket` is over.
    Due { ticket: Ticket },
    /// A file's first bytes.
    Read {
        ticket: Ticket,
        result: Result<Chunk, FsError>,
    },
    /// A folder's first entries; `complete` when the listing ended before the limit.
    Listed {
        ticket: Ticket,
        result: Result<(Vec<Entry>, bool), FsError>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviewEffect {
    /// Answer `PreviewMsg::Due` after [`DEBOUNCE`].
    Wait { ticket: Ticket },
    /// Read the first `len` bytes of `source`, answering `PreviewMsg::Read`.
    Read {
        ticket: Ticket,
        source: Source,
        len: u64,
    },
    /// List up to [`LIST_LIMIT`] entries of `location` (a cached listing serves), answering
    /// `PreviewMsg::Listed`.
    List { ticket: Ticket, location: Location },
}

/// What the entry needs read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(Source),
    Dir(Location),
    /// Nothing can be read; why.
    Nothing(String),
}

/// The entry the panel follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Where the entry is listed (with `entry`, what a move away changes).
    pub at: Location,
    pub entry: Entry,
    pub target: Target,
    pub ticket: Ticket,
}

#[derive(Debug, Clone)]
pub enum Shown {
    /// Resting before the read.
    Waiting,
    Reading,
    File(Head),
    Dir(Folder),
    /// Nothing to read (an empty file, the trash, a blocked file): why.
    Nothing(String),
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct Panel {
    /// The user wants it (`z`); it shows when the terminal has room too.
    pub on: bool,
    pub subject: Option<Subject>,
    pub shown: Option<Shown>,
    pub cache: Cache,
    /// Bytes read for previews this session.
    pub fetched: u64,
}

impl Panel {
    /// Whether the panel is drawn on a `width` × `height` screen.
    pub fn shows(&self, width: u16, height: u16) -> bool {
        self.on && room(width, height)
    }

    /// The panel is waiting for nothing.
    pub fn settled(&self) -> bool {
        !matches!(self.shown, Some(Shown::Waiting | Shown::Reading))
    }
}

/// Whether a screen of `width` × `height` has room for the panel beside a pane.
pub fn room(width: u16, height: u16) -> bool {
    width >= super::MIN_WIDTH && height >= super::MIN_HEIGHT && width / 2 >= MIN_COLUMNS
}

//! The file viewer's state (F3): which file, the windows read so far (an LRU, see
//! [`crate::fs::read::Windows`]), what the first bytes said it is, the line index built from
//! every window that arrived, where the screen starts, and any search or jump under way.
//!
//! Positions are byte offsets, not line numbers: the screen starts at a segment (see `lines`)
//! and a row within it when long lines wrap; a hex dump starts at a multiple of its bytes per
//! row. So a 10 GB file opens at once and `G` shows its end from one suffix read, and line
//! numbers show only where the windows before them were counted (`index`). What the view
//! draws is computed here (`rows`), the view only styles it.

mod index;
pub mod lines;
mod moves;
mod rows;
mod search;
mod text;

pub use index::LineIndex;
pub use rows::{Piece, PieceKind, Row, Screen};
pub use search::{Hit, Task};

use super::pane::Ticket;
use crate::fs::read::{Encoding, Kind, Source, Windows};
use std::collections::BTreeSet;

/// Windows kept in memory (256 KiB each).
pub const KEPT_WINDOWS: usize = 16;
/// Window reads in flight at once while scrolling (a search reads one at a time).
pub const IN_FLIGHT: usize = 3;

/// The encoding the user chose, or the detected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Auto,
    Utf8,
    Gbk,
}

/// Where the screen starts: a segment start (text) or row start (hex), and the wrapped row
/// of that segment shown first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Top {
    pub at: u64,
    pub row: usize,
}

/// What the screen has room for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Columns for the text (after any line-number gutter).
    pub width: usize,
    pub rows: usize,
    /// Columns of the gutter, its separator included (0 without line numbers).
    pub gutter: usize,
}

#[derive(Debug, Clone)]
pub struct Viewer {
    pub ticket: Ticket,
    pub name: String,
    pub source: Source,
    pub windows: Windows,
    pub index: LineIndex,
    /// Windows asked for and not yet answered.
    pub pending: BTreeSet<u64>,
    /// Bytes received so far (a window read twice counts twice).
    pub fetched: u64,
    /// What the first window showed; `None` until it arrives.
    pub kind: Option<Kind>,
    pub charset: Charset,
    pub hex: bool,
    pub wrap: bool,
    pub numbers: bool,
    pub top: Top,
    /// Columns scrolled to the right when long lines are cut.
    pub left: usize,
    pub task: Option<Task>,
    pub hit: Option<Hit>,
    /// The last search, for `n` and `N`.
    pub query: Option<String>,
    /// The last read that failed.
    pub error: Option<String>,
    /// What the last search or jump found (or did not).
    pub note: Option<String>,
}

impl Viewer {
    pub fn new(ticket: Ticket, name: String, source: Source, size: u64) -> Self {
        let kind = (size == 0).then_some(Kind::Text(encoding_rs::UTF_8));
        Self {
            ticket,
            name,
            source,
            windows: Windows::new(size, KEPT_WINDOWS),
            index: LineIndex::new(),
            pending: BTreeSet::new(),
            fetched: 0,
            kind,
            charset: Charset::Auto,
            hex: false,
            wrap: true,
            numbers: false,
            top: Top::default(),
            left: 0,
            task: None,
            hit: None,
            query: None,
            error: None,
            note: None,
        }
    }

    pub fn size(&self) -> u64 {
        self.windows.size()
    }

    /// The encoding text is decoded with.
    pub fn encoding(&self) -> &'static Encoding {
        match (self.charset, self.kind) {
            (Charset::Utf8, _) => encoding_rs::UTF_8,
            (Charset::Gbk, _) => encoding_rs::GBK,
            (Charset::Auto, Some(Kind::Text(e))) => e,
            (Charset::Auto, _) => encoding_rs::UTF_8,
        }
    }

    /// Whether the content is shown at all yet (the first window arrived).
    pub fn ready(&self) -> bool {
        self.kind.is_some()
    }

    /// Bytes a hex row shows at `width` columns (under 46: the preview panel's).
    pub fn hex_row_bytes(width: usize) -> u64 {
        match width {
            78.. => 16,
            46.. => 8,
            _ => 4,
        }
    }

    /// The room on a screen of `width` × `height` (a header and a status line around it).
    pub fn geometry(&self, width: u16, height: u16) -> Geometry {
        let rows = usize::from(height.saturating_sub(2)).max(1);
        let gutter = match self.numbers && !self.hex {
            true => digits(self.size()).max(3) + 1,
            false => 0,
        };
        Geometry {
            width: usize::from(width).saturating_sub(gutter).max(8),
            rows,
            gutter,
        }
    }
}

pub fn digits(n: u64) -> usize {
    n.max(1).ilog10() as usize + 1
}

//! Messages: everything that can happen to the model. Input from the terminal, results from
//! async tasks (always carrying the ticket of the request they answer), and timer ticks.

use super::modal::EntryDetails;
use super::model::{Account, Side};
use super::pane::Ticket;
use crate::config::Command;
use crate::fs::{CloudDir, Entry, FsError};
use crossterm::event::KeyEvent;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Bracketed paste (only used by text inputs).
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    /// A mouse event in terminal cells, stamped with when the runtime read it (only sent
    /// while `Settings::mouse` is on).
    Mouse {
        at: std::time::Instant,
        event: crossterm::event::MouseEvent,
    },
    /// 100 ms heartbeat, sent only while `Model::wants_tick`.
    Tick,
    /// A command from somewhere other than a key (tests, the command palette).
    Command(Command),
    Listing(ListingMsg),
    Cloud(CloudMsg),
    Op(super::ops::OpMsg),
    Transfer(TransferMsg),
    /// Directory names completing `text` (for the prompt, if it still shows `text`).
    Completed {
        text: String,
        names: Vec<String>,
    },
    /// Text back from `$EDITOR` for a bulk rename (`None`: the editor failed or was aborted).
    Edited {
        result: Result<String, String>,
    },
    /// The shell of `Effect::Shell` exited (`Err`: why it could not run).
    ShellExited {
        result: Result<(), String>,
    },
    /// What a change panfm made did to listings, learnt after it ended (an upload's new
    /// entries, fetched by `Effect::Adopt`).
    Patched(crate::fs::Patch),
    /// SIGTERM / SIGHUP: leave now.
    Terminate,
    Images(super::images::ImagesMsg),
    Delete(super::delete::DeleteMsg),
    /// Share links and direct links.
    Shares(super::shares::SharesMsg),
    Edit(super::edit::EditMsg),
    /// Switch to theme `name` (built-in or a user theme); answered by `ThemeLoaded`.
    SetTheme(String),
    /// The styles of theme `name`, or why it could not be loaded.
    ThemeLoaded {
        name: String,
        result: Result<crate::config::Styles, String>,
    },
    /// Compare directories and the sync question.
    Compare(super::compare::CompareMsg),
    /// Bytes for the viewer with `ticket` (see `Effect::Read`).
    Read {
        ticket: Ticket,
        span: crate::fs::read::Span,
        result: Result<crate::fs::read::Chunk, FsError>,
    },
    /// The preview panel's timer and results.
    Preview(super::preview::PreviewMsg),
}

#[derive(Debug, Clone)]
pub enum ListingMsg {
    Page {
        side: Side,
        ticket: Ticket,
        entries: Vec<Entry>,
    },
    Done {
        side: Side,
        ticket: Ticket,
    },
    Failed {
        side: Side,
        ticket: Ticket,
        error: FsError,
    },
    /// Sent before `Done` for listings gathered from many folders (search results, the
    /// trash): the paths of the folders their entries are in, `(folder id, path)`.
    Places {
        side: Side,
        ticket: Ticket,
        places: Vec<(i64, crate::fs::CloudDir)>,
    },
    /// Sent before `Done` when the listing could show only part of what was asked for (the
    /// trash, when the recycle bin cannot be listed): why.
    Partial {
        side: Side,
        ticket: Ticket,
        why: String,
    },
}

#[derive(Debug, Clone)]
pub enum CloudMsg {
    Account(Result<Account, FsError>),
    Details {
        id: i64,
        result: Result<EntryDetails, FsError>,
    },
    /// The cloud directory typed as a copy/move destination.
    Destination {
        text: String,
        result: Result<CloudDir, FsError>,
    },
    /// Where a folder named on the command line, or typed in the go-to prompt, led.
    Opened {
        side: Side,
        ticket: Ticket,
        path: crate::fs::TypedPath,
        /// Typed: the pane's folder goes on the back stack, and a path that leads nowhere
        /// leaves the pane where it was (a command-line one opens the root).
        typed: bool,
        result: Result<crate::fs::Opened, FsError>,
    },
    /// The full path of a directory reached from search results or the trash, and the entry
    /// to put the cursor on there.
    Resolved {
        side: Side,
        ticket: Ticket,
        want: Option<crate::fs::EntryKey>,
        result: Result<CloudDir, FsError>,
    },
}

#[derive(Debug, Clone)]
pub enum TransferMsg {
    /// An engine event, stamped with when the runtime received it (for speeds).
    Event {
        at: std::time::Instant,
        event: crate::transfer::TransferEvent,
    },
    /// The queue as the engine restored it at start-up.
    Restored(crate::transfer::Snapshot),
    /// Another panfm holds the saved queue: this session's engine keeps its queue in memory.
    Unkept,
    /// A submitted spec became batch `batch`; `then` runs when it finishes without failures.
    /// `root`: the cloud folder it goes to or comes from, for display.
    Submitted {
        batch: crate::transfer::BatchId,
        then: Option<super::ops::OpSpec>,
        root: Option<String>,
    },
    /// What walking an upload's sources found, for the question with `ticket`.
    Checked {
        ticket: super::pane::Ticket,
        check: crate::transfer::UploadCheck,
    },
}

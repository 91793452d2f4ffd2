//! Effects: what `update` asks the runtime to do. Data only; the runtime performs them as async
//! tasks that report back with messages.

use super::model::Side;
use super::pane::Ticket;
use crate::fs::Location;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// List `location` for `side`, answering with `ListingMsg`s tagged `ticket`. Supersedes any
    /// listing still running for that side. `fresh` bypasses the cloud directory cache.
    List {
        side: Side,
        ticket: Ticket,
        location: Location,
        fresh: bool,
    },
    /// List the cloud trash for `side` by walking every folder (slow: one call per 100 entries
    /// of every folder), answering like `List`.
    ScanTrash { side: Side, ticket: Ticket },
    /// Fetch the details of new drive entries `made` (`(folder, id)`, see
    /// `TransferEvent::Created`) and put them into the cached listings, answering
    /// `Msg::Patched`; forget the cached listings of folders `forget`.
    Adopt {
        made: Vec<(i64, Option<i64>)>,
        forget: Vec<i64>,
    },
    /// Fetch the cloud account (quota, VIP) for the header and the rate limiter.
    FetchAccount,
    /// Fetch cloud details of entry `id` (folders: accumulated size).
    FetchDetails { id: i64 },
    /// Find the path of cloud directory `id` (walking up its parents), answering
    /// `CloudMsg::Resolved` with `ticket` and `want` (the entry to put the cursor on there).
    ResolveCloudDir {
        side: Side,
        ticket: Ticket,
        id: i64,
        want: Option<crate::fs::EntryKey>,
    },
    /// Find the folder `path` (or the nearest one above it) for `side`,
    /// answering `CloudMsg::Opened` with `ticket`.
    OpenPath {
        side: Side,
        ticket: Ticket,
        path: crate::fs::TypedPath,
        /// Typed in the go-to prompt (not named on the command line): see `CloudMsg::Opened`.
        typed: bool,
    },
    /// Run a file operation, answering with `OpMsg`s tagged `id`.
    Op {
        id: super::ops::OpId,
        spec: super::ops::OpSpec,
    },
    /// Suspend the screen and let the user edit `names` (one per line) in `$EDITOR`, answering
    /// with `Msg::Edited`.
    EditNames { names: Vec<String> },
    /// Suspend the screen and run `$SHELL` (else `/bin/sh`) in `dir` until it exits,
    /// answering `Msg::ShellExited`.
    Shell { dir: std::path::PathBuf },
    /// Complete the folder path `path` (the prompt's `text`, made absolute), answering
    /// `Msg::Completed` with `text`.
    Complete {
        text: String,
        path: crate::fs::TypedPath,
    },
    /// Find the cloud directory at path `text`, answering `CloudMsg::Destination`.
    ResolveDestination { text: String },
    /// Tell the transfer engine something.
    Transfer(TransferCmd),
    /// Walk the local sources of an upload for what it would refuse (no request), answering
    /// `TransferMsg::Checked` with `ticket`. A newer check stops an older one.
    CheckUpload {
        ticket: super::pane::Ticket,
        spec: crate::transfer::TransferSpec,
    },
    /// Fetch details (with the public URLs) of image-space item `id`, answering
    /// `ImagesMsg::Details`.
    FetchImageDetails { id: String },
    /// Fetch the public links of the images directly in image folders `folders` (`(id,
    /// name)`, each folder's images in name order), then of images `items` (`(id, name)`),
    /// answering `ImagesMsg::Links` in that order.
    FetchImageLinks {
        folders: Vec<(String, String)>,
        items: Vec<(String, String)>,
        markdown: bool,
    },
    /// Save the undo journal (`undo.json` in the state directory), replacing what it held.
    SaveUndo(super::history::UndoHistory),
    /// Count what local entries `paths` hold and check whether the system trash can take
    /// them, answering `DeleteMsg`s with `ticket`. A newer count stops an older one.
    CountLocal {
        ticket: Ticket,
        paths: Vec<std::path::PathBuf>,
    },
    /// Stop the running count (its question closed).
    StopCount,
    /// Put `text` on the terminal's clipboard (OSC 52). The run loop writes it: it needs the
    /// terminal.
    Clipboard { text: String },
    /// Share links and direct links (`runtime/shares.rs`).
    Share(super::shares::ShareEffect),
    /// A step of F4 (see `app::edit`); opening the editor is the run loop's (it needs the
    /// terminal).
    Edit(super::edit::EditEffect),
    /// Load theme `name` from the config directory, answering `Msg::ThemeLoaded`.
    LoadTheme { name: String },
    /// Hashing and walking for compare and sync (`runtime/compare.rs`).
    Compare(super::compare::CompareEffect),
    /// Read `span` of `source` for the viewer with `ticket`, answering `Msg::Read`.
    Read {
        ticket: Ticket,
        source: crate::fs::read::Source,
        span: crate::fs::read::Span,
    },
    /// The preview panel's wait and reads (`runtime/preview.rs`).
    Preview(super::preview::PreviewEffect),
    /// Save bookmarks (`bookmarks.toml` in the config directory) or the recent picks and
    /// folders (`recent.json` in the state directory), replacing what the file held.
    Keep(Kept),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    Bookmarks(super::bookmarks::Bookmarks),
    Recent(super::recent::Recent),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferCmd {
    /// Start a batch; answered with `TransferMsg::Submitted` carrying `then` and `root`.
    Submit {
        spec: crate::transfer::TransferSpec,
        then: Option<super::ops::OpSpec>,
        root: Option<String>,
    },
    Pause(crate::transfer::JobId),
    Resume(crate::transfer::JobId),
    Cancel(crate::transfer::JobId),
    Retry(crate::transfer::JobId),
    MoveUp(crate::transfer::JobId),
    MoveDown(crate::transfer::JobId),
    Resolve {
        job: crate::transfer::JobId,
        answer: crate::transfer::Resolution,
        whole_batch: bool,
    },
    ClearFinished,
}

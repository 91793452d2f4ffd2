//! Overlays that take the keyboard: help, one-line prompts, entry details. At most one is open
//! (`Model::modal`); the input layer is derived from which.

use super::model::Side;
use crate::fs::Location;
use tui_input::Input;

#[derive(Debug, Clone)]
pub enum Modal {
    Help {
        scroll: usize,
    },
    Input(InputState),
    Details(DetailsState),
    Confirm(ConfirmState),
    Rename(Box<super::rename::RenameState>),
    /// The failures of a finished batch.
    Report {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
    /// Before an upload, a download or a local copy starts: what goes where, and the conflict
    /// policy.
    TransferAsk(TransferAsk),
    /// Before deleting local entries: to the system trash, or for good.
    DeleteAsk(super::delete::DeleteAsk),
    /// Quitting with unfinished transfers.
    QuitAsk {
        unfinished: usize,
    },
    /// The transfer queue panel: the selected row, whether its details show, and whether
    /// the user moved the cursor (until then it follows each new batch).
    Queue {
        cursor: usize,
        details: bool,
        pinned: bool,
    },
    /// Links just put on the clipboard, shown whole so they can be selected by hand where
    /// the terminal ignores OSC 52; `failed` are `name: reason` lines.
    Links {
        title: String,
        lines: Vec<String>,
        failed: Vec<String>,
        scroll: usize,
    },
    /// The share dialog: a new share, or the switches of shares from the panel.
    Share(Box<super::share_form::ShareForm>),
    /// The account's shares.
    Shares(Box<super::shares::SharesView>),
    /// Before turning direct-link space of folder `dir` (shown as `path`) on or off.
    DirectLinkAsk {
        dir: i64,
        path: String,
        on: bool,
    },
    /// What direct links served lately, one line per entry.
    DirectLinkLog {
        lines: Vec<String>,
        scroll: usize,
    },
    /// URLs for the drive to fetch into a cloud folder (offline download).
    Offline(super::offline::OfflineAsk),
    /// F4: download a big file? Upload over a cloud file that changed meanwhile?
    EditAsk(super::edit::EditAsk),
    /// The command palette.
    Palette(Box<super::palette::PaletteState>),
    /// The bookmarks and recent folders: `add` waits for the key to bookmark the pane's
    /// folder under; otherwise a key (or Enter on a row) goes there.
    Bookmarks {
        add: bool,
        cursor: usize,
    },
    /// The plan of a sync, before anything moves.
    SyncAsk(Box<super::compare::SyncAsk>),
}

/// A question before an operation runs. `danger` ones (no undo) accept only `y`, not Enter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmState {
    pub title: String,
    pub lines: Vec<String>,
    pub spec: super::ops::OpSpec,
    pub danger: bool,
    /// The journal record this undoes or redoes.
    pub step: Option<super::history::HistoryStep>,
}

/// What a prompt's text is for; decides what `Accept` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputPurpose {
    /// Search the whole cloud drive; a leading `=` asks for an exact full-name match.
    Search,
    Mkdir,
    /// Rename the cursor entry (its key and current name are in the prompt state).
    Rename,
    /// Where a copy or move goes (the operation waits in the prompt state).
    Destination,
    /// Mark (or unmark) the visible entries whose names match.
    MarkPattern,
    UnmarkPattern,
    /// A folder to open in the pane: local, `cloud:/…` or `images:/…`.
    GoTo,
    /// Text to find in the viewer.
    ViewerSearch,
    /// A line (or `N%`) to show in the viewer.
    ViewerGoto,
}

impl InputPurpose {
    pub fn title(self) -> &'static str {
        match self {
            InputPurpose::Search => "Search the cloud drive (prefix = for an exact name)",
            InputPurpose::Mkdir => "New directory (a/b makes both)",
            InputPurpose::Rename => "Rename",
            InputPurpose::Destination => "Destination directory",
            InputPurpose::MarkPattern => "Mark names matching (*.jpg, or text they contain)",
            InputPurpose::UnmarkPattern => "Unmark names matching (*.jpg, or text they contain)",
            InputPurpose::GoTo => "Go to a folder: a local path, cloud:/…, images:/…",
            InputPurpose::ViewerSearch => "Find (smart case; n next, N previous)",
            InputPurpose::ViewerGoto => "Go to line (or N% of the file)",
        }
    }

    /// Whether the text is a folder path that Tab completes.
    pub fn is_path(self) -> bool {
        matches!(self, InputPurpose::Destination | InputPurpose::GoTo)
    }
}

#[derive(Debug, Clone)]
pub struct InputState {
    pub purpose: InputPurpose,
    pub side: Side,
    pub input: Input,
    /// Why the last accept was refused, shown under the prompt.
    pub error: Option<String>,
    /// The entry a rename prompt is about.
    pub target: Option<super::ops::OpItem>,
    /// The copy or move a destination prompt is for.
    pub pending: Option<Box<super::ops::OpSpec>>,
    /// A hint under the text (completion candidates, "looking up…").
    pub note: Option<String>,
    /// While a prefilled path is untouched: what a `/` typed first starts over with (`/`,
    /// `cloud:/`). Other keys edit the prefilled text.
    pub fresh: Option<String>,
}

impl PartialEq for InputState {
    fn eq(&self, other: &Self) -> bool {
        (
            self.purpose,
            self.side,
            self.input.value(),
            self.input.cursor(),
            &self.error,
        ) == (
            other.purpose,
            other.side,
            other.input.value(),
            other.input.cursor(),
            &other.error,
        )
    }
}

impl Eq for InputState {}

impl InputState {
    pub fn new(purpose: InputPurpose, side: Side, text: &str) -> Self {
        Self {
            purpose,
            side,
            input: Input::new(text.to_owned()),
            error: None,
            target: None,
            pending: None,
            note: None,
            fresh: None,
        }
    }

    /// The line under the text when there is no error or note.
    pub fn hint(&self) -> &'static str {
        match (self.purpose.is_path(), self.fresh.is_some()) {
            (true, true) => "Tab completes, / starts a new path, C-u clears, Esc cancels",
            (true, false) => "Tab completes, C-u clears, Enter accepts, Esc cancels",
            _ => "Enter to accept, Esc to cancel",
        }
    }
}

/// Facts about one entry, as far as they are known; cloud details arrive asynchronously.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryDetails {
    pub name: String,
    pub is_dir: bool,
    pub size: Option<u64>,
    pub md5: Option<String>,
    pub created: Option<i64>,
    pub modified: Option<i64>,
    pub id: Option<i64>,
    pub parent_id: Option<i64>,
    /// Rejected by review, blocked, or similar.
    pub note: Option<String>,
    /// The string id of an image-space item.
    pub image_id: Option<String>,
    /// More `(label, value)` rows (image format, links); long values wrap.
    pub extra: Vec<(String, String)>,
}

impl EntryDetails {
    /// What the listing already says about `entry`; the rest arrives later or stays unknown.
    pub fn listed(entry: &crate::fs::Entry) -> Self {
        Self {
            name: entry.name.clone(),
            is_dir: entry.is_dir(),
            size: (!entry.is_dir()).then_some(entry.size),
            md5: entry.etag.clone(),
            modified: entry.mtime,
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsState {
    pub location: Location,
    pub details: EntryDetails,
    /// A cloud detail request is still out.
    pub loading: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferAsk {
    pub title: String,
    pub lines: Vec<String>,
    pub spec: crate::transfer::TransferSpec,
    /// For moves across sides: what to delete once every file arrived verified.
    pub then: Option<super::ops::OpSpec>,
    /// The folder the batch goes to or comes from as titles show it (`cloud:/备份`,
    /// `images:/blog`), for the queue's details; `None` when there is no one folder (a
    /// download of search results).
    pub root: Option<String>,
    /// What walking an upload's sources found; the walk runs while the question is open.
    pub check: AskCheck,
    /// First row of the refused files shown.
    pub scroll: usize,
    /// A local copy as the operation it came from, for `e` (another destination).
    pub retarget: Option<super::ops::OpSpec>,
}

impl TransferAsk {
    pub fn new(
        title: String,
        lines: Vec<String>,
        spec: crate::transfer::TransferSpec,
        then: Option<super::ops::OpSpec>,
        root: Option<String>,
    ) -> Self {
        Self {
            title,
            lines,
            spec,
            then,
            root,
            check: AskCheck::None,
            scroll: 0,
            retarget: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AskCheck {
    /// Nothing to check (a download, a local copy).
    None,
    /// Waiting for the walk answering `ticket`.
    Running {
        ticket: super::pane::Ticket,
    },
    Done(crate::transfer::UploadCheck),
}

//! The whole application state. Everything the view draws is derived from here; async work
//! reports back through messages and never holds a reference into the model.

use super::modal::Modal;
use super::pane::{Pane, Ticket};
use crate::config::{Key, Keymap, Layer, Styles};
use crate::fs::Location;

/// Rows the screen spends outside the pane lists: pane borders (2), the column header (1), the
/// status line (1) and the hint bar (1). The view's layout must agree (tested in `ui`).
pub const CHROME_ROWS: u16 = 5;
/// Below this the view shows a "terminal too small" message instead of panes.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// Ticks (100 ms each) before a half-typed chord is dropped.
pub const CHORD_TIMEOUT_TICKS: u8 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewport {
    pub width: u16,
    pub height: u16,
}

impl Viewport {
    /// Entry rows visible in each pane.
    pub fn list_rows(&self) -> usize {
        usize::from(self.height.saturating_sub(CHROME_ROWS)).max(1)
    }

    /// Lines of text the help overlay shows at once: it leaves 2 rows above and below itself
    /// and has a border (the view must agree; tested in `ui`).
    pub fn help_rows(&self) -> usize {
        usize::from(self.height.saturating_sub(6)).max(1)
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub level: Level,
    pub text: String,
}

/// A running file operation, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpProgress {
    pub id: super::ops::OpId,
    /// What it is doing ("Moving 3 items to the trash"), while it runs.
    pub label: String,
    /// What it did ("Moved 3 items to the trash"), once it ends without failures.
    pub done_text: String,
    pub done: usize,
    pub total: usize,
    /// Set when the operation undoes or redoes a journal record.
    pub step: Option<super::history::HistoryStep>,
}

/// The cloud account as shown in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub nickname: String,
    pub used: u64,
    pub total: u64,
    pub vip: bool,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub panes: [Pane; 2],
    pub focus: Side,
    pub modal: Option<Modal>,
    pub status: Option<StatusMessage>,
    pub viewport: Viewport,
    pub pending_keys: Vec<Key>,
    pub pending_ticks: u8,
    /// Animation frame for the loading spinner; advanced by ticks while something loads.
    pub spinner: usize,
    pub keymap: Keymap,
    pub styles: Styles,
    /// The settings of `config.toml` that update and view follow.
    pub settings: Settings,
    /// Where `home` goes for local panes.
    pub home: Option<std::path::PathBuf>,
    /// The local directory panfm started in: where a pane that never showed the local disk
    /// goes when switched to it.
    pub start_dir: Option<std::path::PathBuf>,
    /// A cloud account is configured (credentials, token or demo); cloud panes can be opened.
    pub cloud_enabled: bool,
    pub account: Option<Account>,
    /// File operations still running, oldest first.
    pub ops: Vec<OpProgress>,
    pub next_op: super::ops::OpId,
    /// How to reverse the last batch renames and moves, and to redo what was undone.
    pub undo: super::history::UndoHistory,
    pub transfers: super::transfers::Transfers,
    /// F4 on cloud files, under way.
    pub edits: super::edit::Edits,
    /// Seconds east of UTC for showing times; fixed at start so the view stays pure.
    pub utc_offset: i32,
    pub next_ticket: Ticket,
    pub quit: bool,
    /// Seeds generated extraction codes; the runtime sets a random one at start, so `update`
    /// stays pure.
    pub entropy: u64,
    /// The file viewer, over the panes while open.
    pub viewer: Option<Box<super::viewer::Viewer>>,
    /// The preview panel (`z`), in place of the inactive pane.
    pub preview: super::preview::Panel,
    /// The last click (the switch is `settings.mouse`).
    pub mouse: super::mouse::Mouse,
    /// Folders under one-key names (`bookmarks.toml`).
    pub bookmarks: super::bookmarks::Bookmarks,
    /// Recent palette picks and folders (`recent.json`).
    pub recent: super::recent::Recent,
    /// Compare directories and the sync question, under way.
    pub compare: super::compare::CompareState,
}

/// What `config.toml` says about the session (the rest goes to the engine at start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The conflict policy new transfers and copies start with.
    pub conflict: crate::transfer::ConflictPolicy,
    /// How sizes and dates are printed.
    pub formats: crate::config::Formats,
    /// The theme `styles` came from.
    pub theme: String,
    /// Mouse support: the runtime captures the mouse and `update` takes its events.
    pub mouse: bool,
    /// The themes there are (built-in, then the user's), for the palette's switcher.
    pub themes: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            conflict: crate::transfer::ConflictPolicy::Ask,
            formats: crate::config::Formats::default(),
            theme: "default".to_owned(),
            themes: crate::config::BUILTIN_THEMES.map(str::to_owned).to_vec(),
            mouse: false,
        }
    }
}

impl Model {
    pub fn new(left: Location, right: Location, keymap: Keymap, styles: Styles) -> Self {
        Self {
            panes: [Pane::new(left), Pane::new(right)],
            focus: Side::Left,
            modal: None,
            status: None,
            viewport: Viewport {
                width: 80,
                height: 24,
            },
            pending_keys: Vec::new(),
            pending_ticks: 0,
            spinner: 0,
            keymap,
            styles,
            settings: Settings::default(),
            home: None,
            start_dir: None,
            cloud_enabled: false,
            account: None,
            ops: Vec::new(),
            next_op: 1,
            undo: Default::default(),
            transfers: Default::default(),
            edits: Default::default(),
            utc_offset: 0,
            next_ticket: 1,
            quit: false,
            entropy: 0,
            viewer: None,
            preview: Default::default(),
            mouse: Default::default(),
            bookmarks: Default::default(),
            recent: Default::default(),
            compare: Default::default(),
        }
    }

    pub fn pane(&self, side: Side) -> &Pane {
        &self.panes[side.index()]
    }

    pub fn pane_mut(&mut self, side: Side) -> &mut Pane {
        &mut self.panes[side.index()]
    }

    pub fn focused(&self) -> &Pane {
        self.pane(self.focus)
    }

    pub fn focused_mut(&mut self) -> &mut Pane {
        self.pane_mut(self.focus)
    }

    pub fn take_ticket(&mut self) -> Ticket {
        let t = self.next_ticket;
        self.next_ticket += 1;
        t
    }

    /// The input layer, derived from what is on screen.
    pub fn layer(&self) -> Layer {
        match &self.modal {
            Some(Modal::Help { .. }) => Layer::Help,
            Some(Modal::Input(_)) => Layer::Input,
            Some(
                Modal::Details(_)
                | Modal::Report { .. }
                | Modal::Links { .. }
                | Modal::DirectLinkLog { .. },
            ) => Layer::Info,
            Some(
                Modal::Confirm(_)
                | Modal::TransferAsk(_)
                | Modal::DeleteAsk(_)
                | Modal::QuitAsk { .. }
                | Modal::DirectLinkAsk { .. }
                | Modal::EditAsk(_)
                | Modal::SyncAsk(_),
            ) => Layer::Confirm,
            Some(Modal::Share(_)) => Layer::Share,
            Some(Modal::Shares(_)) => Layer::Shares,
            Some(Modal::Queue { .. }) => Layer::Queue,
            Some(Modal::Rename(_)) => Layer::Rename,
            Some(Modal::Offline(_)) => Layer::Offline,
            Some(Modal::Palette(_)) => Layer::Palette,
            Some(Modal::Bookmarks { .. }) => Layer::Bookmarks,
            None if self.viewer.is_some() => Layer::Viewer,
            None if self.focused().filter.as_ref().is_some_and(|f| f.editing) => Layer::Filter,
            None => Layer::Browse,
        }
    }

    /// Whether the runtime should send `Tick`s: only while something animates or waits.
    pub fn wants_tick(&self) -> bool {
        !self.pending_keys.is_empty()
            || self.panes.iter().any(Pane::is_loading)
            || (self.transfers.unfinished() > 0 && self.transfers.totals().speed > 0.0)
            // The open queue's sparkline ages to flat after the last transfer ends.
            || (matches!(self.modal, Some(Modal::Queue { .. }))
                && self.transfers.throughput.recent())
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            level: Level::Info,
            text: text.into(),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            level: Level::Error,
            text: text.into(),
        });
    }
}

//! Share links and direct links as the core sees them: the shares panel ([`SharesView`]),
//! what the runtime is asked to do ([`ShareEffect`]) and what it answers ([`SharesMsg`]), and
//! the texts they show (the dialog's form is in `share_form`). Pure data and text; the update
//! logic is in `update/share_form.rs`, `update/shares.rs` and `update/dlink.rs`.

use std::collections::BTreeSet;

use super::images::ImageLink;
use super::pane::Ticket;
use crate::api::{CreatedShare, DirectLinkLogEntry, ShareInfo, ShareRequest, ShareSettings};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareEffect {
    /// Create a share, answering `SharesMsg::Created`.
    Create { request: ShareRequest },
    /// Read both share lists (free, then paid) to their ends, answering `SharesMsg::Listed`.
    List { ticket: Ticket },
    /// Change the switches and limit of free shares `free` and paid shares `paid`, answering
    /// `SharesMsg::Edited`.
    Edit {
        free: Vec<i64>,
        paid: Vec<i64>,
        settings: ShareSettings,
    },
    /// Fetch the direct links of files `items` (`(id, name)`), answering
    /// `SharesMsg::DirectLinks` in that order; `fix` says what to do for a file the server
    /// gives no link (its folder has no direct-link space).
    DirectLinks {
        items: Vec<(i64, String)>,
        fix: String,
        markdown: bool,
    },
    /// Turn direct-link space of folder `dir` (shown as `path`) on or off, answering
    /// `SharesMsg::Switched`.
    DirectLinkSpace { dir: i64, path: String, on: bool },
    /// Fetch the direct-link log of the last three days, answering `SharesMsg::Log`.
    DirectLinkLog,
}

#[derive(Debug, Clone)]
pub enum SharesMsg {
    /// The answer to a create of `items` entries with extraction code `code`.
    Created {
        result: Result<CreatedShare, String>,
        items: usize,
        code: Option<String>,
    },
    Listed {
        ticket: Ticket,
        result: Result<Vec<ShareInfo>, String>,
    },
    Edited {
        count: usize,
        result: Result<(), String>,
    },
    DirectLinks {
        markdown: bool,
        links: Vec<ImageLink>,
    },
    Switched {
        path: String,
        on: bool,
        result: Result<(), String>,
    },
    Log(Result<Vec<DirectLinkLogEntry>, String>),
}

/// The shares panel: every share of the account, the cursor, the marks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharesView {
    pub rows: Vec<ShareInfo>,
    pub cursor: usize,
    pub marked: BTreeSet<i64>,
    /// The list request still out.
    pub loading: Option<Ticket>,
    pub error: Option<String>,
}

impl SharesView {
    /// The marked shares, or the cursor's when none is marked.
    pub fn chosen(&self) -> Vec<&ShareInfo> {
        match self.marked.is_empty() {
            true => self.rows.get(self.cursor).into_iter().collect(),
            false => self
                .rows
                .iter()
                .filter(|s| self.marked.contains(&s.id))
                .collect(),
        }
    }
}

/// The question before turning direct-link space of `path` on or off: title and lines.
pub fn direct_link_question(path: &str, on: bool) -> (String, Vec<String>) {
    let lines: &[&str] = match on {
        true => &[
            "Every file in it gets a public link that needs no login:",
            "anyone with a link can download, on your direct-link traffic.",
        ],
        false => &["The direct links of its files stop working."],
    };
    let verb = if on { "on" } else { "off" };
    (
        format!("Turn {verb} direct-link space for {path}?"),
        lines.iter().map(|l| (*l).to_owned()).collect(),
    )
}

/// The clipboard line of a share: its link, and its code when it has one.
pub fn share_line(link: &str, code: &str) -> String {
    match code.is_empty() {
        true => link.to_owned(),
        false => format!("{link} code: {code}"),
    }
}

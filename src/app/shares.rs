//! Share links and direct links as the core sees them: the share dialog's form
//! ([`ShareForm`]), the shares panel ([`SharesView`]), the direct-link log panel, what the
//! runtime is asked to do ([`ShareEffect`]) and what it answers ([`SharesMsg`]). Pure data and
//! text; the update logic is in `update/share_form.rs`, `update/shares.rs` and
//! `update/dlink.rs`.

use std::collections::BTreeSet;

use tui_input::Input;

use super::images::ImageLink;
use super::pane::Ticket;
use crate::api::{
    CreatedShare, DirectLinkLogEntry, GuestAccess, SHARE_NAME_LIMIT, ShareExpiry, ShareInfo,
    ShareRequest, ShareSettings,
};

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

/// The rows of the share dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareField {
    Name,
    Expiry,
    Code,
    Guests,
    OverQuota,
    Limit,
}

impl ShareField {
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Expiry => "Expires",
            Self::Code => "Code",
            Self::Guests => "Guests",
            Self::OverQuota => "Over quota",
            Self::Limit => "Traffic limit",
        }
    }

    pub fn is_text(self) -> bool {
        matches!(self, Self::Name | Self::Code | Self::Limit)
    }
}

const CREATE_FIELDS: [ShareField; 6] = [
    ShareField::Name,
    ShareField::Expiry,
    ShareField::Code,
    ShareField::Guests,
    ShareField::OverQuota,
    ShareField::Limit,
];
const EDIT_FIELDS: [ShareField; 3] = [ShareField::Guests, ShareField::OverQuota, ShareField::Limit];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareFormMode {
    /// A new share of drive items `(id, name)`, from the folder shown as `from`.
    Create {
        items: Vec<(i64, String)>,
        from: String,
    },
    /// The switches of shares `(id, paid)`; the panel comes back when done.
    Edit {
        shares: Vec<(i64, bool)>,
        back: Box<SharesView>,
    },
}

#[derive(Debug, Clone)]
pub struct ShareForm {
    pub mode: ShareFormMode,
    pub name: Input,
    pub expiry: ShareExpiry,
    pub code: Input,
    pub access: GuestAccess,
    /// `off` or a size like `10G`.
    pub limit: Input,
    /// Index into [`ShareForm::fields`].
    pub focus: usize,
    pub error: Option<String>,
    /// The request is out; Enter does nothing until it answers.
    pub busy: bool,
}

impl ShareForm {
    /// A new share of `items`: named after the first (cut to fit), 7 days, code `code`.
    pub fn create(items: Vec<(i64, String)>, from: String, code: String) -> Self {
        let name: String = items
            .first()
            .map_or("share", |(_, n)| n.as_str())
            .chars()
            .take(SHARE_NAME_LIMIT - 1)
            .collect();
        Self {
            mode: ShareFormMode::Create { items, from },
            name: Input::new(name),
            expiry: ShareExpiry::default(),
            code: Input::new(code),
            access: GuestAccess::default(),
            limit: Input::new("off".to_owned()),
            focus: 0,
            error: None,
            busy: false,
        }
    }

    /// The switches of `shares`, starting from `current`'s.
    pub fn edit(shares: Vec<(i64, bool)>, current: &ShareInfo, back: SharesView) -> Self {
        let limit = current
            .traffic_limit
            .map_or_else(|| "off".to_owned(), limit_text);
        Self {
            mode: ShareFormMode::Edit {
                shares,
                back: Box::new(back),
            },
            name: Input::default(),
            expiry: ShareExpiry::default(),
            code: Input::default(),
            access: current.access,
            limit: Input::new(limit),
            focus: 0,
            error: None,
            busy: false,
        }
    }

    pub fn fields(&self) -> &'static [ShareField] {
        match self.mode {
            ShareFormMode::Create { .. } => &CREATE_FIELDS,
            ShareFormMode::Edit { .. } => &EDIT_FIELDS,
        }
    }

    pub fn focused(&self) -> ShareField {
        self.fields()
            .get(self.focus)
            .copied()
            .unwrap_or(ShareField::Guests)
    }

    pub fn input_mut(&mut self, field: ShareField) -> Option<&mut Input> {
        match field {
            ShareField::Name => Some(&mut self.name),
            ShareField::Code => Some(&mut self.code),
            ShareField::Limit => Some(&mut self.limit),
            _ => None,
        }
    }

    pub fn input(&self, field: ShareField) -> Option<&Input> {
        match field {
            ShareField::Name => Some(&self.name),
            ShareField::Code => Some(&self.code),
            ShareField::Limit => Some(&self.limit),
            _ => None,
        }
    }

    /// The value shown for a choice field.
    pub fn choice(&self, field: ShareField) -> String {
        let on = |b: bool| if b { "on" } else { "off" };
        match field {
            ShareField::Expiry => self.expiry.label().to_owned(),
            ShareField::Guests => format!(
                "{}  (visitors without login may download)",
                on(self.access.guests)
            ),
            ShareField::OverQuota => format!(
                "{}  (users over their own quota may download)",
                on(self.access.over_quota)
            ),
            _ => String::new(),
        }
    }
}

/// A byte count the way the limit field takes it back: the largest exact unit.
pub fn limit_text(bytes: u64) -> String {
    for (shift, unit) in [(40, "T"), (30, "G"), (20, "M"), (10, "K")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{}{unit}", bytes >> shift);
        }
    }
    bytes.to_string()
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

/// A new extraction code from `seed` (advanced): four letters and digits, without the ones
/// easily mistaken for each other (0/o, 1/l/i).
pub fn next_code(seed: &mut u64) -> String {
    const CHARS: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    // splitmix64: every call gives a well-mixed value from the advancing seed.
    *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (0..4)
        .map(|i| CHARS[((z >> (i * 12)) % CHARS.len() as u64) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_vary_with_the_seed_and_avoid_lookalikes() {
        let mut seed = 0;
        let a = next_code(&mut seed);
        let b = next_code(&mut seed);
        assert_ne!(a, b);
        for code in [&a, &b] {
            assert_eq!(code.len(), 4);
            assert!(!code.contains(['0', 'o', '1', 'l', 'i']), "{code}");
        }
    }

    #[test]
    fn limits_shown_in_their_largest_exact_unit() {
        assert_eq!(limit_text(10 << 30), "10G");
        assert_eq!(limit_text(1536 << 20), "1536M");
        assert_eq!(limit_text(1000), "1000");
        assert_eq!(
            crate::api::parse_traffic_limit(&limit_text(3 << 40)),
            Ok(Some(3 << 40))
        );
    }

    #[test]
    fn the_default_name_is_the_first_item_cut_to_fit() {
        let long = "长".repeat(40);
        let form = ShareForm::create(vec![(1, long)], "cloud:/".into(), "abcd".into());
        assert_eq!(form.name.value().chars().count(), 34);
        assert!(crate::api::check_share_name(form.name.value()).is_ok());
    }
}

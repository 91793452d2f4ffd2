//! The share dialog's form: which rows it has (a new share: name, expiry, code, the two
//! guest switches, the traffic limit; the settings of existing shares: the last three), their
//! values, and the extraction codes it offers. Pure data; `update/share_form.rs` drives it.

use tui_input::Input;

use super::shares::SharesView;
use crate::api::{GuestAccess, SHARE_NAME_LIMIT, ShareExpiry, ShareInfo};

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

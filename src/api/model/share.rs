//! Share links (分享) and direct links (直链) as panfm sees them: what a new share asks for,
//! what the share lists report, the guest-download switches, and the name rules the server
//! applies ("须小于 35 个字符且不能包含特殊字符 \"\\/:*?|><" [S003] `share_create`), checked
//! here so that a bad name is refused before any request.

use chrono::{DateTime, Utc};

use super::file::FileId;

/// The most items one share may hold ("最多 100 个" [S003]).
pub const SHARE_MAX_ITEMS: usize = 100;
/// A share name must be shorter than this many characters.
pub const SHARE_NAME_LIMIT: usize = 35;
/// Characters a share name may not contain.
pub const SHARE_NAME_FORBIDDEN: &str = "\"\\/:*?|><";
/// Where a share key becomes a link (API.md trap 27).
pub const SHARE_LINK_BASE: &str = "https://www.123pan.com/s/";

/// The link people open for share `key`.
pub fn share_link(key: &str) -> String {
    format!("{SHARE_LINK_BASE}{key}")
}

/// Why `name` cannot name a share, if it cannot.
pub fn check_share_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("the share name is empty".to_owned());
    }
    let chars = name.chars().count();
    if chars >= SHARE_NAME_LIMIT {
        return Err(format!(
            "the share name has {chars} characters; it must have fewer than {SHARE_NAME_LIMIT}"
        ));
    }
    if let Some(c) = name.chars().find(|c| SHARE_NAME_FORBIDDEN.contains(*c)) {
        return Err(format!(
            "the share name may not contain {c:?} (none of {SHARE_NAME_FORBIDDEN})"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("the share name may not contain control characters".to_owned());
    }
    Ok(())
}

/// Why `code` cannot be an extraction code, if it cannot. The documents only say the code
/// is case-insensitive; panfm keeps to letters and digits (what the web app generates), at
/// most 16 of them, so that a code survives being read out or retyped.
pub fn check_share_code(code: &str) -> Result<(), String> {
    if code.is_empty() || code.len() > 16 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "the extraction code {code:?} must be 1 to 16 letters or digits"
        ));
    }
    Ok(())
}

/// A traffic limit as typed: `off` (or nothing) for none, else bytes with an optional
/// K/M/G/T suffix (powers of 1024, `KiB`/`KB`/`K` alike), e.g. `10G`, `500 MiB`, `1048576`.
pub fn parse_traffic_limit(text: &str) -> Result<Option<u64>, String> {
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("off") || t.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bad = || format!("{t:?} is not a traffic limit: give bytes like 10G or 500M, or off");
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number.parse().map_err(|_| bad())?;
    let unit = unit.trim().to_ascii_uppercase();
    let shift = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(bad()),
    };
    match number.checked_mul(1 << shift) {
        Some(0) => Err("a traffic limit of 0 allows nothing: give more, or off".to_owned()),
        Some(bytes) => Ok(Some(bytes)),
        None => Err(bad()),
    }
}

/// How long a share stays valid (`shareExpire`: 1, 7 or 30 days, or 0 for ever).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShareExpiry {
    Day,
    #[default]
    Week,
    Month,
    Permanent,
}

impl ShareExpiry {
    pub const ALL: [ShareExpiry; 4] = [Self::Day, Self::Week, Self::Month, Self::Permanent];

    /// The documented value: days, 0 for ever.
    pub fn days(self) -> u8 {
        match self {
            Self::Day => 1,
            Self::Week => 7,
            Self::Month => 30,
            Self::Permanent => 0,
        }
    }

    pub fn from_days(days: u32) -> Option<Self> {
        Self::ALL.into_iter().find(|e| u32::from(e.days()) == days)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "1 day",
            Self::Week => "7 days",
            Self::Month => "30 days",
            Self::Permanent => "permanent",
        }
    }
}

/// The guest-download switches (`trafficSwitch` 1–4): may visitors who are not logged in
/// fetch the files (游客免登录提取), and may users over their own traffic quota (超流量用户提取),
/// both on the sharer's traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GuestAccess {
    pub guests: bool,
    pub over_quota: bool,
}

impl GuestAccess {
    /// `trafficSwitch`: 1 both off, 2 guests on, 3 over-quota users on, 4 both on.
    pub fn switch(self) -> u8 {
        match (self.guests, self.over_quota) {
            (false, false) => 1,
            (true, false) => 2,
            (false, true) => 3,
            (true, true) => 4,
        }
    }

    pub fn from_switch(switch: i64) -> Self {
        Self {
            guests: matches!(switch, 2 | 4),
            over_quota: matches!(switch, 3 | 4),
        }
    }
}

/// What the switches and the traffic limit of a share are set to; `None` fields are left as
/// they are (on creation: the server's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShareSettings {
    pub access: Option<GuestAccess>,
    /// `Some(None)`: no limit (`trafficLimitSwitch` 1); `Some(Some(bytes))`: a limit (2).
    pub traffic_limit: Option<Option<u64>>,
}

impl ShareSettings {
    pub fn is_empty(&self) -> bool {
        self.access.is_none() && self.traffic_limit.is_none()
    }
}

/// A new free share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareRequest {
    pub name: String,
    pub expiry: ShareExpiry,
    /// Files and folders, at most [`SHARE_MAX_ITEMS`].
    pub file_ids: Vec<FileId>,
    /// The extraction code (提取码); `None` shares without one.
    pub code: Option<String>,
    pub settings: ShareSettings,
}

/// A new paid share (付费分享): no expiry and no code; the price is in whole yuan, 1–99.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidShareRequest {
    pub name: String,
    pub file_ids: Vec<FileId>,
    pub price: u32,
    pub tips: bool,
    pub description: String,
    pub settings: ShareSettings,
}

/// What creating a share answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedShare {
    pub id: i64,
    pub key: String,
}

impl CreatedShare {
    pub fn link(&self) -> String {
        share_link(&self.key)
    }
}

/// One share as the share lists report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareInfo {
    pub id: i64,
    pub key: String,
    pub name: String,
    /// When it stops working; `None` for a permanent share (or no readable time).
    pub expires_at: Option<DateTime<Utc>>,
    pub expired: bool,
    /// Empty without one.
    pub code: String,
    pub access: GuestAccess,
    pub traffic_limit: Option<u64>,
    /// Traffic the share has used (`bytesCharge`).
    pub traffic_used: u64,
    pub previews: u64,
    pub downloads: u64,
    pub saves: u64,
    /// The price in yuan for a paid share; `None` for a free one.
    pub price: Option<u64>,
}

impl ShareInfo {
    pub fn link(&self) -> String {
        share_link(&self.key)
    }

    pub fn is_paid(&self) -> bool {
        self.price.is_some()
    }
}

/// One page of a share list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharePage {
    pub shares: Vec<ShareInfo>,
    /// Where the next page starts (`lastShareId`); `None` after the last page (`-1`).
    pub next: Option<i64>,
}

/// One line of the direct-link traffic log (直链流量日志).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectLinkLogEntry {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub path: String,
    pub url: String,
    /// `fileSource`: 1 the drive, 2 the image space.
    pub source: i64,
    pub traffic: u64,
}

/// One page of the direct-link log and how many entries there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectLinkLogPage {
    pub entries: Vec<DirectLinkLogEntry>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shorter_than_35_without_special_characters() {
        assert!(check_share_name("照片 2024").is_ok());
        assert!(check_share_name(&"好".repeat(34)).is_ok());
        let long = check_share_name(&"好".repeat(35)).unwrap_err();
        assert!(long.contains("35 characters"), "{long}");
        for bad in ["a/b", "a:b", "a?", "<a>", "a|b", "a*b", "a\\b", "\"a\""] {
            assert!(check_share_name(bad).is_err(), "{bad}");
        }
        assert!(check_share_name("  ").is_err());
        assert!(check_share_name("a\nb").is_err());
    }

    #[test]
    fn codes_are_letters_and_digits() {
        assert!(check_share_code("a1B2").is_ok());
        assert!(check_share_code("").is_err());
        assert!(check_share_code("ab cd").is_err());
        assert!(check_share_code(&"a".repeat(17)).is_err());
    }

    #[test]
    fn traffic_limits_as_typed() {
        assert_eq!(parse_traffic_limit("off"), Ok(None));
        assert_eq!(parse_traffic_limit(""), Ok(None));
        assert_eq!(parse_traffic_limit("1048576"), Ok(Some(1 << 20)));
        assert_eq!(parse_traffic_limit("10G"), Ok(Some(10 << 30)));
        assert_eq!(parse_traffic_limit("500 MiB"), Ok(Some(500 << 20)));
        assert_eq!(parse_traffic_limit("2kb"), Ok(Some(2048)));
        for bad in ["0", "ten", "5X", "-1", "1.5G", "99999999999T"] {
            assert!(parse_traffic_limit(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn switches_round_trip_and_expiry_days() {
        for switch in 1..=4 {
            assert_eq!(i64::from(GuestAccess::from_switch(switch).switch()), switch);
        }
        assert_eq!(ShareExpiry::from_days(0), Some(ShareExpiry::Permanent));
        assert_eq!(ShareExpiry::from_days(30).map(ShareExpiry::days), Some(30));
        assert_eq!(ShareExpiry::from_days(3), None);
        assert_eq!(
            share_link("AbCd-EfGh"),
            "https://www.123pan.com/s/AbCd-EfGh"
        );
    }
}

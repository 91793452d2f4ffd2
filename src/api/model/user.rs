//! The account behind the token: identity, space, VIP state.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    pub uid: u64,
    pub nickname: String,
    pub head_image: String,
    /// The account's phone number.
    pub passport: String,
    pub mail: String,
    /// Bytes used.
    pub space_used: u64,
    pub space_permanent: u64,
    pub space_temp: u64,
    /// When the temporary space expires; documented as a string, sent as `0` when there is none.
    pub space_temp_expires: Option<DateTime<Utc>>,
    /// Decides which QPS column applies to this account.
    pub vip: bool,
    /// Remaining direct-link traffic in bytes.
    pub direct_traffic: u64,
    pub hide_uid: bool,
    pub https_count: i64,
    /// Empty for accounts without VIP (the server sends `null`).
    pub vip_grants: Vec<VipGrant>,
    pub developer: Option<Grant>,
}

impl UserInfo {
    /// Total capacity in bytes, as OpenList computes it (`spacePermanent + spaceTemp`).
    pub fn space_total(&self) -> u64 {
        self.space_permanent.saturating_add(self.space_temp)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VipGrant {
    /// 1 VIP, 2 SVIP, 3 long-term VIP.
    pub level: i64,
    pub label: String,
    pub period: Grant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

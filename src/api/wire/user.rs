//! `data` of `GET api/v1/user/info` [DOC:API列表/用户管理/获取用户信息.md].

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::api::lenient;
use crate::api::model::{Grant, UserInfo, VipGrant};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UserData {
    #[serde(deserialize_with = "lenient::uint")]
    uid: u64,
    #[serde(default, deserialize_with = "lenient::string")]
    nickname: String,
    #[serde(default, deserialize_with = "lenient::string")]
    head_image: String,
    #[serde(default, deserialize_with = "lenient::string")]
    passport: String,
    #[serde(default, deserialize_with = "lenient::string")]
    mail: String,
    #[serde(default, deserialize_with = "lenient::uint")]
    space_used: u64,
    #[serde(default, deserialize_with = "lenient::uint")]
    space_permanent: u64,
    #[serde(default, deserialize_with = "lenient::uint")]
    space_temp: u64,
    // Documented as a string; the official example sends the number 0.
    #[serde(default, deserialize_with = "lenient::time")]
    space_temp_expr: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient::flag")]
    vip: bool,
    #[serde(default, deserialize_with = "lenient::uint")]
    direct_traffic: u64,
    #[serde(rename = "isHideUID", default, deserialize_with = "lenient::flag")]
    is_hide_uid: bool,
    #[serde(default, deserialize_with = "lenient::int")]
    https_count: i64,
    // `null` for accounts without VIP.
    #[serde(default, deserialize_with = "lenient::or_default")]
    vip_info: Vec<WireVip>,
    #[serde(default)]
    developer_info: Option<WirePeriod>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireVip {
    #[serde(default, deserialize_with = "lenient::int")]
    vip_level: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    vip_label: String,
    #[serde(flatten)]
    period: WirePeriod,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePeriod {
    #[serde(default, deserialize_with = "lenient::time")]
    start_time: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient::time")]
    end_time: Option<DateTime<Utc>>,
}

impl From<WirePeriod> for Grant {
    fn from(p: WirePeriod) -> Self {
        Self {
            start: p.start_time,
            end: p.end_time,
        }
    }
}

impl From<UserData> for UserInfo {
    fn from(u: UserData) -> Self {
        Self {
            uid: u.uid,
            nickname: u.nickname,
            head_image: u.head_image,
            passport: u.passport,
            mail: u.mail,
            space_used: u.space_used,
            space_permanent: u.space_permanent,
            space_temp: u.space_temp,
            space_temp_expires: u.space_temp_expr,
            vip: u.vip,
            direct_traffic: u.direct_traffic,
            hide_uid: u.is_hide_uid,
            https_count: u.https_count,
            vip_grants: u
                .vip_info
                .into_iter()
                .map(|v| VipGrant {
                    level: v.vip_level,
                    label: v.vip_label,
                    period: v.period.into(),
                })
                .collect(),
            developer: u.developer_info.map(Grant::from),
        }
    }
}

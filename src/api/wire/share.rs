//! Share and direct-link bodies and `data`, with the casing of p123client-reference.zh.md
//! (`share_create`, `share_create_payment`, `share_list`, `share_list_payment`, `share_edit`,
//! `share_edit_payment`, `dlink_enable`, `dlink_disable`, `dlink_url`, `dlink_log`).
//!
//! The reference documents the request fields only. The response shapes — `{shareID,
//! shareKey}` on creation (also API.md trap 27), `{lastShareId, shareList: [{shareId,
//! shareKey, shareName, expiration, expired, sharePwd, trafficSwitch, trafficLimitSwitch,
//! trafficLimit, bytesCharge, previewCount, downloadCount, saveCount}]}` for the lists (plus
//! `payAmount` on paid ones), `{filename}` for enable/disable, `{url}` for a direct link and
//! `{total, list: [{uniqueID, fileName, fileSize, filePath, directLinkURL, fileSource,
//! totalTraffic}]}` for the log — come from public third-party SDKs that quote the official
//! pages; every field is read leniently.

use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::{FileId, GuestAccess, ShareInfo, ShareSettings};

/// `trafficLimitSwitch`: "1:关闭 2:打开".
const LIMIT_OFF: u8 = 1;
const LIMIT_ON: u8 = 2;

/// The switch fields shared by creation and the two edits; absent ones are not sent.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Switches {
    #[serde(rename = "trafficSwitch", skip_serializing_if = "Option::is_none")]
    pub traffic_switch: Option<u8>,
    #[serde(rename = "trafficLimitSwitch", skip_serializing_if = "Option::is_none")]
    pub traffic_limit_switch: Option<u8>,
    #[serde(rename = "trafficLimit", skip_serializing_if = "Option::is_none")]
    pub traffic_limit: Option<u64>,
}

impl From<ShareSettings> for Switches {
    fn from(s: ShareSettings) -> Self {
        Self {
            traffic_switch: s.access.map(GuestAccess::switch),
            traffic_limit_switch: s.traffic_limit.map(|l| match l {
                Some(_) => LIMIT_ON,
                None => LIMIT_OFF,
            }),
            traffic_limit: s.traffic_limit.flatten(),
        }
    }
}

/// `fileIDList` is one comma-separated string: an array is answered "分享ID非法" (trap 21).
pub(crate) fn id_list(ids: &[FileId]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// `POST api/v1/share/create`.
#[derive(Debug, Serialize)]
pub(crate) struct CreateBody<'a> {
    #[serde(rename = "shareName")]
    pub share_name: &'a str,
    #[serde(rename = "shareExpire")]
    pub share_expire: u8,
    #[serde(rename = "fileIDList")]
    pub file_id_list: String,
    #[serde(rename = "sharePwd", skip_serializing_if = "Option::is_none")]
    pub share_pwd: Option<&'a str>,
    #[serde(flatten)]
    pub switches: Switches,
}

/// `POST api/v1/share/content-payment/create`.
#[derive(Debug, Serialize)]
pub(crate) struct PaidCreateBody<'a> {
    #[serde(rename = "shareName")]
    pub share_name: &'a str,
    #[serde(rename = "fileIDList")]
    pub file_id_list: String,
    #[serde(rename = "payAmount")]
    pub pay_amount: u32,
    #[serde(rename = "isReward")]
    pub is_reward: u8,
    #[serde(rename = "resourceDesc")]
    pub resource_desc: &'a str,
    #[serde(flatten)]
    pub switches: Switches,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CreateData {
    #[serde(
        rename = "shareID",
        alias = "shareId",
        deserialize_with = "lenient::int"
    )]
    pub share_id: i64,
    #[serde(rename = "shareKey", deserialize_with = "lenient::string")]
    pub share_key: String,
}

/// `PUT api/v1/share/list/info` and `PUT api/v1/share/list/payment/info`.
#[derive(Debug, Serialize)]
pub(crate) struct EditBody<'a> {
    #[serde(rename = "shareIdList")]
    pub share_id_list: &'a [i64],
    #[serde(flatten)]
    pub switches: Switches,
}

/// `data` of `GET api/v1/share/list` and `GET api/v1/share/payment/list`.
#[derive(Debug, Deserialize)]
pub(crate) struct ListData {
    #[serde(rename = "lastShareId", deserialize_with = "lenient::int")]
    pub last_share_id: i64,
    #[serde(
        rename = "shareList",
        default,
        deserialize_with = "lenient::or_default"
    )]
    pub share_list: Vec<WireShare>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireShare {
    #[serde(alias = "shareID", deserialize_with = "lenient::int")]
    share_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    share_key: String,
    #[serde(default, deserialize_with = "lenient::string")]
    share_name: String,
    #[serde(default, deserialize_with = "lenient::string")]
    expiration: String,
    #[serde(default, deserialize_with = "lenient::flag")]
    expired: bool,
    #[serde(default, deserialize_with = "lenient::string")]
    share_pwd: String,
    #[serde(default, deserialize_with = "lenient::int")]
    traffic_switch: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    traffic_limit_switch: i64,
    #[serde(default, deserialize_with = "lenient::uint")]
    traffic_limit: u64,
    #[serde(default, deserialize_with = "lenient::uint")]
    bytes_charge: u64,
    #[serde(default, deserialize_with = "lenient::uint")]
    preview_count: u64,
    #[serde(default, deserialize_with = "lenient::uint")]
    download_count: u64,
    #[serde(default, deserialize_with = "lenient::uint")]
    save_count: u64,
    /// Paid shares only.
    #[serde(default, deserialize_with = "lenient::opt_uint")]
    pay_amount: Option<u64>,
}

/// Permanent shares show a far-future expiry (the web app sends 2099-12-12 for them); a year
/// past this counts as no expiry.
const FOREVER_YEAR: i32 = 2099;

impl WireShare {
    pub(crate) fn into_info(self, paid: bool) -> ShareInfo {
        use chrono::Datelike;
        let expires_at = lenient::parse_time(&self.expiration).filter(|t| t.year() < FOREVER_YEAR);
        ShareInfo {
            id: self.share_id,
            key: self.share_key,
            name: self.share_name,
            expires_at,
            expired: self.expired,
            code: self.share_pwd,
            access: GuestAccess::from_switch(self.traffic_switch),
            traffic_limit: (self.traffic_limit_switch == i64::from(LIMIT_ON))
                .then_some(self.traffic_limit),
            traffic_used: self.bytes_charge,
            previews: self.preview_count,
            downloads: self.download_count,
            saves: self.save_count,
            price: match paid {
                true => Some(self.pay_amount.unwrap_or(0)),
                false => None,
            },
        }
    }
}

/// `POST api/v1/direct-link/enable` and `…/disable`.
#[derive(Debug, Serialize)]
pub(crate) struct FolderBody {
    #[serde(rename = "fileID")]
    pub file_id: FileId,
}

#[derive(Debug, Deserialize)]
pub(crate) struct FolderData {
    #[serde(default, deserialize_with = "lenient::string")]
    pub filename: String,
}

/// `data` of `GET api/v1/direct-link/url?fileID=`.
#[derive(Debug, Deserialize)]
pub(crate) struct UrlData {
    #[serde(deserialize_with = "lenient::string")]
    pub url: String,
}

/// `data` of `GET api/v1/direct-link/log`.
#[derive(Debug, Deserialize)]
pub(crate) struct LogData {
    #[serde(default, deserialize_with = "lenient::uint")]
    pub total: u64,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub list: Vec<WireLogEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireLogEntry {
    #[serde(rename = "uniqueID", default, deserialize_with = "lenient::string")]
    pub unique_id: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub file_name: String,
    #[serde(default, deserialize_with = "lenient::uint")]
    pub file_size: u64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub file_path: String,
    #[serde(
        rename = "directLinkURL",
        default,
        deserialize_with = "lenient::string"
    )]
    pub direct_link_url: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub file_source: i64,
    #[serde(default, deserialize_with = "lenient::uint")]
    pub total_traffic: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn create_body_sends_the_id_list_as_one_string_and_only_set_switches() {
        let body = CreateBody {
            share_name: "照片",
            share_expire: 7,
            file_id_list: id_list(&[1, 22, 333]),
            share_pwd: Some("ab12"),
            switches: ShareSettings {
                access: Some(GuestAccess {
                    guests: true,
                    over_quota: false,
                }),
                traffic_limit: None,
            }
            .into(),
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({"shareName": "照片", "shareExpire": 7, "fileIDList": "1,22,333",
                   "sharePwd": "ab12", "trafficSwitch": 2})
        );
        let limit: Switches = ShareSettings {
            access: None,
            traffic_limit: Some(Some(1 << 30)),
        }
        .into();
        assert_eq!(
            serde_json::to_value(&limit).unwrap(),
            json!({"trafficLimitSwitch": 2, "trafficLimit": 1_073_741_824u64})
        );
    }

    #[test]
    fn list_items_decode_leniently() {
        let data: ListData = serde_json::from_value(json!({
            "lastShareId": -1,
            "shareList": [{"shareId": "7", "shareKey": "AbCd-EfGh", "shareName": "x",
                "expiration": "2099-12-12 08:00:00", "expired": 0, "sharePwd": "",
                "trafficSwitch": 4, "trafficLimitSwitch": 2, "trafficLimit": 100,
                "bytesCharge": 5, "previewCount": 1, "downloadCount": 2, "saveCount": 3}]
        }))
        .unwrap();
        let info = data.share_list.into_iter().next().unwrap().into_info(false);
        assert_eq!((info.id, info.expires_at, info.expired), (7, None, false));
        assert!(info.access.guests && info.access.over_quota);
        assert_eq!(info.traffic_limit, Some(100));
        assert_eq!((info.previews, info.downloads, info.saves), (1, 2, 3));
        assert_eq!(info.price, None);
        let empty: ListData =
            serde_json::from_value(json!({"lastShareId": -1, "shareList": null})).unwrap();
        assert!(empty.share_list.is_empty());
    }
}

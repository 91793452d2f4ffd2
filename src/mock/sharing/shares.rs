//! One share ([`Share`]) and how the share lists show it: `expiration` in the API's naive
//! Beijing time (a permanent share shows 2099-12-12 08:00:00, the far date the web app uses
//! for one), `expired` 0/1 against the clock, the switches and the counters, and `payAmount`
//! for paid shares.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::super::clock;
use super::rules::SwitchFields;

/// 2099-12-12 00:00:00 UTC, shown for shares without an end.
const FOREVER: i64 = 4_100_716_800;
const DAY: i64 = 86_400;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Paid {
    /// Yuan, 1–99.
    pub amount: i64,
    pub reward: bool,
    pub description: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Share {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub file_ids: Vec<i64>,
    /// Unix seconds.
    pub created: i64,
    /// 0 for ever.
    pub expire_days: i64,
    /// Empty without an extraction code.
    pub pwd: String,
    pub traffic_switch: i64,
    pub limit_switch: i64,
    pub limit: i64,
    pub bytes_charge: u64,
    pub previews: u64,
    pub downloads: u64,
    pub saves: u64,
    pub paid: Option<Paid>,
}

impl Share {
    /// A new share with the server's defaults: switches off, no limit, no counts.
    pub fn new(id: i64, key: String, name: String, file_ids: Vec<i64>, now: i64) -> Self {
        Share {
            id,
            key,
            name,
            file_ids,
            created: now,
            expire_days: 0,
            pwd: String::new(),
            traffic_switch: 1,
            limit_switch: 1,
            limit: 0,
            bytes_charge: 0,
            previews: 0,
            downloads: 0,
            saves: 0,
            paid: None,
        }
    }

    /// When it stops working, Unix seconds; `None` for ever.
    pub fn expires(&self) -> Option<i64> {
        (self.expire_days > 0).then(|| self.created + self.expire_days * DAY)
    }

    pub fn set(&mut self, s: SwitchFields) {
        if let Some(v) = s.traffic_switch {
            self.traffic_switch = v;
        }
        if let Some(v) = s.limit_switch {
            self.limit_switch = v;
        }
        if let Some(v) = s.limit {
            self.limit = v;
        }
    }

    /// The item of `share/list` (or `share/payment/list`) at `now`.
    pub fn json(&self, now: i64) -> Value {
        let expires = self.expires();
        let mut item = json!({
            "shareId": self.id,
            "shareKey": self.key,
            "shareName": self.name,
            "expiration": clock::naive(expires.unwrap_or(FOREVER)),
            "expired": i64::from(expires.is_some_and(|t| t <= now)),
            "sharePwd": self.pwd,
            "trafficSwitch": self.traffic_switch,
            "trafficLimitSwitch": self.limit_switch,
            "trafficLimit": self.limit,
            "bytesCharge": self.bytes_charge,
            "previewCount": self.previews,
            "downloadCount": self.downloads,
            "saveCount": self.saves,
        });
        if let (Some(paid), Some(map)) = (&self.paid, item.as_object_mut()) {
            map.insert("payAmount".into(), json!(paid.amount));
            map.insert("isReward".into(), json!(i64::from(paid.reward)));
            map.insert("resourceDesc".into(), json!(paid.description));
        }
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_and_list_item() {
        let mut s = Share::new(7, "AbCd-EfGh".into(), "x".into(), vec![1], 1_000_000);
        let item = s.json(1_000_000);
        assert_eq!(item["expiration"], "2099-12-12 08:00:00");
        assert_eq!(item["expired"], 0);
        assert!(item.get("payAmount").is_none());
        s.expire_days = 1;
        assert_eq!(s.json(1_000_000 + DAY)["expired"], 1);
        assert_eq!(s.json(1_000_000 + DAY - 1)["expired"], 0);
    }
}

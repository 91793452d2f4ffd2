//! Wall-clock helpers in the formats the API uses: naive Beijing time
//! `"YYYY-MM-DD HH:MM:SS"` for items (v2 list, detail, infos), the same with `+0800 CST` in the
//! legacy list, and RFC 3339 with `+08:00` for `expiredAt`. Times are stored as Unix seconds.

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};

const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => unreachable!(),
};

pub(crate) fn now_secs() -> i64 {
    Utc::now().timestamp()
}

fn at(secs: i64) -> DateTime<FixedOffset> {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .with_timezone(&BEIJING)
}

/// `"2025-02-24 17:57:01"`, Beijing time without a zone (API.md §1.5).
pub(crate) fn naive(secs: i64) -> String {
    at(secs).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// `"2025-02-24 17:57:01 +0800 CST"`, the legacy list's style (获取文件列表（旧）.md).
pub(crate) fn legacy(secs: i64) -> String {
    at(secs).format("%Y-%m-%d %H:%M:%S +0800 CST").to_string()
}

/// `"2025-03-23T15:48:37+08:00"`.
pub(crate) fn rfc3339(secs: i64) -> String {
    at(secs).to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_beijing_time() {
        // 2025-03-23T07:48:37Z
        assert_eq!(rfc3339(1_742_716_117), "2025-03-23T15:48:37+08:00");
        assert_eq!(naive(1_742_716_117), "2025-03-23 15:48:37");
        assert_eq!(legacy(1_742_716_117), "2025-03-23 15:48:37 +0800 CST");
    }
}

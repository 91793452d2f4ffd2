//! What the share and direct-link endpoints accept, from p123client-reference.zh.md: share
//! names "须小于 35 个字符且不能包含特殊字符 \"\\/:*?|><", `shareExpire` one of 0, 1, 7, 30,
//! `fileIDList` one comma-separated string of at most 100 ids (an array is answered
//! "分享ID非法", API.md trap 21), `trafficSwitch` 1–4, `trafficLimitSwitch` 1–2, log times
//! `YYYY-MM-DD hh:mm:ss`. Every refusal is code 1, as the server's other validation errors;
//! the messages below are the mock's own where the documents give none.

use chrono::NaiveDateTime;
use serde_json::Value;

use super::super::body::Fields;
use super::super::reply::ApiError;

/// Ids in one share, shares in one edit, entries in one page ("最多 100 个").
pub(crate) const PAGE_MAX: usize = 100;
const NAME_LIMIT: usize = 35;
const FORBIDDEN: &str = "\"\\/:*?|><";
const EXPIRES: [i64; 4] = [0, 1, 7, 30];

pub(crate) fn check_name(name: &str) -> Result<(), ApiError> {
    let bad = name.trim().is_empty()
        || name.chars().count() >= NAME_LIMIT
        || name
            .chars()
            .any(|c| FORBIDDEN.contains(c) || c.is_control());
    match bad {
        true => Err(ApiError::new(
            1,
            "分享链接名称须小于35个字符且不能包含特殊字符\"\\/:*?|><",
        )),
        false => Ok(()),
    }
}

/// `shareExpire`, 0 (for ever) when absent.
pub(crate) fn check_expire(value: Option<i64>) -> Result<i64, ApiError> {
    let days = value.unwrap_or(0);
    match EXPIRES.contains(&days) {
        true => Ok(days),
        false => Err(ApiError::new(1, "shareExpire只能为0、1、7、30")),
    }
}

fn bad_ids() -> ApiError {
    ApiError::new(1, "分享ID非法")
}

/// `fileIDList`: one string of comma-separated ids, at most [`PAGE_MAX`], duplicates dropped.
pub(crate) fn id_list(f: &Fields) -> Result<Vec<i64>, ApiError> {
    let Some(value) = f.value("fileIDList")? else {
        return Err(ApiError::param("fileIDList"));
    };
    let Value::String(text) = value else {
        return Err(bad_ids());
    };
    let mut ids = Vec::new();
    for part in text.split(',') {
        let id: i64 = part.trim().parse().map_err(|_| bad_ids())?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.len() > PAGE_MAX {
        return Err(ApiError::too_many(PAGE_MAX));
    }
    Ok(ids)
}

/// The switch fields of creation and edits, each checked when present.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct SwitchFields {
    pub traffic_switch: Option<i64>,
    pub limit_switch: Option<i64>,
    pub limit: Option<i64>,
}

impl SwitchFields {
    pub fn read(f: &Fields) -> Result<Self, ApiError> {
        let s = SwitchFields {
            traffic_switch: f.opt_id("trafficSwitch")?,
            limit_switch: f.opt_id("trafficLimitSwitch")?,
            limit: f.opt_id("trafficLimit")?,
        };
        if s.traffic_switch.is_some_and(|v| !(1..=4).contains(&v)) {
            return Err(ApiError::new(1, "trafficSwitch只能为1、2、3、4"));
        }
        if s.limit_switch.is_some_and(|v| !(1..=2).contains(&v)) {
            return Err(ApiError::new(1, "trafficLimitSwitch只能为1、2"));
        }
        if s.limit.is_some_and(|v| v < 0) {
            return Err(ApiError::param("trafficLimit"));
        }
        if s.limit_switch == Some(2) && s.limit.unwrap_or(0) <= 0 {
            return Err(ApiError::new(
                1,
                "开启免登录流量限制时trafficLimit必须大于0",
            ));
        }
        Ok(s)
    }
}

/// The answer for a file outside every folder with direct-link space.
pub(crate) fn not_in_space() -> ApiError {
    ApiError::new(1, "该文件不在直链空间内，请先启用其所在文件夹的直链空间")
}

/// A log time, `YYYY-MM-DD hh:mm:ss` in Beijing time, as Unix seconds.
pub(crate) fn parse_log_time(text: &str, field: &str) -> Result<i64, ApiError> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S")
        .map(|t| t.and_utc().timestamp() - 8 * 3600)
        .map_err(|_| ApiError::param(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_expiries_and_id_lists() {
        assert!(check_name("照片").is_ok());
        assert!(check_name(&"a".repeat(35)).is_err());
        assert!(check_name("a/b").is_err());
        assert_eq!(check_expire(None).unwrap(), 0);
        assert!(check_expire(Some(3)).is_err());
        let f = Fields::parse(br#"{"fileIDList":"1, 2,2"}"#).unwrap();
        assert_eq!(id_list(&f).unwrap(), vec![1, 2]);
        let f = Fields::parse(br#"{"fileIDList":[1,2]}"#).unwrap();
        assert_eq!(id_list(&f).unwrap_err().message, "分享ID非法");
        let many = (1..=101)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let f = Fields::parse(format!(r#"{{"fileIDList":"{many}"}}"#).as_bytes()).unwrap();
        assert!(id_list(&f).unwrap_err().message.contains("100"));
        assert_eq!(
            parse_log_time("2025-03-23 15:48:37", "startTime").unwrap(),
            1_742_716_117
        );
    }
}

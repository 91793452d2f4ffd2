//! Forgiving field decoders for the schema drift 123pan is known for (§1.5, §8.16): integers that
//! arrive as strings, `0`/`1` booleans, strings that arrive as numbers, arrays that arrive as
//! `null`, and three timestamp styles. Used through `#[serde(deserialize_with = ...)]` on the
//! private wire types only.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A number, a numeric string (`"123"`, [OL] sends `parentID` that way), a bool, `null` or `""`
/// (both 0).
pub(crate) fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = Value::deserialize(d)?;
    value_to_i64(&v)
        .ok_or_else(|| serde::de::Error::custom(format!("expected an integer, got {v}")))
}

fn value_to_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Null => Some(0),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)))
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) if s.trim().is_empty() => Some(0),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A number that may have a fraction (`process: 45.5`), a numeric string, `null` or `""` (0).
pub(crate) fn float<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = Value::deserialize(d)?;
    let f = match &v {
        Value::Null => Some(0.0),
        Value::Number(n) => n.as_f64(),
        Value::String(s) if s.trim().is_empty() => Some(0.0),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    f.filter(|f| f.is_finite())
        .ok_or_else(|| serde::de::Error::custom(format!("expected a number, got {v}")))
}

/// Like [`int`], clamped at zero, for sizes and counters.
pub(crate) fn uint<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    int(d).map(|i| u64::try_from(i).unwrap_or(0))
}

/// Like [`uint`], but `None` when the field is `null` (with `#[serde(default)]`: or absent).
pub(crate) fn opt_uint<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        v => value_to_i64(&v)
            .map(|i| Some(u64::try_from(i).unwrap_or(0)))
            .ok_or_else(|| serde::de::Error::custom(format!("expected an integer, got {v}"))),
    }
}

/// `true`/`false`, `0`/`1` (the `trashed` field is an int [DOC]), or their string forms.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Value::deserialize(d)? {
        Value::Bool(b) => Ok(b),
        Value::String(s) => Ok(matches!(s.trim(), "true" | "1")),
        other => Ok(value_to_i64(&other).is_some_and(|i| i != 0)),
    }
}

/// A string, or a number rendered as one; `null` is `""`.
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => String::new(),
        Value::String(s) => s,
        other => other.to_string(),
    })
}

/// `null` as the type's default (an empty list for `vipInfo: null`, for instance).
pub(crate) fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

/// A timestamp in any of the styles below, a unix time in seconds or milliseconds, or nothing
/// (`null`, `""`, `0`, or text that matches no style).
pub(crate) fn time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => parse_time(&s),
        Value::Number(n) => n.as_i64().and_then(unix_time),
        _ => None,
    })
}

fn unix_time(t: i64) -> Option<DateTime<Utc>> {
    match t {
        ..=0 => None,
        1_000_000_000_000.. => DateTime::from_timestamp_millis(t),
        _ => DateTime::from_timestamp(t, 0),
    }
}

/// Beijing time, the implied zone of every naive timestamp the API sends ([OL]: "返回的时间没有时区
/// 信息，默认 UTC+8").
fn beijing() -> Option<FixedOffset> {
    FixedOffset::east_opt(8 * 3600)
}

/// Parses `2025-02-24 17:57:01` (naive Beijing; v2 list, detail, vip times),
/// `2025-02-24 17:57:01 +0800 CST` (v1 list) and RFC 3339 (`expiredAt`).
pub(crate) fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.to_utc());
    }
    // Go's default `time.Time` format ends in a zone abbreviation, which chrono cannot parse;
    // the numeric offset before it carries the information.
    let without_abbrev = match s.rsplit_once(' ') {
        Some((head, tail)) if tail.chars().all(|c| c.is_ascii_alphabetic()) => head,
        _ => s,
    };
    if let Ok(t) = DateTime::parse_from_str(without_abbrev, "%Y-%m-%d %H:%M:%S%.f %z") {
        return Some(t.to_utc());
    }
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .and_then(|naive| beijing()?.from_local_datetime(&naive).single())
        .map(|t| t.to_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "int")]
        i: i64,
        #[serde(default, deserialize_with = "uint")]
        u: u64,
        #[serde(default, deserialize_with = "flag")]
        b: bool,
        #[serde(default, deserialize_with = "string")]
        s: String,
        #[serde(default, deserialize_with = "time")]
        t: Option<DateTime<Utc>>,
        #[serde(default, deserialize_with = "or_default")]
        v: Vec<i64>,
        #[serde(default, deserialize_with = "float")]
        f: f64,
    }

    fn probe(json: &str) -> Probe {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn integers_from_numbers_strings_and_null() {
        assert_eq!(probe(r#"{"i": 14663228}"#).i, 14663228);
        assert_eq!(probe(r#"{"i": "123"}"#).i, 123);
        assert_eq!(probe(r#"{"i": -1}"#).i, -1);
        assert_eq!(probe(r#"{"i": null}"#).i, 0);
        assert_eq!(probe(r#"{"i": 5.0}"#).i, 5);
        assert_eq!(probe(r#"{"u": -3}"#).u, 0);
        assert!(serde_json::from_str::<Probe>(r#"{"i": "abc"}"#).is_err());
        assert!(serde_json::from_str::<Probe>(r#"{"i": [1]}"#).is_err());
    }

    #[test]
    fn fractions_from_numbers_and_strings() {
        assert_eq!(probe(r#"{"f": 45.5}"#).f, 45.5);
        assert_eq!(probe(r#"{"f": 100}"#).f, 100.0);
        assert_eq!(probe(r#"{"f": "12.25"}"#).f, 12.25);
        assert_eq!(probe(r#"{"f": null}"#).f, 0.0);
        assert!(serde_json::from_str::<Probe>(r#"{"f": "x"}"#).is_err());
    }

    #[test]
    fn flags_strings_and_null_lists() {
        assert!(probe(r#"{"b": 1}"#).b);
        assert!(!probe(r#"{"b": 0}"#).b);
        assert!(probe(r#"{"b": true}"#).b);
        assert!(probe(r#"{"b": "1"}"#).b);
        assert_eq!(probe(r#"{"s": 0}"#).s, "0");
        assert_eq!(probe(r#"{"s": "2025"}"#).s, "2025");
        assert_eq!(probe(r#"{"s": null}"#).s, "");
        assert!(probe(r#"{"v": null}"#).v.is_empty());
        assert_eq!(probe(r#"{"v": [1, 2]}"#).v, vec![1, 2]);
    }

    #[test]
    fn timestamps_in_every_style() {
        let expect = Utc.with_ymd_and_hms(2025, 2, 24, 9, 57, 1).unwrap();
        assert_eq!(parse_time("2025-02-24 17:57:01"), Some(expect));
        assert_eq!(parse_time("2025-02-24 17:57:01 +0800 CST"), Some(expect));
        assert_eq!(parse_time("2025-02-24T17:57:01+08:00"), Some(expect));
        assert_eq!(parse_time("2025-02-24T09:57:01Z"), Some(expect));
        assert_eq!(
            parse_time("2025-02-24 17:57:01.250 +0800 CST").map(|t| t.timestamp()),
            Some(expect.timestamp())
        );
        assert!(parse_time("9999-12-31 23:59:59").is_some());
        assert_eq!(parse_time(""), None);
        assert_eq!(parse_time("yesterday"), None);
        assert_eq!(probe(r#"{"t": 0}"#).t, None);
        assert_eq!(probe(r#"{"t": 1740391021}"#).t, Some(expect));
        assert_eq!(probe(r#"{"t": 1740391021000}"#).t, Some(expect));
        assert_eq!(probe(r#"{"t": null}"#).t, None);
    }
}

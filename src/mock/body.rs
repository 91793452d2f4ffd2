//! Lenient reading of JSON request bodies, mimicking the real backend (very likely Go's
//! `encoding/json`, API.md §1.3): object keys match case-insensitively and id fields also
//! accept numeric strings (OpenList sends `mkdir.parentID` as `"123"`). The Content-Type
//! header is not checked, although developer-notes.zh.md lists `application/json` as required
//! on every call.
//!
//! Keys are matched as `names` matches every kind of field name: any casing by default, only
//! the documented spelling under the `strict_names` knob. Numeric strings are accepted in both
//! modes: strictness is about names, not value types.

use std::collections::HashMap;

use serde_json::Value;

use super::names;
use super::reply::ApiError;

/// Body fields by lower-cased key: the key as sent and its value.
pub(crate) struct Fields {
    map: HashMap<String, (String, Value)>,
    strict: bool,
}

impl Fields {
    pub fn parse(bytes: &[u8]) -> Result<Self, ApiError> {
        let strict = names::strict();
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(map)) => Ok(Fields {
                map: map
                    .into_iter()
                    .map(|(k, v)| (k.to_lowercase(), (k, v)))
                    .collect(),
                strict,
            }),
            _ => Err(ApiError::new(1, "参数错误: 请求体必须是JSON对象")),
        }
    }

    /// The value of `key` (its documented spelling); `null` counts as missing.
    fn get(&self, key: &str) -> Result<Option<&Value>, ApiError> {
        let Some((sent, value)) = self.map.get(&key.to_lowercase()) else {
            return Ok(None);
        };
        if self.strict && sent != key {
            return Err(names::misspelled(sent, key));
        }
        Ok(Some(value).filter(|v| !v.is_null()))
    }

    /// The raw value of `key`, for fields whose type is itself checked (`null` is missing).
    pub fn value(&self, key: &str) -> Result<Option<&Value>, ApiError> {
        self.get(key)
    }

    pub fn opt_id(&self, key: &str) -> Result<Option<i64>, ApiError> {
        self.get(key)?
            .map(|v| as_i64(v).ok_or_else(|| ApiError::param(key)))
            .transpose()
    }

    pub fn id(&self, key: &str) -> Result<i64, ApiError> {
        self.opt_id(key)?.ok_or_else(|| ApiError::param(key))
    }

    pub fn ids(&self, key: &str) -> Result<Vec<i64>, ApiError> {
        match self.get(key)? {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| as_i64(v).ok_or_else(|| ApiError::param(key)))
                .collect(),
            _ => Err(ApiError::param(key)),
        }
    }

    pub fn string(&self, key: &str) -> Result<String, ApiError> {
        match self.get(key)? {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(ApiError::param(key)),
        }
    }

    pub fn strings(&self, key: &str) -> Result<Vec<String>, ApiError> {
        match self.get(key)? {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| ApiError::param(key))
                })
                .collect(),
            _ => Err(ApiError::param(key)),
        }
    }

    /// A string id (a number is taken as its decimal text); missing or `null` is `None`.
    pub fn opt_str_id(&self, key: &str) -> Result<Option<String>, ApiError> {
        self.get(key)?
            .map(|v| as_str_id(v).ok_or_else(|| ApiError::param(key)))
            .transpose()
    }

    pub fn str_ids(&self, key: &str) -> Result<Vec<String>, ApiError> {
        match self.get(key)? {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| as_str_id(v).ok_or_else(|| ApiError::param(key)))
                .collect(),
            _ => Err(ApiError::param(key)),
        }
    }

    /// A string or an array of strings, as a list.
    pub fn one_or_many(&self, key: &str) -> Result<Vec<String>, ApiError> {
        match self.get(key)? {
            Some(Value::String(s)) => Ok(vec![s.clone()]),
            Some(Value::Array(_)) => self.strings(key),
            _ => Err(ApiError::param(key)),
        }
    }

    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.get(key)? {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ApiError::param(key)),
        }
    }
}

fn as_str_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An integral JSON number, or a string holding one.
pub(crate) fn as_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_case_insensitively_and_ids_accept_strings() {
        let f = Fields::parse(br#"{"FILEids":[1,"2"],"parentid":"7","Name":"x"}"#).unwrap();
        assert_eq!(f.ids("fileIDs").unwrap(), vec![1, 2]);
        assert_eq!(f.id("parentID").unwrap(), 7);
        assert_eq!(f.string("name").unwrap(), "x");
        assert!(f.opt_id("missing").unwrap().is_none());
    }

    #[tokio::test]
    async fn strict_names_refuse_other_casings_only() {
        let body = br#"{"fileIds":[1],"parentFileID":2,"extra":1}"#;
        let f = names::STRICT
            .scope(true, async { Fields::parse(body) })
            .await
            .unwrap();
        let e = f.ids("fileIDs").unwrap_err();
        assert!(
            e.message.contains("fileIds") && e.message.contains("fileIDs"),
            "{e:?}"
        );
        assert_eq!(f.id("parentFileID").unwrap(), 2);
        assert!(f.opt_id("missing").unwrap().is_none());
        let lenient = Fields::parse(body).unwrap();
        assert_eq!(lenient.ids("fileIDs").unwrap(), vec![1]);
    }

    #[test]
    fn rejects_non_objects_and_non_numeric_ids() {
        assert!(Fields::parse(b"[1]").is_err());
        assert!(Fields::parse(b"not json").is_err());
        let f = Fields::parse(br#"{"fileId":"abc","x":1.5}"#).unwrap();
        assert_eq!(f.id("fileId").unwrap_err().code, 1);
        assert!(f.id("x").is_err());
    }
}

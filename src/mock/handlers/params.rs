//! Reading request parameters shared by several handlers: query strings (names matched as
//! `names` says, any casing unless strict; values are text, so numbers always arrive as
//! strings) and batch id lists.

use std::collections::HashMap;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;

use super::super::body::Fields;
use super::super::names;
use super::super::reply::ApiError;

pub(crate) type RawQuery = Result<Query<HashMap<String, String>>, QueryRejection>;

/// A request's query parameters.
pub(crate) struct Params(HashMap<String, String>);

impl Params {
    /// The parameters of `q`; an unreadable query string is a parameter error.
    pub fn parse(q: RawQuery) -> Result<Self, ApiError> {
        let Query(q) = q.map_err(|_| ApiError::param("query"))?;
        Ok(Params(q))
    }

    /// The parameters of `q`, or none when it cannot be read.
    pub fn lenient(q: &RawQuery) -> Self {
        Params(q.as_ref().map(|Query(q)| q.clone()).unwrap_or_default())
    }

    /// The trimmed value of `key` (its documented spelling).
    pub fn text(&self, key: &str) -> Result<Option<&str>, ApiError> {
        let pairs = self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        Ok(names::find(pairs, key)?.map(str::trim))
    }

    /// A non-empty value of `key`.
    pub fn non_empty(&self, key: &str) -> Result<Option<&str>, ApiError> {
        Ok(self.text(key)?.filter(|v| !v.is_empty()))
    }

    pub fn i64(&self, key: &str) -> Result<Option<i64>, ApiError> {
        self.text(key)?
            .map(|v| v.parse::<i64>().map_err(|_| ApiError::param(key)))
            .transpose()
    }

    /// `true`/`false` in any case, or `1`/`0`.
    pub fn flag(&self, key: &str) -> Result<Option<bool>, ApiError> {
        self.text(key)?
            .map(|v| match v.to_ascii_lowercase().as_str() {
                "true" | "1" => Ok(true),
                "false" | "0" | "" => Ok(false),
                _ => Err(ApiError::param(key)),
            })
            .transpose()
    }
}

/// A batch id list: non-empty, at most `max` entries, duplicates dropped (order kept).
pub(crate) fn batch_ids(f: &Fields, key: &str, max: usize) -> Result<Vec<i64>, ApiError> {
    let ids = f.ids(key)?;
    if ids.is_empty() {
        return Err(ApiError::param(key));
    }
    if ids.len() > max {
        return Err(ApiError::too_many(max));
    }
    let mut seen = std::collections::HashSet::new();
    Ok(ids.into_iter().filter(|id| seen.insert(*id)).collect())
}

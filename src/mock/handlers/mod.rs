//! HTTP handlers, one module per group of endpoints. Each writes the documented JSON shape of
//! its endpoint itself (field casing differs per endpoint) and leaves headers, tokens and QPS
//! to `gate`.

pub(crate) mod account;
pub(crate) mod copy;
pub(crate) mod download;
pub(crate) mod listing;
pub(crate) mod mutate;
pub(crate) mod slices;
pub(crate) mod trash;
pub(crate) mod upload;

use std::collections::HashMap;

use super::body::Fields;
use super::reply::ApiError;

/// An integer query parameter; query names are matched exactly (documented casing).
pub(crate) fn query_i64(q: &HashMap<String, String>, key: &str) -> Result<Option<i64>, ApiError> {
    q.get(key)
        .map(|v| v.trim().parse::<i64>().map_err(|_| ApiError::param(key)))
        .transpose()
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

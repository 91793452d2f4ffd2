//! Reading request parameters shared by several handlers: integer query parameters and batch
//! id lists.

use std::collections::HashMap;

use super::super::body::Fields;
use super::super::reply::ApiError;

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

//! Request details shared by the image-space handlers: the fixed `type` field, string-id
//! batches, and GET parameters that the documents' examples sometimes send as a JSON body.

use super::super::super::body::Fields;
use super::super::super::reply::ApiError;
use super::super::{Params, RawQuery};

/// Ids per move/delete/copy call: "参数长度最大不超过 100".
pub(crate) const BATCH_MAX: usize = 100;

/// `"type": 1`, "固定为 1" on every image-space body that documents it.
pub(crate) fn fixed_type(f: &Fields) -> Result<(), ApiError> {
    match f.opt_id("type")? {
        Some(1) => Ok(()),
        _ => Err(ApiError::param("type")),
    }
}

/// A string-id batch: non-empty, at most 100, duplicates dropped (order kept).
pub(crate) fn batch(f: &Fields, key: &str) -> Result<Vec<String>, ApiError> {
    let ids = f.str_ids(key)?;
    if ids.is_empty() {
        return Err(ApiError::param(key));
    }
    if ids.len() > BATCH_MAX {
        return Err(ApiError::too_many(BATCH_MAX));
    }
    let mut seen = std::collections::HashSet::new();
    Ok(ids
        .into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect())
}

/// A GET parameter from the query string or, failing that, from a JSON body.
pub(crate) fn query_or_body(q: &RawQuery, body: &[u8], key: &str) -> Result<String, ApiError> {
    opt_query_or_body(q, body, key)?.ok_or_else(|| ApiError::param(key))
}

pub(crate) fn opt_query_or_body(
    q: &RawQuery,
    body: &[u8],
    key: &str,
) -> Result<Option<String>, ApiError> {
    if let Some(v) = Params::lenient(q).non_empty(key)? {
        return Ok(Some(v.to_owned()));
    }
    if body.is_empty() {
        return Ok(None);
    }
    Fields::parse(body)?.opt_str_id(key)
}

//! How a request's field names are matched against the documented ones, the same way for JSON
//! body keys, query parameters and multipart form parts. By default any casing of a documented
//! name is taken, as the real server does: p123client sends every name lower-cased
//! (`parentfileid`, `containdir`) in all three places and works against it (API.md trap 25).
//! Under the `strict_names` knob only the documented spelling is taken; another casing is
//! refused with code 1 and a message naming both. The gate sets the knob for the request's task
//! (`STRICT`), so handlers need not pass it along.

use super::reply::ApiError;

tokio::task_local! {
    /// Whether the request being handled runs under `strict_names`.
    pub(crate) static STRICT: bool;
}

/// Whether the current request runs under `strict_names`.
pub(crate) fn strict() -> bool {
    STRICT.try_with(|s| *s).unwrap_or(false)
}

/// The refusal of `sent`, another casing of the documented `key`, under strict names.
pub(crate) fn misspelled(sent: &str, key: &str) -> ApiError {
    ApiError::new(
        1,
        format!("参数错误: {sent} (strict names: the documented spelling is {key})"),
    )
}

/// The value sent under `key` (its documented spelling) among `(name, value)` pairs: the exact
/// spelling first, then any other casing of it unless names are strict.
pub(crate) fn find<'a, V: ?Sized>(
    pairs: impl IntoIterator<Item = (&'a str, &'a V)>,
    key: &str,
) -> Result<Option<&'a V>, ApiError> {
    let mut other = None;
    for (name, value) in pairs {
        if name == key {
            return Ok(Some(value));
        }
        if other.is_none() && name.eq_ignore_ascii_case(key) {
            other = Some((name, value));
        }
    }
    match other {
        Some((sent, _)) if strict() => Err(misspelled(sent, key)),
        Some((_, value)) => Ok(Some(value)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIRS: [(&str, &str); 3] = [("parentfileid", "1"), ("limit", "5"), ("LIMIT", "6")];

    #[test]
    fn any_casing_by_default_the_exact_one_first() {
        assert_eq!(find(PAIRS, "parentFileId").unwrap(), Some("1"));
        assert_eq!(find(PAIRS, "LIMIT").unwrap(), Some("6"));
        assert_eq!(find(PAIRS, "missing").unwrap(), None);
    }

    #[tokio::test]
    async fn strict_names_refuse_other_casings_naming_both() {
        let e = STRICT
            .scope(true, async { find(PAIRS, "parentFileId") })
            .await
            .unwrap_err();
        assert!(
            e.message.contains("parentfileid") && e.message.contains("parentFileId"),
            "{e:?}"
        );
        let exact = STRICT.scope(true, async { find(PAIRS, "limit") }).await;
        assert_eq!(exact.unwrap(), Some("5"));
    }
}

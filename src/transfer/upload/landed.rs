//! Whether an upload whose answer was lost got through: the target folder is listed and
//! searched for a file with the upload's size and MD5 under its name — or, for "keep both"
//! onto a name that was taken, under a suffixed variant of it (the server picks the suffix;
//! its format is undocumented, so any short insertion before the extension that holds a digit
//! counts, e.g. `a(1).txt`, `a (2).txt`, `a_3.txt`).

use super::super::error::TransferError;
use super::super::scheduler::JobCtx;
use super::super::spec::ConflictPolicy;
use super::Target;
use crate::api::{FileEntry, FileId};

/// Longest suffix taken as the server's "keep both" mark.
const SUFFIX_MAX: usize = 8;

/// Lists the target folder: the id of the upload of `etag` if it is already there.
pub(crate) async fn landed(
    ctx: &JobCtx,
    t: &Target<'_>,
    etag: &str,
) -> Result<Option<FileId>, TransferError> {
    let entries = ctx.run(ctx.client()?.list_all(t.parent)).await??;
    Ok(entries.iter().find(|e| holds(e, t, etag)).map(|e| e.id))
}

/// `e` is the upload `t` of content `etag`.
pub(crate) fn holds(e: &FileEntry, t: &Target<'_>, etag: &str) -> bool {
    let same = !e.is_dir() && e.size == t.size && e.etag.eq_ignore_ascii_case(etag);
    let kept_beside =
        t.taken && t.policy == ConflictPolicy::KeepBoth && is_variant(&e.name, t.name);
    same && (e.name == t.name || kept_beside)
}

/// `candidate` is `name` with a short numbered mark inserted before its extension.
fn is_variant(candidate: &str, name: &str) -> bool {
    let (stem, ext) = split_ext(name);
    let Some(middle) = candidate
        .strip_prefix(stem)
        .and_then(|rest| rest.strip_suffix(ext))
    else {
        return false;
    };
    !middle.is_empty()
        && middle.chars().count() <= SUFFIX_MAX
        && middle.chars().any(|c| c.is_ascii_digit())
}

/// `a.tar.gz` → (`a.tar`, `.gz`); `a` and `.env` have no extension.
fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 => name.split_at(i),
        _ => (name, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_variants_before_the_extension() {
        for (candidate, name) in [
            ("a(1).txt", "a.txt"),
            ("a (12).txt", "a.txt"),
            ("a_3.txt", "a.txt"),
            ("a(1)", "a"),
            (".env(1)", ".env"),
            ("照片(2).jpg", "照片.jpg"),
        ] {
            assert!(is_variant(candidate, name), "{candidate} of {name}");
        }
        for (candidate, name) in [
            ("a.txt", "a.txt"),
            ("ab.txt", "a.txt"),
            ("a(1).md", "a.txt"),
            ("a - copy of the old one 1.txt", "a.txt"),
            ("b(1).txt", "a.txt"),
        ] {
            assert!(!is_variant(candidate, name), "{candidate} of {name}");
        }
    }
}

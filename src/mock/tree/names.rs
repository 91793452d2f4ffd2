//! File-name rules and the "keep both" suffix.
//!
//! upload-v2.zh.md: "文件名要小于256个字符且不能包含以下任何字符："\/:*?|><" and "文件名不能全部
//! 是空格". Its field table says "小于255个字符" instead; the mock follows the description (and
//! the brief): up to 255 Unicode scalar values are accepted. NOTE: the digest (API.md §5.1)
//! says the single-step document omits `\`; upload-v2.zh.md's single-step text does list it
//! (it is the image-hosting create table that omits it). `\` is forbidden everywhere here.
//! Leading/trailing spaces and dots are undocumented and allowed. Names are case-sensitive.

use super::super::reply::ApiError;

const FORBIDDEN: &[char] = &['"', '\\', '/', ':', '*', '?', '|', '>', '<'];
pub(crate) const MAX_CHARS: usize = 255;

pub(crate) fn validate(name: &str) -> Result<(), ApiError> {
    if name.trim_matches(' ').is_empty() {
        return Err(ApiError::blank_name());
    }
    if name.chars().count() > MAX_CHARS || name.contains(FORBIDDEN) {
        return Err(ApiError::bad_name());
    }
    Ok(())
}

/// The `n`-th "keep both" variant of `name`: `a.txt` → `a(1).txt`, `a` → `a(1)`, `.env` →
/// `.env(1)`. The real suffix format is undocumented (API.md §7); the brief asks for this one.
pub(crate) fn suffixed(name: &str, n: u32) -> String {
    match name.rfind('.') {
        Some(dot) if dot > 0 => format!("{}({n}){}", &name[..dot], &name[dot..]),
        _ => format!("{name}({n})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(validate("照片 2024 🎉.jpg").is_ok());
        assert!(validate(&"长".repeat(255)).is_ok());
        assert!(validate(&"长".repeat(256)).is_err());
        for bad in [
            "a/b", "a\\b", "a:b", "a*b", "a?b", "a|b", "a>b", "a<b", "a\"b",
        ] {
            assert_eq!(validate(bad), Err(ApiError::bad_name()), "{bad}");
        }
        assert_eq!(validate(""), Err(ApiError::blank_name()));
        assert_eq!(validate("   "), Err(ApiError::blank_name()));
        assert!(validate(" a ").is_ok());
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffixed("a.txt", 1), "a(1).txt");
        assert_eq!(suffixed("a.tar.gz", 2), "a.tar(2).gz");
        assert_eq!(suffixed("a", 1), "a(1)");
        assert_eq!(suffixed(".env", 1), ".env(1)");
    }
}

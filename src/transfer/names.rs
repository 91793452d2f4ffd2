//! Names at the target: the cloud name for a local file (checked, optionally made acceptable
//! with full-width forms), the local name for a cloud file, the "keep both" variants of a local
//! name, and the hidden part file a download or a local copy is written to.
//!
//! Part files are `.<name>.<fileId>.panfm-part` beside the target: hidden, unmistakably
//! panfm's (a user's own `x.part` is never touched), and distinct per cloud file, so two
//! downloads to the same name can't share one. Past the 255-byte name limit they fall back to
//! `.<fileId>.panfm-part`. A copy's part is `.<name>.copy<job>.panfm-part`, by the same rules.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::api::FileId;
use crate::plan::names::{
    MAX_NAME_BYTES, split_extension, to_full_width, validate_cloud_name, validate_local_name,
};

/// The cloud name for local file name `raw`, or why it can't have one.
pub(crate) fn cloud_name(raw: &OsStr, fix: bool) -> Result<String, String> {
    let name = raw
        .to_str()
        .ok_or_else(|| format!("the name {raw:?} is not valid UTF-8"))?;
    match validate_cloud_name(name) {
        Ok(()) => Ok(name.to_owned()),
        // The way to turn fixing on differs by front end: each adds it (see `full_width_fix`).
        Err(e) if !fix => Err(format!("{e}; 123pan refuses it")),
        Err(_) => {
            let fixed = to_full_width(name);
            validate_cloud_name(&fixed)
                .map(|()| fixed)
                .map_err(|e| format!("{e}; even with full-width forms 123pan refuses it"))
        }
    }
}

/// The name `name` would get with full-width forms, when the cloud refuses `name` as it is
/// and would take that form.
pub fn full_width_fix(name: &str) -> Option<String> {
    let fixed = to_full_width(name);
    (validate_cloud_name(name).is_err() && validate_cloud_name(&fixed).is_ok()).then_some(fixed)
}

/// Checks a cloud name for use as a local file name.
pub(crate) fn local_name(name: &str) -> Result<(), String> {
    validate_local_name(name).map_err(|e| format!("{e}; it can't be a local file name"))
}

/// The `n`-th "keep both" variant: `a.txt` → `a (1).txt`, `a` → `a (1)`.
pub(crate) fn keep_both_name(name: &str, n: u32) -> String {
    match split_extension(name, false) {
        (stem, Some(ext)) => format!("{stem} ({n}).{ext}"),
        (stem, None) => format!("{stem} ({n})"),
    }
}

pub(crate) fn part_path(dir: &Path, name: &str, id: FileId) -> PathBuf {
    let full = format!(".{name}.{id}.panfm-part");
    match full.len() <= MAX_NAME_BYTES {
        true => dir.join(full),
        false => dir.join(format!(".{id}.panfm-part")),
    }
}

/// The part file of copy job `job` to `target`.
pub(crate) fn copy_part_path(target: &Path, job: u64) -> PathBuf {
    let dir = target.parent().unwrap_or(Path::new("."));
    let tail = format!(".copy{job}.panfm-part");
    let mut full = std::ffi::OsString::from(".");
    full.push(target.file_name().unwrap_or_default());
    full.push(&tail);
    match full.len() <= MAX_NAME_BYTES {
        true => dir.join(full),
        false => dir.join(tail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_names_are_checked_and_fixed_on_request() {
        assert_eq!(
            cloud_name(OsStr::new("照片 🎉.jpg"), false).unwrap(),
            "照片 🎉.jpg"
        );
        let err = cloud_name(OsStr::new("a:b?.txt"), false).unwrap_err();
        assert!(err.contains("forbidden character"), "{err}");
        assert_eq!(
            cloud_name(OsStr::new("a:b?.txt"), true).unwrap(),
            "a：b？.txt"
        );
        assert!(cloud_name(OsStr::new("   "), true).is_err());
        assert_eq!(full_width_fix("a:b?.txt").as_deref(), Some("a：b？.txt"));
        assert_eq!(full_width_fix("fine.txt"), None, "nothing to fix");
        assert_eq!(full_width_fix("   "), None, "fixing does not help");
        let long = "a".repeat(256);
        assert!(
            cloud_name(OsStr::new(&long), true)
                .unwrap_err()
                .contains("too long")
        );
    }

    #[test]
    fn keep_both_variants() {
        assert_eq!(keep_both_name("a.txt", 1), "a (1).txt");
        assert_eq!(keep_both_name("a.tar.gz", 2), "a.tar (2).gz");
        assert_eq!(keep_both_name("README", 3), "README (3)");
        assert_eq!(keep_both_name(".env", 1), ".env (1)");
    }

    #[test]
    fn part_paths_are_hidden_and_bounded() {
        let p = part_path(Path::new("/d"), "x.bin", 42);
        assert_eq!(p, Path::new("/d/.x.bin.42.panfm-part"));
        let long = "长".repeat(85);
        let p = part_path(Path::new("/d"), &long, 42);
        assert_eq!(p, Path::new("/d/.42.panfm-part"));
        let p = copy_part_path(Path::new("/d/x.bin"), 7);
        assert_eq!(p, Path::new("/d/.x.bin.copy7.panfm-part"));
        let p = copy_part_path(&Path::new("/d").join(&long), 7);
        assert_eq!(p, Path::new("/d/.copy7.panfm-part"));
    }

    #[test]
    fn local_names_refuse_traversal() {
        assert!(local_name("..").is_err());
        assert!(local_name("ok.txt").is_ok());
    }
}

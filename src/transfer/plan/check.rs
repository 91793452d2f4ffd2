//! Checking an upload before it is queued: the walk planning makes (names the cloud forbids,
//! special files, files over the size limit, and for the image space every file it would
//! refuse), with no request, so the question before an upload can list every file that will
//! be refused. Blocking (run it on the blocking pool) and bounded: it stops after a number of
//! entries and says so.

use std::path::Path;

use tokio_util::sync::CancellationToken;

use super::image::refuse_non_images;
use super::local::walk_at_most;
use crate::transfer::TransferSpec;

/// Entries a check looks at before it stops (a walk that large takes a few seconds).
pub const CHECK_LIMIT: usize = 20_000;

/// One entry that will not be sent: its path below the folder the sources are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRefusal {
    pub path: String,
    pub reason: String,
    /// Skipped on purpose (a special file, a link loop) rather than failed.
    pub skip: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UploadCheck {
    /// Files that will be sent, and their bytes.
    pub files: u64,
    pub bytes: u64,
    pub refused: Vec<CheckRefusal>,
    /// The walk stopped at its limit: what lies beyond is checked when the upload starts.
    pub cut: bool,
}

/// Walks the sources of upload `spec` as planning would, looking at `limit` entries at most.
/// `None` for a download or a local copy (nothing the cloud could refuse).
pub fn check_upload(
    spec: &TransferSpec,
    limit: usize,
    cancel: &CancellationToken,
) -> Option<UploadCheck> {
    let (sources, fix, images) = match spec {
        TransferSpec::Upload {
            sources, fix_names, ..
        } => (sources, *fix_names, false),
        TransferSpec::ImageUpload { sources, .. } => (sources, false, true),
        TransferSpec::Download { .. }
        | TransferSpec::LocalCopy { .. }
        | TransferSpec::Offline { .. }
        | TransferSpec::SyncUpload(_)
        | TransferSpec::SyncDownload(_) => return None,
    };
    let mut tree = walk_at_most(sources, fix, limit, cancel);
    if images {
        refuse_non_images(&mut tree);
    }
    let files = tree.dirs.iter().flat_map(|d| &d.files);
    let base = sources.first().and_then(|s| s.parent()).map(Path::to_owned);
    let refused = tree.refused.into_iter().map(|r| CheckRefusal {
        path: below(base.as_deref(), &r.path),
        reason: r.reason,
        skip: r.skip,
    });
    Some(UploadCheck {
        files: files.clone().count() as u64,
        bytes: files.map(|f| f.size).sum(),
        refused: refused.collect(),
        cut: tree.cut,
    })
}

fn below(base: Option<&Path>, path: &Path) -> String {
    base.and_then(|b| path.strip_prefix(b).ok())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    fn upload(sources: Vec<PathBuf>, fix_names: bool) -> TransferSpec {
        TransferSpec::Upload {
            sources,
            dest_dir: 0,
            policy: Default::default(),
            fix_names,
        }
    }

    #[test]
    fn lists_every_refusal_in_the_tree_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("子目录");
        fs::create_dir(&sub).unwrap();
        for (at, name) in [
            (&sub, "q?.txt"),
            (&sub, "ok.txt"),
            (&dir.path().to_owned(), "a:b.txt"),
        ] {
            fs::write(at.join(name), b"12").unwrap();
        }
        let sources = vec![dir.path().join("a:b.txt"), sub.clone()];
        let never = CancellationToken::new();
        let check = check_upload(&upload(sources.clone(), false), 100, &never).unwrap();
        let paths: Vec<&str> = check.refused.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["a:b.txt", "子目录/q?.txt"]);
        assert!(check.refused[0].reason.contains("forbidden character `:`"));
        assert_eq!((check.files, check.bytes, check.cut), (1, 2, false));

        let fixed = check_upload(&upload(sources, true), 100, &never).unwrap();
        assert_eq!((fixed.refused.len(), fixed.files), (0, 3), "{fixed:?}");
    }

    #[test]
    fn stops_at_its_limit_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..10 {
            fs::write(dir.path().join(format!("f{i}")), b"x").unwrap();
        }
        let never = CancellationToken::new();
        let spec = upload(vec![dir.path().to_owned()], false);
        let check = check_upload(&spec, 4, &never).unwrap();
        assert!(check.cut);
        assert_eq!(check.files, 3, "the folder itself counts as an entry");
        assert!(!check_upload(&spec, 100, &never).unwrap().cut);
    }

    #[test]
    fn image_uploads_refuse_what_the_image_space_would() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), b"text").unwrap();
        fs::write(dir.path().join("fake.png"), b"GIF89a....").unwrap();
        let spec = TransferSpec::ImageUpload {
            sources: vec![dir.path().to_owned()],
            dest_dir: String::new(),
            dest_path: "/".into(),
        };
        let check = check_upload(&spec, 100, &CancellationToken::new()).unwrap();
        let name = dir
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut paths: Vec<String> = check.refused.iter().map(|r| r.path.clone()).collect();
        paths.sort();
        assert_eq!(
            paths,
            [format!("{name}/fake.png"), format!("{name}/notes.txt")]
        );
        assert_eq!(check.files, 0);
    }
}

//! Uploading local images into the image space, in two steps. [`plan_upload`] (blocking disk
//! I/O) walks the given files and folders and checks every file up front — a supported
//! image name, at most 100 MiB, content that matches the name — so refusals are known,
//! each with its reason, before anything is sent. [`ImgFs::upload_plan`] then creates the
//! folders the images need (reusing existing ones of the same name) and uploads the images
//! one by one with `Client::upload_image`, collecting per-file failures.

use super::img::ImgFs;
use super::pan::to_fs_error;
use super::{FsErrorKind, ImageDir};
use crate::api::{ImageUploadError, Patience, TimeWindow, check_image};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes of content the signature check reads.
const HEAD: usize = 16;
/// Deepest folder nesting walked below a given folder.
const MAX_DEPTH: usize = 32;

/// One image to upload: where it is, and its folder names below the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadFile {
    pub path: PathBuf,
    pub dirs: Vec<String>,
    pub name: String,
    pub size: u64,
}

impl UploadFile {
    /// `a/b/name.png`, as messages name it.
    pub fn display(&self) -> String {
        let mut parts = self.dirs.clone();
        parts.push(self.name.clone());
        parts.join("/")
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct UploadPlan {
    pub files: Vec<UploadFile>,
    /// `(display path, reason)` of every file or folder that will not be sent.
    pub refused: Vec<(String, String)>,
}

/// Checks `roots` (files, or folders walked recursively) for the image space.
pub fn plan_upload(roots: &[PathBuf]) -> UploadPlan {
    let mut plan = UploadPlan::default();
    for root in roots {
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| root.display().to_string());
        visit(root, &name, Vec::new(), &mut plan);
    }
    plan
}

fn visit(path: &Path, name: &str, dirs: Vec<String>, plan: &mut UploadPlan) {
    let shown = || {
        let mut parts = dirs.clone();
        parts.push(name.to_owned());
        parts.join("/")
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return plan.refused.push((shown(), e.to_string())),
    };
    if meta.is_dir() {
        if dirs.len() >= MAX_DEPTH {
            return plan
                .refused
                .push((shown(), "folders nested too deep".into()));
        }
        let entries = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(Result::ok).collect::<Vec<_>>(),
            Err(e) => return plan.refused.push((shown(), e.to_string())),
        };
        let mut children: Vec<(String, PathBuf)> = entries
            .into_iter()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect();
        children.sort_by_cached_key(|(n, _)| super::natural::sort_key(n));
        let mut inner = dirs.clone();
        inner.push(name.to_owned());
        for (child, child_path) in children {
            visit(&child_path, &child, inner.clone(), plan);
        }
        return;
    }
    if !meta.is_file() {
        return plan.refused.push((shown(), "not a regular file".into()));
    }
    match check_file(path, name, meta.len()) {
        Ok(()) => plan.files.push(UploadFile {
            path: path.to_path_buf(),
            dirs,
            name: name.to_owned(),
            size: meta.len(),
        }),
        Err(why) => plan.refused.push((shown(), why)),
    }
}

/// The image rules for one file: name and size first (no read), then its first bytes
/// (blocking).
pub fn check_file(path: &Path, name: &str, size: u64) -> Result<(), String> {
    check_image(name, size, None).map_err(|e| e.to_string())?;
    let mut head = Vec::with_capacity(HEAD);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEAD as u64).read_to_end(&mut head))
        .map_err(|e| format!("cannot read it: {e}"))?;
    check_image(name, size, Some(&head))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Folder paths below an upload's target → their id, or why they could not be had.
pub type FolderCache = HashMap<Vec<String>, Result<String, String>>;

/// What an upload did: `(display path, image id)` of every image stored, `(display path,
/// reason)` of every failure.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UploadOutcome {
    pub ok: Vec<(String, String)>,
    pub failed: Vec<(String, String)>,
}

impl ImgFs {
    /// Uploads the files of `plan` into `to`, creating their folders as needed. `progress`
    /// gets the number of files dealt with.
    pub async fn upload_plan(
        &self,
        plan: &UploadPlan,
        to: &ImageDir,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> UploadOutcome {
        let mut out = UploadOutcome::default();
        let mut folders = FolderCache::new();
        for (i, file) in plan.files.iter().enumerate() {
            let parent = self.folder(to.id(), &file.dirs, &mut folders).await;
            let result = match parent {
                Ok(parent) => self.upload_one(&parent, file).await,
                Err(why) => Err(why),
            };
            match result {
                Ok(id) => out.ok.push((file.display(), id)),
                Err(why) => out.failed.push((file.display(), why)),
            }
            progress(i + 1);
        }
        self.forget_all();
        out
    }

    async fn upload_one(&self, parent: &str, file: &UploadFile) -> Result<String, String> {
        let bytes = tokio::fs::read(&file.path)
            .await
            .map_err(|e| format!("cannot read it: {e}"))?;
        match self
            .client()
            .upload_image(parent, &file.name, bytes.into(), Patience::UPLOAD_CHECK)
            .await
        {
            Ok(id) => Ok(id),
            Err(ImageUploadError::Refused(r)) => Err(r.to_string()),
            Err(ImageUploadError::Api(e)) => Err(to_fs_error(e).message),
        }
    }

    /// The id of folder `dirs` below folder `root` (`""` = the root), found or made once per
    /// `made` cache; an image of that name in the way is an error.
    pub async fn folder(
        &self,
        root: &str,
        dirs: &[String],
        made: &mut FolderCache,
    ) -> Result<String, String> {
        let mut at = root.to_owned();
        for depth in 1..=dirs.len() {
            let key = dirs[..depth].to_vec();
            if let Some(known) = made.get(&key) {
                at = known.clone()?;
                continue;
            }
            let found = self.find_or_make(&at, &dirs[depth - 1]).await;
            made.insert(key, found.clone());
            at = found?;
        }
        Ok(at)
    }

    async fn find_or_make(&self, parent: &str, name: &str) -> Result<String, String> {
        let existing = self
            .client()
            .image_list_all(parent, TimeWindow::default())
            .await
            .map_err(|e| to_fs_error(e).message)?;
        if let Some(dir) = existing.iter().find(|e| e.is_dir() && e.name == name) {
            return Ok(dir.id.clone());
        }
        if let Some(file) = existing.iter().find(|e| e.name == name) {
            return Err(format!("an image named {} is in the way", file.name));
        }
        match self.mkdir_in(parent, name).await {
            Ok(id) => Ok(id),
            Err(e) if e.kind == FsErrorKind::InvalidName => Err(e.message),
            Err(e) => Err(format!("cannot create folder {name}: {}", e.message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_checks_names_sizes_and_content_up_front() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("pics/sub")).unwrap();
        std::fs::write(root.join("pics/a.png"), b"\x89PNG\r\n\x1a\n0000000").unwrap();
        std::fs::write(root.join("pics/sub/b.gif"), b"GIF89a0000").unwrap();
        std::fs::write(root.join("pics/notes.txt"), b"hello").unwrap();
        std::fs::write(root.join("fake.png"), b"GIF89a0000").unwrap();
        let plan = plan_upload(&[root.join("pics"), root.join("fake.png")]);
        let files: Vec<String> = plan.files.iter().map(UploadFile::display).collect();
        assert_eq!(files, ["pics/a.png", "pics/sub/b.gif"]);
        assert_eq!(plan.refused.len(), 2, "{:?}", plan.refused);
        assert_eq!(plan.refused[0].0, "pics/notes.txt");
        assert!(plan.refused[0].1.contains("not a supported image name"));
        assert_eq!(
            plan.refused[1],
            (
                "fake.png".to_owned(),
                "named as PNG but the content is GIF".to_owned()
            )
        );
    }
}

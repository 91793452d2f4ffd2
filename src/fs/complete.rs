//! Path completion for prompts that take a directory: the directories under the typed text's
//! parent whose names start with its last component. Local completion reads the disk; cloud
//! and image-space completion walk listings with their resolvers (one listing per path
//! component).

use super::img::ImgFs;
use super::pan::PanFs;
use super::resolve::{CloudPath, ImageResolver, Resolver};
use super::{CloudDir, FsError, FsErrorKind};
use std::path::{Path, PathBuf};

/// Names of directories completing `text`, sorted. Blocking.
pub fn local_dirs(text: &str, home: Option<&Path>) -> Vec<String> {
    let expanded = expand_home(text, home);
    let (dir, prefix) = match expanded.rfind('/') {
        Some(i) => (
            PathBuf::from(if i == 0 { "/" } else { &expanded[..i] }),
            &expanded[i + 1..],
        ),
        None => (PathBuf::from("."), expanded.as_str()),
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        return vec![];
    };
    let mut names: Vec<String> = read
        .filter_map(Result::ok)
        .filter(|e| std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && (prefix.starts_with('.') || !n.starts_with('.')))
        .collect();
    names.sort();
    names
}

/// `~` and `~/…` with the home directory.
pub fn expand_home(text: &str, home: Option<&Path>) -> String {
    match (text.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{}{rest}", home.display())
        }
        _ => text.to_owned(),
    }
}

impl PanFs {
    /// Names of cloud directories completing `text` (an absolute cloud path).
    pub async fn complete_dirs(&self, text: &str) -> Vec<String> {
        let (dir, prefix) = match text.rfind('/') {
            Some(i) => (if i == 0 { "/" } else { &text[..i] }, &text[i + 1..]),
            None => return vec![],
        };
        let mut resolver = Resolver::new(self.client().clone());
        let Ok(parent) = resolver.resolve_dir(dir).await else {
            return vec![];
        };
        let Ok(children) = resolver.children(parent.entry.id).await else {
            return vec![];
        };
        let mut names: Vec<String> = children
            .iter()
            .filter(|e| e.is_dir() && !e.trashed && e.name.starts_with(prefix))
            .map(|e| e.name.clone())
            .collect();
        names.sort();
        names
    }

    /// The cloud directory at `text` (`/a/b` or `id:N`), with its full trail.
    pub async fn resolve_path(&self, text: &str) -> Result<CloudDir, FsError> {
        CloudPath::parse(text)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, e.to_string()))?;
        let mut resolver = Resolver::new(self.client().clone());
        let found = resolver
            .resolve_dir(text)
            .await
            .map_err(|e| FsError::new(FsErrorKind::NotFound, e.to_string()))?;
        if found.entry.id == crate::api::ROOT_DIR {
            return Ok(CloudDir::root());
        }
        self.resolve_dir(found.entry.id, &found.entry.name).await
    }
}

impl ImgFs {
    /// Names of image-space folders completing `text` (an absolute image path).
    pub async fn complete_dirs(&self, text: &str) -> Vec<String> {
        let Some(i) = text.rfind('/') else {
            return vec![];
        };
        let (dir, prefix) = (if i == 0 { "/" } else { &text[..i] }, &text[i + 1..]);
        let mut resolver = ImageResolver::new(self.client().clone());
        let Ok(parent) = resolver.resolve_dir(dir).await else {
            return vec![];
        };
        let Ok(children) = resolver.children(&parent.entry.id).await else {
            return vec![];
        };
        let mut names: Vec<String> = children
            .iter()
            .filter(|e| e.is_dir() && e.name.starts_with(prefix))
            .map(|e| e.name.clone())
            .collect();
        names.sort();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_completion_lists_matching_directories() {
        let d = tempfile::tempdir().unwrap();
        for name in ["photos", "photo-old", "projects", ".hidden"] {
            std::fs::create_dir(d.path().join(name)).unwrap();
        }
        std::fs::write(d.path().join("photo.txt"), b"").unwrap();
        let base = d.path().display().to_string();
        assert_eq!(
            local_dirs(&format!("{base}/pho"), None),
            ["photo-old", "photos"]
        );
        assert_eq!(local_dirs(&format!("{base}/."), None), [".hidden"]);
        assert!(local_dirs("/definitely/not/here/x", None).is_empty());
        assert_eq!(expand_home("~/a", Some(Path::new("/home/u"))), "/home/u/a");
        assert_eq!(expand_home("~user", Some(Path::new("/home/u"))), "~user");
    }
}

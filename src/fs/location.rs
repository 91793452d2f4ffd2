//! Where a pane is. Local directories are paths; cloud directories are numeric ids (root `0`)
//! with the trail of names that led there, which is all the breadcrumb needs; image-space
//! folders are the same with string ids (root `""`).

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Location {
    Local(PathBuf),
    Cloud(CloudDir),
    /// Results of a drive-wide cloud search (`searchData`); not a real directory.
    Search(CloudSearch),
    /// The cloud recycle bin.
    Trash,
    /// A folder of the image-hosting space (图床).
    Images(ImageDir),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CloudSearch {
    pub query: String,
    /// Exact full-name match (`searchMode=1`) instead of fuzzy.
    pub exact: bool,
}

/// A folder of the drive or the image space: the `(id, name)` of every folder from the root
/// down; empty = root.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct Trail<Id> {
    pub trail: Vec<(Id, String)>,
}

/// A cloud directory; the root's id is `0`.
pub type CloudDir = Trail<i64>;
/// A folder of the image space; the root's id is spelt `""` in requests.
pub type ImageDir = Trail<String>;

impl<Id: Clone + Default> Trail<Id> {
    pub fn root() -> Self {
        Self::default()
    }

    pub fn child(&self, id: impl Into<Id>, name: &str) -> Self {
        let mut trail = self.trail.clone();
        trail.push((id.into(), name.to_owned()));
        Self { trail }
    }

    pub fn parent(&self) -> Option<Self> {
        let mut trail = self.trail.clone();
        trail.pop()?;
        Some(Self { trail })
    }

    /// Absolute path like `/照片/2024`; `/` for the root.
    pub fn path(&self) -> String {
        if self.trail.is_empty() {
            return "/".into();
        }
        self.trail.iter().map(|(_, n)| format!("/{n}")).collect()
    }
}

impl CloudDir {
    pub fn id(&self) -> i64 {
        self.trail.last().map_or(0, |(id, _)| *id)
    }
}

impl ImageDir {
    pub fn id(&self) -> &str {
        self.trail.last().map_or("", |(id, _)| id.as_str())
    }
}

impl Location {
    pub fn parent(&self) -> Option<Location> {
        match self {
            Location::Local(p) => p.parent().map(|p| Location::Local(p.to_path_buf())),
            Location::Cloud(d) => d.parent().map(Location::Cloud),
            Location::Search(_) | Location::Trash => None,
            Location::Images(d) => d.parent().map(Location::Images),
        }
    }

    /// Human-readable path for headers and messages.
    pub fn display(&self) -> String {
        match self {
            Location::Local(p) => p.to_string_lossy().into_owned(),
            Location::Cloud(d) => d.path(),
            Location::Search(s) if s.exact => format!("search ={}", s.query),
            Location::Search(s) => format!("search {}", s.query),
            Location::Trash => "trash".to_owned(),
            Location::Images(d) => d.path(),
        }
    }

    pub fn local_path(&self) -> Option<PathBuf> {
        match self {
            Location::Local(p) => Some(p.clone()),
            _ => None,
        }
    }

    /// True for every location served by the cloud drive (directories and searches); the
    /// image space is not the drive.
    pub fn is_cloud(&self) -> bool {
        matches!(
            self,
            Location::Cloud(_) | Location::Search(_) | Location::Trash
        )
    }

    pub fn is_images(&self) -> bool {
        matches!(self, Location::Images(_))
    }

    /// The name of this directory inside its parent (what to put the cursor on after "parent").
    pub fn leaf_key(&self) -> Option<crate::fs::EntryKey> {
        match self {
            Location::Local(p) => p
                .file_name()
                .map(|n| crate::fs::EntryKey::Local(n.to_owned())),
            Location::Cloud(d) => d
                .trail
                .last()
                .map(|(id, _)| crate::fs::EntryKey::Cloud(*id)),
            Location::Images(d) => d
                .trail
                .last()
                .map(|(id, _)| crate::fs::EntryKey::Image(id.clone())),
            Location::Search(_) | Location::Trash => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_paths() {
        let root = CloudDir::root();
        assert_eq!(root.path(), "/");
        assert_eq!(root.id(), 0);
        let d = root.child(7, "照片").child(9, "2024");
        assert_eq!(d.path(), "/照片/2024");
        assert_eq!(d.id(), 9);
        assert_eq!(d.parent().unwrap().path(), "/照片");
        assert!(root.parent().is_none());
    }

    #[test]
    fn image_paths() {
        let root = ImageDir::root();
        assert_eq!((root.path().as_str(), root.id()), ("/", ""));
        let d = root.child("yk6b", "blog").child("q9z", "2024");
        assert_eq!((d.path().as_str(), d.id()), ("/blog/2024", "q9z"));
        let loc = Location::Images(d);
        assert_eq!(loc.display(), "/blog/2024");
        assert_eq!(
            loc.leaf_key(),
            Some(crate::fs::EntryKey::Image("q9z".into()))
        );
        assert_eq!(
            loc.parent(),
            Some(Location::Images(root.child("yk6b", "blog")))
        );
        assert!(loc.is_images() && !loc.is_cloud());
    }
}

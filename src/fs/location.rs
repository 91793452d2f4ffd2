//! Where a pane is. Local directories are paths; cloud directories are numeric ids (root `0`)
//! with the trail of names that led there, which is all the breadcrumb needs.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Location {
    Local(PathBuf),
    Cloud(CloudDir),
    /// Results of a drive-wide cloud search (`searchData`); not a real directory.
    Search(CloudSearch),
    /// The cloud recycle bin.
    Trash,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CloudSearch {
    pub query: String,
    /// Exact full-name match (`searchMode=1`) instead of fuzzy.
    pub exact: bool,
}

/// A cloud directory: the `(id, name)` of every directory from the root down; empty = root.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct CloudDir {
    pub trail: Vec<(i64, String)>,
}

impl CloudDir {
    pub fn root() -> Self {
        Self::default()
    }

    pub fn id(&self) -> i64 {
        self.trail.last().map_or(0, |(id, _)| *id)
    }

    pub fn child(&self, id: i64, name: &str) -> Self {
        let mut trail = self.trail.clone();
        trail.push((id, name.to_owned()));
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

impl Location {
    pub fn parent(&self) -> Option<Location> {
        match self {
            Location::Local(p) => p.parent().map(|p| Location::Local(p.to_path_buf())),
            Location::Cloud(d) => d.parent().map(Location::Cloud),
            Location::Search(_) | Location::Trash => None,
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
        }
    }

    pub fn local_path(&self) -> Option<PathBuf> {
        match self {
            Location::Local(p) => Some(p.clone()),
            _ => None,
        }
    }

    /// True for every location served by the cloud drive (directories and searches).
    pub fn is_cloud(&self) -> bool {
        matches!(
            self,
            Location::Cloud(_) | Location::Search(_) | Location::Trash
        )
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
}

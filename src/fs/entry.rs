//! One row of a listing, backend-neutral. Sizes in bytes, times in Unix seconds (UTC).

use super::natural;
use std::ffi::OsString;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Dir,
    File,
    /// A symbolic link; `to_dir` when it resolves to a directory (it can be entered).
    Symlink {
        to_dir: bool,
    },
}

/// Stable identity of an entry inside its directory: what marks and cursor restoration key on.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EntryKey {
    /// The raw file name, which may not be UTF-8.
    Local(OsString),
    Cloud(i64),
    /// An image-space item's string id.
    Image(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: EntryKey,
    /// Display name; non-UTF-8 bytes are shown escaped (`\xFF`).
    pub name: String,
    pub kind: EntryKind,
    pub size: u64,
    pub mtime: Option<i64>,
    /// Lowercase hex MD5 when the backend knows it (cloud files).
    pub etag: Option<String>,
    pub hidden: bool,
    /// The server refuses to serve it (rejected by review, blocked): listed but unusable.
    pub blocked: bool,
    /// [`natural::sort_key`] of `name`, computed where the entry is made (off the UI thread).
    pub sort_key: Box<[u8]>,
    /// The id of the cloud folder it is in (cloud entries): search results and the trash
    /// gather entries from many folders and show each one's.
    pub parent: Option<i64>,
}

impl Entry {
    /// An entry named `name`; hidden when the name starts with a dot.
    pub fn new(
        key: EntryKey,
        name: String,
        kind: EntryKind,
        size: u64,
        mtime: Option<i64>,
    ) -> Self {
        Self {
            sort_key: natural::sort_key(&name),
            hidden: name.starts_with('.'),
            blocked: false,
            key,
            name,
            kind,
            size,
            mtime,
            etag: None,
            parent: None,
        }
    }

    /// An entry of a cloud listing: the name made safe to show, the etag kept when there is one.
    pub fn remote(
        key: EntryKey,
        name: &str,
        is_dir: bool,
        size: u64,
        mtime: Option<i64>,
        etag: &str,
    ) -> Self {
        let kind = if is_dir {
            EntryKind::Dir
        } else {
            EntryKind::File
        };
        let mut e = Self::new(key, super::local::sanitize_name(name), kind, size, mtime);
        e.etag = (!etag.is_empty()).then(|| etag.to_owned());
        e
    }

    /// The same entry under another name (a rename), its sort key and hidden flag to match.
    pub fn with_name(mut self, name: String) -> Self {
        self.sort_key = natural::sort_key(&name);
        self.hidden = name.starts_with('.');
        self.name = name;
        self
    }

    pub fn is_dir(&self) -> bool {
        matches!(
            self.kind,
            EntryKind::Dir | EntryKind::Symlink { to_dir: true }
        )
    }

    /// The extension used for sorting: text after the last dot, not counting a leading dot.
    pub fn extension(&self) -> &str {
        match self.name.rfind('.') {
            Some(i) if i > 0 && !self.is_dir() => &self.name[i + 1..],
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> Entry {
        Entry::new(
            EntryKey::Local(name.into()),
            name.into(),
            EntryKind::File,
            0,
            None,
        )
    }

    #[test]
    fn extension_ignores_leading_dot_and_dirs() {
        assert_eq!(file("a.tar.gz").extension(), "gz");
        assert_eq!(file(".bashrc").extension(), "");
        assert_eq!(file("README").extension(), "");
        let mut d = file("x.d");
        d.kind = EntryKind::Dir;
        assert_eq!(d.extension(), "");
    }
}

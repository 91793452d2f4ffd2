//! Sort order of a listing: directories first, then by the chosen key, ties broken by natural
//! name order and finally by identity so the order is total and stable across refreshes.

use crate::fs::Entry;
use crate::fs::natural::natural_cmp;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Size,
    Mtime,
    Extension,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SortSpec {
    pub key: SortKey,
    pub reverse: bool,
}

impl SortSpec {
    pub fn compare(&self, a: &Entry, b: &Entry) -> Ordering {
        let dirs = b.is_dir().cmp(&a.is_dir());
        if dirs != Ordering::Equal {
            return dirs;
        }
        let primary = match self.key {
            SortKey::Name => Ordering::Equal,
            // Largest and newest first feel natural; `reverse` flips it.
            SortKey::Size => b.size.cmp(&a.size),
            SortKey::Mtime => b.mtime.cmp(&a.mtime),
            SortKey::Extension => natural_cmp(a.extension(), b.extension()),
        };
        let ord = primary
            .then_with(|| a.sort_key.cmp(&b.sort_key))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.key.cmp(&b.key));
        if self.reverse { ord.reverse() } else { ord }
    }

    /// Short label for the column header, e.g. `name↑`.
    pub fn label(&self) -> &'static str {
        match (self.key, self.reverse) {
            (SortKey::Name, false) => "name↑",
            (SortKey::Name, true) => "name↓",
            (SortKey::Size, false) => "size↓",
            (SortKey::Size, true) => "size↑",
            (SortKey::Mtime, false) => "mtime↓",
            (SortKey::Mtime, true) => "mtime↑",
            (SortKey::Extension, false) => "ext↑",
            (SortKey::Extension, true) => "ext↓",
        }
    }
}

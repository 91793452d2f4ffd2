//! What a read gives the panel: a file's head, classified as the viewer does (text in its
//! detected encoding, binary, an image with its pixel dimensions) and held in a
//! [`Viewer`](crate::app::viewer::Viewer) over just those bytes, so the panel draws its rows
//! with the viewer's own wrapping and hex dump; and a folder's first entries with counts.

use crate::app::viewer::{Geometry, Screen, Viewer};
use crate::fs::Entry;
use crate::fs::read::{Kind, Source, sniff};

#[derive(Debug, Clone)]
pub struct Head {
    pub kind: Kind,
    /// Bytes the read brought.
    pub read: u64,
    /// They are the whole file.
    pub whole: bool,
    view: Box<Viewer>,
}

impl Head {
    /// The head of a file of `size` bytes whose first bytes are `bytes`.
    pub fn new(name: &str, source: Source, bytes: &[u8], size: u64) -> Self {
        let whole = bytes.len() as u64 >= size;
        let kind = sniff::sniff(bytes, whole);
        // A cut text ends at its last full line, so no character is split.
        let shown = match (kind, whole) {
            (Kind::Text(_), false) => match bytes.iter().rposition(|&b| b == b'\n') {
                Some(at) => &bytes[..=at],
                None => bytes,
            },
            _ => bytes,
        };
        let held = bytes::Bytes::copy_from_slice(shown);
        let mut view = Viewer::new(0, name.to_owned(), source, held.len() as u64);
        view.windows.insert(0, &held);
        view.kind = Some(kind);
        view.hex = !matches!(kind, Kind::Text(_));
        Self {
            kind,
            read: bytes.len() as u64,
            whole,
            view: Box::new(view),
        }
    }

    /// The encoding text is shown in.
    pub fn encoding(&self) -> &'static sniff::Encoding {
        self.view.encoding()
    }

    /// The rows of `width` × `rows` cells, wrapped (text) or a hex dump (anything else).
    pub fn rows(&self, width: usize, rows: usize) -> Screen {
        let geo = Geometry {
            width: width.max(1),
            rows,
            gutter: 0,
        };
        self.view.screen(geo)
    }
}

/// A folder's first entries and what they add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// The first [`super::SHOWN_ENTRIES`] in name order, folders first.
    pub entries: Vec<Entry>,
    pub dirs: usize,
    pub files: usize,
    /// Bytes of the files counted.
    pub bytes: u64,
    /// Every entry was counted (else the counts are of the first ones only).
    pub complete: bool,
}

impl Folder {
    /// From entries listed (`complete`: all of them), hidden ones left out unless `hidden`.
    pub fn new(mut entries: Vec<Entry>, complete: bool, hidden: bool) -> Self {
        entries.retain(|e| hidden || !e.hidden);
        let dirs = entries.iter().filter(|e| e.is_dir()).count();
        let bytes = entries.iter().filter(|e| !e.is_dir()).map(|e| e.size).sum();
        let sort = crate::app::SortSpec::default();
        entries.sort_by(|a, b| sort.compare(a, b));
        let files = entries.len() - dirs;
        entries.truncate(super::SHOWN_ENTRIES);
        Self {
            entries,
            dirs,
            files,
            bytes,
            complete,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{dir, file};

    #[test]
    fn a_cut_text_ends_at_its_last_full_line() {
        let text = "第一行\n第二行\n第三".as_bytes();
        let h = Head::new("t.txt", Source::Cloud(1), text, 1000);
        assert!(!h.whole && h.read == text.len() as u64);
        let rows = h.rows(20, 10);
        let lines: Vec<String> = rows
            .rows
            .iter()
            .map(|r| r.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect();
        assert_eq!(lines, vec!["第一行", "第二行"]);
        let whole = Head::new("t.txt", Source::Cloud(1), text, text.len() as u64);
        assert!(whole.whole);
        assert_eq!(whole.rows(20, 10).rows.len(), 3);
    }

    #[test]
    fn folders_count_and_sort() {
        let entries = vec![file("b", 10), dir("z"), file(".h", 5), file("a", 1)];
        let f = Folder::new(entries.clone(), true, false);
        let names: Vec<&str> = f.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["z", "a", "b"]);
        assert_eq!((f.dirs, f.files, f.bytes), (1, 2, 11));
        assert_eq!(Folder::new(entries, false, true).files, 3);
    }
}

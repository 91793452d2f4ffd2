//! Text and JSON shapes shared by the commands: tables aligned by display width (CJK and emoji
//! take two cells), sizes, times, and the JSON object of one drive item.
//!
//! JSON times are RFC 3339 in UTC (`2024-03-15T02:00:00+00:00`); human times are local
//! (`2024-03-15 10:00`). Human output escapes control characters in names; JSON carries them as
//! they are.

use crate::api::{FileEntry, FileKind};
use crate::fs::local::sanitize_name;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

/// Rows of cells printed with every column but the last padded to its widest cell.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
    /// Columns aligned to the right (numbers).
    right: Vec<usize>,
}

impl Table {
    pub fn new(right_aligned: &[usize]) -> Self {
        Self {
            rows: Vec::new(),
            right: right_aligned.to_vec(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; columns];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
                let last = i + 1 == row.len();
                match (self.right.contains(&i), last) {
                    (true, _) => line.extend([pad.as_str(), cell]),
                    (false, true) => line.push_str(cell),
                    (false, false) => line.extend([cell.as_str(), pad.as_str()]),
                }
                if !last {
                    line.push_str("  ");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// `0 B`, `1.50 KiB`, `12.30 MiB`.
pub fn size(bytes: u64) -> String {
    indicatif::HumanBytes(bytes).to_string()
}

/// Local time `2024-03-15 10:00`, or `-`.
pub fn local_time(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| {
        t.with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    })
    .unwrap_or_else(|| "-".to_owned())
}

pub fn iso(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, |t| {
        Value::String(t.to_rfc3339_opts(SecondsFormat::Secs, false))
    })
}

/// The name for humans: control characters escaped, `/` after folders.
pub fn display_name(e: &FileEntry) -> String {
    shown_name(&e.name, e.is_dir())
}

/// [`display_name`] of any item, drive or image space.
pub fn shown_name(name: &str, is_dir: bool) -> String {
    let name = sanitize_name(name);
    match is_dir {
        true => format!("{name}/"),
        false => name,
    }
}

/// `"file"` or `"dir"`.
pub fn kind(e: &FileEntry) -> &'static str {
    match e.kind {
        FileKind::File => "file",
        FileKind::Dir => "dir",
    }
}

/// Rejected by review or blocked: listed, but the server will not serve it.
pub fn blocked(e: &FileEntry) -> bool {
    e.is_rejected() || e.punished
}

/// The JSON object of one item. `path` is where it is (or was, for trashed items).
pub fn entry_json(e: &FileEntry, path: &str) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "path": path,
        "type": kind(e),
        "size": e.size,
        "etag": e.etag,
        "parentId": e.parent_id,
        "createdAt": iso(e.created_at),
        "updatedAt": iso(e.updated_at),
        "blocked": blocked(e),
        "trashed": e.trashed,
    })
}

/// Folders first, then natural name order (`file2` before `file10`), as the panes sort.
pub fn sort_entries(entries: &mut [FileEntry]) {
    entries.sort_by_cached_key(|e| (!e.is_dir(), crate::fs::natural::sort_key(&e.name), e.id));
}

/// `1 item`, `3 items`.
pub fn items(n: usize) -> String {
    count(n, "item")
}

/// `1 file`, `0 files`: `noun` with an English plural `s`.
pub fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_display_width() {
        let mut t = Table::new(&[1]);
        t.row(vec!["春节 🎉".into(), "5".into(), "x".into()]);
        t.row(vec!["ab".into(), "1234".into(), "y".into()]);
        assert_eq!(t.render(), "春节 🎉     5  x\nab       1234  y\n");
    }

    #[test]
    fn plural_items() {
        assert_eq!(items(1), "1 item");
        assert_eq!(items(0), "0 items");
    }
}

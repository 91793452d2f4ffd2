//! The local file system backend. Listing runs on a blocking thread and hands entries over in
//! growing pages, stopping early when the receiver is gone. Names are kept raw in [`EntryKey::Local`] and shown escaped.

use super::{Entry, EntryKey, EntryKind, FsError};
use std::ffi::OsStr;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Pages double from `FIRST_PAGE` to `MAX_PAGE`: the first paints at once, and a huge
/// directory arrives in a few large pages, keeping the UI's merge work near O(n log n).
const FIRST_PAGE: usize = 256;
const MAX_PAGE: usize = 16384;

/// Lists `dir`, calling `on_page` with each page; `on_page` returns `false` to stop. Blocking.
pub fn list_dir(dir: &Path, mut on_page: impl FnMut(Vec<Entry>) -> bool) -> Result<(), FsError> {
    let context = || dir.display().to_string();
    let read = std::fs::read_dir(dir).map_err(|e| FsError::io(&context(), &e))?;
    let mut page = Vec::with_capacity(FIRST_PAGE);
    let mut limit = FIRST_PAGE;
    for item in read {
        let Ok(item) = item else { continue };
        page.push(entry_from(&item));
        if page.len() >= limit {
            if !on_page(std::mem::take(&mut page)) {
                return Ok(());
            }
            limit = (limit * 2).min(MAX_PAGE);
            page.reserve(limit);
        }
    }
    on_page(page);
    Ok(())
}

fn entry_from(item: &std::fs::DirEntry) -> Entry {
    let raw = item.file_name();
    let name = display_name(&raw);
    let meta = item.metadata().ok();
    let kind = match &meta {
        Some(m) if m.is_dir() => EntryKind::Dir,
        Some(m) if m.file_type().is_symlink() => EntryKind::Symlink {
            to_dir: std::fs::metadata(item.path()).is_ok_and(|t| t.is_dir()),
        },
        _ => EntryKind::File,
    };
    let size = match kind {
        EntryKind::File => meta.as_ref().map_or(0, |m| m.len()),
        _ => 0,
    };
    let mtime = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_secs()).ok());
    Entry::new(EntryKey::Local(raw), name, kind, size, mtime)
}

/// A name safe to draw: invalid UTF-8 bytes become `\xNN`, control characters are escaped so a
/// hostile name can't inject terminal sequences.
pub fn display_name(raw: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in raw.as_bytes().utf8_chunks() {
            push_escaped(&mut out, chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        let mut out = String::new();
        push_escaped(&mut out, &raw.to_string_lossy());
        out
    }
}

/// Escapes control characters in an otherwise valid name (also used for cloud names).
pub fn sanitize_name(name: &str) -> String {
    if !name.chars().any(char::is_control) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len() + 8);
    push_escaped(&mut out, name);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_pages_with_kinds_and_sizes() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..300 {
            std::fs::write(dir.path().join(format!("f{i}")), b"abc").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join(".hidden"), b"").unwrap();
        let mut pages = vec![];
        list_dir(dir.path(), |p| {
            pages.push(p);
            true
        })
        .unwrap();
        assert_eq!(pages[0].len(), FIRST_PAGE);
        let all: Vec<Entry> = pages.into_iter().flatten().collect();
        assert_eq!(all.len(), 302);
        let sub = all.iter().find(|e| e.name == "sub").unwrap();
        assert_eq!(sub.kind, EntryKind::Dir);
        assert!(all.iter().find(|e| e.name == ".hidden").unwrap().hidden);
        assert_eq!(all.iter().find(|e| e.name == "f7").unwrap().size, 3);
    }

    #[test]
    fn stops_when_receiver_declines() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..600 {
            std::fs::write(dir.path().join(format!("f{i}")), b"").unwrap();
        }
        let mut calls = 0;
        list_dir(dir.path(), |_| {
            calls += 1;
            false
        })
        .unwrap();
        assert_eq!(calls, 1);
    }

    #[test]
    fn missing_dir_is_not_found() {
        let err = list_dir(Path::new("/definitely/not/here"), |_| true).unwrap_err();
        assert_eq!(err.kind, super::super::FsErrorKind::NotFound);
    }

    #[cfg(unix)]
    #[test]
    fn hostile_names_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(display_name(OsStr::from_bytes(b"a\xffb")), "a\\xFFb");
        assert_eq!(display_name(OsStr::new("x\x1b[31m\n")), "x\\u{1b}[31m\\n");
        assert_eq!(display_name(OsStr::new("照片 🎉")), "照片 🎉");
    }
}

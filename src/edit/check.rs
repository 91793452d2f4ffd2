//! Whether an edit changed anything, and whether the cloud file is still the one opened. A
//! save is judged by the copy's MD5 against the cloud file's etag (which the download
//! verified), never by its modification time: an editor that rewrites the same bytes changed
//! nothing.

use super::Editor;
use crate::api::{FileEntry, FileId};
use crate::transfer::CloudItem;
use md5_lanes::Md5;
use std::io::Read;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSum {
    /// Lowercase hex.
    pub md5: String,
    pub size: u64,
}

/// Reads `path` once for its MD5 and length.
pub fn sum(path: &Path) -> std::io::Result<FileSum> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let size = hasher.bytes();
    Ok(FileSum {
        md5: hasher.hex(),
        size,
    })
}

/// How the editor left a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed {
    /// `Err`: the editor could not start or exited with a failure.
    pub editor: Result<(), String>,
    /// The file's sum afterwards, when asked for (a cloud file's copy).
    pub after: Option<Result<FileSum, String>>,
}

impl Closed {
    /// Runs `editor` on `file` and waits; with `hash`, sums the file afterwards. Blocking.
    pub fn run(editor: &Editor, file: &Path, hash: bool) -> Closed {
        let result = editor.open(file);
        let after = hash.then(|| sum(file).map_err(|e| e.to_string()));
        Closed {
            editor: result,
            after,
        }
    }
}

/// What follows an edit of a cloud file's copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterEdit {
    /// The bytes are those opened: nothing to upload. `editor`: its failure, if it failed.
    Unchanged { editor: Option<String> },
    /// Saved with a change: check the cloud file, then upload.
    Changed(FileSum),
    /// Upload nothing and keep the copy: why (the editor failed after a change, or the copy
    /// can't be read).
    Keep(String),
}

/// Judges `closed` against the MD5 the copy had when it was opened.
pub fn after_edit(closed: &Closed, opened_md5: &str) -> AfterEdit {
    let sum = match &closed.after {
        None => {
            return AfterEdit::Unchanged {
                editor: closed.editor.clone().err(),
            };
        }
        Some(Err(e)) => return AfterEdit::Keep(format!("the edited copy can't be read: {e}")),
        Some(Ok(sum)) => sum,
    };
    if sum.md5.eq_ignore_ascii_case(opened_md5) {
        return AfterEdit::Unchanged {
            editor: closed.editor.clone().err(),
        };
    }
    match &closed.editor {
        Ok(()) => AfterEdit::Changed(sum.clone()),
        Err(why) => AfterEdit::Keep(why.clone()),
    }
}

/// Why the cloud file is no longer the one opened as `opened` in folder `parent`, or `None`
/// when it still is. `now` is what the drive answers for its id now (`None`: it doesn't know
/// it any more).
pub fn drift(opened: &CloudItem, parent: FileId, now: Option<&FileEntry>) -> Option<String> {
    let Some(now) = now else {
        return Some("it was deleted or replaced (the drive no longer knows its id)".to_owned());
    };
    if now.trashed {
        return Some("it was moved to the trash".to_owned());
    }
    if now.parent_id != parent || now.name != opened.name {
        return Some(format!("it was moved or renamed (now {})", now.name));
    }
    if !now.etag.eq_ignore_ascii_case(&opened.etag) {
        return Some(format!(
            "its content changed ({} bytes, MD5 {} when opened; now {} bytes, MD5 {})",
            opened.size, opened.etag, now.size, now.etag
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Category, FileKind};

    const EMPTY_MD5: &str = "d41d8cd98f00b204e9800998ecf8427e";

    fn closed(editor: Result<(), &str>, md5: Option<&str>) -> Closed {
        Closed {
            editor: editor.map_err(str::to_owned),
            after: md5.map(|m| {
                Ok(FileSum {
                    md5: m.to_owned(),
                    size: 3,
                })
            }),
        }
    }

    #[test]
    fn sums_are_md5_and_length() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"").unwrap();
        assert_eq!(
            sum(&file).unwrap(),
            FileSum {
                md5: EMPTY_MD5.to_owned(),
                size: 0
            }
        );
        std::fs::write(&file, b"abc").unwrap();
        assert_eq!(sum(&file).unwrap().md5, "900150983cd24fb0d6963f7d28e17f72");
        assert!(sum(&dir.path().join("gone")).is_err());
    }

    #[test]
    fn only_a_different_md5_is_a_change() {
        let same = after_edit(&closed(Ok(()), Some("ABC")), "abc");
        assert_eq!(same, AfterEdit::Unchanged { editor: None });
        let changed = after_edit(&closed(Ok(()), Some("def")), "abc");
        assert!(matches!(changed, AfterEdit::Changed(s) if s.md5 == "def"));
        let failed = after_edit(&closed(Err("vi exited with 1"), Some("abc")), "abc");
        assert_eq!(
            failed,
            AfterEdit::Unchanged {
                editor: Some("vi exited with 1".into())
            }
        );
        let kept = after_edit(&closed(Err("vi exited with 1"), Some("def")), "abc");
        assert_eq!(kept, AfterEdit::Keep("vi exited with 1".into()));
        let unreadable = Closed {
            editor: Ok(()),
            after: Some(Err("permission denied".into())),
        };
        assert!(
            matches!(after_edit(&unreadable, "abc"), AfterEdit::Keep(w) if w.contains("permission denied"))
        );
    }

    #[test]
    fn drift_names_what_changed() {
        let opened = CloudItem {
            id: 5,
            name: "a.md".into(),
            is_dir: false,
            size: 3,
            etag: "abc".into(),
            modified: None,
        };
        let mut now = FileEntry {
            id: 5,
            name: "a.md".into(),
            parent_id: 9,
            kind: FileKind::File,
            size: 3,
            etag: "ABC".into(),
            category: Category::Unknown,
            status: 0,
            punished: false,
            trashed: false,
            created_at: None,
            updated_at: None,
        };
        assert_eq!(drift(&opened, 9, Some(&now)), None);
        assert_eq!(
            drift(&opened, 9, None).unwrap(),
            "it was deleted or replaced (the drive no longer knows its id)"
        );
        assert!(
            drift(&opened, 8, Some(&now))
                .unwrap()
                .contains("moved or renamed")
        );
        now.etag = "def".into();
        now.size = 4;
        let why = drift(&opened, 9, Some(&now)).unwrap();
        assert!(why.contains("now 4 bytes, MD5 def"), "{why}");
        now.trashed = true;
        assert_eq!(
            drift(&opened, 9, Some(&now)).unwrap(),
            "it was moved to the trash"
        );
    }
}

//! Bookmarks: folders remembered under one-key names (`B` then a key adds, `'` then a key
//! goes), kept in `bookmarks.toml` in the config directory. A folder is written as panfm reads
//! paths back: an absolute local path, `cloud:/…`, `images:/…`. A file that cannot be read is
//! left alone: the session starts without its bookmarks and refuses to add any, so saving
//! never replaces what the user wrote.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bookmarks {
    pub marks: BTreeMap<char, String>,
    /// Why the file could not be read; while set, nothing is saved over it.
    pub broken: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    bookmarks: BTreeMap<String, String>,
}

const HEADER: &str = "# panfm bookmarks: a key and the folder it goes to (a local path, \
                      cloud:/…, images:/…).\n# panfm rewrites this file when bookmarks change.\n\n";

impl Bookmarks {
    /// The bookmarks in `text` (from `origin`, named in errors).
    pub fn parse(text: &str, origin: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start.min(text.len()));
            let line = text.get(..at).unwrap_or_default().matches('\n').count() + 1;
            format!("{origin}:{line}: {}", e.message().trim())
        })?;
        let mut marks = BTreeMap::new();
        for (key, path) in file.bookmarks {
            let mut chars = key.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return Err(format!(
                    "{origin}: bookmark `{key}`: a bookmark's name is one key (one character)"
                ));
            };
            if path.trim().is_empty() {
                return Err(format!("{origin}: bookmark `{key}` has no folder"));
            }
            marks.insert(c, path);
        }
        Ok(Self {
            marks,
            broken: None,
        })
    }

    /// The rows of the bookmarks popup: each bookmark `(Some(key), folder)` in key order, then
    /// the recent folders not bookmarked `(None, folder)`, newest first.
    pub fn rows<'a>(&'a self, recent: &'a super::recent::Recent) -> Vec<(Option<char>, &'a str)> {
        let mut rows: Vec<(Option<char>, &str)> = self
            .marks
            .iter()
            .map(|(k, p)| (Some(*k), p.as_str()))
            .collect();
        rows.extend(
            recent
                .places
                .iter()
                .filter(|p| !self.marks.values().any(|m| m == *p))
                .map(|p| (None, p.as_str())),
        );
        rows
    }

    pub fn to_toml(&self) -> String {
        let file = File {
            bookmarks: self
                .marks
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        };
        let body = toml::to_string(&file).unwrap_or_default();
        format!("{HEADER}{body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_toml_with_any_one_key() {
        let mut b = Bookmarks::default();
        b.marks.insert('a', "cloud:/备份/2024".into());
        b.marks.insert('\'', "/home/u/dl".into());
        b.marks.insert('"', "images:/blog".into());
        let text = b.to_toml();
        assert!(text.starts_with("# panfm bookmarks"), "{text}");
        assert_eq!(Bookmarks::parse(&text, "b.toml").unwrap(), b);
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let err = Bookmarks::parse("[bookmarks]\nab = \"/x\"\n", "b.toml").unwrap_err();
        assert!(err.contains("b.toml") && err.contains("`ab`"), "{err}");
        let err = Bookmarks::parse("[bookmarks]\nx = 3\n", "b.toml").unwrap_err();
        assert!(err.starts_with("b.toml:2: "), "{err}");
        let err = Bookmarks::parse("[marks]\n", "b.toml").unwrap_err();
        assert!(err.contains("marks"), "{err}");
        assert_eq!(
            Bookmarks::parse("", "b.toml").unwrap(),
            Bookmarks::default()
        );
    }
}

//! Image-space paths (`/blog/2024/cover.png`) to items, by walking image listings from the
//! root (`""`), each folder listed at most once per resolver unless forgotten after a change.
//! Names match exactly; `.` is skipped and `..` goes up lexically, as for drive paths. The
//! image space has no id form in paths: its ids are long opaque strings nobody types.

use crate::api::{self, ApiError, FileKind, IMAGE_ROOT, ImageEntry, TimeWindow};
use crate::fs::ImageDir;
use std::collections::HashMap;
use std::sync::Arc;

use super::path::join;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImagePathError {
    #[error("invalid image path `{0}`: start it with / (like /blog/2024)")]
    Syntax(String),
    #[error("no such image or folder: {path} ({name} not found in {parent})")]
    NotFound {
        path: String,
        name: String,
        parent: String,
    },
    #[error("not a folder: {0}")]
    NotADir(String),
    #[error("{path} is ambiguous: {count} items have that name")]
    Ambiguous { path: String, count: usize },
    #[error("{0}")]
    Api(ApiError),
}

/// An item found by a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedImage {
    pub entry: ImageEntry,
    /// `/blog/cover.png`; `/` for the root.
    pub path: String,
    /// The `(id, name)` of every folder from the root down to the item itself.
    pub trail: Vec<(String, String)>,
}

impl ResolvedImage {
    pub fn child_path(&self, name: &str) -> String {
        join(&self.path, name)
    }

    /// The item as a folder location (meaningful for folders).
    pub fn dir(&self) -> ImageDir {
        ImageDir {
            trail: self.trail.clone(),
        }
    }

    /// The id of the folder the item is in (`""` for the root's items and the root).
    pub fn parent_id(&self) -> &str {
        match self.trail.len() {
            0 | 1 => IMAGE_ROOT,
            n => &self.trail[n - 2].0,
        }
    }
}

/// The root folder as an entry (the API has none to return).
pub fn image_root() -> ImageEntry {
    ImageEntry {
        id: IMAGE_ROOT.to_owned(),
        name: String::new(),
        parent_id: IMAGE_ROOT.to_owned(),
        parent_name: String::new(),
        kind: FileKind::Dir,
        size: 0,
        etag: String::new(),
        extension: String::new(),
        status: 0,
        total_traffic: 0,
        created_at: None,
        updated_at: None,
        download_url: None,
        user_self_url: None,
    }
}

pub struct ImageResolver {
    client: api::Client,
    listings: HashMap<String, Arc<[ImageEntry]>>,
}

impl ImageResolver {
    pub fn new(client: api::Client) -> Self {
        Self {
            client,
            listings: HashMap::new(),
        }
    }

    /// Every item of folder `dir`; listed once per resolver.
    pub async fn children(&mut self, dir: &str) -> Result<Arc<[ImageEntry]>, ImagePathError> {
        if let Some(hit) = self.listings.get(dir) {
            return Ok(Arc::clone(hit));
        }
        let list: Arc<[ImageEntry]> = self
            .client
            .image_list_all(dir, TimeWindow::default())
            .await
            .map_err(ImagePathError::Api)?
            .into();
        self.listings.insert(dir.to_owned(), Arc::clone(&list));
        Ok(list)
    }

    /// Drops the cached listing of `dir` (after a change in it).
    pub fn forget(&mut self, dir: &str) {
        self.listings.remove(dir);
    }

    pub async fn resolve_dir(&mut self, text: &str) -> Result<ResolvedImage, ImagePathError> {
        let found = self.resolve(text).await?;
        match found.entry.is_dir() {
            true => Ok(found),
            false => Err(ImagePathError::NotADir(found.path)),
        }
    }

    pub async fn resolve(&mut self, text: &str) -> Result<ResolvedImage, ImagePathError> {
        let names = parse(text)?;
        let mut at = ResolvedImage {
            entry: image_root(),
            path: "/".to_owned(),
            trail: Vec::new(),
        };
        for (i, name) in names.iter().enumerate() {
            if !at.entry.is_dir() {
                return Err(ImagePathError::NotADir(at.path));
            }
            let children = self.children(&at.entry.id).await?;
            let full = at.child_path(name);
            let mut matching: Vec<&ImageEntry> =
                children.iter().filter(|e| &e.name == name).collect();
            if i + 1 < names.len() && matching.len() > 1 {
                matching.retain(|e| e.is_dir());
            }
            let entry = match matching.as_slice() {
                [one] => (*one).clone(),
                [] => {
                    return Err(ImagePathError::NotFound {
                        path: full,
                        name: name.clone(),
                        parent: at.path,
                    });
                }
                many => {
                    return Err(ImagePathError::Ambiguous {
                        path: full,
                        count: many.len(),
                    });
                }
            };
            at.trail.push((entry.id.clone(), entry.name.clone()));
            at.entry = entry;
            at.path = full;
        }
        Ok(at)
    }
}

/// The names of an absolute image path; `..` above the root stays at the root.
pub fn parse(text: &str) -> Result<Vec<String>, ImagePathError> {
    if !text.starts_with('/') {
        return Err(ImagePathError::Syntax(text.to_owned()));
    }
    let mut names: Vec<String> = Vec::new();
    for part in text.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                names.pop();
            }
            name => names.push(name.to_owned()),
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_absolute_and_lexical() {
        assert_eq!(parse("/").unwrap(), Vec::<String>::new());
        assert_eq!(parse("/blog/./2024/../x.png").unwrap(), ["blog", "x.png"]);
        assert_eq!(parse("/../a").unwrap(), ["a"]);
        assert!(matches!(parse("blog"), Err(ImagePathError::Syntax(_))));
        let r = ResolvedImage {
            entry: image_root(),
            path: "/blog/2024".into(),
            trail: vec![("b".into(), "blog".into()), ("y".into(), "2024".into())],
        };
        assert_eq!(r.parent_id(), "b");
        assert_eq!(r.dir().path(), "/blog/2024");
        assert_eq!(r.child_path("x.png"), "/blog/2024/x.png");
    }
}

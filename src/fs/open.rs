//! Opening a pane at a typed folder (`panfm ~/x cloud:/备份`): paths written as the pane titles
//! show them (`cloud:/…`, `images:/…`, anything else local), and the cloud and image-space
//! folders they name — or, when the path does not lead to a folder, the nearest folder above
//! it and why the rest could not be opened; local folders the same way. Resolving never
//! changes anything.

use super::img::ImgFs;
use super::local::sanitize_name;
use super::pan::{PanFs, to_fs_error};
use super::resolve::{CloudPath, ImagePathError, ImageResolver, ResolveError, Resolver, Want};
use super::{CloudDir, FsError, FsErrorKind, Location};
use std::path::{Path, PathBuf};

/// A folder as typed: local, or on the drive or the image space with the titles' prefixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedPath {
    Local(PathBuf),
    /// A drive path `CloudPath` accepts: `/a/b` or `id:N…`.
    Cloud(String),
    /// An image-space path: `/blog/2024`.
    Images(String),
}

impl TypedPath {
    /// `cloud:/备份` (also `cloud:备份`, `cloud:` for the root, `cloud:id:123`), `images:/blog`;
    /// `local:/tmp` or anything else is a local path.
    pub fn parse(text: &str) -> TypedPath {
        let absolute = |rest: &str| match rest.starts_with('/') {
            true => rest.to_owned(),
            false => format!("/{rest}"),
        };
        if let Some(rest) = text.strip_prefix("cloud:") {
            return match rest.starts_with("id:") {
                true => TypedPath::Cloud(rest.to_owned()),
                false => TypedPath::Cloud(absolute(rest)),
            };
        }
        if let Some(rest) = text.strip_prefix("images:") {
            return TypedPath::Images(absolute(rest));
        }
        TypedPath::Local(PathBuf::from(text.strip_prefix("local:").unwrap_or(text)))
    }

    /// As the pane titles write it.
    pub fn display(&self) -> String {
        match self {
            TypedPath::Local(p) => p.display().to_string(),
            TypedPath::Cloud(p) => format!("cloud:{p}"),
            TypedPath::Images(p) => format!("images:{p}"),
        }
    }
}

/// Where a typed path led.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub location: Location,
    /// Why the folder itself could not be opened, said of `location` (then the nearest folder
    /// above it): "x not found there".
    pub missing: Option<String>,
}

impl PanFs {
    /// The drive folder at `text`, or the nearest existing folder above it.
    pub async fn open_path(&self, text: &str) -> Result<Opened, FsError> {
        let mut path = CloudPath::parse(text)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, e.to_string()))?;
        let mut resolver = Resolver::new(self.client().clone());
        let mut missing = None;
        loop {
            let why = match resolver.resolve_path(&path, Want::Live).await {
                Ok(found) if found.entry.is_dir() => {
                    let dir = self.trail_of(&path, &found).await?;
                    let location = Location::Cloud(dir);
                    return Ok(Opened { location, missing });
                }
                Ok(found) => ResolveError::NotADir(found.path),
                Err(ResolveError::Api(e)) => return Err(to_fs_error(e)),
                Err(e) => e,
            };
            let why = match &why {
                ResolveError::NotFound { name, .. } => format!("{name} not found there"),
                ResolveError::NotADir(p) => format!("{} is not a folder", last(p)),
                ResolveError::InTrash(p) => format!("{} is in the trash", last(p)),
                other => other.to_string(),
            };
            let why = missing.get_or_insert(why).clone();
            match path.split_last() {
                Some((parent, _)) => path = parent,
                None => return Err(FsError::new(FsErrorKind::NotFound, why)),
            }
        }
    }

    /// The trail of folder `found`, reached by `path`: from the walk when it started at the
    /// root, else by asking for its parents.
    async fn trail_of(
        &self,
        path: &CloudPath,
        found: &super::resolve::Resolved,
    ) -> Result<CloudDir, FsError> {
        if found.entry.id == crate::api::ROOT_DIR {
            return Ok(CloudDir::root());
        }
        match (&found.ancestors, path.base) {
            (Some(ids), None) if ids.len() == path.names.len() => {
                let ids = ids.iter().skip(1).chain([&found.entry.id]);
                let trail = ids
                    .zip(&path.names)
                    .map(|(id, name)| (*id, sanitize_name(name)))
                    .collect();
                Ok(CloudDir { trail })
            }
            _ => {
                let name = sanitize_name(&found.entry.name);
                self.resolve_dir(found.entry.id, &name).await
            }
        }
    }
}

impl ImgFs {
    /// The image-space folder at `text`, or the nearest existing folder above it.
    pub async fn open_path(&self, text: &str) -> Result<Opened, FsError> {
        let mut names = super::resolve::images::parse(text)
            .map_err(|e| FsError::new(FsErrorKind::InvalidName, e.to_string()))?;
        let mut resolver = ImageResolver::new(self.client().clone());
        let mut missing = None;
        loop {
            let path = format!("/{}", names.join("/"));
            let why = match resolver.resolve(&path).await {
                Ok(found) if found.entry.is_dir() => {
                    let location = Location::Images(found.dir());
                    return Ok(Opened { location, missing });
                }
                Ok(found) => ImagePathError::NotADir(found.path),
                Err(ImagePathError::Api(e)) => return Err(to_fs_error(e)),
                Err(e) => e,
            };
            let why = match &why {
                ImagePathError::NotFound { name, .. } => format!("{name} not found there"),
                ImagePathError::NotADir(p) => format!("{} is not a folder", last(p)),
                other => other.to_string(),
            };
            let why = missing.get_or_insert(why).clone();
            if names.pop().is_none() {
                return Err(FsError::new(FsErrorKind::NotFound, why));
            }
        }
    }
}

/// The local folder at `path`, or the nearest existing folder above it. Blocking.
pub fn open_local(path: &Path) -> Result<Opened, FsError> {
    let mut at = path.to_path_buf();
    let mut missing = None;
    loop {
        let name = at.file_name().map(|n| n.to_string_lossy().into_owned());
        let why = match std::fs::metadata(&at) {
            Ok(m) if m.is_dir() => {
                let location = Location::Local(at);
                return Ok(Opened { location, missing });
            }
            Ok(_) => "is not a folder".to_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "not found there".to_owned(),
            Err(e) => e.to_string(),
        };
        // Said of the name right below the folder that opens.
        missing = Some(format!("{} {why}", name.as_deref().unwrap_or("/")));
        if !at.pop() {
            let why = missing.unwrap_or_default();
            return Err(FsError::new(FsErrorKind::NotFound, why));
        }
    }
}

/// The last name of a path.
fn last(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_take_the_titles_prefixes() {
        let cloud = |p: &str| TypedPath::Cloud(p.into());
        assert_eq!(TypedPath::parse("cloud:/备份"), cloud("/备份"));
        assert_eq!(TypedPath::parse("cloud:备份/2026"), cloud("/备份/2026"));
        assert_eq!(TypedPath::parse("cloud:"), cloud("/"));
        assert_eq!(TypedPath::parse("cloud:id:42/x"), cloud("id:42/x"));
        assert_eq!(
            TypedPath::parse("images:/blog"),
            TypedPath::Images("/blog".into())
        );
        assert_eq!(
            TypedPath::parse("~/x"),
            TypedPath::Local(PathBuf::from("~/x"))
        );
        assert_eq!(
            TypedPath::parse("./cloud:x"),
            TypedPath::Local(PathBuf::from("./cloud:x"))
        );
        assert_eq!(TypedPath::parse("cloud:/备份").display(), "cloud:/备份");
        assert_eq!(
            TypedPath::parse("local:/tmp"),
            TypedPath::Local(PathBuf::from("/tmp"))
        );
    }

    #[test]
    fn a_local_path_opens_its_nearest_folder_and_names_what_is_missing() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("a")).unwrap();
        std::fs::write(d.path().join("a/f.txt"), b"x").unwrap();
        let open = |p: &str| open_local(&d.path().join(p)).unwrap();
        let at = |p: &str| Location::Local(d.path().join(p));
        assert_eq!(open("a").location, at("a"));
        assert_eq!(open("a").missing, None);
        let deep = open("a/x/y/z");
        assert_eq!(deep.location, at("a"));
        assert_eq!(deep.missing.as_deref(), Some("x not found there"));
        let file = open("a/f.txt/y");
        assert_eq!(file.location, at("a"));
        assert_eq!(file.missing.as_deref(), Some("f.txt is not a folder"));
    }
}

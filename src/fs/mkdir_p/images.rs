//! The image-space half of `mkdir -p`: the same walk over image-folder listings.

use super::{MkdirError, check_names};
use crate::api::ImageEntry;
use crate::fs::img::ImgFs;
use crate::fs::resolve::{ImagePathError, ImageResolver, ResolvedImage, image_root};

/// What an image-space `mkdir -p` did: the folder at the end, the first level below the start
/// folder (made or found), and the ids of the folders made, from the top.
#[derive(Debug)]
pub struct MadeImages {
    pub dir: ResolvedImage,
    pub first: Option<ImageEntry>,
    pub made: Vec<String>,
}

/// Makes `names` below image folder `start`.
pub async fn make_images(
    resolver: &mut ImageResolver,
    fs: &ImgFs,
    start: ResolvedImage,
    names: &[String],
    parents: bool,
) -> Result<MadeImages, MkdirError> {
    check_names(names, parents)?;
    let mut out = MadeImages {
        dir: start,
        first: None,
        made: Vec::new(),
    };
    for (i, name) in names.iter().enumerate() {
        let last = i + 1 == names.len();
        let at = &mut out.dir;
        let path = at.child_path(name);
        let found = match out.made.is_empty() {
            true => {
                let children = resolver.children(&at.entry.id).await?;
                children.iter().find(|e| &e.name == name).cloned()
            }
            false => None,
        };
        let entry = match found {
            Some(_) if last && !parents => return Err(MkdirError::Exists),
            Some(e) if e.is_dir() => e,
            Some(_) => return Err(ImagePathError::NotADir(path).into()),
            None if !last && !parents => {
                let name = name.clone();
                let parent = at.path.clone();
                return Err(ImagePathError::NotFound { path, name, parent }.into());
            }
            None => {
                let id = fs
                    .mkdir_in(&at.entry.id, name)
                    .await
                    .map_err(MkdirError::Images)?;
                resolver.forget(&at.entry.id);
                out.made.push(id.clone());
                ImageEntry {
                    id,
                    name: name.clone(),
                    parent_id: at.entry.id.clone(),
                    ..image_root()
                }
            }
        };
        at.trail.push((entry.id.clone(), entry.name.clone()));
        at.entry = entry;
        at.path = path;
        out.first.get_or_insert_with(|| out.dir.entry.clone());
    }
    Ok(out)
}

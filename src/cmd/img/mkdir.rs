//! `panfm img mkdir [-p] PATH...`: names are checked against the drive's naming rules before
//! any call; with `-p` missing parents are created and existing folders are fine.

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::mkdir::make_each;
use crate::api::ImageEntry;
use crate::cli::MkdirArgs;
use crate::fs::img::ImgFs;
use crate::fs::resolve::images::parse;
use crate::fs::resolve::{ImagePathError, ImageResolver, ResolvedImage, image_root};
use crate::plan::validate_cloud_name;

pub async fn mkdir(ctx: &mut Ctx, args: MkdirArgs) -> CmdResult {
    let mut resolver = ImageResolver::new(ctx.client.clone());
    let fs = ImgFs::new(ctx.client.clone());
    let parents = args.parents;
    make_each(ctx, &args, async |_: &mut Ctx, text: &str| {
        make(&mut resolver, &fs, text, parents).await
    })
    .await
}

/// The folder at `text` and how many folders were created to get there.
async fn make(
    resolver: &mut ImageResolver,
    fs: &ImgFs,
    text: &str,
    parents: bool,
) -> CmdResult<(ResolvedImage, usize)> {
    let names = parse(text)?;
    let to_check = match parents {
        true => &names[..],
        false => &names[names.len().saturating_sub(1)..],
    };
    for name in to_check {
        validate_cloud_name(name).map_err(|e| CmdError::usage(format!("invalid name: {e}")))?;
    }
    let mut at = ResolvedImage {
        entry: image_root(),
        path: "/".to_owned(),
        trail: Vec::new(),
    };
    if names.is_empty() && !parents {
        return Err(CmdError::failure("already exists"));
    }
    let mut made = 0;
    for (i, name) in names.iter().enumerate() {
        let last = i + 1 == names.len();
        let children = resolver.children(&at.entry.id).await?;
        let path = at.child_path(name);
        let entry = match children.iter().find(|e| &e.name == name) {
            Some(_) if last && !parents => return Err(CmdError::failure("already exists")),
            Some(e) if e.is_dir() => e.clone(),
            Some(_) => return Err(ImagePathError::NotADir(path).into()),
            None if !last && !parents => {
                return Err(ImagePathError::NotFound {
                    path,
                    name: name.clone(),
                    parent: at.path,
                }
                .into());
            }
            None => {
                let id = fs
                    .mkdir_in(&at.entry.id, name)
                    .await
                    .map_err(|e| CmdError::failure(e.message))?;
                resolver.forget(&at.entry.id);
                made += 1;
                ImageEntry {
                    id,
                    name: name.clone(),
                    ..image_root()
                }
            }
        };
        at.trail.push((entry.id.clone(), entry.name.clone()));
        at.entry = entry;
        at.path = path;
    }
    Ok((at, made))
}

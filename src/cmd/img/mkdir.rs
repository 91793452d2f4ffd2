//! `panfm img mkdir [-p] PATH...`: names are checked against the drive's naming rules before
//! any call; with `-p` missing parents are created and existing folders are fine (the walk is
//! `fs::mkdir_p`'s, which the TUI shares).

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::mkdir::make_each;
use crate::cli::MkdirArgs;
use crate::fs::img::ImgFs;
use crate::fs::mkdir_p::make_images;
use crate::fs::resolve::images::parse;
use crate::fs::resolve::{ImageResolver, ResolvedImage, image_root};

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
    if names.is_empty() && !parents {
        return Err(CmdError::failure("already exists"));
    }
    let root = ResolvedImage {
        entry: image_root(),
        path: "/".to_owned(),
        trail: Vec::new(),
    };
    let made = make_images(resolver, fs, root, &names, parents).await?;
    Ok((made.dir, made.made.len()))
}

//! Runs one cloud subcommand and settles its outcome: the error that ended it (if any) on
//! stderr, stdout written once, and the exit status.

use super::ctx::Ctx;
use super::exit::{CmdError, Status};
use super::{
    cat, img, info, list, mkdir, offline, relocate, remove, rename, share, transfer, trash, tree,
};
use crate::cli::{Cmd, TrashCmd};
use std::io::Write;

pub async fn dispatch(ctx: &mut Ctx, command: Cmd) -> Status {
    let result = match command {
        Cmd::Ls(args) => list::ls(ctx, args).await,
        Cmd::Stat(args) => list::stat(ctx, args).await,
        Cmd::Tree(args) => tree::tree(ctx, args).await,
        Cmd::Info(args) => info::info(ctx, args).await,
        Cmd::Cat(args) => cat::cat(ctx, args).await,
        Cmd::Head(args) => cat::head(ctx, args).await,
        Cmd::Mkdir(args) => mkdir::mkdir(ctx, args).await,
        Cmd::Mv(args) => relocate::mv(ctx, args).await,
        Cmd::Cp(args) => relocate::cp(ctx, args).await,
        Cmd::Rename(args) => rename::rename(ctx, args).await,
        Cmd::Rm(args) => remove::rm(ctx, args).await,
        Cmd::Upload(args) => transfer::upload(ctx, args).await,
        Cmd::Download(args) => transfer::download(ctx, args).await,
        Cmd::Sync(args) => super::sync::sync(ctx, args).await,
        Cmd::Edit(args) => super::edit::edit(ctx, args).await,
        Cmd::Trash(TrashCmd::Ls(args)) => trash::ls(ctx, args).await,
        Cmd::Trash(TrashCmd::Restore(args)) | Cmd::Restore(args) => trash::restore(ctx, args).await,
        Cmd::Trash(TrashCmd::Purge(args)) => trash::purge(ctx, args).await,
        Cmd::Img(command) => img::run(ctx, command).await,
        Cmd::Share(command) => share::run(ctx, command).await,
        Cmd::DirectLink(command) => share::direct_link(ctx, command).await,
        Cmd::Offline(command) => offline::run(ctx, command).await,
        other => Err(CmdError::usage(format!("{other:?} is not a cloud command"))),
    };
    if let Err(e) = result {
        ctx.fatal(&e);
    }
    let text = ctx.take_stdout();
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    match written {
        // A reader that stopped early (`panfm ls | head`) is not a failure of ours.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("panfm: cannot write the output: {e}");
            Status::Failure.max(ctx.status())
        }
        _ => ctx.status(),
    }
}

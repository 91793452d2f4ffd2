//! `panfm upload [-r] LOCAL... DIR`: the local arguments are checked first, without a
//! request — a folder without `-r` is a usage error and nothing is sent; a missing path fails
//! that item — then DIR is resolved (it must be an existing cloud folder) and the engine does
//! the rest: walking folders, refusing names the cloud forbids before any request (or fixing
//! them with `--fix-names`), making the cloud folders, and one verified upload per file.

use std::path::PathBuf;

use super::naming::Naming;
use super::run::{Plan, run};
use crate::cli::UploadArgs;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult, Status};
use crate::fs::local::display_name;
use crate::fs::resolve::ResolveError;
use crate::transfer::TransferSpec;

pub async fn upload(ctx: &mut Ctx, args: UploadArgs) -> CmdResult {
    ctx.start_report(args.common.json);
    let Some((dest_text, locals)) = args.paths.split_last() else {
        return Err(CmdError::usage(
            "give the local paths and then the cloud folder",
        ));
    };
    let Some(dest_text) = dest_text.to_str() else {
        let shown = display_name(dest_text);
        return Err(CmdError::usage(format!(
            "{shown}: a cloud path must be UTF-8"
        )));
    };
    let mut sources = Vec::new();
    for raw in locals {
        let path = PathBuf::from(raw);
        match check_local(&path, args.common.recursive) {
            Ok(()) => sources.push(path),
            Err(e) => ctx.fail(&display_name(raw), e),
        }
    }
    if ctx.status() >= Status::Usage {
        return Ok(());
    }
    let dest = match ctx.resolver.resolve_dir(dest_text).await {
        Ok(dest) => dest,
        Err(ResolveError::NotFound { path, .. }) => {
            return Err(CmdError::failure(format!(
                "no such cloud folder: {path} (panfm mkdir -p makes it)"
            )));
        }
        Err(e) => return Err(e.into()),
    };
    if sources.is_empty() {
        return Ok(());
    }
    let plan = Plan {
        spec: TransferSpec::Upload {
            sources,
            dest_dir: dest.entry.id,
            policy: args.common.on_conflict.into(),
            fix_names: args.fix_names,
        },
        naming: Naming::Upload { dest: dest.path },
        args: args.common,
    };
    run(ctx, plan).await
}

/// A file, or a folder with `-r`; symbolic links are followed, as the engine follows them.
fn check_local(path: &std::path::Path, recursive: bool) -> CmdResult {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() && !recursive => Err(CmdError::usage(
            "is a folder; add -r to upload folders and everything in them",
        )),
        Ok(meta) if meta.is_dir() || meta.is_file() => Ok(()),
        Ok(_) => Err(CmdError::failure("not a regular file or folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(CmdError::failure("no such file or directory"))
        }
        Err(e) => Err(CmdError::failure(format!("cannot read it: {e}"))),
    }
}

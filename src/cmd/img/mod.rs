//! `panfm img …`: the image-hosting space from the command line, on the same client and the
//! same `fs` pieces the TUI's Images pane uses (the image resolver, `ImgFs` batches, the
//! upload planner that refuses non-images up front). Output follows the other commands: data
//! on stdout (text or `--json`), one `panfm: ITEM: reason` line per failure on stderr.

mod change;
mod link;
mod list;
mod mkdir;
mod upload;

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult, Status, api_status};
use super::output::{iso, shown_name};
use crate::api::ImageEntry;
use crate::cli::ImgCmd;
use crate::fs::resolve::ImagePathError;
use serde_json::{Value, json};

pub async fn run(ctx: &mut Ctx, command: ImgCmd) -> CmdResult {
    match command {
        ImgCmd::Ls(args) => list::ls(ctx, args).await,
        ImgCmd::Upload(args) => upload::upload(ctx, args).await,
        ImgCmd::Mkdir(args) => mkdir::mkdir(ctx, args).await,
        ImgCmd::Mv(args) => change::mv(ctx, args).await,
        ImgCmd::Rm(args) => change::rm(ctx, args).await,
        ImgCmd::Link(args) => link::link(ctx, args).await,
        ImgCmd::CopyFromDrive(args) => upload::copy_from_drive(ctx, args).await,
    }
}

impl From<ImagePathError> for CmdError {
    fn from(e: ImagePathError) -> Self {
        let status = match &e {
            ImagePathError::Syntax(_) => Status::Usage,
            ImagePathError::Api(api) => api_status(api),
            _ => Status::Failure,
        };
        Self {
            status,
            message: e.to_string(),
        }
    }
}

/// The name for humans: control characters escaped, `/` after folders.
fn display_name(e: &ImageEntry) -> String {
    shown_name(&e.name, e.is_dir())
}

fn kind(e: &ImageEntry) -> &'static str {
    match e.is_dir() {
        true => "dir",
        false => "image",
    }
}

/// The JSON object of one image-space item at `path`.
fn entry_json(e: &ImageEntry, path: &str) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "path": path,
        "type": kind(e),
        "size": e.size,
        "etag": e.etag,
        "format": e.extension,
        "createdAt": iso(e.created_at),
        "updatedAt": iso(e.updated_at),
        "url": crate::fs::img::public_url(e),
        "rejected": e.is_rejected(),
        "traffic": e.total_traffic,
    })
}

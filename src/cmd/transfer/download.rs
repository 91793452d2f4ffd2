//! `panfm download [-r] PATH... LOCAL_DIR`: LOCAL_DIR must be an existing folder; each cloud
//! path is resolved and checked — a folder without `-r` is a usage error and nothing is
//! fetched; a missing path, an item 123pan won't serve, or a second item with the same name
//! (both would land on one local name) fails that item — then the engine walks the folders and
//! downloads each file into a hidden part file, verified before it takes its name. `/` with
//! `-r` downloads the whole drive: its entries go straight into LOCAL_DIR.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::naming::Naming;
use super::run::{Plan, run};
use crate::api::ROOT_DIR;
use crate::cli::DownloadArgs;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult, Status};
use crate::cmd::output::blocked;
use crate::fs::local::display_name;
use crate::fs::resolve::{Resolved, join};
use crate::transfer::{CloudItem, TransferSpec};

pub async fn download(ctx: &mut Ctx, args: DownloadArgs) -> CmdResult {
    ctx.start_report(args.common.json);
    let Some((dest_raw, clouds)) = args.paths.split_last() else {
        return Err(CmdError::usage(
            "give the cloud paths and then the local folder",
        ));
    };
    let dest = PathBuf::from(dest_raw);
    let shown_dest = display_name(dest_raw);
    match std::fs::metadata(&dest) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(CmdError::failure(format!("not a folder: {shown_dest}"))),
        Err(_) => {
            return Err(CmdError::failure(format!(
                "no such local folder: {shown_dest}"
            )));
        }
    }
    let mut picked: Vec<(CloudItem, String)> = Vec::new();
    for raw in clouds {
        let Some(text) = raw.to_str() else {
            let shown = display_name(raw);
            ctx.fail(&shown, CmdError::usage("a cloud path must be UTF-8"));
            continue;
        };
        let found = match ctx.resolver.resolve(text).await {
            Ok(found) => found,
            Err(e) => {
                ctx.fail(text, e);
                continue;
            }
        };
        if let Err(e) = check(&found, args.common.recursive) {
            ctx.fail(&found.path, e);
            continue;
        }
        match found.entry.id == ROOT_DIR {
            true => match ctx.resolver.children(ROOT_DIR).await {
                Ok(children) => picked.extend(
                    children
                        .iter()
                        .filter(|e| !e.trashed)
                        .map(|e| (CloudItem::from(e), join("/", &e.name))),
                ),
                Err(e) => ctx.fail("/", e),
            },
            false => picked.push((CloudItem::from(&found.entry), found.path)),
        }
    }
    if ctx.status() >= Status::Usage {
        return Ok(());
    }
    let (sources, tops) = distinct(ctx, picked);
    if sources.is_empty() {
        return Ok(());
    }
    let plan = Plan {
        spec: TransferSpec::Download {
            sources,
            dest_dir: dest,
            policy: args.common.on_conflict.into(),
        },
        naming: Naming::Download {
            dest: shown_dest,
            tops,
        },
        args: args.common,
    };
    run(ctx, plan).await
}

fn check(found: &Resolved, recursive: bool) -> CmdResult {
    if found.entry.is_dir() && !recursive {
        return Err(CmdError::usage(
            "is a folder; add -r to download folders and everything in them",
        ));
    }
    if blocked(&found.entry) {
        return Err(CmdError::failure(
            "rejected by review or blocked; 123pan won't serve it",
        ));
    }
    Ok(())
}

/// Drops repeats of one item and refuses a second item with a taken name; returns the items
/// and the cloud path of each by name.
fn distinct(
    ctx: &mut Ctx,
    picked: Vec<(CloudItem, String)>,
) -> (Vec<CloudItem>, HashMap<String, String>) {
    let mut ids = HashSet::new();
    let mut tops: HashMap<String, String> = HashMap::new();
    let mut sources = Vec::new();
    for (item, path) in picked {
        if !ids.insert(item.id) {
            continue;
        }
        if let Some(first) = tops.get(&item.name) {
            let why = format!("{first} has the same name; both would be downloaded to one place");
            ctx.fail(&path, CmdError::failure(why));
            continue;
        }
        tops.insert(item.name.clone(), path);
        sources.push(item);
    }
    (sources, tops)
}

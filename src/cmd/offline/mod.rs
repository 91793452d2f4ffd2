//! `panfm offline add` and `panfm offline status`: the drive fetching http(s) URLs by itself
//! (离线下载). `add` checks every URL, the name and the folder before anything is sent, then
//! creates one task per URL and prints its id — or, with `--wait`, runs them on the transfer
//! engine the TUI's queue uses (`wait`) and follows each to its end. `status` asks about tasks
//! by id. A failed task is a failed item: its reason on stderr, exit status 1.

mod wait;

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::{Table, count};
use crate::api::{
    FileId, ImportStatus, OFFLINE_DEFAULT_DIR, OfflineProgress, OfflineRequest, ROOT_DIR,
    check_fetch_url,
};
use crate::cli::{OfflineAddArgs, OfflineCmd, OfflineStatusArgs};
use crate::plan::names::validate_cloud_name;
use crate::transfer::TransferSpec;
use serde_json::json;

pub async fn run(ctx: &mut Ctx, command: OfflineCmd) -> CmdResult {
    match command {
        OfflineCmd::Add(args) => add(ctx, args).await,
        OfflineCmd::Status(args) => status(ctx, args).await,
    }
}

/// The folder the drive fetches into: its id (`None`: the drive's own folder) and path.
struct Target {
    dir: Option<FileId>,
    path: String,
}

/// Everything `add` can refuse without asking the server: each URL, and the name.
fn check(args: &OfflineAddArgs) -> CmdResult<Option<String>> {
    for url in &args.urls {
        check_fetch_url(url).map_err(CmdError::usage)?;
    }
    let Some(name) = &args.name else {
        return Ok(None);
    };
    if args.urls.len() > 1 {
        return Err(CmdError::usage(
            "--name names one file: give one URL with it (several files would get one name)",
        ));
    }
    validate_cloud_name(name)
        .map_err(|e| CmdError::usage(format!("--name {name}: {e}; 123pan refuses it")))?;
    Ok(Some(name.clone()))
}

async fn target(ctx: &mut Ctx, dir: Option<&str>) -> CmdResult<Target> {
    let Some(text) = dir else {
        return Ok(Target {
            dir: None,
            path: format!("/{OFFLINE_DEFAULT_DIR}"),
        });
    };
    let found = ctx.resolver.resolve_dir(text).await?;
    if found.entry.id == ROOT_DIR {
        return Err(CmdError::usage(format!(
            "the drive does not fetch into the root: leave out --dir for its own folder \
             /{OFFLINE_DEFAULT_DIR}, or name another folder"
        )));
    }
    Ok(Target {
        dir: Some(found.entry.id),
        path: found.path,
    })
}

async fn add(ctx: &mut Ctx, args: OfflineAddArgs) -> CmdResult {
    ctx.start_report(args.json);
    let name = check(&args)?;
    let target = target(ctx, args.dir.as_deref()).await?;
    let urls: Vec<String> = args.urls.iter().map(|u| u.trim().to_owned()).collect();
    if args.wait {
        let spec = TransferSpec::Offline {
            urls,
            dest_dir: target.dir,
            dest_path: target.path.clone(),
            name,
        };
        return wait::follow(ctx, spec, &target.path).await;
    }
    let mut started = 0;
    for url in &urls {
        let mut request = OfflineRequest::new(url.clone());
        request.file_name.clone_from(&name);
        request.dir_id = target.dir;
        match ctx.client.offline_download(&request).await {
            Ok(task) => {
                started += 1;
                if !args.json {
                    ctx.print(&format!("{task}\t{url}\n"));
                }
                ctx.result(json!({ "url": url, "taskID": task, "dir": target.path }));
            }
            Err(e) => ctx.fail(url, e),
        }
    }
    if started > 0 {
        ctx.summary(format!(
            "{} into {}: `panfm offline status TASKID…` shows how far the drive got",
            count(started, "offline download"),
            target.path
        ));
    }
    Ok(())
}

/// The word for a task's state, as text and JSON say it.
fn state_word(status: ImportStatus) -> String {
    match status {
        ImportStatus::Running => "running".to_owned(),
        ImportStatus::Failed => "failed".to_owned(),
        ImportStatus::Done => "done".to_owned(),
        ImportStatus::Retrying => "retrying".to_owned(),
        ImportStatus::Other(n) => format!("status {n}"),
    }
}

fn reason(p: &OfflineProgress) -> String {
    p.reason
        .clone()
        .unwrap_or_else(|| "the server gave no reason".to_owned())
}

async fn status(ctx: &mut Ctx, args: OfflineStatusArgs) -> CmdResult {
    ctx.start_report(args.json);
    let mut table = Table::new(&[2]);
    for &task in &args.tasks {
        let item = format!("task {task}");
        let p = match ctx.client.offline_status(task).await {
            Ok(p) => p,
            Err(e) => {
                ctx.fail(&item, e);
                continue;
            }
        };
        let word = state_word(p.status);
        let failed = p.status == ImportStatus::Failed;
        let mut row = vec![task.to_string(), word.clone(), format!("{:.0}%", p.percent)];
        if failed {
            row.push(reason(&p));
        }
        table.row(row);
        ctx.result(json!({
            "taskID": task, "status": word, "process": p.percent,
            "reason": failed.then(|| reason(&p)),
        }));
        if failed {
            ctx.fail(&item, CmdError::failure(format!("failed: {}", reason(&p))));
        }
    }
    if !args.json {
        let text = table.render();
        ctx.print(&text);
    }
    Ok(())
}

//! Arguments of `panfm offline …`: the drive fetching http(s) URLs by itself (离线下载).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum OfflineCmd {
    /// Have the drive fetch http or https URLs into a cloud folder by itself, without the
    /// bytes passing through here. Prints each task's id; --wait follows the tasks to the end
    /// (exit 1 when one fails, with the server's reason).
    #[command(override_usage = "panfm offline add [OPTIONS] URL...")]
    Add(OfflineAddArgs),
    /// Show how far offline downloads got: running, retrying, done or failed (exit 1 when one
    /// failed or is unknown).
    #[command(override_usage = "panfm offline status [OPTIONS] TASKID...")]
    Status(OfflineStatusArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct OfflineAddArgs {
    /// The cloud folder to fetch into (not the root); default: the drive's own
    /// "/来自:离线下载".
    #[arg(long, value_name = "DIR")]
    pub dir: Option<String>,
    /// The file's name in the drive (one URL only); default: the last part of the URL.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Follow the tasks until each is done or failed, with progress on a terminal. Ctrl-C stops
    /// following (the drive goes on fetching); the same command follows the same tasks again.
    #[arg(long)]
    pub wait: bool,
    /// Print one JSON object: {"results": [{url, taskID, …}], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// http or https URLs.
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct OfflineStatusArgs {
    /// Print one JSON object: {"results": [{taskID, status, process, reason}], "errors": […]}.
    #[arg(long)]
    pub json: bool,
    /// Task ids, as `offline add` printed them.
    #[arg(required = true, value_name = "TASKID")]
    pub tasks: Vec<i64>,
}

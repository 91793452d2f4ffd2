//! The top level: global options and the list of subcommands. Without a subcommand panfm opens
//! the two-pane TUI.

use super::files::{LsArgs, MkdirArgs, MoveArgs, RmArgs, StatArgs, TreeArgs};
use super::mock::MockServerArgs;
use super::rename::RenameArgs;
use super::transfer::{DownloadArgs, UploadArgs};
use super::trash::{RestoreArgs, TrashCmd};
use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "panfm",
    version,
    about = "Dual-pane terminal file manager for the 123pan cloud drive",
    after_help = "Cloud paths start with / (like /photos/2024); id:N names an item by its id."
)]
pub struct Cli {
    /// Run against an embedded mock 123pan server with a demo drive (no account, no network).
    /// With a subcommand, every run starts from a fresh demo drive.
    #[arg(long, global = true)]
    pub demo: bool,

    /// 123pan Open API base URL.
    #[arg(long, env = "PANFM_API_BASE", global = true, value_name = "URL")]
    pub api_base: Option<String>,

    /// Keep config, token cache and state under DIR instead of the platform directories.
    #[arg(long, env = "PANFM_CONFIG_DIR", global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Mouse support in the two-pane view: click to focus and select, double-click to open,
    /// wheel to scroll (as `mouse = true` in config.toml does).
    #[arg(long)]
    pub mouse: bool,

    /// Print only errors (no summaries, no progress bars).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say what is done item by item; twice adds debug logging on stderr.
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Folder for the left pane: a local directory, or cloud:/PATH or images:/PATH as the pane
    /// titles show them (default: the current directory).
    pub left: Option<PathBuf>,

    /// Folder for the right pane, like LEFT (default: the cloud drive's root when an account is
    /// set up, else the same as the left).
    pub right: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List a cloud folder (default /).
    Ls(LsArgs),
    /// Show a cloud folder and everything below it.
    Tree(TreeArgs),
    /// Show one item: id, type, size (a folder's total), md5, dates.
    Stat(StatArgs),
    /// Write a cloud file (or --range of it) to stdout; a whole file is checked against its MD5.
    Cat(super::view::CatArgs),
    /// Print the first lines of a cloud file (read with one small range request).
    Head(super::view::HeadArgs),
    /// Show the account: name, VIP state, space used and free.
    Info(JsonArgs),
    /// Create cloud folders.
    Mkdir(MkdirArgs),
    /// Move items into a cloud folder: mv PATH... DIR.
    Mv(MoveArgs),
    /// Copy items into a cloud folder (server-side copy): cp PATH... DIR.
    Cp(MoveArgs),
    /// Rename one item (rename PATH NEW_NAME) or many with a pattern (--regex/--find … --to …).
    Rename(RenameArgs),
    /// Move items to the trash.
    Rm(RmArgs),
    /// Upload local files (and folders, with -r) into a cloud folder: upload LOCAL... DIR.
    #[command(override_usage = "panfm upload [OPTIONS] LOCAL... DIR")]
    Upload(UploadArgs),
    /// Download cloud files (and folders, with -r) into a local folder: download PATH... LOCAL_DIR.
    #[command(override_usage = "panfm download [OPTIONS] PATH... LOCAL_DIR")]
    Download(DownloadArgs),
    /// Make a cloud folder equal to a local one, or the reverse, by size and MD5: sync SRC DST
    /// with one side written `cloud:/path`.
    #[command(override_usage = "panfm sync [OPTIONS] SRC DST  (one of them cloud:/path)")]
    Sync(super::sync::SyncArgs),
    /// Edit a cloud file in $EDITOR ($VISUAL, vi): downloaded and verified into a private
    /// folder, uploaded back over the original when the save changed it.
    Edit(super::edit::EditArgs),
    /// List, restore or permanently delete trashed items.
    #[command(subcommand)]
    Trash(TrashCmd),
    /// Restore trashed items (same as `trash restore`).
    Restore(RestoreArgs),
    /// Store developer credentials (client id and secret) and check them with the server.
    Login,
    /// Forget the stored credentials and the cached access token.
    Logout,
    /// Print a shell completion script, e.g. `panfm completions bash > /etc/bash_completion.d/panfm`.
    Completions(CompletionsArgs),
    /// Print the default keymap (copy parts of it into keymap.toml in the config directory).
    Keymap,
    /// The settings file, config.toml: path, show, edit.
    #[command(subcommand)]
    Config(super::settings::ConfigCmd),
    /// Themes: ls.
    #[command(subcommand)]
    Theme(super::settings::ThemeCmd),
    /// Run the mock 123pan server standalone (prints `base_url=… client_id=… client_secret=…`).
    MockServer(MockServerArgs),
    /// The image-hosting space (图床): ls, upload, mkdir, mv, rm, link, copy-from-drive.
    #[command(subcommand)]
    Img(super::img::ImgCmd),
    /// Share links: create (prints the link and the code), ls, set switches and traffic limits.
    #[command(subcommand)]
    Share(super::share::ShareCmd),
    /// Direct links: url of files, enable or disable direct-link space on a folder, log.
    #[command(subcommand)]
    DirectLink(super::share::DirectLinkCmd),
    /// Offline downloads (离线下载): the drive fetches URLs by itself. add, status.
    #[command(subcommand)]
    Offline(super::offline::OfflineCmd),
}

#[derive(Debug, Clone, Copy, clap::Args)]
pub struct JsonArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

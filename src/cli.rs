//! Command-line arguments. Without a subcommand panfm opens the two-pane TUI.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "panfm",
    version,
    about = "Dual-pane terminal file manager for the 123pan cloud drive"
)]
pub struct Cli {
    /// Run against an embedded mock 123pan server with a demo drive (no account, no network).
    #[arg(long)]
    pub demo: bool,

    /// 123pan Open API base URL.
    #[arg(long, env = "PANFM_API_BASE", global = true, value_name = "URL")]
    pub api_base: Option<String>,

    /// Keep config, token cache and state under DIR instead of the platform directories.
    #[arg(long, env = "PANFM_CONFIG_DIR", global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Directory for the left pane (default: the current directory).
    pub left: Option<PathBuf>,

    /// Directory for the right pane (default: same as the left).
    pub right: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Print the default keymap (copy parts of it into keymap.toml in the config directory).
    Keymap,
}

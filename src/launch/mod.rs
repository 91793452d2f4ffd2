//! Start-up in dependency order: paths → logging → config → api client → backends → model →
//! terminal → run loop. Every subcommand starts here, so the TUI and the command line share one
//! engine. Mistakes on the command line or in the configuration end here as one plain line
//! ([`LaunchError`]).

mod cloud;
mod commands;
mod error;
mod mock_server;
mod settings;
mod settings_cmd;
mod start;
mod tui;
mod typo;

pub use error::LaunchError;

use crate::cli::{Cli, Cmd};
use crate::config::{DEFAULT_KEYMAP, Paths};
use clap::Parser;
use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

/// The command line, or clap's own message and exit (help, version, a wrong flag) — except
/// that a mistyped subcommand clap took for a directory is named as such.
pub fn parse(args: Vec<OsString>) -> Result<Cli, LaunchError> {
    match Cli::try_parse_from(&args) {
        Ok(cli) => Ok(cli),
        Err(e) if e.use_stderr() => match typo::mistyped_subcommand(&args) {
            Some(message) => Err(LaunchError::user(message)),
            None => e.exit(),
        },
        Err(e) => e.exit(),
    }
}

/// The directories of this run; `--config-dir` must be a directory or not exist yet.
fn paths(config_dir: Option<&Path>) -> Result<Paths, LaunchError> {
    if let Some(dir) = config_dir
        && dir.exists()
        && !dir.is_dir()
    {
        let shown = crate::fs::local::display_name(dir.as_os_str());
        return Err(LaunchError::user(format!(
            "the config directory {shown} (--config-dir or PANFM_CONFIG_DIR) is not a directory"
        )));
    }
    Paths::resolve(config_dir).map_err(|e| LaunchError::user(e.to_string()))
}

pub async fn run(mut cli: Cli) -> Result<ExitCode, LaunchError> {
    match cli.command.take() {
        Some(Cmd::Keymap) => {
            print!("{DEFAULT_KEYMAP}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Config(cmd)) => settings_cmd::config(&cli, cmd),
        Some(Cmd::Theme(cmd)) => settings_cmd::theme(&cli, cmd),
        Some(Cmd::MockServer(args)) => mock_server::run(args).await.map(|()| ExitCode::SUCCESS),
        Some(cmd) => commands::run(&cli, cmd).await,
        None => tui::run(cli).await,
    }
}

//! Start-up in dependency order: paths → logging → config → api client → backends → model →
//! terminal → run loop. Every subcommand starts here, so the TUI and the command line share one
//! engine.

mod cloud;
mod commands;
mod mock_server;
mod start;
mod tui;

use crate::cli::{Cli, Cmd};
use crate::config::DEFAULT_KEYMAP;
use std::process::ExitCode;

pub async fn run(mut cli: Cli) -> color_eyre::Result<ExitCode> {
    match cli.command.take() {
        Some(Cmd::Keymap) => {
            print!("{DEFAULT_KEYMAP}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::MockServer(args)) => mock_server::run(args).await.map(|()| ExitCode::SUCCESS),
        Some(cmd) => commands::run(&cli, cmd).await,
        None => tui::run(cli).await.map(|()| ExitCode::SUCCESS),
    }
}

//! Start-up in dependency order: paths → logging → config → api client → backends → model →
//! terminal → run loop. Every subcommand starts here, so the TUI and the command line share one
//! engine.

mod cloud;
mod mock_server;
mod tui;

use crate::cli::{Cli, Cmd};
use crate::config::DEFAULT_KEYMAP;

pub async fn run(cli: Cli) -> color_eyre::Result<()> {
    match cli.command {
        Some(Cmd::Keymap) => {
            print!("{DEFAULT_KEYMAP}");
            Ok(())
        }
        Some(Cmd::MockServer(args)) => mock_server::run(args).await,
        None => tui::run(cli).await,
    }
}

//! How a start-up fails. A mistake the user can fix (a mistyped subcommand, a pane directory
//! that isn't there, a bad `keymap.toml`, `--config-dir` or `--api-base`, no terminal for the
//! TUI) is one plain `panfm: …` line and exit status 2; only a fault of panfm or the system
//! gets color-eyre's full report.

use crate::fs::local::sanitize_name;
use std::process::ExitCode;

#[derive(Debug)]
pub enum LaunchError {
    /// What the user got wrong, as one line without the `panfm: ` prefix.
    User(String),
    Internal(color_eyre::Report),
}

impl LaunchError {
    pub fn user(message: impl Into<String>) -> Self {
        Self::User(message.into())
    }

    /// Prints a user's mistake and gives its exit status; an internal failure is handed back
    /// for color-eyre to report.
    pub fn settle(self) -> color_eyre::Result<ExitCode> {
        match self {
            Self::User(message) => {
                eprintln!("panfm: {}", sanitize_name(&message));
                Ok(ExitCode::from(crate::cmd::Status::Usage as u8))
            }
            Self::Internal(report) => Err(report),
        }
    }
}

impl From<color_eyre::Report> for LaunchError {
    fn from(report: color_eyre::Report) -> Self {
        Self::Internal(report)
    }
}

impl From<std::io::Error> for LaunchError {
    fn from(e: std::io::Error) -> Self {
        Self::Internal(e.into())
    }
}

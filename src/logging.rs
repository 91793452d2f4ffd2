//! Logging to a file in the state directory (`panfm.log`), never to the terminal the TUI owns;
//! the command-line subcommands log to stderr instead.
//! The level comes from `PANFM_LOG` (tracing filter syntax), else `log_level` in `config.toml`.

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Starts file logging at `level` (a filter) unless `PANFM_LOG` says otherwise; keep the guard
/// alive until exit so buffered lines are flushed.
pub fn init(state_dir: &Path, level: &str) -> std::io::Result<WorkerGuard> {
    crate::config::create_private_dir(state_dir)?;
    let appender = tracing_appender::rolling::never(state_dir, "panfm.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("PANFM_LOG").unwrap_or_else(|_| EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    Ok(guard)
}

/// Logging to stderr for the command-line subcommands, at `default` level unless `PANFM_LOG`
/// says otherwise (`off` for none).
pub fn init_stderr(default: &str) {
    let filter = EnvFilter::try_from_env("PANFM_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .without_time()
        .try_init();
}

//! The `panfm` binary: parse arguments, install the error and panic hooks, run.

#![forbid(unsafe_code)]

use clap::Parser;

fn main() -> color_eyre::Result<std::process::ExitCode> {
    panfm::runtime::terminal::install_hooks()?;
    let cli = panfm::cli::Cli::parse();
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(panfm::launch::run(cli))
}

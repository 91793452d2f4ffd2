//! The `panfm` binary: install the error and panic hooks, parse arguments, run.

#![forbid(unsafe_code)]

fn main() -> color_eyre::Result<std::process::ExitCode> {
    panfm::runtime::terminal::install_hooks()?;
    let cli = match panfm::launch::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(e) => return e.settle(),
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime
        .block_on(panfm::launch::run(cli))
        .or_else(|e| e.settle())
}

//! The scriptable subcommands: logging on stderr, then either the account commands (login,
//! logout), completions, or a cloud command on the shared client built by `cloud::connect`,
//! the same one the TUI uses. Every path out returns an exit status; nothing here prints data.

use super::{LaunchError, cloud};
use crate::cli::{Cli, Cmd};
use crate::cmd::{self, Ctx, Status, Verbosity};
use clap::CommandFactory;
use std::process::ExitCode;

pub async fn run(cli: &Cli, command: Cmd) -> Result<ExitCode, LaunchError> {
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (false, 0) => Verbosity::Normal,
        (false, _) => Verbosity::Verbose,
    };
    crate::logging::init_stderr(match (verbosity, cli.verbose) {
        (Verbosity::Quiet, _) => "off",
        (_, 0 | 1) => "warn",
        _ => "panfm=debug",
    });
    if let Cmd::Completions(args) = command {
        let mut out = std::io::stdout();
        clap_complete::generate(args.shell, &mut Cli::command(), "panfm", &mut out);
        return Ok(ExitCode::SUCCESS);
    }
    let paths = super::paths(cli.config_dir.as_deref())?;
    let settings = super::settings::Settings::load(&paths)?;
    let api_base = cli.api_base.as_deref();
    if !cli.demo {
        cloud::check_api_base(api_base)?;
    }
    match command {
        Cmd::Login => {
            let make = |auth| cloud::client_for(auth, api_base, &paths);
            return Ok(cmd::account::login(&paths, make, verbosity).await.into());
        }
        Cmd::Logout => return Ok(cmd::account::logout(&paths, api_base, verbosity).into()),
        _ => {}
    }
    let cloud = match cloud::connect(cli.demo, api_base, &paths).await {
        Ok(Some(cloud)) => cloud,
        Ok(None) => {
            eprintln!(
                "panfm: not logged in: run `panfm login`, or set PANFM_CLIENT_ID and \
                 PANFM_CLIENT_SECRET (or PANFM_ACCESS_TOKEN)"
            );
            return Ok(Status::Auth.into());
        }
        Err(LaunchError::User(e)) => {
            eprintln!("panfm: {e}");
            return Ok(Status::Auth.into());
        }
        Err(e) => return Err(e),
    };
    settings.apply_tier(&cloud.client);
    let mut ctx = Ctx::new(cloud.client.clone(), verbosity);
    ctx.editor = settings.editor();
    // The demo's drive is new every run: nothing to continue later.
    if !cloud.is_demo() {
        ctx.state_dir = Some(paths.state.clone());
    }
    let status = cmd::dispatch(&mut ctx, command).await;
    drop(cloud);
    Ok(status.into())
}

//! `panfm login` and `panfm logout`.
//!
//! Login reads the client id and secret (the secret without echo on a terminal; two lines from
//! stdin otherwise, so scripts can pipe them), mints one token with them, and saves them (mode
//! 0600) only when the server accepted them. The new token goes into the shared cache, so the
//! next command does not mint another. Logout removes the credentials file and the cached token
//! of that client id (the token itself stays valid on the server until it expires or is
//! evicted). Neither ever prints the secret or a token.

use super::ctx::Verbosity;
use super::exit::Status;
use crate::api::{self, ApiError, ApiErrorKind, Auth, Credentials, forget_cached_token};
use crate::config::Paths;
use std::io::{BufRead, IsTerminal, Write};

pub async fn login(
    paths: &Paths,
    make_client: impl Fn(Auth) -> Result<api::Client, ApiError>,
    verbosity: Verbosity,
) -> Status {
    let creds = match read_credentials() {
        Ok(creds) => creds,
        Err(message) => {
            eprintln!("panfm: {message}");
            return Status::Usage;
        }
    };
    let client = match make_client(Auth::Credentials(creds.clone())) {
        Ok(client) => client,
        Err(e) => {
            eprintln!("panfm: {e}");
            return Status::Failure;
        }
    };
    // A cached token of this client id may come from another secret: verify with a new one.
    if let Err(e) = forget_cached_token(&paths.cache, client.base_url(), &creds.client_id) {
        eprintln!("panfm: cannot clear the cached token: {e}");
        return Status::Failure;
    }
    let user = match client.user_info().await {
        Ok(user) => user,
        Err(e) if e.kind == ApiErrorKind::Auth => {
            eprintln!("panfm: the server rejected these credentials; nothing was saved ({e})");
            return Status::Auth;
        }
        Err(e) => {
            eprintln!("panfm: cannot check the credentials; nothing was saved ({e})");
            return Status::Failure;
        }
    };
    if let Err(e) = creds.save(paths) {
        eprintln!("panfm: {e}");
        return Status::Failure;
    }
    if verbosity > Verbosity::Quiet {
        eprintln!(
            "logged in as {} (uid {}); credentials saved in {}",
            user.nickname,
            user.uid,
            Credentials::file(paths).display()
        );
    }
    Status::Success
}

fn read_credentials() -> Result<Credentials, String> {
    let stdin = std::io::stdin();
    let (id, secret) = match stdin.is_terminal() {
        true => {
            eprint!("Client ID: ");
            let _ = std::io::stderr().flush();
            let id = read_line(&mut stdin.lock())?;
            let secret = rpassword::prompt_password("Client secret: ")
                .map_err(|e| format!("cannot read the secret: {e}"))?;
            (id, secret)
        }
        false => {
            let mut lines = stdin.lock();
            (read_line(&mut lines)?, read_line(&mut lines)?)
        }
    };
    let (id, secret) = (id.trim().to_owned(), secret.trim().to_owned());
    if id.is_empty() || secret.is_empty() {
        return Err("give a client id and a client secret (one per line on stdin)".to_owned());
    }
    Ok(Credentials::new(id, secret))
}

fn read_line(input: &mut impl BufRead) -> Result<String, String> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    Ok(line)
}

pub fn logout(paths: &Paths, api_base: Option<&str>, verbosity: Verbosity) -> Status {
    let stored = Credentials::load(paths).ok().flatten();
    let removed = match Credentials::delete(paths) {
        Ok(removed) => removed,
        Err(e) => {
            eprintln!("panfm: {e}");
            return Status::Failure;
        }
    };
    let base = api_base.unwrap_or(api::DEFAULT_BASE_URL);
    let env_id = std::env::var("PANFM_CLIENT_ID").ok();
    let ids = stored.map(|c| c.client_id).into_iter().chain(env_id);
    let mut forgot = false;
    for id in ids.filter(|id| !id.trim().is_empty()) {
        match forget_cached_token(&paths.cache, base, id.trim()) {
            Ok(gone) => forgot |= gone,
            Err(e) => {
                eprintln!("panfm: cannot remove the cached token: {e}");
                return Status::Failure;
            }
        }
    }
    if verbosity > Verbosity::Quiet {
        match (removed, forgot) {
            (false, false) => eprintln!("not logged in; nothing to forget"),
            (true, true) => eprintln!("logged out: credentials and cached token removed"),
            (true, false) => eprintln!("logged out: credentials removed"),
            (false, true) => eprintln!("logged out: cached token removed"),
        }
    }
    Status::Success
}

//! Developer credentials (`clientID` + `clientSecret`): stored as TOML with mode 0600 in
//! `<config>/credentials.toml` for `panfm login` / `logout`, and resolved at start-up from the
//! environment or that file. Nothing here talks to the network.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::config::Auth;
use crate::config::{Paths, write_private};

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub client_id: String,
    pub client_secret: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    #[error("cannot access {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} is not a valid credentials file: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{0}")]
    Incomplete(&'static str),
}

impl Credentials {
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }

    pub fn file(paths: &Paths) -> PathBuf {
        paths.config.join("credentials.toml")
    }

    /// The stored credentials; `None` when there is no file.
    pub fn load(paths: &Paths) -> Result<Option<Self>, CredentialsError> {
        let path = Self::file(paths);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(CredentialsError::Io { path, source }),
        };
        let creds: Self = toml::from_str(&text).map_err(|e| invalid(&path, e.message()))?;
        if creds.client_id.trim().is_empty() || creds.client_secret.trim().is_empty() {
            return Err(invalid(
                &path,
                "client_id and client_secret must not be empty",
            ));
        }
        Ok(Some(creds))
    }

    /// Writes the file atomically with mode 0600, replacing any previous one.
    pub fn save(&self, paths: &Paths) -> Result<(), CredentialsError> {
        let path = Self::file(paths);
        let text = toml::to_string(self).map_err(|e| invalid(&path, &e.to_string()))?;
        write_private(&path, text.as_bytes())
            .map_err(|source| CredentialsError::Io { path, source })
    }

    /// Removes the stored file; `Ok(false)` when there was none.
    pub fn delete(paths: &Paths) -> Result<bool, CredentialsError> {
        let path = Self::file(paths);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(CredentialsError::Io { path, source }),
        }
    }
}

fn invalid(path: &Path, message: &str) -> CredentialsError {
    CredentialsError::Invalid {
        path: path.to_path_buf(),
        message: message.to_owned(),
    }
}

/// The authentication-related environment, passed in so that resolution is testable without
/// touching the process environment. Empty values count as unset.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AuthEnv {
    /// `PANFM_ACCESS_TOKEN`
    pub access_token: Option<String>,
    /// `PANFM_CLIENT_ID`
    pub client_id: Option<String>,
    /// `PANFM_CLIENT_SECRET`
    pub client_secret: Option<String>,
}

impl fmt::Debug for AuthEnv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redact = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("AuthEnv")
            .field("access_token", &redact(&self.access_token))
            .field("client_id", &self.client_id)
            .field("client_secret", &redact(&self.client_secret))
            .finish()
    }
}

impl AuthEnv {
    pub fn from_process() -> Self {
        let var = |name| std::env::var(name).ok();
        Self {
            access_token: var("PANFM_ACCESS_TOKEN"),
            client_id: var("PANFM_CLIENT_ID"),
            client_secret: var("PANFM_CLIENT_SECRET"),
        }
    }
}

/// Where the resolved authentication came from, for messages like "using PANFM_ACCESS_TOKEN".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthSource {
    EnvAccessToken,
    EnvCredentials,
    StoredCredentials,
}

/// An environment value, unless unset or blank.
fn set(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Picks the authentication to use, first match wins: `PANFM_ACCESS_TOKEN`, then
/// `PANFM_CLIENT_ID` + `PANFM_CLIENT_SECRET`, then the stored credentials file. `Ok(None)` means
/// nothing is configured (the user should run `panfm login`).
pub fn resolve_auth(
    env: &AuthEnv,
    paths: &Paths,
) -> Result<Option<(Auth, AuthSource)>, CredentialsError> {
    if let Some(token) = set(&env.access_token) {
        return Ok(Some((
            Auth::AccessToken(token.to_owned()),
            AuthSource::EnvAccessToken,
        )));
    }
    match (set(&env.client_id), set(&env.client_secret)) {
        (Some(id), Some(secret)) => {
            let creds = Credentials::new(id, secret);
            return Ok(Some((Auth::Credentials(creds), AuthSource::EnvCredentials)));
        }
        (Some(_), None) => {
            return Err(CredentialsError::Incomplete(
                "PANFM_CLIENT_ID is set but PANFM_CLIENT_SECRET is not",
            ));
        }
        (None, Some(_)) => {
            return Err(CredentialsError::Incomplete(
                "PANFM_CLIENT_SECRET is set but PANFM_CLIENT_ID is not",
            ));
        }
        (None, None) => {}
    }
    Ok(Credentials::load(paths)?.map(|c| (Auth::Credentials(c), AuthSource::StoredCredentials)))
}

#[cfg(test)]
#[path = "credentials_tests.rs"]
mod tests;

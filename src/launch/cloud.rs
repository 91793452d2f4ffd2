//! Builds the cloud side for a session: the embedded demo server (`--demo`) or the account
//! from `PANFM_ACCESS_TOKEN`, `PANFM_CLIENT_ID`/`SECRET` or `panfm login`, and one shared
//! [`api::Client`] for everything that talks to it.

use super::LaunchError;
use crate::api::{self, AuthEnv, ClientConfig, Credentials};
use crate::config::Paths;
use crate::mock::{MockConfig, MockServer, Seed};
use color_eyre::eyre::{WrapErr, eyre};

/// The cloud connection of one run; keeps the demo server alive as long as it lives.
pub struct Cloud {
    pub client: api::Client,
    _demo: Option<(MockServer, tempfile::TempDir)>,
}

impl Cloud {
    /// Running on the embedded demo server (whose drive starts afresh every run).
    pub fn is_demo(&self) -> bool {
        self._demo.is_some()
    }

    /// The demo's private folder, gone when the run ends.
    pub fn scratch(&self) -> Option<&std::path::Path> {
        self._demo.as_ref().map(|(_, dir)| dir.path())
    }
}

/// `Ok(None)` when no account is configured (the app then runs local-only). Credentials that
/// are half set or unreadable are the user's to fix.
pub async fn connect(
    demo: bool,
    api_base: Option<&str>,
    paths: &Paths,
) -> Result<Option<Cloud>, LaunchError> {
    if demo {
        return Ok(Some(start_demo().await?));
    }
    let resolved = api::resolve_auth(&AuthEnv::from_process(), paths)
        .map_err(|e| LaunchError::user(e.to_string()))?;
    let Some((auth, source)) = resolved else {
        return Ok(None);
    };
    tracing::info!(?source, "cloud account configured");
    let client = client_for(auth, api_base, paths).map_err(|e| eyre!("{e}"))?;
    Ok(Some(Cloud {
        client,
        _demo: None,
    }))
}

/// `--api-base` (or `PANFM_API_BASE`), when given, must be an http(s) URL with a host.
pub fn check_api_base(api_base: Option<&str>) -> Result<(), LaunchError> {
    let Some(base) = api_base else {
        return Ok(());
    };
    let refused = |why: &str| {
        LaunchError::user(format!(
            "bad API base {base:?} (--api-base or PANFM_API_BASE): {why}; expected one like {}",
            api::DEFAULT_BASE_URL
        ))
    };
    match reqwest::Url::parse(base) {
        Ok(url) if !matches!(url.scheme(), "http" | "https") => Err(refused("not an http(s) URL")),
        Ok(url) if url.host_str().is_none_or(str::is_empty) => Err(refused("the URL has no host")),
        Ok(_) => Ok(()),
        Err(e) => Err(refused(&format!("not a URL ({e})"))),
    }
}

/// The client for an account: `api_base` or the real server, tokens cached in `paths.cache`
/// (the cache every run shares, so a run mints a token only when none is fresh there), and
/// the rate limiter's recent grants shared there with the account's other runs.
pub fn client_for(
    auth: api::Auth,
    api_base: Option<&str>,
    paths: &Paths,
) -> Result<api::Client, api::ApiError> {
    let mut cfg = ClientConfig::new(auth);
    if let Some(base) = api_base {
        cfg.base_url = base.trim_end_matches('/').to_owned();
    }
    cfg.token_cache_dir = Some(paths.cache.clone());
    cfg.rate_limit_dir = Some(paths.cache.clone());
    api::Client::new(cfg)
}

async fn start_demo() -> color_eyre::Result<Cloud> {
    let server = MockServer::start(MockConfig {
        seed: Seed::Demo,
        ..MockConfig::default()
    })
    .await
    .wrap_err("cannot start the demo server")?;
    // The demo token and rate-limit state live and die with this run; they never touch the
    // real cache.
    let cache = tempfile::Builder::new().prefix("panfm-demo-").tempdir()?;
    let creds = Credentials::new(server.client_id(), server.client_secret());
    let mut cfg = ClientConfig::new(api::Auth::Credentials(creds));
    cfg.base_url = server.base_url().to_owned();
    cfg.token_cache_dir = Some(cache.path().to_path_buf());
    cfg.rate_limit_dir = Some(cache.path().to_path_buf());
    let client = api::Client::new(cfg).map_err(|e| eyre!("{e}"))?;
    tracing::info!(base_url = server.base_url(), "demo server started");
    Ok(Cloud {
        client,
        _demo: Some((server, cache)),
    })
}

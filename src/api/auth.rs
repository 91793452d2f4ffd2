//! The access token a `Client` sends, and the 3-token rule around it (§2.3, §8.11): each mint
//! may evict another device's token, so mint only when needed, share one mint among concurrent
//! callers, reuse the disk cache across launches and instances, and on a 401 replace the token
//! at most once per request, and only if nobody replaced it already.

use std::path::Path;
use std::sync::Mutex;

use chrono::Utc;

use super::client::Client;
use super::config::Auth;
use super::credentials::Credentials;
use super::endpoint::Endpoint;
use super::error::{ApiError, ApiErrorKind};
use super::lenient;
use super::token_cache::{CachedToken, Token, TokenCache};
use super::transport::ApiRequest;
use super::wire::auth::{TokenData, TokenRequest};

/// Assumed lifetime of a minted token whose `expiredAt` cannot be parsed. A wrong guess costs
/// one 401 and one re-mint; a fresh token has been seen to live 30 to 90 days [S001][OL].
const FALLBACK_LIFETIME: chrono::Duration = chrono::Duration::hours(24);

#[derive(Debug)]
pub(crate) enum TokenState {
    Fixed(Token),
    Minted(Minter),
}

#[derive(Debug)]
pub(crate) struct Minter {
    credentials: Credentials,
    cache: Option<TokenCache>,
    current: Mutex<Option<CachedToken>>,
    /// Held while deciding whether to mint, so that two mints never overlap.
    mint_lock: tokio::sync::Mutex<()>,
}

/// How a rejected token was dealt with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replacement {
    /// Another task had already replaced it, or another process had cached a different one.
    Adopted,
    /// This call minted a new token.
    Minted,
    /// A fixed token cannot be replaced.
    Impossible,
}

impl TokenState {
    /// Who the token acts for, for keying local state: the client id, or for a fixed access
    /// token a digest of it (never the token itself).
    pub(crate) fn identity(&self) -> String {
        match self {
            Self::Minted(m) => format!("client {}", m.credentials.client_id),
            Self::Fixed(token) => {
                let digest = md5_lanes::Md5::digest(token.expose().as_bytes());
                let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                format!("token {hex}")
            }
        }
    }

    pub(crate) fn new(auth: Auth, cache_dir: Option<&Path>, base_url: &str) -> Self {
        match auth {
            Auth::AccessToken(token) => Self::Fixed(Token::new(token.trim())),
            Auth::Credentials(credentials) => Self::Minted(Minter {
                cache: cache_dir.map(|d| TokenCache::new(d, base_url, &credentials.client_id)),
                credentials,
                current: Mutex::new(None),
                mint_lock: tokio::sync::Mutex::new(()),
            }),
        }
    }
}

impl Minter {
    fn current(&self) -> Option<CachedToken> {
        match self.current.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set_current(&self, token: CachedToken) {
        match self.current.lock() {
            Ok(mut guard) => *guard = Some(token),
            Err(poisoned) => *poisoned.into_inner() = Some(token),
        }
    }

    fn fresh_current(&self) -> Option<Token> {
        self.current()
            .filter(|t| t.is_fresh(Utc::now()))
            .map(|t| t.token)
    }

    fn fresh_cached(&self) -> Option<CachedToken> {
        self.cache
            .as_ref()?
            .load()
            .filter(|t| t.is_fresh(Utc::now()))
    }

    fn keep(&self, token: CachedToken) {
        if let Some(cache) = &self.cache
            && let Err(e) = cache.store(&token)
        {
            tracing::warn!(path = %cache.path().display(), error = %e, "cannot cache the access token");
        }
        self.set_current(token);
    }
}

impl Client {
    /// A usable token: the current one, the cached one, or a newly minted one.
    pub(crate) async fn token(&self) -> Result<Token, ApiError> {
        let minter = match &self.inner.tokens {
            TokenState::Fixed(token) => return Ok(token.clone()),
            TokenState::Minted(minter) => minter,
        };
        if let Some(token) = minter.fresh_current() {
            return Ok(token);
        }
        let _guard = minter.mint_lock.lock().await;
        if let Some(token) = minter.fresh_current() {
            return Ok(token);
        }
        if let Some(cached) = minter.fresh_cached() {
            tracing::debug!("using the cached access token");
            let token = cached.token.clone();
            minter.set_current(cached);
            return Ok(token);
        }
        let minted = self.mint(&minter.credentials).await?;
        let token = minted.token.clone();
        minter.keep(minted);
        Ok(token)
    }

    /// Gets a token (the cached one, or a newly minted one) and nothing else, so that a caller
    /// about to start work that fails item by item can first tell rejected credentials apart.
    pub async fn authenticate(&self) -> Result<(), ApiError> {
        self.token().await.map(drop)
    }

    /// Called after the server rejected `failed` with code 401: makes the next `token()` return
    /// a different token, minting only if `failed` is still the one in use everywhere we know.
    pub(crate) async fn replace_rejected(&self, failed: &Token) -> Result<Replacement, ApiError> {
        let TokenState::Minted(minter) = &self.inner.tokens else {
            return Ok(Replacement::Impossible);
        };
        let _guard = minter.mint_lock.lock().await;
        if minter.current().is_some_and(|c| c.token != *failed) {
            return Ok(Replacement::Adopted);
        }
        if let Some(cached) = minter.fresh_cached().filter(|c| c.token != *failed) {
            minter.set_current(cached);
            return Ok(Replacement::Adopted);
        }
        let minted = self.mint(&minter.credentials).await?;
        minter.keep(minted);
        Ok(Replacement::Minted)
    }

    async fn mint(&self, credentials: &Credentials) -> Result<CachedToken, ApiError> {
        tracing::info!(client_id = %credentials.client_id, "minting a new access token");
        let body = TokenRequest {
            client_id: &credentials.client_id,
            client_secret: &credentials.client_secret,
        };
        let request = ApiRequest::json(self, Endpoint::AccessToken, &body)?;
        // Boxed: `call` awaits `token`, which awaits this.
        // The code for rejected credentials is undocumented (the mock says 1): any definite
        // refusal of the mint is an authentication problem for the user.
        let data: TokenData = Box::pin(self.call(request)).await.map_err(|e| {
            if e.code.is_some() && !e.is_retryable() {
                ApiError {
                    kind: ApiErrorKind::Auth,
                    ..e
                }
            } else {
                e
            }
        })?;
        let expires_at = lenient::parse_time(&data.expired_at).unwrap_or_else(|| {
            tracing::warn!(expired_at = %data.expired_at, "unparseable expiredAt; assuming 24 h");
            Utc::now() + FALLBACK_LIFETIME
        });
        Ok(CachedToken {
            token: Token::new(&data.access_token),
            expires_at,
        })
    }
}

//! [`Client`]: the handle every caller holds. Cloning is cheap and all clones share the HTTP
//! connection pools (API calls and uploads; downloads), one token and one rate limiter.

use std::sync::Arc;
use std::time::Duration;

use super::auth::TokenState;
use super::config::{Auth, ClientConfig, Timeouts};
use super::error::{ApiError, ApiErrorKind};
use super::rate_limit::RateLimiter;
use super::retry::RetryPolicy;
use super::shared_grants::SharedGrants;
use super::token_cache::account_key;
use super::upload::md5_hex;

/// Build one per account and clone it everywhere: the token and the rate limiter live inside,
/// and two separately built clients would each spend the server's QPS budget.
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    /// JSON calls and uploads, each with its own whole-request timeout.
    pub http: reqwest::Client,
    /// CDN downloads: no total limit, `Timeouts::read_idle` for the answer and between bytes.
    pub downloads: reqwest::Client,
    pub base_url: String,
    pub tokens: TokenState,
    pub limiter: RateLimiter,
    pub retry: RetryPolicy,
    pub timeouts: Timeouts,
    /// The QPS column was chosen by the user (`api_tier`): the account's flag does not move it.
    pub tier_fixed: std::sync::atomic::AtomicBool,
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let build = |read_idle: Option<Duration>| {
            let mut builder = reqwest::Client::builder()
                .user_agent(config.user_agent.as_str())
                .connect_timeout(config.timeouts.connect);
            if let Some(idle) = read_idle {
                builder = builder.read_timeout(idle);
            }
            builder.build().map_err(|e| {
                ApiError::new(
                    ApiErrorKind::Fatal,
                    "client",
                    format!("cannot build the HTTP client: {e}"),
                )
            })
        };
        // reqwest's read timeout also bounds the wait for an answer, which for an upload
        // includes sending it: only downloads get one; other calls have whole-request limits.
        let http = build(None)?;
        let downloads = build(Some(config.timeouts.read_idle))?;
        let base_url = config.base_url.trim_end_matches('/').to_owned();
        let limiter = match config.rate_limit {
            true => RateLimiter::new().sharing(shared_grants(&config, &base_url)),
            false => RateLimiter::from_limits([]),
        };
        limiter.set_vip(config.vip);
        let tokens = TokenState::new(config.auth, config.token_cache_dir.as_deref(), &base_url);
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                downloads,
                base_url,
                tokens,
                limiter,
                retry: config.retry,
                timeouts: config.timeouts,
                tier_fixed: std::sync::atomic::AtomicBool::new(false),
            }),
        })
    }

    /// The plain HTTP client, for fetching CDN `downloadUrl`s: it sends no `Authorization` or
    /// `Platform` headers, follows redirects, has a read-idle timeout and no total timeout.
    /// `Client::download` wraps it with `Range` and status handling.
    pub fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The API base and the account's client id (or a digest of a fixed token): a key for
    /// local state that belongs to one account on one server.
    pub fn account(&self) -> String {
        format!("{}\n{}", self.inner.base_url, self.inner.tokens.identity())
    }

    /// How this client repeats failed calls; callers that repeat whole operations back off
    /// alike.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// Switches the rate limiter to the VIP (`true`) or free column of the QPS table.
    /// `Client::user_info` does this by itself from the account's `vip` flag.
    pub fn set_vip(&self, vip: bool) {
        self.inner.limiter.set_vip(vip);
    }

    /// Fixes the QPS column to VIP (`true`) or free for this client's life, whatever the
    /// account's flag says (`api_tier` in `config.toml`).
    pub fn fix_tier(&self, vip: bool) {
        self.set_vip(vip);
        self.inner
            .tier_fixed
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Follows the account's `vip` flag unless the tier was fixed.
    pub(crate) fn follow_account_tier(&self, vip: bool) {
        if !self
            .inner
            .tier_fixed
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            self.set_vip(vip);
        }
    }

    pub fn is_vip(&self) -> bool {
        self.inner.limiter.is_vip()
    }
}

/// The grants file of this account on this server: keyed by the client id, or for a ready token
/// by a hash of it (the token itself never goes into a file name).
fn shared_grants(config: &ClientConfig, base_url: &str) -> Option<SharedGrants> {
    let dir = config.rate_limit_dir.as_deref()?;
    let account = match &config.auth {
        Auth::Credentials(credentials) => credentials.client_id.clone(),
        Auth::AccessToken(token) => format!("token:{}", md5_hex(token.trim().as_bytes())),
    };
    Some(SharedGrants::new(dir, &account_key(base_url, &account)))
}

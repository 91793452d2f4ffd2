//! What a `Client` is built from: server, authentication, token cache location, timeouts and
//! retry policy. Secrets in here never show in `Debug` output.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use super::credentials::Credentials;
use super::retry::RetryPolicy;

pub const DEFAULT_BASE_URL: &str = "https://open-api.123pan.com";

/// How the client authenticates.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// Developer credentials: the client mints access tokens as needed and caches them.
    Credentials(Credentials),
    /// A ready token (e.g. `PANFM_ACCESS_TOKEN`), used as is and never refreshed.
    AccessToken(String),
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Credentials(c) => f.debug_tuple("Credentials").field(c).finish(),
            Self::AccessToken(_) => f.write_str("AccessToken(<redacted>)"),
        }
    }
}

/// How long a request may take. A server that accepts the connection and then never answers
/// fails a call after `json` (30 s), and that call is not sent again (see `envelope`), so a
/// command against it ends in about half a minute, naming the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeouts {
    /// To open a connection; a host that drops the attempt is given up on quickly.
    pub connect: Duration,
    /// Whole-request limit for JSON calls (their answers are small, so this is also the
    /// longest silence they get).
    pub json: Duration,
    /// Slice and single-step uploads get `json` plus the time to send the payload at this rate
    /// (bytes per second).
    pub upload_min_rate: u64,
    /// Downloads have no total limit: the longest wait for the answer, then between bytes of
    /// the body. (Not used for uploads: the wait for their answer includes sending the payload.)
    pub read_idle: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(5),
            json: Duration::from_secs(30),
            upload_min_rate: 128 * 1024,
            read_idle: Duration::from_secs(30),
        }
    }
}

impl Timeouts {
    /// The whole-request limit for an upload of `bytes`.
    pub fn for_upload(&self, bytes: u64) -> Duration {
        let rate = self.upload_min_rate.max(1);
        self.json + Duration::from_secs(bytes.div_ceil(rate))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// Without a trailing slash, e.g. [`DEFAULT_BASE_URL`] or a mock's `http://127.0.0.1:port`.
    pub base_url: String,
    pub auth: Auth,
    /// Where minted tokens are cached (normally `Paths::cache`); `None` keeps them in memory.
    pub token_cache_dir: Option<PathBuf>,
    /// Where the rate limiter shares its recent grants with other panfm processes of the same
    /// account (normally `Paths::cache`); `None` paces this client alone.
    pub rate_limit_dir: Option<PathBuf>,
    pub user_agent: String,
    /// Start with the VIP column of the QPS table (see `Client::set_vip`).
    pub vip: bool,
    /// Pace requests by the client-side QPS table. Leave on against 123pan; turn off only for a
    /// server without limits (a benchmark against the mock with its QPS knob off).
    pub rate_limit: bool,
    pub retry: RetryPolicy,
    pub timeouts: Timeouts,
}

impl ClientConfig {
    pub fn new(auth: Auth) -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            auth,
            token_cache_dir: None,
            rate_limit_dir: None,
            user_agent: format!("panfm/{}", env!("CARGO_PKG_VERSION")),
            vip: false,
            rate_limit: true,
            retry: RetryPolicy::default(),
            timeouts: Timeouts::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_secrets() {
        let creds = Auth::Credentials(Credentials::new("id-1", "very-secret"));
        let cfg = ClientConfig::new(creds);
        let shown = format!("{cfg:?}");
        assert!(shown.contains("id-1"));
        assert!(!shown.contains("very-secret"), "{shown}");
        let token = format!("{:?}", Auth::AccessToken("tok-secret".into()));
        assert!(!token.contains("tok-secret"));
    }

    #[test]
    fn the_client_side_limiter_can_be_turned_off() {
        let mut cfg = ClientConfig::new(Auth::AccessToken("T".into()));
        let limited = crate::api::Client::new(cfg.clone()).unwrap();
        cfg.rate_limit = false;
        let unlimited = crate::api::Client::new(cfg).unwrap();
        use crate::api::endpoint::Endpoint;
        assert!(limited.inner.limiter.budget(Endpoint::Mkdir).is_some());
        assert!(unlimited.inner.limiter.budget(Endpoint::Mkdir).is_none());
    }

    #[test]
    fn shared_limiter_state_is_per_account_and_server_and_never_names_the_token() {
        let dir = tempfile::tempdir().unwrap();
        let path = |auth: Auth, base: &str, shared: bool, limited: bool| {
            let mut cfg = ClientConfig::new(auth);
            cfg.base_url = base.into();
            cfg.rate_limit_dir = shared.then(|| dir.path().to_path_buf());
            cfg.rate_limit = limited;
            let client = crate::api::Client::new(cfg).unwrap();
            let shared = client.inner.limiter.shared();
            shared.map(|s| s.path().file_name().unwrap().to_string_lossy().into_owned())
        };
        let token = |t: &str| Auth::AccessToken(t.into());
        let creds = |id: &str| Auth::Credentials(Credentials::new(id, "very-secret"));

        let t1 = path(token("tok-secret-1"), "http://a", true, true).unwrap();
        assert!(
            t1.starts_with("ratelimit-") && t1.ends_with(".json"),
            "{t1}"
        );
        assert!(!t1.contains("tok-secret"), "{t1}");
        assert_eq!(
            Some(&t1),
            path(token("tok-secret-1\n"), "http://a/", true, true).as_ref()
        );
        assert_ne!(
            Some(&t1),
            path(token("tok-secret-2"), "http://a", true, true).as_ref()
        );
        assert_ne!(
            Some(&t1),
            path(token("tok-secret-1"), "http://b", true, true).as_ref()
        );

        // Keyed like the token cache for developer credentials.
        let c = path(creds("id-1"), "http://a", true, true).unwrap();
        let cache = super::super::token_cache::TokenCache::new(dir.path(), "http://a", "id-1");
        let cache_name = cache.path().file_name().unwrap().to_string_lossy();
        assert_eq!(
            c.strip_prefix("ratelimit-"),
            cache_name.strip_prefix("token-")
        );
        assert!(!c.contains("very-secret"));

        assert_eq!(path(creds("id-1"), "http://a", false, true), None);
        assert_eq!(path(creds("id-1"), "http://a", true, false), None);
    }

    #[test]
    fn a_silent_server_is_given_seconds_to_connect_and_half_a_minute_to_answer() {
        let t = Timeouts::default();
        assert_eq!(t.connect, Duration::from_secs(5));
        assert_eq!(
            (t.json, t.read_idle),
            (Duration::from_secs(30), Duration::from_secs(30))
        );
    }

    #[test]
    fn upload_timeout_grows_with_the_payload() {
        let t = Timeouts::default();
        assert_eq!(t.for_upload(0), Duration::from_secs(30));
        assert_eq!(t.for_upload(16 << 20), Duration::from_secs(30 + 128));
    }
}

//! The access token as a value ([`Token`], redacted in `Debug`) and its on-disk cache.
//!
//! Minting a token can evict another device's token (at most 3 live per client_id [S001]), so a
//! minted token is kept in `<cache>/token-<key>.json` (mode 0600) and reused across launches and
//! `Client` instances until shortly before its `expiredAt`. The key hashes the base URL and the
//! client id, so the demo mock and the real server never share a token.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use md5_lanes::Md5;
use serde::{Deserialize, Serialize};

use crate::config::write_private;

/// A token is considered expired this long before its `expiredAt`.
pub(crate) const EXPIRY_MARGIN: Duration = Duration::from_secs(5 * 60);

/// An access token. Cheap to clone; never printed.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Token(Arc<str>);

impl Token {
    pub(crate) fn new(s: &str) -> Self {
        Self(Arc::from(s))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CachedToken {
    pub token: Token,
    pub expires_at: DateTime<Utc>,
}

impl CachedToken {
    /// Usable at `now`: more than [`EXPIRY_MARGIN`] before expiry.
    pub(crate) fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        chrono::Duration::from_std(EXPIRY_MARGIN)
            .ok()
            .and_then(|margin| now.checked_add_signed(margin))
            .is_some_and(|limit| self.expires_at > limit)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CacheFile {
    base_url: String,
    client_id: String,
    access_token: String,
    expired_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub(crate) struct TokenCache {
    path: PathBuf,
    base_url: String,
    client_id: String,
}

impl TokenCache {
    pub(crate) fn new(dir: &Path, base_url: &str, client_id: &str) -> Self {
        let base_url = base_url.trim_end_matches('/').to_owned();
        Self {
            path: dir.join(format!("token-{}.json", account_key(&base_url, client_id))),
            base_url,
            client_id: client_id.to_owned(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The cached token for this (base URL, client id), fresh or not; `None` when there is no
    /// readable file or it belongs to another server or client.
    pub(crate) fn load(&self) -> Option<CachedToken> {
        let bytes = std::fs::read(&self.path).ok()?;
        let file: CacheFile = match serde_json::from_slice(&bytes) {
            Ok(file) => file,
            Err(e) => {
                tracing::warn!(path = %self.path.display(), error = %e, "ignoring unreadable token cache");
                return None;
            }
        };
        (file.base_url == self.base_url && file.client_id == self.client_id).then(|| CachedToken {
            token: Token::new(&file.access_token),
            expires_at: file.expired_at,
        })
    }

    pub(crate) fn store(&self, token: &CachedToken) -> std::io::Result<()> {
        let file = CacheFile {
            base_url: self.base_url.clone(),
            client_id: self.client_id.clone(),
            access_token: token.token.expose().to_owned(),
            expired_at: token.expires_at,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(std::io::Error::other)?;
        write_private(&self.path, &json)
    }
}

/// The file-name key of an account on a server: 16 hex digits of a hash of both, so that the
/// demo mock and the real server, or two accounts, never share a file.
pub(crate) fn account_key(base_url: &str, account: &str) -> String {
    let base_url = base_url.trim_end_matches('/');
    let digest = Md5::digest(format!("{base_url}\n{account}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Deletes the cached token of (`base_url`, `client_id`) under `cache_dir`, e.g. on
/// `panfm logout`. `Ok(false)` when there was none. The token itself stays valid on the server
/// until it expires or is evicted.
pub fn forget_cached_token(
    cache_dir: &Path,
    base_url: &str,
    client_id: &str,
) -> std::io::Result<bool> {
    let cache = TokenCache::new(cache_dir, base_url, client_id);
    match std::fs::remove_file(cache.path()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 23, h, m, 0).unwrap()
    }

    fn token(s: &str, expires_at: DateTime<Utc>) -> CachedToken {
        CachedToken {
            token: Token::new(s),
            expires_at,
        }
    }

    #[test]
    fn freshness_keeps_a_five_minute_margin() {
        let t = token("a", at(12, 0));
        assert!(t.is_fresh(at(11, 54)));
        assert!(!t.is_fresh(at(11, 55)));
        assert!(!t.is_fresh(at(12, 30)));
    }

    #[test]
    fn store_and_load_round_trip_privately() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path(), "http://127.0.0.1:9/", "client-a");
        assert_eq!(cache.load(), None);
        let t = token("eyJ.secret.sig", at(15, 48));
        cache.store(&t).unwrap();
        assert_eq!(cache.load(), Some(t));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(cache.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // The same server spelled without the trailing slash shares the entry.
        let same = TokenCache::new(dir.path(), "http://127.0.0.1:9", "client-a");
        assert_eq!(same.path(), cache.path());
    }

    #[test]
    fn keyed_by_server_and_client() {
        let dir = tempfile::tempdir().unwrap();
        let a = TokenCache::new(dir.path(), "https://open-api.123pan.com", "client-a");
        let b = TokenCache::new(dir.path(), "http://127.0.0.1:4000", "client-a");
        let c = TokenCache::new(dir.path(), "https://open-api.123pan.com", "client-b");
        assert_ne!(a.path(), b.path());
        assert_ne!(a.path(), c.path());
        a.store(&token("real", at(15, 0))).unwrap();
        assert_eq!(b.load(), None);
        assert_eq!(c.load(), None);
        // A file copied over another key's name is rejected by its contents.
        std::fs::copy(a.path(), b.path()).unwrap();
        assert_eq!(b.load(), None);
    }

    #[test]
    fn forgetting_removes_only_that_entry() {
        let dir = tempfile::tempdir().unwrap();
        let a = TokenCache::new(dir.path(), "http://a", "c");
        let b = TokenCache::new(dir.path(), "http://b", "c");
        a.store(&token("x", at(15, 0))).unwrap();
        b.store(&token("y", at(15, 0))).unwrap();
        assert!(forget_cached_token(dir.path(), "http://a/", "c").unwrap());
        assert!(!forget_cached_token(dir.path(), "http://a", "c").unwrap());
        assert_eq!(a.load(), None);
        assert!(b.load().is_some());
    }

    #[test]
    fn corrupt_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path(), "http://x", "c");
        std::fs::write(cache.path(), b"{not json").unwrap();
        assert_eq!(cache.load(), None);
    }

    #[test]
    fn debug_hides_the_token() {
        let shown = format!("{:?}", token("eyJ.secret.sig", at(1, 0)));
        assert!(!shown.contains("secret"), "{shown}");
    }
}

//! Download URLs per cloud file, kept for a few minutes: `download_info` is rate-limited and a
//! viewer reads many windows of one file. The URL is IP-bound and temporary, so the reader
//! forgets one the CDN refuses and asks again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a URL is trusted. The lifetime is undocumented for the open API (API.md §6.1:
/// "cache briefly (minutes)"); a refused one is renewed anyway.
pub(super) const TTL: Duration = Duration::from_secs(5 * 60);

#[derive(Clone, Default)]
pub(super) struct UrlCache {
    urls: Arc<Mutex<HashMap<i64, (String, Instant)>>>,
}

impl UrlCache {
    pub fn get(&self, id: i64) -> Option<String> {
        let urls = self.lock();
        let (url, at) = urls.get(&id)?;
        (at.elapsed() < TTL).then(|| url.clone())
    }

    pub fn put(&self, id: i64, url: String) {
        let mut urls = self.lock();
        urls.retain(|_, (_, at)| at.elapsed() < TTL);
        urls.insert(id, (url, Instant::now()));
    }

    pub fn forget(&self, id: i64) {
        self.lock().remove(&id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, (String, Instant)>> {
        self.urls.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_then_forgotten() {
        let cache = UrlCache::default();
        assert_eq!(cache.get(1), None);
        cache.put(1, "u1".into());
        assert_eq!(cache.get(1).as_deref(), Some("u1"));
        cache.forget(1);
        assert_eq!(cache.get(1), None);
    }
}

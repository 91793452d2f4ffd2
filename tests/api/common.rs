//! Starting a mock and building clients for it.

use std::path::Path;
use std::time::Duration;

use panfm::api::{Auth, Client, ClientConfig, Credentials, RetryPolicy};
use panfm::mock::{MockConfig, MockServer};

/// A mock with its default knobs, holding the client to the documented field spelling.
pub async fn mock() -> MockServer {
    let mut cfg = MockConfig::default();
    cfg.knobs.strict_names = true;
    MockServer::start(cfg).await.unwrap()
}

pub fn config(mock: &MockServer, token_cache: Option<&Path>) -> ClientConfig {
    let creds = Credentials::new(mock.client_id(), mock.client_secret());
    let mut cfg = ClientConfig::new(Auth::Credentials(creds));
    cfg.base_url = mock.base_url().to_owned();
    cfg.token_cache_dir = token_cache.map(Path::to_path_buf);
    cfg
}

pub fn client(mock: &MockServer) -> Client {
    Client::new(config(mock, None)).unwrap()
}

/// Retries with short delays, for tests that provoke many of them.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        base_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(200),
        ..RetryPolicy::default()
    }
}

/// Requests the mock received for `path`.
pub fn calls(mock: &MockServer, path: &str) -> u64 {
    mock.stats().calls_to(path)
}

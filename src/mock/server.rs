//! [`MockServer`]: starting (state directory, saved state or seed, listener, saver task),
//! runtime knobs, counters, and shutting down.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::blobs::Blobs;
use super::config::{Knobs, MockConfig};
use super::images::Images;
use super::persist;
use super::router;
use super::seed;
use super::shared::{Drive, Shared, SharedParts};
use super::stats::Stats;
use super::tokens::Tokens;
use super::tree::Tree;
use super::upload::Uploads;

/// The account's uid (the one in the documents' `s3KeyFlag` example).
const UID: i64 = 1_814_435_920;
const FIRST_ID: i64 = 10_000_001;
const FIRST_TASK: i64 = 1_000_001;
/// How long `shutdown` lets in-flight requests finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running mock 123pan Open API server on a loopback port.
pub struct MockServer {
    pub(super) shared: Arc<Shared>,
    cancel: CancellationToken,
    server: Option<JoinHandle<()>>,
    saver: Option<JoinHandle<()>>,
    root: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

fn other(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(format!("mock server: {e}"))
}

/// Removes leftovers of requests cut short by a previous run.
fn clear_partials(dir: &Path, prefix: &str) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn open_state(cfg: &MockConfig, root: &Path) -> std::io::Result<(Drive, Tokens, bool)> {
    let blobs_dir = root.join("blobs");
    std::fs::create_dir_all(&blobs_dir)?;
    std::fs::create_dir_all(root.join("uploads"))?;
    clear_partials(&blobs_dir, ".incoming-")?;
    clear_partials(&root.join("uploads"), ".part-")?;
    let mut drive = Drive {
        tree: Tree::new(FIRST_ID),
        blobs: Blobs::new(blobs_dir),
        uploads: Uploads::default(),
        copies: Default::default(),
        next_task: FIRST_TASK,
        images: Images::default(),
        sharing: Default::default(),
        offline: Default::default(),
    };
    let saved = match cfg.state_dir {
        Some(_) => persist::load(root)?,
        None => None,
    };
    match saved {
        Some(snap) => {
            drive.tree = Tree::restore(snap.tree);
            drive.blobs.restore(snap.blobs);
            drive.uploads = Uploads::restore(snap.uploads);
            drive.next_task = snap.next_task;
            if let Some(images) = snap.images {
                drive.images = Images::restore(images);
            }
            drive.sharing = snap.sharing.unwrap_or_default();
            Ok((drive, snap.tokens, false))
        }
        None => {
            seed::apply(cfg.seed, &mut drive).map_err(|e| other(e.message))?;
            Ok((drive, Tokens::default(), true))
        }
    }
}

impl MockServer {
    /// Starts on `127.0.0.1` with a free port.
    pub async fn start(cfg: MockConfig) -> std::io::Result<MockServer> {
        MockServer::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), cfg).await
    }

    pub async fn start_on(addr: SocketAddr, cfg: MockConfig) -> std::io::Result<MockServer> {
        let (root, temp) = match &cfg.state_dir {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                (dir.clone(), None)
            }
            None => {
                let t = tempfile::Builder::new().prefix("panfm-mock-").tempdir()?;
                (t.path().to_owned(), Some(t))
            }
        };
        let persistent = cfg.state_dir.is_some();
        let state_root = root.clone();
        let cfg_for_state = cfg.clone();
        let (drive, tokens, fresh) =
            tokio::task::spawn_blocking(move || open_state(&cfg_for_state, &state_root))
                .await
                .map_err(other)??;
        let listener = TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let shared = Arc::new(Shared::new(SharedParts {
            client_id: cfg.client_id,
            client_secret: cfg.client_secret,
            base_url: format!("http://{}", reachable(local)),
            uid: UID,
            uploads_dir: root.join("uploads"),
            drive,
            tokens,
            knobs: cfg.knobs,
            persistent,
        }));
        if fresh {
            shared.mark_dirty();
        }
        let cancel = CancellationToken::new();
        let app = router::build(Arc::clone(&shared));
        let stop = cancel.clone();
        let server = tokio::spawn(async move {
            let served = axum::serve(listener, app).with_graceful_shutdown(stop.cancelled_owned());
            if let Err(e) = served.await {
                tracing::warn!("mock server stopped: {e}");
            }
        });
        let saver = persistent.then(|| {
            tokio::spawn(persist::saver(
                Arc::clone(&shared),
                root.clone(),
                cancel.clone(),
            ))
        });
        Ok(MockServer {
            shared,
            cancel,
            server: Some(server),
            saver,
            root,
            _temp: temp,
        })
    }

    /// `"http://127.0.0.1:PORT"`, no trailing slash.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    pub fn client_id(&self) -> &str {
        &self.shared.client_id
    }

    pub fn client_secret(&self) -> &str {
        &self.shared.client_secret
    }

    /// The directory holding the state and blobs (the temporary one when no state directory
    /// was configured).
    pub fn state_path(&self) -> &Path {
        &self.root
    }

    /// Changes knobs; subsequent requests see the new values.
    pub fn set_knobs(&self, f: impl FnOnce(&mut Knobs)) {
        self.shared.set_knobs(f);
    }

    pub fn knobs(&self) -> Knobs {
        self.shared.knobs()
    }

    pub fn stats(&self) -> Stats {
        let mut stats = self.shared.stats().clone();
        stats.download_bytes = self.shared.traffic.load(Ordering::Relaxed);
        stats
    }

    /// `"base_url=http://127.0.0.1:PORT client_id=ID client_secret=SECRET"`.
    pub fn banner(&self) -> String {
        format!(
            "base_url={} client_id={} client_secret={}",
            self.base_url(),
            self.client_id(),
            self.client_secret()
        )
    }

    /// Stops accepting requests, lets in-flight ones finish (up to a few seconds) and writes
    /// the state directory one last time.
    pub async fn shutdown(mut self) {
        self.cancel.cancel();
        if let Some(mut server) = self.server.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut server)
                .await
                .is_err()
        {
            server.abort();
        }
        if let Some(saver) = self.saver.take() {
            let _ = saver.await;
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// A loopback address for a listener bound to an unspecified one.
fn reachable(local: SocketAddr) -> SocketAddr {
    let ip = match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, local.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unspecified_listen_addresses_are_reached_through_loopback() {
        let v4: SocketAddr = "0.0.0.0:8123".parse().unwrap();
        assert_eq!(reachable(v4).to_string(), "127.0.0.1:8123");
        let v6: SocketAddr = "[::]:8123".parse().unwrap();
        assert_eq!(reachable(v6).to_string(), "[::1]:8123");
        let given: SocketAddr = "127.0.0.2:1".parse().unwrap();
        assert_eq!(reachable(given), given);
    }
}

//! A tiny web server on loopback for the offline-download tests (the drive fetching a URL):
//! fixed bytes at fixed paths, 404 everywhere else, on a thread and runtime of its own so that
//! sync and async tests alike can use it. And a URL nothing listens on.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

type Files = Arc<HashMap<String, Vec<u8>>>;

pub struct Web {
    base: String,
    _stop: tokio::sync::oneshot::Sender<()>,
}

async fn file(State(files): State<Files>, Path(path): Path<String>) -> impl IntoResponse {
    match files.get(&path) {
        Some(bytes) => (StatusCode::OK, bytes.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

impl Web {
    /// Serves each `(path, bytes)` at `/path` (no leading slash; `path` as it reads once
    /// percent-decoded).
    pub fn serve(files: &[(&str, Vec<u8>)]) -> Web {
        let files: Files = Arc::new(
            files
                .iter()
                .map(|(p, b)| ((*p).to_owned(), b.clone()))
                .collect(),
        );
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = axum::Router::new()
                    .route("/{*path}", axum::routing::get(file))
                    .with_state(files);
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
        });
        Web { base, _stop: stop }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }
}

/// An http URL on a loopback port nothing listens on (it was free a moment ago).
pub fn dead_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}/gone.bin")
}

//! Test-only scripted HTTP server on loopback: records every request and answers from a closure,
//! so client behaviour (retries, token handling, request shapes) can be checked exactly.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::{Auth, Client, ClientConfig, Credentials, RetryPolicy};

#[derive(Debug, Clone)]
pub(crate) struct Recorded {
    pub method: Method,
    pub path: String,
    pub query: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What the scripted server answers: status, extra headers, body.
pub(crate) struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl Reply {
    pub fn ok(data: serde_json::Value) -> Self {
        let body =
            serde_json::json!({"code": 0, "message": "ok", "data": data, "x-traceID": "stub"});
        Self::raw(200, body.to_string())
    }

    pub fn code(code: i64, message: &str) -> Self {
        let body = serde_json::json!({"code": code, "message": message, "data": null, "x-traceID": "stub-err"});
        Self::raw(200, body.to_string())
    }

    pub fn raw(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A fresh token valid for a day.
    pub fn token(token: &str) -> Self {
        let expires = chrono::Utc::now() + chrono::Duration::days(1);
        Self::ok(serde_json::json!({"accessToken": token, "expiredAt": expires.to_rfc3339()}))
    }
}

type Script = dyn Fn(&Recorded, &[Recorded]) -> Reply + Send + Sync;

struct Shared {
    log: Mutex<Vec<Recorded>>,
    script: Box<Script>,
}

pub(crate) struct Stub {
    pub base_url: String,
    shared: Arc<Shared>,
}

impl Stub {
    /// Starts a server answering each request with `script(request, earlier requests)`.
    pub async fn start(
        script: impl Fn(&Recorded, &[Recorded]) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let shared = Arc::new(Shared {
            log: Mutex::new(Vec::new()),
            script: Box::new(script),
        });
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { base_url, shared }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.log.lock().unwrap().clone()
    }

    /// Requests whose path ends with `suffix`.
    pub fn calls(&self, suffix: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.ends_with(suffix))
            .collect()
    }

    /// A client with fast retries and no disk cache.
    pub fn client(&self) -> Client {
        Client::new(self.config(None)).unwrap()
    }

    pub fn config(&self, cache: Option<&std::path::Path>) -> ClientConfig {
        let mut cfg = ClientConfig::new(Auth::Credentials(Credentials::new("cid", "csecret")));
        cfg.base_url = self.base_url.clone();
        cfg.token_cache_dir = cache.map(Into::into);
        cfg.retry = fast_retries();
        cfg
    }
}

pub(crate) fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        base_delay: std::time::Duration::from_millis(2),
        max_delay: std::time::Duration::from_millis(10),
        ..RetryPolicy::default()
    }
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = Recorded {
        method,
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or_default().to_owned(),
        headers,
        body,
    };
    let earlier = shared.log.lock().unwrap().clone();
    let reply = (shared.script)(&request, &earlier);
    shared.log.lock().unwrap().push(request);
    let mut response = (StatusCode::from_u16(reply.status).unwrap(), reply.body).into_response();
    for (name, value) in reply.headers {
        response.headers_mut().insert(name, value.parse().unwrap());
    }
    response
}

//! Test harness: a mock server plus a raw HTTP client that sends the documented headers.
//! Everything goes through reqwest and `serde_json::Value`, never through panfm's client.

use md5::{Digest, Md5};
use panfm::mock::{Knobs, MockConfig, MockServer, Seed};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{Value, json};

pub struct Env {
    pub server: MockServer,
    pub http: reqwest::Client,
    pub token: String,
}

pub fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Knobs for tests that don't study rate limits or polling: no QPS limits, no pending polls.
pub fn quiet(k: &mut Knobs) {
    k.qps_limits = false;
    k.complete_pending_polls = 0;
}

/// A quiet server keeping its state in `dir`, so a test can stop it and start it again.
pub fn persistent(dir: &std::path::Path) -> MockConfig {
    let mut cfg = MockConfig {
        state_dir: Some(dir.to_owned()),
        ..MockConfig::default()
    };
    quiet(&mut cfg.knobs);
    cfg
}

impl Env {
    pub async fn start() -> Env {
        Env::with(MockConfig::default(), quiet).await
    }

    pub async fn demo() -> Env {
        Env::with(
            MockConfig {
                seed: Seed::Demo,
                ..MockConfig::default()
            },
            quiet,
        )
        .await
    }

    pub async fn with(mut cfg: MockConfig, knobs: impl FnOnce(&mut Knobs)) -> Env {
        knobs(&mut cfg.knobs);
        let server = MockServer::start(cfg).await.expect("mock server starts");
        Env::attach(server).await
    }

    /// A client for an already running server; mints one token.
    pub async fn attach(server: MockServer) -> Env {
        let http = reqwest::Client::new();
        let mut env = Env {
            server,
            http,
            token: String::new(),
        };
        env.token = env.mint().await;
        env
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base_url())
    }

    pub async fn mint(&self) -> String {
        let v = self.mint_raw().await;
        assert_eq!(v["code"], 0, "{v}");
        v["data"]["accessToken"].as_str().expect("token").to_owned()
    }

    pub async fn mint_raw(&self) -> Value {
        let body = json!({
            "clientID": self.server.client_id(),
            "clientSecret": self.server.client_secret(),
        });
        let resp = self
            .http
            .post(self.url("/api/v1/access_token"))
            .header("Platform", "open_platform")
            .json(&body)
            .send()
            .await
            .expect("request");
        resp.json().await.expect("json")
    }

    /// A request with `Platform` and `Authorization` set.
    pub fn req(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("Platform", "open_platform")
            .bearer_auth(&self.token)
    }

    pub async fn json(&self, rb: RequestBuilder) -> Value {
        let resp: Response = rb.send().await.expect("request");
        assert_eq!(resp.status(), 200);
        resp.json().await.expect("json body")
    }

    pub async fn get(&self, path: &str, query: &[(&str, String)]) -> Value {
        self.json(
            self.http
                .get(self.url_with(path, query))
                .header("Platform", "open_platform")
                .bearer_auth(&self.token),
        )
        .await
    }

    /// `path` on the server with a percent-encoded query string.
    pub fn url_with(&self, path: &str, query: &[(&str, String)]) -> reqwest::Url {
        reqwest::Url::parse_with_params(&self.url(path), query).expect("url")
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        self.json(self.req(Method::POST, path).json(&body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Value {
        self.json(self.req(Method::PUT, path).json(&body)).await
    }

    pub async fn mkdir(&self, parent: i64, name: &str) -> i64 {
        let v = self
            .post(
                "/upload/v1/file/mkdir",
                json!({"name": name, "parentID": parent}),
            )
            .await;
        ok(&v)["dirID"].as_i64().expect("dirID")
    }

    /// One page of `GET /api/v2/file/list`.
    pub async fn page(&self, parent: i64, limit: i64, last: i64) -> Value {
        let q = [
            ("parentFileId", parent.to_string()),
            ("limit", limit.to_string()),
            ("lastFileId", last.to_string()),
        ];
        self.get("/api/v2/file/list", &q).await
    }

    /// Every item of a folder (trashed ones included), following `lastFileId` to -1.
    pub async fn list_all(&self, parent: i64) -> Vec<Value> {
        let mut out = Vec::new();
        let mut last = 0;
        loop {
            let v = self.page(parent, 100, last).await;
            let data = ok(&v);
            out.extend(
                data["fileList"]
                    .as_array()
                    .expect("fileList")
                    .iter()
                    .cloned(),
            );
            last = data["lastFileId"].as_i64().expect("lastFileId");
            if last == -1 {
                return out;
            }
        }
    }

    pub async fn names(&self, parent: i64) -> Vec<String> {
        let items = self.list_all(parent).await;
        items
            .iter()
            .map(|i| i["filename"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Stores a file directly in the mock (no HTTP).
    pub async fn put_file(&self, parent: i64, name: &str, bytes: &[u8]) -> i64 {
        self.server
            .put_file(parent, name, bytes)
            .await
            .expect("put_file")
    }
}

/// `data` of a successful envelope.
#[track_caller]
pub fn ok(v: &Value) -> &Value {
    assert_eq!(v["code"], 0, "expected success: {v}");
    assert_eq!(v["message"], "ok", "{v}");
    &v["data"]
}

/// Asserts a business error: non-zero code, `data: null`; returns (code, message).
#[track_caller]
pub fn err(v: &Value) -> (i64, String) {
    let code = v["code"].as_i64().expect("code");
    assert_ne!(code, 0, "expected an error: {v}");
    assert!(v["data"].is_null(), "error data must be null: {v}");
    (code, v["message"].as_str().expect("message").to_owned())
}

/// Deterministic test bytes.
pub fn bytes(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed) ^ (i >> 8) as u8)
        .collect()
}

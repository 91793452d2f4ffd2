//! Sends one logical API call: token, rate limit, the HTTP exchange, envelope decoding, and the
//! retry decisions (401 → replace the token once; 429 → backoff; transient → backoff when the
//! endpoint and the failure allow it, see `envelope::Retry` and `Endpoint::idempotent`).
//!
//! Non-idempotent calls (mkdir, create, copy, move, rename, trash, recover, delete) are repeated
//! only when the server provably did not act: 429, HTTP 502/503, or a refused connection. After
//! a timeout or a reply cut off mid-way they fail with a transient error instead, because a
//! repeat could create a duplicate or fail with a misleading "already exists"/"not found"; the
//! caller re-lists to see what happened. No call is repeated after a timeout (see
//! `envelope::transport_failure`).

use std::time::Duration;

use bytes::Bytes;
use reqwest::Url;
use reqwest::header::CONTENT_TYPE;
use reqwest::multipart::Form;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::auth::Replacement;
use super::client::Client;
use super::endpoint::Endpoint;
use super::envelope::{self, Failure, Retry};
use super::error::{ApiError, ApiErrorKind};
use super::token_cache::Token;

type FormFn<'a> = &'a (dyn Fn() -> Form + Send + Sync);

pub(crate) struct ApiRequest<'a> {
    endpoint: Endpoint,
    url: Url,
    body: Body<'a>,
    timeout: Duration,
}

enum Body<'a> {
    Empty,
    Json(Bytes),
    /// Rebuilt for every attempt: a multipart body is consumed by sending it.
    Multipart(FormFn<'a>),
}

impl<'a> ApiRequest<'a> {
    /// A request without a body; `query` pairs are appended to the URL.
    pub(crate) fn query(
        client: &Client,
        endpoint: Endpoint,
        query: &[(&str, String)],
    ) -> Result<Self, ApiError> {
        let mut url = endpoint_url(&client.inner.base_url, endpoint)?;
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        Ok(Self {
            endpoint,
            url,
            body: Body::Empty,
            timeout: client.inner.timeouts.json,
        })
    }

    pub(crate) fn json(
        client: &Client,
        endpoint: Endpoint,
        body: &impl Serialize,
    ) -> Result<Self, ApiError> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            ApiError::new(
                ApiErrorKind::Fatal,
                endpoint.path(),
                format!("cannot encode: {e}"),
            )
        })?;
        Ok(Self {
            body: Body::Json(Bytes::from(bytes)),
            ..Self::query(client, endpoint, &[])?
        })
    }

    /// A multipart request to `host` (an upload server), not to the base URL.
    pub(crate) fn multipart(
        host: &str,
        endpoint: Endpoint,
        form: FormFn<'a>,
        timeout: Duration,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            endpoint,
            url: endpoint_url(host, endpoint)?,
            body: Body::Multipart(form),
            timeout,
        })
    }
}

fn endpoint_url(host: &str, endpoint: Endpoint) -> Result<Url, ApiError> {
    let text = format!("{}/{}", host.trim_end_matches('/'), endpoint.path());
    Url::parse(&text).map_err(|e| {
        ApiError::new(
            ApiErrorKind::Fatal,
            endpoint.path(),
            format!("invalid URL {host:?}: {e}"),
        )
    })
}

/// Per-call retry bookkeeping.
#[derive(Default)]
struct Attempts {
    rate_limited: u32,
    transient: u32,
    token_replacements: u32,
    minted: bool,
}

impl Client {
    /// Performs `request` with retries and returns its decoded `data`.
    pub(crate) async fn call<T: DeserializeOwned>(
        &self,
        request: ApiRequest<'_>,
    ) -> Result<T, ApiError> {
        let endpoint = request.endpoint;
        let mut attempts = Attempts::default();
        loop {
            let token = match endpoint.needs_token() {
                true => Some(self.token().await?),
                false => None,
            };
            self.inner.limiter.acquire(endpoint).await;
            let failure = match self.attempt(&request, token.as_ref()).await {
                Ok(data) => return Ok(data),
                Err(failure) => failure,
            };
            if let Some(token) = &token
                && failure.error.kind == ApiErrorKind::Auth
                && failure.error.code == Some(401)
                && self.may_replace(token, &mut attempts).await?
            {
                continue;
            }
            let Some(delay) = self.backoff(endpoint, &failure, &mut attempts) else {
                return Err(failure.error);
            };
            tracing::debug!(
                endpoint = endpoint.path(),
                code = failure.error.code,
                trace_id = failure.error.trace_id.as_deref(),
                error = %failure.error.message,
                delay_ms = delay.as_millis() as u64,
                "retrying"
            );
            tokio::time::sleep(delay).await;
        }
    }

    /// After a 401: whether the call should be repeated with a replacement token. At most one
    /// mint per call; adopting a token someone else obtained does not count, but is bounded too.
    async fn may_replace(&self, token: &Token, attempts: &mut Attempts) -> Result<bool, ApiError> {
        if attempts.minted || attempts.token_replacements >= 3 {
            return Ok(false);
        }
        attempts.token_replacements += 1;
        match self.replace_rejected(token).await? {
            Replacement::Impossible => Ok(false),
            Replacement::Adopted => Ok(true),
            Replacement::Minted => {
                attempts.minted = true;
                Ok(true)
            }
        }
    }

    fn backoff(
        &self,
        endpoint: Endpoint,
        failure: &Failure,
        attempts: &mut Attempts,
    ) -> Option<Duration> {
        let policy = &self.inner.retry;
        let repeatable = match failure.retry {
            Retry::Safe => true,
            Retry::IfIdempotent => endpoint.idempotent(),
            Retry::Never => false,
        };
        if !repeatable {
            return None;
        }
        let (count, limit) = match failure.error.kind {
            ApiErrorKind::RateLimited => (&mut attempts.rate_limited, policy.rate_limited_attempts),
            ApiErrorKind::Transient => (&mut attempts.transient, policy.transient_attempts),
            _ => return None,
        };
        if *count + 1 >= limit {
            return None;
        }
        let delay = policy.backoff(*count);
        *count += 1;
        Some(delay)
    }

    async fn attempt<T: DeserializeOwned>(
        &self,
        request: &ApiRequest<'_>,
        token: Option<&Token>,
    ) -> Result<T, Failure> {
        let endpoint = request.endpoint;
        let mut builder = self
            .inner
            .http
            .request(endpoint.method(), request.url.clone())
            .header("Platform", "open_platform")
            .timeout(request.timeout);
        if let Some(token) = token {
            builder = builder.bearer_auth(token.expose());
        }
        // The common-header table marks `Content-Type: application/json` required on every call
        // [S001][S004] (API.md says "for bodies"); multipart calls carry their own.
        builder = match &request.body {
            Body::Empty => builder.header(CONTENT_TYPE, "application/json"),
            Body::Json(bytes) => builder
                .header(CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Body::Multipart(form) => builder.multipart(form()),
        };
        let response = builder
            .send()
            .await
            .map_err(|e| envelope::transport_failure(endpoint, e, request.timeout))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| envelope::transport_failure(endpoint, e, request.timeout))?;
        tracing::trace!(
            endpoint = endpoint.path(),
            status = status.as_u16(),
            bytes = body.len(),
            "reply"
        );
        envelope::decode(endpoint, status, &body)
    }
}

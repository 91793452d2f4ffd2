//! What happens to every request before its handler, in this order: count it, wait the
//! `latency` knob, maybe answer an injected gateway 5xx, then (except for `/dl/…`, `/oss-put/…`,
//! `/oss-img/…` and `/dlink/…`, which play the CDN, the storage host and the direct-link host
//! and need no headers) check the
//! `Platform` header, the bearer token (except on `access_token`) and the QPS limit. After the
//! handler, the `lost_replies` knob may drop the reply of a request that took effect.
//!
//! A missing or wrong `Platform` header is answered with code 1 and
//! "Platform请求头必须为open_platform": the real code is unknown (API.md §12.2), and 401 would
//! send clients into a token refresh that cannot help.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::clock;
use super::reply::ApiError;
use super::shared::{Shared, lock};

pub(crate) const TOKEN_PATH: &str = "/api/v1/access_token";

pub(crate) async fn gate(State(st): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    st.stats().record_call(&path);
    let knobs = st.knobs();
    if !knobs.latency.is_zero() {
        tokio::time::sleep(knobs.latency).await;
    }
    if st.roll(knobs.error_rate) {
        st.stats().injected_errors += 1;
        return gateway_error(st.pick(4));
    }
    if is_storage(&path) {
        return next.run(req).await;
    }
    if let Err(e) = check(&st, &path, req.headers(), knobs.qps_limits, knobs.vip) {
        if e.code == 429 {
            st.stats().throttled += 1;
        }
        return e.into_response();
    }
    let response = super::names::STRICT
        .scope(knobs.strict_names, next.run(req))
        .await;
    if path == knobs.lose_replies_to && st.take(|k| &mut k.lost_replies) {
        st.stats().lost_replies += 1;
        return super::faults::dropped_response();
    }
    response
}

/// Paths that play the CDN or the storage host: reached without API headers.
pub(crate) fn is_storage(path: &str) -> bool {
    ["/dl/", "/oss-put/", "/oss-img/", "/dlink/"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

fn check(
    st: &Shared,
    path: &str,
    headers: &HeaderMap,
    qps: bool,
    vip: bool,
) -> Result<(), ApiError> {
    if headers.get("platform").and_then(|v| v.to_str().ok()) != Some("open_platform") {
        return Err(ApiError::new(1, "Platform请求头必须为open_platform"));
    }
    if path != TOKEN_PATH {
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(ApiError::unauthorized)?;
        lock(&st.tokens).check(token.trim(), clock::now_secs())?;
    }
    if qps && !lock(&st.limiter).admit(path, vip, tokio::time::Instant::now()) {
        return Err(ApiError::throttled());
    }
    Ok(())
}

/// An HTML error page as the Kong/OpenResty gateway in front of the API would send it.
fn gateway_error(which: u64) -> Response {
    let (status, title) = match which {
        0 => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "500 Internal Server Error",
        ),
        1 => (StatusCode::BAD_GATEWAY, "502 Bad Gateway"),
        2 => (
            StatusCode::SERVICE_UNAVAILABLE,
            "503 Service Temporarily Unavailable",
        ),
        _ => (StatusCode::GATEWAY_TIMEOUT, "504 Gateway Time-out"),
    };
    let body = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n"
    );
    (status, [(header::CONTENT_TYPE, "text/html")], body).into_response()
}

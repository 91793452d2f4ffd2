//! What requests to pre-signed storage URLs share (CDN downloads, image slice PUTs). They do
//! not go through the open-api transport, so their failures are worded here: below HTTP always
//! `Transient`, with the URL (it carries a signature) kept out of the message; error bodies
//! are read only as far as a message needs.

use std::time::Duration;

use super::envelope::below_http;
use super::error::{ApiError, ApiErrorKind};

/// How much of an error body to read for the message.
const ERROR_BODY_LIMIT: usize = 4096;

/// A failure below HTTP (connecting, sending, reading), as an error of `endpoint`; `limit` is
/// the timeout the request ran with.
pub(crate) fn transport_error(
    endpoint: &'static str,
    error: reqwest::Error,
    limit: Duration,
) -> ApiError {
    let (_, message) = below_http(error, limit);
    ApiError::new(ApiErrorKind::Transient, endpoint, message)
}

/// The start of an error response's body (about `ERROR_BODY_LIMIT` bytes at most).
pub(crate) async fn error_body(mut response: reqwest::Response) -> Vec<u8> {
    let mut body = Vec::new();
    while body.len() < ERROR_BODY_LIMIT {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            _ => break,
        }
    }
    body
}

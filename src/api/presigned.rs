//! What requests to pre-signed storage URLs share (CDN downloads, image slice PUTs). They do
//! not go through the open-api transport, so their failures are worded here: below HTTP always
//! `Transient`, with the URL (it carries a signature) kept out of the message; error bodies
//! are read only as far as a message needs.

use super::envelope::error_chain;
use super::error::{ApiError, ApiErrorKind};

/// How much of an error body to read for the message.
const ERROR_BODY_LIMIT: usize = 4096;

/// A failure below HTTP (connecting, sending, reading), as an error of `endpoint`.
pub(crate) fn transport_error(endpoint: &'static str, error: reqwest::Error) -> ApiError {
    let error = error.without_url();
    let what = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "connection failed"
    };
    ApiError::new(
        ApiErrorKind::Transient,
        endpoint,
        format!("{what}: {}", error_chain(&error)),
    )
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

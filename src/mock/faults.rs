//! Dropped connections. A response body stream that fails makes hyper abort the connection,
//! so the client sees a body shorter than its `Content-Length` (downloads) or no complete
//! response at all (uploads, after part of the request body was read).

use axum::body::Body;
use axum::response::Response;
use bytes::Bytes;
use futures::stream::{self, Stream, StreamExt};

fn dropped() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::ConnectionAborted,
        "mock: connection dropped",
    )
}

/// Passes the first `keep` bytes of `inner` through, then fails.
pub(crate) fn cut_after<S>(inner: S, keep: u64) -> impl Stream<Item = std::io::Result<Bytes>>
where
    S: Stream<Item = std::io::Result<Bytes>> + Send + 'static,
{
    let inner = Box::pin(inner);
    stream::unfold((inner, keep, false), |(mut inner, left, done)| async move {
        if done {
            return None;
        }
        if left == 0 {
            return Some((Err(dropped()), (inner, 0, true)));
        }
        match inner.next().await {
            Some(Ok(mut chunk)) => {
                let take = (chunk.len() as u64).min(left);
                chunk.truncate(take as usize);
                Some((Ok(chunk), (inner, left - take, false)))
            }
            Some(Err(e)) => Some((Err(e), (inner, 0, true))),
            None => Some((Err(dropped()), (inner, 0, true))),
        }
    })
}

/// `inner` with its first byte flipped: content that no longer matches its MD5.
pub(crate) fn flip_first_byte<S>(inner: S) -> impl Stream<Item = std::io::Result<Bytes>>
where
    S: Stream<Item = std::io::Result<Bytes>> + Send + 'static,
{
    let mut first = true;
    inner.map(move |chunk| {
        let chunk = chunk?;
        if !first || chunk.is_empty() {
            return Ok(chunk);
        }
        first = false;
        let mut bytes = chunk.to_vec();
        bytes[0] ^= 0xff;
        Ok(Bytes::from(bytes))
    })
}

/// A response whose body fails at once: the connection is torn down instead of answered.
pub(crate) fn dropped_response() -> Response {
    Response::new(Body::from_stream(stream::once(async {
        Err::<Bytes, _>(dropped())
    })))
}

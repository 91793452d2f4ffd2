//! The presigned PUT of an image slice. It goes to the storage host in the URL, not to
//! open-api, and carries neither `Authorization` nor `Platform` ("PUT请求的header中请不要携带
//! Authorization、Platform参数"). Success is any 2xx with an empty body. Failures: 403 (the
//! URL expired or was refused) is `LinkExpired`, so ask `image_upload_url` for a new one; 429
//! and 5xx are `Transient`; any other status is `Fatal`. The URL carries a signature and is
//! never put into messages or logs.

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;

use super::super::client::Client;
use super::super::error::{ApiError, ApiErrorKind};
use super::super::model::PresignedUrl;
use super::super::presigned::{error_body, transport_error};

/// `ApiError::endpoint` of slice PUTs.
pub(crate) const PUT: &str = "oss-put";

impl Client {
    /// PUTs one slice (or the whole image, when it is one slice) to `url`. Not retried here.
    pub async fn image_put_slice(&self, url: &PresignedUrl, data: Bytes) -> Result<(), ApiError> {
        let timeout = self.inner.timeouts.for_upload(data.len() as u64);
        let sent = self
            .inner
            .http
            .put(url.url.as_str())
            .header(CONTENT_TYPE, "application/octet-stream")
            .timeout(timeout)
            .body(data)
            .send()
            .await;
        let response = sent.map_err(|e| transport_error(PUT, e, timeout))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        Err(classify(status, &error_body(response).await))
    }
}

/// The text of `<tag>…</tag>` in an S3-style XML error body.
fn xml_field<'a>(body: &'a str, tag: &str) -> Option<&'a str> {
    let start = body.find(&format!("<{tag}>"))? + tag.len() + 2;
    let len = body[start..].find(&format!("</{tag}>"))?;
    Some(body[start..start + len].trim())
}

fn classify(status: StatusCode, body: &[u8]) -> ApiError {
    let text = String::from_utf8_lossy(body);
    let detail = match (xml_field(&text, "Code"), xml_field(&text, "Message")) {
        (Some(code), Some(message)) => format!(": {code}: {message}"),
        (Some(code), None) => format!(": {code}"),
        _ => String::new(),
    };
    let kind = match status {
        StatusCode::FORBIDDEN => ApiErrorKind::LinkExpired,
        StatusCode::TOO_MANY_REQUESTS => ApiErrorKind::Transient,
        s if s.is_server_error() => ApiErrorKind::Transient,
        _ => ApiErrorKind::Fatal,
    };
    let message = format!("storage answered HTTP {}{detail}", status.as_u16());
    ApiError::new(kind, PUT, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_s3_bodies() {
        let xml = b"<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
        let e = classify(StatusCode::FORBIDDEN, xml);
        assert_eq!(e.kind, ApiErrorKind::LinkExpired);
        assert_eq!(
            e.message,
            "storage answered HTTP 403: AccessDenied: Request has expired"
        );
        assert_eq!(
            classify(StatusCode::BAD_GATEWAY, b"").kind,
            ApiErrorKind::Transient
        );
        let e = classify(
            StatusCode::BAD_REQUEST,
            b"<Error><Code>InvalidArgument</Code></Error>",
        );
        assert_eq!(
            (e.kind, e.message.as_str()),
            (
                ApiErrorKind::Fatal,
                "storage answered HTTP 400: InvalidArgument"
            )
        );
        assert_eq!(xml_field("<a>x</b>", "a"), None);
    }
}

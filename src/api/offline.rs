//! Offline download (离线下载): ask the drive to fetch an http(s) URL into a folder, then ask
//! how far it got. Also the rules a URL must meet before it is sent, and the name a fetched
//! file will most likely get, both for the TUI's dialog and the command line.

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::model::{ImportStatus, OfflineProgress, OfflineRequest};
use super::transport::ApiRequest;
use super::wire::offline::{OfflineBody, OfflineData, OfflineProcessData};

impl Client {
    /// Creates a task fetching `request.url`; returns its id. The call is not repeated after a
    /// failure that leaves open whether the server acted: a second task would fetch it twice.
    pub async fn offline_download(&self, request: &OfflineRequest) -> Result<i64, ApiError> {
        let body = OfflineBody {
            url: &request.url,
            file_name: request.file_name.as_deref(),
            dir_id: request.dir_id,
            callback_url: request.callback_url.as_deref(),
        };
        let data: OfflineData = self
            .call(ApiRequest::json(self, Endpoint::OfflineDownload, &body)?)
            .await?;
        Ok(data.task_id)
    }

    pub async fn offline_status(&self, task_id: i64) -> Result<OfflineProgress, ApiError> {
        let query = [("taskID", task_id.to_string())];
        let data: OfflineProcessData = self
            .call(ApiRequest::query(self, Endpoint::OfflineProcess, &query)?)
            .await?;
        let reason = Some(data.fail_reason).filter(|r| !r.trim().is_empty());
        Ok(OfflineProgress {
            status: ImportStatus::from(data.status),
            percent: data.process.clamp(0.0, 100.0),
            reason,
        })
    }
}

/// Whether the drive can be asked to fetch `text` ("下载链接,支持 http/https"): an absolute
/// http or https URL with a host. The reason otherwise, for the user.
pub fn check_fetch_url(text: &str) -> Result<(), String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("no URL given".to_owned());
    }
    if !text.contains(':') {
        return Err(format!(
            "{text} is not a URL: it needs http:// or https:// in front"
        ));
    }
    let url = reqwest::Url::parse(text).map_err(|e| format!("{text} is not a URL ({e})"))?;
    match url.scheme() {
        "http" | "https" => {}
        other => {
            return Err(format!(
                "{text}: the drive fetches only http and https URLs, not {other}:"
            ));
        }
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{text}: the URL has no host"));
    }
    Ok(())
}

/// The name a file fetched from `url` most likely gets: the last segment of its path,
/// percent-decoded, or the host when the path ends in `/`. The server decides in the end (it
/// may follow redirects); this is for showing the task before it finishes.
pub fn url_file_name(url: &str) -> String {
    let Ok(parsed) = reqwest::Url::parse(url.trim()) else {
        return url.trim().to_owned();
    };
    let last = parsed
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or_default();
    match percent_decode(last) {
        name if name.trim().is_empty() => parsed.host_str().unwrap_or_default().to_owned(),
        name => name,
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_urls_with_a_host() {
        assert!(check_fetch_url("https://example.com/a.iso").is_ok());
        assert!(check_fetch_url("  http://127.0.0.1:8080/x  ").is_ok());
        let why = check_fetch_url("ftp://example.com/a").unwrap_err();
        assert!(
            why.contains("only http and https") && why.contains("ftp:"),
            "{why}"
        );
        let why = check_fetch_url("example.com/a.iso").unwrap_err();
        assert!(why.contains("http:// or https://"), "{why}");
        assert!(check_fetch_url("").unwrap_err().contains("no URL"));
        assert!(check_fetch_url("http://").is_err());
        assert!(check_fetch_url("magnet:?xt=urn:btih:abc").is_err());
    }

    #[test]
    fn names_from_the_last_path_segment() {
        assert_eq!(
            url_file_name("https://h.example/a/%E7%8C%AB.png?x=1"),
            "猫.png"
        );
        assert_eq!(url_file_name("https://h.example/"), "h.example");
        assert_eq!(url_file_name("https://h.example/dir/"), "h.example");
        assert_eq!(url_file_name("http://h/bad%zz.bin"), "bad%zz.bin");
        assert_eq!(url_file_name("not a url"), "not a url");
    }
}

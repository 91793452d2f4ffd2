//! Fetching a URL for the server's offline tasks — the drive's offline download (离线下载) and
//! the image space's offline import (图床离线迁移): a real HTTP GET, streamed into a temporary
//! file and hashed on the way, progress told as a percentage when the length is known. A
//! failure comes back as the reason the task shows, in the server's language.

use std::path::Path;
use std::time::Duration;

use futures::StreamExt;
use md5_lanes::Md5;
use tokio::io::AsyncWriteExt;

/// One fetch takes at most this long.
const TIMEOUT: Duration = Duration::from_secs(300);

/// What arrived: the file's name (given, or from the final URL), its MD5 and length.
pub(crate) struct Fetched {
    pub name: String,
    pub md5: String,
    pub len: u64,
}

/// What a fetch may bring, and how it is told no.
pub(crate) struct Rules<'a> {
    /// The name asked for; `None`: the last segment of the URL's path (after redirects).
    pub name: Option<&'a str>,
    /// Checks the name once the response's headers are in, before the body is read.
    pub name_ok: &'a (dyn Fn(&str) -> Result<(), String> + Send + Sync),
    pub max_bytes: u64,
    /// The reason when the body passes `max_bytes`.
    pub too_big: &'a str,
}

/// Whether `url` is one a task can fetch ("下载链接,支持 http/https"): absolute, http or https,
/// with a host.
pub(crate) fn fetchable(url: &str) -> bool {
    reqwest::Url::parse(url).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
    })
}

/// GETs `url` into `tmp`, calling `progress` with 0–99 % as bytes arrive (when the length is
/// known); `tmp` may hold a partial body after a failure.
pub(crate) async fn fetch(
    url: &str,
    tmp: &Path,
    rules: &Rules<'_>,
    mut progress: impl FnMut(u8),
) -> Result<Fetched, String> {
    let http = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .map_err(|e| e.to_string())?;
    let response = http.get(url).send().await.map_err(|e| unreachable(&e))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("下载失败，HTTP {status}"));
    }
    let name = match rules.name {
        Some(name) => name.to_owned(),
        None => url_name(response.url()),
    };
    (rules.name_ok)(&name)?;
    let total = response.content_length().filter(|t| *t > 0);
    let mut file = tokio::fs::File::create(tmp)
        .await
        .map_err(|e| e.to_string())?;
    let mut sink = Md5::new();
    let mut body = response.bytes_stream();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| format!("下载中断：{}", innermost(&e)))?;
        sink.update(&chunk);
        if sink.bytes() > rules.max_bytes {
            return Err(rules.too_big.to_owned());
        }
        file.write_all(&chunk).await.map_err(|e| e.to_string())?;
        if let Some(total) = total {
            progress((sink.bytes().saturating_mul(100) / total).min(99) as u8);
        }
    }
    file.flush().await.map_err(|e| e.to_string())?;
    Ok(Fetched {
        name,
        len: sink.bytes(),
        md5: sink.hex(),
    })
}

/// POSTs a task's outcome to its `callBackUrl`, as both offline pages document; an
/// unreachable callback changes nothing.
pub(crate) async fn call_back(callback: &str, note: &serde_json::Value) {
    let _ = reqwest::Client::new()
        .post(callback)
        .timeout(TIMEOUT)
        .json(note)
        .send()
        .await;
}

/// Why the request got no response: the host unknown or unreachable, a timeout.
fn unreachable(e: &reqwest::Error) -> String {
    match e.is_timeout() {
        true => "下载失败，连接超时".to_owned(),
        false => format!("下载失败，无法连接：{}", innermost(e)),
    }
}

/// The deepest cause of `e` ("Connection refused (os error 111)"), without the URL.
fn innermost(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// The last segment of a URL's path, percent-decoded; the host when the path ends in `/`.
pub(crate) fn url_name(url: &reqwest::Url) -> String {
    let raw = url.path().rsplit('/').next().unwrap_or_default();
    match percent_decode(raw) {
        name if name.is_empty() => url.host_str().unwrap_or_default().to_owned(),
        name => name,
    }
}

fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
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
    use super::url_name;

    fn name(url: &str) -> String {
        url_name(&reqwest::Url::parse(url).unwrap())
    }

    #[test]
    fn names_come_from_the_last_segment() {
        assert_eq!(name("http://h/a/b/%E7%8C%AB.png"), "猫.png");
        assert_eq!(name("http://h/x.gif?y=1"), "x.gif");
        assert_eq!(name("http://h/"), "h");
        assert_eq!(name("http://h/bad%zz.png"), "bad%zz.png");
    }
}

//! [`Reader`]: one span of a file per call. Local files are read with a seek and a bounded read
//! on the blocking pool; cloud files with a `Range` GET on the cached download URL (a fresh
//! one when the CDN refuses it, as `transfer::download::fetch` does); image-space images on
//! their public link. Only the bytes asked for are read off the wire: a server that ignores
//! the range is read only up to them, and refused when that would mean a long way.

use super::urls::UrlCache;
use super::{Chunk, Source, Span};
use crate::api::{self, ApiErrorKind, ByteRange, Download};
use crate::fs::img::ImgFs;
use crate::fs::pan::to_fs_error;
use crate::fs::{FsError, FsErrorKind};
use bytes::{Bytes, BytesMut};
use futures::StreamExt;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;

/// Fresh URLs asked for by one read before giving up.
const RENEWALS: u32 = 2;
/// How far into a whole-file answer (a server that ignored `Range`) a read skips to its span.
const SKIP_LIMIT: u64 = 4 << 20;

#[derive(Clone, Default)]
pub struct Reader {
    client: Option<api::Client>,
    images: Option<ImgFs>,
    urls: UrlCache,
}

impl Reader {
    /// Reads local files only.
    pub fn local() -> Self {
        Self::default()
    }

    /// Reads cloud files with `client` too; image-space images through `images`.
    pub fn new(client: api::Client, images: ImgFs) -> Self {
        Self {
            client: Some(client),
            images: Some(images),
            urls: UrlCache::default(),
        }
    }

    pub async fn read(&self, source: &Source, span: Span) -> Result<Chunk, FsError> {
        match source {
            Source::Local(path) => read_local(path.clone(), span).await,
            Source::Cloud(id) => take(self.open_cloud(*id, Some(span)).await?, span).await,
            Source::Image(id) => {
                let (client, images) = match (&self.client, &self.images) {
                    (Some(c), Some(i)) => (c, i),
                    _ => return Err(no_account()),
                };
                let url = images.link(id).await?.ok_or_else(|| {
                    FsError::new(FsErrorKind::NotFound, "the image has no public link")
                })?;
                let download = fetch(client, &url, Some(span)).await;
                take(download.map_err(to_fs_error)?, span).await
            }
        }
    }

    /// The answer for `span` (`None`: the whole file) of cloud file `id`, body unread.
    pub async fn open_cloud(&self, id: i64, span: Option<Span>) -> Result<Download, FsError> {
        let client = self.client.as_ref().ok_or_else(no_account)?;
        let mut renewals = 0;
        loop {
            let url = match self.urls.get(id) {
                Some(url) => url,
                None => {
                    let url = client.download_url(id).await.map_err(to_fs_error)?;
                    self.urls.put(id, url.clone());
                    url
                }
            };
            match fetch(client, &url, span).await {
                Err(e) if e.kind == ApiErrorKind::LinkExpired && renewals < RENEWALS => {
                    tracing::debug!(id, "download link refused, asking for a new one: {e}");
                    self.urls.forget(id);
                    renewals += 1;
                }
                other => return other.map_err(to_fs_error),
            }
        }
    }
}

fn no_account() -> FsError {
    FsError::new(FsErrorKind::Unsupported, "no cloud account configured")
}

async fn fetch(
    client: &api::Client,
    url: &str,
    span: Option<Span>,
) -> Result<Download, api::ApiError> {
    match span {
        None => client.download(url, None).await,
        Some(Span::Tail { len }) => client.download_tail(url, len).await,
        Some(Span::At { start, len }) => {
            let end = Some(start + len.max(1) - 1);
            client.download(url, Some(ByteRange { start, end })).await
        }
    }
}

/// Reads the part of `download`'s body that `span` asked for, and no more.
async fn take(download: Download, span: Span) -> Result<Chunk, FsError> {
    let total = download.total_size;
    let (skip, start, len) = match (span, download.partial) {
        (Span::At { start, len }, true) if download.start == start => (0, start, len),
        (Span::At { .. }, true) => return Err(moved(download.start)),
        (Span::At { start, len }, false) if start <= SKIP_LIMIT => (start, start, len),
        (Span::Tail { len }, true) => (0, download.start, len),
        (Span::Tail { len }, false) => match total {
            Some(total) if total.saturating_sub(len) <= SKIP_LIMIT => {
                let start = total.saturating_sub(len);
                (start, start, len)
            }
            _ => return Err(ignored()),
        },
        (Span::At { .. }, false) => return Err(ignored()),
    };
    let mut body = download.into_stream();
    let mut skipped = 0u64;
    let mut bytes = BytesMut::new();
    while (bytes.len() as u64) < len {
        let Some(chunk) = body.next().await else {
            break;
        };
        let mut chunk: Bytes = chunk.map_err(|e| {
            FsError::new(
                FsErrorKind::Network,
                format!("reading the file: {}", e.without_url()),
            )
        })?;
        if skipped < skip {
            let drop = (skip - skipped).min(chunk.len() as u64);
            skipped += drop;
            chunk = chunk.slice(drop as usize..);
        }
        let room = (len - bytes.len() as u64).min(chunk.len() as u64) as usize;
        bytes.extend_from_slice(&chunk[..room]);
    }
    Ok(Chunk {
        start,
        bytes: bytes.freeze(),
        total,
    })
}

fn ignored() -> FsError {
    FsError::new(
        FsErrorKind::Unsupported,
        "the download host ignored the byte range (it would send the whole file)",
    )
}

fn moved(at: u64) -> FsError {
    FsError::new(
        FsErrorKind::Io,
        format!("the download host answered from byte {at}, not the one asked for"),
    )
}

async fn read_local(path: PathBuf, span: Span) -> Result<Chunk, FsError> {
    let context = path.display().to_string();
    let read = tokio::task::spawn_blocking(move || -> std::io::Result<Chunk> {
        let mut file = std::fs::File::open(&path)?;
        let total = file.metadata()?.len();
        let (start, len) = match span {
            Span::At { start, len } => (start, len),
            Span::Tail { len } => (total.saturating_sub(len), len),
        };
        file.seek(SeekFrom::Start(start))?;
        let mut buf = Vec::with_capacity(len.min(total.saturating_sub(start)) as usize);
        file.take(len).read_to_end(&mut buf)?;
        Ok(Chunk {
            start,
            bytes: buf.into(),
            total: Some(total),
        })
    })
    .await
    .map_err(|e| FsError::new(FsErrorKind::Io, format!("{context}: {e}")))?;
    read.map_err(|e| FsError::io(&context, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn local_spans_and_tails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        let src = Source::Local(path);
        let r = Reader::local();
        let at = r.read(&src, Span::At { start: 3, len: 4 }).await.unwrap();
        assert_eq!(
            (at.start, &at.bytes[..], at.total),
            (3, &b"3456"[..], Some(10))
        );
        let tail = r.read(&src, Span::Tail { len: 3 }).await.unwrap();
        assert_eq!((tail.start, &tail.bytes[..]), (7, &b"789"[..]));
        let past = r.read(&src, Span::At { start: 8, len: 10 }).await.unwrap();
        assert_eq!(&past.bytes[..], b"89");
        let missing = Source::Local(dir.path().join("nope"));
        let e = r.read(&missing, Span::Tail { len: 3 }).await.unwrap_err();
        assert_eq!(e.kind, FsErrorKind::NotFound);
        let cloud = r.read(&Source::Cloud(1), Span::Tail { len: 3 }).await;
        assert_eq!(cloud.unwrap_err().kind, FsErrorKind::Unsupported);
    }
}

//! Content store keyed by `(md5, size)`, as the real service deduplicates (API.md §5.6: a
//! second upload with the same MD5 and size gets the first one's bytes). Uploaded content is a
//! file `blobs/<md5>-<size>` on disk; seeded content is a generator recipe. Content is only
//! ever streamed, never held whole in memory.

use std::collections::HashMap;
use std::io::SeekFrom;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::StreamExt;
use futures::stream::BoxStream;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio_util::io::ReaderStream;

use md5::{Digest, Md5};

use super::content::{Recipe, hex};

const CHUNK: usize = 64 << 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Source {
    Stored,
    Generated(Recipe),
}

pub(crate) struct Blobs {
    dir: PathBuf,
    index: HashMap<(String, u64), Source>,
}

/// The persisted form of the index.
pub(crate) type BlobsSnapshot = Vec<(String, u64, Source)>;

impl Blobs {
    pub fn new(dir: PathBuf) -> Self {
        Blobs {
            dir,
            index: HashMap::new(),
        }
    }

    pub fn snapshot(&self) -> BlobsSnapshot {
        self.index
            .iter()
            .map(|((e, s), src)| (e.clone(), *s, *src))
            .collect()
    }

    pub fn restore(&mut self, snap: BlobsSnapshot) {
        self.index = snap.into_iter().map(|(e, s, src)| ((e, s), src)).collect();
    }

    pub fn contains(&self, etag: &str, size: u64) -> bool {
        self.index.contains_key(&(etag.to_owned(), size))
    }

    pub fn add_generated(&mut self, etag: &str, size: u64, recipe: Recipe) {
        self.index
            .insert((etag.to_owned(), size), Source::Generated(recipe));
    }

    /// A fresh path inside the store for content still being received or checked.
    pub fn incoming_path(&self) -> PathBuf {
        self.dir
            .join(format!(".incoming-{:016x}", rand::random::<u64>()))
    }

    /// Takes ownership of a verified file at `tmp`. If the key is already stored the existing
    /// content wins and `tmp` is removed.
    pub fn adopt(&mut self, tmp: &Path, etag: &str, size: u64) -> std::io::Result<()> {
        if self.contains(etag, size) {
            return std::fs::remove_file(tmp);
        }
        std::fs::rename(tmp, self.dir.join(format!("{etag}-{size}")))?;
        self.index.insert((etag.to_owned(), size), Source::Stored);
        Ok(())
    }

    /// Stores small seeded content given whole; returns its `(md5, size)` key.
    pub fn store(&mut self, bytes: &[u8]) -> std::io::Result<(String, u64)> {
        let key = (hex(&Md5::digest(bytes)), bytes.len() as u64);
        if !self.contains(&key.0, key.1) {
            let tmp = self.incoming_path();
            std::fs::write(&tmp, bytes)?;
            self.adopt(&tmp, &key.0, key.1)?;
        }
        Ok(key)
    }

    /// Where to read `(etag, size)` from.
    pub fn locate(&self, etag: &str, size: u64) -> Option<Located> {
        match self.index.get(&(etag.to_owned(), size))? {
            Source::Stored => Some(Located::File(self.dir.join(format!("{etag}-{size}")))),
            Source::Generated(r) => Some(Located::Generated(*r)),
        }
    }
}

/// A blob's location, detached from the store so it can be read without holding locks.
#[derive(Clone, Debug)]
pub(crate) enum Located {
    File(PathBuf),
    Generated(Recipe),
}

impl Located {
    /// Streams bytes `[start, start + len)`.
    pub async fn stream(
        &self,
        start: u64,
        len: u64,
    ) -> std::io::Result<BoxStream<'static, std::io::Result<Bytes>>> {
        match self {
            Located::File(path) => {
                let mut file = tokio::fs::File::open(path).await?;
                file.seek(SeekFrom::Start(start)).await?;
                Ok(ReaderStream::with_capacity(file.take(len), CHUNK).boxed())
            }
            Located::Generated(recipe) => {
                let reader = recipe.reader(start, len);
                Ok(futures::stream::unfold(reader, |mut reader| async move {
                    let mut buf = vec![0u8; CHUNK];
                    let n = reader.fill(&mut buf);
                    (n > 0).then(|| {
                        buf.truncate(n);
                        (Ok(Bytes::from(buf)), reader)
                    })
                })
                .boxed())
            }
        }
    }

    pub async fn read_all(&self, size: u64) -> std::io::Result<Vec<u8>> {
        let mut stream = self.stream(0, size).await?;
        let mut out = Vec::new();
        while let Some(chunk) = stream.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }
}

//! Content store keyed by `(md5, size)`, as the real service deduplicates (API.md §5.6: a
//! second upload with the same MD5 and size gets the first one's bytes). Uploaded content is a
//! file `blobs/<md5>-<size>` on disk, or for a sliced upload the directory of its slices
//! (`blobs/<md5>-<size>/<sliceNo>`, kept as received so the bytes are written once); seeded
//! content is a generator recipe. Content is only ever streamed, never held whole in memory.

use std::collections::HashMap;
use std::io::SeekFrom;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio_util::io::ReaderStream;

use md5_lanes::Md5;

use super::content::{Recipe, hex};

const CHUNK: usize = 64 << 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Source {
    Stored,
    /// A directory of slices of `slice_size` bytes (the last one shorter).
    Sliced {
        slice_size: u64,
    },
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

    /// Takes ownership of the verified slice directory `dir` (files `1..=n` of `slice_size`
    /// bytes). If the key is already stored the existing content wins and `dir` is removed.
    pub fn adopt_slices(
        &mut self,
        dir: &Path,
        etag: &str,
        size: u64,
        slice_size: u64,
    ) -> std::io::Result<()> {
        if self.contains(etag, size) {
            return std::fs::remove_dir_all(dir);
        }
        if size == 0 {
            // No slice was ever sent, so there may be no directory at all.
            let _ = std::fs::remove_dir_all(dir);
            return self.store(&[]).map(|_| ());
        }
        std::fs::rename(dir, self.dir.join(format!("{etag}-{size}")))?;
        let source = Source::Sliced { slice_size };
        self.index.insert((etag.to_owned(), size), source);
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
            Source::Sliced { slice_size } => Some(Located::Slices {
                dir: self.dir.join(format!("{etag}-{size}")),
                slice_size: *slice_size,
            }),
            Source::Generated(r) => Some(Located::Generated(*r)),
        }
    }
}

/// A blob's location, detached from the store so it can be read without holding locks.
#[derive(Clone, Debug)]
pub(crate) enum Located {
    File(PathBuf),
    Slices { dir: PathBuf, slice_size: u64 },
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
            Located::File(path) => file_stream(path, start, len).await,
            Located::Slices { dir, slice_size } => {
                // Opened one after the other as the stream is read; a missing slice is an error.
                let pieces: Vec<_> = pieces(*slice_size, start, len)
                    .map(|(no, at, n)| (dir.join(no.to_string()), at, n))
                    .collect();
                Ok(futures::stream::iter(pieces)
                    .then(|(path, at, n)| async move { file_stream(&path, at, n).await })
                    .try_flatten()
                    .boxed())
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

    /// Reads it whole; for checks on small content.
    pub async fn read_all(&self, size: u64) -> std::io::Result<Vec<u8>> {
        let mut stream = self.stream(0, size).await?;
        let mut out = Vec::new();
        while let Some(chunk) = stream.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }
}

async fn file_stream(
    path: &Path,
    start: u64,
    len: u64,
) -> std::io::Result<BoxStream<'static, std::io::Result<Bytes>>> {
    let mut file = tokio::fs::File::open(path).await?;
    file.seek(SeekFrom::Start(start)).await?;
    Ok(ReaderStream::with_capacity(file.take(len), CHUNK).boxed())
}

/// Bytes `[start, start + len)` of content cut into `slice_size` pieces, as
/// `(sliceNo, offset in the slice, length)` runs.
fn pieces(slice_size: u64, start: u64, len: u64) -> impl Iterator<Item = (u64, u64, u64)> {
    let slice_size = slice_size.max(1);
    let end = start.saturating_add(len);
    let first = start / slice_size;
    let last = end.div_ceil(slice_size);
    (first..last).filter_map(move |i| {
        let (lo, hi) = (i * slice_size, (i + 1) * slice_size);
        let (from, to) = (start.max(lo), end.min(hi));
        (from < to).then(|| (i + 1, from - lo, to - from))
    })
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn a_range_maps_to_runs_of_whole_and_partial_slices() {
        let runs: Vec<_> = pieces(10, 7, 16).collect();
        assert_eq!(runs, vec![(1, 7, 3), (2, 0, 10), (3, 0, 3)]);
        let runs: Vec<_> = pieces(10, 20, 10).collect();
        assert_eq!(runs, vec![(3, 0, 10)]);
        assert_eq!(pieces(10, 5, 0).count(), 0);
    }
}

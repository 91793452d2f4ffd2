//! The one read pass over a file before `create`: the whole-file MD5 and, at the same time on
//! a second thread, the MD5 of every slice at the expected slice size, so that sending needs no
//! further hashing when the server confirms that size. Reads 1 MiB at a time into a few buffers
//! that go to the second thread and come back for reuse, so memory stays at a few chunks.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};

use md5::{Digest, Md5};
use tokio_util::sync::CancellationToken;

use super::super::blocking::{hex, md5_hex_of};
use super::super::error::{TransferError, TransferErrorKind};

const CHUNK: usize = 1 << 20;
/// Chunks queued for the slice thread.
const QUEUE: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hashes {
    pub etag: String,
    pub slice_size: u64,
    /// MD5 of slice 1, 2, … at `slice_size`.
    pub slices: Vec<String>,
}

fn changed() -> TransferError {
    TransferError::new(
        TransferErrorKind::Verification,
        "the file changed while it was being read",
    )
}

/// Hashes `path`, which must be `size` bytes long. `read` counts the bytes read so far.
pub(crate) fn hash_file(
    path: &Path,
    size: u64,
    slice_size: u64,
    cancel: &CancellationToken,
    read: &AtomicU64,
) -> Result<Hashes, TransferError> {
    let what = path.display().to_string();
    let mut file = File::open(path).map_err(|e| TransferError::io(&what, &e))?;
    let slice_size = slice_size.max(1);
    let mut whole = Md5::new();
    // Buffers come back from the slice thread and are refilled, so no chunk is zeroed twice.
    let (give_back, returned) = sync_channel::<Vec<u8>>(2);
    let mut next_chunk = |whole: &mut Md5| -> Result<Option<Vec<u8>>, TransferError> {
        if cancel.is_cancelled() {
            return Err(TransferError::stopped());
        }
        let mut buf = returned.try_recv().unwrap_or_else(|_| vec![0u8; CHUNK]);
        buf.resize(CHUNK, 0);
        let n = read_full(&mut file, &mut buf).map_err(|e| TransferError::io(&what, &e))?;
        if n == 0 {
            return Ok(None);
        }
        buf.truncate(n);
        whole.update(&buf);
        read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(Some(buf))
    };
    if size <= slice_size {
        while let Some(buf) = next_chunk(&mut whole)? {
            let _ = give_back.try_send(buf);
        }
        check_len(read.load(Ordering::Relaxed), size)?;
        let etag = md5_hex_of(whole);
        return Ok(Hashes {
            slices: vec![etag.clone()],
            etag,
            slice_size,
        });
    }
    let slices = std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Vec<u8>>(QUEUE);
        let slicer = scope.spawn(move || slice_md5s(rx.into_iter(), slice_size, &give_back));
        let mut outcome = Ok(());
        loop {
            match next_chunk(&mut whole) {
                Ok(Some(chunk)) => {
                    if tx.send(chunk).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
        }
        drop(tx);
        let slices = slicer.join().unwrap_or_default();
        outcome.map(|()| slices)
    })?;
    check_len(read.load(Ordering::Relaxed), size)?;
    Ok(Hashes {
        etag: md5_hex_of(whole),
        slice_size,
        slices,
    })
}

fn check_len(read: u64, size: u64) -> Result<(), TransferError> {
    match read == size {
        true => Ok(()),
        false => Err(changed()),
    }
}

/// Fills `buf` as far as the file allows; fewer bytes only at the end of the file.
fn read_full(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Per-slice MD5s of a byte stream cut every `slice_size` bytes; each chunk is handed back
/// through `give_back` for reuse once hashed.
fn slice_md5s(
    chunks: impl Iterator<Item = Vec<u8>>,
    slice_size: u64,
    give_back: &SyncSender<Vec<u8>>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = Md5::new();
    let mut left = slice_size;
    for chunk in chunks {
        let mut rest = &chunk[..];
        while !rest.is_empty() {
            let take = usize::try_from(left).unwrap_or(usize::MAX).min(rest.len());
            current.update(&rest[..take]);
            rest = &rest[take..];
            left -= take as u64;
            if left == 0 {
                out.push(hex(&current.finalize_reset()));
                left = slice_size;
            }
        }
        let _ = give_back.try_send(chunk);
    }
    if left < slice_size {
        out.push(hex(&current.finalize()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::md5_hex;

    fn data(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 253) as u8).collect()
    }

    #[test]
    fn one_pass_gives_the_file_and_slice_md5s() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = data(3 * CHUNK + 12345);
        let path = dir.path().join("f");
        std::fs::write(&path, &bytes).unwrap();
        let slice = (CHUNK + 777) as u64;
        let read = AtomicU64::new(0);
        let cancel = CancellationToken::new();
        let h = hash_file(&path, bytes.len() as u64, slice, &cancel, &read).unwrap();
        assert_eq!(h.etag, md5_hex(&bytes));
        let expect: Vec<String> = bytes.chunks(slice as usize).map(md5_hex).collect();
        assert_eq!(h.slices, expect);
        assert_eq!(read.load(Ordering::Relaxed), bytes.len() as u64);
    }

    #[test]
    fn small_and_empty_files_have_one_slice_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let cancel = CancellationToken::new();
        for len in [0usize, 10] {
            let path = dir.path().join(format!("f{len}"));
            std::fs::write(&path, data(len)).unwrap();
            let h = hash_file(&path, len as u64, 16, &cancel, &AtomicU64::new(0)).unwrap();
            assert_eq!(h.etag, md5_hex(&data(len)));
            assert_eq!(h.slices, vec![h.etag.clone()]);
        }
    }

    #[test]
    fn a_changed_size_or_a_cancel_stops_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, data(100)).unwrap();
        let cancel = CancellationToken::new();
        let e = hash_file(&path, 99, 10, &cancel, &AtomicU64::new(0)).unwrap_err();
        assert_eq!(e.kind, TransferErrorKind::Verification);
        cancel.cancel();
        let e = hash_file(&path, 100, 10, &cancel, &AtomicU64::new(0)).unwrap_err();
        assert_eq!(e.kind, TransferErrorKind::Stopped);
    }
}

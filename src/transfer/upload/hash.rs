//! The one read pass over a file before `create`: the whole-file MD5 and, from the same
//! bytes, the MD5 of every slice at the expected slice size, so that sending needs no further
//! hashing when the server confirms that size. A reader thread reads 1 MiB at a time (never
//! across a slice boundary) into a few buffers; each goes through this thread (the whole-file
//! MD5, the one chain of dependent work) and a slice thread, then back to the reader. One MD5
//! per thread is quicker here than both in one thread (`md5_lanes::update_all`), which the
//! server side uses instead, where the other core has the network to serve.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use md5_lanes::Md5;
use tokio_util::sync::CancellationToken;

use super::super::error::TransferError;
use crate::fs::local::display_name;

const CHUNK: u64 = 1 << 20;
/// Chunks read ahead of the hasher.
const QUEUE: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hashes {
    pub etag: String,
    pub slice_size: u64,
    /// MD5 of slice 1, 2, … at `slice_size`.
    pub slices: Vec<String>,
}

fn changed() -> TransferError {
    TransferError::source_changed()
}

/// Hashes `path`, which must be `size` bytes long. `read` counts the bytes hashed so far.
pub(crate) fn hash_file(
    path: &Path,
    size: u64,
    slice_size: u64,
    cancel: &CancellationToken,
    read: &AtomicU64,
) -> Result<Hashes, TransferError> {
    let what = display_name(path.as_os_str());
    let file = File::open(path).map_err(|e| TransferError::io(&what, &e))?;
    let slice_size = slice_size.max(1);
    let mut whole = Md5::new();
    let (read_outcome, slices) = std::thread::scope(|scope| {
        let (to_whole, chunks) = sync_channel::<Vec<u8>>(QUEUE);
        let (to_slices, hashed) = sync_channel::<Vec<u8>>(QUEUE);
        let (give_back, returned) = sync_channel::<Vec<u8>>(2 * QUEUE + 2);
        let reader =
            scope.spawn(move || read_chunks(file, slice_size, cancel, &to_whole, &returned));
        let slicer = scope.spawn(move || slice_md5s(hashed, slice_size, &give_back));
        for chunk in chunks {
            whole.update(&chunk);
            read.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            if to_slices.send(chunk).is_err() {
                break;
            }
        }
        drop(to_slices);
        let slices = slicer.join().unwrap_or_default();
        (reader.join().unwrap_or(Err(Stop::Stopped)), slices)
    });
    read_outcome.map_err(|stop| match stop {
        Stop::Stopped => TransferError::stopped(),
        Stop::Io(e) => TransferError::io(&what, &e),
    })?;
    if whole.bytes() != size {
        return Err(changed());
    }
    Ok(Hashes {
        etag: whole.hex(),
        slice_size,
        slices,
    })
}

/// The MD5 of every slice, from chunks that never straddle a slice boundary; each chunk goes
/// back to the reader once hashed. An empty file has one slice, empty.
fn slice_md5s(
    chunks: Receiver<Vec<u8>>,
    slice_size: u64,
    give_back: &SyncSender<Vec<u8>>,
) -> Vec<String> {
    let (mut slices, mut slice) = (Vec::new(), Md5::new());
    for chunk in chunks {
        slice.update(&chunk);
        if slice.bytes() == slice_size {
            slices.push(std::mem::take(&mut slice).hex());
        }
        let _ = give_back.try_send(chunk);
    }
    if slice.bytes() > 0 || slices.is_empty() {
        slices.push(slice.hex());
    }
    slices
}

/// Why reading ended early.
enum Stop {
    Stopped,
    Io(std::io::Error),
}

/// Sends the file in chunks of at most `CHUNK` bytes that never straddle a slice boundary,
/// reusing the buffers that come back.
fn read_chunks(
    mut file: File,
    slice_size: u64,
    cancel: &CancellationToken,
    tx: &SyncSender<Vec<u8>>,
    returned: &Receiver<Vec<u8>>,
) -> Result<(), Stop> {
    let mut offset = 0u64;
    loop {
        if cancel.is_cancelled() {
            return Err(Stop::Stopped);
        }
        let to_boundary = slice_size - offset % slice_size;
        let want = usize::try_from(to_boundary.min(CHUNK)).unwrap_or(1 << 20);
        let mut buf = returned.try_recv().unwrap_or_default();
        buf.resize(want, 0);
        let n = read_full(&mut file, &mut buf).map_err(Stop::Io)?;
        if n == 0 {
            return Ok(());
        }
        buf.truncate(n);
        offset += n as u64;
        if tx.send(buf).is_err() {
            return Ok(());
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::md5_hex;
    use crate::transfer::TransferErrorKind;

    fn data(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 253) as u8).collect()
    }

    #[test]
    fn one_pass_gives_the_file_and_slice_md5s() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = data(3 * CHUNK as usize + 12345);
        let path = dir.path().join("f");
        std::fs::write(&path, &bytes).unwrap();
        let slice = CHUNK + 777;
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

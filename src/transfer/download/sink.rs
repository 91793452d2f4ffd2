//! The writing end of a download: a blocking thread that hashes each received chunk and
//! appends it to the part file, fed through a bounded channel so the network side never waits
//! on the disk longer than the queue allows. Writes go straight to the file (no user-space
//! buffer), so after a crash the part's length is exactly what arrived. When the writer fails
//! (a full or read-only disk), it stops; every later call reports that same error.

use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::PathBuf;

use bytes::Bytes;
use md5_lanes::Md5;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::fault::DiskFault;
use crate::fs::local::display_name;

/// Chunks queued for the writer.
const QUEUE: usize = 32;

enum Msg {
    Data(Bytes),
    /// The server ignored the range and sends the whole file: start the part over.
    Reset,
}

pub(crate) struct Written {
    pub md5: String,
    pub len: u64,
}

pub(crate) struct Sink {
    tx: Option<mpsc::Sender<Msg>>,
    /// `None` once joined; its failure, if any, is kept in `failed`.
    task: Option<JoinHandle<Result<Written, TransferError>>>,
    failed: Option<TransferError>,
    /// Bytes handed to the writer, which all end up in the file unless it fails.
    pub sent: u64,
}

impl Sink {
    /// Appends to `part` after its first `offset` bytes, whose MD5 state is `hasher`.
    pub fn open(
        part: PathBuf,
        offset: u64,
        hasher: Md5,
        sync: bool,
        fault: Option<DiskFault>,
    ) -> Self {
        let (tx, rx) = mpsc::channel(QUEUE);
        let task =
            tokio::task::spawn_blocking(move || write_loop(&part, offset, hasher, sync, fault, rx));
        Self {
            tx: Some(tx),
            task: Some(task),
            failed: None,
            sent: offset,
        }
    }

    pub async fn write(&mut self, chunk: Bytes) -> Result<(), TransferError> {
        let len = chunk.len() as u64;
        self.send(Msg::Data(chunk)).await?;
        self.sent += len;
        Ok(())
    }

    pub async fn reset(&mut self) -> Result<(), TransferError> {
        self.send(Msg::Reset).await?;
        self.sent = 0;
        Ok(())
    }

    async fn send(&mut self, msg: Msg) -> Result<(), TransferError> {
        let sent = match &self.tx {
            Some(tx) => tx.send(msg).await.is_ok(),
            None => false,
        };
        match sent {
            true => Ok(()),
            // The writer stopped early: its error says why.
            false => Err(self.close().await.err().unwrap_or_else(|| {
                TransferError::new(TransferErrorKind::Io, "the part file writer stopped")
            })),
        }
    }

    async fn close(&mut self) -> Result<Written, TransferError> {
        self.tx = None;
        let Some(task) = self.task.take() else {
            return Err(self.failed.clone().unwrap_or_else(|| {
                TransferError::new(TransferErrorKind::Io, "the part file writer stopped")
            }));
        };
        let result = task.await.unwrap_or_else(|e| {
            Err(TransferError::new(
                TransferErrorKind::Io,
                format!("part file writer failed: {e}"),
            ))
        });
        if let Err(e) = &result {
            self.failed = Some(e.clone());
        }
        result
    }

    /// Waits until everything sent is written (and synced, if asked).
    pub async fn finish(mut self) -> Result<Written, TransferError> {
        self.close().await
    }
}

fn write_loop(
    part: &std::path::Path,
    offset: u64,
    mut hasher: Md5,
    sync: bool,
    fault: Option<DiskFault>,
    mut rx: mpsc::Receiver<Msg>,
) -> Result<Written, TransferError> {
    let what = display_name(part.as_os_str());
    let io = |e: std::io::Error| TransferError::io(&what, &e);
    let mut file: File = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(part)
        .map_err(io)?;
    file.set_len(offset).map_err(io)?;
    file.seek(SeekFrom::Start(offset)).map_err(io)?;
    let mut len = offset;
    while let Some(msg) = rx.blocking_recv() {
        match msg {
            Msg::Data(chunk) => {
                if let Some(fault) = &fault {
                    fault.check(len, chunk.len() as u64).map_err(io)?;
                }
                hasher.update(&chunk);
                file.write_all(&chunk).map_err(io)?;
                len += chunk.len() as u64;
            }
            Msg::Reset => {
                file.set_len(0).map_err(io)?;
                file.seek(SeekFrom::Start(0)).map_err(io)?;
                hasher = Md5::new();
                len = 0;
            }
        }
    }
    if sync {
        file.sync_data().map_err(io)?;
    }
    Ok(Written {
        md5: hasher.hex(),
        len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::DiskError;

    #[tokio::test]
    async fn a_failed_writer_reports_its_error_every_time_and_keeps_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let part = dir.path().join("f.part");
        let fault = DiskFault {
            error: DiskError::Full,
            after: 5,
        };
        let mut sink = Sink::open(part.clone(), 0, Md5::new(), false, Some(fault));
        sink.write(Bytes::from_static(b"12345")).await.unwrap();
        // The writer fails on this chunk; the channel may still take a few more.
        let mut first = None;
        for _ in 0..2 * QUEUE {
            if let Err(e) = sink.write(Bytes::from_static(b"678")).await {
                first = Some(e);
                break;
            }
        }
        let first = first.expect("the writer stopped");
        assert_eq!(first.kind, TransferErrorKind::DiskFull);
        assert!(first.message.contains("no space left"), "{first}");
        // Touched again: the same error, no panic.
        let again = sink.write(Bytes::from_static(b"9")).await.unwrap_err();
        assert_eq!(again, first);
        let Err(last) = sink.finish().await else {
            panic!("finish succeeded after a failure");
        };
        assert_eq!(last, first);
        assert_eq!(std::fs::read(&part).unwrap(), b"12345");
    }

    #[tokio::test]
    async fn an_unwritable_part_fails_at_once_and_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the part file should be: opening it for writing fails.
        let part = dir.path().join("f.part");
        std::fs::create_dir(&part).unwrap();
        let mut sink = Sink::open(part, 0, Md5::new(), false, None);
        let mut failed = None;
        for _ in 0..2 * QUEUE {
            if let Err(e) = sink.write(Bytes::from_static(b"x")).await {
                failed = Some(e);
                break;
            }
        }
        let failed = failed.expect("the writer stopped");
        assert_eq!(failed.kind, TransferErrorKind::Io);
        assert!(sink.finish().await.is_err());
    }
}

//! The writing end of a download: a blocking thread that hashes each received chunk and
//! appends it to the part file, fed through a bounded channel so the network side never waits
//! on the disk longer than the queue allows. Writes go straight to the file (no user-space
//! buffer), so after a crash the part's length is exactly what arrived.

use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::PathBuf;

use bytes::Bytes;
use md5_lanes::Md5;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::super::error::{TransferError, TransferErrorKind};

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
    task: JoinHandle<Result<Written, TransferError>>,
    /// Bytes handed to the writer, which all end up in the file unless it fails.
    pub sent: u64,
}

impl Sink {
    /// Appends to `part` after its first `offset` bytes, whose MD5 state is `hasher`.
    pub fn open(part: PathBuf, offset: u64, hasher: Md5, sync: bool) -> Self {
        let (tx, rx) = mpsc::channel(QUEUE);
        let task = tokio::task::spawn_blocking(move || write_loop(&part, offset, hasher, sync, rx));
        Self {
            tx: Some(tx),
            task,
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
        (&mut self.task).await.map_err(|e| {
            TransferError::new(
                TransferErrorKind::Io,
                format!("part file writer failed: {e}"),
            )
        })?
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
    mut rx: mpsc::Receiver<Msg>,
) -> Result<Written, TransferError> {
    let what = part.display().to_string();
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

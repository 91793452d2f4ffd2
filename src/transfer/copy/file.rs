//! The blocking half of a copy: what the source is (a file of some size and modification
//! time, or a symbolic link), and writing the part file from it — chunk by chunk, stopping
//! when the job's token fires, checking the source did not change meanwhile, then the
//! source's modification time and permissions and a sync.

use std::fs::{File, FileTimes, Metadata, OpenOptions, Permissions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use tokio_util::sync::CancellationToken;

use super::super::config::TransferConfig;
use super::super::error::{TransferError, TransferErrorKind};
use super::super::work::Resume;

/// Read and written at a time: small enough that pause and cancel take effect at once.
const CHUNK: usize = 1 << 20;

/// The source as the job found it.
#[derive(Debug, Clone)]
pub(super) struct Source {
    pub size: u64,
    pub modified: Option<SystemTime>,
    pub permissions: Permissions,
    /// Where a symbolic link points (it is copied as a link).
    pub link: Option<PathBuf>,
}

impl Source {
    pub fn of(path: &Path, meta: &Metadata) -> Result<Self, TransferError> {
        let shown = path.display().to_string();
        let link = match meta.file_type().is_symlink() {
            true => Some(std::fs::read_link(path).map_err(|e| TransferError::io(&shown, &e))?),
            false if meta.is_file() => None,
            false => {
                return Err(TransferError::new(
                    TransferErrorKind::Io,
                    format!("{shown}: not a regular file any more"),
                ));
            }
        };
        Ok(Self {
            size: if link.is_some() { 0 } else { meta.len() },
            modified: meta.modified().ok(),
            permissions: meta.permissions(),
            link,
        })
    }

    pub fn resume(&self, part: &Path) -> Resume {
        Resume::Copy {
            part: part.to_owned(),
            size: self.size,
            modified: self.modified,
        }
    }
}

/// One attempt: `source` at `from` into part file `to`, whose first `offset` bytes are there.
pub(super) struct Job {
    pub from: PathBuf,
    pub to: PathBuf,
    pub source: Source,
    pub offset: u64,
}

impl Job {
    /// Writes the part; `done` counts the bytes in it, `pace` waits for the rate cap.
    pub fn run(
        &self,
        cfg: &TransferConfig,
        stop: &CancellationToken,
        done: &AtomicU64,
        pace: impl Fn(u64) -> Result<(), TransferError>,
    ) -> Result<(), TransferError> {
        let (from, to) = (
            self.from.display().to_string(),
            self.to.display().to_string(),
        );
        let source_io = |e: std::io::Error| TransferError::io(&from, &e);
        let part_io = |e: std::io::Error| TransferError::io(&to, &e);
        if let Some(link) = &self.source.link {
            return symlink(link, &self.to).map_err(part_io);
        }
        let mut input = File::open(&self.from).map_err(source_io)?;
        input
            .seek(SeekFrom::Start(self.offset))
            .map_err(source_io)?;
        let mut output = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&self.to)
            .map_err(part_io)?;
        output.set_len(self.offset).map_err(part_io)?;
        output.seek(SeekFrom::Start(self.offset)).map_err(part_io)?;
        let mut buf = vec![0u8; CHUNK];
        let mut len = self.offset;
        done.store(len, Ordering::Relaxed);
        loop {
            if stop.is_cancelled() {
                return Err(TransferError::stopped());
            }
            let n = input.read(&mut buf).map_err(source_io)?;
            if n == 0 {
                break;
            }
            pace(n as u64)?;
            if let Some(fault) = &cfg.disk_fault {
                fault.check(len, n as u64).map_err(part_io)?;
            }
            output.write_all(&buf[..n]).map_err(part_io)?;
            len += n as u64;
            done.store(len, Ordering::Relaxed);
        }
        let now = input.metadata().map_err(source_io)?;
        if len != self.source.size || now.modified().ok() != self.source.modified {
            return Err(TransferError::new(
                TransferErrorKind::Verification,
                format!(
                    "{from} changed while it was copied ({} bytes when the copy started, {len} \
                     read); copying it again takes the new content",
                    self.source.size
                ),
            ));
        }
        finish(&output, &self.source, cfg.sync_downloads).map_err(part_io)
    }
}

/// The source's modification time and permissions on the part, then a sync if asked.
fn finish(output: &File, source: &Source, sync: bool) -> std::io::Result<()> {
    if let Some(modified) = source.modified {
        output.set_times(FileTimes::new().set_modified(modified))?;
    }
    output.set_permissions(source.permissions.clone())?;
    if sync {
        output.sync_all()?;
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "copying symbolic links is not supported here",
    ))
}

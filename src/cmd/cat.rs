//! `panfm cat` and `panfm head`: a cloud file's bytes on stdout, read through
//! [`crate::fs::read::Reader`] (the cached download URL, renewed when the CDN refuses it).
//!
//! `cat` streams as the bytes arrive, resuming with a range where a connection breaks; a whole
//! file is hashed on the way and compared with its MD5 at the end — a mismatch is an error
//! (exit 1) after the bytes, said on stderr, since they have already gone out. `head` reads
//! the start with one small range request (more only when the lines are longer than it).

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use crate::api::FileEntry;
use crate::cli::{CatArgs, HeadArgs};
use crate::fs::img::ImgFs;
use crate::fs::read::{Reader, Source, Span};
use futures::StreamExt;
use md5_lanes::Md5;
use std::io::Write;

/// Attempts at one range before giving up on a connection that keeps breaking.
const ATTEMPTS: u32 = 3;
/// What `head` reads first; four times more each time the lines don't fit.
const HEAD_READ: u64 = 64 << 10;
/// `head` stops looking for line ends after this much.
const HEAD_MAX: u64 = 16 << 20;

pub async fn cat(ctx: &mut Ctx, args: CatArgs) -> CmdResult {
    let file = file_at(ctx, &args.path).await?;
    let (start, len) = match &args.range {
        Some(text) => parse_range(text, file.size)?,
        None => (0, file.size),
    };
    let reader = reader(ctx);
    let mut out = std::io::stdout().lock();
    let mut hash = args.range.is_none().then(Md5::new);
    let mut sent = 0u64;
    let mut breaks = 0;
    while sent < len {
        let span = Span::At {
            start: start + sent,
            len: len - sent,
        };
        let download = reader.open_cloud(file.id, Some(span)).await?;
        if !download.partial && start + sent > 0 {
            return Err(CmdError::failure(
                "the download host ignored the byte range",
            ));
        }
        let mut body = download.into_stream();
        let broken = loop {
            match body.next().await {
                Some(Ok(chunk)) => {
                    let take = (len - sent).min(chunk.len() as u64) as usize;
                    if let Err(e) = out.write_all(&chunk[..take]) {
                        return closed(e);
                    }
                    if let Some(h) = &mut hash {
                        h.update(&chunk[..take]);
                    }
                    sent += take as u64;
                    if sent == len {
                        break None;
                    }
                }
                Some(Err(e)) => break Some(e.without_url().to_string()),
                None => break Some("the body ended early".to_owned()),
            }
        };
        if let Some(why) = broken {
            breaks += 1;
            if breaks >= ATTEMPTS {
                return Err(CmdError::failure(format!(
                    "the download kept breaking off after {sent} bytes: {why}"
                )));
            }
        }
    }
    if let Err(e) = out.flush() {
        return closed(e);
    }
    let Some(hash) = hash else { return Ok(()) };
    let got = hash.hex();
    if !file.etag.is_empty() && !got.eq_ignore_ascii_case(&file.etag) {
        return Err(CmdError::failure(format!(
            "{}: the bytes written do not match the file's MD5 (expected {}, got {got})",
            args.path, file.etag
        )));
    }
    Ok(())
}

pub async fn head(ctx: &mut Ctx, args: HeadArgs) -> CmdResult {
    let file = file_at(ctx, &args.path).await?;
    let reader = reader(ctx);
    let source = Source::Cloud(file.id);
    let mut read = HEAD_READ.min(file.size);
    let mut bytes = Vec::new();
    while args.lines > 0 && read > bytes.len() as u64 {
        let at = bytes.len() as u64;
        let span = Span::At {
            start: at,
            len: read - at,
        };
        let chunk = reader.read(&source, span).await.map_err(fs_error)?;
        if chunk.bytes.is_empty() {
            break;
        }
        bytes.extend_from_slice(&chunk.bytes);
        if lines_end(&bytes, args.lines).is_some() {
            break;
        }
        read = (read * 4).min(file.size).min(HEAD_MAX);
    }
    let end = lines_end(&bytes, args.lines).unwrap_or(bytes.len());
    let mut out = std::io::stdout().lock();
    match out.write_all(&bytes[..end]).and_then(|()| out.flush()) {
        Err(e) => closed(e),
        Ok(()) => Ok(()),
    }
}

async fn file_at(ctx: &mut Ctx, path: &str) -> CmdResult<FileEntry> {
    let found = ctx.resolver.resolve(path).await?;
    if found.entry.is_dir() {
        return Err(CmdError::failure(format!("{} is a folder", found.path)));
    }
    if found.entry.is_rejected() {
        return Err(CmdError::failure(format!(
            "{} was rejected by review and cannot be read",
            found.path
        )));
    }
    Ok(found.entry)
}

fn reader(ctx: &Ctx) -> Reader {
    Reader::new(ctx.client.clone(), ImgFs::new(ctx.client.clone()))
}

fn fs_error(e: crate::fs::FsError) -> CmdError {
    CmdError::failure(e.message)
}

impl From<crate::fs::FsError> for CmdError {
    fn from(e: crate::fs::FsError) -> Self {
        fs_error(e)
    }
}

/// A reader that went away (`panfm cat f | head`) is not a failure of ours.
fn closed(e: std::io::Error) -> CmdResult {
    match e.kind() {
        std::io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(CmdError::failure(format!("cannot write the output: {e}"))),
    }
}

/// Where the first `n` lines end (after the `n`th newline).
fn lines_end(bytes: &[u8], n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(n - 1)
        .map(|(i, _)| i + 1)
}

/// `START-END`, `START-` or `-N` against a file of `size` bytes: `(start, length)`.
fn parse_range(text: &str, size: u64) -> CmdResult<(u64, u64)> {
    let usage = || {
        CmdError::usage(format!(
            "--range {text:?}: expected START-END, START- or -N (byte positions from 0)"
        ))
    };
    let (first, last) = text.trim().split_once('-').ok_or_else(usage)?;
    let number = |s: &str| s.trim().parse::<u64>().map_err(|_| usage());
    let (start, end) = match (first.trim().is_empty(), last.trim().is_empty()) {
        (true, false) => {
            let n = number(last)?;
            (size.saturating_sub(n), size.saturating_sub(1))
        }
        (false, true) => (number(first)?, size.saturating_sub(1)),
        (false, false) => (number(first)?, number(last)?.min(size.saturating_sub(1))),
        (true, true) => return Err(usage()),
    };
    if start > end || start >= size {
        return Err(CmdError::failure(format!(
            "--range {text}: the file has {size} bytes (positions 0 to {})",
            size.saturating_sub(1)
        )));
    }
    Ok((start, end - start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(parse_range("0-9", 100), Ok((0, 10)));
        assert_eq!(parse_range("90-", 100), Ok((90, 10)));
        assert_eq!(parse_range("-5", 100), Ok((95, 5)));
        assert_eq!(parse_range("95-200", 100), Ok((95, 5)));
        assert_eq!(parse_range("-500", 100), Ok((0, 100)));
        assert_eq!(parse_range("x-1", 100).unwrap_err().status as u8, 2);
        assert_eq!(parse_range("5", 100).unwrap_err().status as u8, 2);
        assert_eq!(parse_range("100-", 100).unwrap_err().status as u8, 1);
        assert_eq!(parse_range("9-3", 100).unwrap_err().status as u8, 1);
        assert_eq!(parse_range("0-", 0).unwrap_err().status as u8, 1);
    }

    #[test]
    fn line_ends() {
        assert_eq!(lines_end(b"a\nb\nc", 2), Some(4));
        assert_eq!(lines_end(b"a\nb", 2), None);
        assert_eq!(lines_end(b"a\n", 0), Some(0));
    }
}

//! File operations on the local disk, blocking (run them on the blocking pool). Nothing here
//! overwrites: an existing target is an error. A move is a rename; across file systems it
//! says so ([`Moved::OtherDevice`]) and the caller copies (through the transfer queue); a
//! directory is never moved or copied into itself.

use super::{FsError, FsErrorKind};
use std::io;
use std::path::Path;

pub fn mkdir(dir: &Path, name: &str) -> Result<(), FsError> {
    crate::plan::validate_local_name(name).map_err(|e| invalid(name, &e.to_string()))?;
    let path = dir.join(name);
    std::fs::create_dir(&path).map_err(|e| FsError::io(&path.display().to_string(), &e))
}

/// Makes `names` (`a/b` as levels) in `dir` like `mkdir -p`: missing levels made, existing
/// folders reused; fails when every level exists or one is not a folder.
pub fn mkdir_path(dir: &Path, names: &[String]) -> Result<(), FsError> {
    if let [name] = names {
        return mkdir(dir, name);
    }
    for name in names {
        crate::plan::validate_local_name(name).map_err(|e| invalid(name, &e.to_string()))?;
    }
    let mut path = dir.to_path_buf();
    let mut made = false;
    for name in names {
        path.push(name);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => continue,
            Ok(_) => {
                let what = format!("{} is not a folder", path.display());
                return Err(FsError::new(FsErrorKind::AlreadyExists, what));
            }
            Err(_) => {}
        }
        std::fs::create_dir(&path).map_err(|e| FsError::io(&path.display().to_string(), &e))?;
        made = true;
    }
    match made {
        true => Ok(()),
        false => Err(FsError::new(FsErrorKind::AlreadyExists, "already exists")),
    }
}

/// Renames `dir/from` to `dir/to`, refusing to replace anything.
pub fn rename(dir: &Path, from: &str, to: &str) -> Result<(), FsError> {
    crate::plan::validate_local_name(to).map_err(|e| invalid(to, &e.to_string()))?;
    let (src, dst) = (dir.join(from), dir.join(to));
    if exists(&dst) && !same_file(&src, &dst) {
        return Err(FsError::new(
            FsErrorKind::AlreadyExists,
            format!("{to} already exists"),
        ));
    }
    std::fs::rename(&src, &dst).map_err(|e| FsError::io(from, &e))
}

/// What [`move_into`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Renamed,
    /// Nothing: the target is on another file system, where a rename can't go.
    OtherDevice,
}

/// Moves `from/name` into `to` by renaming it.
pub fn move_into(from: &Path, name: &std::ffi::OsStr, to: &Path) -> Result<Moved, FsError> {
    let (src, dst) = (from.join(name), to.join(name));
    refuse_into_itself(&src, to)?;
    if exists(&dst) {
        return Err(exists_error(&dst));
    }
    match std::fs::rename(&src, &dst) {
        Ok(()) => Ok(Moved::Renamed),
        Err(e) if e.kind() == io::ErrorKind::CrossesDevices => Ok(Moved::OtherDevice),
        Err(e) => Err(FsError::io(&src.display().to_string(), &e)),
    }
}

/// Copies `from/name` into `to`, reporting bytes copied so far through `progress`.
pub fn copy_into(
    from: &Path,
    name: &std::ffi::OsStr,
    to: &Path,
    progress: &mut dyn FnMut(u64),
) -> Result<(), FsError> {
    let (src, dst) = (from.join(name), to.join(name));
    refuse_into_itself(&src, to)?;
    if exists(&dst) {
        return Err(exists_error(&dst));
    }
    copy_tree(&src, &dst, progress)
}

/// Removes a file, a symlink, or a directory with everything in it.
pub fn remove(path: &Path) -> Result<(), FsError> {
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| FsError::io(&path.display().to_string(), &e))?;
    let result = if meta.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    result.map_err(|e| FsError::io(&path.display().to_string(), &e))
}

fn copy_tree(src: &Path, dst: &Path, progress: &mut dyn FnMut(u64)) -> Result<(), FsError> {
    let ctx = |p: &Path, e: io::Error| FsError::io(&p.display().to_string(), &e);
    let meta = std::fs::symlink_metadata(src).map_err(|e| ctx(src, e))?;
    if meta.is_dir() {
        std::fs::create_dir(dst).map_err(|e| ctx(dst, e))?;
        for item in std::fs::read_dir(src).map_err(|e| ctx(src, e))? {
            let item = item.map_err(|e| ctx(src, e))?;
            copy_tree(&item.path(), &dst.join(item.file_name()), progress)?;
        }
        Ok(())
    } else if meta.file_type().is_symlink() {
        let target = std::fs::read_link(src).map_err(|e| ctx(src, e))?;
        symlink(&target, dst).map_err(|e| ctx(dst, e))
    } else {
        copy_file(src, dst, progress)
    }
}

/// Copies through a `.part` name and renames at the end, so a failed copy never leaves a
/// partial file under the real name.
fn copy_file(src: &Path, dst: &Path, progress: &mut dyn FnMut(u64)) -> Result<(), FsError> {
    use std::io::{Read, Write};
    let ctx = |p: &Path, e: io::Error| FsError::io(&p.display().to_string(), &e);
    let part = dst.with_file_name(format!(
        ".{}.panfm-part",
        dst.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let result = (|| {
        let mut input = std::fs::File::open(src).map_err(|e| ctx(src, e))?;
        let mut output = std::fs::File::create_new(&part).map_err(|e| ctx(&part, e))?;
        let mut buf = vec![0u8; 1 << 20];
        let mut done = 0u64;
        loop {
            let n = input.read(&mut buf).map_err(|e| ctx(src, e))?;
            if n == 0 {
                break;
            }
            output.write_all(&buf[..n]).map_err(|e| ctx(dst, e))?;
            done += n as u64;
            progress(done);
        }
        output.sync_all().map_err(|e| ctx(dst, e))?;
        if exists(dst) {
            return Err(exists_error(dst));
        }
        std::fs::rename(&part, dst).map_err(|e| ctx(dst, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> io::Result<()> {
    Err(io::Error::other(
        "copying symbolic links is not supported here",
    ))
}

fn refuse_into_itself(src: &Path, to: &Path) -> Result<(), FsError> {
    let (Ok(src), Ok(to)) = (src.canonicalize(), to.canonicalize()) else {
        return Ok(());
    };
    if to.starts_with(&src) {
        return Err(FsError::new(
            FsErrorKind::InvalidName,
            format!("cannot put {} inside itself", src.display()),
        ));
    }
    Ok(())
}

fn exists(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn exists_error(p: &Path) -> FsError {
    FsError::new(
        FsErrorKind::AlreadyExists,
        format!("{} already exists", p.display()),
    )
}

fn invalid(name: &str, why: &str) -> FsError {
    FsError::new(FsErrorKind::InvalidName, format!("{name}: {why}"))
}

#[cfg(test)]
#[path = "local_ops_tests.rs"]
mod tests;

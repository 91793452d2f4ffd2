//! The system trash for local entries, through the `trash` crate (on Linux the freedesktop
//! trash: `~/.local/share/Trash`, or a `.Trash-<uid>` folder at the top of another file
//! system). [`check`] says whether an entry can go there by a rename: the crate would otherwise
//! copy it into the home trash across file systems, which for 2 GB is no "delete". Blocking.

use std::path::{Path, PathBuf};

use super::{FsError, FsErrorKind};

/// Moves `path` to the system trash.
pub fn put(path: &Path) -> Result<(), FsError> {
    trash::delete(path)
        .map_err(|e| FsError::new(FsErrorKind::Io, format!("cannot move it to the trash: {e}")))
}

/// `Err(why not)` when the system trash can't take `path` without copying it.
#[cfg(target_os = "linux")]
pub fn check(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").map_or(u32::MAX, |m| m.uid());
    check_with(path, home_trash().as_deref(), uid)
}

/// Elsewhere the crate's own rules decide (macOS and Windows keep one trash per volume).
#[cfg(not(target_os = "linux"))]
pub fn check(_path: &Path) -> Result<(), String> {
    Ok(())
}

/// Where the freedesktop spec puts the home trash.
#[cfg(target_os = "linux")]
fn home_trash() -> Option<PathBuf> {
    let set = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    match (set("XDG_DATA_HOME"), set("HOME")) {
        (Some(data), _) => Some(PathBuf::from(data).join("Trash")),
        (None, Some(home)) => Some(PathBuf::from(home).join(".local/share/Trash")),
        (None, None) => None,
    }
}

#[cfg(unix)]
fn check_with(path: &Path, home_trash: Option<&Path>, uid: u32) -> Result<(), String> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let home = home_trash.ok_or("neither XDG_DATA_HOME nor HOME is set: there is no trash")?;
    let item = std::fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    // The home trash may not exist yet: the nearest folder above it tells its file system.
    let home_dev = home
        .ancestors()
        .find_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.dev());
    if home_dev == Some(item.dev()) {
        return Ok(());
    }
    let top = mount_top(path, item.dev());
    let admin = top.join(".Trash");
    let admin_ok = std::fs::symlink_metadata(&admin)
        .is_ok_and(|m| m.is_dir() && m.permissions().mode() & 0o1000 != 0)
        && admin.join(uid.to_string()).is_dir();
    let own = top.join(format!(".Trash-{uid}")).is_dir();
    let writable = std::fs::metadata(&top).is_ok_and(|m| {
        let mode = m.permissions().mode();
        uid == 0 || (m.uid() == uid && mode & 0o200 != 0) || mode & 0o002 != 0
    });
    match admin_ok || own || writable {
        true => Ok(()),
        false => Err(format!(
            "{} is another file system than your home's, with no trash folder of its own",
            top.display()
        )),
    }
}

/// The top folder of the file system `path` (on device `dev`) is on.
#[cfg(unix)]
fn mount_top(path: &Path, dev: u64) -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut top = path.clone();
    for up in path.ancestors().skip(1) {
        match std::fs::metadata(up) {
            Ok(m) if m.dev() == dev => top = up.to_owned(),
            _ => break,
        }
    }
    top
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_home_trash_on_the_same_file_system_takes_anything() {
        let d = tempfile::tempdir().unwrap();
        let item = d.path().join("x");
        std::fs::write(&item, b"x").unwrap();
        let home = d.path().join("share/Trash");
        assert_eq!(check_with(&item, Some(&home), 1000), Ok(()));
        let none = check_with(&item, None, 1000).unwrap_err();
        assert!(none.contains("HOME"), "{none}");
        assert!(check_with(&d.path().join("gone"), Some(&home), 1000).is_err());
    }

    #[test]
    fn another_file_system_without_a_trash_folder_is_refused() {
        use std::os::unix::fs::MetadataExt;
        let d = tempfile::tempdir().unwrap();
        let home = d.path().join("Trash");
        // sysfs: its own read-only file system where this machine has one.
        let other = Path::new("/sys/kernel");
        let dev = |p: &Path| std::fs::metadata(p).map(|m| m.dev()).ok();
        if dev(other).is_none() || dev(other) == dev(d.path()) {
            return;
        }
        let why = check_with(other, Some(&home), 1000).unwrap_err();
        assert!(why.contains("/sys is another file system"), "{why}");
    }

    #[test]
    fn the_top_of_a_file_system_is_where_its_device_ends() {
        let d = tempfile::tempdir().unwrap();
        let here = std::fs::canonicalize(d.path()).unwrap();
        assert_eq!(
            mount_top(d.path(), u64::MAX),
            here,
            "no folder above on that device"
        );
    }
}

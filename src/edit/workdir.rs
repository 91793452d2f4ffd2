//! The private folder a cloud file's copy is edited in: made under the system's temporary
//! directory, readable by its owner only (0700 on Unix), and kept until the edit is over —
//! removed after a verified upload or an unchanged save, left in place (and named to the user)
//! when something failed, so an edit is never lost.

use std::io;
use std::path::{Path, PathBuf};

/// Makes a new private folder (`panfm-edit-` and a random suffix) in the temporary directory.
pub fn private_dir() -> io::Result<PathBuf> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("panfm-edit-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    Ok(builder.tempdir()?.keep())
}

/// Removes an edit's folder and what it holds; one already gone is fine.
pub fn remove_dir(dir: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_dir_is_new_and_removable() {
        let a = private_dir().unwrap();
        let b = private_dir().unwrap();
        assert_ne!(a, b);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&a).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        std::fs::write(a.join("x.txt"), b"x").unwrap();
        remove_dir(&a).unwrap();
        assert!(!a.exists());
        remove_dir(&a).unwrap();
        remove_dir(&b).unwrap();
    }
}

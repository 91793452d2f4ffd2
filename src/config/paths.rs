//! The directories panfm reads and writes: config (credentials, keymap), cache (the access
//! token, the rate limiter's recent grants shared between runs) and state (transfer queue, undo
//! journal, logs). `--config-dir` / `PANFM_CONFIG_DIR` puts all three under one directory so
//! tests and scripts stay self-contained.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config: PathBuf,
    pub cache: PathBuf,
    pub state: PathBuf,
}

impl Paths {
    /// All three directories under `root` (`root`, `root/cache`, `root/state`).
    pub fn under(root: impl AsRef<Path>) -> Self {
        let root = root.as_ref();
        Self {
            config: root.to_path_buf(),
            cache: root.join("cache"),
            state: root.join("state"),
        }
    }

    /// The platform directories (e.g. `~/.config/panfm`, `~/.cache/panfm`, `~/.local/state/panfm`),
    /// or `override_root` when given.
    pub fn resolve(override_root: Option<&Path>) -> io::Result<Self> {
        if let Some(root) = override_root {
            return Ok(Self::under(root));
        }
        let dirs = directories::ProjectDirs::from("", "", "panfm").ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "no home directory; pass --config-dir",
            )
        })?;
        let state = dirs
            .state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf();
        Ok(Self {
            config: dirs.config_dir().to_path_buf(),
            cache: dirs.cache_dir().to_path_buf(),
            state,
        })
    }
}

/// Writes `bytes` to `path` atomically (temp file + rename) with mode 0600 on Unix, creating the
/// parent directory (0700) when missing. Used for every file that may hold a secret.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("path has no parent"))?;
    create_private_dir(dir)?;
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = opts.open(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)
}

/// Creates `dir` and its parents; the last component gets mode 0700 on Unix.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_puts_everything_below_root() {
        let p = Paths::under("/x");
        assert_eq!(p.config, PathBuf::from("/x"));
        assert_eq!(p.cache, PathBuf::from("/x/cache"));
        assert_eq!(p.state, PathBuf::from("/x/state"));
    }

    #[cfg(unix)]
    #[test]
    fn write_private_is_0600_and_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/secret.json");
        write_private(&path, b"one").unwrap();
        write_private(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dmode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dmode, 0o700);
    }
}

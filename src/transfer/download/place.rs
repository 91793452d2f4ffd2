//! Putting a verified part file under its final name without ever overwriting by accident:
//! the overwrite policy renames over the target (atomic), every other policy links the part to
//! the target name, which fails if the name is taken (falling back to check-then-rename where
//! hard links are unsupported). "Keep both" tries `name (1).ext`, `name (2).ext`, … in turn.

use std::io;
use std::path::{Path, PathBuf};

use super::super::names::keep_both_name;
use super::super::spec::ConflictPolicy;

/// Names "keep both" tries before giving up.
const KEEP_BOTH_TRIES: u32 = 10_000;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Placed {
    At(PathBuf),
    /// The name was taken (skip / ask); the part is left as it is.
    Taken,
}

pub(crate) fn place(part: &Path, target: &Path, policy: ConflictPolicy) -> io::Result<Placed> {
    match policy {
        ConflictPolicy::Overwrite => {
            if std::fs::symlink_metadata(target).is_ok_and(|m| m.is_dir()) {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "a folder of that name is in the way",
                ));
            }
            std::fs::rename(part, target)?;
            Ok(Placed::At(target.to_owned()))
        }
        ConflictPolicy::Skip | ConflictPolicy::Ask => match link_new(part, target) {
            Ok(()) => Ok(Placed::At(target.to_owned())),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Placed::Taken),
            Err(e) => Err(e),
        },
        ConflictPolicy::KeepBoth => {
            let dir = target.parent().unwrap_or(Path::new("."));
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for n in 0..=KEEP_BOTH_TRIES {
                let candidate = match n {
                    0 => target.to_owned(),
                    n => dir.join(keep_both_name(&name, n)),
                };
                match link_new(part, &candidate) {
                    Ok(()) => return Ok(Placed::At(candidate)),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(e),
                }
            }
            Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "no free name left",
            ))
        }
    }
}

/// Moves `part` to `target`, failing with `AlreadyExists` if `target` exists.
fn link_new(part: &Path, target: &Path) -> io::Result<()> {
    match std::fs::hard_link(part, target) {
        Ok(()) => std::fs::remove_file(part),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if std::fs::symlink_metadata(target).is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            std::fs::rename(part, target)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let part = dir.path().join(".a.txt.1.panfm-part");
        let target = dir.path().join("a.txt");
        std::fs::write(&part, b"new").unwrap();
        (dir, part, target)
    }

    #[test]
    fn a_free_name_is_taken_by_every_policy() {
        for policy in [
            ConflictPolicy::Ask,
            ConflictPolicy::Skip,
            ConflictPolicy::Overwrite,
            ConflictPolicy::KeepBoth,
        ] {
            let (_d, part, target) = setup();
            assert_eq!(
                place(&part, &target, policy).unwrap(),
                Placed::At(target.clone())
            );
            assert_eq!(std::fs::read(&target).unwrap(), b"new");
            assert!(!part.exists());
        }
    }

    #[test]
    fn taken_names_follow_the_policy() {
        let (d, part, target) = setup();
        std::fs::write(&target, b"old").unwrap();
        assert_eq!(
            place(&part, &target, ConflictPolicy::Skip).unwrap(),
            Placed::Taken
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert!(part.exists());
        std::fs::write(d.path().join("a (1).txt"), b"older").unwrap();
        let placed = place(&part, &target, ConflictPolicy::KeepBoth).unwrap();
        assert_eq!(placed, Placed::At(d.path().join("a (2).txt")));
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        std::fs::write(&part, b"newer").unwrap();
        assert_eq!(
            place(&part, &target, ConflictPolicy::Overwrite).unwrap(),
            Placed::At(target.clone())
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"newer");
    }

    #[test]
    fn a_folder_is_never_overwritten() {
        let (_d, part, target) = setup();
        std::fs::create_dir(&target).unwrap();
        assert!(place(&part, &target, ConflictPolicy::Overwrite).is_err());
        assert!(target.is_dir() && part.exists());
    }
}

//! Planning a local copy: walk the sources on the blocking pool (symbolic links are not
//! followed: each is copied as a link), make the target folders (a folder of the same name
//! takes the copy's entries beside its own, as in mc), then announce the totals and queue one
//! job per file or link. Special files are skipped; a folder copied into itself, a file in
//! the way of a folder, and unreadable folders become finished jobs with their reason.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use tokio_util::sync::CancellationToken;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::job::{Direction, JobState};
use super::super::scheduler::table::NewJob;
use super::super::work::{CopyWork, Work};
use super::planner::Planner;
use crate::fs::natural::sort_key;

pub(super) async fn run(
    plan: &Planner<'_>,
    sources: &[PathBuf],
    dest: &Path,
) -> Result<(), TransferError> {
    let (list, dest, cancel) = (sources.to_vec(), dest.to_owned(), plan.cancel.clone());
    let jobs = tokio::task::spawn_blocking(move || walk(&list, &dest, &cancel))
        .await
        .map_err(|e| TransferError::new(TransferErrorKind::Io, e.to_string()))?;
    plan.cancel_check()?;
    plan.queue_all(jobs);
    Ok(())
}

struct Walker<'a> {
    cancel: &'a CancellationToken,
    /// The destination as it resolves, to refuse copying a folder into itself.
    dest: PathBuf,
    jobs: Vec<NewJob>,
}

fn walk(sources: &[PathBuf], dest: &Path, cancel: &CancellationToken) -> Vec<NewJob> {
    let mut w = Walker {
        cancel,
        dest: std::fs::canonicalize(dest).unwrap_or_else(|_| dest.to_owned()),
        jobs: Vec::new(),
    };
    if let Err(e) = std::fs::create_dir_all(dest) {
        let reason = format!("cannot create the folder: {e}");
        w.refuse("", dest, &reason, false);
        return w.jobs;
    }
    for source in sources {
        if cancel.is_cancelled() {
            break;
        }
        match source.file_name() {
            Some(name) => w.entry(source, name, &lossy(name), dest),
            None => w.refuse("", source, "the path names no file or folder", false),
        }
    }
    w.jobs
}

fn lossy(name: &OsStr) -> String {
    name.to_string_lossy().into_owned()
}

impl Walker<'_> {
    /// A job that ends before it starts: `rel` is its path below the sources' folder.
    fn refuse(&mut self, rel: &str, target: &Path, reason: &str, skip: bool) {
        let state = match skip {
            true => JobState::Skipped {
                reason: reason.to_owned(),
            },
            false => JobState::Failed {
                reason: reason.to_owned(),
            },
        };
        self.jobs.push(NewJob {
            direction: Direction::Copy,
            name: rel.rsplit('/').next().unwrap_or_default().to_owned(),
            source: rel.to_owned(),
            target: target.display().to_string(),
            size: 0,
            work: Work::Refused {
                reason: reason.to_owned(),
                skip,
            },
            state,
        });
    }

    /// Source `path`, named `name` (`rel` below the sources' folder), into folder `dir`.
    fn entry(&mut self, path: &Path, name: &OsStr, rel: &str, dir: &Path) {
        let target = dir.join(name);
        let meta = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) => return self.refuse(rel, &target, &format!("cannot read: {e}"), false),
        };
        if meta.is_dir() {
            return self.folder(path, rel, &target);
        }
        if !meta.is_file() && !meta.file_type().is_symlink() {
            let reason = "not a regular file or folder; skipped";
            return self.refuse(rel, &target, reason, true);
        }
        self.jobs.push(NewJob {
            direction: Direction::Copy,
            name: lossy(name),
            source: rel.to_owned(),
            target: target.display().to_string(),
            size: if meta.is_file() { meta.len() } else { 0 },
            work: Work::LocalCopy(CopyWork {
                source: path.to_owned(),
                target,
            }),
            state: JobState::Queued,
        });
    }

    fn folder(&mut self, path: &Path, rel: &str, target: &Path) {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if self.dest.starts_with(&canonical) {
            let reason = "a folder can't be copied into itself";
            return self.refuse(rel, target, reason, false);
        }
        match std::fs::symlink_metadata(target) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                let reason = "a file of that name is in the way of the folder";
                return self.refuse(rel, target, reason, false);
            }
            Err(_) => {
                if let Err(e) = std::fs::create_dir(target) {
                    let reason = format!("cannot create the folder: {e}");
                    return self.refuse(rel, target, &reason, false);
                }
            }
        }
        let mut children: Vec<(Box<[u8]>, PathBuf)> = match std::fs::read_dir(path) {
            Ok(read) => read
                .filter_map(|e| e.ok())
                .map(|e| (sort_key(&e.file_name().to_string_lossy()), e.path()))
                .collect(),
            Err(e) => {
                let reason = format!("cannot read the folder: {e}");
                return self.refuse(rel, target, &reason, false);
            }
        };
        // The order panes show, so the queue lists `f2` before `f10`.
        children.sort();
        for (_, child) in children {
            if self.cancel.is_cancelled() {
                return;
            }
            if let Some(name) = child.file_name() {
                let below = format!("{rel}/{}", lossy(name));
                self.entry(&child, name, &below, target);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(jobs: &[NewJob]) -> Vec<(String, bool)> {
        jobs.iter()
            .map(|j| (j.source.clone(), matches!(j.work, Work::LocalCopy(_))))
            .collect()
    }

    #[test]
    fn walks_in_natural_order_makes_folders_and_refuses_a_copy_into_itself() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        std::fs::create_dir_all(src.join("sub")).unwrap();
        for name in ["f10", "f2", "sub/x"] {
            std::fs::write(src.join(name), name).unwrap();
        }
        let dest = tmp.path().join("dest");
        let cancel = CancellationToken::new();
        let jobs = walk(std::slice::from_ref(&src), &dest, &cancel);
        let expected = [("src/f2", true), ("src/f10", true), ("src/sub/x", true)];
        let expected: Vec<_> = expected.iter().map(|(s, j)| (s.to_string(), *j)).collect();
        assert_eq!(names(&jobs), expected);
        assert!(
            dest.join("src/sub").is_dir(),
            "folders are made while planning"
        );
        assert_eq!(jobs[2].target, dest.join("src/sub/x").display().to_string());

        let inside = src.join("sub");
        let jobs = walk(std::slice::from_ref(&src), &inside, &cancel);
        assert_eq!(names(&jobs), vec![("src".to_owned(), false)]);
        assert!(
            matches!(&jobs[0].state, JobState::Failed { reason } if reason.contains("into itself"))
        );
    }

    #[test]
    fn a_file_in_the_way_of_a_folder_fails_that_folder_only() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("a");
        std::fs::create_dir(&src).unwrap();
        std::fs::write(src.join("x"), b"x").unwrap();
        let dest = tmp.path().join("dest");
        std::fs::create_dir(&dest).unwrap();
        std::fs::write(dest.join("a"), b"a file").unwrap();
        let jobs = walk(&[src], &dest, &CancellationToken::new());
        assert_eq!(names(&jobs), vec![("a".to_owned(), false)]);
        assert_eq!(std::fs::read(dest.join("a")).unwrap(), b"a file");
    }
}

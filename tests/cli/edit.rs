//! `panfm edit`: the round trip with `EDITOR` set to a script — a change goes back over the
//! cloud file, no change sends nothing, a cloud file changed meanwhile (by another panfm,
//! through the mock) is settled by `--on-conflict` or kept — and every way it can end, with
//! the private folder (under a `TMPDIR` of the test's own) removed or kept as it should be.

use crate::common::{Env, Run};
use std::path::PathBuf;

/// What an edit needs beside the mock: the `TMPDIR` its private folder goes to, and scripts.
struct Bench {
    env: Env,
    tmp: tempfile::TempDir,
    scripts: tempfile::TempDir,
}

impl Bench {
    fn new() -> Bench {
        let env = Env::new();
        env.file("/d/a.txt", b"one\n");
        Bench {
            env,
            tmp: tempfile::tempdir().unwrap(),
            scripts: tempfile::tempdir().unwrap(),
        }
    }

    /// A shell script for `EDITOR` (it gets the file as `$1`).
    fn script(&self, name: &str, body: &str) -> String {
        let path = self.scripts.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        path.to_str().unwrap().to_owned()
    }

    fn command(&self, editor: &str, args: &[&str]) -> std::process::Command {
        let mut cmd = self.env.command();
        cmd.env("EDITOR", editor)
            .env_remove("VISUAL")
            .env("TMPDIR", self.tmp.path())
            .arg("edit")
            .args(args);
        cmd
    }

    fn edit(&self, editor: &str, args: &[&str]) -> Run {
        self.command(editor, args).output().unwrap().into()
    }

    /// The private folders left in `TMPDIR`, and their files.
    fn left(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for dir in std::fs::read_dir(self.tmp.path()).unwrap() {
            let dir = dir.unwrap().path();
            assert!(
                dir.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with("panfm-edit-")
            );
            for f in std::fs::read_dir(&dir).unwrap() {
                files.push(f.unwrap().path());
            }
        }
        files
    }

    fn uploads(&self) -> u64 {
        self.env.calls("/upload/v2/file/create") + self.env.calls("/upload/v2/file/single/create")
    }

    /// A script that appends a line and then, as another panfm, replaces the cloud file.
    fn meanwhile(&self) -> String {
        let other = self.scripts.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("a.txt"), b"theirs\n").unwrap();
        let body = format!(
            "printf 'mine\\n' >> \"$1\"\n'{}' --api-base '{}' --config-dir '{}' -q upload \
             --on-conflict overwrite '{}' /d",
            env!("CARGO_BIN_EXE_panfm"),
            self.env.mock.base_url(),
            self.env.cfg.path().display(),
            other.join("a.txt").display()
        );
        self.script("meanwhile.sh", &body)
    }
}

fn copy_in(stderr: &str) -> PathBuf {
    let at = stderr.find("kept at ").expect("the copy is named") + "kept at ".len();
    PathBuf::from(stderr[at..].lines().next().unwrap().trim())
}

#[test]
fn a_saved_change_goes_back_over_the_cloud_file_and_the_copy_goes() {
    let b = Bench::new();
    let before = b.env.id("/d/a.txt");
    let appends = b.script("append.sh", "printf 'two\\n' >> \"$1\"");
    let run = b.edit(&appends, &["/d/a.txt"]).ok();
    assert_eq!(run.stderr, "uploaded /d/a.txt (8 B)\n");
    assert_eq!(b.env.bytes("/d/a.txt"), b"one\ntwo\n");
    assert_eq!(b.env.names("/d"), ["a.txt"], "replaced, not beside");
    assert_ne!(
        b.env.id("/d/a.txt"),
        before,
        "the drive made a new file over it"
    );
    assert_eq!(b.left(), Vec::<PathBuf>::new());
}

#[test]
fn an_unchanged_file_sends_nothing() {
    let b = Bench::new();
    // Rewrites the same bytes: only the modification time changes.
    let same = b.script("same.sh", "cp \"$1\" \"$1.x\" && mv \"$1.x\" \"$1\"");
    let run = b.edit(&same, &["/d/a.txt"]).ok();
    assert_eq!(run.stderr, "/d/a.txt unchanged: nothing uploaded\n");
    assert_eq!(b.uploads(), 0);
    assert_eq!(
        b.env.calls("/api/v1/file/infos"),
        0,
        "nothing to check either"
    );
    assert_eq!(b.left(), Vec::<PathBuf>::new());
}

#[test]
fn a_file_changed_meanwhile_is_kept_without_a_terminal_or_a_flag() {
    let b = Bench::new();
    let run = b.edit(&b.meanwhile(), &["/d/a.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains(
            "panfm: /d/a.txt changed on the drive since it was opened: it was deleted or replaced"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("--on-conflict was not given: nothing uploaded")
    );
    let copy = copy_in(&run.stderr);
    assert_eq!(b.left(), vec![copy.clone()]);
    assert_eq!(std::fs::read(&copy).unwrap(), b"one\nmine\n");
    assert_eq!(b.env.bytes("/d/a.txt"), b"theirs\n", "theirs untouched");
}

#[test]
fn on_a_terminal_the_question_is_asked() {
    let b = Bench::new();
    let mut tty = crate::tty::Tty::spawn(&b.command(&b.meanwhile(), &["/d/a.txt"]));
    tty.wait_text("your edited copy is ");
    tty.wait_text("keep the copy here only (k)? [o/b/K]");
    tty.send("b\r");
    assert_eq!(tty.wait_exit(), 0);
    assert_eq!(b.env.names("/d"), ["a(1).txt", "a.txt"]);
    assert_eq!(b.env.bytes("/d/a(1).txt"), b"one\nmine\n");
    assert_eq!(b.left(), Vec::<PathBuf>::new());
}

#[test]
fn on_conflict_overwrites_or_keeps_both() {
    for (flag, names, ours) in [
        ("overwrite", vec!["a.txt"], "a.txt"),
        ("keep-both", vec!["a(1).txt", "a.txt"], "a(1).txt"),
    ] {
        let b = Bench::new();
        let run = b
            .edit(&b.meanwhile(), &["--on-conflict", flag, "/d/a.txt"])
            .ok();
        assert!(
            run.stderr.contains("changed on the drive"),
            "{}",
            run.stderr
        );
        assert_eq!(b.env.names("/d"), names, "{flag}");
        assert_eq!(b.env.bytes(&format!("/d/{ours}")), b"one\nmine\n", "{flag}");
        assert_eq!(b.left(), Vec::<PathBuf>::new(), "{flag}");
    }
}

#[test]
fn keep_local_and_a_failed_editor_keep_the_copy_and_fail() {
    let b = Bench::new();
    let run = b.edit(&b.meanwhile(), &["--on-conflict", "keep-local", "/d/a.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("nothing uploaded as asked; the edited copy is kept at")
    );
    assert!(copy_in(&run.stderr).exists());

    let b = Bench::new();
    let fails = b.script("fails.sh", "printf 'two\\n' >> \"$1\"; exit 3");
    let run = b.edit(&fails, &["/d/a.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("exited with exit status: 3; the edited copy is kept at"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(copy_in(&run.stderr)).unwrap(), b"one\ntwo\n");
    assert_eq!(b.uploads(), 0);
}

#[test]
fn a_failed_upload_keeps_the_copy_and_names_it() {
    let b = Bench::new();
    // The edit makes the file too big for what is left in the drive.
    b.env.mock.set_knobs(|k| k.quota = 6);
    let appends = b.script("append.sh", "printf 'two\\n' >> \"$1\"");
    let run = b.edit(&appends, &["/d/a.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with("panfm: cannot upload /d/a.txt: "),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(copy_in(&run.stderr)).unwrap(), b"one\ntwo\n");
    assert_eq!(b.env.bytes("/d/a.txt"), b"one\n");
}

#[test]
fn folders_missing_paths_and_big_files_without_yes_fetch_nothing() {
    let b = Bench::new();
    let never = b.script("never.sh", "exit 9");
    let folder = b.edit(&never, &["/d"]);
    assert_eq!(folder.code, 2, "{folder:?}");
    assert_eq!(folder.stderr, "panfm: /d is a folder; edit opens files\n");
    let missing = b.edit(&never, &["/d/nope.txt"]);
    assert_eq!(missing.code, 1, "{missing:?}");
    assert_eq!(b.env.calls("/api/v1/file/download_info"), 0);
    assert_eq!(b.left(), Vec::<PathBuf>::new());
}

#[test]
fn a_big_file_needs_yes_without_a_terminal() {
    let env = Env::demo();
    let b = Bench {
        env,
        tmp: tempfile::tempdir().unwrap(),
        scripts: tempfile::tempdir().unwrap(),
    };
    let never = b.script("never.sh", "exit 9");
    let run = b.edit(&never, &["/视频/猫咪日常 🐱.mov"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("is 52.00 MiB; add --yes"),
        "{}",
        run.stderr
    );
    assert_eq!(b.env.calls("/api/v1/file/download_info"), 0);
}

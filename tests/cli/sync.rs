//! `panfm sync` through the real binary against the mock: a first sync, a second one that
//! sends and hashes nothing, a changed file sent again, `--delete` to the trash, a dry run
//! that changes nothing, a killed sync run again, excludes and `.panfmignore`, names the
//! drive refuses, the download direction, and usage errors.

use crate::common::{Env, Run};
use crate::interrupt::{spawn, wait_until};
use crate::local::content;
use panfm::mock::Stats;
use std::path::Path;

/// Requests that only read (the token, the account, listings).
const READS: [&str; 3] = [
    "/api/v1/access_token",
    "/api/v1/user/info",
    "/api/v2/file/list",
];

/// Requests between two snapshots that were not reads.
fn writes(before: &Stats, after: &Stats) -> Vec<(String, u64)> {
    after
        .calls
        .iter()
        .filter(|(path, _)| !READS.contains(&path.as_str()))
        .map(|(path, n)| (path.clone(), n - before.calls_to(path)))
        .filter(|(_, n)| *n > 0)
        .collect()
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A small tree: nested folders, an empty folder, an empty file.
fn photos(root: &Path) {
    write(root, "a.jpg", &content(3000, 1));
    write(root, "2024/b.jpg", &content(5000, 2));
    write(root, "2024/deep/c.txt", b"hello");
    write(root, "empty.txt", b"");
    std::fs::create_dir_all(root.join("nothing")).unwrap();
}

fn sync(env: &Env, args: &[&str]) -> Run {
    let mut all = vec!["sync", "--json"];
    all.extend_from_slice(args);
    env.run(&all)
}

fn counts(run: &Run) -> serde_json::Value {
    run.json()["plan"]["counts"].clone()
}

#[test]
fn a_second_sync_sends_nothing_and_hashes_nothing_and_a_changed_file_goes_again() {
    let env = Env::new();
    let work = tempfile::tempdir().unwrap();
    photos(work.path());
    let src = work.path().to_str().unwrap();
    let first = sync(&env, &[src, "cloud:/backup/photos"]).ok();
    let c = counts(&first);
    assert_eq!(
        (c["new"]["count"].as_u64(), c["mkdir"].as_u64()),
        (Some(4), Some(3)),
        "{c}"
    );
    assert_eq!(env.bytes("/backup/photos/2024/b.jpg"), content(5000, 2));
    assert_eq!(env.bytes("/backup/photos/2024/deep/c.txt"), b"hello");
    assert_eq!(env.names("/backup/photos/nothing"), Vec::<String>::new());
    assert_eq!(
        first.json()["hash"]["hashed"],
        0,
        "new files are hashed by the upload only"
    );

    let before = env.stats();
    let second = sync(&env, &[src, "cloud:/backup/photos"]).ok();
    let c = counts(&second);
    assert_eq!(c["unchanged"]["count"], 4, "{c}");
    assert_eq!(
        (c["new"]["count"].as_u64(), c["changed"]["count"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(second.json()["hash"]["hashed"], 0, "{}", second.stdout);
    assert_eq!(writes(&before, &env.stats()), [], "only listings");

    // Same size, other content: only the MD5 tells.
    write(work.path(), "2024/deep/c.txt", b"jello");
    let third = sync(&env, &[src, "cloud:/backup/photos"]).ok();
    let c = counts(&third);
    assert_eq!(c["changed"]["count"], 1, "{c}");
    assert_eq!(
        third.json()["hash"]["hashed"],
        1,
        "only the file whose stamp changed"
    );
    assert_eq!(env.bytes("/backup/photos/2024/deep/c.txt"), b"jello");
    assert_eq!(
        env.names("/backup/photos/2024/deep"),
        ["c.txt"],
        "replaced, not kept twice"
    );
}

#[test]
fn delete_sends_to_the_trash_only_when_asked_and_a_dry_run_changes_nothing() {
    let env = Env::new();
    let work = tempfile::tempdir().unwrap();
    photos(work.path());
    let src = work.path().to_str().unwrap();
    env.file("/backup/old/stale.bin", b"old stuff");
    env.file("/backup/stray.txt", b"stray");

    let before = env.stats();
    let dry = env
        .run(&["sync", "--dry-run", "--delete", src, "cloud:/backup"])
        .ok();
    assert_eq!(writes(&before, &env.stats()), [], "{dry:?}");
    assert!(
        dry.stdout.contains("new") && dry.stdout.contains("delete"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.lines()
            .iter()
            .any(|l| l.starts_with("delete") && l.ends_with("old/"))
    );
    assert!(
        dry.stdout.contains("dry run, nothing changed"),
        "{}",
        dry.stdout
    );
    assert!(!env.exists("/backup/a.jpg"));

    sync(&env, &[src, "cloud:/backup"]).ok();
    assert!(
        env.exists("/backup/stray.txt"),
        "nothing deleted without --delete"
    );
    let run = sync(&env, &["--delete", src, "cloud:/backup"]).ok();
    assert_eq!(counts(&run)["deleted"]["count"], 2, "{}", run.stdout);
    assert!(run.stderr.contains("deleting old/"), "{}", run.stderr);
    assert!(!env.exists("/backup/stray.txt") && !env.exists("/backup/old"));
    let trashed = env.mock.entry(env.id("/backup/stray.txt")).unwrap();
    assert!(trashed.trashed, "to the trash, not deleted for good");
}

#[test]
fn excludes_and_the_ignore_file_leave_paths_out_on_both_sides() {
    let env = Env::new();
    let work = tempfile::tempdir().unwrap();
    write(work.path(), ".panfmignore", b"*.log\n");
    write(work.path(), "keep.txt", b"keep");
    write(work.path(), "debug.log", b"log");
    write(work.path(), "build/out.o", b"obj");
    env.file("/dst/remote.log", b"kept by the exclusion");
    let src = work.path().to_str().unwrap();
    let run = sync(
        &env,
        &["--delete", "--exclude", "build/", src, "cloud:/dst"],
    )
    .ok();
    assert_eq!(
        env.names("/dst"),
        [".panfmignore", "keep.txt", "remote.log"],
        "{run:?}"
    );
    let actions = run.json()["plan"]["actions"].to_string();
    assert!(
        !actions.contains(".log") && !actions.contains("build"),
        "{actions}"
    );
}

#[test]
fn names_the_drive_refuses_are_listed_and_the_rest_is_synced() {
    let env = Env::new();
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "ok.txt", b"ok");
    write(work.path(), "what?.txt", b"no");
    let run = sync(&env, &[work.path().to_str().unwrap(), "cloud:/dst"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("what?.txt"), "{}", run.stderr);
    assert_eq!(env.names("/dst"), ["ok.txt"]);
    assert_eq!(run.json()["errors"].as_array().unwrap().len(), 1);
}

#[test]
fn a_cloud_folder_syncs_down_and_again_fetches_nothing() {
    let env = Env::new();
    env.file("/src/a.txt", b"alpha");
    env.file("/src/sub/b.bin", &content(4000, 5));
    let work = tempfile::tempdir().unwrap();
    let dst = work.path().join("copy");
    std::fs::create_dir_all(&dst).unwrap();
    std::fs::write(dst.join("extra.txt"), b"only here").unwrap();
    let dst_s = dst.to_str().unwrap();
    let first = sync(&env, &["cloud:/src", dst_s]).ok();
    assert_eq!(counts(&first)["new"]["count"], 2, "{}", first.stdout);
    assert_eq!(
        std::fs::read(dst.join("sub/b.bin")).unwrap(),
        content(4000, 5)
    );
    assert!(
        dst.join("extra.txt").exists(),
        "nothing deleted without --delete"
    );

    let before = env.stats();
    let second = sync(&env, &["cloud:/src", dst_s]).ok();
    assert_eq!(
        counts(&second)["unchanged"]["count"],
        2,
        "{}",
        second.stdout
    );
    assert_eq!(
        second.json()["hash"]["hashed"],
        0,
        "downloads were cached as they landed"
    );
    assert_eq!(writes(&before, &env.stats()), []);

    std::fs::write(dst.join("a.txt"), b"ALPHA").unwrap();
    let third = sync(&env, &["--delete", "cloud:/src", dst_s]).ok();
    assert_eq!(counts(&third)["changed"]["count"], 1, "{}", third.stdout);
    assert_eq!(std::fs::read(dst.join("a.txt")).unwrap(), b"alpha");
    assert!(!dst.join("extra.txt").exists());
}

#[test]
fn two_local_or_two_cloud_paths_and_bad_globs_are_usage_errors() {
    let env = Env::new();
    let work = tempfile::tempdir().unwrap();
    let here = work.path().to_str().unwrap();
    for args in [
        vec!["sync", here, here],
        vec!["sync", "cloud:/a", "cloud:/b"],
        vec!["sync", "--exclude", "{a,b", here, "cloud:/b"],
        vec!["sync", "--size-only", "--checksum", here, "cloud:/b"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
    }
    assert_eq!(
        env.stats().calls_to("/api/v2/file/list"),
        0,
        "nothing asked"
    );
    let run = env.run(&["sync", "cloud:/missing", here]);
    assert_eq!(run.code, 1, "{run:?}");
}

#[cfg(unix)]
#[test]
fn a_killed_sync_run_again_finishes_without_sending_what_arrived() {
    const MIB: usize = 1 << 20;
    let env = Env::with(|c| {
        c.knobs.slice_size = 2 * MIB as u64;
        c.knobs.complete_pending_polls = 0;
        c.knobs.slice_hold = Some(4);
    });
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("src");
    write(&root, "big.bin", &content(20 * MIB, 7));
    write(&root, "small/one.txt", b"one");
    let src = root.to_str().unwrap().to_owned();
    let mut child = spawn(&env, work.path(), &["sync", &src, "cloud:/backup"]);
    wait_until("the slices before the stall", || {
        env.stats().slices_accepted >= 4
    });
    wait_until("the small file", || env.exists("/backup/small/one.txt"));
    let journal = env.cfg.path().join("state/cli");
    wait_until("the journal", || {
        std::fs::read_dir(&journal).is_ok_and(|d| {
            d.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("sync-up")
                    && name.ends_with(".json")
                    && std::fs::read_to_string(e.path())
                        .is_ok_and(|t| t.matches("\"done\"").count() > 0)
            })
        })
    });
    child.kill().unwrap();
    child.wait().unwrap();
    env.mock.set_knobs(|k| k.slice_hold = None);
    let before = env.stats();
    let run = env.run(&["sync", "--json", &src, "cloud:/backup"]).ok();
    assert!(
        run.stderr.contains("continuing the interrupted run"),
        "{}",
        run.stderr
    );
    assert_eq!(env.bytes("/backup/big.bin"), content(20 * MIB, 7));
    let sent = env.stats().upload_bytes - before.upload_bytes;
    assert!(
        sent < 20 * MIB as u64,
        "the slices the server had were not sent again: {sent}"
    );
    assert_eq!(
        writes(&before, &env.stats())
            .iter()
            .filter(|(p, _)| p.contains("single"))
            .count(),
        0,
        "the small file is not sent again"
    );
    let again = env.run(&["sync", "--json", &src, "cloud:/backup"]).ok();
    assert_eq!(counts(&again)["unchanged"]["count"], 2, "{}", again.stdout);
}

#[test]
fn a_file_rejected_by_review_is_skipped_and_its_local_copy_survives_delete() {
    let env = Env::new();
    env.file("/src/ok.txt", b"fine");
    let bad = env.file("/src/bad.mp4", &content(3000, 7));
    assert!(env.mock.set_status(bad, 101));
    let work = tempfile::tempdir().unwrap();
    let dst = work.path().join("copy");
    std::fs::create_dir_all(&dst).unwrap();
    std::fs::write(dst.join("bad.mp4"), b"the only readable copy").unwrap();
    let run = sync(&env, &["--delete", "cloud:/src", dst.to_str().unwrap()]);
    assert_eq!(
        run.code, 1,
        "a skipped item makes the exit code 1: {}",
        run.stderr
    );
    let plan = &run.json()["plan"];
    assert_eq!(plan["counts"]["new"]["count"], 1, "{}", run.stdout);
    assert_eq!(plan["counts"]["deleted"]["count"], 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("rejected by 123pan's review"),
        "{}",
        run.stdout
    );
    assert_eq!(std::fs::read(dst.join("ok.txt")).unwrap(), b"fine");
    assert_eq!(
        std::fs::read(dst.join("bad.mp4")).unwrap(),
        b"the only readable copy"
    );
}

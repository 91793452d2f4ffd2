//! upload: conflict policies, names the cloud forbids (refused before any upload request, or
//! fixed), usage errors that send nothing, missing paths, the JSON report on partial failure,
//! and exit statuses.

use crate::common::Env;
use crate::local::{env, failures};

/// A folder with `files` in it, for local sources.
fn local(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// Calls that would start an upload, of either kind.
fn upload_calls(env: &Env) -> u64 {
    env.calls("/upload/v2/file/create") + env.calls("/upload/v2/file/single/create")
}

#[test]
fn each_conflict_policy() {
    let env = env();
    let src = local(&[("a.txt", b"new")]);
    for dir in ["fail", "skip", "overwrite", "keep-both"] {
        env.file(&format!("/{dir}/a.txt"), b"old");
    }
    let run = |policy: &str| {
        let mut args = vec!["upload", "--json", "a.txt"];
        let dest = format!("/{policy}");
        args.push(&dest);
        if policy != "fail" {
            args.extend(["--on-conflict", policy]);
        }
        env.run_in(src.path(), &args)
    };

    let fail = run("fail");
    assert_eq!(fail.code, 1, "{fail:?}");
    let line = "panfm: /fail/a.txt already exists; --on-conflict skip, overwrite or keep-both";
    assert!(fail.stderr.contains(line), "{fail:?}");
    assert_eq!(fail.json()["errors"][0]["item"], "a.txt");
    assert_eq!(env.bytes("/fail/a.txt"), b"old");

    let skip = run("skip");
    assert_eq!(skip.code, 0, "{skip:?}");
    let result = &skip.json()["results"][0];
    assert_eq!(
        (&result["skipped"], &result["target"]),
        (&true.into(), &"/skip/a.txt".into())
    );
    assert_eq!(env.bytes("/skip/a.txt"), b"old");

    run("overwrite").ok();
    assert_eq!(env.bytes("/overwrite/a.txt"), b"new");
    assert_eq!(env.names("/overwrite"), vec!["a.txt"]);

    run("keep-both").ok();
    assert_eq!(env.bytes("/keep-both/a.txt"), b"old");
    let names = env.names("/keep-both");
    assert_eq!(names.len(), 2, "{names:?}");
    let other = names.iter().find(|n| *n != "a.txt").unwrap();
    assert_eq!(env.bytes(&format!("/keep-both/{other}")), b"new");
}

#[test]
fn names_the_cloud_forbids_are_refused_before_any_upload_request() {
    let env = env();
    env.dir("/d");
    let src = local(&[("a:b.txt", b"1"), ("what?.txt", b"2"), ("ok.txt", b"3")]);
    let bad = env.run_in(src.path(), &["upload", "a:b.txt", "what?.txt", "/d"]);
    assert_eq!(bad.code, 1, "{bad:?}");
    let lines = failures(&bad.stderr);
    assert_eq!(lines.len(), 2, "{bad:?}");
    assert!(lines[0].starts_with("panfm: a:b.txt: the name contains the forbidden character `:`"));
    assert!(
        lines[0].ends_with("123pan refuses it (--fix-names uploads it as `a：b.txt`)"),
        "the hint names the switch: {lines:?}"
    );
    assert!(lines[1].contains("what?.txt"), "{lines:?}");
    assert_eq!(upload_calls(&env), 0, "{:?}", env.stats());

    // In a folder, with a good name beside them: only the good one is sent.
    let tree = tempfile::tempdir().unwrap();
    let folder = tree.path().join("mixed");
    std::fs::create_dir(&folder).unwrap();
    for (name, bytes) in [("a|b.txt", b"x"), ("fine.txt", b"y")] {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    let mixed = env.run_in(tree.path(), &["upload", "-r", "mixed", "/d"]);
    assert_eq!(mixed.code, 1, "{mixed:?}");
    assert_eq!(failures(&mixed.stderr).len(), 1, "{mixed:?}");
    assert_eq!(upload_calls(&env), 1);
    assert_eq!(env.names("/d/mixed"), vec!["fine.txt"]);

    let fixed = env.run_in(
        src.path(),
        &["upload", "--fix-names", "a:b.txt", "what?.txt", "/d"],
    );
    fixed.ok();
    assert_eq!(env.names("/d"), vec!["a：b.txt", "mixed", "what？.txt"]);
    assert_eq!(env.bytes("/d/a：b.txt"), b"1");
}

#[test]
fn a_folder_without_r_is_a_usage_error_and_nothing_is_sent() {
    let env = env();
    env.dir("/d");
    let src = local(&[("f.txt", b"f")]);
    std::fs::create_dir(src.path().join("sub")).unwrap();
    let before = env.stats();
    let run = env.run_in(src.path(), &["upload", "f.txt", "sub", "/d"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        failures(&run.stderr),
        vec!["panfm: sub: is a folder; add -r to upload folders and everything in them"]
    );
    assert_eq!(env.stats().calls, before.calls, "not even a listing");
    assert!(env.names("/d").is_empty());
}

#[test]
fn missing_paths_fail_their_item_and_a_missing_folder_fails_the_command() {
    let env = env();
    env.dir("/d");
    let src = local(&[("ok.txt", b"ok")]);
    let run = env.run_in(
        src.path(),
        &["upload", "--json", "nope.txt", "ok.txt", "/d"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let v = run.json();
    assert_eq!(v["results"][0]["target"], "/d/ok.txt");
    assert_eq!(v["errors"][0]["item"], "nope.txt");
    assert_eq!(v["errors"][0]["error"], "no such file or directory");
    assert_eq!(env.bytes("/d/ok.txt"), b"ok");

    let nowhere = env.run_in(src.path(), &["upload", "--json", "ok.txt", "/no/where"]);
    assert_eq!(nowhere.code, 1);
    let error = nowhere.json()["errors"][0]["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(error, "no such cloud folder: /no (panfm mkdir -p makes it)");
    assert_eq!(failures(&nowhere.stderr), vec![format!("panfm: {error}")]);
    let file = env.run_in(src.path(), &["upload", "ok.txt", "/d/ok.txt"]);
    assert_eq!(file.code, 1);
    assert!(
        file.stderr.contains("not a directory: /d/ok.txt"),
        "{file:?}"
    );
    let relative = env.run_in(src.path(), &["upload", "ok.txt", "d"]);
    assert_eq!(relative.code, 2, "not a cloud path: {relative:?}");
}

#[test]
fn json_stays_one_object_on_partial_failure_and_quiet_prints_only_errors() {
    let env = env();
    env.dir("/d");
    let src = local(&[("good.txt", b"g"), ("bad*.txt", b"b")]);
    let args = [
        "upload", "-q", "--json", "good.txt", "bad*.txt", "gone.txt", "/d",
    ];
    let run = env.run_in(src.path(), &args);
    assert_eq!(run.code, 1);
    let v = run.json();
    assert_eq!(v["results"].as_array().unwrap().len(), 1);
    let result = &v["results"][0];
    assert_eq!(result["path"], "good.txt");
    assert_eq!(
        (&result["bytes"], &result["reused"]),
        (&1.into(), &false.into())
    );
    let errors: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["item"].as_str().unwrap())
        .collect();
    assert_eq!(errors, vec!["gone.txt", "bad*.txt"]);
    assert_eq!(run.stderr.lines().count(), 2, "only the failures: {run:?}");
    assert_eq!(failures(&run.stderr).len(), 2);
}

#[test]
fn rejected_credentials_are_status_3() {
    let env = env();
    let src = local(&[("f.txt", b"f")]);
    let out = env
        .command()
        .current_dir(src.path())
        .env("PANFM_CLIENT_SECRET", "wrong")
        .args(["upload", "f.txt", "/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        failures(&stderr).len(),
        1,
        "one line, not one per file: {stderr}"
    );
    assert!(stderr.contains("authentication failed"), "{stderr}");
    assert_eq!(upload_calls(&env), 0);
}

#[cfg(unix)]
#[test]
fn entries_that_are_not_files_are_skipped_with_a_line() {
    let env = env();
    env.dir("/d");
    let src = tempfile::tempdir().unwrap();
    let tree = src.path().join("t");
    std::fs::create_dir(&tree).unwrap();
    std::fs::write(tree.join("real.txt"), b"r").unwrap();
    std::os::unix::fs::symlink("/nonexistent/panfm", tree.join("broken")).unwrap();
    let run = env
        .run_in(src.path(), &["upload", "-r", "--json", "t", "/d"])
        .ok();
    assert!(
        run.stderr.contains("t/broken: a broken symbolic link"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("uploaded 1 file (1 B) to /d in"),
        "{run:?}"
    );
    let v = run.json();
    let skipped = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"] == "t/broken");
    assert_eq!(skipped.unwrap()["skipped"], true);
    assert_eq!(env.names("/d/t"), vec!["real.txt"]);
}

#[test]
fn an_empty_file_the_drive_refuses_fails_alone_with_a_clear_line() {
    let env = crate::common::Env::with(|c| {
        c.knobs.complete_pending_polls = 0;
        c.knobs.refuse_empty_files = true;
    });
    env.dir("/d");
    let src = local(&[("a.txt", b"a"), ("empty.txt", b""), ("b.txt", b"b")]);
    let run = env.run_in(src.path(), &["upload", "a.txt", "empty.txt", "b.txt", "/d"]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = failures(&run.stderr);
    assert_eq!(lines.len(), 1, "{run:?}");
    assert!(
        lines[0].starts_with("panfm: empty.txt: the drive does not accept empty (0-byte) files"),
        "{lines:?}"
    );
    assert_eq!(env.names("/d"), vec!["a.txt", "b.txt"]);
    assert_eq!(env.bytes("/d/b.txt"), b"b");
}

/// A name that is not UTF-8 and holds a terminal escape is shown escaped the same way in the
/// line's prefix (the path) and its message (the name), never raw.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_escaped_in_the_prefix_too() {
    use std::os::unix::ffi::OsStrExt;
    let env = env();
    env.dir("/d");
    let src = tempfile::tempdir().unwrap();
    let tree = src.path().join("tree");
    std::fs::create_dir(&tree).unwrap();
    let raw = std::ffi::OsStr::from_bytes(b"a\xff\x1b[31m.txt");
    std::fs::write(tree.join(raw), b"x").unwrap();
    let run = env.run_in(src.path(), &["upload", "-r", "tree", "/d"]);
    assert_eq!(run.code, 1, "{run:?}");
    let line = run.stderr.lines().next().unwrap();
    assert_eq!(
        line,
        r#"panfm: tree/a\xFF\u{1b}[31m.txt: the name "a\xFF\u{1b}[31m.txt" is not valid UTF-8"#
    );
    assert!(!run.stderr.contains(['\x1b', '\u{fffd}']), "{run:?}");
}

//! download: conflict policies on the local side, usage errors that fetch nothing, missing
//! paths, items that can't share a local name, and a whole drive from `/`.

use crate::local::{env, failures, read_tree, shape, tree};

fn fetched(env: &crate::common::Env) -> u64 {
    env.calls("/api/v1/file/download_info")
}

#[test]
fn each_conflict_policy() {
    let env = env();
    env.file("/d/y.txt", b"cloud");
    let out = tempfile::tempdir().unwrap();
    for policy in ["fail", "skip", "overwrite", "keep-both"] {
        let dir = out.path().join(policy);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("y.txt"), b"local").unwrap();
    }
    let run = |policy: &str| {
        let mut args = vec!["download", "--json", "/d/y.txt", policy];
        if policy != "fail" {
            args.extend(["--on-conflict", policy]);
        }
        env.run_in(out.path(), &args)
    };
    let read = |rel: &str| std::fs::read(out.path().join(rel)).ok();

    let fail = run("fail");
    assert_eq!(fail.code, 1, "{fail:?}");
    assert_eq!(
        failures(&fail.stderr),
        vec![
            "panfm: /d/y.txt: fail/y.txt already exists; --on-conflict skip, overwrite or keep-both says what to do"
        ]
    );
    assert_eq!(read("fail/y.txt").unwrap(), b"local");
    let skip = run("skip");
    assert_eq!(skip.code, 0);
    assert_eq!(skip.json()["results"][0]["skipped"], true);
    assert_eq!(read("skip/y.txt").unwrap(), b"local");
    run("overwrite").ok();
    assert_eq!(read("overwrite/y.txt").unwrap(), b"cloud");
    let both = run("keep-both").ok().json();
    assert_eq!(both["results"][0]["target"], "keep-both/y (1).txt");
    assert_eq!(read("keep-both/y.txt").unwrap(), b"local");
    assert_eq!(read("keep-both/y (1).txt").unwrap(), b"cloud");
    // Nothing half-done anywhere: every folder holds exactly what the policy left.
    let left: Vec<String> = read_tree(out.path()).into_keys().collect();
    let expected = [
        "fail",
        "fail/y.txt",
        "keep-both",
        "keep-both/y (1).txt",
        "keep-both/y.txt",
        "overwrite",
        "overwrite/y.txt",
        "skip",
        "skip/y.txt",
    ];
    assert_eq!(left, expected);
}

#[test]
fn usage_errors_fetch_nothing_and_missing_items_fail_alone() {
    let env = env();
    env.file("/d/a.txt", b"a");
    env.file("/d/sub/b.txt", b"b");
    let out = tempfile::tempdir().unwrap();
    let folder = env.run_in(out.path(), &["download", "/d/a.txt", "/d/sub", "."]);
    assert_eq!(folder.code, 2, "{folder:?}");
    assert_eq!(
        failures(&folder.stderr),
        vec!["panfm: /d/sub: is a folder; add -r to download folders and everything in them"]
    );
    assert_eq!(fetched(&env), 0);
    assert!(read_tree(out.path()).is_empty());

    let missing = env.run_in(
        out.path(),
        &["download", "--json", "/d/nope", "/d/a.txt", "."],
    );
    assert_eq!(missing.code, 1);
    let v = missing.json();
    assert_eq!(v["errors"][0]["item"], "/d/nope");
    assert_eq!(v["results"][0]["path"], "/d/a.txt");
    assert_eq!(v["results"][0]["target"], "./a.txt");
    assert_eq!(std::fs::read(out.path().join("a.txt")).unwrap(), b"a");

    let no_dir = env.run_in(out.path(), &["download", "/d/a.txt", "gone"]);
    assert_eq!(no_dir.code, 1);
    assert_eq!(
        failures(&no_dir.stderr),
        vec!["panfm: no such local folder: gone"]
    );
}

#[test]
fn two_items_with_one_name_cannot_share_the_local_folder() {
    let env = env();
    env.file("/a/x.txt", b"from a");
    env.file("/b/x.txt", b"from b");
    let out = tempfile::tempdir().unwrap();
    let run = env.run_in(
        out.path(),
        &["download", "/a/x.txt", "/b/x.txt", "/a/x.txt", "."],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        failures(&run.stderr),
        vec!["panfm: /b/x.txt: /a/x.txt has the same name; both would be downloaded to one place"]
    );
    assert_eq!(std::fs::read(out.path().join("x.txt")).unwrap(), b"from a");
}

#[test]
fn the_root_with_r_downloads_the_whole_drive_into_the_folder() {
    let env = env();
    env.file("/top.txt", b"t");
    env.file("/照片/2024 春节/🎉.jpg", b"jpg");
    env.dir("/空");
    let out = tempfile::tempdir().unwrap();
    let run = env
        .run_in(out.path(), &["download", "-r", "-v", "/", "."])
        .ok();
    assert!(
        run.stderr
            .contains("/照片/2024 春节/🎉.jpg → ./照片/2024 春节/🎉.jpg"),
        "{run:?}"
    );
    let expected = tree(&[
        ("top.txt", Some(b"t")),
        ("照片", None),
        ("照片/2024 春节", None),
        ("照片/2024 春节/🎉.jpg", Some(b"jpg")),
        ("空", None),
    ]);
    assert_eq!(shape(&read_tree(out.path())), shape(&expected));
}

#[test]
fn a_full_disk_fails_that_file_plainly_keeps_its_part_and_a_rerun_finishes_it() {
    let env = env();
    let big: Vec<u8> = (0..60_000u32).map(|i| (i % 251) as u8).collect();
    env.file("/d/big.bin", &big);
    env.file("/d/small.bin", b"small");
    let out = tempfile::tempdir().unwrap();
    let full = env
        .command()
        .current_dir(out.path())
        .env("PANFM_FAULT_DISK", "enospc:20000")
        .args(["download", "-r", "/d", "."])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains('\x1b'),
        "{stderr}"
    );
    let lines = failures(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("panfm: /d/big.bin: ") && lines[0].contains("no space left on device"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(out.path().join("d/small.bin")).unwrap(),
        b"small"
    );
    assert!(!out.path().join("d/big.bin").exists());
    let part = std::fs::read_dir(out.path().join("d")).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".panfm-part")
    });
    assert!(part, "the part file is kept");
    // Room again: the same file continues from its part.
    env.run_in(out.path(), &["download", "/d/big.bin", "d"])
        .ok();
    assert_eq!(std::fs::read(out.path().join("d/big.bin")).unwrap(), big);
    assert!(!std::fs::read_dir(out.path().join("d")).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".panfm-part")
    }));
}

#[test]
fn a_download_run_again_skips_what_arrived_and_counts_only_what_it_fetched() {
    let env = env();
    let a = crate::local::content(3000, 1);
    let x = crate::local::content(5000, 2);
    let c = crate::local::content(1 << 20, 3);
    env.file("/d/a.txt", &a);
    env.file("/d/sub/x.bin", &x);
    let c_id = env.file("/d/sub/c.bin", &c);
    // What an interrupted run leaves: two files in place and a part file of a quarter.
    let out = tempfile::tempdir().unwrap();
    let sub = out.path().join("d/sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(out.path().join("d/a.txt"), &a).unwrap();
    std::fs::write(sub.join("x.bin"), &x).unwrap();
    std::fs::write(
        sub.join(format!(".c.bin.{c_id}.panfm-part")),
        &c[..256 << 10],
    )
    .unwrap();

    let run = env.run_in(out.path(), &["download", "-r", "/d", "."]).ok();
    assert!(
        run.stderr
            .starts_with("downloaded 1 file (768.00 KiB) to . in "),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("; 2 files already here, skipped"),
        "{run:?}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "said once: {run:?}");
    assert!(std::fs::read(sub.join("c.bin")).unwrap() == c);
    assert_eq!(fetched(&env), 1, "only c.bin asked for a link");

    // A same-name file that differs still meets the conflict policy.
    std::fs::write(out.path().join("d/a.txt"), b"changed").unwrap();
    let again = env.run_in(out.path(), &["download", "-r", "--json", "/d", "."]);
    assert_eq!(again.code, 1, "{again:?}");
    assert!(
        failures(&again.stderr)[0].contains("d/a.txt already exists"),
        "{again:?}"
    );
    let report = again.json();
    let here = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reused"] == true && r["skipped"] == true)
        .count();
    assert_eq!(here, 2, "{again:?}");
    assert_eq!(
        std::fs::read(out.path().join("d/a.txt")).unwrap(),
        b"changed"
    );
}

//! rename: one item, and batches through the shared planner (dry run, refusals, chunking,
//! chains, auto-suffix).

use crate::common::Env;

#[test]
fn renames_one_item_and_refuses_conflicts_and_bad_names() {
    let env = Env::new();
    let id = env.file("/d/旧 名字.txt", b"x");
    env.file("/d/taken.txt", b"t");
    env.run(&["rename", "/d/旧 名字.txt", "新 名字 🎉.txt"])
        .ok();
    assert_eq!(env.id("/d/新 名字 🎉.txt"), id);
    let clash = env.run(&["rename", "/d/新 名字 🎉.txt", "taken.txt"]);
    assert_eq!(clash.code, 1);
    assert!(
        clash.stderr.contains("`taken.txt` already exists"),
        "{clash:?}"
    );
    let calls = env.calls("/api/v1/file/name");
    let bad = env.run(&["rename", "/d/taken.txt", "a/b"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("forbidden character `/`"), "{bad:?}");
    assert_eq!(env.calls("/api/v1/file/name"), calls, "nothing sent");
    let same = env.run(&["rename", "/d/taken.txt", "taken.txt"]).ok();
    assert!(same.stderr.contains("already has that name"));
}

#[test]
fn dry_run_prints_the_plan_and_changes_nothing() {
    let env = Env::new();
    for i in 1..=3 {
        env.file(&format!("/pics/IMG_{i:04}.JPG"), &[i]);
    }
    env.file("/pics/notes.txt", b"n");
    let run = env
        .run(&[
            "rename",
            "--regex",
            r"IMG_(\d+)\.JPG",
            "--to",
            "春节-$1.jpg",
            "--in",
            "/pics",
            "-n",
        ])
        .ok();
    assert_eq!(
        run.lines(),
        vec![
            "/pics/IMG_0001.JPG  →  春节-0001.jpg",
            "/pics/IMG_0002.JPG  →  春节-0002.jpg",
            "/pics/IMG_0003.JPG  →  春节-0003.jpg",
        ]
    );
    assert!(run.stderr.contains("3 to rename, 1 unchanged, 0 refused"));
    assert_eq!(env.calls("/api/v1/file/rename"), 0);
    assert!(env.exists("/pics/IMG_0001.JPG"));
    let json = env
        .run(&[
            "rename",
            "--json",
            "-n",
            "--find",
            "IMG",
            "--to",
            "x",
            "/pics/IMG_0002.JPG",
        ])
        .ok()
        .json();
    assert_eq!(json["results"][0]["new"], "x_0002.JPG");
    assert_eq!(json["results"][0]["status"], "ok");
    assert_eq!(json["results"][0]["to"], "/pics/x_0002.JPG");
}

#[test]
fn a_plan_with_conflicts_or_invalid_names_is_refused_whole() {
    let env = Env::new();
    env.file("/p/a1.txt", b"1");
    env.file("/p/a2.txt", b"2");
    env.file("/p/b.txt", b"b");
    let run = env.run(&["rename", "--regex", r"a\d", "--to", "b", "--in", "/p"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("/p/a1.txt: cannot rename to `b.txt`"),
        "{run:?}"
    );
    assert!(run.stderr.contains("nothing renamed"));
    assert_eq!(env.calls("/api/v1/file/rename"), 0);
    let invalid = env.run(&["rename", "--find", "a", "--to", "?", "/p/a1.txt"]);
    assert_eq!(invalid.code, 1);
    assert!(
        invalid.stderr.contains("invalid new name `?1.txt`"),
        "{invalid:?}"
    );
    assert_eq!(env.names("/p"), vec!["a1.txt", "a2.txt", "b.txt"]);
    let bad_regex = env.run(&["rename", "--regex", "(", "--to", "x", "/p/b.txt"]);
    assert_eq!(bad_regex.code, 2, "{bad_regex:?}");
    let no_to = env.run(&["rename", "--regex", "a", "/p/b.txt"]);
    assert_eq!(no_to.code, 2);
}

#[test]
fn auto_suffix_settles_clashes() {
    let env = Env::new();
    env.file("/p/a1.txt", b"1");
    env.file("/p/a2.txt", b"2");
    env.run(&[
        "rename",
        "--regex",
        r"a\d",
        "--to",
        "b",
        "--auto-suffix",
        "--in",
        "/p",
    ])
    .ok();
    assert_eq!(env.names("/p"), vec!["b (2).txt", "b.txt"]);
}

#[test]
fn big_batches_go_out_thirty_at_a_time() {
    let env = Env::new();
    for i in 0..65 {
        env.file(&format!("/many/f{i}.log"), b"");
    }
    let run = env
        .run(&[
            "rename", "--find", ".log", "--to", ".txt", "--scope", "whole", "--in", "/many",
        ])
        .ok();
    assert!(run.stderr.contains("renamed 65 items of 65"), "{run:?}");
    assert_eq!(env.calls("/api/v1/file/rename"), 3);
    assert!(env.names("/many").iter().all(|n| n.ends_with(".txt")));
}

#[test]
fn chains_run_in_dependency_order() {
    let env = Env::new();
    let ids: Vec<i64> = (1..=3)
        .map(|i| env.file(&format!("/c/{i}.txt"), &[i]))
        .collect();
    // 1→2, 2→3, 3→4: each target is freed by the next item, so three separate calls.
    env.run(&[
        "rename", "--regex", r"^\d", "--to", "{n}", "--start", "2", "--scope", "stem", "--in", "/c",
    ])
    .ok();
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(env.id(&format!("/c/{}.txt", i + 2)), *id);
    }
    assert_eq!(env.calls("/api/v1/file/rename"), 3);
}

#[test]
fn a_batch_with_missing_items_does_not_run() {
    let env = Env::new();
    env.file("/p/a.txt", b"a");
    let run = env.run(&["rename", "--find", "a", "--to", "b", "/p/a.txt", "/p/zzz"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("zzz not found"));
    assert!(env.exists("/p/a.txt"));
}

/// Ctrl-C during a batch: what was not renamed is counted as not tried, and the same command
/// run again finishes from the journal — a fresh plan would prefix the done items twice.
#[cfg(unix)]
#[test]
fn an_interrupted_batch_is_finished_by_the_same_command() {
    use crate::interrupt::{spawn, wait_until};
    let env = Env::new();
    for i in 0..35 {
        env.file(&format!("/d/f{i:03}"), b"x");
    }
    let batch = ["rename", "--regex", "^", "--to", "x_", "--in", "/d"];
    env.mock
        .set_knobs(|k| k.latency = std::time::Duration::from_millis(200));
    let work = tempfile::tempdir().unwrap();
    let child = spawn(&env, work.path(), &batch);
    wait_until("the first rename call", || {
        env.calls("/api/v1/file/rename") >= 1
    });
    let pid = child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let stopped: crate::common::Run = child.wait_with_output().unwrap().into();
    assert_eq!(stopped.code, 130, "{stopped:?}");
    let lines: Vec<&str> = stopped.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "panfm: interrupted: 35 items not tried",
            "panfm: run the same command again to finish: it continues from where this run \
             stopped and renames nothing twice",
            "renamed 0 items of 35",
        ],
        "{stopped:?}"
    );

    env.mock
        .set_knobs(|k| k.latency = std::time::Duration::ZERO);
    let again = env.run(&batch).ok();
    assert!(
        again
            .stderr
            .starts_with("continuing an earlier run of this command that stopped part-way"),
        "{again:?}"
    );
    let expected: Vec<String> = (0..35).map(|i| format!("x_f{i:03}")).collect();
    assert_eq!(env.names("/d"), expected);
    assert_eq!(crate::interrupt::journals(&env), Vec::<String>::new());
}

//! mkdir, mv, cp, rm: effects checked on the mock's drive, refusals checked to send nothing.

use crate::common::Env;

#[test]
fn mkdir_creates_with_and_without_parents() {
    let env = Env::new();
    env.run(&["mkdir", "/新建 文件夹 🎉"]).ok();
    assert!(env.exists("/新建 文件夹 🎉"));
    env.run(&["mkdir", "-p", "/a/b/c", "/a/b/d"]).ok();
    assert!(env.exists("/a/b/c") && env.exists("/a/b/d"));
    // -p is happy with what exists.
    let again = env.run(&["mkdir", "-p", "/a/b/c"]).ok();
    assert!(again.stderr.contains("0 folders created"), "{again:?}");
    let missing_parent = env.run(&["mkdir", "/x/y"]);
    assert_eq!(missing_parent.code, 1);
    assert!(missing_parent.stderr.contains("x not found in /"));
    let exists = env.run(&["mkdir", "/a"]);
    assert_eq!(exists.code, 1);
    assert!(
        exists.stderr.contains("panfm: /a: already exists"),
        "{exists:?}"
    );
}

#[test]
fn invalid_names_are_refused_before_any_call() {
    let env = Env::new();
    let before = env.calls("/upload/v1/file/mkdir");
    for bad in ["/a:b", "/   ", &format!("/{}", "长".repeat(86))] {
        let run = env.run(&["mkdir", bad]);
        assert_eq!(run.code, 2, "{bad}: {run:?}");
        assert!(run.stderr.contains("invalid name"), "{run:?}");
    }
    assert_eq!(env.calls("/upload/v1/file/mkdir"), before);
    // With -p every level is checked before the first is made.
    let deep = env.run(&["mkdir", "-p", "/新/a:b"]);
    assert_eq!(deep.code, 2, "{deep:?}");
    assert!(!env.exists("/新"), "nothing made before the bad name");
    assert_eq!(env.calls("/upload/v1/file/mkdir"), before);
}

#[test]
fn mkdir_json_reports_results_and_errors_together() {
    let env = Env::new();
    let run = env.run(&["mkdir", "--json", "/ok", "/bad|name", "/ok"]);
    assert_eq!(run.code, 2, "{run:?}");
    let v = run.json();
    assert_eq!(v["results"].as_array().unwrap().len(), 1);
    assert_eq!(v["results"][0]["path"], "/ok");
    assert_eq!(v["results"][0]["id"], env.id("/ok"));
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["item"], "/bad|name");
    assert_eq!(errors[1]["error"], "already exists");
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("panfm:"))
            .count(),
        2
    );
}

#[test]
fn mv_moves_several_items_and_refuses_the_impossible_ones() {
    let env = Env::new();
    let f = env.file("/src/one.txt", b"1");
    let d = env.dir("/src/sub");
    env.file("/src/sub/inner.txt", b"i");
    env.dir("/dst/deeper");
    env.file("/dst/clash.txt", b"c");
    env.file("/src/clash.txt", b"c2");
    let run = env.run(&[
        "mv",
        "/src/one.txt",
        "/src/sub",
        "/nope",
        "/src/clash.txt",
        "/dst",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(env.id("/dst/one.txt"), f);
    assert_eq!(env.id("/dst/sub"), d);
    assert!(env.exists("/dst/sub/inner.txt"));
    assert!(env.exists("/src/clash.txt"), "refused, stays");
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("panfm:"))
        .collect();
    assert_eq!(errors.len(), 2, "{run:?}");
    assert!(errors[0].contains("nope not found"));
    assert!(errors[1].contains("/dst/clash.txt already exists"));
}

#[test]
fn a_folder_never_moves_into_itself_and_nothing_is_sent() {
    let env = Env::new();
    env.dir("/a/b/c");
    let before = env.calls("/api/v1/file/move");
    for (item, dest) in [("/a", "/a/b/c"), ("/a", "/a"), ("/a/b", "/a")] {
        let run = env.run(&["mv", item, dest]);
        assert_eq!(run.code, 1, "{item} → {dest}: {run:?}");
    }
    let by_id = env.run(&["mv", "/a", &format!("id:{}", env.id("/a/b/c"))]);
    assert!(
        by_id.stderr.contains("into itself or below itself"),
        "{by_id:?}"
    );
    assert_eq!(env.calls("/api/v1/file/move"), before);
    let root = env.run(&["mv", "/", "/a"]);
    assert!(root.stderr.contains("cannot move the root folder"));
}

#[test]
fn mv_json_stays_valid_on_partial_failure() {
    let env = Env::new();
    let id = env.file("/x.txt", b"x");
    env.dir("/d");
    let run = env.run(&["mv", "--json", "/x.txt", "/missing.txt", "/d"]);
    assert_eq!(run.code, 1);
    let v = run.json();
    assert_eq!(v["results"][0]["id"], id);
    assert_eq!(v["results"][0]["to"], "/d/x.txt");
    assert_eq!(v["errors"][0]["item"], "/missing.txt");
    // A destination that does not resolve fails the whole command, still as one JSON object.
    let whole = env.run(&["mv", "--json", "/d/x.txt", "/no/where"]);
    assert_eq!(whole.code, 1);
    let v = whole.json();
    assert_eq!(v["results"].as_array().unwrap().len(), 0);
    assert!(
        v["errors"][0]["error"]
            .as_str()
            .unwrap()
            .contains("no such file")
    );
}

#[test]
fn cp_copies_one_file_synchronously_and_batches_asynchronously() {
    let env = Env::new();
    env.file("/src/a.txt", b"alpha");
    env.file("/src/tree/b.txt", b"beta");
    env.dir("/dst");
    let one = env.run(&["cp", "--json", "/src/a.txt", "/dst"]).ok().json();
    let new_id = one["results"][0]["id"].as_i64().unwrap();
    assert_eq!(env.id("/dst/a.txt"), new_id);
    assert_ne!(new_id, env.id("/src/a.txt"));
    assert_eq!(env.calls("/api/v1/file/copy"), 1);
    env.dir("/dst2");
    env.run(&["cp", "/src/a.txt", "/src/tree", "/dst2"]).ok();
    assert!(env.exists("/dst2/a.txt") && env.exists("/dst2/tree/b.txt"));
    assert!(env.exists("/src/tree/b.txt"), "the source stays");
    assert_eq!(env.calls("/api/v1/file/async/copy"), 1);
    assert!(env.calls("/api/v1/file/async/copy/process") >= 1);
    let clash = env.run(&["cp", "/src/a.txt", "/dst"]);
    assert_eq!(clash.code, 1);
    assert!(clash.stderr.contains("/dst/a.txt already exists"));
    let into_self = env.run(&["cp", "/src", "/src/tree"]);
    assert!(into_self.stderr.contains("into itself"), "{into_self:?}");
}

#[test]
fn rm_moves_to_the_trash() {
    let env = Env::new();
    let f = env.file("/a/f.txt", b"f");
    let d = env.dir("/a/d");
    let run = env.run(&["rm", "-v", "/a/f.txt", "/a/d", "/a/ghost"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(env.mock.entry(f).unwrap().trashed);
    assert!(env.mock.entry(d).unwrap().trashed);
    assert!(run.stderr.contains("trashed /a/f.txt"));
    assert!(run.stderr.contains("2 items moved to the trash"));
    assert_eq!(env.run(&["ls", "/a"]).ok().stdout, "");
    let root = env.run(&["rm", "/"]);
    assert_eq!(root.code, 1);
    let quiet = env.run(&["rm", "-q", "/a"]).ok();
    assert_eq!(quiet.stderr, "");
}

//! trash ls / restore / purge and the top-level restore.

use crate::common::Env;

fn trashed_ids(env: &Env, dir: &str, name: &str) -> Vec<i64> {
    let parent = if dir == "/" { 0 } else { env.id(dir) };
    env.mock
        .children(parent)
        .into_iter()
        .filter(|e| e.name == name && e.trashed)
        .map(|e| e.id)
        .collect()
}

#[test]
fn trash_ls_finds_trashed_items_under_their_original_paths() {
    let env = Env::new();
    env.file("/a/old.txt", b"old");
    env.file("/a/b/deep.txt", b"deep");
    env.file("/gone/inside.txt", b"i");
    env.trash("/a/old.txt");
    env.trash("/a/b/deep.txt");
    env.trash("/gone");
    let v = env.run(&["trash", "ls", "--json"]).ok().json();
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["/a/b/deep.txt", "/a/old.txt", "/gone"]);
    assert!(v.as_array().unwrap().iter().all(|e| e["trashed"] == true));
    let text = env.run(&["trash", "ls", "/a/b"]).ok();
    assert_eq!(text.lines().len(), 2, "header and one item: {text:?}");
    assert!(text.lines()[1].ends_with("/a/b/deep.txt"));
}

#[test]
fn restore_by_path_and_by_bare_id() {
    let env = Env::new();
    let f = env.file("/a/old.txt", b"old");
    let g = env.file("/a/other.txt", b"o");
    env.trash("/a/old.txt");
    env.trash("/a/other.txt");
    env.run(&["trash", "restore", "/a/old.txt"]).ok();
    assert_eq!(env.id("/a/old.txt"), f);
    let v = env.run(&["restore", "--json", &g.to_string()]).ok().json();
    assert_eq!(v["results"][0]["id"], g);
    assert!(env.exists("/a/other.txt"));
    let live = env.run(&["restore", "/a/old.txt"]);
    assert_eq!(live.code, 1);
    assert!(
        live.stderr.contains("/a/old.txt is not in the trash"),
        "{live:?}"
    );
}

#[test]
fn restore_says_when_the_original_folder_is_gone_and_to_works() {
    let env = Env::new();
    let f = env.file("/tmp/keep.txt", b"k");
    env.trash("/tmp/keep.txt");
    env.trash("/tmp");
    let run = env.run(&["trash", "restore", &format!("id:{f}")]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("--to DIR"), "{run:?}");
    env.dir("/rescued");
    env.run(&["trash", "restore", "--to", "/rescued", &format!("id:{f}")])
        .ok();
    assert_eq!(env.id("/rescued/keep.txt"), f);
}

#[test]
fn same_named_trashed_items_are_ambiguous_by_path() {
    let env = Env::new();
    env.file("/d/x.txt", b"1");
    env.trash("/d/x.txt");
    env.file("/d/x.txt", b"2");
    env.trash("/d/x.txt");
    let ids = trashed_ids(&env, "/d", "x.txt");
    assert_eq!(ids.len(), 2);
    let run = env.run(&["trash", "restore", "/d/x.txt"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains(&format!("use one of id:{}, id:{}", ids[0], ids[1])),
        "{run:?}"
    );
    env.run(&["trash", "restore", &format!("id:{}", ids[1])])
        .ok();
    assert!(env.exists("/d/x.txt"));
}

#[test]
fn purge_needs_yes_without_a_terminal() {
    let env = Env::new();
    let f = env.file("/junk.bin", b"j");
    env.trash("/junk.bin");
    let refused = env.run_with_stdin(&["trash", "purge", "/junk.bin"], "y\n");
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(refused.stderr.contains("without --yes"));
    assert_eq!(env.calls("/api/v1/file/delete"), 0);
    assert!(env.mock.entry(f).is_some());
    let done = env
        .run(&["trash", "purge", "--yes", "--json", "/junk.bin"])
        .ok();
    assert_eq!(done.json()["results"][0]["id"], f);
    assert!(env.mock.entry(f).is_none());
}

#[test]
fn purge_refuses_live_items() {
    let env = Env::new();
    let f = env.file("/live.txt", b"l");
    let run = env.run(&["trash", "purge", "--yes", "/live.txt", &format!("id:{f}")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("/live.txt is not in the trash"));
    assert!(run.stderr.contains(&format!("id:{f} is not in the trash")));
    assert_eq!(env.calls("/api/v1/file/delete"), 0);
}

#[test]
fn trash_ls_reads_the_recycle_bin_and_scans_only_when_asked_or_it_fails() {
    let env = Env::new();
    for i in 0..12 {
        env.dir(&format!("/folders/f{i}"));
    }
    env.file("/folders/f7/a.txt", b"a");
    env.file("/top.txt", b"t");
    env.trash("/folders/f7/a.txt");
    env.trash("/top.txt");
    let lists = |env: &Env| env.calls("/api/v2/file/list");
    let before = lists(&env);
    let v = env.run(&["trash", "ls", "--json"]).ok().json();
    let paths = |v: &serde_json::Value| -> Vec<String> {
        let mut p: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["path"].as_str().unwrap().to_owned())
            .collect();
        p.sort();
        p
    };
    assert_eq!(paths(&v), ["/folders/f7/a.txt", "/top.txt"]);
    assert_eq!(env.calls("/api/v1/file/list"), 1, "one recycle-bin page");
    assert_eq!(lists(&env), before, "no folder was walked");
    // --scan walks and finds the same.
    let scanned = env.run(&["trash", "ls", "--json", "--scan"]).ok().json();
    assert_eq!(paths(&scanned), paths(&v));
    assert!(lists(&env) > before + 12, "every folder listed");
    // Without the recycle-bin listing: a note, then the walk.
    env.mock.set_knobs(|k| k.legacy_list = false);
    let run = env.run(&["trash", "ls", "--json"]).ok();
    assert!(
        run.stderr.contains("the recycle bin could not be listed"),
        "{run:?}"
    );
    assert_eq!(paths(&run.json()), paths(&v));
}

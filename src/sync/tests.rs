//! Cases of the planner, one rule each.

use super::*;

pub(super) fn tree(entries: &[(&str, Option<(u64, &str)>)]) -> Tree {
    entries
        .iter()
        .map(|(path, file)| {
            let node = match file {
                None => Node::dir(),
                Some((size, md5)) => Node::file(*size, (!md5.is_empty()).then(|| md5.to_string())),
            };
            (path.to_string(), node)
        })
        .collect()
}

fn run(src: &Tree, dst: &Tree, delete: bool, compare: Compare) -> SyncPlan {
    let none = |_: &str, _: bool| false;
    plan(
        src,
        dst,
        &Options {
            delete,
            compare,
            dest: Side::Cloud,
            exclude: &none,
        },
    )
}

#[test]
fn a_first_sync_makes_folders_parents_first_then_sends_every_file() {
    let src = tree(&[
        ("a", None),
        ("a/b", None),
        ("a/b/x.txt", Some((3, "m1"))),
        ("top.bin", Some((5, "m2"))),
    ]);
    let p = run(&src, &Tree::new(), false, Compare::Checksum);
    let paths: Vec<_> = p.actions.iter().map(Action::path).collect();
    assert_eq!(paths, ["a", "a/b", "a/b/x.txt", "top.bin"]);
    assert_eq!(p.counts.mkdir, 2);
    assert_eq!(p.counts.new, Count { count: 2, bytes: 8 });
    assert!(!p.is_noop());
}

#[test]
fn files_compare_by_size_then_md5_unless_size_only() {
    let src = tree(&[
        ("same", Some((3, "aa"))),
        ("other", Some((3, "AA"))),
        ("grown", Some((4, "bb"))),
    ]);
    let dst = tree(&[
        ("same", Some((3, "aa"))),
        ("other", Some((3, "cc"))),
        ("grown", Some((3, "bb"))),
    ]);
    let p = run(&src, &dst, false, Compare::Checksum);
    assert_eq!(p.counts.unchanged.count, 1);
    assert_eq!(p.counts.changed, Count { count: 2, bytes: 7 });
    let p = run(&src, &dst, false, Compare::SizeOnly);
    assert_eq!(p.counts.unchanged.count, 2, "{p:?}");
    assert_eq!(p.counts.changed.count, 1);
}

#[test]
fn an_unknown_md5_is_asked_for_and_counts_as_a_difference_until_known() {
    let src = tree(&[
        ("f", Some((3, ""))),
        ("g", Some((2, ""))),
        ("e", Some((0, ""))),
    ]);
    let dst = tree(&[
        ("f", Some((3, "aa"))),
        ("g", Some((5, "bb"))),
        ("e", Some((0, "x"))),
    ]);
    assert_eq!(needs_md5(&src, &dst, Compare::Checksum), ["f"]);
    assert!(needs_md5(&src, &dst, Compare::SizeOnly).is_empty());
    let p = run(&src, &dst, false, Compare::Checksum);
    assert_eq!(p.counts.changed.count, 2, "f unknown, g another size");
    assert_eq!(p.counts.unchanged.count, 1, "two empty files are equal");
}

#[test]
fn nothing_is_deleted_without_delete_and_a_folder_goes_whole_with_it() {
    let src = tree(&[("keep", Some((1, "k")))]);
    let dst = tree(&[
        ("keep", Some((1, "k"))),
        ("old", None),
        ("old/a", Some((2, "a"))),
        ("old/b", Some((3, "b"))),
        ("stray", Some((4, "s"))),
    ]);
    let p = run(&src, &dst, false, Compare::Checksum);
    assert!(p.is_noop(), "{p:?}");
    let p = run(&src, &dst, true, Compare::Checksum);
    let deleted: Vec<_> = p
        .actions
        .iter()
        .filter(|a| matches!(a, Action::Delete { .. }))
        .collect();
    assert_eq!(
        deleted,
        [
            &Action::Delete {
                path: "old".into(),
                is_dir: true,
                size: 5
            },
            &Action::Delete {
                path: "stray".into(),
                is_dir: false,
                size: 4
            },
        ]
    );
    assert_eq!(p.counts.deleted, Count { count: 2, bytes: 9 });
}

#[test]
fn a_file_where_a_folder_is_is_skipped_or_replaced_with_delete() {
    let src = tree(&[("x", Some((1, "m"))), ("y", None), ("y/in", Some((2, "n")))]);
    let dst = tree(&[
        ("x", None),
        ("x/old", Some((9, "o"))),
        ("y", Some((7, "p"))),
    ]);
    let p = run(&src, &dst, false, Compare::Checksum);
    assert_eq!(p.counts.skipped, 2);
    assert!(
        p.is_noop(),
        "nothing below the skipped folder either: {p:?}"
    );
    let p = run(&src, &dst, true, Compare::Checksum);
    let paths: Vec<_> = p.actions.iter().map(|a| (a.path(), rank(a))).collect();
    assert_eq!(
        paths,
        [
            ("x", 'd'),
            ("y", 'd'),
            ("y", 'm'),
            ("x", 'n'),
            ("y/in", 'n')
        ],
        "deletions first, then folders, then files"
    );
}

fn rank(a: &Action) -> char {
    match a {
        Action::Delete { .. } => 'd',
        Action::Mkdir { .. } => 'm',
        Action::New { .. } => 'n',
        Action::Changed { .. } => 'c',
        Action::Unchanged { .. } => 'u',
        Action::Skipped { .. } => 's',
    }
}

#[test]
fn names_differing_in_case_are_different_entries() {
    let src = tree(&[("Photo.JPG", Some((1, "m")))]);
    let dst = tree(&[("photo.jpg", Some((1, "m")))]);
    let p = run(&src, &dst, true, Compare::Checksum);
    assert_eq!(p.counts.new.count, 1);
    assert_eq!(p.counts.deleted.count, 1);
}

#[test]
fn names_the_drive_refuses_are_skipped_with_the_reason_not_the_whole_sync() {
    let src = tree(&[
        ("ok.txt", Some((1, "m"))),
        ("a:b.txt", Some((1, "m"))),
        ("bad?dir", None),
        ("bad?dir/inner.txt", Some((1, "m"))),
    ]);
    let p = run(&src, &Tree::new(), false, Compare::Checksum);
    assert_eq!(p.counts.new.count, 1);
    assert_eq!(p.counts.skipped, 2, "the folder once, nothing below it");
    let reasons: Vec<_> = p
        .actions
        .iter()
        .filter_map(|a| match a {
            Action::Skipped { reason, .. } => Some(reason.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        reasons.iter().all(|r| r.contains("forbidden character")),
        "{reasons:?}"
    );
    let none = |_: &str, _: bool| false;
    let local = plan(
        &src,
        &Tree::new(),
        &Options {
            delete: false,
            compare: Compare::Checksum,
            dest: Side::Local,
            exclude: &none,
        },
    );
    assert_eq!(local.counts.new.count, 3, "a local disk takes those names");
}

#[test]
fn excluded_paths_are_neither_sent_nor_deleted_and_nor_is_anything_below_them() {
    let src = tree(&[
        ("a.log", Some((1, "m"))),
        ("build", None),
        ("build/o", Some((1, "m"))),
        ("k", Some((1, "m"))),
    ]);
    let dst = tree(&[
        ("b.log", Some((1, "m"))),
        ("build", Some((3, "x"))),
        ("cache", None),
        ("cache/z", Some((1, "z"))),
    ]);
    let exclude =
        |p: &str, is_dir: bool| p.ends_with(".log") || (is_dir && p == "cache") || p == "build";
    let p = plan(
        &src,
        &dst,
        &Options {
            delete: true,
            compare: Compare::Checksum,
            dest: Side::Cloud,
            exclude: &exclude,
        },
    );
    let paths: Vec<_> = p.actions.iter().map(Action::path).collect();
    assert_eq!(paths, ["k"]);
}

#[test]
fn a_folder_only_excluded_as_a_folder_is_not_deleted_to_make_room_for_a_file() {
    let src = tree(&[("x", Some((1, "m")))]);
    let dst = tree(&[("x", None)]);
    let exclude = |_: &str, is_dir: bool| is_dir;
    let p = plan(
        &src,
        &dst,
        &Options {
            delete: true,
            compare: Compare::Checksum,
            dest: Side::Cloud,
            exclude: &exclude,
        },
    );
    assert_eq!(p.counts.deleted.count, 0);
    assert_eq!(p.counts.skipped, 1);
}

#[test]
fn a_folder_holding_excluded_entries_is_emptied_not_deleted() {
    let src = tree(&[]);
    let dst = tree(&[
        ("old", None),
        ("old/a.txt", Some((1, "m"))),
        ("old/keep.log", Some((2, "n"))),
    ]);
    let exclude = |p: &str, _: bool| p.ends_with(".log");
    let p = plan(
        &src,
        &dst,
        &Options {
            delete: true,
            compare: Compare::Checksum,
            dest: Side::Cloud,
            exclude: &exclude,
        },
    );
    let deleted: Vec<_> = p.actions.iter().map(Action::path).collect();
    assert_eq!(deleted, ["old/a.txt"]);
}

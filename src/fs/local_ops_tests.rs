use super::*;
use std::fs;

#[test]
fn mkdir_refuses_existing_and_bad_names() {
    let d = tempfile::tempdir().unwrap();
    mkdir(d.path(), "new").unwrap();
    assert_eq!(
        mkdir(d.path(), "new").unwrap_err().kind,
        FsErrorKind::AlreadyExists
    );
    assert_eq!(
        mkdir(d.path(), "a/b").unwrap_err().kind,
        FsErrorKind::InvalidName
    );
}

#[test]
fn mkdir_path_makes_missing_levels_and_reuses_folders() {
    let d = tempfile::tempdir().unwrap();
    let levels = |p: &str| crate::fs::mkdir_p::levels(p);
    fs::create_dir(d.path().join("备份")).unwrap();
    mkdir_path(d.path(), &levels("备份/2026/一月")).unwrap();
    assert!(d.path().join("备份/2026/一月").is_dir());
    let again = mkdir_path(d.path(), &levels("备份/2026")).unwrap_err();
    assert_eq!(again.kind, FsErrorKind::AlreadyExists);
    assert_eq!(again.message, "already exists");
    fs::write(d.path().join("f"), b"").unwrap();
    let err = mkdir_path(d.path(), &levels("f/x")).unwrap_err();
    assert!(err.message.ends_with("f is not a folder"), "{err}");
    let err = mkdir_path(d.path(), &levels("new/..")).unwrap_err();
    assert_eq!(err.kind, FsErrorKind::InvalidName);
    assert!(
        !d.path().join("new").exists(),
        "nothing made before a bad name"
    );
}

#[test]
fn rename_never_overwrites() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a"), b"a").unwrap();
    fs::write(d.path().join("b"), b"b").unwrap();
    assert_eq!(
        rename(d.path(), "a", "b").unwrap_err().kind,
        FsErrorKind::AlreadyExists
    );
    assert_eq!(fs::read(d.path().join("b")).unwrap(), b"b");
    rename(d.path(), "a", "c").unwrap();
    assert_eq!(fs::read(d.path().join("c")).unwrap(), b"a");
}

#[test]
fn move_and_copy_trees_refusing_self_nesting() {
    let d = tempfile::tempdir().unwrap();
    let (src, dst) = (d.path().join("src"), d.path().join("dst"));
    fs::create_dir_all(src.join("tree/inner")).unwrap();
    fs::write(src.join("tree/inner/f.txt"), b"hello").unwrap();
    fs::create_dir(&dst).unwrap();
    let mut seen = 0;
    copy_into(&src, "tree".as_ref(), &dst, &mut |n| seen = n).unwrap();
    assert_eq!(fs::read(dst.join("tree/inner/f.txt")).unwrap(), b"hello");
    assert_eq!(seen, 5);
    assert_eq!(
        copy_into(&src, "tree".as_ref(), &dst, &mut |_| {})
            .unwrap_err()
            .kind,
        FsErrorKind::AlreadyExists
    );
    let err = move_into(&src, "tree".as_ref(), &src.join("tree/inner")).unwrap_err();
    assert!(err.message.contains("inside itself"), "{err}");
    fs::remove_dir_all(dst.join("tree")).unwrap();
    move_into(&src, "tree".as_ref(), &dst).unwrap();
    assert!(!src.join("tree").exists());
    assert_eq!(fs::read(dst.join("tree/inner/f.txt")).unwrap(), b"hello");
}

#[test]
fn failed_copy_leaves_no_partial_file() {
    let d = tempfile::tempdir().unwrap();
    fs::create_dir(d.path().join("dst")).unwrap();
    // A directory we cannot read makes the copy fail midway.
    let err = copy_into(
        d.path(),
        "missing".as_ref(),
        &d.path().join("dst"),
        &mut |_| {},
    );
    assert!(err.is_err());
    assert_eq!(fs::read_dir(d.path().join("dst")).unwrap().count(), 0);
}

#[test]
fn remove_files_and_trees() {
    let d = tempfile::tempdir().unwrap();
    fs::create_dir_all(d.path().join("t/u")).unwrap();
    fs::write(d.path().join("t/u/f"), b"x").unwrap();
    fs::write(d.path().join("g"), b"x").unwrap();
    remove(&d.path().join("t")).unwrap();
    remove(&d.path().join("g")).unwrap();
    assert_eq!(fs::read_dir(d.path()).unwrap().count(), 0);
}

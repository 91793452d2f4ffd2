//! Hashing through the MD5 cache (found, kept for the next run, an unreadable file reported,
//! a stopped run answering nothing) and the local walk of a sync.

use super::*;
use crate::sync::Tree;
use tokio::sync::mpsc::unbounded_channel;

const HELLO: &str = "5eb63bbbe01eeed093cb22bb8f5acdc3";

fn job(files: Vec<(PathBuf, u64)>, state: &Path, cancel: CancellationToken) -> HashJob {
    HashJob {
        ticket: 9,
        files,
        state_dir: Some(state.to_path_buf()),
        cancel,
    }
}

#[test]
fn hashes_through_the_cache_and_reports_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, b"hello world").unwrap();
    let gone = dir.path().join("gone.txt");
    let (tx, _rx) = unbounded_channel();
    let files = vec![(a.clone(), 11), (gone.clone(), 3)];
    let msg = hash_all(&job(files, state.path(), CancellationToken::new()), &tx);
    let Some(CompareMsg::Hashed {
        ticket,
        md5s,
        failed,
    }) = msg
    else {
        panic!("{msg:?}");
    };
    assert_eq!(ticket, 9);
    assert_eq!(md5s, [(a.clone(), HELLO.to_owned())]);
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, gone);
    // Kept for the next run, under the file's stamp.
    let mut cache = Md5Cache::load(Some(state.path()));
    let stamp = Stamp::of(&std::fs::metadata(&a).unwrap());
    assert_eq!(cache.get(&a, &stamp).as_deref(), Some(HELLO));
}

#[test]
fn a_cached_md5_is_used_and_a_stopped_run_answers_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, b"hello world").unwrap();
    let stamp = Stamp::of(&std::fs::metadata(&a).unwrap());
    let mut cache = Md5Cache::load(Some(state.path()));
    // A planted entry proves the file is not read again.
    cache.put(&a, stamp, "00000000000000000000000000000000".into());
    cache.save().unwrap();
    let (tx, _rx) = unbounded_channel();
    let msg = hash_all(
        &job(
            vec![(a.clone(), 11)],
            state.path(),
            CancellationToken::new(),
        ),
        &tx,
    );
    let Some(CompareMsg::Hashed { md5s, .. }) = msg else {
        panic!("{msg:?}");
    };
    assert_eq!(md5s[0].1, "00000000000000000000000000000000");

    let b = dir.path().join("b.txt");
    std::fs::write(&b, b"not cached").unwrap();
    let stopped = CancellationToken::new();
    stopped.cancel();
    assert!(hash_all(&job(vec![(b, 10)], state.path(), stopped), &tx).is_none());
}

#[cfg(unix)]
#[test]
fn the_local_walk_lists_folders_and_files_below_the_chosen_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("p/sub/empty")).unwrap();
    std::fs::write(root.join("p/a.txt"), b"abc").unwrap();
    std::fs::write(root.join("p/sub/b.txt"), b"b").unwrap();
    std::os::unix::fs::symlink(root.join("p/a.txt"), root.join("p/link")).unwrap();
    std::fs::write(root.join("f"), b"file where the other side has a folder").unwrap();
    let names = ["p".to_owned(), "f".to_owned(), "missing".to_owned()];
    let tree = walk_local(root, &names).unwrap();
    let mut want = Tree::new();
    want.insert("f".into(), Node::file(38, None));
    want.insert("p".into(), Node::dir());
    want.insert("p/a.txt".into(), Node::file(3, None));
    want.insert("p/sub".into(), Node::dir());
    want.insert("p/sub/b.txt".into(), Node::file(1, None));
    want.insert("p/sub/empty".into(), Node::dir());
    assert_eq!(
        tree, want,
        "links left out, a missing name is an empty side"
    );
}

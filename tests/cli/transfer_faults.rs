//! Transfers under injected 5xx answers, retried until everything arrives intact (a file over
//! the single-step limit goes in slices), and the server's copy reused by an instant upload.

use crate::local::{BIG, content, env, read_tree, shape, tree, write_tree};

#[test]
fn five_hundreds_are_retried_and_everything_arrives_intact() {
    let env = env();
    let work = tempfile::tempdir().unwrap();
    let big = content(BIG, 9);
    let data = tree(&[
        ("data/big.bin", Some(&big)),
        ("data/小 文件.txt", Some(&content(3000, 1))),
        ("data/empty", Some(b"")),
        ("data/sub/🎉.txt", Some(b"party")),
    ]);
    write_tree(work.path(), &data);
    env.run(&["mkdir", "/up", "/again"]).ok();
    env.mock.set_knobs(|k| {
        k.error_rate = 0.15;
        k.rng_seed = Some(5);
    });

    env.run_in(work.path(), &["upload", "-r", "data", "/up"])
        .ok();
    for (rel, bytes) in &data {
        if let Some(bytes) = bytes {
            assert!(env.bytes(&format!("/up/{rel}")) == *bytes, "{rel} differs");
        }
    }
    assert!(
        env.calls("/upload/v2/file/slice") >= 17,
        "{:?}",
        env.stats()
    );
    std::fs::create_dir(work.path().join("back")).unwrap();
    env.run_in(work.path(), &["download", "-r", "/up/data", "back"])
        .ok();
    let back = read_tree(&work.path().join("back/data"));
    assert_eq!(shape(&back), shape(&read_tree(&work.path().join("data"))));
    assert!(env.stats().injected_errors > 0, "{:?}", env.stats());

    env.mock.set_knobs(|k| k.error_rate = 0.0);
    let slices = env.calls("/upload/v2/file/slice");
    let again = env.run_in(work.path(), &["upload", "--json", "data/big.bin", "/again"]);
    let again = again.ok();
    assert_eq!(again.json()["results"][0]["reused"], true);
    assert!(
        again
            .stderr
            .contains("1 by instant upload (16.00 MiB not sent)"),
        "{again:?}"
    );
    assert_eq!(env.calls("/upload/v2/file/slice"), slices, "nothing sent");
    assert_eq!(env.stats().tokens_minted, 1);
}

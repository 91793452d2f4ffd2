//! cat and head: whole files checked against their MD5 (a corrupted download is an error after
//! the bytes), ranges of every form with exactly their bytes fetched, head's few lines from
//! one small range request, and the mistakes that fetch nothing.

use crate::common::Env;

/// Runs with stdout kept as raw bytes (cat writes binary).
fn raw(env: &Env, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = env.command().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), out.stdout, err)
}

fn content(n: usize) -> Vec<u8> {
    (0..n as u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect()
}

#[test]
fn cat_whole_file_and_ranges_fetch_exactly_their_bytes() {
    let env = Env::new();
    let data = content(700_000);
    env.file("/d/blob.bin", &data);
    let (code, out, err) = raw(&env, &["cat", "/d/blob.bin"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, data);
    assert_eq!(env.stats().download_bytes, 700_000);
    let before = env.stats().download_bytes;
    for (range, want) in [
        ("10-19", &data[10..20]),
        ("699990-", &data[699_990..]),
        ("-7", &data[700_000 - 7..]),
        ("699995-800000", &data[699_995..]),
    ] {
        let (code, out, err) = raw(&env, &["cat", "--range", range, "/d/blob.bin"]);
        assert_eq!(code, 0, "{range}: {err}");
        assert_eq!(out, want, "{range}");
    }
    assert_eq!(env.stats().download_bytes - before, 10 + 10 + 7 + 5);
    let urls = env.calls("/api/v1/file/download_info");
    assert_eq!(urls, 5, "one URL per run");
}

#[test]
fn cat_says_when_the_bytes_do_not_match_the_md5() {
    let env = Env::new();
    let data = content(5000);
    env.file("/c.bin", &data);
    env.mock.set_knobs(|k| k.corrupt_downloads = 1);
    let (code, out, err) = raw(&env, &["cat", "/c.bin"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.len(), data.len(), "the bytes went out first");
    assert!(
        err.contains("/c.bin: the bytes written do not match the file's MD5"),
        "{err}"
    );
    // A range is not checked (there is nothing to check it against).
    env.mock.set_knobs(|k| k.corrupt_downloads = 1);
    let (code, out, _) = raw(&env, &["cat", "--range", "0-9", "/c.bin"]);
    assert_eq!((code, out.len()), (0, 10));
}

#[test]
fn head_prints_the_first_lines_from_one_small_read() {
    let env = Env::new();
    let text: String = (1..=50_000).map(|i| format!("第 {i} 行 line\n")).collect();
    env.file("/notes.txt", text.as_bytes());
    let run = env.run(&["head", "-n", "3", "/notes.txt"]).ok();
    assert_eq!(run.stdout, "第 1 行 line\n第 2 行 line\n第 3 行 line\n");
    let stats = env.stats();
    assert_eq!(stats.calls_to("/dl"), 1);
    assert!(stats.download_bytes <= 64 << 10, "{}", stats.download_bytes);
    let run = env.run(&["head", "/notes.txt"]).ok();
    assert_eq!(run.lines().len(), 10);
    // Lines longer than the first read: it reads on until it has them.
    let long = format!("{}\nshort\n", "x".repeat(100_000));
    env.file("/long.txt", long.as_bytes());
    let run = env.run(&["head", "-n", "2", "/long.txt"]).ok();
    assert_eq!(run.stdout, long);
}

#[test]
fn mistakes_fetch_nothing() {
    let env = Env::new();
    env.file("/d/a.txt", b"abc");
    let run = env.run(&["cat", "/d"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("/d is a folder"), "{run:?}");
    let run = env.run(&["cat", "--range", "5-", "/d/a.txt"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("the file has 3 bytes"), "{run:?}");
    let run = env.run(&["cat", "--range", "abc", "/d/a.txt"]);
    assert_eq!(run.code, 2, "{run:?}");
    let run = env.run(&["head", "/d/missing.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(env.calls("/dl"), 0);
}

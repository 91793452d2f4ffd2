//! Free space checked before sending: files that won't fit in the cloud fail with the numbers
//! before any of their bytes go out, the batch says up front how much won't fit, and the
//! files that fit go up.

use crate::common::Env;
use crate::local::{content, failures};

const KIB: usize = 1 << 10;

/// An empty drive of `quota` bytes.
fn small_drive(quota: u64) -> Env {
    Env::with(|c| {
        c.knobs.quota = quota;
        c.knobs.complete_pending_polls = 0;
    })
}

#[test]
fn a_file_too_big_for_the_free_space_is_refused_before_a_byte_is_sent() {
    let env = small_drive(1 << 20);
    env.dir("/up");
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("big.bin"), content(2 << 20, 1)).unwrap();
    let run = env.run_in(work.path(), &["upload", "big.bin", "/up"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        failures(&run.stderr),
        vec![
            "panfm: 1 file (2.00 MiB) won't fit in the cloud: 1.00 MiB free",
            "panfm: big.bin: no room in the cloud: 2.00 MiB to upload, 1.00 MiB free",
        ]
    );
    let stats = env.stats();
    assert_eq!(stats.upload_bytes, 0);
    assert_eq!(stats.calls_to("/upload/v2/file/create"), 0);
    assert_eq!(stats.calls_to("/upload/v2/file/single/create"), 0);
}

#[test]
fn in_a_batch_the_files_that_fit_go_up_and_the_rest_is_said_up_front() {
    // 1 MiB in all, 100 KiB of it used.
    let env = small_drive(1 << 20);
    env.file("/used.bin", &content(100 * KIB, 9));
    env.dir("/up");
    let work = tempfile::tempdir().unwrap();
    for (name, size, seed) in [("a.bin", 600, 1), ("b.bin", 600, 2), ("c.bin", 200, 3)] {
        std::fs::write(work.path().join(name), content(size * KIB, seed)).unwrap();
    }
    let run = env.run_in(work.path(), &["upload", "a.bin", "b.bin", "c.bin", "/up"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        failures(&run.stderr),
        vec![
            "panfm: 1 file (600.00 KiB) won't fit in the cloud: 924.00 KiB free",
            "panfm: b.bin: no room in the cloud: 600.00 KiB to upload, 324.00 KiB free",
        ]
    );
    assert!(
        run.stderr.contains("uploaded 2 files (800.00 KiB)"),
        "{run:?}"
    );
    assert_eq!(env.names("/up"), ["a.bin", "c.bin"]);
    assert_eq!(
        env.stats().upload_bytes,
        800 * KIB as u64,
        "b.bin sent nothing"
    );
}

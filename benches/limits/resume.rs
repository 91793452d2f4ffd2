//! Item 2, uploads from the shell resume: `panfm upload` of a 60 MiB file (2 MiB slices) is
//! killed with SIGKILL once the mock has taken 60 % of it (the mock's `slice_hold` stalls the
//! link there), then run again; the figure is every byte the mock received over both runs
//! against the file's size.

use crate::env::{Env, messages};
use crate::{MIB, content, figure, mib};
use panfm::mock::Seed;
use std::time::Instant;

const SIZE: u64 = 60 * MIB;
const SLICE: u64 = 2 * MIB;
/// 18 of the 30 slices: 60 %.
const HOLD: u64 = 18;

pub fn run() {
    crate::heading("2. resume: a 60 MiB upload killed (SIGKILL) at 60 % and run again");
    let env = Env::free_tier(Seed::Empty, |k| {
        k.slice_size = SLICE;
        k.complete_pending_polls = 0;
        k.slice_hold = Some(HOLD);
    });
    env.mock.put_dir(0, "up").unwrap();
    let work = tempfile::tempdir().unwrap();
    let data = content(SIZE, 2);
    std::fs::write(work.path().join("big.bin"), &data).unwrap();

    let mut first = env.spawn(work.path(), &["upload", "big.bin", "/up"]);
    env.wait_for("60 % on the server", |s| s.slices_accepted >= HOLD);
    first.kill().unwrap();
    first.wait().unwrap();
    let before = env.stats().upload_bytes;
    env.mock.set_knobs(|k| k.slice_hold = None);

    let started = Instant::now();
    let again = env.run(work.path(), &["upload", "big.bin", "/up"]);
    let took = started.elapsed();
    let s = env.stats();
    let intact = again.status.success() && env.cloud_bytes("/up/big.bin") == Some(data);
    let ratio = s.upload_bytes as f64 / SIZE as f64;
    let sessions = s.calls_to("/upload/v2/file/create");
    figure(
        "resume: received before the kill",
        format!(
            "{} ({:.0} %)",
            mib(before),
            100.0 * before as f64 / SIZE as f64
        ),
        None,
    );
    figure(
        "resume: received in all / file size",
        format!("{ratio:.3} ({})", mib(s.upload_bytes)),
        Some(("≤ 1.25", ratio <= 1.25 && intact)),
    );
    figure(
        "resume: file complete and intact",
        intact,
        Some(("true", intact)),
    );
    figure(
        "resume: upload sessions",
        sessions,
        Some(("1", sessions == 1)),
    );
    figure("resume: re-run wall time", format!("{took:.2?}"), None);
    for line in messages(&again) {
        println!("  {line}");
    }
}

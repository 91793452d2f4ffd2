//! Item 1, pacing across processes: twenty `panfm mkdir -p` run back to back, then four at
//! once, all of one account against one mock at the free tier. Every run lists the folders on
//! its path and makes one; the processes share the limiter's recent grants, so the server
//! should answer no 429. The wall time is shown beside the least the free tier allows.

use crate::env::Env;
use crate::figure;
use panfm::mock::Seed;
use std::time::Instant;

const LIST: &str = "/api/v2/file/list";
const MKDIR: &str = "/upload/v1/file/mkdir";
/// The free tier's lists and mkdirs per second (developer table B).
const FREE_QPS: f64 = 5.0;

pub fn run() {
    crate::heading("1. pacing: 20 `panfm mkdir -p` back to back, then 4 at once (free tier)");
    let env = Env::free_tier(Seed::Empty, |_| {});
    let here = std::env::temp_dir();
    let started = Instant::now();
    let mut failed = 0;
    for i in 0..20 {
        let path = format!("/pace/seq-{i:02}");
        let out = env.run(&here, &["mkdir", "-p", &path]);
        failed += u32::from(!out.status.success());
    }
    let children: Vec<_> = (0..4)
        .map(|i| env.spawn(&here, &["mkdir", "-p", &format!("/pace/par-{i}")]))
        .collect();
    for child in children {
        failed += u32::from(!child.wait_with_output().unwrap().status.success());
    }
    let took = started.elapsed();
    let s = env.stats();
    let made = env
        .mock
        .id_of("/pace")
        .map_or(0, |id| env.mock.children(id).len());
    let (lists, mkdirs) = (s.calls_to(LIST), s.calls_to(MKDIR));
    // At most 5 calls in any 1 s window: the last of n calls goes out ⌈n/5⌉ - 1 s after the first.
    let floor = ((lists.max(mkdirs) as f64 / FREE_QPS).ceil() - 1.0).max(0.0);
    figure(
        "pacing: runs that failed",
        format!("{failed} of 24 ({made} folders made)"),
        Some(("0", failed == 0 && made == 24)),
    );
    figure(
        "pacing: 429 answers",
        s.throttled,
        Some(("0", s.throttled == 0)),
    );
    figure(
        "pacing: calls",
        format!("{lists} lists, {mkdirs} mkdirs, {} token", s.tokens_minted),
        None,
    );
    figure("pacing: wall time, 24 runs", format!("{took:.2?}"), None);
    figure(
        "pacing: free-tier floor for those calls",
        format!("{floor:.2}s (5 lists/s, 5 mkdirs/s)"),
        None,
    );
}

//! Many `panfm` processes of one account against one mock with the free-tier QPS limits on:
//! they share the rate limiter's recent grants through the cache directory, so back-to-back and
//! concurrent runs pace themselves and the server never answers 429.

use crate::common::Env;
use std::process::Stdio;

const MKDIR: &str = "/upload/v1/file/mkdir";
const LIST: &str = "/api/v2/file/list";

#[test]
fn back_to_back_and_concurrent_runs_draw_no_429() {
    let env = Env::with(|c| c.knobs.qps_limits = true);
    // Each run lists / (5 free QPS) to check the name, then makes one folder (mkdir, 5 free
    // QPS). Twenty runs in a row, then four at once.
    let start = std::time::Instant::now();
    for i in 0..20 {
        env.run(&["mkdir", &format!("/seq-{i}")]).ok();
    }
    let children: Vec<_> = (0..4)
        .map(|i| {
            env.command()
                .args(["mkdir", &format!("/par-{i}")])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    eprintln!("24 runs in {:?}", start.elapsed());
    let stats = env.stats();
    assert_eq!(stats.throttled, 0, "{stats:?}");
    assert_eq!(stats.calls_to(MKDIR), 24, "{stats:?}");
    assert_eq!(stats.calls_to(LIST), 24, "{stats:?}");
    assert_eq!(env.names("/").len(), 24);
    assert_eq!(stats.tokens_minted, 1);
}

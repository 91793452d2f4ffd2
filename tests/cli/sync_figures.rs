//! The figures of `panfm sync` in docs/performance.md (ignored: a measurement, not a check):
//! 10,000 small files in 100 folders and 3 large ones, synced to the mock with the free-tier
//! limits on and a latency on every request, then synced again. Prints wall time, calls per
//! endpoint, 429 answers and what was hashed for each run. Run with
//! `cargo test --test cli sync_figures -- --ignored --nocapture` (add `--release` for a
//! release build of both sides); the tree is made in a temporary folder and removed after.

use crate::common::Env;
use crate::local::content;
use panfm::mock::Stats;
use std::path::Path;
use std::time::{Duration, Instant};

const FOLDERS: usize = 100;
const PER_FOLDER: usize = 100;
const LARGE: usize = 3;
const LARGE_BYTES: usize = 40 << 20;
const LATENCY_MS: u64 = 20;

fn table(label: &str, before: &Stats, after: &Stats, took: Duration, run: &serde_json::Value) {
    println!("\n{label}: {:.1} s", took.as_secs_f64());
    println!("  plan counts: {}", run["plan"]["counts"]);
    println!("  hash: {}", run["hash"]);
    println!("  answered 429: {}", after.throttled - before.throttled);
    println!(
        "  upload bytes received: {}",
        after.upload_bytes - before.upload_bytes
    );
    for (path, n) in &after.calls {
        let n = n - before.calls_to(path);
        if n > 0 {
            println!("  {path:<36} {n:>6}");
        }
    }
}

/// Writes the figures' tree below `root`: `folders` × `per_folder` small files and `large`
/// large ones; with `env`, the drive gets the same files below `cloud` (put in place directly).
fn tree(root: &Path, folders: usize, per_folder: usize, large: usize, env: Option<(&Env, &str)>) {
    for d in 0..folders {
        let dir = root.join(format!("d{d:03}"));
        std::fs::create_dir_all(&dir).unwrap();
        for f in 0..per_folder {
            let n = d * per_folder + f;
            let body = format!("file {n}\n").repeat(100 + n % 300);
            std::fs::write(dir.join(format!("f{f:03}.txt")), &body).unwrap();
            if let Some((env, cloud)) = env {
                env.file(&format!("{cloud}/d{d:03}/f{f:03}.txt"), body.as_bytes());
            }
        }
    }
    for i in 0..large {
        let body = content(LARGE_BYTES, i as u8);
        std::fs::write(root.join(format!("large{i}.bin")), &body).unwrap();
        if let Some((env, cloud)) = env {
            env.file(&format!("{cloud}/large{i}.bin"), &body);
        }
    }
}

fn measure(env: &Env, label: &str, src: &str, dst: &str) {
    let before = env.stats();
    let started = Instant::now();
    let run = env.run(&["sync", "--json", "-q", src, dst]).ok();
    let took = started.elapsed();
    table(label, &before, &env.stats(), took, &run.json());
}

#[test]
#[ignore = "a measurement for docs/performance.md"]
fn sync_figures() {
    let env = Env::with(|c| {
        c.knobs.qps_limits = true;
        c.knobs.latency = Duration::from_millis(LATENCY_MS);
    });
    println!(
        "mock: free-tier QPS limits, {LATENCY_MS} ms latency per request; large files {} MiB",
        LARGE_BYTES >> 20
    );
    let work = tempfile::tempdir().unwrap();
    // A first sync that sends everything: paced by the client's 2 calls/s for single-step
    // uploads, so a 10,000-file one takes over 80 minutes; measured on 300 files.
    let fresh = work.path().join("fresh");
    tree(&fresh, 3, PER_FOLDER, LARGE, None);
    let fresh = fresh.to_str().unwrap();
    measure(
        &env,
        "first sync, 300 small + 3 large files",
        fresh,
        "cloud:/fresh",
    );
    measure(&env, "second sync of it", fresh, "cloud:/fresh");
    // The drive already holds the 10,000-file tree (put there directly), the MD5 cache is
    // empty: the first run hashes what it must compare, the second hashes nothing.
    let big = work.path().join("big");
    tree(&big, FOLDERS, PER_FOLDER, LARGE, Some((&env, "/bench")));
    let big = big.to_str().unwrap();
    println!(
        "\n{} small files in {FOLDERS} folders + {LARGE} large",
        FOLDERS * PER_FOLDER
    );
    measure(
        &env,
        "sync onto a drive holding the tree, empty MD5 cache",
        big,
        "cloud:/bench",
    );
    measure(&env, "second sync", big, "cloud:/bench");
}

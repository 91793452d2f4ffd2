//! Item 6, a re-run download finishes: `panfm download -r` of a 12 MiB tree, then one file
//! deleted locally and another cut to half and left as its part file (what an interrupted run
//! leaves), then the same command again. The figure is what the mock served the second time
//! against what was missing; the run's summary should count only that.

use crate::env::{Env, messages};
use crate::{MIB, content, figure, mib};
use panfm::mock::Seed;
use std::time::Instant;

/// (cloud folder, name, size).
const TREE: [(&str, &str, u64); 5] = [
    ("tree", "a.bin", 4 * MIB),
    ("tree", "b.bin", 4 * MIB),
    ("sub", "c.bin", 2 * MIB),
    ("sub", "d.bin", MIB),
    ("sub", "e.txt", MIB),
];

pub fn run() {
    crate::heading("6. download: a 12 MiB tree, one file deleted and one cut to a part file");
    let env = Env::free_tier(Seed::Empty, |_| {});
    let top = env.mock.put_dir(0, "tree").unwrap();
    let sub = env.mock.put_dir(top, "sub").unwrap();
    let mut ids = Vec::new();
    for (seed, (dir, name, size)) in (0..).zip(TREE) {
        let parent = if dir == "tree" { top } else { sub };
        ids.push(env.put_file(parent, name, &content(size, seed)));
    }
    let total: u64 = TREE.iter().map(|f| f.2).sum();
    let out = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let first = env.run(out.path(), &["download", "-r", "/tree", "."]);
    let first_took = started.elapsed();
    let first_bytes = env.stats().download_bytes;

    // b.bin: deleted. c.bin: its first half left as the part file a killed run keeps.
    let local = out.path().join("tree");
    std::fs::remove_file(local.join("b.bin")).unwrap();
    let c = local.join("sub/c.bin");
    let half = TREE[2].2 / 2;
    let part = local.join(format!("sub/.c.bin.{}.panfm-part", ids[2]));
    std::fs::rename(&c, &part).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&part)
        .unwrap()
        .set_len(half)
        .unwrap();
    let missing = TREE[1].2 + half;

    let started = Instant::now();
    let again = env.run(out.path(), &["download", "-r", "/tree", "."]);
    let took = started.elapsed();
    let fetched = env.stats().download_bytes - first_bytes;
    let intact = (0..).zip(TREE).all(|(seed, (dir, name, size))| {
        let rel = if dir == "tree" {
            name.to_owned()
        } else {
            format!("sub/{name}")
        };
        std::fs::read(local.join(rel)).ok() == Some(content(size, seed))
    });
    let summary = String::from_utf8_lossy(&again.stderr)
        .lines()
        .find(|l| l.starts_with("downloaded "))
        .unwrap_or("(no summary)")
        .to_owned();
    let counted = summary.contains(&format!("({})", mib(missing)));
    figure(
        "download: first run",
        format!("{} of {} in {first_took:.2?}", mib(first_bytes), mib(total)),
        Some(("the tree", first.status.success() && first_bytes == total)),
    );
    figure(
        "download re-run: bytes fetched",
        format!("{} of a {} tree", mib(fetched), mib(total)),
        Some((
            &format!("what was missing, {}", mib(missing)),
            fetched == missing,
        )),
    );
    figure(
        "download re-run: summary counts",
        if counted {
            mib(missing)
        } else {
            summary.clone()
        },
        Some(("only bytes moved", counted)),
    );
    figure(
        "download re-run: tree complete and intact",
        intact && again.status.success(),
        Some(("true", intact && again.status.success())),
    );
    figure("download re-run: wall time", format!("{took:.2?}"), None);
    println!("  {summary}");
    for line in messages(&again) {
        println!("  {line}");
    }
}

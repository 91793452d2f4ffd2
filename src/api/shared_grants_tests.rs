//! The shared grants file: its format, the merge of other owners' grants onto this process's
//! clock, pruning, and what happens when the file is corrupt, unusable or held by another.

use super::*;

const LIST: &str = "api/v2/file/list";
const HORIZON: Duration = Duration::from_millis(1100);

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A wall-clock reading: 2025-10-28 10:41:29 UTC plus `n` ms.
fn wall(n: u64) -> Duration {
    ms(1_761_648_089_000 + n)
}

fn read_history(path: &Path) -> History {
    History::parse(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn history_keeps_the_newest_grants_and_tells_owners_apart() {
    let mut h = History::default();
    for at in 0..7 {
        h.record(LIST, at % 2, 1000 + at, 5);
    }
    assert_eq!(h.grants[LIST].len(), 5);
    assert_eq!(h.others(LIST, 0), vec![1003, 1005]);
    assert_eq!(h.others(LIST, 1), vec![1002, 1004, 1006]);
    assert!(h.others("api/v1/file/move", 0).is_empty());
    let bytes = h.to_bytes();
    assert_eq!(History::parse(&bytes).unwrap(), h);
}

#[test]
fn pruning_drops_old_and_implausibly_future_grants() {
    let mut h = History::default();
    let now = 1_000_000;
    h.record(LIST, 1, now - 1101, 9);
    h.record(LIST, 1, now - 1100, 9);
    h.record(LIST, 1, now + 5_000, 9);
    h.record(LIST, 1, now + 301_000, 9);
    h.record("api/v1/file/move", 1, now - 5_000, 9);
    h.prune(now, HORIZON);
    assert_eq!(h.others(LIST, 0), vec![now - 1100, now + 5_000]);
    assert!(!h.grants.contains_key("api/v1/file/move"));
}

#[test]
fn garbage_and_unknown_versions_are_refused_and_empty_is_new() {
    assert_eq!(History::parse(b"").unwrap(), History::default());
    assert!(History::parse(b"{\"v\":1,\"grants\":{\"x\":[[1,").is_err());
    assert!(History::parse(b"\x00\xff not json").is_err());
    assert!(History::parse(b"{\"v\":2,\"grants\":{}}").is_err());
    // A rewrite that ended early leaves the old tail behind: refused, not half-read.
    assert!(History::parse(b"{\"v\":1,\"grants\":{}}\n\"x\":[[1,2]]}}").is_err());
}

#[test]
fn grants_cross_between_owners_on_each_ones_clock() {
    let dir = tempfile::tempdir().unwrap();
    let a = SharedGrants::new(dir.path(), "k");
    let b = SharedGrants::new(dir.path(), "k");
    assert_eq!(a.path(), b.path());
    let t0 = Instant::now();

    // `a` sees nobody and takes a slot 0.5 s ahead.
    let slot = a.reserve_at(LIST, 5, HORIZON, (t0, wall(0)), |others| {
        assert!(others.is_empty());
        t0 + ms(500)
    });
    assert_eq!(slot, Some(t0 + ms(500)));

    // `b` reads it 100 ms later (on both clocks) as lying 400 ms ahead.
    let tb = t0 + ms(100);
    b.reserve_at(LIST, 5, HORIZON, (tb, wall(100)), |others| {
        assert_eq!(others, [tb + ms(400)]);
        tb + ms(400) + HORIZON
    });
    // `a` then sees only `b`'s grant: its own it keeps in memory.
    let ta = t0 + ms(200);
    a.reserve_at(LIST, 5, HORIZON, (ta, wall(200)), |others| {
        assert_eq!(others, [ta + ms(1400)]);
        ta
    });
    let stored = read_history(a.path());
    assert_eq!(
        stored.grants[LIST].iter().map(|g| g.1).collect::<Vec<_>>(),
        [wall(500), wall(1600), wall(200)].map(millis)
    );
}

#[test]
fn grants_are_stored_rounded_up_to_the_millisecond() {
    let dir = tempfile::tempdir().unwrap();
    let a = SharedGrants::new(dir.path(), "k");
    let t0 = Instant::now();
    let w = wall(0) + Duration::from_micros(250);
    a.reserve_at(LIST, 5, HORIZON, (t0, w), |_| t0 + ms(10));
    let stored = read_history(a.path());
    assert_eq!(stored.grants[LIST][0].1, millis(wall(11)));
}

#[test]
fn a_corrupt_file_is_ignored_and_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let a = SharedGrants::new(dir.path(), "k");
    std::fs::write(a.path(), b"{\"v\":1,\"grants\":{\"api/v2/fi").unwrap();
    let t0 = Instant::now();
    let slot = a.reserve_at(LIST, 5, HORIZON, (t0, wall(0)), |others| {
        assert!(others.is_empty());
        t0
    });
    assert_eq!(slot, Some(t0));
    let stored = read_history(a.path());
    assert_eq!(stored.grants[LIST], vec![(a.owner, millis(wall(0)))]);
}

#[test]
fn an_unusable_file_leaves_the_process_pacing_alone() {
    let dir = tempfile::tempdir().unwrap();
    let a = SharedGrants::new(dir.path(), "k");
    std::fs::create_dir(a.path()).unwrap();
    let mut asked = false;
    let slot = a.reserve(LIST, 5, HORIZON, Instant::now(), |_| {
        asked = true;
        Instant::now()
    });
    assert_eq!(slot, None);
    assert!(!asked);
    assert!(a.path().is_dir(), "left as it was");
}

#[test]
fn a_file_held_by_another_process_is_given_up_on() {
    let dir = tempfile::tempdir().unwrap();
    let a = SharedGrants::new(dir.path(), "k");
    let t0 = Instant::now();
    a.reserve_at(LIST, 5, HORIZON, (t0, wall(0)), |_| t0);
    // Another open file description holds the lock, as another process would.
    let holder = File::open(a.path()).unwrap();
    fs4::FileExt::try_lock(&holder).unwrap();
    assert_eq!(a.reserve(LIST, 5, HORIZON, t0, |_| t0), None);
    drop(holder);
    assert_eq!(a.reserve(LIST, 5, HORIZON, t0, |_| t0), Some(t0));
}

#[cfg(unix)]
#[test]
fn the_file_and_a_new_directory_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let a = SharedGrants::new(&cache, "k");
    let t0 = Instant::now();
    a.reserve_at(LIST, 5, HORIZON, (t0, wall(0)), |_| t0);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(a.path()), 0o600);
    assert_eq!(mode(&cache), 0o700);
}

//! Uploads from the shell that resume: `panfm upload` killed for real (SIGKILL) mid-file and run
//! again sends only the slices the server lacks, on the same server session; a file changed
//! meanwhile starts over; the same command run twice at once is refused.

use crate::common::Env;
use crate::interrupt::{journals, spawn, wait_until};
use crate::local::content;
use std::path::Path;

const MIB: u64 = 1 << 20;

/// A drive whose uploads go in `slice`-byte slices and stall after `hold` of them.
fn stalling(slice: u64, hold: u64) -> Env {
    Env::with(|c| {
        c.knobs.slice_size = slice;
        c.knobs.complete_pending_polls = 0;
        c.knobs.slice_hold = Some(hold);
    })
}

/// Starts `panfm upload NAME /up` in `dir`, kills it (SIGKILL) once the server has accepted
/// `slices` slices and the journal on disk says so, and lets the server take slices again.
/// (Killed before the journal's write, a run sends the last few slices again: a race that
/// depends on the disk, not what this test is about.)
fn kill_mid_upload(env: &Env, dir: &Path, name: &str, slices: u64) {
    env.dir("/up");
    let mut child = spawn(env, dir, &["upload", name, "/up"]);
    wait_until("the slices before the stall", || {
        env.stats().slices_accepted >= slices
    });
    wait_until("the journal to record them", || {
        journaled_slices(env) >= slices
    });
    child.kill().unwrap();
    child.wait().unwrap();
    env.mock.set_knobs(|k| k.slice_hold = None);
}

/// Slices the command-line journals record as accepted.
fn journaled_slices(env: &Env) -> u64 {
    fn count(v: &serde_json::Value) -> u64 {
        match v {
            serde_json::Value::Object(map) => map
                .iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("done", serde_json::Value::Array(a)) => a.len() as u64,
                    _ => count(v),
                })
                .sum(),
            serde_json::Value::Array(a) => a.iter().map(count).sum(),
            _ => 0,
        }
    }
    let dir = env.cfg.path().join("state/cli");
    journals(env)
        .iter()
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .filter_map(|n| std::fs::read_to_string(dir.join(n)).ok())
        .filter_map(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .map(|v| count(&v))
        .sum()
}

#[test]
fn a_killed_upload_run_again_sends_only_what_the_server_lacks() {
    let size = 60 * MIB;
    let env = stalling(2 * MIB, 18);
    let work = tempfile::tempdir().unwrap();
    let data = content(size as usize, 3);
    std::fs::write(work.path().join("big.bin"), &data).unwrap();
    kill_mid_upload(&env, work.path(), "big.bin", 18);
    assert!(!env.exists("/up/big.bin"));
    let kept = journals(&env);
    let named: Vec<&String> = kept.iter().filter(|n| !n.starts_with('.')).collect();
    assert_eq!(named.len(), 2, "the journal and its lock: {kept:?}");
    #[cfg(unix)]
    for name in named {
        use std::os::unix::fs::PermissionsExt;
        let path = env.cfg.path().join("state/cli").join(name);
        let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }

    let again = env.run_in(work.path(), &["upload", "big.bin", "/up"]).ok();
    assert!(
        again.stderr.contains("continuing the interrupted run"),
        "{again:?}"
    );
    assert!(env.bytes("/up/big.bin") == data);
    let stats = env.stats();
    assert_eq!(stats.calls_to("/upload/v2/file/create"), 1, "one session");
    let ratio = stats.upload_bytes as f64 / size as f64;
    println!(
        "killed at 60 % and run again: {} bytes sent for a {size}-byte file = {ratio:.3} × the file",
        stats.upload_bytes
    );
    assert!(ratio <= 1.25, "{ratio}");
    assert!(journals(&env).is_empty(), "{:?}", journals(&env));
}

#[test]
fn a_file_changed_since_starts_over_and_a_second_run_at_once_is_refused() {
    // Over the 16 MiB single-step limit, so it goes in slices.
    let env = stalling(MIB, 2);
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("f.bin");
    std::fs::write(&file, content(17 * MIB as usize, 4)).unwrap();
    env.dir("/up");
    let mut first = spawn(&env, work.path(), &["upload", "f.bin", "/up"]);
    wait_until("the stall", || env.stats().slices_accepted >= 2);
    let twin = env.run_in(work.path(), &["upload", "f.bin", "/up"]);
    assert_eq!(twin.code, 1, "{twin:?}");
    assert!(
        twin.stderr
            .contains("the same transfer is already running in another panfm"),
        "{twin:?}"
    );
    first.kill().unwrap();
    first.wait().unwrap();
    env.mock.set_knobs(|k| k.slice_hold = None);

    // Same size, new content and time: the saved session can't be used.
    let changed = content(17 * MIB as usize, 5);
    std::fs::write(&file, &changed).unwrap();
    let modified = std::time::SystemTime::now() + std::time::Duration::from_secs(10);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    env.run_in(work.path(), &["upload", "f.bin", "/up"]).ok();
    assert!(env.bytes("/up/f.bin") == changed);
    assert_eq!(env.calls("/upload/v2/file/create"), 2, "a new session");
    assert!(journals(&env).is_empty());
}

//! Ctrl-C during a transfer: a clean stop with status 130, the JSON report still one object,
//! nothing partial under a final name, download part files kept and continued by the next run.

use crate::common::Env;
use crate::local::{BIG, content, env, tree, write_tree};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `panfm ARGS` in `dir`, its output piped.
pub fn spawn(env: &Env, dir: &Path, args: &[&str]) -> Child {
    env.command()
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for a condition outside the process under test (a file on either side), checking
/// every few milliseconds; the deadline only bounds a failing test.
pub fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Ctrl-C, as the terminal sends it.
pub fn interrupt(child: Child) -> Output {
    let pid = child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    child.wait_with_output().unwrap()
}

#[test]
fn ctrl_c_stops_an_upload_cleanly_and_a_second_run_finishes_it() {
    let env = env();
    env.dir("/up");
    let work = tempfile::tempdir().unwrap();
    let big = content(BIG, 4);
    write_tree(
        work.path(),
        &tree(&[("a.txt", Some(b"a")), ("big.bin", Some(&big))]),
    );
    // One job at a time: a.txt, then big.bin in slices; the rate cap lets its first slice go
    // and holds each further one for 4 s, so it can't be finished when Ctrl-C comes.
    let args = [
        "upload",
        "--json",
        "-j",
        "1",
        "--limit-rate",
        "256K",
        "a.txt",
        "big.bin",
        "/up",
    ];
    let child = spawn(&env, work.path(), &args);
    wait_until("a slice on the server", || {
        env.calls("/upload/v2/file/slice") > 0
    });
    let out = interrupt(child);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("panfm: interrupted: 1 file not transferred"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run the same command again to continue"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["results"][0]["path"], "a.txt");
    assert_eq!(v["errors"][0]["item"], "big.bin");
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
    assert!(!env.exists("/up/big.bin"), "nothing under the final name");
    assert_eq!(env.calls("/upload/v2/file/upload_complete"), 0);

    // The same command (output and pacing options may differ) continues on the server's
    // upload session: a.txt is not sent again and big.bin is not created again.
    let again = env.run_in(work.path(), &["upload", "a.txt", "big.bin", "/up"]);
    let stderr = again.ok().stderr;
    assert!(
        stderr.contains("continuing the interrupted run of this command: 1 file left"),
        "{stderr}"
    );
    assert!(stderr.contains("uploaded 1 file"), "{stderr}");
    assert!(env.bytes("/up/big.bin") == big);
    assert_eq!(env.calls("/upload/v2/file/create"), 1, "one server session");
    assert_eq!(
        journals(&env),
        Vec::<String>::new(),
        "a finished run leaves none"
    );
}

/// The journals the command-line transfers keep in the state directory.
pub fn journals(env: &Env) -> Vec<String> {
    let dir = env.cfg.path().join("state/cli");
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = read
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn ctrl_c_keeps_a_download_part_that_the_next_run_continues() {
    let env = env();
    let slow = content(2 << 20, 6);
    let id = env.file("/d/slow.bin", &slow);
    let out_dir = tempfile::tempdir().unwrap();
    let part = out_dir.path().join(format!(".slow.bin.{id}.panfm-part"));
    let args = [
        "download",
        "--json",
        "--limit-rate",
        "128K",
        "/d/slow.bin",
        ".",
    ];
    let child = spawn(&env, out_dir.path(), &args);
    let started = || std::fs::metadata(&part).is_ok_and(|m| m.len() > 0);
    wait_until("the first bytes in the part file", started);
    let out = interrupt(child);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains(".NAME.ID.panfm-part"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"][0]["item"], "/d/slow.bin");
    assert!(
        !out_dir.path().join("slow.bin").exists(),
        "no partial file under the final name"
    );
    let kept = std::fs::read(&part).unwrap();
    assert!(!kept.is_empty() && kept.len() < slow.len());
    assert!(
        slow.starts_with(&kept),
        "the part holds a prefix of the file"
    );

    env.run_in(out_dir.path(), &["download", "/d/slow.bin", "."])
        .ok();
    assert!(std::fs::read(out_dir.path().join("slow.bin")).unwrap() == slow);
    assert!(!part.exists());
}

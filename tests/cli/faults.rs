//! Injected gateway errors (5xx HTML pages) and the server's QPS limit (429): retried where the
//! client may, reported clearly where it gives up, JSON kept valid.

use crate::common::Env;

#[test]
fn reads_survive_intermittent_5xx() {
    let env = Env::new();
    env.file("/a/f.txt", b"f");
    env.run(&["info"]).ok();
    env.mock.set_knobs(|k| {
        k.error_rate = 0.3;
        k.rng_seed = Some(11);
    });
    for _ in 0..3 {
        let run = env.run(&["ls", "/a"]).ok();
        assert_eq!(run.lines(), vec!["f.txt"]);
    }
    assert!(env.stats().injected_errors > 0, "{:?}", env.stats());
}

#[test]
fn a_server_that_keeps_failing_gives_one_clear_line_and_status_1() {
    let env = Env::new();
    env.file("/a/f.txt", b"f");
    env.run(&["info"]).ok();
    env.mock.set_knobs(|k| {
        k.error_rate = 1.0;
        k.rng_seed = Some(3);
    });
    let run = env.run(&["ls", "/a"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{run:?}");
    assert!(lines[0].starts_with("panfm: 123pan api/v2/file/list: temporary failure"));
    let json = env.run(&["rm", "--json", "/a/f.txt"]);
    assert_eq!(json.code, 1);
    let v = json.json();
    assert_eq!(v["results"].as_array().unwrap().len(), 0);
    assert_eq!(v["errors"][0]["item"], "/a/f.txt");
    assert!(
        v["errors"][0]["error"]
            .as_str()
            .unwrap()
            .contains("temporary failure")
    );
}

/// Runs normally pace each other (tests/cli/pacing.rs); here the file they would share is made
/// unusable, so each paces alone and the server's 429s must be backed off from.
#[test]
fn concurrent_runs_over_the_qps_limit_are_backed_off_and_all_succeed() {
    let env = Env::with(|c| c.knobs.qps_limits = true);
    env.file("/a/f.txt", b"f");
    env.run(&["info"]).ok();
    let cache = env.cfg.path().join("cache");
    let shared = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("ratelimit-")
        })
        .expect("the run shared its grants");
    std::fs::remove_file(&shared).unwrap();
    std::fs::create_dir(&shared).unwrap();
    let before = env.calls("/api/v2/file/list");
    let children: Vec<_> = (0..12)
        .map(|_| {
            env.command()
                .args(["ls", "/a"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("pacing this process alone"), "{stderr}");
    }
    let stats = env.stats();
    assert!(stats.throttled > 0, "{stats:?}");
    // Every refused request was sent again: 2 listings per run (/ and /a).
    assert_eq!(
        stats.calls_to("/api/v2/file/list") - before,
        24 + stats.throttled
    );
    assert_eq!(stats.tokens_minted, 1);
}

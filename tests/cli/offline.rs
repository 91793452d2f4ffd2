//! `panfm offline add` and `panfm offline status` through the binary: task ids printed, the
//! drive fetching from a loopback server into the folder (real MD5), `--wait` ending with exit
//! 1 and the server's reason when a task fails, mistakes refused with exit 2 before anything
//! is sent, and the demo's finished task.

use crate::common::Env;
use crate::web::{Web, dead_url};

const CREATE: &str = "/api/v1/offline/download";

fn quick() -> Env {
    Env::with(|c| c.knobs.offline_pending_polls = 1)
}

#[test]
fn add_prints_task_ids_and_status_follows_them() {
    let web = Web::serve(&[("a.bin", vec![7; 5000])]);
    let env = quick();
    env.dir("/收件");
    let run = env
        .run(&["offline", "add", "--dir", "/收件", &web.url("a.bin")])
        .ok();
    let line = run.stdout.trim_end();
    let (task, url) = line.split_once('\t').unwrap();
    assert_eq!(url, web.url("a.bin"));
    assert!(
        run.stderr.contains("1 offline download into /收件"),
        "{run:?}"
    );
    let status = env.run(&["offline", "status", "--json", task]).ok().json();
    let first = &status["results"][0];
    assert_eq!(
        first["taskID"].as_str().map(str::to_owned),
        None,
        "a number"
    );
    assert_eq!(first["taskID"], task.parse::<i64>().unwrap());
    assert_eq!(first["status"], "running", "the pending poll");
    let text = env.run(&["offline", "status", task]).ok();
    assert!(
        text.stdout.starts_with(&format!("{task}  done")),
        "{text:?}"
    );
    assert_eq!(env.bytes("/收件/a.bin"), vec![7; 5000]);
}

#[test]
fn wait_follows_every_task_and_fails_with_the_reason() {
    let content: Vec<u8> = (0..40_000u32).map(|i| (i % 253) as u8).collect();
    let web = Web::serve(&[("dist/tool.tar.gz", content.clone())]);
    let env = quick();
    env.dir("/软件");
    let good = web.url("dist/tool.tar.gz");
    let gone = web.url("dist/gone.tar.gz");
    let run = env.run(&[
        "offline", "add", "--wait", "--json", "--dir", "/软件", &good, &gone,
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let v = run.json();
    assert_eq!(v["results"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["results"][0]["status"], "done");
    assert_eq!(v["results"][0]["path"], "/软件/tool.tar.gz");
    assert!(v["results"][0]["taskID"].is_i64(), "{v}");
    let error = &v["errors"][0];
    assert_eq!(error["item"], gone.as_str());
    assert!(error["error"].as_str().unwrap().contains("404"), "{v}");
    assert!(run.stderr.contains("404"), "{run:?}");
    assert_eq!(env.bytes("/软件/tool.tar.gz"), content);
    assert_eq!(env.calls(CREATE), 2);
}

#[test]
fn wait_in_text_names_where_each_file_landed() {
    let web = Web::serve(&[("x.txt", b"hello".to_vec())]);
    let env = quick();
    let run = env
        .run(&[
            "offline",
            "add",
            "--wait",
            "--name",
            "问候.txt",
            &web.url("x.txt"),
        ])
        .ok();
    assert!(
        run.stdout.ends_with("\tdone\t/来自:离线下载/问候.txt\n"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("1 file fetched into /来自:离线下载"),
        "{run:?}"
    );
    assert_eq!(env.bytes("/来自:离线下载/问候.txt"), b"hello");
    let unreachable = env.run(&["offline", "add", "--wait", &dead_url()]);
    assert_eq!(unreachable.code, 1, "{unreachable:?}");
    assert!(unreachable.stderr.contains("无法连接"), "{unreachable:?}");
}

#[test]
fn mistakes_are_refused_before_anything_is_sent() {
    let env = quick();
    env.file("/f.txt", b"x");
    let ok_url = "http://127.0.0.1:9/a.bin";
    for (args, says) in [
        (vec!["ftp://h/a"], "only http and https"),
        (vec!["example.com/a.iso"], "http://"),
        (vec!["--name", "a.bin", ok_url, ok_url], "one URL"),
        (vec!["--name", "a:b", ok_url], "123pan refuses it"),
        (vec!["--dir", "/", ok_url], "root"),
    ] {
        let run = env.run(&[&["offline", "add"], args.as_slice()].concat());
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains(says), "{args:?}: {run:?}");
    }
    // Folders that are not there, or not folders, fail as in every command (exit 1).
    for (dir, says) in [("/nope", "nope"), ("/f.txt", "not a directory")] {
        let run = env.run(&["offline", "add", "--dir", dir, ok_url]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stderr.contains(says), "{run:?}");
    }
    assert_eq!(env.calls(CREATE), 0);
    let unknown = env.run(&["offline", "status", "5"]);
    assert_eq!(unknown.code, 1, "{unknown:?}");
    assert!(unknown.stderr.contains("task 5"), "{unknown:?}");
    let bad = env.run(&["offline", "status", "abc"]);
    assert_eq!(bad.code, 2, "{bad:?}");
}

#[test]
fn the_demo_has_a_finished_task() {
    let env = Env::new();
    let run = env
        .command()
        .args(["--demo", "offline", "status", "394756"])
        .output()
        .unwrap();
    let run = crate::common::Run::from(run).ok();
    assert!(run.stdout.starts_with("394756  done  100%"), "{run:?}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_leaves_the_drive_fetching_and_the_same_command_follows_the_same_task() {
    use crate::interrupt::{interrupt, spawn, wait_until};
    let web = Web::serve(&[("big.bin", vec![1; 1000])]);
    // The task reads "running" until the knob is lowered.
    let env = Env::with(|c| c.knobs.offline_pending_polls = 1_000_000);
    let work = tempfile::tempdir().unwrap();
    let url = web.url("big.bin");
    let args = ["offline", "add", "--wait", url.as_str()];
    let child = spawn(&env, work.path(), &args);
    wait_until("the task to be asked about", || {
        env.calls("/api/v1/offline/download/process") > 0
    });
    let out = interrupt(child);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("the drive goes on fetching"), "{stderr}");

    env.mock.set_knobs(|k| k.offline_pending_polls = 0);
    let again = env.run_in(work.path(), &args).ok();
    assert!(again.stderr.contains("following the tasks"), "{again:?}");
    assert!(
        again.stdout.ends_with("\tdone\t/来自:离线下载/big.bin\n"),
        "{again:?}"
    );
    assert_eq!(env.calls(CREATE), 1, "the same task, not a new one");
}

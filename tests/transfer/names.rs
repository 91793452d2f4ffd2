//! Names the cloud refuses are reported before any request and fixed on request; symbolic
//! links are followed without looping; special files are skipped with a reason.

use panfm::transfer::{ConflictPolicy, JobState};

use crate::common::{BatchTotals, Env, Events, cfg, content, download_spec, upload_spec};

fn uploads(env: &Env) -> u64 {
    let s = env.mock.stats();
    s.calls_to("/upload/v2/file/create") + s.calls_to("/upload/v2/file/single/create")
}

/// Uploads the local `src` tree to the cloud root and waits for the batch.
async fn upload_src(env: &Env, fix_names: bool) -> (Events, BatchTotals) {
    let (scheduler, mut events) = env.start(cfg());
    let spec = upload_spec(vec![env.path("src")], 0, ConflictPolicy::Ask, fix_names);
    let totals = events.batch_done(scheduler.submit(spec)).await;
    (events, totals)
}

fn make_bad_names(env: &Env) {
    let src = env.path("src");
    std::fs::create_dir_all(src.join("bad|dir")).unwrap();
    std::fs::write(src.join("bad|dir/inner.txt"), b"inner").unwrap();
    for name in ["a:b.txt", "what?.txt", "   ", "ok.txt"] {
        std::fs::write(src.join(name), content(20, 1)).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_names_fail_before_any_request_for_them() {
    let env = Env::new().await;
    make_bad_names(&env);
    let (events, totals) = upload_src(&env, false).await;
    assert_eq!((totals.ok, totals.failed), (1, 4));
    for name in ["a:b.txt", "what?.txt", "   ", "bad|dir"] {
        let job = events.job_named(name);
        let Some(JobState::Failed { reason }) = events.last_state(job.id) else {
            panic!("{name}: {:#?}", events.log)
        };
        assert!(
            reason.contains("forbidden") || reason.contains("spaces"),
            "{reason}"
        );
        assert!(job.refused, "{name}: retrying can't help");
    }
    assert!(!events.job_named("ok.txt").refused);
    assert_eq!(uploads(&env), 1, "only ok.txt was sent");
    assert_eq!(
        env.mock.stats().calls_to("/upload/v1/file/mkdir"),
        1,
        "only src was made"
    );
    let names: Vec<String> = env.cloud_tree("/src").await.into_keys().collect();
    assert_eq!(names, ["ok.txt"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fixed_names_use_full_width_forms() {
    let env = Env::new().await;
    make_bad_names(&env);
    let (_, totals) = upload_src(&env, true).await;
    assert_eq!(
        (totals.ok, totals.failed),
        (4, 1),
        "all spaces can't be fixed"
    );
    let names: Vec<String> = env.cloud_tree("/src").await.into_keys().collect();
    assert_eq!(
        names,
        [
            "a：b.txt",
            "bad｜dir",
            "bad｜dir/inner.txt",
            "ok.txt",
            "what？.txt"
        ]
    );
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_are_followed_without_loops_and_special_files_skipped() {
    use std::os::unix::fs::symlink;
    let env = Env::new().await;
    let src = env.path("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("real.txt"), b"real").unwrap();
    symlink(src.join("real.txt"), src.join("link.txt")).unwrap();
    symlink(&src, src.join("sub/loop")).unwrap();
    symlink(src.join("nowhere"), src.join("broken")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(src.join("sock")).unwrap();
    let (events, totals) = upload_src(&env, false).await;
    assert_eq!((totals.ok, totals.skipped, totals.failed), (2, 3, 0));
    for (name, why) in [
        ("loop", "loop"),
        ("broken", "broken"),
        ("sock", "not a regular file"),
    ] {
        let job = events.job_named(name);
        let Some(JobState::Skipped { reason }) = events.last_state(job.id) else {
            panic!("{name}: {:#?}", events.log)
        };
        assert!(reason.contains(why), "{name}: {reason}");
    }
    let tree = env.cloud_tree("/src").await;
    assert_eq!(tree.get("link.txt"), Some(&Some(b"real".to_vec())));
    assert_eq!(tree.get("sub"), Some(&None));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_over_10_gib_is_refused_before_it_is_read() {
    let env = Env::new().await;
    let src = env.path("src");
    std::fs::create_dir_all(&src).unwrap();
    // Sparse: no 10 GiB are written or read; only the size counts.
    let huge = std::fs::File::create(src.join("huge.iso")).unwrap();
    huge.set_len(panfm::api::MAX_UPLOAD_SIZE + 1).unwrap();
    std::fs::write(src.join("small.txt"), b"small").unwrap();
    let (events, totals) = upload_src(&env, false).await;
    assert_eq!((totals.ok, totals.failed), (1, 1));
    let job = events.job_named("huge.iso");
    let Some(JobState::Failed { reason }) = events.last_state(job.id) else {
        panic!("{:#?}", events.log)
    };
    assert!(reason.contains("10 GiB"), "{reason}");
    assert_eq!(uploads(&env), 1, "only small.txt was sent");
}

/// Jobs within a folder come in the panes' natural order (`f2` before `f10`), both ways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_in_a_folder_are_in_natural_order() {
    let env = Env::new().await;
    let names = ["f10.txt", "F2.txt", "f1.txt", "f11.txt"];
    std::fs::create_dir_all(env.path("src")).unwrap();
    for name in names {
        std::fs::write(env.path("src").join(name), name).unwrap();
    }
    let (events, totals) = upload_src(&env, false).await;
    assert_eq!(totals.ok, 4);
    let order: Vec<String> = events.jobs().into_iter().map(|j| j.name).collect();
    assert_eq!(order, ["f1.txt", "F2.txt", "f10.txt", "f11.txt"]);

    // The mock lists by creation (id) order: made in byte order, not natural order.
    let cloud = env.mock.put_dir(0, "cloud").unwrap();
    for name in ["b10", "b2", "b1"] {
        env.mock.put_file(cloud, name, b"x").await.unwrap();
    }
    let (scheduler, mut events) = env.start(cfg());
    let spec = download_spec(vec![env.item(cloud)], env.path("down"), ConflictPolicy::Ask);
    assert_eq!(events.batch_done(scheduler.submit(spec)).await.ok, 3);
    let order: Vec<String> = events.jobs().into_iter().map(|j| j.source).collect();
    assert_eq!(order, ["cloud/b1", "cloud/b2", "cloud/b10"]);
}

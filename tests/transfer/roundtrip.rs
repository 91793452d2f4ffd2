//! Trees up and back byte for byte (CJK, emoji, spaces, empty files, nested empty folders,
//! single-step and sliced files), instant uploads, progress reports.

use panfm::transfer::{ConflictPolicy, JobState, TransferEvent};

use crate::common::{
    Env, SLICE, Tree, assert_no_parts, cfg, content, download_spec, read_tree, upload_spec,
    write_tree,
};

pub fn sample_tree() -> Tree {
    let s = SLICE as usize;
    Tree::from([
        ("照片 2024".into(), None),
        ("照片 2024/春节 🎉.jpg".into(), Some(content(2 * s + 77, 1))),
        ("照片 2024/空.txt".into(), Some(Vec::new())),
        ("照片 2024/nested".into(), None),
        ("照片 2024/nested/deeper".into(), None),
        ("照片 2024/nested/deeper/empty dir".into(), None),
        ("docs".into(), None),
        ("docs/a b c.txt".into(), Some(content(s, 2))),
        ("docs/big.bin".into(), Some(content(3 * s + 100, 3))),
        ("docs/small.txt".into(), Some(content(100, 4))),
        ("top level.md".into(), Some(content(s + 1, 5))),
        ("empty folder".into(), None),
    ])
}

pub fn files_in(tree: &Tree) -> u64 {
    tree.values().filter(|c| c.is_some()).count() as u64
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tree_goes_up_and_comes_back_identical() {
    let env = Env::new().await;
    let tree = sample_tree();
    write_tree(&env.path("src"), &tree);
    let dest = env.mock.put_dir(0, "dest").unwrap();
    let (scheduler, mut events) = env.start(cfg());

    let up = scheduler.submit(upload_spec(
        vec![env.path("src")],
        dest,
        ConflictPolicy::Ask,
        false,
    ));
    let totals = events.batch_done(up).await;
    assert_eq!((totals.ok, totals.failed), (files_in(&tree), 0));
    assert_eq!(env.cloud_tree("/dest/src").await, tree);
    let planned = events.log.iter().find_map(|e| match e {
        TransferEvent::Planned {
            batch,
            files,
            bytes,
            ..
        } if *batch == up => Some((*files, *bytes)),
        _ => None,
    });
    let bytes: u64 = tree.values().flatten().map(|c| c.len() as u64).sum();
    assert_eq!(planned, Some((files_in(&tree), bytes)));

    for job in events.jobs() {
        let progress = events.progress(job.id);
        assert!(
            progress.windows(2).all(|w| w[0] <= w[1]),
            "{}: {progress:?}",
            job.name
        );
        assert_eq!(progress.last(), Some(&job.size), "{}", job.name);
    }

    let src = env.mock.id_of("/dest/src").unwrap();
    let down = scheduler.submit(download_spec(
        vec![env.item(src)],
        env.path("back"),
        ConflictPolicy::Ask,
    ));
    let totals = events.batch_done(down).await;
    assert_eq!((totals.ok, totals.failed), (files_in(&tree), 0));
    assert_eq!(read_tree(&env.path("back/src")), tree);
    assert_no_parts(&env.path("back"));
    scheduler.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_files_go_both_ways_and_instant_uploads_count_saved_bytes() {
    let env = Env::new().await;
    let bytes = content(5 * SLICE as usize + 3, 9);
    std::fs::write(env.path("one.bin"), &bytes).unwrap();
    std::fs::write(env.path("same.bin"), &bytes).unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let upload = |name: &str| upload_spec(vec![env.path(name)], 0, ConflictPolicy::Ask, false);
    let first = scheduler.submit(upload("one.bin"));
    assert_eq!(events.batch_done(first).await.reused_bytes, 0);
    let slices = env.mock.stats().calls_to("/upload/v2/file/slice");
    assert_eq!(slices, 6);

    let second = scheduler.submit(upload("same.bin"));
    let totals = events.batch_done(second).await;
    assert_eq!((totals.ok, totals.reused_bytes), (1, bytes.len() as u64));
    let job = events.job_named("same.bin");
    assert_eq!(
        events.last_state(job.id),
        Some(JobState::Done { reused: true })
    );
    assert_eq!(
        env.mock.stats().calls_to("/upload/v2/file/slice"),
        slices,
        "nothing sent"
    );
    let id = env.mock.id_of("/same.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);
    let down = scheduler.submit(download_spec(
        vec![env.item(id)],
        env.path("down"),
        ConflictPolicy::Ask,
    ));
    assert_eq!(events.batch_done(down).await.ok, 1);
    assert_eq!(std::fs::read(env.path("down/same.bin")).unwrap(), bytes);
    assert_no_parts(&env.path("down"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_slice_size_guess_still_uploads_and_is_corrected() {
    let env = Env::new().await;
    let bytes = content(7 * SLICE as usize + 5, 11);
    std::fs::write(env.path("g.bin"), &bytes).unwrap();
    let cfg = panfm::transfer::TransferConfig {
        slice_size_guess: 1000,
        state_file: Some(env.path("queue.json")),
        ..cfg()
    };
    let (scheduler, mut events) = env.start(cfg);
    let batch = scheduler.submit(upload_spec(
        vec![env.path("g.bin")],
        0,
        ConflictPolicy::Ask,
        false,
    ));
    assert_eq!(events.batch_done(batch).await.ok, 1);
    let id = env.mock.id_of("/g.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);
    assert_eq!(env.mock.stats().calls_to("/upload/v2/file/slice"), 8);
    scheduler.shutdown().await.unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.path("queue.json")).unwrap()).unwrap();
    assert_eq!(
        saved["slice_size_hint"], SLICE,
        "the server's size is remembered"
    );
}

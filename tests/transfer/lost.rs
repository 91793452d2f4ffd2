//! Replies lost after the server acted (the mock's `lost_replies` knob drops the connection
//! once the request took effect): a create, a single-step upload or a mkdir whose answer never
//! came is looked for before it is sent again, so "keep both" never leaves a second copy.

use panfm::transfer::ConflictPolicy;

use crate::common::{Env, cfg, content, upload_spec};

/// Uploads local `name` (with `bytes`) into the cloud root, where `name` already holds other
/// content, keeping both; the next reply to `path` is lost. Returns the root's file names.
async fn keep_both_with_a_lost_reply(path: &str, name: &str, bytes: &[u8]) -> (Env, Vec<String>) {
    let env = Env::with(|k| {
        k.lose_replies_to = path.to_owned();
        k.lost_replies = 1;
    })
    .await;
    env.mock.put_file(0, name, b"old").await.unwrap();
    std::fs::write(env.path(name), bytes).unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let spec = upload_spec(vec![env.path(name)], 0, ConflictPolicy::KeepBoth, false);
    let totals = events.batch_done(scheduler.submit(spec)).await;
    assert_eq!((totals.ok, totals.failed), (1, 0), "{:#?}", events.log);
    assert_eq!(env.mock.stats().lost_replies, 1);
    let mut names: Vec<String> = env
        .mock
        .children(0)
        .into_iter()
        .filter(|e| !e.trashed)
        .map(|e| e.name)
        .collect();
    names.sort();
    (env, names)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_step_upload_whose_answer_was_lost_is_not_stored_twice() {
    let (env, names) =
        keep_both_with_a_lost_reply("/upload/v2/file/single/create", "a.txt", b"new").await;
    assert_eq!(names, ["a(1).txt", "a.txt"]);
    assert_eq!(
        env.mock.stats().calls_to("/upload/v2/file/single/create"),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instant_upload_whose_answer_was_lost_is_not_stored_twice() {
    let bytes = content(9_000, 3);
    let env_bytes = bytes.clone();
    let (env, names) = {
        // The drive already has this content elsewhere: `create` stores it at once.
        let path = "/upload/v2/file/create";
        let env = Env::with(|k| {
            k.lose_replies_to = path.to_owned();
            k.lost_replies = 1;
        })
        .await;
        let elsewhere = env.mock.put_dir(0, "elsewhere").unwrap();
        env.mock
            .put_file(elsewhere, "same.bin", &env_bytes)
            .await
            .unwrap();
        env.mock.put_file(0, "b.bin", b"old").await.unwrap();
        std::fs::write(env.path("b.bin"), &bytes).unwrap();
        let (scheduler, mut events) = env.start(cfg());
        let spec = upload_spec(vec![env.path("b.bin")], 0, ConflictPolicy::KeepBoth, false);
        let totals = events.batch_done(scheduler.submit(spec)).await;
        assert_eq!((totals.ok, totals.failed), (1, 0), "{:#?}", events.log);
        let mut names: Vec<String> = env
            .mock
            .children(0)
            .into_iter()
            .filter(|e| !e.trashed && !e.is_dir)
            .map(|e| e.name)
            .collect();
        names.sort();
        (env, names)
    };
    assert_eq!(names, ["b(1).bin", "b.bin"]);
    let stats = env.mock.stats();
    assert_eq!(
        (stats.lost_replies, stats.calls_to("/upload/v2/file/create")),
        (1, 1)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_create_that_opened_only_a_session_is_sent_again() {
    let bytes = content(9_000, 4);
    let (env, names) = keep_both_with_a_lost_reply("/upload/v2/file/create", "c.bin", &bytes).await;
    assert_eq!(names, ["c(1).bin", "c.bin"]);
    let id = env.mock.id_of("/c(1).bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);
    assert_eq!(env.mock.stats().calls_to("/upload/v2/file/create"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_whose_mkdir_answer_was_lost_is_taken_not_made_again() {
    let env = Env::with(|k| {
        k.lose_replies_to = "/upload/v1/file/mkdir".to_owned();
        k.lost_replies = 1;
    })
    .await;
    std::fs::create_dir_all(env.path("src/sub")).unwrap();
    std::fs::write(env.path("src/sub/f.txt"), b"f").unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let spec = upload_spec(vec![env.path("src")], 0, ConflictPolicy::Ask, false);
    let totals = events.batch_done(scheduler.submit(spec)).await;
    assert_eq!((totals.ok, totals.failed), (1, 0), "{:#?}", events.log);
    let stats = env.mock.stats();
    assert_eq!(stats.lost_replies, 1);
    assert_eq!(
        stats.calls_to("/upload/v1/file/mkdir"),
        2,
        "src once, src/sub once"
    );
    assert!(env.mock.id_of("/src/sub/f.txt").is_some());
}

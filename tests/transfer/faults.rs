//! Bad servers: random gateway errors, connections dropped mid-slice and mid-download (behind a
//! redirecting download URL), slow verification, a 429 burst. Every file still arrives intact and nothing partial is left
//! under a final name.

use std::time::Duration;

use panfm::transfer::ConflictPolicy;

use crate::common::{
    Env, Tree, assert_no_parts, cfg, content, download_spec, read_tree, upload_spec, write_tree,
};
use crate::roundtrip::{files_in, sample_tree};

async fn up_and_back(env: &Env, cfg: panfm::transfer::TransferConfig, tree: &Tree) {
    write_tree(&env.path("src"), tree);
    let (scheduler, mut events) = env.start(cfg);
    let up = scheduler.submit(upload_spec(
        vec![env.path("src")],
        0,
        ConflictPolicy::Ask,
        false,
    ));
    let totals = events.batch_done(up).await;
    assert_eq!(
        (totals.ok, totals.failed),
        (files_in(tree), 0),
        "{:#?}",
        events.log
    );
    assert_eq!(&env.cloud_tree("/src").await, tree);
    let down = scheduler.submit(download_spec(
        vec![env.item(env.mock.id_of("/src").unwrap())],
        env.path("back"),
        ConflictPolicy::Ask,
    ));
    let totals = events.batch_done(down).await;
    assert_eq!(
        (totals.ok, totals.failed),
        (files_in(tree), 0),
        "{:#?}",
        events.log
    );
    assert_eq!(&read_tree(&env.path("back/src")), tree);
    assert_no_parts(&env.path("back"));
    scheduler.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_errors_dropped_connections_and_slow_checks_lose_nothing() {
    let env = Env::with(|k| {
        k.error_rate = 0.15;
        k.drop_rate = 0.2;
        k.complete_pending_polls = 4;
        k.download_redirect = true;
        k.rng_seed = Some(7);
    })
    .await;
    let mut tree = sample_tree();
    for i in 0..6u8 {
        let len = 3000 + 4000 * usize::from(i);
        tree.insert(format!("more/f{i}.bin"), Some(content(len, i)));
    }
    tree.insert("more".into(), None);
    let mut cfg = cfg();
    cfg.job_attempts = 12;
    up_and_back(&env, cfg, &tree).await;
    let stats = env.mock.stats();
    assert!(stats.injected_errors > 0 && stats.dropped > 0, "{stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_burst_of_small_files_is_waited_out() {
    let env = Env::with(|k| k.qps_limits = true).await;
    let mut tree = Tree::new();
    for d in 0..7u8 {
        tree.insert(format!("d{d}"), None);
        for f in 0..3u8 {
            let len = 100 + 700 * usize::from(f);
            tree.insert(format!("d{d}/f{f}.txt"), Some(content(len, d * 3 + f)));
        }
    }
    let mut cfg = cfg();
    cfg.job_attempts = 40;
    cfg.retry_delay = Duration::from_millis(20);
    cfg.retry_max_delay = Duration::from_millis(300);
    up_and_back(&env, cfg, &tree).await;
    assert!(env.mock.stats().throttled > 0, "{:?}", env.mock.stats());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_download_link_is_replaced() {
    let env = Env::with(|k| k.download_url_ttl = Duration::ZERO).await;
    let bytes = content(50_000, 8);
    let id = env.mock.put_file(0, "l.bin", &bytes).await.unwrap();
    let (scheduler, mut events) = env.start(crate::common::cfg());
    let batch = scheduler.submit(download_spec(
        vec![env.item(id)],
        env.path("down"),
        ConflictPolicy::Ask,
    ));
    // Every link is expired on arrival: the job asks for fresh ones, then retries.
    let retry = events
        .until("a retry", |e| {
            matches!(e, panfm::transfer::TransferEvent::Retrying { .. })
        })
        .await;
    assert!(format!("{retry:?}").contains("expired"), "{retry:?}");
    assert!(env.mock.stats().calls_to("/api/v1/file/download_info") >= 4);
    env.mock
        .set_knobs(|k| k.download_url_ttl = Duration::from_secs(3600));
    assert_eq!(events.batch_done(batch).await.ok, 1);
    assert_eq!(std::fs::read(env.path("down/l.bin")).unwrap(), bytes);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cdn_refusal_sent_with_http_200_gets_a_fresh_link_not_a_json_file() {
    let env = Env::with(|k| k.cdn_refusals = 2).await;
    let bytes = content(30_000, 9);
    let id = env.mock.put_file(0, "c.bin", &bytes).await.unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let batch = scheduler.submit(download_spec(
        vec![env.item(id)],
        env.path("down"),
        ConflictPolicy::Ask,
    ));
    assert_eq!(events.batch_done(batch).await.ok, 1);
    assert_eq!(std::fs::read(env.path("down/c.bin")).unwrap(), bytes);
    let stats = env.mock.stats();
    assert_eq!(stats.cdn_refusals, 2);
    assert_eq!(
        stats.calls_to("/api/v1/file/download_info"),
        3,
        "two refused links"
    );
    assert_no_parts(&env.path("down"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_fails_that_file_keeps_its_part_and_the_rest_goes_on() {
    let env = Env::new().await;
    let big = content(60_000, 10);
    let small = content(3_000, 11);
    let big_id = env.mock.put_file(0, "big.bin", &big).await.unwrap();
    let small_id = env.mock.put_file(0, "small.bin", &small).await.unwrap();
    let mut c = cfg();
    c.disk_fault = Some(panfm::transfer::DiskFault {
        error: panfm::transfer::DiskError::Full,
        after: 20_000,
    });
    c.workers = 1;
    let (scheduler, mut events) = env.start(c);
    let batch = scheduler.submit(download_spec(
        vec![env.item(big_id), env.item(small_id)],
        env.path("down"),
        ConflictPolicy::Ask,
    ));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (1, 1), "{:#?}", events.log);
    let job = events.job_named("big.bin");
    let Some(panfm::transfer::JobState::Failed { reason }) = events.last_state(job.id) else {
        panic!("{:#?}", events.log)
    };
    assert!(reason.contains("no space left on device"), "{reason}");
    assert!(
        reason.contains("more needed") && reason.contains("part file is kept"),
        "{reason}"
    );
    assert_eq!(std::fs::read(env.path("down/small.bin")).unwrap(), small);
    assert!(
        !env.path("down/big.bin").exists(),
        "nothing under the final name"
    );
    let parts: Vec<_> = std::fs::read_dir(env.path("down"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".panfm-part"))
        .collect();
    assert_eq!(parts.len(), 1, "{parts:?}");
    let kept = std::fs::read(env.path("down").join(&parts[0])).unwrap();
    assert!(
        kept.len() <= 20_000 && big.starts_with(&kept),
        "a true prefix is kept"
    );
}

/// A file that changes while its slices go up: the first slice read after the change no longer
/// matches the MD5 hashed before, and the server refuses it ("分片MD5校验失败"). The job says
/// that the file changed and that running it again sends the new content — which a retry does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_that_changes_mid_upload_says_so_and_a_retry_sends_the_new_content() {
    use panfm::transfer::{JobState, TransferConfig, TransferEvent};
    let env = Env::with(|k| k.slice_hold = Some(1)).await;
    let path = env.path("live.bin");
    let len = 8 * crate::common::SLICE as usize;
    std::fs::write(&path, content(len, 1)).unwrap();
    let cfg = TransferConfig {
        slice_parallelism: 1,
        ..cfg()
    };
    let (scheduler, mut events) = env.start(cfg);
    let spec = upload_spec(vec![path.clone()], 0, ConflictPolicy::Ask, false);
    let batch = scheduler.submit(spec);
    events
        .until("the job", |e| matches!(e, TransferEvent::Added { .. }))
        .await;
    let job = events.jobs()[0].id;
    // The first slice is in; the second waits at the server, read before the change.
    while env.mock.stats().calls_to("/upload/v2/file/slice") < 2 {
        tokio::task::yield_now().await;
    }
    let new = content(len, 2);
    std::fs::write(&path, &new).unwrap();
    let when = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
    env.mock.set_knobs(|k| k.slice_hold = None);
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (0, 1), "{:#?}", events.log);
    let Some(JobState::Failed { reason }) = events.last_state(job) else {
        panic!("{:#?}", events.log)
    };
    assert_eq!(
        reason,
        "the file changed during the upload (its size or modification time moved); run it \
         again to send the new content"
    );
    assert!(env.mock.id_of("/live.bin").is_none());

    assert!(scheduler.retry(job));
    events
        .state(job, |s| matches!(s, JobState::Done { .. }))
        .await;
    let id = env.mock.id_of("/live.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), new);
    scheduler.shutdown().await.unwrap();
}

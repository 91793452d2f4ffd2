//! Job controls: cancel and pause mid-file, resume, retry a failed job, cancel a batch.

use std::time::Duration;

use panfm::transfer::{ConflictPolicy, JobState, TransferEvent, TransferSpec};

use crate::common::{Env, SLICE, cfg, content, download_spec, upload_spec};

pub fn upload(env: &Env, names: &[&str]) -> TransferSpec {
    upload_spec(
        names.iter().map(|n| env.path(n)).collect(),
        0,
        ConflictPolicy::Ask,
        false,
    )
}

pub async fn cloud_file_spec(env: &Env, name: &str, bytes: &[u8]) -> TransferSpec {
    let id = env.mock.put_file(0, name, bytes).await.unwrap();
    download_spec(vec![env.item(id)], env.path("down"), ConflictPolicy::Ask)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_stops_an_upload_and_a_download_mid_file() {
    let env = Env::with(|k| k.latency = Duration::from_millis(15)).await;
    std::fs::write(env.path("big.bin"), content(40 * SLICE as usize, 1)).unwrap();
    let mut cfg = cfg();
    cfg.slice_parallelism = 1;
    cfg.max_bytes_per_sec = Some(400 << 10);
    let (scheduler, mut events) = env.start(cfg);
    scheduler.submit(upload(&env, &["big.bin"]));
    let job = events.moving("upload progress").await;
    assert!(scheduler.cancel(job));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Cancelled
    );
    assert_eq!(env.mock.id_of("/big.bin"), None);
    assert_eq!(
        env.mock.stats().calls_to("/upload/v2/file/upload_complete"),
        0
    );

    let spec = cloud_file_spec(&env, "cloud.bin", &content(200 << 10, 2)).await;
    scheduler.submit(spec);
    let job = events.moving("download progress").await;
    assert!(scheduler.cancel(job));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Cancelled
    );
    let left: Vec<_> = std::fs::read_dir(env.path("down")).unwrap().collect();
    assert!(left.is_empty(), "nothing left behind: {left:?}");
    assert!(!scheduler.cancel(job), "already cancelled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_keeps_what_was_done_and_resume_continues() {
    let env = Env::with(|k| k.latency = Duration::from_millis(10)).await;
    let up_bytes = content(30 * SLICE as usize, 3);
    std::fs::write(env.path("up.bin"), &up_bytes).unwrap();
    let mut cfg = cfg();
    cfg.slice_parallelism = 1;
    cfg.max_bytes_per_sec = Some(256 << 10);
    let (scheduler, mut events) = env.start(cfg);

    scheduler.submit(upload(&env, &["up.bin"]));
    let job = events.moving("upload progress").await;
    assert!(scheduler.pause(job));
    assert_eq!(
        events.state(job, |s| !s.is_active()).await,
        JobState::Paused
    );
    let paused_at = *events.progress(job).last().unwrap();
    assert!(scheduler.resume(job));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Done { reused: false }
    );
    let after: Vec<u64> = events
        .progress(job)
        .into_iter()
        .skip_while(|&p| p != paused_at)
        .collect();
    assert!(
        after.iter().skip(1).all(|&p| p >= paused_at),
        "resumed, not restarted: {after:?}"
    );
    let stats = env.mock.stats();
    assert_eq!(
        stats.calls_to("/upload/v2/file/create"),
        1,
        "the session was kept"
    );
    assert!(stats.calls_to("/upload/v2/file/slice") <= 31, "{stats:?}");
    let id = env.mock.id_of("/up.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), up_bytes);

    let down_bytes = content(300 << 10, 4);
    scheduler.submit(cloud_file_spec(&env, "down.bin", &down_bytes).await);
    let job = events.moving("download progress").await;
    assert!(scheduler.pause(job));
    assert_eq!(
        events.state(job, |s| !s.is_active()).await,
        JobState::Paused
    );
    let part = std::fs::read_dir(env.path("down"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let kept = part.metadata().unwrap().len();
    assert!(kept > 0 && part.file_name().to_string_lossy().ends_with(".panfm-part"));
    assert!(scheduler.resume(job));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Done { reused: false }
    );
    let first_after = events
        .log
        .iter()
        .rev()
        .filter_map(|e| match e {
            TransferEvent::Hashed { job: j, bytes } if *j == job => Some(*bytes),
            _ => None,
        })
        .next();
    assert_eq!(
        first_after,
        Some(kept),
        "the kept part was re-read, not downloaded again"
    );
    assert_eq!(
        std::fs::read(env.path("down/down.bin")).unwrap(),
        down_bytes
    );
    crate::common::assert_no_parts(&env.path("down"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_job_keeps_its_reason_and_can_be_retried() {
    let env = Env::new().await;
    let spec = cloud_file_spec(&env, "r.bin", &content(5000, 5)).await;
    let mut cfg = cfg();
    cfg.job_attempts = 3;
    let (scheduler, mut events) = env.start(cfg);
    env.mock.set_knobs(|k| k.error_rate = 1.0);
    let batch = scheduler.submit(spec);
    assert_eq!(events.batch_done(batch).await.failed, 1);
    let job = events.job_named("r.bin").id;
    let Some(JobState::Failed { reason }) = events.last_state(job) else {
        panic!("{:#?}", events.log)
    };
    assert!(
        reason.contains("HTTP 5") || reason.contains("temporary"),
        "{reason}"
    );
    let retries = events
        .log
        .iter()
        .filter(|e| matches!(e, TransferEvent::Retrying { job: j, .. } if *j == job))
        .count();
    assert_eq!(retries, 2, "bounded: 3 attempts");
    let info = scheduler
        .snapshot()
        .jobs
        .into_iter()
        .find(|j| j.id == job)
        .unwrap();
    assert_eq!(info.attempt, 3);

    env.mock.set_knobs(|k| k.error_rate = 0.0);
    assert!(scheduler.retry(job));
    assert_eq!(events.batch_done(batch).await.ok, 1);
    assert_eq!(
        std::fs::read(env.path("down/r.bin")).unwrap(),
        content(5000, 5)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_batch_cancels_all_its_jobs() {
    let env = Env::with(|k| k.latency = Duration::from_millis(20)).await;
    for i in 0..5 {
        std::fs::write(env.path(&format!("c{i}.bin")), content(5000, i)).unwrap();
    }
    let mut cfg = cfg();
    cfg.workers = 1;
    let (scheduler, mut events) = env.start(cfg);
    let names = ["c0.bin", "c1.bin", "c2.bin", "c3.bin", "c4.bin"];
    let batch = scheduler.submit(upload(&env, &names));
    events
        .until(
            "the last job",
            |e| matches!(e, TransferEvent::Added { job } if job.name == "c4.bin"),
        )
        .await;
    scheduler.cancel_batch(batch);
    let totals = events.batch_done(batch).await;
    assert_eq!(totals.cancelled + totals.ok, 5);
    assert!(totals.cancelled >= 4, "{}", totals.cancelled);
}

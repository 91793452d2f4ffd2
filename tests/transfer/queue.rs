//! The queue: never more jobs at once than workers, reordering and forgetting jobs, progress
//! pacing.

use std::time::{Duration, Instant};

use panfm::transfer::{JobId, JobState, TransferEvent};

use crate::common::{Env, SLICE, cfg, content};
use crate::control::{cloud_file_spec, upload};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn never_more_jobs_at_once_than_workers() {
    let env = Env::with(|k| k.latency = Duration::from_millis(10)).await;
    let names: Vec<String> = (0..8).map(|i| format!("w{i}.bin")).collect();
    for (i, n) in names.iter().enumerate() {
        std::fs::write(env.path(n), content(3 * SLICE as usize, i as u8)).unwrap();
    }
    let mut cfg = cfg();
    cfg.workers = 2;
    let (scheduler, mut events) = env.start(cfg);
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let batch = scheduler.submit(upload(&env, &refs));
    assert_eq!(events.batch_done(batch).await.ok, 8);
    let mut active = std::collections::HashSet::new();
    let mut most = 0;
    for e in &events.log {
        if let TransferEvent::State { job, state } = e {
            match state.is_active() {
                true => active.insert(*job),
                false => active.remove(job),
            };
            most = most.max(active.len());
        }
    }
    assert_eq!(most, 2);
}

/// A current-thread runtime: the controls below run back to back before any worker moves.
#[tokio::test]
async fn reorder_and_forget() {
    let env = Env::with(|k| k.latency = Duration::from_millis(20)).await;
    for i in 1..=4 {
        std::fs::write(env.path(&format!("q{i}.txt")), content(10, i)).unwrap();
    }
    let mut cfg = cfg();
    cfg.workers = 1;
    let (scheduler, mut events) = env.start(cfg);
    let batch = scheduler.submit(upload(&env, &["q1.txt", "q2.txt", "q3.txt", "q4.txt"]));
    events
        .until(
            "four jobs",
            |e| matches!(e, TransferEvent::Added { job } if job.name == "q4.txt"),
        )
        .await;
    let ids: Vec<JobId> = events.jobs().iter().map(|j| j.id).collect();
    for &id in &ids {
        assert!(scheduler.pause(id));
    }
    events.state(ids[0], |s| *s == JobState::Paused).await;
    for _ in 0..3 {
        assert!(scheduler.move_up(ids[3]));
    }
    assert!(!scheduler.move_up(ids[3]), "already first");
    assert!(scheduler.move_down(ids[0]));
    let order: Vec<JobId> = scheduler.snapshot().jobs.iter().map(|j| j.id).collect();
    assert_eq!(order, [ids[3], ids[1], ids[0], ids[2]]);
    for &id in &ids {
        assert!(scheduler.resume(id));
    }
    assert_eq!(events.batch_done(batch).await.ok, 4);
    let paused = events
        .log
        .iter()
        .position(|e| matches!(e, TransferEvent::State { job, state: JobState::Paused } if *job == ids[0]))
        .unwrap();
    let runs: Vec<JobId> = events.log[paused..]
        .iter()
        .filter_map(|e| match e {
            TransferEvent::State {
                job,
                state: JobState::Hashing,
            } => Some(*job),
            _ => None,
        })
        .collect();
    assert_eq!(runs, order, "started in queue order");

    assert!(scheduler.active_jobs().is_empty());
    scheduler.clear_finished();
    let removed = events
        .until("removal", |e| matches!(e, TransferEvent::Removed { .. }))
        .await;
    assert!(matches!(removed, TransferEvent::Removed { jobs } if jobs.len() == 4));
    assert!(scheduler.snapshot().jobs.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_is_paced_monotonic_and_ends_at_the_size() {
    let env = Env::new().await;
    let bytes = content(400 << 10, 6);
    let mut cfg = cfg();
    cfg.progress_interval = Duration::from_millis(100);
    cfg.max_bytes_per_sec = Some(1 << 20);
    let (scheduler, mut events) = env.start(cfg);
    let begun = Instant::now();
    let batch = scheduler.submit(cloud_file_spec(&env, "p.bin", &bytes).await);
    events.batch_done(batch).await;
    let elapsed = begun.elapsed();
    let job = events.job_named("p.bin").id;
    let progress = events.progress(job);
    assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
    assert_eq!(progress.last(), Some(&(400 << 10)));
    let allowed = (elapsed.as_millis() / 100) as usize + 3;
    assert!(
        progress.len() >= 3 && progress.len() <= allowed,
        "{} events in {elapsed:?}",
        progress.len()
    );
}

//! One process runs the saved queue: the owner holds its lock in the state directory; a second
//! owner of the same directory is refused and runs an in-memory queue that never touches the
//! state file; once the owner is gone the next one restores the queue.

use panfm::transfer::{
    ConflictPolicy, JobState, QueueLock, TransferConfig, TransferErrorKind, TransferEvent,
};

use crate::common::{Env, SLICE, cfg, content, upload_spec};

fn saved(env: &Env) -> TransferConfig {
    TransferConfig {
        state_file: Some(env.path("state/queue.json")),
        ..cfg()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_owner_of_the_state_dir_keeps_its_queue_in_memory() {
    let env = Env::new().await;
    let lock_path = env.path("state/queue.lock");
    std::fs::write(env.path("big.bin"), content(40 * SLICE as usize, 1)).unwrap();
    std::fs::write(env.path("small.bin"), content(100, 2)).unwrap();
    let upload = |name: &str| upload_spec(vec![env.path(name)], 0, ConflictPolicy::Ask, false);

    // A large upload started and stopped: the saved queue holds it, paused.
    let first = QueueLock::acquire(&lock_path).unwrap();
    let (owner, mut events) = env.start(TransferConfig {
        max_bytes_per_sec: Some(SLICE),
        ..saved(&env)
    });
    owner.submit(upload("big.bin"));
    let added = |e: &TransferEvent| matches!(e, TransferEvent::Added { .. });
    let TransferEvent::Added { job } = events.until("the job", added).await else {
        unreachable!()
    };
    owner.pause(job.id);
    events.state(job.id, |s| *s == JobState::Paused).await;
    owner.shutdown().await.unwrap();
    drop(first);

    // Two sessions on the same directory: the one with the lock resumes the queue ...
    let lock = QueueLock::acquire(&lock_path).unwrap();
    let (resumed, _events) = env.start(saved(&env));
    assert_eq!(resumed.snapshot().jobs.len(), 1);
    // ... the other one can't take it, and runs without it.
    let busy = QueueLock::acquire(&lock_path).unwrap_err();
    assert_eq!(busy.kind, TransferErrorKind::Busy);
    let (other, mut other_events) = env.start(cfg());
    assert!(
        other.snapshot().jobs.is_empty(),
        "the saved job is not run twice"
    );
    let batch = other.submit(upload("small.bin"));
    assert_eq!(other_events.batch_done(batch).await.ok, 1);
    other.shutdown().await.unwrap();
    // The owner may still be saving its own replanned batch; the other session's never lands.
    let saved_queue = std::fs::read_to_string(env.path("state/queue.json")).unwrap();
    assert!(!saved_queue.contains("small.bin"), "{saved_queue}");

    // The owner leaves; the next session owns the queue, still holding the paused job.
    resumed.shutdown().await.unwrap();
    drop(lock);
    let _next = QueueLock::acquire(&lock_path).unwrap();
    let (next, _events) = env.start(saved(&env));
    let jobs = next.snapshot().jobs;
    assert_eq!((jobs.len(), &jobs[0].state), (1, &JobState::Paused));
}

/// The room check as the TUI queue sees it: the refused job's row says why, with the numbers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_without_room_fail_with_the_numbers_and_the_rest_go_up() {
    let env = Env::with(|k| k.quota = 10 * SLICE).await;
    std::fs::write(env.path("a.bin"), content(6 * SLICE as usize, 1)).unwrap();
    std::fs::write(env.path("b.bin"), content(6 * SLICE as usize, 2)).unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let spec = upload_spec(
        vec![env.path("a.bin"), env.path("b.bin")],
        0,
        ConflictPolicy::Ask,
        false,
    );
    let batch = scheduler.submit(spec);
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (1, 1));
    let no_room = events.log.iter().find_map(|e| match e {
        TransferEvent::NoRoom {
            files, bytes, free, ..
        } => Some((*files, *bytes, *free)),
        _ => None,
    });
    assert_eq!(no_room, Some((1, 6 * SLICE, 10 * SLICE)));
    let b = events.job_named("b.bin");
    assert_eq!(
        b.state,
        JobState::Failed {
            reason: "no room in the cloud: 24.00 KiB to upload, 16.00 KiB free".into()
        }
    );
    assert_eq!(
        env.mock.stats().upload_bytes,
        6 * SLICE,
        "b.bin sent nothing"
    );
}

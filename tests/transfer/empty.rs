//! Empty files where the drive refuses them: the job fails with a reason a user understands,
//! is not retried, the other files of the batch go up, and once the server has refused one
//! empty file the others are refused without asking it.

use panfm::transfer::{ConflictPolicy, JobState, TransferConfig, TransferEvent};

use crate::common::{Env, cfg, upload_spec};

const REASON: &str = "the drive does not accept empty (0-byte) files";

fn one_worker() -> TransferConfig {
    TransferConfig {
        workers: 1,
        ..cfg()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_empty_files_fail_with_a_clear_reason_and_the_batch_goes_on() {
    let env = Env::with(|k| k.refuse_empty_files = true).await;
    let src = env.path("src");
    std::fs::create_dir_all(&src).unwrap();
    for name in ["empty-1.txt", "empty-2.txt"] {
        std::fs::write(src.join(name), b"").unwrap();
    }
    std::fs::write(src.join("full.txt"), b"some bytes").unwrap();
    let (scheduler, mut events) = env.start(one_worker());
    let spec = upload_spec(vec![src], 0, ConflictPolicy::Ask, false);
    let totals = events.batch_done(scheduler.submit(spec)).await;
    assert_eq!((totals.ok, totals.failed), (1, 2));
    for name in ["empty-1.txt", "empty-2.txt"] {
        let job = events.job_named(name);
        let Some(JobState::Failed { reason }) = events.last_state(job.id) else {
            panic!("{name}: {:#?}", events.log)
        };
        assert!(reason.starts_with(REASON), "{reason}");
    }
    let retried = events
        .log
        .iter()
        .any(|e| matches!(e, TransferEvent::Retrying { .. }));
    assert!(!retried, "a refusal is not retried: {:#?}", events.log);
    assert_eq!(
        env.mock.stats().calls_to("/upload/v2/file/single/create"),
        2,
        "full.txt and the first empty file; the second is refused without a request"
    );
    assert!(env.mock.id_of("/src/full.txt").is_some());
    assert!(env.mock.id_of("/src/empty-1.txt").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_files_go_up_where_the_drive_takes_them() {
    let env = Env::new().await;
    std::fs::write(env.path("empty.txt"), b"").unwrap();
    let (scheduler, mut events) = env.start(one_worker());
    let spec = upload_spec(vec![env.path("empty.txt")], 0, ConflictPolicy::Ask, false);
    let totals = events.batch_done(scheduler.submit(spec)).await;
    assert_eq!((totals.ok, totals.failed), (1, 0));
    let id = env.mock.id_of("/empty.txt").unwrap();
    assert_eq!(env.mock.entry(id).unwrap().size, 0);
}

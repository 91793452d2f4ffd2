//! Offline downloads on the transfer engine: one job per URL, the server's progress reported
//! over several polls, a failed task keeping the server's reason, the landing folder told as
//! `Created` before `Done`, tasks asked about again (not created again) after a restart, and
//! no worker held while the drive fetches.

use std::time::Duration;

use panfm::transfer::{
    ConflictPolicy, Direction, JobState, TransferConfig, TransferEvent, TransferSpec,
};

use crate::common::{Env, cfg, content, upload_spec, write_tree};
use crate::web::{Web, dead_url};

const CREATE: &str = "/api/v1/offline/download";

fn fast() -> TransferConfig {
    TransferConfig {
        offline_poll: Duration::from_millis(5),
        offline_poll_max: Duration::from_millis(20),
        ..cfg()
    }
}

fn spec(urls: Vec<String>, dest: Option<i64>, dest_path: &str) -> TransferSpec {
    TransferSpec::Offline {
        urls,
        dest_dir: dest,
        dest_path: dest_path.to_owned(),
        name: None,
    }
}

#[tokio::test]
async fn each_url_is_a_job_that_ends_as_the_server_says() {
    let bytes = content(70_000, 3);
    let web = Web::serve(&[("iso/small.iso", bytes.clone())]);
    let env = Env::with(|k| k.offline_pending_polls = 3).await;
    let dir = env.mock.put_dir(0, "下载").unwrap();
    let (scheduler, mut events) = env.start(fast());
    let urls = vec![web.url("iso/small.iso"), web.url("missing.iso")];
    let batch = scheduler.submit(spec(urls, Some(dir), "/下载"));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (1, 1));

    let jobs = events.jobs();
    assert!(jobs.iter().all(|j| j.direction == Direction::Offline));
    let good = events.job_named("small.iso");
    assert_eq!(good.target, "/下载/small.iso");
    assert_eq!(good.source, web.url("iso/small.iso"));
    let percents: Vec<u8> = events
        .log
        .iter()
        .filter_map(|e| match e {
            TransferEvent::Fetching { job, task } if *job == good.id => Some(task.percent),
            _ => None,
        })
        .collect();
    assert_eq!(
        percents,
        [0, 33, 67, 100],
        "one per change the server reported"
    );
    let created = events.log.iter().position(
        |e| matches!(e, TransferEvent::Created { parent, id: None, .. } if *parent == dir),
    );
    let done = events.log.iter().position(|e| {
        matches!(e, TransferEvent::State { job, state: JobState::Done { .. } } if *job == good.id)
    });
    assert!(
        created.unwrap() < done.unwrap(),
        "the folder is told before Done"
    );
    let id = env.mock.id_of("/下载/small.iso").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);

    let bad = events.job_named("missing.iso");
    match events.last_state(bad.id) {
        Some(JobState::Failed { reason }) => {
            assert!(reason.contains("404"), "the server's reason: {reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        env.mock.stats().calls_to(CREATE),
        2,
        "no automatic re-creation"
    );
}

#[tokio::test]
async fn the_default_folder_and_refused_urls() {
    let web = Web::serve(&[("a.bin", content(500, 1))]);
    let env = Env::with(|k| k.offline_pending_polls = 0).await;
    let (scheduler, mut events) = env.start(fast());
    let urls = vec![
        web.url("a.bin"),
        "ftp://example.invalid/x".to_owned(),
        dead_url(),
    ];
    let batch = scheduler.submit(spec(urls, None, "/来自:离线下载"));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (1, 2));
    let folder = env.mock.id_of("/来自:离线下载").unwrap();
    let made: Vec<(i64, Option<i64>)> = events
        .log
        .iter()
        .filter_map(|e| match e {
            TransferEvent::Created { parent, id, .. } => Some((*parent, *id)),
            _ => None,
        })
        .collect();
    assert_eq!(made, [(0, Some(folder)), (folder, None)]);
    let refused = events.job_named("x");
    assert!(refused.refused);
    let unreachable = events.job_named("gone.bin");
    match events.last_state(unreachable.id) {
        Some(JobState::Failed { reason }) => assert!(reason.contains("无法连接"), "{reason}"),
        other => panic!("{other:?}"),
    }
    let sent = env.mock.stats().calls_to(CREATE);
    assert_eq!(sent, 2, "the ftp URL never went out");
}

#[tokio::test]
async fn a_restored_job_asks_about_its_task_instead_of_creating_another() {
    let web = Web::serve(&[("big.bin", content(10_000, 4))]);
    // The task stays "running" until the second scheduler has asked a few times.
    let env = Env::with(|k| k.offline_pending_polls = 6).await;
    let state = env.path("state/queue.json");
    let with_state = TransferConfig {
        state_file: Some(state.clone()),
        offline_poll: Duration::from_millis(5),
        offline_poll_max: Duration::from_millis(5),
        ..cfg()
    };
    let (first, mut events) = env.start(with_state.clone());
    first.submit(spec(vec![web.url("big.bin")], None, "/来自:离线下载"));
    let task = events
        .until("the task to be created", |e| {
            matches!(e, TransferEvent::Fetching { .. })
        })
        .await;
    let TransferEvent::Fetching { task, .. } = task else {
        unreachable!()
    };
    first.shutdown().await.unwrap();
    drop(first);

    let (second, mut events) = env.start(with_state);
    let restored = second.snapshot();
    assert_eq!(restored.jobs.len(), 1);
    assert_eq!(restored.jobs[0].offline.map(|t| t.id), Some(task.id));
    let job = restored.jobs[0].id;
    events
        .state(job, |s| matches!(s, JobState::Done { .. }))
        .await;
    assert_eq!(env.mock.stats().calls_to(CREATE), 1);
    assert!(env.mock.id_of("/来自:离线下载/big.bin").is_some());
}

#[tokio::test]
async fn a_running_fetch_holds_no_worker() {
    let web = Web::serve(&[("slow.bin", content(100, 5))]);
    // Far more pending polls than the upload needs: the fetch is still "running" after it.
    let env = Env::with(|k| k.offline_pending_polls = 1_000_000).await;
    let (scheduler, mut events) = env.start(TransferConfig {
        workers: 1,
        ..fast()
    });
    let fetch = scheduler.submit(spec(vec![web.url("slow.bin")], None, "/来自:离线下载"));
    events
        .until("the fetch to run", |e| {
            matches!(e, TransferEvent::Fetching { .. })
        })
        .await;
    let local = env.path("up");
    write_tree(&local, &[("f.txt".to_owned(), Some(content(10, 1)))].into());
    let upload = scheduler.submit(upload_spec(
        vec![local.join("f.txt")],
        0,
        ConflictPolicy::Ask,
        false,
    ));
    assert_eq!(events.batch_done(upload).await.ok, 1);
    let info = scheduler.snapshot();
    let fetching = info.jobs.iter().find(|j| j.batch == fetch).unwrap();
    assert_eq!(
        fetching.state,
        JobState::Downloading,
        "still asking the drive"
    );
    // Cancelling only stops the asking.
    assert!(scheduler.cancel(fetching.id));
    events
        .state(fetching.id, |s| *s == JobState::Cancelled)
        .await;
}

//! Crashes and restarts: a scheduler killed mid-transfer (its runtime torn down without any
//! goodbye) leaves a state file from which the next scheduler finishes the work — uploads on
//! the same server session, downloads from the part file — and a clean shutdown does too.

use std::path::PathBuf;
use std::time::Duration;

use panfm::transfer::{
    ConflictPolicy, JobState, Scheduler, TransferConfig, TransferEvent, TransferSpec,
};

use crate::common::{
    Env, Events, SLICE, Tree, assert_no_parts, cfg, content, download_spec, read_tree, upload_spec,
    write_tree,
};

const SLICES: u64 = 40;

fn with_state(env: &Env) -> TransferConfig {
    TransferConfig {
        state_file: Some(env.path("state/queue.json")),
        slice_parallelism: 1,
        ..cfg()
    }
}

/// Sixteen slices a second: the kill lands long before the end, however busy the machine.
fn slow(env: &Env) -> TransferConfig {
    TransferConfig {
        max_bytes_per_sec: Some(16 * SLICE),
        ..with_state(env)
    }
}

/// Runs a scheduler on its own runtime until `until` matches an event, saves the state and
/// then kills the runtime with the scheduler still working.
async fn run_then_kill(
    env: &Env,
    cfg: TransferConfig,
    spec: TransferSpec,
    until: impl Fn(&TransferEvent) -> bool + Send + 'static,
) {
    let client = env.client();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (scheduler, rx) = Scheduler::new(client, cfg).unwrap();
            let mut events = Events::new(rx);
            scheduler.submit(spec);
            events.until("the kill point", until).await;
            scheduler.flush_state().await.unwrap();
            // No shutdown, no drop: the process "dies" with the transfer in flight.
            std::mem::forget(scheduler);
        });
        rt.shutdown_background();
        let _ = done_tx.send(());
    });
    done_rx.await.unwrap();
}

fn progress_at_least(bytes: u64) -> impl Fn(&TransferEvent) -> bool + Send + 'static {
    move |e| matches!(e, TransferEvent::Progress { done_bytes, .. } if *done_bytes >= bytes)
}

async fn finish_restored(env: &Env, cfg: TransferConfig) -> (Scheduler, Events) {
    let (scheduler, mut events) = env.start(cfg);
    events
        .until("the restored batch to finish", |e| {
            matches!(e, TransferEvent::BatchDone { .. })
        })
        .await;
    (scheduler, events)
}

fn slice_calls(env: &Env) -> u64 {
    env.mock.stats().calls_to("/upload/v2/file/slice")
}

fn upload(path: PathBuf) -> TransferSpec {
    upload_spec(vec![path], 0, ConflictPolicy::Ask, false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_upload_resumes_on_its_server_session() {
    let env = Env::new().await;
    let bytes = content((SLICES * SLICE) as usize, 1);
    std::fs::write(env.path("big.bin"), &bytes).unwrap();
    let spec = upload(env.path("big.bin"));
    run_then_kill(&env, slow(&env), spec, progress_at_least(10 * SLICE)).await;
    let before = slice_calls(&env);
    assert!(before < SLICES, "killed mid-way: {before}");

    finish_restored(&env, with_state(&env)).await;
    let id = env.mock.id_of("/big.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);
    let stats = env.mock.stats();
    assert_eq!(
        stats.calls_to("/upload/v2/file/create"),
        1,
        "the preuploadID was reused"
    );
    let after = slice_calls(&env) - before;
    assert!(
        after <= SLICES - 10,
        "{after} slices sent after the restart"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_session_starts_over() {
    let env = Env::new().await;
    let bytes = content((SLICES * SLICE) as usize, 2);
    std::fs::write(env.path("big.bin"), &bytes).unwrap();
    let spec = upload(env.path("big.bin"));
    run_then_kill(&env, slow(&env), spec, progress_at_least(5 * SLICE)).await;
    let state = env.path("state/queue.json");
    let mut saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    let session = &mut saved["jobs"][0]["resume"]["Upload"];
    assert!(session["preupload_id"].is_string(), "{saved:#}");
    session["preupload_id"] = "expired-long-ago".into();
    std::fs::write(&state, serde_json::to_vec(&saved).unwrap()).unwrap();

    finish_restored(&env, with_state(&env)).await;
    let id = env.mock.id_of("/big.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);
    assert_eq!(env.mock.stats().calls_to("/upload/v2/file/create"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_download_resumes_from_its_part() {
    let env = Env::new().await;
    let bytes = content(400 << 10, 3);
    let id = env.mock.put_file(0, "d.bin", &bytes).await.unwrap();
    let spec = download_spec(vec![env.item(id)], env.path("down"), ConflictPolicy::Ask);
    let paced = TransferConfig {
        max_bytes_per_sec: Some(400 << 10),
        ..with_state(&env)
    };
    run_then_kill(&env, paced, spec, progress_at_least(100 << 10)).await;
    assert!(!env.path("down/d.bin").exists());

    let (_scheduler, events) = finish_restored(&env, with_state(&env)).await;
    let job = events.job_named("d.bin").id;
    let reread = events.log.iter().find_map(|e| match e {
        TransferEvent::Hashed { job: j, bytes } if *j == job && *bytes > 0 => Some(*bytes),
        _ => None,
    });
    let first = events.progress(job).first().copied().unwrap();
    assert!(
        reread.is_some_and(|r| r >= 100 << 10 && first >= r),
        "{reread:?} {first}"
    );
    assert_eq!(std::fs::read(env.path("down/d.bin")).unwrap(), bytes);
    assert_no_parts(&env.path("down"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_killed_while_planning_is_planned_again_without_duplicates() {
    let env = Env::with(|k| k.latency = Duration::from_millis(25)).await;
    let mut tree = Tree::new();
    for d in 0..5u8 {
        tree.insert(format!("d{d}"), None);
        for f in 0..2u8 {
            tree.insert(format!("d{d}/f{f}.txt"), Some(content(200, d * 2 + f)));
        }
    }
    write_tree(&env.path("src"), &tree);
    let first_job = |e: &TransferEvent| matches!(e, TransferEvent::Added { .. });
    run_then_kill(&env, with_state(&env), upload(env.path("src")), first_job).await;
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.path("state/queue.json")).unwrap()).unwrap();
    assert_eq!(saved["batches"][0]["planning"], true, "{saved:#}");
    assert!(saved["jobs"].as_array().unwrap().len() < 10);

    let (scheduler, _events) = finish_restored(&env, with_state(&env)).await;
    assert_eq!(env.cloud_tree("/src").await, tree);
    let jobs = scheduler.snapshot().jobs;
    assert_eq!(jobs.len(), 10, "one job per file: {jobs:#?}");
    assert!(
        jobs.iter()
            .all(|j| j.state == JobState::Done { reused: false })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_leaves_a_queue_the_next_start_finishes() {
    let env = Env::new().await;
    let bytes = content((SLICES * SLICE) as usize, 4);
    std::fs::write(env.path("big.bin"), &bytes).unwrap();
    let (scheduler, mut events) = env.start(slow(&env));
    scheduler.submit(upload(env.path("big.bin")));
    events
        .until("some progress", progress_at_least(5 * SLICE))
        .await;
    assert_eq!(scheduler.active_jobs().len(), 1);
    scheduler.shutdown().await.unwrap();
    let saved = std::fs::read_to_string(env.path("state/queue.json")).unwrap();
    assert!(
        saved.contains("\"Queued\"") && saved.contains("preupload_id"),
        "{saved}"
    );
    drop(scheduler);

    let (scheduler, _) = finish_restored(&env, with_state(&env)).await;
    scheduler.shutdown().await.unwrap();
    let id = env.mock.id_of("/big.bin").unwrap();
    assert_eq!(env.mock.file_bytes(id).await.unwrap(), bytes);
    assert_eq!(env.mock.stats().calls_to("/upload/v2/file/create"), 1);
    assert_eq!(
        read_tree(&env.path("state")).len(),
        1,
        "only the state file"
    );
}

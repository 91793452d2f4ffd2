//! Local copies through the queue (no cloud account): a tree with its times, permissions and
//! links; conflict policies; cancel, pause and resume mid-file; a source that changes and a
//! full disk; a paused copy of an odd name kept across a restart. Downloads keep the cloud's
//! time.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use panfm::transfer::{
    ConflictPolicy, Direction, DiskError, DiskFault, JobState, Resolution, Scheduler,
    TransferConfig, TransferEvent, TransferSpec,
};

use crate::common::{
    Env, Events, Tree, assert_no_parts, cfg, content, download_spec, read_tree, write_tree,
};

fn start(cfg: TransferConfig) -> (Scheduler, Events) {
    let (scheduler, rx) = Scheduler::local_only(cfg).unwrap();
    (scheduler, Events::new(rx))
}

fn copy(sources: Vec<PathBuf>, dest: &Path, policy: ConflictPolicy) -> TransferSpec {
    TransferSpec::LocalCopy {
        sources,
        dest_dir: dest.to_owned(),
        policy,
    }
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::symlink_metadata(path).unwrap().modified().unwrap()
}

/// A year ago, to the second.
fn long_ago() -> SystemTime {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs - 365 * 86_400)
}

fn set_mtime(path: &Path, at: SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_times(std::fs::FileTimes::new().set_modified(at))
        .unwrap();
}

/// Rate-capped so a test can act on a job while it copies: 1 MiB chunks at 4 MiB/s.
fn slow() -> TransferConfig {
    TransferConfig {
        max_bytes_per_sec: Some(4 << 20),
        ..cfg()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tree_arrives_with_its_times_permissions_and_links() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let mut tree = Tree::new();
    tree.insert("照片".into(), None);
    tree.insert("照片/a.jpg".into(), Some(content(3 << 20, 1)));
    tree.insert("照片/空".into(), None);
    tree.insert("f2.txt".into(), Some(content(10, 2)));
    tree.insert("f10.txt".into(), Some(vec![]));
    write_tree(&src, &tree);
    let ago = long_ago();
    set_mtime(&src.join("照片/a.jpg"), ago);
    let script = src.join("f2.txt");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o750)).unwrap();
    std::os::unix::fs::symlink("f2.txt", src.join("link")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(src.join("sock")).unwrap();
    let dest = tmp.path().join("dest");

    let (scheduler, mut events) = start(cfg());
    let batch = scheduler.submit(copy(vec![src.clone()], &dest, ConflictPolicy::Ask));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed, totals.skipped), (4, 0, 1));

    let out = dest.join("src");
    let mut expected = tree.clone();
    expected.insert("link".into(), Some(content(10, 2)));
    assert_eq!(read_tree(&out), expected);
    assert_eq!(mtime(&out.join("照片/a.jpg")), ago, "the source's time");
    let mode = std::fs::metadata(out.join("f2.txt")).unwrap().permissions();
    assert_eq!(mode.mode() & 0o777, 0o750);
    assert_eq!(
        std::fs::read_link(out.join("link")).unwrap(),
        Path::new("f2.txt")
    );
    assert!(!out.join("sock").exists(), "special files are skipped");
    assert_no_parts(&dest);

    let big = events.job_named("a.jpg");
    assert_eq!(big.direction, Direction::Copy);
    assert_eq!(big.source, "src/照片/a.jpg");
    assert_eq!(big.target, out.join("照片/a.jpg").display().to_string());
    assert_eq!(events.progress(big.id).last(), Some(&(3 << 20)));
    let skipped = events.job_named("sock");
    assert!(
        matches!(events.last_state(skipped.id), Some(JobState::Skipped { reason }) if reason.contains("not a regular file"))
    );
    let order: Vec<String> = events.jobs().into_iter().map(|j| j.name).collect();
    assert_eq!(order[..3], ["f2.txt", "f10.txt", "link"], "natural order");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taken_names_follow_the_policy_and_ask_waits_for_an_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, dest) = (tmp.path().join("src"), tmp.path().join("dest"));
    for dir in [&src, &dest] {
        std::fs::create_dir(dir).unwrap();
    }
    std::fs::write(src.join("a.txt"), b"new").unwrap();
    std::fs::write(dest.join("a.txt"), b"old").unwrap();
    let source = vec![src.join("a.txt")];
    let (scheduler, mut events) = start(cfg());

    let batch = scheduler.submit(copy(source.clone(), &dest, ConflictPolicy::Skip));
    assert_eq!(events.batch_done(batch).await.skipped, 1);
    assert_eq!(std::fs::read(dest.join("a.txt")).unwrap(), b"old");

    let batch = scheduler.submit(copy(source.clone(), &dest, ConflictPolicy::KeepBoth));
    assert_eq!(events.batch_done(batch).await.ok, 1);
    assert_eq!(std::fs::read(dest.join("a (1).txt")).unwrap(), b"new");

    scheduler.submit(copy(source, &dest, ConflictPolicy::Ask));
    let (job, info) = events.conflict().await;
    assert_eq!((info.existing_size, info.new_size), (Some(3), 3));
    assert_eq!(info.target, dest.join("a.txt").display().to_string());
    assert_eq!(
        std::fs::read(dest.join("a.txt")).unwrap(),
        b"old",
        "nothing yet"
    );
    assert!(scheduler.resolve(job, Resolution::Overwrite, false));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Done { reused: false }
    );
    assert_eq!(std::fs::read(dest.join("a.txt")).unwrap(), b"new");
    assert_no_parts(&dest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_mid_file_leaves_nothing_and_pause_keeps_the_part_for_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, dest) = (tmp.path().join("big.bin"), tmp.path().join("dest"));
    let bytes = content(3 << 20, 4);
    std::fs::write(&src, &bytes).unwrap();
    let (scheduler, mut events) = start(slow());

    scheduler.submit(copy(vec![src.clone()], &dest, ConflictPolicy::Ask));
    let job = events.moving("copy progress").await;
    assert!(scheduler.cancel(job));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Cancelled
    );
    let left: Vec<_> = std::fs::read_dir(&dest).unwrap().collect();
    assert!(left.is_empty(), "no final file, no part: {left:?}");

    scheduler.submit(copy(vec![src.clone()], &dest, ConflictPolicy::Ask));
    let job = events.moving("copy progress").await;
    assert!(scheduler.pause(job));
    assert_eq!(
        events.state(job, |s| !s.is_active()).await,
        JobState::Paused
    );
    assert!(
        !dest.join("big.bin").exists(),
        "no final name before the end"
    );
    let parts: Vec<_> = std::fs::read_dir(&dest).unwrap().collect();
    assert_eq!(parts.len(), 1, "the part is kept");
    assert!(scheduler.resume(job));
    let resumed = events
        .until(
            "the copy to go on",
            |e| matches!(e, TransferEvent::Resumed { job: j, from } if *j == job && *from > 0),
        )
        .await;
    assert!(matches!(resumed, TransferEvent::Resumed { .. }));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Done { reused: false }
    );
    assert_eq!(std::fs::read(dest.join("big.bin")).unwrap(), bytes);
    assert_no_parts(&dest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_that_changes_or_a_full_disk_fails_without_a_final_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, dest) = (tmp.path().join("grows.log"), tmp.path().join("dest"));
    std::fs::write(&src, content(3 << 20, 5)).unwrap();
    let (scheduler, mut events) = start(slow());
    scheduler.submit(copy(vec![src.clone()], &dest, ConflictPolicy::Ask));
    let job = events.moving("copy progress").await;
    let mut more = std::fs::File::options().append(true).open(&src).unwrap();
    std::io::Write::write_all(&mut more, b"a late line").unwrap();
    let JobState::Failed { reason } = events.state(job, |s| s.is_finished()).await else {
        panic!("the copy must fail: {:#?}", events.log)
    };
    assert!(reason.contains("changed while it was copied"), "{reason}");
    let left: Vec<_> = std::fs::read_dir(&dest).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");

    let full = TransferConfig {
        disk_fault: Some(DiskFault {
            error: DiskError::Full,
            after: 1 << 20,
        }),
        ..cfg()
    };
    let (scheduler, mut events) = start(full);
    let batch = scheduler.submit(copy(vec![src], &dest, ConflictPolicy::Ask));
    assert_eq!(events.batch_done(batch).await.failed, 1);
    let job = events.job_named("grows.log");
    let Some(JobState::Failed { reason }) = events.last_state(job.id) else {
        panic!()
    };
    assert!(reason.contains("no space left"), "{reason}");
    assert!(!dest.join("grows.log").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_copy_of_any_name_comes_back_after_a_restart() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.bin");
    let (src, dest) = (tmp.path().join(name), tmp.path().join("dest"));
    let bytes = content(3 << 20, 6);
    std::fs::write(&src, &bytes).unwrap();
    let saved = TransferConfig {
        state_file: Some(tmp.path().join("queue.json")),
        ..slow()
    };
    let (scheduler, mut events) = start(saved.clone());
    scheduler.submit(copy(vec![src], &dest, ConflictPolicy::Ask));
    let job = events.moving("copy progress").await;
    assert!(scheduler.pause(job));
    events.state(job, |s| *s == JobState::Paused).await;
    scheduler.shutdown().await.unwrap();

    let (scheduler, mut events) = start(saved);
    let restored = scheduler.snapshot();
    assert_eq!(restored.jobs.len(), 1, "{restored:#?}");
    assert_eq!(restored.jobs[0].state, JobState::Paused);
    assert!(scheduler.resume(job));
    assert_eq!(
        events.state(job, |s| s.is_finished()).await,
        JobState::Done { reused: false }
    );
    assert_eq!(std::fs::read(dest.join(name)).unwrap(), bytes);
    assert_no_parts(&dest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_take_the_cloud_files_time() {
    let env = Env::new().await;
    let folder = env.mock.put_dir(0, "docs").unwrap();
    let file = env.mock.put_file(folder, "a.txt", b"hello").await.unwrap();
    assert!(env.mock.set_updated(file, 1_600_000_000));
    let listed = env.client().list_all(folder).await.unwrap();
    let cloud_time = listed[0].updated_at.unwrap().timestamp();
    assert_eq!(cloud_time, 1_600_000_000, "what the drive lists");
    let (scheduler, mut events) = env.start(cfg());
    let spec = download_spec(
        vec![env.item(folder)],
        env.path("down"),
        ConflictPolicy::Ask,
    );
    let batch = scheduler.submit(spec);
    assert_eq!(events.batch_done(batch).await.ok, 1);
    let local = mtime(&env.path("down/docs/a.txt"));
    let secs = local
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert_eq!(secs as i64, cloud_time);
}

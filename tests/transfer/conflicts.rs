//! Conflict policies, each for uploads and downloads, and Ask → resolve (one job, or the whole
//! batch).

use panfm::transfer::{ConflictPolicy, JobState, Resolution};

use crate::common::{Env, cfg, content, download_spec, upload_spec};

async fn bytes_at(env: &Env, path: &str) -> Option<Vec<u8>> {
    let id = env.mock.id_of(path)?;
    Some(env.mock.file_bytes(id).await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_policies() {
    let env = Env::new().await;
    let (scheduler, mut events) = env.start(cfg());
    // Small files take the single-step path, large ones create + slices.
    for (len, tag) in [(10usize, "small"), (9000, "large")] {
        let new = content(len, 1);
        std::fs::write(env.path("x.txt"), &new).unwrap();
        for policy in [
            ConflictPolicy::Skip,
            ConflictPolicy::Overwrite,
            ConflictPolicy::KeepBoth,
        ] {
            let dir = format!("{tag}-{policy:?}");
            let parent = env.mock.put_dir(0, &dir).unwrap();
            env.mock.put_file(parent, "x.txt", b"old").await.unwrap();
            let spec = upload_spec(vec![env.path("x.txt")], parent, policy, false);
            let batch = scheduler.submit(spec);
            let totals = events.batch_done(batch).await;
            let (x, copy) = (
                bytes_at(&env, &format!("/{dir}/x.txt")).await.unwrap(),
                bytes_at(&env, &format!("/{dir}/x(1).txt")).await,
            );
            match policy {
                ConflictPolicy::Skip => {
                    assert_eq!((totals.skipped, x, copy), (1, b"old".to_vec(), None));
                }
                ConflictPolicy::Overwrite => {
                    assert_eq!((totals.ok, x, copy), (1, new.clone(), None));
                }
                _ => assert_eq!(
                    (totals.ok, x, copy),
                    (1, b"old".to_vec(), Some(new.clone()))
                ),
            }
        }
    }
    let dir = env.mock.put_dir(0, "folder-in-the-way").unwrap();
    env.mock.put_dir(dir, "x.txt").unwrap();
    let spec = upload_spec(
        vec![env.path("x.txt")],
        dir,
        ConflictPolicy::Overwrite,
        false,
    );
    let batch = scheduler.submit(spec);
    assert_eq!(events.batch_done(batch).await.failed, 1);
    let job = events.jobs().last().unwrap().id;
    let Some(JobState::Failed { reason }) = events.last_state(job) else {
        panic!("{:#?}", events.log)
    };
    assert!(reason.contains("folder"), "{reason}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_ask_waits_for_an_answer() {
    let env = Env::new().await;
    let parent = env.mock.put_dir(0, "d").unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        env.mock.put_file(parent, name, b"old").await.unwrap();
        std::fs::write(env.path(name), content(50, 2)).unwrap();
    }
    let (scheduler, mut events) = env.start(cfg());
    let batch = scheduler.submit(upload_spec(
        ["a.txt", "b.txt", "c.txt"].map(|n| env.path(n)).to_vec(),
        parent,
        ConflictPolicy::Ask,
        false,
    ));
    let (job, info) = events.conflict().await;
    assert_eq!(
        (info.existing_size, info.new_size, info.existing_is_dir),
        (Some(3), 50, false)
    );
    assert_eq!(
        env.mock.stats().calls_to("/upload/v2/file/single/create"),
        0
    );
    assert!(scheduler.resolve(job, Resolution::Overwrite, false));
    let answered = info.name.clone();
    // The other two: wait for both conflicts, then answer the batch at once.
    let mut waiting = Vec::new();
    while waiting.len() < 2 {
        waiting.push(events.conflict().await.0);
    }
    assert!(scheduler.resolve(waiting[0], Resolution::KeepBoth, true));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (3, 0));
    assert_eq!(
        bytes_at(&env, &format!("/d/{answered}")).await.unwrap(),
        content(50, 2)
    );
    let kept = env
        .mock
        .children(parent)
        .into_iter()
        .filter(|e| e.name.contains("(1)"))
        .count();
    assert_eq!(kept, 2, "{:?}", env.mock.children(parent));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn download_policies_and_ask() {
    let env = Env::new().await;
    let cloud = content(6000, 3);
    env.mock.put_file(0, "y.txt", &cloud).await.unwrap();
    let item = env.item(env.mock.id_of("/y.txt").unwrap());
    let (scheduler, mut events) = env.start(cfg());
    let policies = [
        ConflictPolicy::Skip,
        ConflictPolicy::Overwrite,
        ConflictPolicy::KeepBoth,
        ConflictPolicy::Ask,
    ];
    for policy in policies {
        let dir = env.path(&format!("{policy:?}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("y.txt"), b"local").unwrap();
        let batch = scheduler.submit(download_spec(vec![item.clone()], dir.clone(), policy));
        if policy == ConflictPolicy::Ask {
            let (job, info) = events.conflict().await;
            assert_eq!((info.existing_size, info.new_size), (Some(5), 6000));
            assert!(scheduler.resolve(job, Resolution::KeepBoth, false));
        }
        let totals = events.batch_done(batch).await;
        let local = std::fs::read(dir.join("y.txt")).unwrap();
        let copy = std::fs::read(dir.join("y (1).txt")).ok();
        match policy {
            ConflictPolicy::Skip => {
                assert_eq!((totals.skipped, local, copy), (1, b"local".to_vec(), None))
            }
            ConflictPolicy::Overwrite => {
                assert_eq!((totals.ok, local, copy), (1, cloud.clone(), None))
            }
            _ => {
                assert_eq!(
                    (totals.ok, local, copy),
                    (1, b"local".to_vec(), Some(cloud.clone()))
                );
                // The job names where the file went, not the name it found taken.
                let job = events.jobs().last().unwrap().clone();
                assert_eq!(job.target, dir.join("y (1).txt").display().to_string());
            }
        }
        crate::common::assert_no_parts(&dir);
    }
}

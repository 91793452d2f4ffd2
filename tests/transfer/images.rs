//! Image uploads through the queue (`TransferSpec::ImageUpload`): a tree of images into an
//! image folder with its folders made, every file the image space would refuse failed while
//! planning with its reason (no request for it), and a taken name failing only its own job.

use panfm::transfer::{JobInfo, JobState, TransferEvent, TransferSpec};

use crate::common::{Env, Tree, cfg, write_tree};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n-pretend-pixels";
const GIF: &[u8] = b"GIF89a-pretend";

fn spec(env: &Env, sources: &[&str], dest: &str) -> TransferSpec {
    TransferSpec::ImageUpload {
        sources: sources.iter().map(|s| env.path(s)).collect(),
        dest_dir: env.mock.image_id_of(dest).unwrap(),
        dest_path: dest.to_owned(),
    }
}

/// The last `Added` info of every job, by source path.
fn jobs(log: &[TransferEvent]) -> Vec<JobInfo> {
    let mut out: Vec<JobInfo> = Vec::new();
    for e in log {
        if let TransferEvent::Added { job } = e {
            out.retain(|j| j.id != job.id);
            out.push(job.clone());
        }
    }
    out
}

fn failure(log: &[TransferEvent], info: &JobInfo) -> Option<String> {
    let added = matches!(&info.state, JobState::Failed { reason } if !reason.is_empty());
    let later = log.iter().rev().find_map(|e| match e {
        TransferEvent::State {
            job,
            state: JobState::Failed { reason },
        } if *job == info.id => Some(reason.clone()),
        _ => None,
    });
    later.or_else(|| match (&info.state, added) {
        (JobState::Failed { reason }, true) => Some(reason.clone()),
        _ => None,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn images_go_up_with_their_folders_and_refusals_fail_while_planning() {
    let env = Env::new().await;
    write_tree(
        &env.path("src"),
        &Tree::from([
            ("pics".into(), None),
            ("pics/a.png".into(), Some(PNG.to_vec())),
            ("pics/深处 🎉".into(), None),
            ("pics/深处 🎉/b.gif".into(), Some(GIF.to_vec())),
            ("pics/notes.txt".into(), Some(b"text".to_vec())),
            ("pics/fake.png".into(), Some(GIF.to_vec())),
            ("logo.svg".into(), Some(b"<svg xmlns='x'/>".to_vec())),
        ]),
    );
    let blog = env.mock.put_image_dir("", "blog").unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let batch = scheduler.submit(spec(&env, &["src/pics", "src/logo.svg"], "/blog"));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (3, 2), "{:#?}", events.log);
    for (path, bytes) in [
        ("/blog/pics/a.png", PNG),
        ("/blog/pics/深处 🎉/b.gif", GIF),
        ("/blog/logo.svg", b"<svg xmlns='x'/>".as_slice()),
    ] {
        let id = env
            .mock
            .image_id_of(path)
            .unwrap_or_else(|| panic!("{path}"));
        assert_eq!(env.mock.image_bytes(&id).await.unwrap(), bytes, "{path}");
    }
    let all = jobs(&events.log);
    let refused: Vec<(String, String)> = all
        .iter()
        .filter_map(|j| failure(&events.log, j).map(|r| (j.target.clone(), r)))
        .collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(
        refused
            .iter()
            .any(|(t, r)| t == "pics/notes.txt" && r.contains("not a supported image name"))
    );
    assert!(
        refused
            .iter()
            .any(|(t, r)| t == "pics/fake.png" && r == "named as PNG but the content is GIF")
    );
    assert_eq!(
        env.mock.stats().calls_to("/upload/v1/oss/file/create"),
        3,
        "refused files never reached the server"
    );
    // Refusals are announced before the first upload starts.
    let first_upload = events
        .log
        .iter()
        .position(|e| {
            matches!(
                e,
                TransferEvent::State {
                    state: JobState::Uploading,
                    ..
                }
            )
        })
        .unwrap();
    let last_refusal = events
        .log
        .iter()
        .rposition(|e| matches!(e, TransferEvent::Added { job } if matches!(job.state, JobState::Failed { .. })))
        .unwrap();
    assert!(last_refusal < first_upload);
    assert_eq!(
        env.mock.image_children(&blog).len(),
        2,
        "pics/ and logo.svg"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_name_fails_only_its_own_job() {
    let env = Env::new().await;
    write_tree(
        &env.path("src"),
        &Tree::from([
            ("a.png".into(), Some(PNG.to_vec())),
            ("b.gif".into(), Some(GIF.to_vec())),
        ]),
    );
    let other = b"\x89PNG\r\n\x1a\n-somebody-else's";
    env.mock.put_image("", "a.png", other).await.unwrap();
    let (scheduler, mut events) = env.start(cfg());
    let batch = scheduler.submit(spec(&env, &["src/a.png", "src/b.gif"], "/"));
    let totals = events.batch_done(batch).await;
    assert_eq!((totals.ok, totals.failed), (1, 1), "{:#?}", events.log);
    let a = env.mock.image_id_of("/a.png").unwrap();
    assert_eq!(
        env.mock.image_bytes(&a).await.unwrap(),
        other,
        "not overwritten"
    );
    assert!(env.mock.image_id_of("/b.gif").is_some());
    let failed = jobs(&events.log)
        .into_iter()
        .find(|j| j.name == "a.png")
        .unwrap();
    let reason = failure(&events.log, &failed).unwrap();
    assert!(reason.contains("name conflict"), "{reason}");
}

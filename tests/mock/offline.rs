//! Offline download into the drive (离线下载): a task really fetches its URL from a loopback
//! server, shows progress over several polls, stores the file with its real MD5 (in the given
//! folder, or "/来自:离线下载"), fails with a reason on a 404 or an unreachable host, refuses
//! bad input up front, and calls its callback.

use panfm::mock::MockConfig;
use serde_json::{Value, json};

use crate::common::{Env, bytes, err, md5_hex, ok, quiet};
use crate::web::{Web, dead_url};

async fn create(env: &Env, body: Value) -> Value {
    env.post("/api/v1/offline/download", body).await
}

async fn process(env: &Env, task: i64) -> Value {
    let q = [("taskID", task.to_string())];
    env.get("/api/v1/offline/download/process", &q).await
}

/// Polls until the task is no longer running; every answer seen.
async fn finish(env: &Env, task: i64) -> Vec<Value> {
    let mut seen = Vec::new();
    for _ in 0..500 {
        let v = process(env, task).await;
        let data = ok(&v).clone();
        seen.push(data.clone());
        if data["status"] != 0 {
            return seen;
        }
        tokio::task::yield_now().await;
    }
    panic!("task {task} never finished: {seen:?}");
}

async fn env_with_polls(polls: u32) -> Env {
    Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.offline_pending_polls = polls;
    })
    .await
}

/// A loopback endpoint taking callbacks: its URL and what it receives.
async fn callbacks() -> (String, tokio::sync::mpsc::UnboundedReceiver<Value>) {
    use axum::routing::post;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Value>();
    let app = axum::Router::new().route(
        "/cb",
        post(move |axum::Json(v): axum::Json<Value>| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(v);
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, rx)
}

async fn next_note(rx: &mut tokio::sync::mpsc::UnboundedReceiver<Value>) -> Value {
    tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
        .await
        .expect("callback within 10 s")
        .unwrap()
}

#[tokio::test]
async fn a_task_fetches_its_url_into_the_folder_with_the_real_md5() {
    let content = bytes(300_000, 7);
    let web = Web::serve(&[("pub/报告.pdf", content.clone())]);
    let env = env_with_polls(3).await;
    let dir = env.mkdir(0, "downloads").await;
    let (callback, mut notes) = callbacks().await;
    let url = web.url("pub/%E6%8A%A5%E5%91%8A.pdf");
    let v = create(
        &env,
        json!({"url": url, "dirID": dir, "callBackUrl": callback}),
    )
    .await;
    let task = ok(&v)["taskID"].as_i64().expect("a numeric taskID");
    // The fetch is over (the callback says so), yet progress shows over the pending polls.
    assert_eq!(next_note(&mut notes).await["status"], 0);
    let seen = finish(&env, task).await;
    let shown: Vec<f64> = seen
        .iter()
        .map(|d| d["process"].as_f64().unwrap())
        .collect();
    assert_eq!(shown, [0.0, 33.3, 66.6, 100.0], "{seen:?}");
    assert_eq!(seen[3], json!({"process": 100.0, "status": 2}));
    let id = env
        .server
        .id_of("/downloads/报告.pdf")
        .expect("named after the URL");
    let entry = env.server.entry(id).unwrap();
    assert_eq!(entry.etag, md5_hex(&content));
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    // Asked again, a finished task stays finished.
    assert_eq!(ok(&process(&env, task).await)["status"], 2);
}

#[tokio::test]
async fn without_a_folder_the_file_goes_to_the_default_one_under_its_name() {
    let web = Web::serve(&[("a.bin", bytes(1000, 1))]);
    let env = env_with_polls(0).await;
    for name in ["自定义.bin", "自定义.bin"] {
        let body = json!({"url": web.url("a.bin"), "fileName": name});
        let task = ok(&create(&env, body).await)["taskID"].as_i64().unwrap();
        assert_eq!(finish(&env, task).await.last().unwrap()["status"], 2);
    }
    let dir = env.server.id_of("/来自:离线下载").expect("made on demand");
    let mut names = env.names(dir).await;
    names.sort();
    assert_eq!(
        names,
        ["自定义(1).bin", "自定义.bin"],
        "a taken name keeps both"
    );
}

#[tokio::test]
async fn a_404_or_an_unreachable_host_fails_the_task_with_a_reason() {
    let web = Web::serve(&[]);
    let env = env_with_polls(1).await;
    let dir = env.mkdir(0, "d").await;
    for (url, why) in [(web.url("missing.iso"), "404"), (dead_url(), "无法连接")] {
        let v = create(&env, json!({"url": url, "dirID": dir})).await;
        let task = ok(&v)["taskID"].as_i64().unwrap();
        let seen = finish(&env, task).await;
        assert_eq!(seen[0]["status"], 0, "running for the pending poll");
        let last = seen.last().unwrap();
        assert_eq!(last["status"], 1, "{last}");
        assert_eq!(last["process"], 0.0, "progress back to zero on failure");
        let reason = last["failReason"].as_str().unwrap();
        assert!(reason.contains(why), "{reason}");
        assert!(
            !reason.contains(&url),
            "the reason leaves the URL out: {reason}"
        );
    }
    assert!(env.names(dir).await.is_empty());
}

#[tokio::test]
async fn bad_input_is_refused_before_a_task_exists() {
    let env = env_with_polls(0).await;
    let file = env.put_file(0, "f.txt", b"x").await;
    let ok_url = "http://127.0.0.1:9/a.bin";
    for (body, says) in [
        (json!({"url": "ftp://h/a.bin"}), "http/https"),
        (json!({"url": "magnet:?xt=urn:btih:00"}), "http/https"),
        (json!({"url": "not a url"}), "http/https"),
        (json!({}), "url"),
        (json!({"url": ok_url, "dirID": 0}), "根目录"),
        (json!({"url": ok_url, "dirID": 999_999}), "dirID"),
        (json!({"url": ok_url, "dirID": file}), "dirID"),
        (json!({"url": ok_url, "fileName": "a:b.bin"}), "文件名"),
    ] {
        let (code, message) = err(&create(&env, body.clone()).await);
        assert_eq!(code, 1, "{body}");
        assert!(message.contains(says), "{body}: {message}");
    }
    let (_, message) = err(&process(&env, 12345).await);
    assert!(message.contains("taskID"), "{message}");
    // Strict names: the documented casing only.
    env.server.set_knobs(|k| k.strict_names = true);
    let v = create(&env, json!({"url": ok_url, "dirId": 5})).await;
    assert!(err(&v).1.contains("dirID"), "{v}");
    let v = env
        .get(
            "/api/v1/offline/download/process",
            &[("taskId", "1".into())],
        )
        .await;
    assert!(err(&v).1.contains("taskID"), "{v}");
}

#[tokio::test]
async fn the_outcome_is_posted_to_the_callback() {
    let (callback, mut notes) = callbacks().await;
    let web = Web::serve(&[("ok.bin", bytes(10, 2))]);
    let env = env_with_polls(0).await;
    for (url, status) in [(web.url("ok.bin"), 0), (web.url("no.bin"), 1)] {
        let body = json!({"url": url, "callBackUrl": callback});
        ok(&create(&env, body).await);
        let note = next_note(&mut notes).await;
        assert_eq!(note["status"], status, "{note}");
        assert_eq!(note["url"], url.as_str());
        match status {
            0 => {
                let id = env.server.id_of("/来自:离线下载/ok.bin").unwrap();
                assert_eq!(note["fileID"], id);
            }
            _ => assert!(note["failReason"].as_str().unwrap().contains("404")),
        }
    }
}

#[tokio::test]
async fn the_demo_has_a_finished_task() {
    let env = Env::demo().await;
    let v = process(&env, 394_756).await;
    assert_eq!(ok(&v), &json!({"process": 100.0, "status": 2}));
    let id = env.server.id_of("/来自:离线下载/nginx-1.26.2.tar.gz");
    assert!(id.is_some(), "the file it fetched");
}

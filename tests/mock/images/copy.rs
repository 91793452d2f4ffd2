//! Copy tasks from the drive (create, process, fail list, limits) and offline import.

use panfm::mock::MockConfig;
use serde_json::{Value, json};

use super::support::{detail, mkdir, png_bytes};
use crate::common::{Env, err, ok, quiet};

async fn copy_task(env: &Env, ids: Value, target: &str) -> Value {
    env.post(
        "/api/v1/oss/source/copy",
        json!({"fileIDs": ids, "toParentFileID": target, "sourceType": "1", "type": 1}),
    )
    .await
}

async fn process(env: &Env, task: &str) -> Value {
    env.get(
        "/api/v1/oss/source/copy/process",
        &[("taskID", task.to_owned())],
    )
    .await
}

async fn fail_list(env: &Env, task: &str, limit: u32, page: u32) -> Value {
    let q = [
        ("taskID", task.to_owned()),
        ("limit", limit.to_string()),
        ("page", page.to_string()),
    ];
    env.get("/api/v1/oss/source/copy/fail", &q).await
}

#[tokio::test]
async fn copying_drive_images_reports_progress_and_failures() {
    let env = Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.complete_pending_polls = 1;
    })
    .await;
    let pics = env.mkdir(0, "pics").await;
    let sub = env.mkdir(pics, "sub").await;
    let a = env.put_file(pics, "a.png", &png_bytes(300, 1)).await;
    env.put_file(pics, "notes.txt", b"not an image").await;
    let b_bytes = png_bytes(400, 2);
    env.put_file(sub, "b.GIF", &b_bytes).await;
    let lone = env.put_file(0, "lone.jpg", &png_bytes(200, 3)).await;
    // The target already has pics/a.png with other content: that one fails.
    let target = mkdir(&env, "", "target").await;
    let clash = mkdir(&env, &target, "pics").await;
    env.server
        .put_image(&clash, "a.png", &png_bytes(300, 9))
        .await
        .unwrap();

    // Drive ids may be sent as strings (the summary of the doc types them so) or numbers.
    let v = copy_task(&env, json!([pics.to_string(), lone]), &target).await;
    let task = ok(&v)["taskID"].as_str().unwrap().to_owned();
    let v = process(&env, &task).await;
    assert_eq!(ok(&v)["status"], 1, "running for the first poll");
    let v = process(&env, &task).await;
    assert_eq!(ok(&v), &json!({"status": 2, "failMsg": ""}));
    let b = env.server.image_id_of("/target/pics/sub/b.GIF").unwrap();
    assert_eq!(env.server.image_bytes(&b).await.unwrap(), b_bytes);
    assert!(env.server.image_id_of("/target/lone.jpg").is_some());
    assert!(env.server.image_id_of("/target/pics/notes.txt").is_none());
    let v = fail_list(&env, &task, 100, 1).await;
    assert_eq!(
        ok(&v),
        &json!({"total": 1, "list": [{"fileId": a, "filename": "a.png"}]})
    );
    let v = fail_list(&env, &task, 100, 2).await;
    assert_eq!(ok(&v), &json!({"total": 1, "list": null}));
    err(&fail_list(&env, &task, 0, 1).await);
    err(&fail_list(&env, "no-such-task", 10, 1).await);
    err(&process(&env, "no-such-task").await);
    // The copy shares the drive's content: its detail URL serves the same bytes.
    let v = detail(&env, &b).await;
    let url = ok(&v)["downloadURL"].as_str().unwrap().to_owned();
    assert_eq!(
        env.http
            .get(url)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
        b_bytes
    );
}

#[tokio::test]
async fn copy_tasks_are_limited() {
    let env = Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.complete_pending_polls = 1;
    })
    .await;
    let f = env.put_file(0, "f.png", &png_bytes(50, 1)).await;
    let ids101: Vec<i64> = (0..101).map(|_| f).collect();
    err(&copy_task(&env, json!(ids101), "").await);
    assert_eq!(err(&copy_task(&env, json!([999_999]), "").await).0, 5066);
    err(&copy_task(&env, json!([f]), "no-such-folder").await);
    err(&env
        .post(
            "/api/v1/oss/source/copy",
            json!({"fileIDs": [f], "toParentFileID": "", "sourceType": 2, "type": 1}),
        )
        .await);
    let mut tasks = Vec::new();
    for _ in 0..3 {
        let v = copy_task(&env, json!([f]), "").await;
        tasks.push(ok(&v)["taskID"].as_str().unwrap().to_owned());
    }
    let (_, message) = err(&copy_task(&env, json!([f]), "").await);
    assert!(message.contains("上限"), "{message}");
    // Once one is reported finished, another may start.
    process(&env, &tasks[0]).await;
    assert_eq!(ok(&process(&env, &tasks[0]).await)["status"], 2);
    ok(&copy_task(&env, json!([f]), "").await);
}

async fn import(env: &Env, body: Value) -> Value {
    env.post("/api/v1/oss/offline/download", body).await
}

async fn import_status(env: &Env, task: i64) -> Value {
    for _ in 0..100 {
        let v = env
            .get(
                "/api/v1/oss/offline/download/process",
                &[("taskID", task.to_string())],
            )
            .await;
        if ok(&v)["status"] != 0 {
            return v;
        }
    }
    panic!("import never finished");
}

#[tokio::test]
async fn offline_import_fetches_a_url_into_a_folder() {
    let env = Env::start().await;
    let bytes = png_bytes(12_345, 6);
    let source = env
        .server
        .put_image("", "source.png", &bytes)
        .await
        .unwrap();
    let v = detail(&env, &source).await;
    let url = ok(&v)["downloadURL"].as_str().unwrap().to_owned();
    let dir = mkdir(&env, "", "imports").await;
    let v = import(
        &env,
        json!({"url": url, "fileName": "导入.png", "businessDirID": dir, "type": 1}),
    )
    .await;
    let task = ok(&v)["taskID"].as_i64().expect("a numeric taskID");
    let v = import_status(&env, task).await;
    assert_eq!(ok(&v), &json!({"status": 2, "process": 100}));
    let id = env.server.image_id_of("/imports/导入.png").unwrap();
    assert_eq!(env.server.image_bytes(&id).await.unwrap(), bytes);
    // Without a folder: "来自:离线下载" at the root, named after the URL.
    let v = import(&env, json!({"url": url, "type": 1})).await;
    let task = ok(&v)["taskID"].as_i64().unwrap();
    assert_eq!(ok(&import_status(&env, task).await)["status"], 2);
    let name = format!("{source}.png");
    assert!(
        env.server
            .image_id_of(&format!("/来自:离线下载/{name}"))
            .is_some()
    );
}

#[tokio::test]
async fn offline_import_refusals_and_failures() {
    let env = Env::start().await;
    let dir = mkdir(&env, "", "d").await;
    let root = env.server.image_root_id();
    for bad in [
        json!({"url": "ftp://x/a.png", "type": 1}),
        json!({"url": "http://127.0.0.1:9/a.png", "fileName": "a.txt", "type": 1}),
        json!({"url": "http://127.0.0.1:9/a.png", "businessDirID": root, "type": 1}),
        json!({"url": "http://127.0.0.1:9/a.png", "businessDirID": "nope", "type": 1}),
        json!({"url": "http://127.0.0.1:9/a.png"}),
    ] {
        err(&import(&env, bad).await);
    }
    let missing = format!("{}/oss-img/1/missing.png", env.server.base_url());
    let v = import(
        &env,
        json!({"url": missing, "businessDirID": dir, "type": 1}),
    )
    .await;
    let task = ok(&v)["taskID"].as_i64().unwrap();
    assert_eq!(ok(&import_status(&env, task).await)["status"], 1);
    assert!(env.server.image_children(&dir).is_empty());
}

#[tokio::test]
async fn offline_import_posts_its_outcome_to_the_callback() {
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
    let callback = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let env = Env::start().await;
    let source = env
        .server
        .put_image("", "s.png", &png_bytes(600, 1))
        .await
        .unwrap();
    let url = ok(&detail(&env, &source).await)["downloadURL"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = mkdir(&env, "", "cb").await;
    let body = json!({"url": url, "businessDirID": dir, "callBackUrl": callback, "type": 1});
    ok(&import(&env, body).await);
    let mut rx = rx;
    let note = tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
        .await
        .expect("callback within 10 s")
        .unwrap();
    assert_eq!(note["status"], 0);
    assert_eq!(note["url"], url.as_str());
    let id = env
        .server
        .image_id_of(&format!("/cb/{source}.png"))
        .unwrap();
    assert_eq!(note["fileID"], id.as_str());
}

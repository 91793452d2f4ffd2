//! Share links and direct links over raw HTTP: creation with its validation answers (names,
//! expiry values, `fileIDList` as a string of at most 100 ids, switches), both lists paged by
//! `lastShareId` to -1, edits, direct-link space per folder, URLs served without headers, the
//! log they leave, and everything surviving a restart.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{Env, err, ok, persistent};

async fn create(env: &Env, body: Value) -> Value {
    env.post("/api/v1/share/create", body).await
}

async fn list_page(env: &Env, path: &str, limit: i64, last: i64) -> Value {
    let q = [
        ("limit", limit.to_string()),
        ("lastShareId", last.to_string()),
    ];
    env.get(path, &q).await
}

#[tokio::test]
async fn create_validates_names_expiry_ids_and_switches() {
    let env = Env::start().await;
    let a = env.put_file(0, "a.txt", b"a").await;
    let b = env.put_file(0, "b.txt", b"b").await;
    let ids = format!("{a},{b}");
    let v = create(
        &env,
        json!({"shareName": "两个文件", "shareExpire": 7, "fileIDList": ids, "sharePwd": "ab12",
               "trafficSwitch": 2}),
    )
    .await;
    let data = ok(&v);
    assert!(data["shareID"].as_i64().unwrap() > 0);
    let key = data["shareKey"].as_str().unwrap();
    assert_eq!(key.len(), 9);
    assert_eq!(&key[4..5], "-");

    let refusals = [
        (
            json!({"shareName": "a/b", "fileIDList": ids.clone()}),
            "特殊字符",
        ),
        (
            json!({"shareName": "好".repeat(35), "fileIDList": ids.clone()}),
            "35",
        ),
        (
            json!({"shareName": "x", "shareExpire": 3, "fileIDList": ids.clone()}),
            "shareExpire",
        ),
        (
            json!({"shareName": "x", "fileIDList": [a, b]}),
            "分享ID非法",
        ),
        (
            json!({"shareName": "x", "fileIDList": "1,zwei"}),
            "分享ID非法",
        ),
        (
            json!({"shareName": "x", "fileIDList": ids.clone(), "trafficSwitch": 5}),
            "trafficSwitch",
        ),
        (
            json!({"shareName": "x", "fileIDList": ids.clone(), "trafficLimitSwitch": 2}),
            "trafficLimit",
        ),
        (json!({"shareName": "x", "fileIDList": "999"}), "文件不存在"),
    ];
    for (body, needle) in refusals {
        let v = create(&env, body.clone()).await;
        let (code, message) = err(&v);
        assert_eq!(
            code,
            if needle == "文件不存在" { 5066 } else { 1 },
            "{body}"
        );
        assert!(message.contains(needle), "{body}: {message}");
    }
    let many: Vec<String> = (0..101).map(|i| (a + i % 2).to_string()).collect();
    let distinct_ok = create(
        &env,
        json!({"shareName": "x", "fileIDList": many.join(",")}),
    )
    .await;
    ok(&distinct_ok);
    let hundred_one: Vec<String> = (1..=101).map(|i| i.to_string()).collect();
    let v = create(
        &env,
        json!({"shareName": "x", "fileIDList": hundred_one.join(",")}),
    )
    .await;
    assert!(err(&v).1.contains("100"), "{v}");

    env.server.set_knobs(|k| k.strict_names = true);
    let v = create(&env, json!({"sharename": "x", "fileIDList": ids})).await;
    assert!(err(&v).1.contains("shareName"), "{v}");
}

#[tokio::test]
async fn lists_page_by_last_share_id_and_edits_change_switches() {
    let env = Env::start().await;
    let a = env.put_file(0, "a.txt", b"a").await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let v = create(
            &env,
            json!({"shareName": format!("s{i}"), "fileIDList": a.to_string()}),
        )
        .await;
        ids.push(ok(&v)["shareID"].as_i64().unwrap());
    }
    let paid = env
        .post(
            "/api/v1/share/content-payment/create",
            json!({"shareName": "付费", "fileIDList": a.to_string(), "payAmount": 9, "isReward": 1}),
        )
        .await;
    let paid_id = ok(&paid)["shareID"].as_i64().unwrap();
    let bad_price = env
        .post(
            "/api/v1/share/content-payment/create",
            json!({"shareName": "付费", "fileIDList": a.to_string(), "payAmount": 100}),
        )
        .await;
    assert!(err(&bad_price).1.contains("payAmount"));

    let first = list_page(&env, "/api/v1/share/list", 2, 0).await;
    let data = ok(&first);
    assert_eq!(data["shareList"].as_array().unwrap().len(), 2);
    assert_eq!(data["lastShareId"], ids[1]);
    let item = &data["shareList"][0];
    assert_eq!(item["shareId"], ids[0]);
    assert_eq!(item["expired"], 0);
    assert_eq!(item["trafficSwitch"], 1);
    let last = list_page(&env, "/api/v1/share/list", 3, ids[1]).await;
    assert_eq!(ok(&last)["lastShareId"], -1);
    assert_eq!(ok(&last)["shareList"].as_array().unwrap().len(), 3);
    let paid_list = list_page(&env, "/api/v1/share/payment/list", 100, 0).await;
    let paid_items = ok(&paid_list)["shareList"].as_array().unwrap().clone();
    assert_eq!(paid_items.len(), 1);
    assert_eq!(paid_items[0]["payAmount"], 9);
    assert!(
        err(&list_page(&env, "/api/v1/share/list", 101, 0).await)
            .1
            .contains("100")
    );

    let v = env
        .put(
            "/api/v1/share/list/info",
            json!({"shareIdList": [ids[0], ids[2]], "trafficSwitch": 4,
                   "trafficLimitSwitch": 2, "trafficLimit": 1024}),
        )
        .await;
    ok(&v);
    let v = env
        .put(
            "/api/v1/share/list/info",
            json!({"shareIdList": [paid_id], "trafficSwitch": 2}),
        )
        .await;
    assert!(
        err(&v).1.contains("分享ID非法"),
        "a paid share goes to its own edit"
    );
    ok(&env
        .put(
            "/api/v1/share/list/payment/info",
            json!({"shareIdList": [paid_id], "trafficSwitch": 2}),
        )
        .await);
    let all = list_page(&env, "/api/v1/share/list", 100, 0).await;
    let items = ok(&all)["shareList"].as_array().unwrap().clone();
    let switch = |id: i64| {
        let s = items.iter().find(|s| s["shareId"] == id).unwrap();
        (
            s["trafficSwitch"].clone(),
            s["trafficLimitSwitch"].clone(),
            s["trafficLimit"].clone(),
        )
    };
    assert_eq!(switch(ids[0]), (json!(4), json!(2), json!(1024)));
    assert_eq!(switch(ids[1]), (json!(1), json!(1), json!(0)));
}

async fn url_of(env: &Env, id: i64) -> Value {
    env.get("/api/v1/direct-link/url", &[("fileID", id.to_string())])
        .await
}

#[tokio::test]
async fn direct_link_space_serves_files_without_headers_and_logs_them() {
    let dir = tempfile::tempdir().unwrap();
    let env = Env::with(persistent(dir.path()), |_| {}).await;
    let pub_dir = env.mkdir(0, "公开 files").await;
    let file = env
        .put_file(pub_dir, "报告 1.txt", b"hello direct link")
        .await;
    let outside = env.put_file(0, "private.txt", b"no").await;
    let v = url_of(&env, file).await;
    assert!(err(&v).1.contains("直链空间"), "{v}");
    let v = env
        .post("/api/v1/direct-link/enable", json!({"fileID": file}))
        .await;
    assert!(
        err(&v).1.contains("文件夹"),
        "files have no space of their own"
    );
    let v = env
        .post("/api/v1/direct-link/enable", json!({"fileID": pub_dir}))
        .await;
    assert_eq!(ok(&v)["filename"], "公开 files");

    let url = ok(&url_of(&env, file).await)["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        url.starts_with(env.server.base_url()) && url.contains("/dlink/"),
        "{url}"
    );
    let resp = reqwest::get(&url).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.bytes().await.unwrap().as_ref(), b"hello direct link");
    let part = env
        .http
        .get(&url)
        .header("Range", "bytes=6-")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(part.bytes().await.unwrap().as_ref(), b"direct link");
    assert!(err(&url_of(&env, outside).await).1.contains("直链空间"));

    let now = chrono::Utc::now() + chrono::Duration::hours(8);
    let fmt = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S").to_string();
    let q = |start: String| {
        [
            ("pageNum", "1".to_owned()),
            ("pageSize", "1".to_owned()),
            ("startTime", start),
            ("endTime", fmt(now + chrono::Duration::minutes(1))),
        ]
    };
    let log = env
        .get(
            "/api/v1/direct-link/log",
            &q(fmt(now - chrono::Duration::hours(1))),
        )
        .await;
    let data = ok(&log);
    assert_eq!(data["total"], 2);
    let newest = &data["list"][0];
    assert_eq!(newest["fileName"], "报告 1.txt");
    assert_eq!(newest["filePath"], "/公开 files/报告 1.txt");
    assert_eq!(newest["totalTraffic"], 11, "the ranged fetch is the newest");
    assert_eq!(newest["directLinkURL"], url.as_str());
    let old = env
        .get(
            "/api/v1/direct-link/log",
            &q(fmt(now - chrono::Duration::days(4))),
        )
        .await;
    assert!(err(&old).1.contains("3天"));

    // Survives a restart; disabling stops the URL.
    let server = env.server;
    server.shutdown().await;
    let env = Env::with(persistent(dir.path()), |_| {}).await;
    assert_eq!(
        reqwest::get(&url)
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0),
        0
    );
    let url = ok(&url_of(&env, file).await)["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(reqwest::get(&url).await.unwrap().status(), 200);
    ok(&env
        .post("/api/v1/direct-link/disable", json!({"fileID": pub_dir}))
        .await);
    assert_eq!(reqwest::get(&url).await.unwrap().status(), 404);
    let again = env
        .post("/api/v1/direct-link/disable", json!({"fileID": pub_dir}))
        .await;
    assert!(err(&again).1.contains("未启用"));
    let plain = env
        .http
        .request(Method::GET, env.url("/api/v1/direct-link/url"))
        .send()
        .await;
    assert_eq!(
        plain.unwrap().json::<Value>().await.unwrap()["code"],
        1,
        "API calls need headers"
    );
}

#[tokio::test]
async fn the_demo_has_shares_and_a_folder_with_direct_link_space() {
    let env = Env::demo().await;
    let free = list_page(&env, "/api/v1/share/list", 100, 0).await;
    let items = ok(&free)["shareList"].as_array().unwrap().clone();
    assert_eq!(items.len(), 3);
    assert!(items.iter().any(|s| s["expired"] == 1), "one has expired");
    assert!(
        items
            .iter()
            .any(|s| s["expired"] == 0 && s["sharePwd"] != "")
    );
    let paid = list_page(&env, "/api/v1/share/payment/list", 100, 0).await;
    assert_eq!(ok(&paid)["shareList"].as_array().unwrap().len(), 1);
    let package = env
        .server
        .id_of("/软件/panfm-v0.1.0-x86_64-linux.tar.gz")
        .unwrap();
    let v = env
        .get(
            "/api/v1/direct-link/url",
            &[("fileID", package.to_string())],
        )
        .await;
    assert!(
        ok(&v)["url"]
            .as_str()
            .unwrap()
            .ends_with("/panfm-v0.1.0-x86_64-linux.tar.gz")
    );
}

//! v2 list (paging, trashed items, limits, search), detail and infos.

use panfm::mock::MockConfig;
use serde_json::{Value, json};

use crate::common::{Env, err, ok, quiet};

fn ids(items: &[Value]) -> Vec<i64> {
    items
        .iter()
        .map(|i| i["fileId"].as_i64().unwrap())
        .collect()
}

async fn folder_with_files(env: &Env, n: usize) -> (i64, Vec<i64>) {
    let dir = env.mkdir(0, "many").await;
    let mut created = Vec::new();
    for i in 0..n {
        created.push(
            env.put_file(dir, &format!("f{i:03}.txt"), format!("{i}").as_bytes())
                .await,
        );
    }
    (dir, created)
}

#[tokio::test]
async fn pages_ascend_and_end_with_minus_one() {
    let env = Env::start().await;
    let (dir, created) = folder_with_files(&env, 250).await;
    let mut seen = Vec::new();
    let mut last = 0;
    let mut pages = 0;
    loop {
        let v = env.page(dir, 100, last).await;
        let data = ok(&v);
        let page = data["fileList"].as_array().unwrap();
        let page_ids = ids(page);
        assert!(page_ids.windows(2).all(|w| w[0] < w[1]), "ascending fileId");
        seen.extend(page_ids.iter().copied());
        pages += 1;
        last = data["lastFileId"].as_i64().unwrap();
        if last == -1 {
            assert_eq!(page.len(), 50);
            break;
        }
        assert_eq!(page.len(), 100);
        assert_eq!(
            last,
            *page_ids.last().unwrap(),
            "cursor = last id of the page"
        );
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, created);
}

#[tokio::test]
async fn exactly_full_last_page_still_ends_with_minus_one() {
    let env = Env::start().await;
    let (dir, _) = folder_with_files(&env, 100).await;
    let v = env.page(dir, 100, 0).await;
    assert_eq!(ok(&v)["fileList"].as_array().unwrap().len(), 100);
    assert_eq!(ok(&v)["lastFileId"], -1);
    let v = env.page(dir, 10, 0).await;
    let last = ok(&v)["lastFileId"].as_i64().unwrap();
    assert_ne!(last, -1);
}

#[tokio::test]
async fn items_have_the_documented_fields() {
    let env = Env::start().await;
    let dir = env.mkdir(0, "照片 📷").await;
    let file = env.put_file(dir, "a.JPG", b"jpeg").await;
    let items = env.list_all(dir).await;
    let item = &items[0];
    let mut keys: Vec<_> = item.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "category",
            "createAt",
            "etag",
            "fileId",
            "filename",
            "parentFileId",
            "punishFlag",
            "s3KeyFlag",
            "size",
            "status",
            "storageNode",
            "trashed",
            "type",
            "updateAt",
        ]
    );
    assert_eq!(item["fileId"], file);
    assert_eq!(item["parentFileId"], dir);
    assert_eq!(item["type"], 0);
    assert_eq!(item["size"], 4);
    assert_eq!(item["etag"], crate::common::md5_hex(b"jpeg"));
    assert_eq!(item["category"], 3);
    assert_eq!(item["trashed"], 0);
    let created = item["createAt"].as_str().unwrap();
    assert!(
        chrono::NaiveDateTime::parse_from_str(created, "%Y-%m-%d %H:%M:%S").is_ok(),
        "{created}"
    );
    let root = env.list_all(0).await;
    assert_eq!(root[0]["type"], 1);
    assert_eq!(root[0]["etag"], "");
    assert_eq!(root[0]["size"], 0);
}

#[tokio::test]
async fn trashed_children_stay_listed() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    let b = env.put_file(0, "b", b"b").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [a]}))
        .await);
    let items = env.list_all(0).await;
    assert_eq!(ids(&items), [a, b]);
    assert_eq!(items[0]["trashed"], 1);
    assert_eq!(items[1]["trashed"], 0);
    // The `trashed` parameter has no effect (OpenList's observation).
    let q = [
        ("parentFileId", "0".into()),
        ("limit", "100".into()),
        ("trashed", "false".into()),
    ];
    let v = env.get("/api/v2/file/list", &q).await;
    assert_eq!(ok(&v)["fileList"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn limit_must_be_1_to_100() {
    let env = Env::start().await;
    for limit in ["0", "101", "-5", "abc"] {
        let q = [
            ("parentFileId", "0".to_owned()),
            ("limit", limit.to_owned()),
        ];
        err(&env.get("/api/v2/file/list", &q).await);
    }
    err(&env
        .get("/api/v2/file/list", &[("parentFileId", "0".to_owned())])
        .await);
    err(&env
        .get("/api/v2/file/list", &[("limit", "10".to_owned())])
        .await);
    ok(&env.page(0, 100, 0).await);
    ok(&env.page(0, 1, 0).await);
}

#[tokio::test]
async fn listing_a_missing_folder_is_5066() {
    let env = Env::start().await;
    let f = env.put_file(0, "f", b"x").await;
    assert_eq!(err(&env.page(123_456, 10, 0).await).0, 5066);
    assert_eq!(err(&env.page(f, 10, 0).await).0, 5066);
}

async fn search(env: &Env, text: &str, mode: i64, parent: i64) -> Vec<String> {
    let q = [
        ("parentFileId", parent.to_string()),
        ("limit", "100".into()),
        ("searchData", text.to_owned()),
        ("searchMode", mode.to_string()),
    ];
    let v = env.get("/api/v2/file/list", &q).await;
    let mut names: Vec<String> = ok(&v)["fileList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["filename"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn search_covers_the_whole_drive() {
    let env = Env::start().await;
    let deep = env.mkdir(0, "a").await;
    let deeper = env.mkdir(deep, "b").await;
    env.put_file(deeper, "春节 Report 2024.pdf", b"1").await;
    env.put_file(0, "report.txt", b"2").await;
    env.put_file(deep, "other.txt", b"3").await;
    let elsewhere = env.mkdir(0, "z").await;
    assert_eq!(
        search(&env, "report", 0, elsewhere).await,
        ["report.txt", "春节 Report 2024.pdf"]
    );
    assert_eq!(
        search(&env, "2024 春节", 0, 0).await,
        ["春节 Report 2024.pdf"]
    );
    assert_eq!(search(&env, "report", 1, 0).await, Vec::<String>::new());
    assert_eq!(
        search(&env, "report.txt", 1, elsewhere).await,
        ["report.txt"]
    );
}

#[tokio::test]
async fn search_leaves_out_items_inside_trashed_folders() {
    let env = Env::start().await;
    let dir = env.mkdir(0, "gone").await;
    env.put_file(dir, "needle-1", b"1").await;
    let direct = env.put_file(0, "needle-2", b"2").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [dir, direct]}))
        .await);
    assert_eq!(search(&env, "needle", 0, 0).await, ["needle-2"]);
}

#[tokio::test]
async fn detail_accumulates_folder_size() {
    let env = Env::start().await;
    let dir = env.mkdir(0, "d").await;
    let sub = env.mkdir(dir, "s").await;
    env.put_file(dir, "a", &[0; 100]).await;
    env.put_file(sub, "b", &[0; 23]).await;
    let junk = env.put_file(sub, "junk", &[0; 1000]).await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [junk]}))
        .await);
    let v = env
        .get("/api/v1/file/detail", &[("fileID", dir.to_string())])
        .await;
    let d = ok(&v);
    let mut keys: Vec<_> = d.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "createAt",
            "etag",
            "fileID",
            "filename",
            "parentFileID",
            "size",
            "status",
            "trashed",
            "type"
        ]
    );
    assert_eq!(d["size"], 123);
    assert_eq!(d["type"], 1);
    assert_eq!(d["fileID"], dir);
    assert_eq!(d["parentFileID"], 0);
    let v = env
        .get("/api/v1/file/detail", &[("fileID", "999".into())])
        .await;
    assert_eq!(err(&v).0, 5066);
    // Query names match in any casing, as on the real server (API.md trap 25), except under
    // strict names.
    let other_casing = [("fileId", dir.to_string())];
    ok(&env.get("/api/v1/file/detail", &other_casing).await);
    env.server.set_knobs(|k| k.strict_names = true);
    err(&env.get("/api/v1/file/detail", &other_casing).await);
}

#[tokio::test]
async fn infos_key_is_switchable() {
    let env = Env::with(MockConfig::default(), quiet).await;
    let a = env.put_file(0, "a", b"a").await;
    let v = env
        .post("/api/v1/file/infos", json!({"fileIds": [a, 424_242]}))
        .await;
    let list = ok(&v)["fileList"].as_array().unwrap();
    assert_eq!(ids(list), [a], "unknown ids are left out");
    assert_eq!(list[0]["filename"], "a");
    env.server.set_knobs(|k| k.infos_key_list = true);
    let v = env
        .post("/api/v1/file/infos", json!({"fileIds": [a]}))
        .await;
    assert!(ok(&v).get("fileList").is_none());
    assert_eq!(ids(ok(&v)["list"].as_array().unwrap()), [a]);
}

//! Image folders, listings (string cursor, time window), detail with fetchable URLs, move and
//! delete.

use reqwest::Method;
use serde_json::json;

use super::support::{detail, list, list_all, mkdir, png_bytes};
use crate::common::{Env, err, ok};

#[tokio::test]
async fn mkdir_at_the_root_and_below() {
    let env = Env::start().await;
    let v = env
        .post(
            "/upload/v1/oss/file/mkdir",
            json!({"name": "测试图床目录", "parentID": "", "type": 1}),
        )
        .await;
    let list0 = &ok(&v)["list"];
    assert_eq!(list0[0]["filename"], "测试图床目录");
    let dir = list0[0]["dirID"].as_str().unwrap().to_owned();
    assert!(dir.len() >= 32, "long string id: {dir}");
    // The table types `name` as []string: one folder per name.
    let v = env
        .post(
            "/upload/v1/oss/file/mkdir",
            json!({"name": ["a", "b"], "parentID": dir, "type": 1}),
        )
        .await;
    assert_eq!(ok(&v)["list"].as_array().unwrap().len(), 2);
    let (items, _) = list_all(&env, &dir, 100).await;
    let mut names: Vec<&str> = items
        .iter()
        .map(|i| i["filename"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["a", "b"]);
    assert!(items.iter().all(|i| i["parentFileId"] == dir.as_str()));
    assert!(items.iter().all(|i| i["parentFilename"] == "测试图床目录"));

    let clash = env
        .post(
            "/upload/v1/oss/file/mkdir",
            json!({"name": "测试图床目录", "parentID": "", "type": 1}),
        )
        .await;
    assert!(err(&clash).1.contains("同名"));
    for bad in [
        json!({"name": "x", "parentID": "no-such-dir", "type": 1}),
        json!({"name": "x", "parentID": ""}),
        json!({"name": "a:b", "parentID": "", "type": 1}),
        json!({"name": "x", "type": 1}),
    ] {
        err(&env.post("/upload/v1/oss/file/mkdir", bad).await);
    }
}

#[tokio::test]
async fn root_items_name_the_img_oss_root_as_parent() {
    let env = Env::start().await;
    let dir = mkdir(&env, "", "blog").await;
    let root = env.server.image_root_id();
    let (items, _) = list_all(&env, "", 100).await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["fileId"], dir.as_str());
    assert_eq!(items[0]["parentFileId"], root.as_str());
    assert_eq!(items[0]["parentFilename"], "img_oss");
    assert_eq!(items[0]["type"], 1);
    // The root's own id lists the same folder.
    assert_eq!(list_all(&env, &root, 100).await.0, items);
    // Omitting parentFileId means the root too.
    let v = list(&env, json!({"limit": 100, "type": 1})).await;
    assert_eq!(ok(&v)["fileList"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn listing_pages_with_string_ids_until_minus_one() {
    let env = Env::start().await;
    let dir = mkdir(&env, "", "pages").await;
    let mut ids = Vec::new();
    for i in 0..7u8 {
        let id = env
            .server
            .put_image(&dir, &format!("p{i}.png"), &png_bytes(40, i))
            .await
            .unwrap();
        ids.push(id);
    }
    let (items, pages) = list_all(&env, &dir, 3).await;
    assert_eq!(pages, 3);
    let listed: Vec<&str> = items
        .iter()
        .map(|i| i["fileId"].as_str().unwrap())
        .collect();
    let newest_first: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
    assert_eq!(listed, newest_first);
    // The cursor of a page is the first id of the next one.
    let v = list(&env, json!({"parentFileId": dir, "limit": 3, "type": 1})).await;
    assert_eq!(ok(&v)["lastFileId"], ids[3].as_str());
    // An exactly full last page still ends with "-1".
    let v = list(&env, json!({"parentFileId": dir, "limit": 7, "type": 1})).await;
    assert_eq!(ok(&v)["lastFileId"], "-1");
    // Passing "-1" back gives an empty last page rather than starting over.
    let v = list(
        &env,
        json!({"parentFileId": dir, "limit": 3, "lastFileId": "-1", "type": 1}),
    )
    .await;
    assert_eq!(ok(&v)["fileList"], json!([]));
    for bad in [
        json!({"parentFileId": dir, "limit": 0, "type": 1}),
        json!({"parentFileId": dir, "limit": 101, "type": 1}),
        json!({"parentFileId": dir, "limit": 10, "type": 1, "lastFileId": "nope"}),
        json!({"parentFileId": "nope", "limit": 10, "type": 1}),
        json!({"parentFileId": dir, "limit": 10}),
    ] {
        err(&list(&env, bad).await);
    }
}

#[tokio::test]
async fn a_cursor_survives_the_deletion_of_its_image() {
    let env = Env::start().await;
    let mut ids = Vec::new();
    for i in 0..4u8 {
        ids.push(
            env.server
                .put_image("", &format!("{i}.gif"), &png_bytes(20, i))
                .await
                .unwrap(),
        );
    }
    let v = list(&env, json!({"limit": 2, "type": 1})).await;
    let cursor = ok(&v)["lastFileId"].as_str().unwrap().to_owned();
    assert_eq!(cursor, ids[1]);
    ok(&env
        .post("/api/v1/oss/file/delete", json!({"fileIDs": [cursor]}))
        .await);
    let v = list(&env, json!({"limit": 2, "type": 1, "lastFileId": cursor})).await;
    let rest = ok(&v)["fileList"].as_array().unwrap().clone();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["fileId"], ids[0].as_str());
}

#[tokio::test]
async fn the_time_window_filters_on_creation_time() {
    let env = Env::start().await;
    let (t1, t2, t3) = (1_730_390_400, 1_730_476_800, 1_730_563_200);
    for (seed, (name, t)) in [("a.png", t1), ("b.png", t2), ("c.png", t3)]
        .into_iter()
        .enumerate()
    {
        let bytes = png_bytes(30, seed as u8);
        let id = env.server.put_image("", name, &bytes).await.unwrap();
        assert!(env.server.set_image_created(&id, t));
    }
    let names = |v: &serde_json::Value| -> Vec<String> {
        ok(v)["fileList"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["filename"].as_str().unwrap().to_owned())
            .collect()
    };
    let v = list(
        &env,
        json!({"limit": 100, "type": 1, "startTime": t2, "endTime": t3}),
    )
    .await;
    assert_eq!(names(&v), ["c.png", "b.png"]);
    let v = list(&env, json!({"limit": 100, "type": 1, "endTime": t2 - 1})).await;
    assert_eq!(names(&v), ["a.png"]);
    let v = list(&env, json!({"limit": 100, "type": 1, "startTime": t3 + 1})).await;
    assert!(names(&v).is_empty());
    assert_eq!(ok(&v)["lastFileId"], "-1");
}

#[tokio::test]
async fn detail_has_the_documented_fields_and_fetchable_urls() {
    let env = Env::start().await;
    let dir = mkdir(&env, "", "测试图床目录").await;
    let bytes = png_bytes(5_000, 7);
    let id = env
        .server
        .put_image(&dir, "测试图床.PNG", &bytes)
        .await
        .unwrap();
    let v = detail(&env, &id).await;
    let d = ok(&v);
    assert_eq!(d["fileId"], id.as_str());
    assert_eq!(d["filename"], "测试图床.PNG");
    assert_eq!(d["parentFileId"], dir.as_str());
    assert_eq!(d["parentFilename"], "测试图床目录");
    assert_eq!(d["type"], 0);
    assert_eq!(d["size"], 5_000);
    assert_eq!(d["etag"], crate::common::md5_hex(&bytes).as_str());
    assert_eq!(d["status"], 2);
    assert_eq!(d["extension"], "png");
    assert_eq!(d["totalTraffic"], 0);
    let created = d["createAt"].as_str().unwrap();
    assert!(chrono::NaiveDateTime::parse_from_str(created, "%Y-%m-%d %H:%M:%S").is_ok());
    for key in ["downloadURL", "userSelfURL"] {
        let url = d[key].as_str().unwrap();
        assert!(url.starts_with(env.server.base_url()), "{url}");
        // Fetched like a CDN link: no API headers.
        let resp = env.http.get(url).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["content-type"], "image/png");
        assert_eq!(resp.bytes().await.unwrap(), bytes.as_slice());
    }
    let v = detail(&env, &id).await;
    assert_eq!(ok(&v)["totalTraffic"], 10_000, "two fetches counted");
    // The document's example sends fileID as a JSON body on the GET.
    let v = env
        .json(
            env.req(Method::GET, "/api/v1/oss/file/detail")
                .json(&json!({"fileID": id})),
        )
        .await;
    assert_eq!(ok(&v)["fileId"], id.as_str());
    let (code, _) = err(&detail(&env, "no-such-image").await);
    assert_eq!(code, 5066);
    let missing = format!("{}/oss-img/1/nope.png", env.server.base_url());
    assert_eq!(env.http.get(missing).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn move_and_delete_in_batches_of_at_most_100() {
    let env = Env::start().await;
    let a = mkdir(&env, "", "a").await;
    let b = mkdir(&env, "", "b").await;
    let inner = mkdir(&env, &a, "inner").await;
    let x = env
        .server
        .put_image(&a, "x.png", &png_bytes(10, 1))
        .await
        .unwrap();
    let y = env
        .server
        .put_image(&a, "y.png", &png_bytes(10, 2))
        .await
        .unwrap();
    let v = env
        .post(
            "/api/v1/oss/file/move",
            json!({"fileIDs": [x, y], "toParentFileID": b}),
        )
        .await;
    ok(&v);
    assert_eq!(env.server.image(&x).unwrap().parent, b);
    // Into its own subtree, already there, or too many: refused, nothing changes.
    let ids101: Vec<String> = (0..101).map(|i| format!("id{i}")).collect();
    for bad in [
        json!({"fileIDs": [a], "toParentFileID": inner}),
        json!({"fileIDs": [x], "toParentFileID": b}),
        json!({"fileIDs": ids101, "toParentFileID": b}),
        json!({"fileIDs": [x, "missing"], "toParentFileID": a}),
        json!({"fileIDs": [], "toParentFileID": a}),
    ] {
        err(&env.post("/api/v1/oss/file/move", bad).await);
    }
    assert_eq!(env.server.image(&x).unwrap().parent, b);
    // "" is the root.
    ok(&env
        .post(
            "/api/v1/oss/file/move",
            json!({"fileIDs": [y], "toParentFileID": ""}),
        )
        .await);
    assert_eq!(
        env.server.image(&y).unwrap().parent,
        env.server.image_root_id()
    );

    err(&env
        .post(
            "/api/v1/oss/file/delete",
            json!({"fileIDs": [x, "missing"]}),
        )
        .await);
    assert!(env.server.image(&x).is_some(), "all or nothing");
    let ids101: Vec<String> = (0..101).map(|i| format!("id{i}")).collect();
    err(&env
        .post("/api/v1/oss/file/delete", json!({"fileIDs": ids101}))
        .await);
    ok(&env
        .post("/api/v1/oss/file/delete", json!({"fileIDs": [a, x]}))
        .await);
    assert!(
        env.server.image(&inner).is_none(),
        "a folder goes with its contents"
    );
    assert!(env.server.image(&x).is_none());
    assert_eq!(env.server.image_id_of("/b"), Some(b));
}

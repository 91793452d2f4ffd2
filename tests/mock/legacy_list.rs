//! The legacy `GET /api/v1/file/list`: the whole trash with `trashed=true` (whatever the
//! parent), live children otherwise, numbered pages with `total`, sorting, the documented item
//! fields, the 0.2 QPS free tier, and the knob that withdraws it.

use panfm::mock::MockConfig;
use serde_json::Value;

use crate::common::{Env, err, ok, quiet};

fn query(parent: i64, page: i64, limit: i64, trashed: bool) -> Vec<(&'static str, String)> {
    vec![
        ("parentFileId", parent.to_string()),
        ("page", page.to_string()),
        ("limit", limit.to_string()),
        ("orderBy", "file_id".to_owned()),
        ("orderDirection", "asc".to_owned()),
        ("trashed", trashed.to_string()),
    ]
}

fn ids(data: &Value) -> Vec<i64> {
    data["fileList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fileID"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn trashed_lists_the_whole_trash_whatever_the_parent() {
    let env = Env::start().await;
    let a = env.mkdir(0, "a").await;
    let gone = env.mkdir(0, "gone").await;
    let in_a = env.put_file(a, "in-a.txt", b"1").await;
    let inside = env.put_file(gone, "inside.txt", b"2").await;
    let top = env.put_file(0, "top.txt", b"33").await;
    env.put_file(a, "live.txt", b"4").await;
    for id in [in_a, gone, top] {
        env.post("/api/v1/file/trash", serde_json::json!({"fileIDs": [id]}))
            .await;
    }
    for parent in [0, a, 987_654] {
        let v = env
            .get("/api/v1/file/list", &query(parent, 1, 100, true))
            .await;
        let data = ok(&v);
        assert_eq!(ids(data), vec![gone, in_a, top], "parent {parent}");
        assert_eq!(data["total"], 3);
    }
    let v = env.get("/api/v1/file/list", &query(0, 1, 100, true)).await;
    let item = &ok(&v)["fileList"][1];
    assert!(!ids(ok(&v)).contains(&inside), "goes with its folder");
    assert_eq!(item["filename"], "in-a.txt");
    assert_eq!(item["parentFileId"], a);
    assert_eq!(item["type"], 0);
    assert_eq!(item["size"], 1);
    assert_eq!(item["contentType"], "0");
    assert_eq!(item["hidden"], false);
    assert!(item["etag"].as_str().unwrap().len() == 32);
    assert!(item["createAt"].as_str().unwrap().ends_with(" +0800 CST"));
    assert!(item.get("trashed").is_none() && item.get("fileId").is_none());

    let v = env.get("/api/v1/file/list", &query(a, 1, 100, false)).await;
    let live: Vec<Value> = ok(&v)["fileList"].as_array().unwrap().clone();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0]["filename"], "live.txt");
    let v = env
        .get("/api/v1/file/list", &query(in_a, 1, 100, false))
        .await;
    assert_eq!(err(&v).0, 5066, "not a folder");
}

#[tokio::test]
async fn numbered_pages_sort_and_count() {
    let env = Env::start().await;
    let mut made = vec![];
    for (name, bytes) in [("c", 3), ("a", 1), ("e", 5), ("b", 2), ("d", 4)] {
        made.push(env.put_file(0, name, &vec![b'x'; bytes]).await);
    }
    let mut q = query(0, 1, 2, false);
    q[4].1 = "DESC".to_owned();
    q[3].1 = "size".to_owned();
    let mut seen = vec![];
    for page in 1..=3 {
        q[1].1 = page.to_string();
        let v = env.get("/api/v1/file/list", &q).await;
        let data = ok(&v);
        assert_eq!(data["total"], 5);
        seen.extend(
            data["fileList"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["filename"].as_str().unwrap().to_owned()),
        );
    }
    assert_eq!(seen, ["e", "d", "c", "b", "a"]);
    q[1].1 = "0".to_owned();
    let v = env.get("/api/v1/file/list", &q).await;
    assert_eq!(ok(&v)["fileList"][0]["filename"], "e", "page 0 is page 1");
    q[3].1 = "file_name".to_owned();
    q[4].1 = "asc".to_owned();
    q[1].1 = "1".to_owned();
    let v = env.get("/api/v1/file/list", &q).await;
    assert_eq!(ok(&v)["fileList"][0]["filename"], "a");
    q[3].1 = "colour".to_owned();
    assert_eq!(err(&env.get("/api/v1/file/list", &q).await).0, 1);
    let v = env.get("/api/v1/file/list", &query(0, 1, 101, false)).await;
    assert_eq!(err(&v).0, 1);
    // p123client's lower-cased names.
    let lower = [
        ("parentfileid", "0".to_owned()),
        ("limit", "100".to_owned()),
        ("trashed", "False".to_owned()),
    ];
    let v = env.get("/api/v1/file/list", &lower).await;
    assert_eq!(ok(&v)["total"], 5);
}

#[tokio::test]
async fn free_tier_gets_one_call_per_five_seconds_and_vip_ten_a_second() {
    for (vip, admitted) in [(false, 1), (true, 3)] {
        let env = Env::with(MockConfig::default(), |k| {
            quiet(k);
            k.qps_limits = true;
            k.vip = vip;
        })
        .await;
        let mut codes = vec![];
        for _ in 0..3 {
            let v = env.get("/api/v1/file/list", &query(0, 1, 100, true)).await;
            codes.push(v["code"].as_i64().unwrap());
        }
        let ok_count = codes.iter().filter(|c| **c == 0).count();
        assert_eq!(ok_count, admitted, "vip {vip}: {codes:?}");
        assert!(codes.iter().all(|c| *c == 0 || *c == 429), "{codes:?}");
    }
}

#[tokio::test]
async fn the_knob_withdraws_it_like_an_unknown_route() {
    let env = Env::start().await;
    env.server.set_knobs(|k| k.legacy_list = false);
    let resp = env
        .http
        .get(env.url_with("/api/v1/file/list", &query(0, 1, 100, true)))
        .header("Platform", "open_platform")
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["code"], 404);
}

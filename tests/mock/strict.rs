//! Field names: the real server matches JSON keys case-insensitively, so by default the mock
//! does too; with `strict_names` (used by panfm's own client tests) only the documented
//! spelling is taken and another casing is refused with a message naming both.

use serde_json::json;

use crate::common::{Env, err, ok};

#[tokio::test]
async fn other_casings_pass_by_default_and_fail_under_strict_names() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    let b = env.put_file(0, "b", b"b").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"FileIds": [a]}))
        .await);
    assert!(env.server.entry(a).unwrap().trashed);

    env.server.set_knobs(|k| k.strict_names = true);
    let v = env
        .post("/api/v1/file/trash", json!({"FileIds": [b]}))
        .await;
    let (code, message) = err(&v);
    assert_eq!(code, 1);
    assert!(
        message.contains("FileIds") && message.contains("fileIDs"),
        "{message}"
    );
    assert!(!env.server.entry(b).unwrap().trashed, "nothing happened");
    let v = env
        .post("/upload/v1/file/mkdir", json!({"name": "d", "parentId": 0}))
        .await;
    assert!(err(&v).1.contains("parentID"), "{v}");
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [b]}))
        .await);
    assert!(env.server.entry(b).unwrap().trashed);
}

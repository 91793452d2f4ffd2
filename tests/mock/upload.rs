//! Upload v2: domain, create (instant upload, duplicate policies, limits), slices, complete
//! polling and verification, single-step upload.

use futures::future::join_all;
use panfm::mock::MockConfig;
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::common::{Env, bytes, err, md5_hex, ok, quiet};

pub(crate) const SLICE: u64 = 64 << 10;

pub(crate) async fn env_with(pending: u32) -> Env {
    Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.slice_size = SLICE;
        k.complete_pending_polls = pending;
    })
    .await
}

pub(crate) async fn create(
    env: &Env,
    parent: i64,
    name: &str,
    content: &[u8],
    dup: Option<i64>,
) -> Value {
    let mut body = json!({
        "parentFileID": parent, "filename": name, "etag": md5_hex(content), "size": content.len(),
    });
    if let Some(d) = dup {
        body["duplicate"] = json!(d);
    }
    env.post("/upload/v2/file/create", body).await
}

pub(crate) async fn send_slice(
    env: &Env,
    server: &str,
    pre: &str,
    no: usize,
    data: &[u8],
    md5: &str,
) -> Value {
    let form = Form::new()
        .text("preuploadID", pre.to_owned())
        .text("sliceNo", no.to_string())
        .text("sliceMD5", md5.to_owned())
        .part(
            "slice",
            Part::bytes(data.to_vec()).file_name(format!("f.part{no}")),
        );
    let rb = env
        .http
        .post(format!("{server}/upload/v2/file/slice"))
        .header("Platform", "open_platform")
        .bearer_auth(&env.token)
        .multipart(form);
    env.json(rb).await
}

async fn complete(env: &Env, pre: &str) -> Value {
    env.post(
        "/upload/v2/file/upload_complete",
        json!({"preuploadID": pre}),
    )
    .await
}

/// Polls upload_complete like a client, counting "not yet" answers.
async fn poll_done(env: &Env, pre: &str) -> (Value, u32) {
    for pending in 0..100 {
        let v = complete(env, pre).await;
        let not_yet = v["code"] == 20103 || (v["code"] == 0 && v["data"]["completed"] == false);
        if !not_yet {
            return (v, pending);
        }
    }
    panic!("upload never completed");
}

/// Creates and uploads `content` slice by slice (in the given slice order, all at once).
pub(crate) async fn upload(
    env: &Env,
    parent: i64,
    name: &str,
    content: &[u8],
    order: &[usize],
) -> Value {
    let v = create(env, parent, name, content, None).await;
    let d = ok(&v);
    assert_eq!(d["reuse"], false);
    let pre = d["preuploadID"].as_str().unwrap().to_owned();
    let slice = d["sliceSize"].as_u64().unwrap() as usize;
    let server = d["servers"][0].as_str().unwrap().to_owned();
    let chunks: Vec<&[u8]> = content.chunks(slice).collect();
    assert_eq!(order.len(), chunks.len());
    let md5s: Vec<String> = chunks.iter().map(|c| md5_hex(c)).collect();
    let sends = order
        .iter()
        .map(|&no| send_slice(env, &server, &pre, no, chunks[no - 1], &md5s[no - 1]));
    for v in join_all(sends).await {
        ok(&v);
    }
    poll_done(env, &pre).await.0
}

#[tokio::test]
async fn domain_is_the_mock() {
    let env = env_with(0).await;
    let v = env.get("/upload/v2/file/domain", &[]).await;
    assert_eq!(ok(&v), &json!([env.server.base_url()]));
}

#[tokio::test]
async fn sliced_upload_out_of_order() {
    let env = env_with(0).await;
    let content = bytes(2 * SLICE as usize + 1234, 1);
    let v = create(&env, 0, "视频.mp4", &content, None).await;
    let d = ok(&v);
    assert_eq!(d["fileID"], 0);
    assert_eq!(d["sliceSize"], SLICE);
    assert_eq!(d["servers"], json!([env.server.base_url()]));
    assert!(d["preuploadID"].as_str().unwrap().len() > 20);
    let done = upload(&env, 0, "片段.bin", &content, &[3, 1, 2]).await;
    let id = ok(&done)["fileID"].as_i64().unwrap();
    assert_eq!(ok(&done)["completed"], true);
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    let entry = env.server.entry(id).unwrap();
    assert_eq!(
        (entry.name.as_str(), entry.etag.clone()),
        ("片段.bin", md5_hex(&content))
    );
    assert_eq!(
        env.server.open_uploads(),
        1,
        "the first create is still open"
    );
}

#[tokio::test]
async fn slices_above_axums_default_body_limit() {
    // axum's 2 MB DefaultBodyLimit also applies to multipart bodies (RUST-STACK.md §8).
    let env = Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.slice_size = 4 << 20;
    })
    .await;
    let content = bytes((5 << 20) + 17, 13);
    let done = upload(&env, 0, "big.bin", &content, &[2, 1]).await;
    let id = ok(&done)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    let three_mb = bytes(3 << 20, 14);
    let v = single(&env, "three.bin", &three_mb, &md5_hex(&three_mb), &[]).await;
    let id = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.entry(id).unwrap().size, 3 << 20);
}

#[tokio::test]
async fn default_slice_size_is_16_mib() {
    let env = Env::start().await;
    let v = create(&env, 0, "a", b"abc", None).await;
    assert_eq!(ok(&v)["sliceSize"], 16 << 20);
}

#[tokio::test]
async fn pending_polls_alternate_20103_and_completed_false() {
    let env = env_with(3).await;
    let content = bytes(1000, 2);
    let v = create(&env, 0, "a", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let server = env.server.base_url().to_owned();
    ok(&send_slice(&env, &server, &pre, 1, &content, &md5_hex(&content)).await);
    let first = complete(&env, &pre).await;
    assert_eq!(
        err(&first),
        (20103, "文件正在校验中,请间隔1秒后再试".to_owned())
    );
    let second = complete(&env, &pre).await;
    assert_eq!(ok(&second), &json!({"completed": false, "fileID": 0}));
    assert_eq!(err(&complete(&env, &pre).await).0, 20103);
    let (last, more) = poll_done(&env, &pre).await;
    assert_eq!(more, 0);
    let id = ok(&last)["fileID"].as_i64().unwrap();
    assert!(id > 0);
    // Completing again repeats the answer.
    assert_eq!(ok(&complete(&env, &pre).await)["fileID"], id);
}

#[tokio::test]
async fn slice_checks() {
    let env = env_with(0).await;
    let content = bytes(SLICE as usize + 10, 3);
    let v = create(&env, 0, "a", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let server = env.server.base_url().to_owned();
    let first = &content[..SLICE as usize];
    let v = send_slice(&env, &server, &pre, 1, first, &md5_hex(b"other")).await;
    assert_eq!(err(&v).0, 1, "MD5 mismatch");
    let v = send_slice(
        &env,
        &server,
        &pre,
        1,
        &first.to_ascii_uppercase(),
        &md5_hex(first),
    )
    .await;
    err(&v);
    let big = bytes(SLICE as usize + 1, 4);
    err(&send_slice(&env, &server, &pre, 1, &big, &md5_hex(&big)).await);
    err(&send_slice(&env, &server, &pre, 3, b"x", &md5_hex(b"x")).await);
    err(&send_slice(&env, &server, &pre, 0, b"x", &md5_hex(b"x")).await);
    err(&send_slice(&env, &server, "no-such-id", 1, b"x", &md5_hex(b"x")).await);
    // Re-uploading a slice replaces it.
    ok(&send_slice(
        &env,
        &server,
        &pre,
        1,
        &big[..SLICE as usize],
        &md5_hex(&big[..SLICE as usize]),
    )
    .await);
    ok(&send_slice(&env, &server, &pre, 1, first, &md5_hex(first)).await);
    let rest = &content[SLICE as usize..];
    ok(&send_slice(&env, &server, &pre, 2, rest, &md5_hex(rest)).await);
    let (done, _) = poll_done(&env, &pre).await;
    let id = ok(&done)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    let v = send_slice(&env, &server, &pre, 1, first, &md5_hex(first)).await;
    err(&v);
}

#[tokio::test]
async fn slice_needs_auth_and_platform() {
    let env = env_with(0).await;
    let content = bytes(10, 5);
    let v = create(&env, 0, "a", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let form = Form::new()
        .text("preuploadID", pre)
        .text("sliceNo", "1")
        .text("sliceMD5", md5_hex(&content))
        .part("slice", Part::bytes(content));
    let rb = env
        .http
        .post(env.url("/upload/v2/file/slice"))
        .header("Platform", "open_platform")
        .multipart(form);
    assert_eq!(err(&env.json(rb).await).0, 401);
}

#[tokio::test]
async fn wrong_etag_fails_the_upload() {
    let env = env_with(0).await;
    let content = bytes(SLICE as usize + 99, 6);
    let body = json!({
        "parentFileID": 0, "filename": "bad", "etag": md5_hex(b"something else"), "size": content.len(),
    });
    let v = env.post("/upload/v2/file/create", body).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let server = env.server.base_url().to_owned();
    for (i, chunk) in content.chunks(SLICE as usize).enumerate() {
        ok(&send_slice(&env, &server, &pre, i + 1, chunk, &md5_hex(chunk)).await);
    }
    let (v, _) = poll_done(&env, &pre).await;
    assert_eq!(err(&v), (1, "文件上传失败".to_owned()));
    assert_eq!(
        err(&complete(&env, &pre).await).1,
        "文件上传失败",
        "terminal"
    );
    assert!(env.server.id_of("/bad").is_none());
}

#[tokio::test]
async fn missing_slice_fails_the_upload() {
    let env = env_with(0).await;
    let content = bytes(2 * SLICE as usize, 7);
    let v = create(&env, 0, "holes", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let first = &content[..SLICE as usize];
    ok(&send_slice(&env, env.server.base_url(), &pre, 1, first, &md5_hex(first)).await);
    let (v, _) = poll_done(&env, &pre).await;
    assert_eq!(err(&v).1, "文件上传失败");
}

#[tokio::test]
async fn instant_upload_reuses_stored_content() {
    let env = env_with(0).await;
    let content = bytes(5000, 8);
    env.put_file(0, "original", &content).await;
    let v = create(&env, 0, "copy", &content, None).await;
    let d = ok(&v);
    assert_eq!(d["reuse"], true);
    assert!(d.get("preuploadID").is_none());
    let id = d["fileID"].as_i64().unwrap();
    assert_eq!(env.server.entry(id).unwrap().name, "copy");
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    // Empty files are always known.
    let v = create(&env, 0, "empty", b"", None).await;
    assert_eq!(ok(&v)["reuse"], true);
}

#[tokio::test]
async fn duplicate_policies() {
    let env = env_with(0).await;
    let old = env.put_file(0, "报告.pdf", b"old").await;
    let new = b"new content";
    let v = create(&env, 0, "报告.pdf", new, None).await;
    assert_eq!(err(&v), (1, "当前目录有重名文件".to_owned()));
    err(&create(&env, 0, "报告.pdf", new, Some(0)).await);
    err(&create(&env, 0, "报告.pdf", new, Some(7)).await);
    env.put_file(0, "seed", new).await;
    let v = create(&env, 0, "报告.pdf", new, Some(1)).await;
    let kept = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.entry(kept).unwrap().name, "报告(1).pdf");
    let v = create(&env, 0, "报告.pdf", new, Some(2)).await;
    let over = ok(&v)["fileID"].as_i64().unwrap();
    assert!(
        env.server.entry(old).is_none(),
        "the old file leaves the folder"
    );
    assert_eq!(env.server.id_of("/报告.pdf"), Some(over));
    assert_eq!(env.names(0).await, ["seed", "报告(1).pdf", "报告.pdf"]);
}

#[tokio::test]
async fn duplicate_is_applied_when_the_upload_completes() {
    let env = env_with(0).await;
    let content = bytes(100, 10);
    let v = create(&env, 0, "x.txt", &content, Some(1)).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    env.put_file(0, "x.txt", b"arrived meanwhile").await;
    ok(&send_slice(
        &env,
        env.server.base_url(),
        &pre,
        1,
        &content,
        &md5_hex(&content),
    )
    .await);
    let (v, _) = poll_done(&env, &pre).await;
    let id = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.entry(id).unwrap().name, "x(1).txt");
}

#[tokio::test]
async fn create_checks() {
    let env = env_with(0).await;
    let content = b"abc";
    err(&create(&env, 0, "a:b", content, None).await);
    err(&create(&env, 0, "   ", content, None).await);
    err(&create(&env, 31_337, "a", content, None).await);
    let too_big = json!({"parentFileID": 0, "filename": "huge", "etag": md5_hex(b"x"), "size": (10u64 << 30) + 1});
    err(&env.post("/upload/v2/file/create", too_big).await);
    let ten_gb =
        json!({"parentFileID": 0, "filename": "huge", "etag": md5_hex(b"x"), "size": 10u64 << 30});
    ok(&env.post("/upload/v2/file/create", ten_gb).await);
    let upper = json!({"parentFileID": 0, "filename": "u", "etag": md5_hex(b"x").to_uppercase(), "size": 1});
    err(&env.post("/upload/v2/file/create", upper).await);
    let v = env
        .post(
            "/upload/v2/file/create",
            json!({"parentFileID": 0, "filename": "/你好/123/测试文件.mp4", "etag": md5_hex(b"x"),
                   "size": 1, "containDir": true}),
        )
        .await;
    ok(&v);
    assert!(env.server.id_of("/你好/123").is_some());
}

pub(crate) async fn single(
    env: &Env,
    name: &str,
    content: &[u8],
    etag: &str,
    extra: &[(&str, &str)],
) -> Value {
    let mut form = Form::new()
        .text("parentFileID", "0")
        .text("filename", name.to_owned())
        .text("etag", etag.to_owned())
        .text("size", content.len().to_string());
    for (k, v) in extra {
        form = form.text(k.to_string(), v.to_string());
    }
    let form = form.part(
        "file",
        Part::bytes(content.to_vec()).file_name(name.to_owned()),
    );
    let v = env.get("/upload/v2/file/domain", &[]).await;
    let domain = ok(&v)[0].as_str().unwrap().to_owned();
    let rb = env
        .http
        .post(format!("{domain}/upload/v2/file/single/create"))
        .header("Platform", "open_platform")
        .bearer_auth(&env.token)
        .multipart(form);
    env.json(rb).await
}

#[tokio::test]
async fn single_step_upload() {
    let env = env_with(0).await;
    let content = bytes(200_000, 11);
    let v = single(&env, "单步.bin", &content, &md5_hex(&content), &[]).await;
    let d = ok(&v);
    assert_eq!(d["completed"], true);
    let id = d["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    let v = single(&env, "单步.bin", &content, &md5_hex(&content), &[]).await;
    assert_eq!(err(&v).1, "当前目录有重名文件");
    let v = single(
        &env,
        "单步.bin",
        &content,
        &md5_hex(&content),
        &[("duplicate", "1")],
    )
    .await;
    let kept = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.entry(kept).unwrap().name, "单步(1).bin");
    let v = single(
        &env,
        "/a/b/c.bin",
        &content,
        &md5_hex(&content),
        &[("containDir", "true")],
    )
    .await;
    ok(&v);
    assert!(env.server.id_of("/a/b/c.bin").is_some());
}

#[tokio::test]
async fn single_step_verifies_md5_and_size() {
    let env = env_with(0).await;
    let content = bytes(1000, 12);
    let v = single(&env, "bad.bin", &content, &md5_hex(b"other"), &[]).await;
    assert_eq!(err(&v).1, "文件上传失败");
    assert!(env.server.id_of("/bad.bin").is_none());
    let v = single(&env, "x|y", &content, &md5_hex(&content), &[]).await;
    err(&v);
}

#[tokio::test]
async fn single_step_is_capped_at_1_gib() {
    let env = env_with(0).await;
    // Declares 1 GiB + 1 while sending a few bytes: the declared size is refused.
    let form = Form::new()
        .text("parentFileID", "0")
        .text("filename", "big.iso")
        .text("etag", md5_hex(b"abc"))
        .text("size", ((1u64 << 30) + 1).to_string())
        .part("file", Part::bytes(b"abc".to_vec()));
    let rb = env
        .req(Method::POST, "/upload/v2/file/single/create")
        .multipart(form);
    let (_, message) = err(&env.json(rb).await);
    assert!(message.contains("1GB"), "{message}");
}

#[tokio::test]
async fn a_slice_sent_again_replaces_the_first_copy_everywhere() {
    let env = env_with(0).await;
    let content = bytes(3 * SLICE as usize, 11);
    let v = create(&env, 0, "again.bin", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let server = env.server.base_url().to_owned();
    let chunks: Vec<&[u8]> = content.chunks(SLICE as usize).collect();
    let wrong = bytes(SLICE as usize, 12);
    for (no, chunk) in [
        (1, chunks[0]),
        (2, &wrong[..]),
        (3, chunks[2]),
        (2, chunks[1]),
    ] {
        ok(&send_slice(&env, &server, &pre, no, chunk, &md5_hex(chunk)).await);
    }
    let (v, _) = poll_done(&env, &pre).await;
    let id = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);

    let v = create(&env, 0, "spoiled.bin", &bytes(2 * SLICE as usize, 13), None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let good = bytes(2 * SLICE as usize, 13);
    let (first, second) = good.split_at(SLICE as usize);
    for (no, chunk) in [(1, first), (2, second), (1, &wrong[..])] {
        ok(&send_slice(&env, &server, &pre, no, chunk, &md5_hex(chunk)).await);
    }
    let (v, _) = poll_done(&env, &pre).await;
    assert_eq!(err(&v).1, "文件上传失败");
}

#[tokio::test]
async fn slices_in_order_are_checked_and_taken_into_the_running_hash_in_one_pass() {
    let env = env_with(0).await;
    let content = bytes(4 * SLICE as usize, 21);
    let v = create(&env, 0, "in-order.bin", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let server = env.server.base_url().to_owned();
    let chunks: Vec<&[u8]> = content.chunks(SLICE as usize).collect();
    // Slice 2 first arrives with content that doesn't match its MD5: refused, and the
    // running hash must not have taken it in.
    let wrong = bytes(SLICE as usize, 22);
    let sends = [
        (1, chunks[0], md5_hex(chunks[0])),
        (2, &wrong[..], md5_hex(chunks[1])),
        (2, chunks[1], md5_hex(chunks[1])),
        (3, chunks[2], md5_hex(chunks[2])),
        (4, chunks[3], md5_hex(chunks[3])),
    ];
    for (i, (no, chunk, md5)) in sends.iter().enumerate() {
        let v = send_slice(&env, &server, &pre, *no, chunk, md5).await;
        match i {
            1 => assert_eq!(err(&v).1, "分片MD5校验失败"),
            _ => {
                ok(&v);
            }
        }
    }
    let (v, _) = poll_done(&env, &pre).await;
    let id = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(id).await.unwrap(), content);
    assert_eq!(env.server.stats().slices_hashed_in_one_pass, 4);
}

#[tokio::test]
async fn empty_files_are_refused_only_under_the_knob() {
    let env = env_with(0).await;
    let v = single(&env, "empty.txt", b"", &md5_hex(b""), &[]).await;
    let kept = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(
        env.server.entry(kept).unwrap().size,
        0,
        "accepted by default"
    );

    env.server.set_knobs(|k| k.refuse_empty_files = true);
    let v = single(&env, "refused.txt", b"", &md5_hex(b""), &[]).await;
    let (code, message) = err(&v);
    assert_eq!(code, 1);
    assert!(message.contains("空文件"), "{message}");
    // Refused even though its content (the empty blob) is already stored.
    let (code, _) = err(&create(&env, 0, "refused.txt", b"", None).await);
    assert_eq!(code, 1);
    assert!(env.server.id_of("/refused.txt").is_none());
    let v = single(&env, "one.txt", b"1", &md5_hex(b"1"), &[]).await;
    ok(&v);
}

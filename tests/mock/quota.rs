//! The account's space: uploads that would take `spaceUsed` past the quota are refused (code
//! 1; no document names the real code or message), instant ones included, and `user/info`
//! says what is used. Also the `slice_hold` knob and the byte counters tests measure with.

use crate::common::{bytes, err, md5_hex, ok};
use crate::upload::{SLICE, create, env_with, send_slice, single};

#[tokio::test]
async fn uploads_past_the_quota_are_refused_instant_ones_too() {
    let env = env_with(0).await;
    let stored = bytes(300_000, 1);
    env.put_file(0, "stored.bin", &stored).await;
    env.server.set_knobs(|k| k.quota = 400_000);
    let info = env.get("/api/v1/user/info", &[]).await;
    assert_eq!(ok(&info)["spaceUsed"], 300_000);
    assert_eq!(ok(&info)["spacePermanent"], 400_000);

    let big = bytes(200_000, 2);
    let (code, message) = err(&create(&env, 0, "big.bin", &big, None).await);
    assert_eq!(code, 1);
    assert!(message.contains("空间不足"), "{message}");
    // The same content as a stored file would be instant, and still adds to spaceUsed.
    let (_, message) = err(&create(&env, 0, "copy.bin", &stored, None).await);
    assert!(message.contains("空间不足"), "{message}");
    let (_, message) = err(&single(&env, "big.bin", &big, &md5_hex(&big), &[]).await);
    assert!(message.contains("空间不足"), "{message}");
    assert_eq!(
        env.server.stats().upload_bytes,
        200_000,
        "the single body arrived"
    );

    let fits = bytes(100_000, 3);
    let v = create(&env, 0, "fits.bin", &fits, None).await;
    assert!(ok(&v)["preuploadID"].is_string());
}

#[tokio::test]
async fn held_slices_wait_unread_until_the_knob_lets_them_go() {
    let env = env_with(0).await;
    env.server.set_knobs(|k| k.slice_hold = Some(1));
    let content = bytes(2 * SLICE as usize, 4);
    let v = create(&env, 0, "held.bin", &content, None).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let server = env.server.base_url().to_owned();
    let chunks: Vec<&[u8]> = content.chunks(SLICE as usize).collect();
    let first = send_slice(&env, &server, &pre, 1, chunks[0], &md5_hex(chunks[0])).await;
    ok(&first);
    let (env, second) = (std::sync::Arc::new(env), chunks[1].to_vec());
    let held = {
        let env = std::sync::Arc::clone(&env);
        tokio::spawn(async move {
            let md5 = md5_hex(&second);
            send_slice(&env, &server, &pre, 2, &second, &md5).await
        })
    };
    while env.server.stats().calls_to("/upload/v2/file/slice") < 2 {
        tokio::task::yield_now().await;
    }
    let stats = env.server.stats();
    assert_eq!((stats.slices_accepted, stats.upload_bytes), (1, SLICE));
    assert!(!held.is_finished(), "the second slice is held");
    env.server.set_knobs(|k| k.slice_hold = None);
    ok(&held.await.unwrap());
    let stats = env.server.stats();
    assert_eq!((stats.slices_accepted, stats.upload_bytes), (2, 2 * SLICE));
}

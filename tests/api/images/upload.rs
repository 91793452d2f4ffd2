//! Uploads: the whole flow, the steps one by one, async completion polling, expired URLs,
//! instant uploads, and refusals on the client and on the server.

use bytes::Bytes;
use panfm::api::{
    ApiErrorKind, IMAGE_ROOT, ImageCreateOutcome, ImageCreateRequest, ImageRefusal,
    ImageUploadError, ImageUploadOutcome, md5_hex,
};

use super::support::{PROMPT, png};
use crate::common::{calls, client, mock};

const PUT: &str = "/oss-put";
const URL: &str = "/upload/v1/oss/file/get_upload_url";
const RESULT: &str = "/upload/v1/oss/file/upload_async_result";

#[tokio::test]
async fn upload_image_sends_the_bytes_without_api_headers() {
    let mock = mock().await;
    mock.set_knobs(|k| k.complete_pending_polls = 0);
    let client = client(&mock);
    let dir = client.image_mkdir(IMAGE_ROOT, "up").await.unwrap();
    let bytes = png(20_000, 3);
    let id = client
        .upload_image(&dir, "a.png", Bytes::from(bytes.clone()), PROMPT)
        .await
        .unwrap();
    // The mock answers a PUT carrying Authorization or Platform with 400/403, so a stored
    // image means the PUT went without them.
    assert_eq!(mock.image_bytes(&id).await.unwrap(), bytes);
    assert_eq!(mock.image_id_of("/up/a.png"), Some(id));
    assert_eq!((calls(&mock, PUT), calls(&mock, URL)), (1, 1));
    assert_eq!(calls(&mock, RESULT), 0, "completed synchronously");
}

#[tokio::test]
async fn sliced_upload_polls_the_async_result() {
    let mock = mock().await;
    mock.set_knobs(|k| {
        k.image_slice_size = 1_000;
        k.complete_pending_polls = 3;
    });
    let client = client(&mock);
    let bytes = png(2_500, 4);
    let id = client
        .upload_image(IMAGE_ROOT, "sliced.png", Bytes::from(bytes.clone()), PROMPT)
        .await
        .unwrap();
    assert_eq!(mock.image_bytes(&id).await.unwrap(), bytes);
    assert_eq!(calls(&mock, PUT), 3);
    assert_eq!(calls(&mock, RESULT), 4, "three pending answers, then done");
}

#[tokio::test]
async fn the_steps_one_by_one() {
    let mock = mock().await;
    mock.set_knobs(|k| {
        k.image_slice_size = 1_000;
        k.complete_pending_polls = 2;
    });
    let client = client(&mock);
    let bytes = png(1_500, 5);
    let request = ImageCreateRequest::new(IMAGE_ROOT, "steps.png", &md5_hex(&bytes), 1_500);
    let ImageCreateOutcome::Upload {
        preupload_id,
        slice_size,
    } = client.image_create(&request).await.unwrap()
    else {
        panic!("expected an upload session");
    };
    assert_eq!(slice_size, 1_000);
    for (i, slice) in bytes.chunks(1_000).enumerate() {
        let url = client
            .image_upload_url(&preupload_id, i as u32 + 1)
            .await
            .unwrap();
        assert!(url.multipart);
        assert!(
            !format!("{url:?}").contains("t="),
            "Debug hides the signature"
        );
        client
            .image_put_slice(&url, Bytes::copy_from_slice(slice))
            .await
            .unwrap();
    }
    let parts = client.image_upload_parts(&preupload_id).await.unwrap();
    let numbers: Vec<u32> = parts.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(parts[1].size, 500);
    assert_eq!(parts[0].etag, md5_hex(&bytes[..1_000]));
    let first = client.image_upload_complete(&preupload_id).await.unwrap();
    assert_eq!(first, ImageUploadOutcome::Pending);
    let mut answers = Vec::new();
    loop {
        match client.image_upload_result(&preupload_id).await.unwrap() {
            ImageUploadOutcome::Done(id) => {
                assert_eq!(mock.image_bytes(&id).await.unwrap(), bytes);
                break;
            }
            other => answers.push(other),
        }
        assert!(answers.len() < 20);
    }
    assert_eq!(
        answers,
        [ImageUploadOutcome::Pending, ImageUploadOutcome::Pending]
    );
}

#[tokio::test]
async fn an_expired_url_is_replaced() {
    let mock = mock().await;
    let client = client(&mock);
    let bytes = png(900, 6);
    let request = ImageCreateRequest::new(IMAGE_ROOT, "late.png", &md5_hex(&bytes), 900);
    let ImageCreateOutcome::Upload { preupload_id, .. } =
        client.image_create(&request).await.unwrap()
    else {
        panic!("expected an upload session");
    };
    let url = client.image_upload_url(&preupload_id, 1).await.unwrap();
    mock.expire_upload_urls();
    let err = client
        .image_put_slice(&url, Bytes::from(bytes.clone()))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::LinkExpired);
    assert!(err.message.contains("Request has expired"), "{err}");

    // The whole flow asks for new URLs by itself.
    mock.stale_upload_urls(2);
    let id = client
        .upload_image(IMAGE_ROOT, "again.png", Bytes::from(png(900, 7)), PROMPT)
        .await
        .unwrap();
    assert!(mock.image(&id).is_some());
    assert_eq!(calls(&mock, PUT), 1 + 3, "two stale URLs, then a good one");
}

#[tokio::test]
async fn content_the_server_has_is_not_sent_again() {
    let mock = mock().await;
    let client = client(&mock);
    let bytes = Bytes::from(png(5_000, 8));
    let first = client
        .upload_image(IMAGE_ROOT, "one.png", bytes.clone(), PROMPT)
        .await
        .unwrap();
    let puts = calls(&mock, PUT);
    // Same folder, same content: the same image, renamed.
    let same = client
        .upload_image(IMAGE_ROOT, "renamed.png", bytes.clone(), PROMPT)
        .await
        .unwrap();
    assert_eq!(same, first);
    assert_eq!(mock.image(&first).unwrap().name, "renamed.png");
    let dir = client.image_mkdir(IMAGE_ROOT, "other").await.unwrap();
    let other = client
        .upload_image(&dir, "two.png", bytes, PROMPT)
        .await
        .unwrap();
    assert_ne!(other, first);
    assert_eq!(calls(&mock, PUT), puts, "instant uploads send no bytes");
}

#[tokio::test]
async fn the_client_refuses_non_images_before_sending_anything() {
    let mock = mock().await;
    let client = client(&mock);
    let cases = [
        ("notes.txt", b"hello".to_vec()),
        ("fake.png", b"GIF89a-not-a-png".to_vec()),
        ("empty.gif", Vec::new()),
    ];
    for (name, bytes) in cases {
        let err = client
            .upload_image(IMAGE_ROOT, name, Bytes::from(bytes), PROMPT)
            .await
            .unwrap_err();
        assert!(matches!(err, ImageUploadError::Refused(_)), "{name}: {err}");
    }
    let err = client
        .upload_image(
            IMAGE_ROOT,
            "fake.png",
            Bytes::from_static(b"GIF89a......"),
            PROMPT,
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "not an acceptable image: named as PNG but the content is GIF"
    );
    let ImageUploadError::Refused(ImageRefusal::ContentMismatch { .. }) = err else {
        panic!("{err:?}");
    };
    assert_eq!(calls(&mock, "/upload/v1/oss/file/create"), 0);
}

#[tokio::test]
async fn the_server_refuses_what_the_rules_exclude() {
    let mock = mock().await;
    let client = client(&mock);
    let txt = ImageCreateRequest::new(IMAGE_ROOT, "notes.txt", &md5_hex(b"x"), 1);
    let err = client.image_create(&txt).await.unwrap_err();
    assert_eq!(err.code, Some(1));
    assert!(err.message.contains("png"), "{err}");
    let huge = ImageCreateRequest::new(IMAGE_ROOT, "huge.png", &md5_hex(b"y"), (100 << 20) + 1);
    let err = client.image_create(&huge).await.unwrap_err();
    assert!(err.message.contains("100M"), "{err}");
}

#[tokio::test]
async fn bytes_that_do_not_match_the_etag_fail_verification() {
    let mock = mock().await;
    mock.set_knobs(|k| k.complete_pending_polls = 1);
    let client = client(&mock);
    let promised = png(800, 1);
    let request = ImageCreateRequest::new(IMAGE_ROOT, "bad.png", &md5_hex(&promised), 800);
    let ImageCreateOutcome::Upload { preupload_id, .. } =
        client.image_create(&request).await.unwrap()
    else {
        panic!("expected an upload session");
    };
    let url = client.image_upload_url(&preupload_id, 1).await.unwrap();
    client
        .image_put_slice(&url, Bytes::from(png(800, 2)))
        .await
        .unwrap();
    assert_eq!(
        client.image_upload_complete(&preupload_id).await.unwrap(),
        ImageUploadOutcome::Pending
    );
    let err = client
        .image_upload_wait(&preupload_id, PROMPT)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Fatal);
    assert!(err.message.contains("文件上传失败"), "{err}");
}

#[tokio::test]
async fn a_dropped_put_is_retried_with_a_new_url_then_given_up() {
    let mock = mock().await;
    mock.set_knobs(|k| {
        k.drop_rate = 1.0;
        k.rng_seed = Some(7);
    });
    let mut cfg = crate::common::config(&mock, None);
    cfg.retry = crate::common::quick_retries();
    let attempts = cfg.retry.transient_attempts;
    let client = panfm::api::Client::new(cfg).unwrap();
    let bytes = Bytes::from(png(4_000, 9));
    let err = client
        .upload_image(IMAGE_ROOT, "flaky.png", bytes.clone(), PROMPT)
        .await
        .unwrap_err();
    let ImageUploadError::Api(err) = err else {
        panic!("{err:?}");
    };
    assert_eq!(err.kind, ApiErrorKind::Transient, "{err}");
    assert_eq!(calls(&mock, PUT), u64::from(attempts));
    assert_eq!(
        calls(&mock, URL),
        u64::from(attempts),
        "a fresh URL per attempt"
    );
    mock.set_knobs(|k| k.drop_rate = 0.0);
    let id = client
        .upload_image(IMAGE_ROOT, "flaky.png", bytes.clone(), PROMPT)
        .await
        .unwrap();
    assert_eq!(mock.image_bytes(&id).await.unwrap(), bytes);
}

const PARTS: &str = "/upload/v1/oss/file/list_upload_parts";
const COMPLETE: &str = "/upload/v1/oss/file/upload_complete";

#[tokio::test]
async fn slices_the_server_lacks_at_completion_are_sent_again() {
    let mock = mock().await;
    mock.set_knobs(|k| {
        k.image_slice_size = 1_000;
        k.complete_pending_polls = 0;
        k.lost_image_slices = 2;
    });
    let client = client(&mock);
    let bytes = png(2_500, 5);
    let id = client
        .upload_image(IMAGE_ROOT, "gaps.png", Bytes::from(bytes.clone()), PROMPT)
        .await
        .unwrap();
    assert_eq!(mock.image_bytes(&id).await.unwrap(), bytes);
    // Slices 1 and 2 were acknowledged but lost: only they went again.
    assert_eq!(calls(&mock, PUT), 5);
    assert_eq!((calls(&mock, COMPLETE), calls(&mock, PARTS)), (2, 1));
}

#[tokio::test]
async fn an_upload_that_keeps_losing_slices_fails_with_the_reason() {
    let mock = mock().await;
    mock.set_knobs(|k| {
        k.complete_pending_polls = 0;
        k.lost_image_slices = 100;
    });
    let client = client(&mock);
    let err = client
        .upload_image(IMAGE_ROOT, "lossy.png", Bytes::from(png(500, 6)), PROMPT)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("still lacked slices"), "{err}");
    assert_eq!(
        calls(&mock, COMPLETE),
        4,
        "the first completion and three rounds"
    );
    assert!(mock.image_id_of("/lossy.png").is_none());
}

#[tokio::test]
async fn a_check_that_never_ends_is_given_up_at_the_deadline() {
    let mock = mock().await;
    mock.set_knobs(|k| k.complete_pending_polls = u32::MAX);
    let client = client(&mock);
    let patience = panfm::api::Patience::new(
        std::time::Duration::from_millis(1),
        std::time::Duration::from_millis(50),
    );
    let err = client
        .upload_image(IMAGE_ROOT, "slow.png", Bytes::from(png(500, 7)), patience)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("had not finished after 50 ms"),
        "{err}"
    );
    assert!(calls(&mock, RESULT) >= 2);
}

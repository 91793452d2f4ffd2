//! Upload v2 (create, slices, polled complete, instant reuse, single-step) and downloads.

use bytes::Bytes;
use panfm::api::{
    ByteRange, Client, CompleteOutcome, CreateOutcome, CreateRequest, ROOT_DIR, md5_hex,
};

use crate::common::{calls, client, mock};

fn content(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

/// Polls without waiting: the mock counts polls, not seconds.
async fn poll(client: &Client, preupload_id: &str) -> (Vec<CompleteOutcome>, CompleteOutcome) {
    let mut pending = Vec::new();
    for _ in 0..50 {
        match client.upload_complete(preupload_id).await.unwrap() {
            CompleteOutcome::Pending => pending.push(CompleteOutcome::Pending),
            done => return (pending, done),
        }
    }
    panic!("upload never completed");
}

async fn upload_slices(client: &Client, data: &[u8], outcome: CreateOutcome) -> String {
    let CreateOutcome::Upload {
        preupload_id,
        slice_size,
        servers,
    } = outcome
    else {
        panic!("expected an upload session, got {outcome:?}");
    };
    for (i, slice) in data.chunks(slice_size as usize).enumerate() {
        let no = u32::try_from(i + 1).unwrap();
        client
            .upload_slice(
                &servers[0],
                &preupload_id,
                no,
                Bytes::copy_from_slice(slice),
            )
            .await
            .unwrap();
    }
    preupload_id
}

#[tokio::test]
async fn sliced_upload_polls_through_20103_and_completed_false() {
    let mock = mock().await;
    mock.set_knobs(|k| {
        k.slice_size = 16 << 10;
        k.complete_pending_polls = 3;
    });
    let client = client(&mock);
    let data = content(40 << 10);
    let request = CreateRequest::new(
        ROOT_DIR,
        "data.bin",
        &md5_hex(&data).to_uppercase(),
        40 << 10,
    );
    let outcome = client.create_file(&request).await.unwrap();
    let preupload_id = upload_slices(&client, &data, outcome).await;
    assert_eq!(calls(&mock, "/upload/v2/file/slice"), 3, "16 + 16 + 8 KiB");

    let (pending, done) = poll(&client, &preupload_id).await;
    assert!(pending.len() >= 3, "20103, completed:false, 20103 first");
    let CompleteOutcome::Done(id) = done else {
        panic!("{done:?}");
    };
    assert_eq!(mock.file_bytes(id).await.unwrap(), data);

    // The same content again is an instant upload.
    let again = CreateRequest::new(ROOT_DIR, "copy.bin", &md5_hex(&data), 40 << 10);
    match client.create_file(&again).await.unwrap() {
        CreateOutcome::Reused {
            file_id: Some(copy),
        } => assert_ne!(copy, id),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_wrong_etag_fails_at_completion() {
    let mock = mock().await;
    mock.set_knobs(|k| k.slice_size = 16 << 10);
    let client = client(&mock);
    let data = content(20 << 10);
    let request = CreateRequest::new(ROOT_DIR, "bad.bin", &md5_hex(b"something else"), 20 << 10);
    let outcome = client.create_file(&request).await.unwrap();
    let preupload_id = upload_slices(&client, &data, outcome).await;
    let (_, done) = poll(&client, &preupload_id).await;
    assert_eq!(done, CompleteOutcome::Failed("文件上传失败".into()));
}

#[tokio::test]
async fn single_step_upload() {
    let mock = mock().await;
    let client = client(&mock);
    let domains = client.upload_domains().await.unwrap();
    assert_eq!(domains, vec![mock.base_url().to_owned()]);
    let data = content(3000);
    let request = CreateRequest::new(ROOT_DIR, "小文件.txt", &md5_hex(&data), 3000);
    let id = client
        .upload_single(&domains[0], &request, Bytes::from(data.clone()))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mock.entry(id).unwrap().name, "小文件.txt");
    assert_eq!(mock.file_bytes(id).await.unwrap(), data);
}

#[tokio::test]
async fn download_whole_and_ranged() {
    let mock = mock().await;
    let data = content(10_000);
    let id = mock.put_file(ROOT_DIR, "f.bin", &data).await.unwrap();
    let client = client(&mock);
    let url = client.download_url(id).await.unwrap();

    let whole = client.download(&url, None).await.unwrap();
    assert!(!whole.partial);
    assert_eq!(whole.total_size, Some(10_000));
    assert_eq!(whole.bytes().await.unwrap().as_ref(), &data[..]);

    let range = ByteRange {
        start: 9_000,
        end: None,
    };
    let tail = client.download(&url, Some(range)).await.unwrap();
    assert!(tail.partial);
    assert_eq!(tail.total_size, Some(10_000));
    assert_eq!(tail.bytes().await.unwrap().as_ref(), &data[9_000..]);

    let missing = client.download_url(999_999).await.unwrap_err();
    assert_eq!(missing.kind, panfm::api::ApiErrorKind::NotFound);
}

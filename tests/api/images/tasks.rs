//! Copying drive images into the image space (tasks of at most 100 ids, polled, with the
//! failure list) and offline import.

use panfm::api::{ApiErrorKind, IMAGE_ROOT, ImageCopyFailure, ImageCopyStatus, ImageImportRequest};
use panfm::api::{ImportStatus, ROOT_DIR};

use super::support::{PROMPT, png, vip_client};
use crate::common::{calls, client, mock};

const COPY: &str = "/api/v1/oss/source/copy";
const PROCESS: &str = "/api/v1/oss/source/copy/process";

#[tokio::test]
async fn copying_a_drive_folder_keeps_its_images_and_reports_failures() {
    let mock = mock().await;
    mock.set_knobs(|k| k.complete_pending_polls = 2);
    let pics = mock.put_dir(ROOT_DIR, "pics").unwrap();
    let sub = mock.put_dir(pics, "sub").unwrap();
    let a = mock.put_file(pics, "a.png", &png(300, 1)).await.unwrap();
    mock.put_file(pics, "readme.txt", b"not an image")
        .await
        .unwrap();
    let b = png(400, 2);
    mock.put_file(sub, "b.webp", &b).await.unwrap();
    let target = mock.put_image_dir("", "copies").unwrap();
    let clash = mock.put_image_dir(&target, "pics").unwrap();
    mock.put_image(&clash, "a.png", &png(300, 9)).await.unwrap();

    let client = client(&mock);
    let failures = client
        .image_copy_from_drive(&[pics], &target, PROMPT)
        .await
        .unwrap();
    assert_eq!(
        failures,
        [ImageCopyFailure {
            file_id: a,
            name: "a.png".into()
        }]
    );
    assert_eq!(
        calls(&mock, PROCESS),
        3,
        "two running answers, then finished"
    );
    let copied = mock.image_id_of("/copies/pics/sub/b.webp").unwrap();
    assert_eq!(mock.image_bytes(&copied).await.unwrap(), b);
    assert!(mock.image_id_of("/copies/pics/readme.txt").is_none());

    let task = client.image_copy_task(&[pics], IMAGE_ROOT).await.unwrap();
    let progress = client.image_copy_status(&task).await.unwrap();
    assert_eq!(progress.status, ImageCopyStatus::Running);
    client.image_copy_wait(&task, PROMPT).await.unwrap();
    assert!(client.image_copy_failures(&task).await.unwrap().is_empty());
    assert!(mock.image_id_of("/pics/a.png").is_some());
}

#[tokio::test]
async fn more_than_100_drive_ids_become_several_tasks() {
    let mock = mock().await;
    mock.set_knobs(|k| k.complete_pending_polls = 0);
    let dir = mock.put_dir(ROOT_DIR, "flat").unwrap();
    let mut ids = Vec::new();
    for i in 0..150u8 {
        ids.push(
            mock.put_file(dir, &format!("{i}.jpg"), &png(40, i))
                .await
                .unwrap(),
        );
    }
    let client = vip_client(&mock);
    let too_many = client
        .image_copy_task(&ids[..101], IMAGE_ROOT)
        .await
        .unwrap_err();
    assert_eq!(too_many.kind, ApiErrorKind::Fatal);
    assert_eq!(calls(&mock, COPY), 0, "refused before sending");
    let failures = client
        .image_copy_from_drive(&ids, IMAGE_ROOT, PROMPT)
        .await
        .unwrap();
    assert!(failures.is_empty());
    assert_eq!(calls(&mock, COPY), 2, "100 + 50");
    assert_eq!(mock.image_children("").len(), 150);
    let missing = client
        .image_copy_from_drive(&[999_999_999], IMAGE_ROOT, PROMPT)
        .await
        .unwrap_err();
    assert_eq!(
        (missing.completed, missing.error.kind),
        (0, ApiErrorKind::NotFound)
    );
}

#[tokio::test]
async fn offline_import_downloads_a_url_into_a_folder() {
    let mock = mock().await;
    let bytes = png(7_777, 3);
    let source = mock.put_image("", "source.png", &bytes).await.unwrap();
    let client = client(&mock);
    let url = client
        .image_detail(&source)
        .await
        .unwrap()
        .download_url
        .unwrap();
    let dir = client.image_mkdir(IMAGE_ROOT, "imports").await.unwrap();
    let mut request = ImageImportRequest::new(url);
    request.file_name = Some("导入.png".into());
    request.dir_id = Some(dir.clone());
    let task = client.image_import(&request).await.unwrap();
    client.image_import_wait(task, PROMPT).await.unwrap();
    let progress = client.image_import_status(task).await.unwrap();
    assert_eq!(
        (progress.status, progress.percent),
        (ImportStatus::Done, 100)
    );
    let id = mock.image_id_of("/imports/导入.png").unwrap();
    assert_eq!(mock.image_bytes(&id).await.unwrap(), bytes);

    let gone = format!("{}/oss-img/1/gone.png", mock.base_url());
    let mut request = ImageImportRequest::new(gone);
    request.dir_id = Some(dir);
    let task = client.image_import(&request).await.unwrap();
    let err = client.image_import_wait(task, PROMPT).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Fatal);
    let refused = client
        .image_import(&ImageImportRequest::new("ftp://example.invalid/a.png"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, Some(1));
}

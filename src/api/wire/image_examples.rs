//! The image-space response examples of open-platform-guide-and-image-hosting.zh.md, copied
//! verbatim, decoded through the real envelope decoder and converted into model types; and the
//! request bodies checked against the documents' request examples.

use chrono::{TimeZone, Utc};
use pretty_assertions::assert_eq;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::image::{
    CompleteData, CreateBody, CreateData, ListBody, ListData, MkdirBody, MkdirData, MoveBody,
    UploadUrlData, WireImage,
};
use super::image_tasks::{CopyBody, CopyFailData, CopyProcessData, ImportData, ImportProcessData};
use crate::api::endpoint::Endpoint;
use crate::api::envelope::decode;
use crate::api::model::{FileKind, ImageCreateOutcome, ImageEntry};

fn data<T: DeserializeOwned>(endpoint: Endpoint, json: &str) -> T {
    match decode(endpoint, StatusCode::OK, json.as_bytes()) {
        Ok(v) => v,
        Err(f) => panic!("{}", f.error),
    }
}

#[test]
fn mkdir() {
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "list": [
      {
        "filename": "测试图床目录",
        "dirID": "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO"
      }
    ]
  },
  "x-traceID": "e572aaa3-53f1-4c93-b36f-3f162333dbaa_kong-db-5898fdd8c6-t5pvc"
}"#;
    let d: MkdirData = data(Endpoint::ImageMkdir, json);
    assert_eq!(
        d.list[0].dir_id,
        "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO"
    );
    let body = MkdirBody {
        name: "测试图床目录",
        parent_id: "",
        kind: 1,
    };
    let expected = json!({"name": "测试图床目录", "parentID": "", "type": 1});
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
}

#[test]
fn create_and_upload_url() {
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "fileID": "",
    "reuse": false,
    "preuploadID": "h1Kiaaaaaaac/0IDD87IFbIf8T0UWrTNwNNGbGoeklBYFtnlDwBIhd9OfdMjm4abJfDPccrScqQIPdjFasHxGxV//V7bzfUbEEaEt8N6RT2PI/dC/gv...(过长省略)",
    "sliceSize": 104857600
  },
  "x-traceID": "854f0197-36a9-4367-8b46-206a377f4327_kong-db-5898fdd8c6-t5pvc"
}"#;
    let d: CreateData = data(Endpoint::ImageCreate, json);
    let ImageCreateOutcome::Upload { slice_size, .. } = d.into_outcome().unwrap() else {
        panic!("expected an upload");
    };
    assert_eq!(slice_size, 104_857_600);
    let reuse = r#"{"code":0,"message":"ok","data":{"fileID":"abc","reuse":true},"x-traceID":""}"#;
    let d: CreateData = data(Endpoint::ImageCreate, reuse);
    let outcome = d.into_outcome().unwrap();
    assert_eq!(
        outcome,
        ImageCreateOutcome::Reused {
            file_id: Some("abc".into())
        }
    );
    let body = CreateBody {
        parent_file_id: "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO",
        filename: "测试图床.jpg",
        etag: "e62623f4906aeba8f8d8f5de19e1e34e".into(),
        size: 22_032_384,
        kind: 1,
        duplicate: None,
    };
    let expected = json!({
        "parentFileID": "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO",
        "filename": "测试图床.jpg",
        "etag": "e62623f4906aeba8f8d8f5de19e1e34e",
        "size": 22032384,
        "type": 1
    });
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "presignedURL": "https://m74.123624.com/123-846/e62623f4/1815309870-0/e62623f4906aeba8f8d8f5de19e1e34e?X-Amz-Algorithm=AWS4-HMAC-SHA256...(过长省略)",
    "isMultipart": false
  },
  "x-traceID": "b6ef3daa-f4af-407c-a8ee-4df6e9fec0ea_kong-db-5898fdd8c6-wnv6h"
}"#;
    let d: UploadUrlData = data(Endpoint::ImageUploadUrl, json);
    assert!(d.presigned_url.starts_with("https://m74.123624.com/") && !d.is_multipart);
}

#[test]
fn complete_and_async_result() {
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "async": true,
    "completed": false,
    "fileID": ""
  },
  "x-traceID": "27bde78d-228d-4c24-b616-d4ea9c361f54_kong-db-5898fdd8c6-wgsts"
}"#;
    let d: CompleteData = data(Endpoint::ImageUploadComplete, json);
    assert!(d.is_async && !d.completed && d.file_id.is_empty());
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "completed": true,
    "fileID": "rehu6baz03t0l000d7freterfbyq51l4izkneDIYPAIDOBIY0DcxvDwFO"
  },
  "x-traceID": "1f8a00aa-1d95-4bfb-8908-2ccec540b06f_kong-db-5898fdd8c6-wnv6h"
}"#;
    let d: CompleteData = data(Endpoint::ImageUploadResult, json);
    assert!(d.completed && !d.is_async);
    assert_eq!(
        d.file_id,
        "rehu6baz03t0l000d7freterfbyq51l4izkneDIYPAIDOBIY0DcxvDwFO"
    );
}

#[test]
fn detail() {
    let json = r#"{
    "code": 0,
    "message": "ok",
    "data": {
        "fileId": "ymjew503t0m000d7w32xormjidkak3rgDIYPAIDOBIY0DcxvDwFO",
        "filename": "测试图床.jpg",
        "parentFileId": "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO",
        "type": 0,
        "etag": "e62623f4906aeba8f8d8f5de19e1e34e",
        "size": 22027358,
        "status": 2,
        "s3KeyFlag": "1817178140-0",
        "storageNode": "m76",
        "createAt": "2025-03-03 16:38:26",
        "updateAt": "2025-03-03 16:38:26",
        "downloadURL": "https://vip.123pan.cn/1815309870/ymjew503t0m000d7w32xormjidkak3rgDIYPAIDOBIY0DcxvDwFO.jpg",
        "ossIndex": 43,
        "totalTraffic": 0,
        "parentFilename": "测试图床目录",
        "extension": "jpg",
        "userSelfURL": "https://vip.123pan.cn/1815309870/ymjew503t0m000d7w32xormjidkak3rgDIYPAIDOBIY0DcxvDwFO.jpg"
    },
    "x-traceID": "fe8e8c6e-e7bd-44f2-bc83-3243e7e07ee5_kong-db-5898fdd8c6-wgsts"
}"#;
    let e: ImageEntry = data::<WireImage>(Endpoint::ImageDetail, json).into();
    let url =
        "https://vip.123pan.cn/1815309870/ymjew503t0m000d7w32xormjidkak3rgDIYPAIDOBIY0DcxvDwFO.jpg";
    let created = Utc.with_ymd_and_hms(2025, 3, 3, 8, 38, 26).unwrap();
    assert_eq!(
        e,
        ImageEntry {
            id: "ymjew503t0m000d7w32xormjidkak3rgDIYPAIDOBIY0DcxvDwFO".into(),
            name: "测试图床.jpg".into(),
            parent_id: "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO".into(),
            parent_name: "测试图床目录".into(),
            kind: FileKind::File,
            size: 22_027_358,
            etag: "e62623f4906aeba8f8d8f5de19e1e34e".into(),
            extension: "jpg".into(),
            status: 2,
            total_traffic: 0,
            created_at: Some(created),
            updated_at: Some(created),
            download_url: Some(url.into()),
            user_self_url: Some(url.into()),
        }
    );
}

#[test]
fn list() {
    let item = |name: &str, id: &str, time: &str| {
        format!(
            r#"{{"fileId": "{id}", "filename": "{name}",
                "parentFileId": "ymjew503t0m000d5qavemj7c19gu1js0DIYPAIDOBIY0DcxvDwFO",
                "type": 1, "etag": "", "size": 0, "status": 0, "s3KeyFlag": "", "storageNode": "",
                "createAt": "{time}", "updateAt": "{time}", "downloadURL": "", "ossIndex": 42,
                "totalTraffic": 0, "parentFilename": "img_oss", "extension": "", "userSelfURL": ""}}"#
        )
    };
    let json = format!(
        r#"{{"code": 0, "message": "ok", "data": {{"lastFileId": "-1", "fileList": [{}, {}]}},
            "x-traceID": "5e0aa7b9-b430-41d0-bca0-647e28f47ec6_kong-db-5898fdd8c6-wnv6h"}}"#,
        item(
            "测试图床目录1",
            "ymjew503t0l000d7w32x751ex14jo8adDIYPAIDOBIY0DcxvDwFO",
            "2025-03-03 15:43:46"
        ),
        item(
            "测试图床目录",
            "yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO",
            "2025-03-03 15:07:54"
        ),
    );
    let d: ListData = data(Endpoint::ImageList, &json);
    assert_eq!(d.last_file_id, "-1");
    let entries: Vec<ImageEntry> = d.file_list.into_iter().map(ImageEntry::from).collect();
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|e| e.is_dir() && e.download_url.is_none())
    );
    assert_eq!(entries[1].parent_name, "img_oss");
    let body = ListBody {
        parent_file_id: "ymjew503t0m000d5qavemj7c19gu1js0DIYPAIDOBIY0DcxvDwFO",
        limit: 100,
        start_time: None,
        end_time: None,
        last_file_id: None,
        kind: 1,
    };
    let expected = json!({
        "parentFileId": "ymjew503t0m000d5qavemj7c19gu1js0DIYPAIDOBIY0DcxvDwFO",
        "limit": 100,
        "type": 1
    });
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
}

#[test]
fn move_delete_and_task_bodies() {
    let ids = ["yk6baz03t0l000d7w33fbyt8704m2bohDIYPAIDOBIY0DcxvDwFO".to_owned()];
    let body = MoveBody {
        file_ids: &ids,
        to_parent_file_id: "",
    };
    let expected = json!({"fileIDs": ids, "toParentFileID": ""});
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    let body = CopyBody {
        file_ids: &[11, 12],
        to_parent_file_id: "dir-1",
        source_type: 1,
        kind: 1,
    };
    let expected =
        json!({"fileIDs": ["11", "12"], "toParentFileID": "dir-1", "sourceType": 1, "type": 1});
    assert_eq!(serde_json::to_value(body).unwrap(), expected);
    let d: CopyProcessData = data(
        Endpoint::ImageCopyProcess,
        r#"{"code":0,"message":"ok","data":{"status":2,"failMsg":""},"x-traceID":""}"#,
    );
    assert_eq!((d.status, d.fail_msg.as_str()), (2, ""));
    let d: CopyFailData = data(
        Endpoint::ImageCopyFail,
        r#"{"code":0,"message":"ok","data":{"total":0,"list":null},"x-traceID":""}"#,
    );
    assert!(d.total == 0 && d.list.is_empty());
    let d: ImportData = data(
        Endpoint::ImageImport,
        r#"{"code":0,"message":"ok","data":{"taskID":403316},"x-traceID":""}"#,
    );
    assert_eq!(d.task_id, 403_316);
    let d: ImportProcessData = data(
        Endpoint::ImageImportProcess,
        r#"{"code":0,"message":"ok","data":{"process":100,"status":2},"x-traceID":""}"#,
    );
    assert_eq!((d.status, d.process), (2, 100.0));
}
